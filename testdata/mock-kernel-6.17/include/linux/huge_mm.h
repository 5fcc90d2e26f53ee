/* Self-written mock of <linux/huge_mm.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_HUGE_MM_H
#define _MOCK_LINUX_HUGE_MM_H

#include <linux/types.h>
#include <linux/mm_types.h>
#include <linux/pfn.h>
#include <linux/pgtable.h>
#include <linux/fs.h>		/* vma_is_dax() */

struct vm_fault;

/* pmd_trans_huge()/pud_trans_huge() come from <asm/pgtable.h> or <linux/pgtable.h>. */

/* Raw pfns (PFNMAP, VFIO): no page reference is taken. */
vm_fault_t vmf_insert_pfn_pmd(struct vm_fault *vmf, unsigned long pfn, bool write);
vm_fault_t vmf_insert_pfn_pud(struct vm_fault *vmf, unsigned long pfn, bool write);
/* PMD/PUD-sized folios (DAX since 6.15): the mapping takes its references. */
vm_fault_t vmf_insert_folio_pmd(struct vm_fault *vmf, struct folio *folio, bool write);
vm_fault_t vmf_insert_folio_pud(struct vm_fault *vmf, struct folio *folio, bool write);

#define HPAGE_PMD_SHIFT	PMD_SHIFT
#define HPAGE_PMD_ORDER	(HPAGE_PMD_SHIFT - PAGE_SHIFT)
#define HPAGE_PMD_SIZE	(1UL << HPAGE_PMD_SHIFT)
#define HPAGE_PUD_SHIFT	PUD_SHIFT
#define HPAGE_PUD_SIZE	(1UL << HPAGE_PUD_SHIFT)

#ifdef CONFIG_TRANSPARENT_HUGEPAGE
void __split_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd,
		      unsigned long address, bool freeze, struct folio *folio);
void __split_huge_pud(struct vm_area_struct *vma, pud_t *pud,
		      unsigned long address);

/* Split a huge PMD mapping into a page table of PTEs. */
#define split_huge_pmd(vma, pmd, address)				\
	do {								\
		if (pmd_trans_huge(*(pmd)))				\
			__split_huge_pmd(vma, pmd, address, false, NULL); \
	} while (0)

#define split_huge_pud(vma, pud, address)				\
	do {								\
		if (pud_trans_huge(*(pud)))				\
			__split_huge_pud(vma, pud, address);		\
	} while (0)
#else
#define split_huge_pmd(vma, pmd, address)	do { } while (0)
#define split_huge_pud(vma, pud, address)	do { } while (0)
#endif /* CONFIG_TRANSPARENT_HUGEPAGE */

#endif /* _MOCK_LINUX_HUGE_MM_H */
