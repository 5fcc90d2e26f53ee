/* Self-written mock of <linux/memremap.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_MEMREMAP_H
#define _MOCK_LINUX_MEMREMAP_H

#include <linux/types.h>
#include <linux/range.h>
#include <linux/mm_types.h>

struct device;
struct page;
struct vm_fault;

/* Kinds of ZONE_DEVICE memory (values as in the 6.12 enum). */
enum memory_type {
	MEMORY_DEVICE_PRIVATE = 1,
	MEMORY_DEVICE_COHERENT,
	MEMORY_DEVICE_FS_DAX,
	MEMORY_DEVICE_GENERIC,
	MEMORY_DEVICE_PCI_P2PDMA,
};

struct dev_pagemap;

struct dev_pagemap_ops {
	/* the last reference to a ZONE_DEVICE page went away */
	void (*page_free)(struct page *page);
	/* device-private pages: move data back to system RAM */
	vm_fault_t (*migrate_to_ram)(struct vm_fault *vmf);
	int (*memory_failure)(struct dev_pagemap *pgmap, unsigned long pfn,
			      unsigned long nr_pages, int mf_flags);
};

#define PGMAP_ALTMAP_VALID	(1 << 0)

struct dev_pagemap {
	enum memory_type type;
	unsigned int flags;
	unsigned long vmemmap_shift;
	const struct dev_pagemap_ops *ops;
	void *owner;
	int nr_range;
	struct range range;
};

#ifdef CONFIG_ZONE_DEVICE
void *memremap_pages(struct dev_pagemap *pgmap, int nid);
void memunmap_pages(struct dev_pagemap *pgmap);
void *devm_memremap_pages(struct device *dev, struct dev_pagemap *pgmap);
void devm_memunmap_pages(struct device *dev, struct dev_pagemap *pgmap);
struct dev_pagemap *get_dev_pagemap(unsigned long pfn, struct dev_pagemap *pgmap);
#else
static inline void *devm_memremap_pages(struct device *dev, struct dev_pagemap *pgmap)
{
	return (void *)-6L;	/* ERR_PTR(-ENXIO) */
}

static inline void devm_memunmap_pages(struct device *dev, struct dev_pagemap *pgmap)
{
}

static inline struct dev_pagemap *get_dev_pagemap(unsigned long pfn,
						  struct dev_pagemap *pgmap)
{
	return NULL;
}
#endif /* CONFIG_ZONE_DEVICE */

void put_dev_pagemap(struct dev_pagemap *pgmap);

#endif /* _MOCK_LINUX_MEMREMAP_H */
