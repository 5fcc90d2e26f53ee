// A trans-huge disjunction continuing onto the next line: the finding is on the
// line of pmd_devmap, and the source line shown is that line.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

int is_huge_leaf(pmd_t pmd)
{
	// CHECK: disjunction-next-line.c:[[@LINE+2]]:9: warning: pmd_devmap() beside the trans-huge test {{.*}} [dax-devmap-trans-huge-disjunction]
	return pmd_trans_huge(pmd) ||
	       pmd_devmap(pmd);
}
// CHECK-NEXT: {{^}}	       pmd_devmap(pmd);{{$}}
// CHECK-NEXT: {{^}}	       ^{{$}}
// CHECK-NEXT: class: mechanical; status: analysed; confidence: high; configurations: default; in is_huge_leaf()
// CHECK-NEXT: evidence: disjunction with pmd_trans_huge()
