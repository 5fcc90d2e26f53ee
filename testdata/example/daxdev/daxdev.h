/* daxdev.h - self-written example driver for daxport tests: shared definitions. */
#ifndef _DAXDEV_H
#define _DAXDEV_H

#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/ioctl.h>
#include <linux/kvm_types.h>
#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/memremap.h>
#include <linux/mm.h>
#include "daxdev_compat.h"

#define DAXDEV_NAME		"daxdev"
#define DAXDEV_MAX_DEVS		8

/* mmap offset (in pages) at which the MMIO doorbell page is exposed */
#define DAXDEV_DOORBELL_PGOFF	0x100000UL

#define DAXDEV_IOC_MAGIC	'D'
/* in: buf[0] = page offset; out: buf[1] = raw pfn value of that page */
#define DAXDEV_IOC_TRANSLATE	_IOWR(DAXDEV_IOC_MAGIC, 1, __u64[2])
#define DAXDEV_IOC_RING		_IO(DAXDEV_IOC_MAGIC, 2)

struct daxdev_dev;
struct dax_device;

/* Translate a device page offset; fills *pfnp, returns pages available or -errno. */
typedef long (*daxdev_translate_fn)(struct daxdev_dev *ddev, pgoff_t pgoff,
				    unsigned long size, pfn_t *pfnp);

/* The most recent mapping set up by a fault, for debugfs-style reporting. */
struct daxdev_mapping {
	pgoff_t pgoff;
	pfn_t pfn;
	unsigned int order;
};

struct daxdev_dev {
	struct device *dev;
	struct cdev cdev;
	dev_t devt;
	int id;

	/* device memory, registered as ZONE_DEVICE pages */
	struct dev_pagemap pgmap;
	phys_addr_t phys;
	resource_size_t size;
	unsigned long align;

	/* MMIO doorbell, mapped uncached at DAXDEV_DOORBELL_PGOFF */
	phys_addr_t db_phys;
	void __iomem *db_base;

	struct dax_device *dax_dev;
	daxdev_translate_fn translate;
	struct daxdev_mapping last;
	struct page *scratch;
	atomic_t nr_faults;
	atomic_t nr_open;
};

extern const struct vm_operations_struct daxdev_vm_ops;
extern const struct vm_operations_struct daxdev_db_vm_ops;

long daxdev_pgoff_to_pfn(struct daxdev_dev *ddev, pgoff_t pgoff,
			 unsigned long size, pfn_t *pfnp);
kvm_pfn_t daxdev_kvm_pfn(struct daxdev_dev *ddev, pgoff_t pgoff);
int daxdev_check_vma(struct daxdev_dev *ddev, struct vm_area_struct *vma,
		     const char *func);

#endif /* _DAXDEV_H */
