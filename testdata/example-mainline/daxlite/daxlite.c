/* daxlite.c - self-written example driver for daxport tests (mainline variant): every site is mechanical for 6.17. */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/platform_device.h>
#include <linux/fs.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/pfn_t.h>
#include <linux/dax.h>
#include "daxlite.h"

/* The backing store is ordinary RAM: its pfns are plain, flagless ones. */
pfn_t daxlite_pgoff_to_pfn(struct daxlite_dev *dl, pgoff_t pgoff)
{
	return page_to_pfn_t(dl->pages + pgoff);
}

static bool daxlite_pfn_ok(struct daxlite_dev *dl, pfn_t pfn)
{
	phys_addr_t phys = pfn_t_to_phys(pfn);
	phys_addr_t start = page_to_phys(dl->pages);

	if (!pfn_t_valid(pfn))
		return false;
	return phys >= start && phys < start + PFN_PHYS(dl->nr_pages);
}

static long daxlite_direct_access(struct dax_device *dax_dev, pgoff_t pgoff,
				  long nr_pages, enum dax_access_mode mode,
				  void **kaddr, pfn_t *pfn)
{
	struct daxlite_dev *dl = dax_get_private(dax_dev);
	pfn_t first;

	if (mode != DAX_ACCESS || pgoff >= dl->nr_pages)
		return -ERANGE;
	first = daxlite_pgoff_to_pfn(dl, pgoff);
	if (!daxlite_pfn_ok(dl, first))
		return -EIO;
	if (kaddr)
		*kaddr = page_address(pfn_t_to_page(first));
	if (pfn)
		*pfn = first;
	dl->last_pfn = first;
	return min(nr_pages, (long)(dl->nr_pages - pgoff));
}

static const struct dax_operations daxlite_dax_ops = {
	.direct_access	= daxlite_direct_access,
};

/* Both translation paths must agree on the first page. */
static int daxlite_selftest(struct daxlite_dev *dl)
{
	pfn_t expect = pfn_to_pfn_t(page_to_pfn(dl->pages));
	pfn_t again = phys_to_pfn_t(PFN_PHYS(page_to_pfn(dl->pages)), 0);
	pfn_t got;
	void *kaddr;
	long rc;

	rc = dax_direct_access(dl->dax_dev, 0, 1, DAX_ACCESS, &kaddr, &got);
	if (rc < 1)
		return rc < 0 ? (int)rc : -ENXIO;
	if (got.val != expect.val || pfn_t_to_pfn(again) != pfn_t_to_pfn(got)) {
		dev_err(dl->dev, "self-test: pfn %#llx, expected %#llx\n",
			(unsigned long long)got.val, (unsigned long long)expect.val);
		return -EIO;
	}
	return 0;
}

/* A racing fault may already have installed a huge entry here. */
static bool daxlite_pud_is_huge(pud_t pud)
{
	return pud_trans_huge(pud) ||
	       pud_devmap(pud);
}

static void daxlite_trace_pmd(struct daxlite_dev *dl, struct vm_fault *vmf)
{
	pmd_t expect = pfn_t_pmd(dl->regs_pfn, vmf->vma->vm_page_prot);

	if (pmd_val(*vmf->pmd) != pmd_val(expect))
		dev_dbg(dl->dev, "%#lx: huge entry %#llx is not ours\n", vmf->address,
			(unsigned long long)pmd_val(*vmf->pmd));
}

/* The register page is MMIO without struct pages: a plain PFN mapping. */
static vm_fault_t daxlite_regs_fault(struct vm_fault *vmf)
{
	struct daxlite_dev *dl = vmf->vma->vm_private_data;

	if (vmf->pgoff != 0)
		return VM_FAULT_SIGBUS;
	return vmf_insert_mixed(vmf->vma, vmf->address,
				__pfn_to_pfn_t(PHYS_PFN(dl->regs_phys), 0));
}

static vm_fault_t daxlite_regs_huge_fault(struct vm_fault *vmf, unsigned int order)
{
	struct daxlite_dev *dl = vmf->vma->vm_private_data;

	if (order == PMD_ORDER && (pmd_trans_huge(*vmf->pmd) || pmd_devmap(*vmf->pmd))) {
		daxlite_trace_pmd(dl, vmf);
		return VM_FAULT_NOPAGE;
	}
	if (order == PUD_ORDER && daxlite_pud_is_huge(*vmf->pud))
		return VM_FAULT_NOPAGE;
	/* the register window is one page: never map it huge */
	return order ? VM_FAULT_FALLBACK : daxlite_regs_fault(vmf);
}

static const struct vm_operations_struct daxlite_regs_vm_ops = {
	.fault		= daxlite_regs_fault,
	.huge_fault	= daxlite_regs_huge_fault,
};

static int daxlite_open(struct inode *inode, struct file *filp)
{
	filp->private_data = container_of(inode->i_cdev, struct daxlite_dev, cdev);
	return 0;
}

static int daxlite_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct daxlite_dev *dl = filp->private_data;

	if (vma_pages(vma) != 1 || vma->vm_pgoff)
		return -EINVAL;
	vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
	vm_flags_set(vma, VM_MIXEDMAP | VM_IO | VM_DONTEXPAND | VM_DONTDUMP);
	vma->vm_private_data = dl;
	vma->vm_ops = &daxlite_regs_vm_ops;
	return 0;
}

static const struct file_operations daxlite_fops = {
	.owner	= THIS_MODULE,
	.open	= daxlite_open,
	.mmap	= daxlite_mmap,
};

static int daxlite_probe(struct platform_device *pdev)
{
	struct resource *regs = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	struct daxlite_dev *dl;

	dl = devm_kzalloc(&pdev->dev, sizeof(*dl), GFP_KERNEL);
	if (!dl || !regs)
		return -ENOMEM;
	dl->dev = &pdev->dev;
	dl->nr_pages = 512;
	dl->pages = alloc_pages(GFP_KERNEL | __GFP_ZERO, 9);
	if (!dl->pages)
		return -ENOMEM;
	dl->regs_phys = regs->start;
	dl->regs_pfn = phys_to_pfn_t(dl->regs_phys, PFN_DEV);

	dl->dax_dev = alloc_dax(dl, &daxlite_dax_ops);
	if (IS_ERR(dl->dax_dev))
		return PTR_ERR(dl->dax_dev);
	run_dax(dl->dax_dev);
	cdev_init(&dl->cdev, &daxlite_fops);
	platform_set_drvdata(pdev, dl);
	return daxlite_selftest(dl);
}

static struct platform_driver daxlite_driver = {
	.probe	= daxlite_probe,
	.driver	= {
		.name	= DAXLITE_NAME,
	},
};

static int __init daxlite_init(void)
{
	return platform_driver_register(&daxlite_driver);
}
module_init(daxlite_init);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("RAM-backed DAX device with an MMIO register page (pfn_t era)");
