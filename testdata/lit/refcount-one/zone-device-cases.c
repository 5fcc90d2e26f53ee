// Refcount-one assumptions on DAX / ZONE_DEVICE pages: every case is reported
// with the evidence that made the decision.
// RUN: %daxport scan %s -- -I %mock > %t.out; test $? -eq 1
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not="warning:"
#include <linux/types.h>
#include <linux/mm.h>
#include <linux/dax.h>
#include <linux/fs.h>
#include <linux/memremap.h>
#include <linux/sched.h>
#include <linux/wait_bit.h>

void myfs_wait_dax_page(struct inode *inode);

/* ext4/xfs/fuse-style break-layouts wait: idle at refcount 1. */
int myfs_break_layouts(struct inode *inode)
{
	struct page *page;
	int error = 0;

	do {
		page = dax_layout_busy_page(inode->i_mapping);
		if (!page)
			return 0;
// CHECK: zone-device-cases.c:[[@LINE+2]]:11: warning: {{.*}} [dax-refcount-one-wait]
// CHECK-NEXT: error = ___wait_var_event
		error = ___wait_var_event(&page->_refcount,
				atomic_read(&page->_refcount) == 1,
				TASK_INTERRUPTIBLE, 0, 0,
				myfs_wait_dax_page(inode));
	} while (error == 0);
	return error;
}
// CHECK: evidence: waits on &page->_refcount until atomic_read(&page->_refcount)==1

/* fs/dax.c-style busy test. */
static struct page *mydax_busy_page(void *entry, struct page *page)
{
// CHECK: zone-device-cases.c:[[@LINE+1]]:6: warning: {{.*}} [dax-refcount-one-comparison]
	if (page_ref_count(page) > 1)
		return page;
	return NULL;
}
// CHECK: evidence: page_ref_count() of a struct page compared with 1 (>); in a DAX/ZONE_DEVICE place: mydax_busy_page()

/* A page found through dax_layout_busy_page() and compared with 1. */
bool myfs_page_idle(struct address_space *mapping)
{
	struct page *page = dax_layout_busy_page(mapping);
// CHECK: zone-device-cases.c:[[@LINE+1]]:9: warning: {{.*}} [dax-refcount-one-comparison]
	return page_count(page) == 1;
}
// CHECK: evidence: page_count() of a struct page compared with 1 (==); page from dax_layout_busy_page() (line [[@LINE-4]])

/* memremap.c-style put: wake when the count drops to 1. */
void mydev_put_folio(struct folio *folio, int refs)
{
// CHECK: zone-device-cases.c:[[@LINE+1]]:6: warning: {{.*}} [dax-refcount-one-comparison]
	if (folio_ref_sub_return(folio, refs) == 1)
		wake_up_var(&folio->_refcount);
}
// CHECK: evidence: folio_ref_sub_return() of a struct folio compared with 1 (==); waits or wakes on the refcount address in mydev_put_folio()

/* A devmap-managed put. */
void mydrv_release(struct folio *folio)
{
// CHECK: zone-device-cases.c:[[@LINE+1]]:7: warning: {{.*}} [dax-put-devmap-managed]
	if (!put_devmap_managed_folio_refs(folio, 1))
		folio_put(folio);
}

/* ZONE_DEVICE free path resetting the count to 1 for handing out again. */
void mydev_free_folio(struct folio *folio, struct dev_pagemap *pgmap)
{
	if (pgmap->type == MEMORY_DEVICE_FS_DAX)
		return;
// CHECK: zone-device-cases.c:[[@LINE+1]]:2: warning: {{.*}} [dax-refcount-one-set]
	folio_set_count(folio, 1);
}
// CHECK: evidence: folio_set_count() writes a refcount of 1; guard MEMORY_DEVICE_FS_DAX in mydev_free_folio(); next to pgmap handling

/* p2pdma-style mmap relying on the implicit initial 1 of a pool page. */
int mydev_p2pmem_mmap(struct vm_area_struct *vma, struct page *page)
{
// CHECK: zone-device-cases.c:[[@LINE+1]]:10: warning: {{.*}} [dax-refcount-one-comparison]
	WARN_ON(page_ref_count(page) != 1);
	return vm_insert_page(vma, vma->vm_start, page);
}
// CHECK: evidence: page_ref_count() of a struct page compared with 1 (!=); in a DAX/ZONE_DEVICE place: mydev_p2pmem_mmap()

/* Direct page->pgmap (6.15: page_pgmap()). */
int mydev_page_type(struct page *page)
{
// CHECK: zone-device-cases.c:[[@LINE+1]]:15: warning: {{.*}} [dax-page-pgmap]
	return page->pgmap->type;
}
