// pmd_trans_huge(x) || pmd_devmap(x) with the x86 function-style predicates:
// the devmap disjunct is reported as mechanical, at the pmd_devmap spelling.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

int thp_leaf(pmd_t *pmd)
{
	// CHECK: trans-huge-pmd.c:[[@LINE+1]]:30: warning: pmd_devmap() beside the trans-huge test is redundant {{.*}} [dax-devmap-trans-huge-disjunction]
	if (pmd_trans_huge(*pmd) || pmd_devmap(*pmd))
		return 1;
	return 0;
}
// CHECK-NEXT: {{^}}	if (pmd_trans_huge(*pmd) || pmd_devmap(*pmd)){{$}}
// CHECK-NEXT: {{^}}	                            ^{{$}}
// CHECK-NEXT: class: mechanical; status: analysed; confidence: high; configurations: default; in thp_leaf()
// CHECK-NEXT: evidence: disjunction with pmd_trans_huge()
// CHECK: daxport: 1 finding (devmap-predicate 1) in 1 file; 1 translation unit, 0 parse failures; status: analysed 1
