// pud_trans_huge(x) || pud_devmap(x): the PUD flavour of the trans-huge disjunction.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

int pud_leaf(pud_t *pudp)
{
	pud_t pud = *pudp;

	// CHECK: trans-huge-pud.c:[[@LINE+1]]:32: warning: pud_devmap() beside the trans-huge test {{.*}} [dax-devmap-trans-huge-disjunction]
	return pud_trans_huge(pud) || pud_devmap(pud);
}
// CHECK: class: mechanical; status: analysed; confidence: high; configurations: default; in pud_leaf()
// CHECK-NEXT: evidence: disjunction with pud_trans_huge()
