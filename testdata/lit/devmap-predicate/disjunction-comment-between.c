// A comment between the operands of the trans-huge disjunction does not change
// what the expression is: still the mechanical trans-huge rule.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

int is_huge_leaf(pmd_t pmd)
{
	return pmd_trans_huge(pmd) || /* DAX PMDs are devmap, not trans-huge */
	// CHECK: disjunction-comment-between.c:[[@LINE+1]]:9: warning: pmd_devmap() beside the trans-huge test {{.*}} [dax-devmap-trans-huge-disjunction]
	       pmd_devmap(pmd);
}
