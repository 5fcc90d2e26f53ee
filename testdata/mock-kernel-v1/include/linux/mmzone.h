/* Self-written mock of <linux/mmzone.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_MMZONE_H
#define _MOCK_LINUX_MMZONE_H

#include <linux/types.h>

enum zone_type {
	ZONE_DMA32,
	ZONE_NORMAL,
	ZONE_MOVABLE,
	ZONE_DEVICE,
	__MAX_NR_ZONES
};

/* The zone number is kept in the top bits of page->flags. */
#define ZONES_WIDTH	3
#define ZONES_PGSHIFT	(BITS_PER_LONG - ZONES_WIDTH)
#define ZONES_MASK	((1UL << ZONES_WIDTH) - 1)

/* Does @pfn have a struct page (SPARSEMEM)? */
int pfn_valid(unsigned long pfn);

#endif /* _MOCK_LINUX_MMZONE_H */
