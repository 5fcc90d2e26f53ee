// Ordinary refcount checks that have nothing to do with ZONE_DEVICE pages:
// none is reported (precision of the refcount-one family).
// RUN: %daxport scan %s -- -I %mock > %t.out; test $? -eq 0
// RUN: FileCheck %s --input-file=%t.out
// CHECK: daxport: 0 findings
#include <linux/types.h>
#include <linux/mm.h>
#include <linux/memremap.h>

struct page *dev_alloc_page(void);
struct page *page_pool_alloc_pages(void *pool, unsigned int gfp);

/* Network RX page reuse: the driver holds the only reference. */
bool mynic_can_reuse_rx_page(void *pool)
{
	struct page *page = page_pool_alloc_pages(pool, 0);
	return page_ref_count(page) == 1;
}

bool mynic_reuse(struct page *page)
{
	struct page *fresh = dev_alloc_page();
	return page_count(fresh) == 1 && page_count(page) == 1;
}

/* A filesystem's own page cache: only the page cache holds it. */
bool myfs_page_unused(struct page *page)
{
	return page_count(page) == 1;
}

/* A kref: not a page. */
struct myobj {
	atomic_t refs;
};
bool myobj_last(struct myobj *o)
{
	return atomic_read(&o->refs) == 1;
}

/* Device-private allocation: the normal 0 -> 1 of a fresh page. */
void myhmm_zone_device_page_init(struct page *page, struct dev_pagemap *pgmap)
{
	if (pgmap->type == MEMORY_DEVICE_PRIVATE)
		set_page_count(page, 1);
}
