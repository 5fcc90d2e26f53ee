/* Self-written fixture for daxport's fix --definitions test; not kernel code. */
#ifndef _DEVMAP_DEFS_H
#define _DEVMAP_DEFS_H
#include <linux/mm.h>
#include <linux/jump_label.h>

#define _PAGE_BIT_DEVMAP	58
#define _PAGE_DEVMAP		(1UL << _PAGE_BIT_DEVMAP)

#if defined(CONFIG_ZONE_DEVICE) && \
	defined(CONFIG_FS_DAX)
DECLARE_STATIC_KEY_FALSE(devmap_managed_key);

/* The out-of-line half of the devmap-managed put. */
bool __put_devmap_managed_folio_refs(struct folio *folio, int refs);
#endif

/*
 * Is this a devmap entry? Kept: not a name the catalogue lists.
 */
static inline int my_pmd_devmap(pmd_t pmd)
{
	return !!(pmd.pmd & 1);
}

static inline int dax_page_is_shared(struct page *p) { return 0; } int other_code;

#endif
