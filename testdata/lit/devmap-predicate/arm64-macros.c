// arm64 defines pte_devmap()/pmd_devmap()/pud_devmap() and pmd_mkdevmap() as
// preprocessor macros (mock <asm/pgtable.h> under __aarch64__): the uses are
// still reported at the spelling in this file, with the same rules as the
// function-style x86 predicates.
// RUN: %daxport scan %s -- --target=aarch64-linux-gnu -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

#ifndef __aarch64__
#error "this test must be compiled for arm64"
#endif

int arm_leaf(pmd_t *pmd)
{
	// CHECK: arm64-macros.c:[[@LINE+1]]:30: warning: pmd_devmap() beside the trans-huge test {{.*}} [dax-devmap-trans-huge-disjunction]
	if (pmd_trans_huge(*pmd) || pmd_devmap(*pmd))
		return 1;
	// CHECK-NEXT: {{^}}	if (pmd_trans_huge(*pmd) || pmd_devmap(*pmd)){{$}}
	// CHECK-NEXT: {{^}}	                            ^{{$}}
	// CHECK-NEXT: class: mechanical; status: analysed; confidence: high; configurations: default; in arm_leaf()
	// CHECK-NEXT: evidence: disjunction with pmd_trans_huge()
	// CHECK: arm64-macros.c:[[@LINE+1]]:36: warning: pmd_devmap() beside the trans-huge test {{.*}} [dax-devmap-trans-huge-disjunction]
	WARN_ON(!pmd_trans_huge(*pmd) && !pmd_devmap(*pmd));
	// CHECK: arm64-macros.c:[[@LINE+1]]:28: warning: pmd_devmap() is OR-ed with a test other than the trans-huge check{{.*}} [dax-devmap-other-disjunction]
	if (!pmd_present(*pmd) || pmd_devmap(*pmd))
		return 2;
	return 0;
}

int arm_pte(pte_t pte, pud_t pud)
{
	// CHECK: arm64-macros.c:[[@LINE+1]]:6: warning: pte_devmap() is removed in 6.17{{.*}} [dax-devmap-predicate]
	if (pte_devmap(pte))
		return 1;
	// CHECK: arm64-macros.c:[[@LINE+1]]:32: warning: pud_devmap() beside the trans-huge test {{.*}} [dax-devmap-trans-huge-disjunction]
	return pud_trans_huge(pud) || pud_devmap(pud);
}

pmd_t arm_mk(pmd_t entry)
{
	// CHECK: arm64-macros.c:[[@LINE+1]]:9: warning: pmd_mkdevmap() is removed in 6.17{{.*}} [dax-mkdevmap]
	return pmd_mkdevmap(entry);
}
