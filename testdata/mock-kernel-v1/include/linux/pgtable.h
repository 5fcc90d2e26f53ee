/* Self-written mock of <linux/pgtable.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_PGTABLE_H
#define _MOCK_LINUX_PGTABLE_H

#include <linux/types.h>
#include <linux/pfn.h>
#include <asm/pgtable.h>

struct vm_area_struct;

#define PMD_ORDER	(PMD_SHIFT - PAGE_SHIFT)
#define PUD_ORDER	(PUD_SHIFT - PAGE_SHIFT)

/* ---- generic fallbacks for what the architecture did not provide ---- */
#ifndef CONFIG_TRANSPARENT_HUGEPAGE
static inline int pmd_trans_huge(pmd_t pmd)
{
	return 0;
}
#endif

#if !defined(CONFIG_TRANSPARENT_HUGEPAGE) || \
	!defined(CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD)
static inline int pud_trans_huge(pud_t pud)
{
	return 0;
}
#endif

#if !defined(CONFIG_ARCH_HAS_PTE_DEVMAP) || !defined(CONFIG_TRANSPARENT_HUGEPAGE)
static inline int pmd_devmap(pmd_t pmd)
{
	return 0;
}

static inline int pud_devmap(pud_t pud)
{
	return 0;
}
#endif

/* Neither mocked architecture maps devmap entries at the top level. */
static inline int pgd_devmap(pgd_t pgd)
{
	return 0;
}

/* Memory-type tracking when a single pfn is inserted by vmf_insert_*(). */
#ifdef __HAVE_PFNMAP_TRACKING
void track_pfn_insert(struct vm_area_struct *vma, pgprot_t *prot, pfn_t pfn);
#else
static inline void track_pfn_insert(struct vm_area_struct *vma, pgprot_t *prot,
				    pfn_t pfn)
{
}
#endif

#endif /* _MOCK_LINUX_PGTABLE_H */
