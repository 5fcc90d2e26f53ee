/* Self-written mock of <linux/pgtable.h> for daxport tests (6.17-era API); not kernel code. */
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

/* Memory-type tracking when pfns are inserted by vmf_insert_*(). */
#ifdef __HAVE_PFNMAP_TRACKING
int pfnmap_setup_cachemode(unsigned long pfn, unsigned long size, pgprot_t *prot);
#else
static inline int pfnmap_setup_cachemode(unsigned long pfn, unsigned long size,
					 pgprot_t *prot)
{
	return 0;
}
#endif

/* track_pfn_insert(vma, &prot, pfn_t) before 6.16. */
static inline void pfnmap_setup_cachemode_pfn(unsigned long pfn, pgprot_t *prot)
{
	pfnmap_setup_cachemode(pfn, PAGE_SIZE, prot);
}

#endif /* _MOCK_LINUX_PGTABLE_H */
