/* all_headers.c - self-written smoke test for the daxport 6.17-era mock headers; not kernel code. */
#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/version.h>
#include <linux/kconfig.h>
#include <linux/atomic.h>
#include <linux/pfn.h>
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

#if LINUX_VERSION_CODE != KERNEL_VERSION(6, 17, 0)
#error "mock kernel should report 6.17.0"
#endif
#if IS_ENABLED(CONFIG_ARCH_HAS_PTE_DEVMAP)
#error "ARCH_HAS_PTE_DEVMAP is gone in 6.17"
#endif
/* <linux/pfn_t.h> is deleted in 6.17: the mock's stub of it is an #error
   (mock-headers.test checks that including it fails). */

/* Everything the 6.17 series removed must stay undeclared. */
#if defined(PFN_DEV) || defined(PFN_MAP) || defined(PFN_SPECIAL) || defined(_PAGE_DEVMAP) || \
	defined(_PAGE_BIT_DEVMAP) || defined(PTE_DEVMAP) || defined(pmd_devmap) || defined(pte_devmap)
#error "pfn_t flags or devmap bits still defined"
#endif

_Static_assert(sizeof(kvm_pfn_t) == 8, "kvm_pfn_t is u64");

int smoke_pfn(struct page *page, phys_addr_t phys, pgprot_t prot)
{
	unsigned long a = PHYS_PFN(phys);
	unsigned long b = page_to_pfn(page);
	pte_t pte = pfn_pte(a, prot);
	pmd_t pmd = pfn_pmd(b, prot);
	pud_t pud = pfn_pud(a, prot);

	pfnmap_setup_cachemode_pfn(a, &prot);
	return pfn_valid(a) + (pfn_to_page(b) != NULL) + (int)PFN_PHYS(a) +
	       (int)pte_val(pte) + (int)pmd_val(pmd) + (int)pud_val(pud) +
	       pmd_trans_huge(pmd) + pud_trans_huge(pud);
}

static void smoke_wait_cb(struct inode *inode)
{
	schedule();
}

vm_fault_t smoke_fault(struct vm_fault *vmf, struct vm_area_struct *vma,
		       struct dax_device *dd, struct inode *inode)
{
	struct folio *folio;
	struct page *page;
	unsigned long pfn;
	void *kaddr;
	vm_fault_t ret;
	int err;

	if (dax_break_layout(inode, 0, PAGE_SIZE, smoke_wait_cb) ||
	    dax_break_layout_inode(inode, smoke_wait_cb))
		return VM_FAULT_RETRY;
	dax_break_layout_final(inode);
	if (dax_direct_access(dd, 0, 1, DAX_ACCESS, &kaddr, &pfn) < 1)
		return VM_FAULT_SIGBUS;
	ret = dax_iomap_fault(vmf, PMD_ORDER, &pfn, &err, NULL);
	ret |= dax_finish_sync_fault(vmf, 0, pfn);
	page = pfn_to_page(pfn);
	folio = page_folio(page);
	split_huge_pmd(vma, vmf->pmd, vmf->address);
	split_huge_pud(vma, vmf->pud, vmf->address);
	if (dax_page_is_idle(page) && is_fsdax_page(page) && folio_is_fsdax(folio) &&
	    page_pgmap(page)->type == MEMORY_DEVICE_FS_DAX)
		return VM_FAULT_NOPAGE;

	folio_ref_inc(folio);
	if (vmf->pud)
		ret |= vmf_insert_folio_pud(vmf, folio, true);
	else if (vmf->pmd)
		ret |= vmf_insert_folio_pmd(vmf, folio, false);
	else
		ret |= vmf_insert_page_mkwrite(vmf, page, true);
	folio_put(folio);
	folio_put_refs(folio, folio_ref_count(folio) - folio_mapcount(folio));
	put_page(page);

	/* raw pfns for PFNMAP memory */
	ret |= vmf_insert_pfn_pmd(vmf, pfn, true) | vmf_insert_pfn_pud(vmf, pfn, false);
	ret |= vmf_insert_mixed(vma, vmf->address, pfn);
	return ret | vmf_insert_mixed_mkwrite(vma, vmf->address, pfn);
}
