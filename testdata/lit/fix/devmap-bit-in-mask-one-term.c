// dax-devmap-bit-in-mask, mainline 6.17 (x86): when dropping the devmap bit
// leaves one term, the parentheses it no longer needs go too, as the rule
// documents (old "(pmd_val(pmd) & (_PAGE_PSE | _PAGE_DEVMAP)) == _PAGE_PSE",
// new "(pmd_val(pmd) & _PAGE_PSE) == _PAGE_PSE"), in either operand order.
// RUN: %clang --target=x86_64-linux-gnu -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix --in-place %t.c -- --target=x86_64-linux-gnu -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES --implicit-check-not="not rewritten"
// RUN: %clang --target=x86_64-linux-gnu -fsyntax-only -Wall -Werror -I %{mock_617} %t.c
// RUN: grep -qx 0 %t.rc
#include <linux/mm.h>
// NOTES: daxport fix: 2 findings rewritten with 2 edits in 1 files{{$}}

int drv_is_huge(pmd_t pmd, pud_t pud)
{
	if ((pud_val(pud) & (_PAGE_DEVMAP | _PAGE_PSE)) == _PAGE_PSE)
// FIXED: {{^[[:blank:]]+}}if ((pud_val(pud) & _PAGE_PSE) == _PAGE_PSE){{$}}
		return 1;
	return (pmd_val(pmd) & (_PAGE_PSE | _PAGE_DEVMAP)) == _PAGE_PSE;
// FIXED: {{^[[:blank:]]+}}return (pmd_val(pmd) & _PAGE_PSE) == _PAGE_PSE;{{$}}
}
