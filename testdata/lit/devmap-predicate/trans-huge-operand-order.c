// Operand order does not matter (rule dax-devmap-trans-huge-disjunction):
// pXd_devmap(x) || pXd_trans_huge(x) is the same redundant disjunct as the
// usual order, not a standalone predicate use.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

int pud_leaf_rev(pud_t pud)
{
	// CHECK: trans-huge-operand-order.c:[[@LINE+1]]:9: warning: pud_devmap() beside the trans-huge test {{.*}} [dax-devmap-trans-huge-disjunction]
	return pud_devmap(pud) || pud_trans_huge(pud);
}

int pmd_leaf_rev(pmd_t *pmd)
{
	// CHECK: trans-huge-operand-order.c:[[@LINE+1]]:6: warning: pmd_devmap() beside the trans-huge test {{.*}} [dax-devmap-trans-huge-disjunction]
	if (pmd_devmap(*pmd) || pmd_trans_huge(*pmd))
		return 1;
	return 0;
}
