/* Self-written mock of <linux/mm.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_MM_H
#define _MOCK_LINUX_MM_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/errno.h>
#include <linux/err.h>
#include <linux/atomic.h>
#include <linux/gfp.h>
#include <linux/jump_label.h>
#include <linux/mm_types.h>
#include <linux/mmzone.h>
#include <linux/range.h>
#include <linux/pfn.h>
#include <linux/page-flags.h>
#include <linux/page_ref.h>
#include <linux/sched.h>
#include <linux/pgtable.h>
#include <linux/memremap.h>
#include <linux/slab.h>
#include <asm/page.h>

struct address_space;

/* vm_flags bits */
#define VM_NONE		0x00000000UL
#define VM_READ		0x00000001UL
#define VM_WRITE	0x00000002UL
#define VM_EXEC		0x00000004UL
#define VM_SHARED	0x00000008UL
#define VM_MAYSHARE	0x00000080UL
#define VM_PFNMAP	0x00000400UL
#define VM_IO		0x00004000UL
#define VM_DONTEXPAND	0x00040000UL
#define VM_NORESERVE	0x00200000UL
#define VM_DONTDUMP	0x04000000UL
#define VM_MIXEDMAP	0x10000000UL
#define VM_HUGEPAGE	0x20000000UL

static inline void vm_flags_set(struct vm_area_struct *vma, vm_flags_t flags)
{
	vma->__vm_flags |= flags;
}

static inline void vm_flags_clear(struct vm_area_struct *vma, vm_flags_t flags)
{
	vma->__vm_flags &= ~flags;
}

static inline unsigned long vma_pages(const struct vm_area_struct *vma)
{
	return (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
}

/* Passed to ->fault()/->huge_fault(); the first block is read-only for handlers. */
struct vm_fault {
	const struct {
		struct vm_area_struct *vma;
		gfp_t gfp_mask;
		pgoff_t pgoff;
		unsigned long address;		/* page aligned */
		unsigned long real_address;	/* as faulted */
	};
	enum fault_flag flags;
	pmd_t *pmd;
	pud_t *pud;
	union {
		pte_t orig_pte;
		pmd_t orig_pmd;
	};
	struct page *cow_page;
	struct page *page;
	pte_t *pte;
};

struct vm_operations_struct {
	void (*open)(struct vm_area_struct *area);
	void (*close)(struct vm_area_struct *area);
	int (*may_split)(struct vm_area_struct *area, unsigned long addr);
	int (*mremap)(struct vm_area_struct *area);
	vm_fault_t (*fault)(struct vm_fault *vmf);
	vm_fault_t (*huge_fault)(struct vm_fault *vmf, unsigned int order);
	unsigned long (*pagesize)(struct vm_area_struct *area);
	vm_fault_t (*page_mkwrite)(struct vm_fault *vmf);
	vm_fault_t (*pfn_mkwrite)(struct vm_fault *vmf);
};

/* ---- zone / ZONE_DEVICE queries ---- */
static inline enum zone_type page_zonenum(const struct page *page)
{
	return (enum zone_type)((page->flags >> ZONES_PGSHIFT) & ZONES_MASK);
}

static inline bool is_zone_device_page(const struct page *page)
{
	return page_zonenum(page) == ZONE_DEVICE;
}

static inline bool folio_is_zone_device(const struct folio *folio)
{
	return is_zone_device_page(&folio->page);
}

/* ---- references ---- */
void __folio_put(struct folio *folio);

static inline void folio_get(struct folio *folio)
{
	folio_ref_inc(folio);
}

static inline void folio_put(struct folio *folio)
{
	if (folio_ref_dec_and_test(folio))
		__folio_put(folio);
}

static inline void folio_put_refs(struct folio *folio, int refs)
{
	if (folio_ref_sub_return(folio, refs) == 0)
		__folio_put(folio);
}

#if defined(CONFIG_ZONE_DEVICE) && defined(CONFIG_FS_DAX)
DECLARE_STATIC_KEY_FALSE(devmap_managed_key);

bool __put_devmap_managed_folio_refs(struct folio *folio, int refs);

/* Devmap-managed (1-based) pages are released here rather than freed at 0. */
static inline bool put_devmap_managed_folio_refs(struct folio *folio, int refs)
{
	if (!static_branch_unlikely(&devmap_managed_key))
		return false;
	if (!folio_is_zone_device(folio))
		return false;
	return __put_devmap_managed_folio_refs(folio, refs);
}
#else
static inline bool put_devmap_managed_folio_refs(struct folio *folio, int refs)
{
	return false;
}
#endif

static inline void get_page(struct page *page)
{
	folio_get(page_folio(page));
}

static inline void put_page(struct page *page)
{
	struct folio *folio = page_folio(page);

	if (put_devmap_managed_folio_refs(folio, 1))
		return;
	folio_put(folio);
}

void *page_address(const struct page *page);

#ifndef CONFIG_ARCH_HAS_PTE_DEVMAP
static inline int pte_devmap(pte_t pte)
{
	return 0;
}
#endif

/* ---- inserting pages and pfns into user mappings ---- */
int vm_insert_page(struct vm_area_struct *vma, unsigned long addr, struct page *page);
vm_fault_t vmf_insert_pfn(struct vm_area_struct *vma, unsigned long addr,
			  unsigned long pfn);
vm_fault_t vmf_insert_pfn_prot(struct vm_area_struct *vma, unsigned long addr,
			       unsigned long pfn, pgprot_t pgprot);
vm_fault_t vmf_insert_mixed(struct vm_area_struct *vma, unsigned long addr,
			    pfn_t pfn);
vm_fault_t vmf_insert_mixed_mkwrite(struct vm_area_struct *vma,
				    unsigned long addr, pfn_t pfn);
/* v1: DAX maps its (now refcounted) pages here instead of vmf_insert_mixed*(). */
vm_fault_t dax_insert_pfn(struct vm_area_struct *vma, unsigned long addr,
			  pfn_t pfn, bool write);
int remap_pfn_range(struct vm_area_struct *vma, unsigned long addr,
		    unsigned long pfn, unsigned long size, pgprot_t prot);
void unmap_mapping_range(struct address_space *mapping, loff_t const holebegin,
			 loff_t const holelen, int even_cows);

#include <linux/huge_mm.h>

#endif /* _MOCK_LINUX_MM_H */
