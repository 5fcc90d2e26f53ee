/* all_headers.c - self-written smoke test for the daxport v1-era mock headers; not kernel code. */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/version.h>
#include <linux/kconfig.h>
#include <linux/atomic.h>
#include <linux/pfn.h>
#include <linux/pfn_t.h>
#include <linux/mm_types.h>
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/pgtable.h>
#include <linux/memremap.h>
#include <linux/dax.h>
#include <linux/wait_bit.h>
#include <linux/kvm_types.h>
#include <linux/fs.h>
#include <linux/module.h>
#include <linux/device.h>
#include <linux/cdev.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <linux/platform_device.h>
#include <asm/pgtable.h>

#if LINUX_VERSION_CODE != KERNEL_VERSION(6, 12, 0)
#error "mock kernel should report 6.12.0"
#endif
#if !IS_ENABLED(CONFIG_FS_DAX) || IS_ENABLED(CONFIG_NOT_SET_ANYWHERE)
#error "IS_ENABLED broken in #if"
#endif

_Static_assert(sizeof(pfn_t) == 8, "pfn_t is a u64 wrapper");
_Static_assert(sizeof(kvm_pfn_t) == 8, "kvm_pfn_t is u64");

int smoke_pfn_t(struct page *page, phys_addr_t phys, pgprot_t prot)
{
	pfn_t a = __pfn_to_pfn_t(1, PFN_DEV | PFN_MAP);
	pfn_t b = pfn_to_pfn_t(2);
	pfn_t c = phys_to_pfn_t(phys, PFN_DEV);
	pfn_t d = page_to_pfn_t(page);
	u64 all = PFN_SG_CHAIN | PFN_SG_LAST | PFN_SPECIAL | PFN_FLAGS_MASK;
	struct { u64 v; const char *n; } names[] = { PFN_FLAGS_TRACE };
	pte_t pte = pfn_t_pte(a, prot);
	pmd_t pmd = pfn_t_pmd(b, prot);
	pud_t pud = pfn_t_pud(c, prot);

	return pfn_t_has_page(a) + (int)pfn_t_to_pfn(b) + (pfn_t_to_page(c) != NULL) +
	       (int)pfn_t_to_phys(d) + pfn_t_valid(d) + pfn_t_devmap(a) + pfn_t_special(b) +
	       (int)all + (int)ARRAY_SIZE(names) + (int)pte_val(pte) + (int)pmd_val(pmd) +
	       (int)pud_val(pud);
}

int smoke_devmap(pte_t pte, pmd_t pmd, pud_t pud, pgd_t pgd)
{
	pte_t p2 = pte_mkdevmap(pte);
	pmd_t m2 = pmd_mkdevmap(pmd);
#ifndef __aarch64__
	pud_t u2 = pud_mkdevmap(pud);
	u64 bits = _PAGE_DEVMAP | _PAGE_CHG_MASK | (1ULL << _PAGE_BIT_DEVMAP);
#else
	pud_t u2 = pud;
	u64 bits = PTE_DEVMAP;
#endif
	return pte_devmap(p2) + pmd_devmap(m2) + pud_devmap(u2) + pgd_devmap(pgd) +
	       pmd_trans_huge(pmd) + pud_trans_huge(pud) + (int)bits;
}

vm_fault_t smoke_fault(struct vm_fault *vmf, struct vm_area_struct *vma, pfn_t pfn)
{
	pgprot_t prot = vma->vm_page_prot;

	track_pfn_insert(vma, &prot, pfn);
	split_huge_pmd(vma, vmf->pmd, vmf->address);
	split_huge_pud(vma, vmf->pud, vmf->address);
	if (vma_is_dax(vma) && vmf->pgoff && (vmf->flags & FAULT_FLAG_WRITE))
		return vmf_insert_pfn_pmd(vmf, pfn, true);
	if (vmf->pud)
		return vmf_insert_pfn_pud(vmf, pfn, false);
	if (vmf->pmd)
		return vmf_insert_mixed_mkwrite(vma, vmf->address, pfn);
	if (vmf->pte)
		return vmf_insert_pfn(vma, vmf->address, pfn_t_to_pfn(pfn));
	return vmf_insert_mixed(vma, vmf->address, pfn) | VM_FAULT_NOPAGE;
}

static struct page *smoke_busy(struct inode *inode)
{
	return IS_DAX(inode) ? dax_layout_busy_page(inode->i_mapping) :
	       dax_layout_busy_page_range(inode->i_mapping, 0, -1);
}

long smoke_refs(struct inode *inode, struct dax_device *dd, struct vm_fault *vmf)
{
	struct page *page = smoke_busy(inode);
	struct folio *folio = page_folio(page);
	void *kaddr;
	pfn_t pfn;
	int err;
	long ret;

	ret = ___wait_var_event(&page->_refcount,
				atomic_read(&page->_refcount) == 1,
				TASK_INTERRUPTIBLE, 0, 0, schedule());
	wake_up_var(&page->_refcount);
	set_page_count(page, 1);
	init_page_count(page);
	folio_set_count(folio, 1);
	if (static_branch_unlikely(&devmap_managed_key) && is_zone_device_page(page))
		put_devmap_managed_folio_refs(folio, 1);
	folio_get(folio);
	folio_put(folio);
	ret += page_ref_count(page) + page_count(page) + folio_ref_count(folio);
	ret += dax_direct_access(dd, 0, 1, DAX_ACCESS, &kaddr, &pfn);
	ret += dax_iomap_fault(vmf, PMD_ORDER, &pfn, &err, NULL);
	ret += dax_finish_sync_fault(vmf, PUD_ORDER, pfn);
	ret += pfn_valid(page_to_pfn(pfn_to_page(PHYS_PFN(PFN_PHYS(3)))));
	return ret;
}

int smoke_pgmap(struct device *dev, struct dev_pagemap *pgmap)
{
	void *addr;

	pgmap->type = MEMORY_DEVICE_FS_DAX;
	if (pgmap->type == MEMORY_DEVICE_PRIVATE || pgmap->type == MEMORY_DEVICE_COHERENT ||
	    pgmap->type == MEMORY_DEVICE_GENERIC || pgmap->type == MEMORY_DEVICE_PCI_P2PDMA)
		return -EINVAL;
	addr = devm_memremap_pages(dev, pgmap);
	if (IS_ERR(addr))
		return PTR_ERR(addr);
	put_dev_pagemap(get_dev_pagemap(0, pgmap));
	return 0;
}

/* The first posting's DAX APIs: pfn_t arguments, references taken by the mapping. */
static void smoke_v1_wait_cb(struct inode *inode)
{
	schedule();
}

vm_fault_t smoke_v1(struct vm_fault *vmf, struct inode *inode, pfn_t pfn, bool write)
{
	struct page *page = dax_layout_busy_page(inode->i_mapping);
	vm_fault_t ret;

	if (page && dax_wait_page_idle(page, smoke_v1_wait_cb, inode))
		return VM_FAULT_RETRY;
	ret = dax_insert_pfn(vmf->vma, vmf->address, pfn, write);
	ret |= dax_insert_pfn_pmd(vmf, pfn, write);
	ret |= dax_insert_pfn_pud(vmf, pfn, false);
	return ret;
}
