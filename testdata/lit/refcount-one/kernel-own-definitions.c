// The kernel's own definitions in mm/ .c files are reported although they are
// static (mm/memremap.c's devmap_managed_key helpers, mm/gup.c's devmap GUP
// leaves), and so are the uses of the devmap_managed_key static key and the
// calls of its helpers. The same static helper in a driver is the driver's own.
// RUN: rm -rf %t && mkdir -p %t/mm %t/drivers/foo
// RUN: cp %s %t/mm/own.c && cp %s %t/drivers/foo/own.c
// RUN: %daxport scan %t/mm/own.c -- -I %mock > %t/mm.out; test $? -eq 1
// RUN: FileCheck %s --input-file=%t/mm.out --implicit-check-not="warning:"
// RUN: %daxport scan %t/drivers/foo/own.c -- -I %mock > %t/drv.out; test $? -eq 1
// RUN: FileCheck %s --check-prefix=DRV --input-file=%t/drv.out
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/module.h>
#include <linux/jump_label.h>

// CHECK: own.c:[[@LINE+2]]:25: warning: {{.*}} [dax-refcount-one-definition]
// DRV: own.c:[[@LINE+1]]:25: warning: {{.*}} [dax-refcount-one-definition]
DEFINE_STATIC_KEY_FALSE(devmap_managed_key);
// The export is part of the definition.
// CHECK: own.c:[[@LINE+1]]:15: warning: {{.*}} [dax-refcount-one-definition]
EXPORT_SYMBOL(devmap_managed_key);

// CHECK: own.c:[[@LINE+1]]:13: warning: {{.*}} [dax-refcount-one-definition]
static void devmap_managed_enable_get(struct dev_pagemap *pgmap)
{
	if (pgmap->type == MEMORY_DEVICE_FS_DAX)
// CHECK: own.c:[[@LINE+1]]:22: warning: {{.*}} [dax-devmap-managed-key]
		static_branch_inc(&devmap_managed_key);
}

int own_memremap_pages(struct dev_pagemap *pgmap)
{
// CHECK: own.c:[[@LINE+1]]:2: warning: {{.*}} [dax-devmap-managed-enable]
	devmap_managed_enable_get(pgmap);
	return 0;
}

// CHECK: own.c:[[@LINE+2]]:12: warning: {{.*}} [dax-devmap-definition]
// DRV-NOT: warning: {{.*}}gup_fast_devmap_leaf
static int gup_fast_devmap_leaf(unsigned long pfn, unsigned long addr,
				unsigned long end, struct page **pages, int *nr)
{
	return 0;
}

int own_gup(unsigned long pfn, struct page **pages, int *nr)
{
	return gup_fast_devmap_leaf(pfn, 0, 0, pages, nr);
}
