/* daxdev_main.c - self-written example driver for daxport tests: probe, cdev, dax ops. */
#include <linux/module.h>
#include <linux/kernel.h>
#include <linux/platform_device.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/pfn_t.h>
#include <linux/memremap.h>
#include <linux/dax.h>
#include <linux/wait_bit.h>
#include <linux/kvm_types.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include "daxdev.h"

static struct class *daxdev_class;
static dev_t daxdev_base;
static atomic_t daxdev_next_id = ATOMIC_INIT(0);

/* number of ->direct_access() calls; each hands out one pfn_t */
static unsigned long daxdev_direct_calls;

static bool daxdev_pfn_t_valid(struct daxdev_dev *ddev, pfn_t pfn)
{
	phys_addr_t phys = pfn_t_to_phys(pfn);

	if (!pfn_t_valid(pfn))
		return false;
	return phys >= ddev->phys && phys < ddev->phys + ddev->size;
}

/* ---- in-kernel access: struct dax_operations ---- */

static long daxdev_direct_access(struct dax_device *dax_dev, pgoff_t pgoff,
				 long nr_pages, enum dax_access_mode mode,
				 void **kaddr, pfn_t *pfn)
{
	struct daxdev_dev *ddev = dax_get_private(dax_dev);
	phys_addr_t offset = PFN_PHYS(pgoff);
	struct page *page;
	long avail;

	if (mode != DAX_ACCESS)
		return -EOPNOTSUPP;
	if (offset >= ddev->size)
		return -ERANGE;

	avail = (long)PHYS_PFN(ddev->size - offset);
	page = pfn_to_page(PHYS_PFN(ddev->phys + offset));
	if (kaddr)
		*kaddr = page_address(page);
	if (pfn)
		*pfn = page_to_pfn_t(page);
	daxdev_direct_calls++;
	return min(avail, nr_pages);
}

static int daxdev_zero_page_range(struct dax_device *dax_dev, pgoff_t pgoff,
				  size_t nr_pages)
{
	void *kaddr;
	long rc;

	rc = dax_direct_access(dax_dev, pgoff, nr_pages, DAX_ACCESS, &kaddr, NULL);
	if (rc < 0)
		return (int)rc;
	if ((size_t)rc < nr_pages)
		return -ERANGE;
	memset(kaddr, 0, nr_pages << PAGE_SHIFT);
	return 0;
}

static const struct dax_operations daxdev_dax_ops = {
	.direct_access		= daxdev_direct_access,
	.zero_page_range	= daxdev_zero_page_range,
};

/*
 * Optional hook for a KVM backend that maps device pages into guests.  It
 * speaks kvm_pfn_t, which is a plain u64 and has nothing to do with pfn_t.
 */
kvm_pfn_t daxdev_kvm_pfn(struct daxdev_dev *ddev, pgoff_t pgoff)
{
	pfn_t pfn;

	if (daxdev_pgoff_to_pfn(ddev, pgoff, PAGE_SIZE, &pfn) < 0)
		return ~(kvm_pfn_t)0;
	return (kvm_pfn_t)pfn_t_to_pfn(pfn);
}
EXPORT_SYMBOL_GPL(daxdev_kvm_pfn);

/*
 * Probe-time check that both translation paths agree on the first page:
 * ->direct_access() and the fault-path helper must yield the same pfn_t.
 */
static int daxdev_selftest(struct daxdev_dev *ddev)
{
	pfn_t expect = pfn_to_pfn_t(PHYS_PFN(ddev->phys));
	unsigned int pfn_t_count = 0;
	pfn_t pfns[2];
	unsigned int i;
	void *kaddr;
	long rc;

	rc = dax_direct_access(ddev->dax_dev, 0, 1, DAX_ACCESS, &kaddr, &pfns[0]);
	if (rc < 1)
		return rc < 0 ? (int)rc : -ENXIO;
	rc = ddev->translate(ddev, 0, PAGE_SIZE, &pfns[1]);
	if (rc < 0)
		return (int)rc;

	for (i = 0; i < ARRAY_SIZE(pfns); i++) {
		struct page *page = pfn_t_to_page(pfns[i]);

		if (!pfn_t_has_page(pfns[i]) || page_address(page) != kaddr)
			continue;
		if (daxdev_pfn_t_valid(ddev, pfns[i]))
			pfn_t_count++;
	}

	if (pfn_t_count != ARRAY_SIZE(pfns) ||
	    pfn_t_to_phys(pfns[0]) != pfn_t_to_phys(pfns[1]) ||
	    pfn_t_to_pfn(expect) != pfn_t_to_pfn(pfns[0])) {
		dev_err(ddev->dev, "self-test: pfn_t mismatch (%u of %u ok)\n",
			pfn_t_count, (unsigned int)ARRAY_SIZE(pfns));
		return -EIO;
	}
	return 0;
}

/* ---- ZONE_DEVICE pages ---- */

static void daxdev_page_free(struct page *page)
{
	struct daxdev_dev *ddev = container_of(page->pgmap, struct daxdev_dev, pgmap);

	page->mapping = NULL;
	wake_up_var(&page->_refcount);
	dev_dbg(ddev->dev, "pfn %#lx idle\n", page_to_pfn(page));
}

static const struct dev_pagemap_ops daxdev_pgmap_ops = {
	.page_free	= daxdev_page_free,
};

/*
 * Wait until every user mapping of the device pages is gone.  An idle page
 * of ours sits at refcount 1: pmd_devmap mappings take no page reference.
 */
static void daxdev_wait_idle(struct daxdev_dev *ddev)
{
	unsigned long pfn = PHYS_PFN(ddev->phys);
	unsigned long end = pfn + PHYS_PFN(ddev->size);

	for (; pfn < end; pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (!is_zone_device_page(page) || page->pgmap != &ddev->pgmap)
			continue;
		if (page_ref_count(page) > 1)
			dev_dbg(ddev->dev, "pfn %#lx still mapped\n", pfn);
		___wait_var_event(&page->_refcount,
				  atomic_read(&page->_refcount) == 1,
				  TASK_UNINTERRUPTIBLE, 0, 0, schedule());
		cond_resched();
	}
}

/* ---- character device ---- */

static int daxdev_open(struct inode *inode, struct file *filp)
{
	struct daxdev_dev *ddev = container_of(inode->i_cdev, struct daxdev_dev, cdev);

	filp->private_data = ddev;
	atomic_inc(&ddev->nr_open);
	return 0;
}

static int daxdev_release(struct inode *inode, struct file *filp)
{
	struct daxdev_dev *ddev = filp->private_data;

	/* last closer: the scratch page is ours again unless zeroing holds it */
	if (atomic_read(&ddev->nr_open) == 1 && page_count(ddev->scratch) == 1)
		memset(page_address(ddev->scratch), 0, PAGE_SIZE);
	atomic_dec(&ddev->nr_open);
	return 0;
}

static int daxdev_mmap(struct file *filp, struct vm_area_struct *vma)
{
	struct daxdev_dev *ddev = filp->private_data;

	if (vma->vm_pgoff == DAXDEV_DOORBELL_PGOFF) {
		if (vma_pages(vma) != 1)
			return -EINVAL;
		vma->vm_page_prot = pgprot_noncached(vma->vm_page_prot);
		vm_flags_set(vma, VM_MIXEDMAP | VM_IO | VM_DONTEXPAND | VM_DONTDUMP);
		vma->vm_private_data = ddev;
		vma->vm_ops = &daxdev_db_vm_ops;
		return 0;
	}

	if (daxdev_check_vma(ddev, vma, __func__))
		return -EINVAL;
	vma->vm_ops = &daxdev_vm_ops;
	vm_flags_set(vma, VM_HUGEPAGE);
	return 0;
}

static long daxdev_ioctl(struct file *filp, unsigned int cmd, unsigned long arg)
{
	struct daxdev_dev *ddev = filp->private_data;
	void __user *argp = (void __user *)arg;
	u64 buf[2];
	long rc;

	switch (cmd) {
	case DAXDEV_IOC_TRANSLATE:
		BUILD_BUG_ON(sizeof(pfn_t) != sizeof(u64));
		if (copy_from_user(buf, argp, sizeof(buf)))
			return -EFAULT;
		rc = ddev->translate(ddev, (pgoff_t)buf[0], PAGE_SIZE, (pfn_t *)&buf[1]);
		if (rc < 0)
			return rc;
		return copy_to_user(argp, buf, sizeof(buf)) ? -EFAULT : 0;
	case DAXDEV_IOC_RING:
		writel(1, ddev->db_base);
		return 0;
	}
	return -ENOTTY;
}

static const struct file_operations daxdev_fops = {
	.owner		= THIS_MODULE,
	.open		= daxdev_open,
	.release	= daxdev_release,
	.mmap		= daxdev_mmap,
	.unlocked_ioctl	= daxdev_ioctl,
	.llseek		= noop_llseek,
};

/* ---- platform driver ---- */

static int daxdev_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct resource *mem, *db;
	struct daxdev_dev *ddev;
	struct device *cdev_dev;
	void *addr;
	int rc;

	mem = platform_get_resource(pdev, IORESOURCE_MEM, 0);
	db = platform_get_resource(pdev, IORESOURCE_MEM, 1);
	if (!mem || !db)
		return -ENODEV;

	ddev = devm_kzalloc(dev, sizeof(*ddev), GFP_KERNEL);
	if (!ddev)
		return -ENOMEM;
	ddev->dev = dev;
	ddev->id = atomic_inc_return(&daxdev_next_id) - 1;
	ddev->phys = mem->start;
	ddev->size = resource_size(mem);
	ddev->align = IS_ALIGNED(ddev->phys | ddev->size, PMD_SIZE) ? PMD_SIZE : PAGE_SIZE;
	ddev->db_phys = db->start;
	ddev->translate = daxdev_pgoff_to_pfn;
	atomic_set(&ddev->nr_faults, 0);
	atomic_set(&ddev->nr_open, 0);

	if (!devm_request_mem_region(dev, db->start, resource_size(db), DAXDEV_NAME))
		return -EBUSY;
	ddev->db_base = devm_ioremap(dev, db->start, resource_size(db));
	if (!ddev->db_base)
		return -ENOMEM;

	ddev->pgmap.type = MEMORY_DEVICE_GENERIC;
	ddev->pgmap.range.start = ddev->phys;
	ddev->pgmap.range.end = ddev->phys + ddev->size - 1;
	ddev->pgmap.nr_range = 1;
	ddev->pgmap.ops = &daxdev_pgmap_ops;
	ddev->pgmap.owner = ddev;
	if (ddev->align == PMD_SIZE)
		ddev->pgmap.vmemmap_shift = PMD_ORDER;
	addr = devm_memremap_pages(dev, &ddev->pgmap);
	if (IS_ERR(addr))
		return PTR_ERR(addr);

	ddev->scratch = alloc_page(GFP_KERNEL | __GFP_ZERO);
	if (!ddev->scratch)
		return -ENOMEM;

	ddev->dax_dev = alloc_dax(ddev, &daxdev_dax_ops);
	if (IS_ERR(ddev->dax_dev)) {
		rc = PTR_ERR(ddev->dax_dev);
		goto err_scratch;
	}
	run_dax(ddev->dax_dev);

	rc = daxdev_selftest(ddev);
	if (rc)
		goto err_dax;

	ddev->devt = MKDEV(MAJOR(daxdev_base), ddev->id);
	cdev_init(&ddev->cdev, &daxdev_fops);
	ddev->cdev.owner = THIS_MODULE;
	rc = cdev_add(&ddev->cdev, ddev->devt, 1);
	if (rc)
		goto err_dax;

	cdev_dev = device_create(daxdev_class, dev, ddev->devt, ddev,
				 DAXDEV_NAME "%d", ddev->id);
	if (IS_ERR(cdev_dev)) {
		rc = PTR_ERR(cdev_dev);
		goto err_cdev;
	}

	platform_set_drvdata(pdev, ddev);
	dev_info(dev, "%pa size %#llx align %#lx\n", &ddev->phys,
		 (unsigned long long)ddev->size, ddev->align);
	return 0;

err_cdev:
	cdev_del(&ddev->cdev);
err_dax:
	kill_dax(ddev->dax_dev);
	put_dax(ddev->dax_dev);
err_scratch:
	__free_page(ddev->scratch);
	return rc;
}

static DAXDEV_REMOVE_RET daxdev_remove(struct platform_device *pdev)
{
	struct daxdev_dev *ddev = platform_get_drvdata(pdev);

	device_destroy(daxdev_class, ddev->devt);
	cdev_del(&ddev->cdev);
	kill_dax(ddev->dax_dev);
	daxdev_wait_idle(ddev);
	put_dax(ddev->dax_dev);
	__free_page(ddev->scratch);
	DAXDEV_REMOVE_DONE;
}

static struct platform_driver daxdev_driver = {
	.probe		= daxdev_probe,
	.remove		= daxdev_remove,
	.driver		= {
		.name	= DAXDEV_NAME,
	},
};

static int __init daxdev_init(void)
{
	int rc;

	rc = alloc_chrdev_region(&daxdev_base, 0, DAXDEV_MAX_DEVS, DAXDEV_NAME);
	if (rc)
		return rc;

	daxdev_class = daxdev_class_create(DAXDEV_NAME);
	if (IS_ERR(daxdev_class)) {
		rc = PTR_ERR(daxdev_class);
		goto err_region;
	}

	rc = platform_driver_register(&daxdev_driver);
	if (rc)
		goto err_class;
	return 0;

err_class:
	class_destroy(daxdev_class);
err_region:
	unregister_chrdev_region(daxdev_base, DAXDEV_MAX_DEVS);
	return rc;
}

static void __exit daxdev_exit(void)
{
	platform_driver_unregister(&daxdev_driver);
	class_destroy(daxdev_class);
	unregister_chrdev_region(daxdev_base, DAXDEV_MAX_DEVS);
}

module_init(daxdev_init);
module_exit(daxdev_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("device-DAX style character device (pfn_t / pmd_devmap era)");
