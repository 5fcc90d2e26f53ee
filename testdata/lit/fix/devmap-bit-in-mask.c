// dax-devmap-bit-in-mask, mainline 6.17 (x86): the freed devmap bit is
// dropped from a mask, wherever it sits in the OR-chain (also in a macro body
// continued over lines), and "x & ~_PAGE_DEVMAP" becomes "x". The case where
// one term is left is devmap-bit-in-mask-one-term.c.
// RUN: %clang --target=x86_64-linux-gnu -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix --in-place %t.c -- --target=x86_64-linux-gnu -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES --implicit-check-not="not rewritten"
// RUN: %clang --target=x86_64-linux-gnu -fsyntax-only -Wall -Werror -I %{mock_617} %t.c
// RUN: grep -qx 0 %t.rc
#include <linux/mm.h>
// NOTES: daxport fix: 4 findings rewritten with 4 edits in 1 files{{$}}

#define DRV_CHG_MASK	(PTE_PFN_MASK | _PAGE_PCD | _PAGE_PWT | _PAGE_SPECIAL |	\
			 _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_DEVMAP)
// FIXED: {{^}}#define DRV_CHG_MASK	(PTE_PFN_MASK | _PAGE_PCD | _PAGE_PWT | _PAGE_SPECIAL |	\{{$}}
// FIXED-NEXT: {{^[[:blank:]]+}}_PAGE_ACCESSED | _PAGE_DIRTY){{$}}

unsigned long drv_masks(pte_t pte, pud_t pud)
{
	unsigned long m = pte_val(pte) & (_PAGE_SPECIAL | _PAGE_DEVMAP | _PAGE_DIRTY);
// FIXED: {{^[[:blank:]]+}}unsigned long m = pte_val(pte) & (_PAGE_SPECIAL | _PAGE_DIRTY);{{$}}
	unsigned long n = pud_val(pud) & ~_PAGE_DEVMAP;
// FIXED: {{^[[:blank:]]+}}unsigned long n = pud_val(pud);{{$}}
	unsigned long o = pte_val(pte) & (_PAGE_DEVMAP | _PAGE_SPECIAL | _PAGE_DIRTY);
// FIXED: {{^[[:blank:]]+}}unsigned long o = pte_val(pte) & (_PAGE_SPECIAL | _PAGE_DIRTY);{{$}}

	return m + n + o + (pte_val(pte) & DRV_CHG_MASK);
}
