// pgd_devmap() (constant 0 everywhere) is dax-pgd-devmap, mechanical.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

void gup_fast_pgd(pgd_t orig)
{
	// CHECK: pgd-devmap.c:[[@LINE+1]]:15: warning: pgd_devmap() was constant 0 on every architecture{{.*}} [dax-pgd-devmap]
	BUILD_BUG_ON(pgd_devmap(orig));
}
// CHECK: class: mechanical; status: analysed; confidence: high; configurations: default; in gup_fast_pgd()
