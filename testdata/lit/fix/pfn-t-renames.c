// dax-page-to-pfn-t, dax-pfn-t-to-page, dax-pfn-t-to-phys, dax-pfn-t-valid,
// dax-pfn-t-pte, mainline 6.17: the helpers are renamed and keep their
// arguments: page_to_pfn_t -> page_to_pfn, pfn_t_to_page -> pfn_to_page,
// pfn_t_to_phys -> PFN_PHYS, pfn_t_valid -> pfn_valid, pfn_t_pte/pmd/pud ->
// pfn_pte/pmd/pud, also with a compound argument and across lines.
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix --in-place %t.c -- -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES --implicit-check-not="not rewritten"
// RUN: %clang -fsyntax-only -Wall -Werror -I %{mock_617} %t.c
// RUN: grep -qx 0 %t.rc
#include <linux/mm.h>
#include <linux/pfn_t.h>
// NOTES: daxport fix: {{[0-9]+}} findings rewritten with {{[0-9]+}} edits in 1 files{{$}}

unsigned long renames(struct page *pages, unsigned long i, pfn_t p, pgprot_t prot)
{
	pfn_t a = page_to_pfn_t(pages);
// FIXED: {{^[[:blank:]]+}}unsigned long a = page_to_pfn(pages);{{$}}
	pfn_t b = page_to_pfn_t(pages + i);
// FIXED: {{^[[:blank:]]+}}unsigned long b = page_to_pfn(pages + i);{{$}}
	struct page *pg = pfn_t_to_page(p);
// FIXED: {{^[[:blank:]]+}}struct page *pg = pfn_to_page(p);{{$}}
	phys_addr_t ph = pfn_t_to_phys(a);
// FIXED: {{^[[:blank:]]+}}phys_addr_t ph = PFN_PHYS(a);{{$}}
	int v = pfn_t_valid(b) && pfn_t_valid(p);
// FIXED: {{^[[:blank:]]+}}int v = pfn_valid(b) && pfn_valid(p);{{$}}
	pte_t pte = pfn_t_pte(p, prot);
// FIXED: {{^[[:blank:]]+}}pte_t pte = pfn_pte(p, prot);{{$}}
	pmd_t pmd = pfn_t_pmd(a, __pgprot(pgprot_val(prot) | 1));
// FIXED: {{^[[:blank:]]+}}pmd_t pmd = pfn_pmd(a, __pgprot(pgprot_val(prot) | 1));{{$}}
	pud_t pud = pfn_t_pud(b,
			      prot);
// (Layout of a call split across lines is not asserted: the tool may join it.)
// FIXED: {{^[[:blank:]]+}}pud_t pud = pfn_pud(b,{{[[:space:]]+}}prot);{{$}}

	if (pfn_t_to_page(a) != pages)
// FIXED: {{^[[:blank:]]+}}if (pfn_to_page(a) != pages){{$}}
		return 0;
	return (unsigned long)pg + ph + v + pte_val(pte) + pmd_val(pmd) +
	       pud_val(pud) + pfn_t_to_phys(p) % PAGE_SIZE;
// FIXED: {{^[[:blank:]]+}}pud_val(pud) + PFN_PHYS(p) % PAGE_SIZE;{{$}}
}
