// In a longer chain (is_swap_pmd(x) || pmd_trans_huge(x) || pmd_devmap(x), as
// in mm/) the devmap term is still the trans-huge disjunct; the other terms stay.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

int my_is_swap_pmd(pmd_t pmd);

int has_huge_entry(pmd_t *pmd)
{
	// CHECK: trans-huge-chain.c:[[@LINE+1]]:57: warning: pmd_devmap() beside the trans-huge test {{.*}} [dax-devmap-trans-huge-disjunction]
	return my_is_swap_pmd(*pmd) || pmd_trans_huge(*pmd) || pmd_devmap(*pmd);
}
