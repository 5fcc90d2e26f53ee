/* daxlite.h - self-written example driver for daxport tests (mainline variant): shared definitions. */
#ifndef _DAXLITE_H
#define _DAXLITE_H

#include <linux/types.h>
#include <linux/cdev.h>
#include <linux/mm.h>
#include <linux/pfn_t.h>

#define DAXLITE_NAME	"daxlite"

struct dax_device;

/*
 * A RAM-backed DAX device (a carve-out of ordinary pages, so its pfns carry
 * no flags) with one page of MMIO registers that user space may map.
 */
struct daxlite_dev {
	struct device *dev;
	struct cdev cdev;
	struct dax_device *dax_dev;
	struct page *pages;		/* backing store */
	unsigned long nr_pages;
	phys_addr_t regs_phys;		/* MMIO, no struct pages */
	pfn_t regs_pfn;
	pfn_t last_pfn;			/* last pfn handed out by ->direct_access() */
};

pfn_t daxlite_pgoff_to_pfn(struct daxlite_dev *dl, pgoff_t pgoff);

#endif /* _DAXLITE_H */
