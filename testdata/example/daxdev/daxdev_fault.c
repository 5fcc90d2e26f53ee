/* daxdev_fault.c - self-written example driver for daxport tests: mmap fault handlers. */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/fs.h>
#include <linux/dax.h>
#include "daxdev.h"

static pgoff_t daxdev_linear_index(struct vm_area_struct *vma, unsigned long addr)
{
	return ((addr - vma->vm_start) >> PAGE_SHIFT) + vma->vm_pgoff;
}

int daxdev_check_vma(struct daxdev_dev *ddev, struct vm_area_struct *vma,
		     const char *func)
{
	unsigned long mask = ddev->align - 1;

	if (!(vma->vm_flags & VM_SHARED)) {
		dev_info(ddev->dev, "%s: private mapping refused\n", func);
		return -EINVAL;
	}
	if ((vma->vm_start & mask) || (vma->vm_end & mask)) {
		dev_info(ddev->dev, "%s: vma %#lx-%#lx not %#lx aligned\n",
			 func, vma->vm_start, vma->vm_end, ddev->align);
		return -EINVAL;
	}
	return 0;
}

/*
 * Translate a page offset of the device into its pfn.  All of the device
 * memory has struct pages (it is registered with devm_memremap_pages()), so
 * the pfn is flagged as a device pfn with a page map.
 */
long daxdev_pgoff_to_pfn(struct daxdev_dev *ddev, pgoff_t pgoff,
			 unsigned long size, pfn_t *pfnp)
{
	phys_addr_t offset = PFN_PHYS(pgoff);
	phys_addr_t phys;

	if (offset + size > ddev->size) {
		*pfnp = (pfn_t){ .val = 0 };
		return -ERANGE;
	}
	phys = ddev->phys + offset;
	*pfnp = phys_to_pfn_t(phys, PFN_DEV|PFN_MAP);
	return (long)PHYS_PFN(ddev->size - offset);
}

/* Point the pages of a new mapping at the file so that rmap can find them. */
static void daxdev_set_mapping(struct vm_fault *vmf, pfn_t pfn,
			       unsigned int order)
{
	struct file *filp = vmf->vma->vm_file;
	struct daxdev_dev *ddev = filp->private_data;
	unsigned long i, nr_pages = 1UL << order;
	pgoff_t pgoff;

	if (!pfn_t_devmap(pfn))
		return;
	if (ddev->last.order == order && ddev->last.pfn.val == pfn.val)
		return;

	pgoff = daxdev_linear_index(vmf->vma,
				    ALIGN_DOWN(vmf->address, PAGE_SIZE << order));
	for (i = 0; i < nr_pages; i++) {
		struct page *page = pfn_to_page(pfn_t_to_pfn(pfn) + i);

		if (page->mapping)
			continue;
		page->mapping = filp->f_mapping;
		page->index = pgoff + i;
	}

	ddev->last.pgoff = pgoff;
	ddev->last.pfn = pfn;
	ddev->last.order = order;
	atomic_inc(&ddev->nr_faults);
}

static vm_fault_t daxdev_pte_fault(struct daxdev_dev *ddev, struct vm_fault *vmf)
{
	bool write = vmf->flags & FAULT_FLAG_WRITE;
	pfn_t pfn;

	if (ddev->align > PAGE_SIZE)
		return VM_FAULT_SIGBUS;

	if (daxdev_pgoff_to_pfn(ddev, vmf->pgoff, PAGE_SIZE, &pfn) < 0) {
		dev_dbg(ddev->dev, "pgoff %#lx beyond device\n", vmf->pgoff);
		return VM_FAULT_SIGBUS;
	}

	daxdev_set_mapping(vmf, pfn, 0);
	dev_dbg(ddev->dev, "pte fault %#lx -> %#llx\n", vmf->address, pfn.val);

	return DAXDEV_INSERT_PTE(vmf, pfn, write);
}

static vm_fault_t daxdev_pmd_fault(struct daxdev_dev *ddev, struct vm_fault *vmf)
{
	unsigned long pmd_addr = vmf->address & PMD_MASK;
	bool write = vmf->flags & FAULT_FLAG_WRITE;
	vm_fault_t ret;
	pfn_t pfn;

	if (ddev->align > PMD_SIZE)
		return VM_FAULT_SIGBUS;
	if (ddev->align < PMD_SIZE)
		return VM_FAULT_FALLBACK;
	if (pmd_addr < vmf->vma->vm_start ||
	    pmd_addr + PMD_SIZE > vmf->vma->vm_end)
		return VM_FAULT_FALLBACK;

	/* a racing fault may already have installed the huge entry */
	if (pmd_trans_huge(*vmf->pmd) || pmd_devmap(*vmf->pmd))
		return VM_FAULT_NOPAGE;

	if (daxdev_pgoff_to_pfn(ddev, daxdev_linear_index(vmf->vma, pmd_addr),
				PMD_SIZE, &pfn) < 0)
		return VM_FAULT_SIGBUS;

	daxdev_set_mapping(vmf, pfn, PMD_ORDER);
	ret = vmf_insert_pfn_pmd(vmf, pfn, write);
	if (ret == VM_FAULT_NOPAGE)
		WARN_ON_ONCE(!pmd_trans_huge(*vmf->pmd) && !pmd_devmap(*vmf->pmd));
	return ret;
}

#ifdef CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD
static vm_fault_t daxdev_pud_fault(struct daxdev_dev *ddev, struct vm_fault *vmf)
{
	unsigned long pud_addr = vmf->address & PUD_MASK;
	bool write = vmf->flags & FAULT_FLAG_WRITE;
	pfn_t pfn;

	if (ddev->align > PUD_SIZE)
		return VM_FAULT_SIGBUS;
	if (ddev->align < PUD_SIZE)
		return VM_FAULT_FALLBACK;
	if (pud_addr < vmf->vma->vm_start ||
	    pud_addr + PUD_SIZE > vmf->vma->vm_end)
		return VM_FAULT_FALLBACK;

	if (pud_trans_huge(*vmf->pud) || pud_devmap(*vmf->pud))
		return VM_FAULT_NOPAGE;

	if (daxdev_pgoff_to_pfn(ddev, daxdev_linear_index(vmf->vma, pud_addr),
				PUD_SIZE, &pfn) < 0)
		return VM_FAULT_SIGBUS;

	daxdev_set_mapping(vmf, pfn, PUD_ORDER);
	return vmf_insert_pfn_pud(vmf, pfn, write);
}
#else
static vm_fault_t daxdev_pud_fault(struct daxdev_dev *ddev, struct vm_fault *vmf)
{
	return VM_FAULT_FALLBACK;
}
#endif /* CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD */

/* Debug aid: say how a PMD fault ended up being mapped. */
static void daxdev_trace_pmd(struct daxdev_dev *ddev, struct vm_fault *vmf)
{
	pmd_t pmd = READ_ONCE(*vmf->pmd);

	if (pmd_devmap(pmd))
		dev_dbg(ddev->dev, "%#lx: device huge page\n", vmf->address);
	else
		dev_dbg(ddev->dev, "%#lx: pmd %#llx\n", vmf->address,
			(unsigned long long)pmd_val(pmd));
}

static vm_fault_t daxdev_huge_fault(struct vm_fault *vmf, unsigned int order)
{
	struct daxdev_dev *ddev = vmf->vma->vm_file->private_data;
	vm_fault_t ret;
	int id;

	id = dax_read_lock();
	if (order == 0)
		ret = daxdev_pte_fault(ddev, vmf);
	else if (order == PMD_ORDER)
		ret = daxdev_pmd_fault(ddev, vmf);
	else if (order == PUD_ORDER)
		ret = daxdev_pud_fault(ddev, vmf);
	else
		ret = VM_FAULT_FALLBACK;
	dax_read_unlock(id);

	if (order == PMD_ORDER && ret == VM_FAULT_NOPAGE)
		daxdev_trace_pmd(ddev, vmf);
	return ret;
}

static vm_fault_t daxdev_fault(struct vm_fault *vmf)
{
	return daxdev_huge_fault(vmf, 0);
}

static int daxdev_may_split(struct vm_area_struct *vma, unsigned long addr)
{
	struct daxdev_dev *ddev = vma->vm_file->private_data;

	return IS_ALIGNED(addr, ddev->align) ? 0 : -EINVAL;
}

static unsigned long daxdev_pagesize(struct vm_area_struct *vma)
{
	struct daxdev_dev *ddev = vma->vm_file->private_data;

	return ddev->align;
}

const struct vm_operations_struct daxdev_vm_ops = {
	.fault		= daxdev_fault,
	.huge_fault	= daxdev_huge_fault,
	.may_split	= daxdev_may_split,
	.pagesize	= daxdev_pagesize,
};

/* The doorbell is MMIO without struct pages: a plain PFN mapping. */
static vm_fault_t daxdev_db_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct daxdev_dev *ddev = vma->vm_private_data;
	unsigned long addr = vmf->address;
	unsigned long pfn = PHYS_PFN(ddev->db_phys);

	if (vmf->pgoff != DAXDEV_DOORBELL_PGOFF)
		return VM_FAULT_SIGBUS;

	return vmf_insert_mixed(vma, addr, __pfn_to_pfn_t(pfn, 0));
}

const struct vm_operations_struct daxdev_db_vm_ops = {
	.fault		= daxdev_db_fault,
};
