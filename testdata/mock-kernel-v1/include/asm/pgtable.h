/* Self-written mock of <asm/pgtable.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_ASM_PGTABLE_H
#define _MOCK_ASM_PGTABLE_H

#include <linux/types.h>
#include <asm/page.h>
#include <asm/pgtable_types.h>

/* ---- accessors common to both targets ---- */
#define pgprot_val(p)	((p).pgprot)
#define __pgprot(x)	((pgprot_t) { (x) })

static inline pteval_t pte_val(pte_t pte) { return pte.pte; }
static inline pmdval_t pmd_val(pmd_t pmd) { return pmd.pmd; }
static inline pudval_t pud_val(pud_t pud) { return pud.pud; }
static inline pgdval_t pgd_val(pgd_t pgd) { return pgd.pgd; }
static inline pte_t __pte(pteval_t v) { return (pte_t) { v }; }
static inline pmd_t __pmd(pmdval_t v) { return (pmd_t) { v }; }
static inline pud_t __pud(pudval_t v) { return (pud_t) { v }; }

#if defined(__aarch64__)
/* ================= arm64 ================= */
#define PTE_VALID	((pteval_t)1 << 0)
#define PTE_TABLE_BIT	((pteval_t)1 << 1)
#define PMD_TABLE_BIT	((pmdval_t)1 << 1)
#define PUD_TABLE_BIT	((pudval_t)1 << 1)
#define PTE_USER	((pteval_t)1 << 6)
#define PTE_RDONLY	((pteval_t)1 << 7)
#define PTE_AF		((pteval_t)1 << 10)
#define PTE_WRITE	((pteval_t)1 << 51)
#define PTE_PXN		((pteval_t)1 << 53)
#define PTE_UXN		((pteval_t)1 << 54)
#define PTE_SPECIAL	((pteval_t)1 << 56)
#define PTE_DEVMAP	((pteval_t)1 << 57)
#define PTE_ADDR_MASK	((((pteval_t)1 << 48) - 1) & ~(pteval_t)(PAGE_SIZE - 1))
#define PTE_ATTRINDX(t)		((pteval_t)(t) << 2)
#define PTE_ATTRINDX_MASK	PTE_ATTRINDX(7)
#define MT_NORMAL		0
#define MT_DEVICE_nGnRnE	5

#define pgprot_noncached(prot)	\
	__pgprot((pgprot_val(prot) & ~PTE_ATTRINDX_MASK) | PTE_ATTRINDX(MT_DEVICE_nGnRnE) | PTE_PXN | PTE_UXN)

static inline pte_t pmd_pte(pmd_t pmd) { return __pte(pmd_val(pmd)); }
static inline pmd_t pte_pmd(pte_t pte) { return __pmd(pte_val(pte)); }
static inline pte_t pud_pte(pud_t pud) { return __pte(pud_val(pud)); }
static inline pud_t pte_pud(pte_t pte) { return __pud(pte_val(pte)); }

static inline pte_t set_pte_bit(pte_t pte, pgprot_t prot)
{
	return __pte(pte_val(pte) | pgprot_val(prot));
}

static inline unsigned long pte_pfn(pte_t pte)
{
	return (unsigned long)((pte_val(pte) & PTE_ADDR_MASK) >> PAGE_SHIFT);
}

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte((((pteval_t)pfn << PAGE_SHIFT) & PTE_ADDR_MASK) | pgprot_val(prot));
}

static inline pmd_t pfn_pmd(unsigned long pfn, pgprot_t prot)
{
	return pte_pmd(pfn_pte(pfn, prot));
}

static inline pud_t pfn_pud(unsigned long pfn, pgprot_t prot)
{
	return pte_pud(pfn_pte(pfn, prot));
}

static inline int pte_none(pte_t pte) { return !pte_val(pte); }
static inline int pte_present(pte_t pte) { return !!(pte_val(pte) & PTE_VALID); }
static inline int pte_special(pte_t pte) { return !!(pte_val(pte) & PTE_SPECIAL); }
static inline int pmd_none(pmd_t pmd) { return !pmd_val(pmd); }
static inline int pmd_present(pmd_t pmd) { return pte_present(pmd_pte(pmd)); }
static inline int pud_none(pud_t pud) { return !pud_val(pud); }

static inline pte_t pte_mkspecial(pte_t pte)
{
	return set_pte_bit(pte, __pgprot(PTE_SPECIAL));
}

static inline pmd_t pmd_mkspecial(pmd_t pmd)
{
	return pte_pmd(pte_mkspecial(pmd_pte(pmd)));
}

static inline pud_t pud_mkspecial(pud_t pud)
{
	return pte_pud(pte_mkspecial(pud_pte(pud)));
}

/* The devmap helpers are preprocessor macros on this architecture. */
#ifdef CONFIG_ARCH_HAS_PTE_DEVMAP
#define pte_devmap(pte)		(!!(pte_val(pte) & PTE_DEVMAP))
#define pte_mkdevmap(pte)	set_pte_bit((pte), __pgprot(PTE_DEVMAP | PTE_SPECIAL))
#ifdef CONFIG_TRANSPARENT_HUGEPAGE
#define pmd_devmap(pmd)		pte_devmap(pmd_pte(pmd))
#define pud_devmap(pud)		pte_devmap(pud_pte(pud))
#endif
#define pmd_mkdevmap(pmd)	pte_pmd(set_pte_bit(pmd_pte(pmd), __pgprot(PTE_DEVMAP)))
#endif /* CONFIG_ARCH_HAS_PTE_DEVMAP */

#ifdef CONFIG_TRANSPARENT_HUGEPAGE
static inline int pmd_trans_huge(pmd_t pmd)
{
	/* a present block entry: valid, but not pointing at a table */
	return pmd_val(pmd) && pmd_present(pmd) && !(pmd_val(pmd) & PMD_TABLE_BIT);
}

#ifdef CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD
static inline int pud_trans_huge(pud_t pud)
{
	return (pud_val(pud) & (PTE_VALID | PUD_TABLE_BIT)) == PTE_VALID;
}
#endif
#endif /* CONFIG_TRANSPARENT_HUGEPAGE */

#else
/* ================= x86_64 (default) ================= */
#define _PAGE_BIT_PRESENT	0
#define _PAGE_BIT_RW		1
#define _PAGE_BIT_USER		2
#define _PAGE_BIT_PWT		3
#define _PAGE_BIT_PCD		4
#define _PAGE_BIT_ACCESSED	5
#define _PAGE_BIT_DIRTY		6
#define _PAGE_BIT_PSE		7
#define _PAGE_BIT_GLOBAL	8
#define _PAGE_BIT_SOFTW1	9
#define _PAGE_BIT_SOFTW4	57
#define _PAGE_BIT_NX		63
#define _PAGE_BIT_SPECIAL	_PAGE_BIT_SOFTW1
#define _PAGE_BIT_DEVMAP	_PAGE_BIT_SOFTW4

#define _PAGE_PRESENT	((pteval_t)1 << _PAGE_BIT_PRESENT)
#define _PAGE_RW	((pteval_t)1 << _PAGE_BIT_RW)
#define _PAGE_USER	((pteval_t)1 << _PAGE_BIT_USER)
#define _PAGE_PWT	((pteval_t)1 << _PAGE_BIT_PWT)
#define _PAGE_PCD	((pteval_t)1 << _PAGE_BIT_PCD)
#define _PAGE_ACCESSED	((pteval_t)1 << _PAGE_BIT_ACCESSED)
#define _PAGE_DIRTY	((pteval_t)1 << _PAGE_BIT_DIRTY)
#define _PAGE_PSE	((pteval_t)1 << _PAGE_BIT_PSE)
#define _PAGE_GLOBAL	((pteval_t)1 << _PAGE_BIT_GLOBAL)
#define _PAGE_SPECIAL	((pteval_t)1 << _PAGE_BIT_SPECIAL)
#define _PAGE_DEVMAP	((u64)1 << _PAGE_BIT_DEVMAP)
#define _PAGE_NX	((pteval_t)1 << _PAGE_BIT_NX)

#define PTE_PFN_MASK	((pteval_t)0x000ffffffffff000ULL)

/* PAT: inserted pfns get their memory type tracked. */
#define __HAVE_PFNMAP_TRACKING	1

#define pgprot_noncached(prot)	__pgprot(pgprot_val(prot) | _PAGE_PCD | _PAGE_PWT)

/* Bits that survive pte_modify(): the pfn plus the software/cache bits. */
#define _PAGE_CHG_MASK	(PTE_PFN_MASK | _PAGE_PCD | _PAGE_PWT | _PAGE_SPECIAL |	\
			 _PAGE_ACCESSED | _PAGE_DIRTY | _PAGE_DEVMAP)
#define _HPAGE_CHG_MASK	(_PAGE_CHG_MASK | _PAGE_PSE)

static inline pteval_t pte_flags(pte_t pte) { return pte_val(pte) & ~PTE_PFN_MASK; }
static inline pmdval_t pmd_flags(pmd_t pmd) { return pmd_val(pmd) & ~PTE_PFN_MASK; }
static inline pudval_t pud_flags(pud_t pud) { return pud_val(pud) & ~PTE_PFN_MASK; }

static inline pte_t pte_set_flags(pte_t pte, pteval_t set) { return __pte(pte_val(pte) | set); }
static inline pmd_t pmd_set_flags(pmd_t pmd, pmdval_t set) { return __pmd(pmd_val(pmd) | set); }
static inline pud_t pud_set_flags(pud_t pud, pudval_t set) { return __pud(pud_val(pud) | set); }

static inline unsigned long pte_pfn(pte_t pte)
{
	return (unsigned long)((pte_val(pte) & PTE_PFN_MASK) >> PAGE_SHIFT);
}

static inline pte_t pfn_pte(unsigned long pfn, pgprot_t prot)
{
	return __pte((((pteval_t)pfn << PAGE_SHIFT) & PTE_PFN_MASK) | pgprot_val(prot));
}

static inline pmd_t pfn_pmd(unsigned long pfn, pgprot_t prot)
{
	return __pmd((((pmdval_t)pfn << PAGE_SHIFT) & PTE_PFN_MASK) | pgprot_val(prot));
}

static inline pud_t pfn_pud(unsigned long pfn, pgprot_t prot)
{
	return __pud((((pudval_t)pfn << PAGE_SHIFT) & PTE_PFN_MASK) | pgprot_val(prot));
}

static inline int pte_none(pte_t pte) { return !pte_val(pte); }
static inline int pte_present(pte_t pte) { return !!(pte_flags(pte) & _PAGE_PRESENT); }
static inline int pte_special(pte_t pte) { return !!(pte_flags(pte) & _PAGE_SPECIAL); }
static inline int pmd_none(pmd_t pmd) { return !pmd_val(pmd); }
static inline int pmd_present(pmd_t pmd) { return !!(pmd_flags(pmd) & (_PAGE_PRESENT | _PAGE_PSE)); }
static inline int pud_none(pud_t pud) { return !pud_val(pud); }

static inline pte_t pte_mkspecial(pte_t pte) { return pte_set_flags(pte, _PAGE_SPECIAL); }
static inline pmd_t pmd_mkspecial(pmd_t pmd) { return pmd_set_flags(pmd, _PAGE_SPECIAL); }
static inline pud_t pud_mkspecial(pud_t pud) { return pud_set_flags(pud, _PAGE_SPECIAL); }

#ifdef CONFIG_TRANSPARENT_HUGEPAGE
static inline int pmd_trans_huge(pmd_t pmd)
{
	/* a huge mapping that is not a devmap one */
	return (pmd_val(pmd) & (_PAGE_PSE|_PAGE_DEVMAP)) == _PAGE_PSE;
}

#ifdef CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD
static inline int pud_trans_huge(pud_t pud)
{
	return (pud_val(pud) & (_PAGE_PSE|_PAGE_DEVMAP)) == _PAGE_PSE;
}
#endif

#ifdef CONFIG_ARCH_HAS_PTE_DEVMAP
static inline int pmd_devmap(pmd_t pmd)
{
	return !!(pmd_val(pmd) & _PAGE_DEVMAP);
}

static inline int pud_devmap(pud_t pud)
{
	return !!(pud_val(pud) & _PAGE_DEVMAP);
}
#endif
#endif /* CONFIG_TRANSPARENT_HUGEPAGE */

#ifdef CONFIG_ARCH_HAS_PTE_DEVMAP
static inline int pte_devmap(pte_t pte)
{
	return (pte_flags(pte) & _PAGE_DEVMAP) == _PAGE_DEVMAP;
}

static inline pte_t pte_mkdevmap(pte_t pte)
{
	return pte_set_flags(pte, _PAGE_SPECIAL | _PAGE_DEVMAP);
}

static inline pmd_t pmd_mkdevmap(pmd_t pmd)
{
	return pmd_set_flags(pmd, _PAGE_DEVMAP);
}

static inline pud_t pud_mkdevmap(pud_t pud)
{
	return pud_set_flags(pud, _PAGE_DEVMAP);
}
#endif /* CONFIG_ARCH_HAS_PTE_DEVMAP */

#endif /* target */

#endif /* _MOCK_ASM_PGTABLE_H */
