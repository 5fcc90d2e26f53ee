/* Self-written mock of <linux/pfn_t.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_PFN_T_H
#define _MOCK_LINUX_PFN_T_H

#include <linux/mm.h>

/* Flag bits live in the top of pfn_t.val; the low bits are the pfn. */
#define PFN_SG_CHAIN	(1ULL << (BITS_PER_LONG_LONG - 1))
#define PFN_SG_LAST	(1ULL << (BITS_PER_LONG_LONG - 2))
#define PFN_DEV		(1ULL << (BITS_PER_LONG_LONG - 3))
#define PFN_MAP		(1ULL << (BITS_PER_LONG_LONG - 4))
#define PFN_SPECIAL	(1ULL << (BITS_PER_LONG_LONG - 5))
#define PFN_FLAGS_MASK	(((u64)~PAGE_MASK) << (BITS_PER_LONG_LONG - PAGE_SHIFT))

/* Name table for trace output. */
#define PFN_FLAGS_TRACE				\
	{ PFN_SPECIAL,	"SPECIAL" },		\
	{ PFN_SG_CHAIN,	"SG_CHAIN" },		\
	{ PFN_SG_LAST,	"SG_LAST" },		\
	{ PFN_DEV,	"DEV" },		\
	{ PFN_MAP,	"MAP" }

static inline pfn_t __pfn_to_pfn_t(unsigned long pfn, u64 flags)
{
	pfn_t ret;

	ret.val = pfn | (flags & PFN_FLAGS_MASK);
	return ret;
}

static inline pfn_t pfn_to_pfn_t(unsigned long pfn)
{
	return __pfn_to_pfn_t(pfn, 0);
}

static inline pfn_t phys_to_pfn_t(phys_addr_t addr, u64 flags)
{
	return __pfn_to_pfn_t(PHYS_PFN(addr), flags);
}

static inline bool pfn_t_has_page(pfn_t pfn)
{
	if (pfn.val & PFN_DEV)
		return (pfn.val & PFN_MAP) != 0;
	return true;
}

static inline unsigned long pfn_t_to_pfn(pfn_t pfn)
{
	return (unsigned long)(pfn.val & ~PFN_FLAGS_MASK);
}

static inline struct page *pfn_t_to_page(pfn_t pfn)
{
	return pfn_t_has_page(pfn) ? pfn_to_page(pfn_t_to_pfn(pfn)) : NULL;
}

static inline phys_addr_t pfn_t_to_phys(pfn_t pfn)
{
	return PFN_PHYS(pfn_t_to_pfn(pfn));
}

static inline pfn_t page_to_pfn_t(struct page *page)
{
	return pfn_to_pfn_t(page_to_pfn(page));
}

static inline int pfn_t_valid(pfn_t pfn)
{
	return pfn_valid(pfn_t_to_pfn(pfn));
}

#ifdef CONFIG_MMU
static inline pte_t pfn_t_pte(pfn_t pfn, pgprot_t pgprot)
{
	return pfn_pte(pfn_t_to_pfn(pfn), pgprot);
}
#endif

#ifdef CONFIG_TRANSPARENT_HUGEPAGE
static inline pmd_t pfn_t_pmd(pfn_t pfn, pgprot_t pgprot)
{
	return pfn_pmd(pfn_t_to_pfn(pfn), pgprot);
}

#ifdef CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD
static inline pud_t pfn_t_pud(pfn_t pfn, pgprot_t pgprot)
{
	return pfn_pud(pfn_t_to_pfn(pfn), pgprot);
}
#endif
#endif /* CONFIG_TRANSPARENT_HUGEPAGE */

#ifdef CONFIG_ARCH_HAS_PTE_DEVMAP
static inline bool pfn_t_devmap(pfn_t pfn)
{
	return (pfn.val & (PFN_DEV | PFN_MAP)) == (PFN_DEV | PFN_MAP);
}
#else
static inline bool pfn_t_devmap(pfn_t pfn)
{
	return false;
}
#endif

#ifdef CONFIG_ARCH_HAS_PTE_SPECIAL
static inline bool pfn_t_special(pfn_t pfn)
{
	return (pfn.val & PFN_SPECIAL) != 0;
}
#else
static inline bool pfn_t_special(pfn_t pfn)
{
	return false;
}
#endif

#endif /* _MOCK_LINUX_PFN_T_H */
