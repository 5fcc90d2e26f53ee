// dax-devmap-trans-huge-disjunction, mainline 6.17: "pXd_trans_huge(x) ||
// pXd_devmap(x)" keeps only the trans-huge test, for pmd and pud, in either
// operand order, at the end of a longer chain, across lines and in the
// negated "!pXd_trans_huge(x) && !pXd_devmap(x)" form inside WARN_ON() and
// VM_BUG_ON(). Compiling the result against 6.17, where pXd_devmap() no
// longer exists, shows that no half of a disjunction was left behind.
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix --in-place %t.c -- -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES --implicit-check-not="not rewritten"
// RUN: %clang -fsyntax-only -Wall -Werror -I %{mock_617} %t.c
// RUN: grep -qx 0 %t.rc
#include <linux/mm.h>
#include <linux/huge_mm.h>
// NOTES: daxport fix: 8 findings rewritten with 8 edits in 1 files{{$}}

int drv_huge(pmd_t *pmdp, pud_t *pudp, pmd_t a, pmd_t b)
{
	int r = 0;

	if (pmd_trans_huge(*pmdp) || pmd_devmap(*pmdp))
// FIXED: {{^[[:blank:]]+}}if (pmd_trans_huge(*pmdp)){{$}}
		r++;
	if (pud_trans_huge(*pudp) || pud_devmap(*pudp))
// FIXED: {{^[[:blank:]]+}}if (pud_trans_huge(*pudp)){{$}}
		r++;
	if (pmd_devmap(a) || pmd_trans_huge(a))
// FIXED: {{^[[:blank:]]+}}if (pmd_trans_huge(a)){{$}}
		r++;
	if (pmd_none(a) || pmd_trans_huge(a) || pmd_devmap(a))
// FIXED: {{^[[:blank:]]+}}if (pmd_none(a) || pmd_trans_huge(a)){{$}}
		r++;
	WARN_ON(!pmd_trans_huge(*pmdp) && !pmd_devmap(*pmdp));
// FIXED: {{^[[:blank:]]+}}WARN_ON(!pmd_trans_huge(*pmdp));{{$}}
	VM_BUG_ON(!pud_trans_huge(*pudp) && !pud_devmap(*pudp));
// FIXED: {{^[[:blank:]]+}}VM_BUG_ON(!pud_trans_huge(*pudp));{{$}}
	if (pmd_trans_huge(b) ||
	    pmd_devmap(b))
		r++;
// FIXED: {{^[[:blank:]]+}}if (pmd_trans_huge(b)){{$}}
// FIXED-NEXT: {{^[[:blank:]]+}}r++;{{$}}
	return r + (pud_trans_huge(*pudp) ||
		    pud_devmap(*pudp));
// FIXED: {{^[[:blank:]]+}}return r + (pud_trans_huge(*pudp));{{$}}
}
