/* Self-written fixture for daxport's fix --definitions test; not kernel code. */
#include <linux/mm.h>
#include <linux/memremap.h>
#include <linux/module.h>
#include <linux/jump_label.h>
#include <linux/devmap_defs.h>

DEFINE_STATIC_KEY_FALSE(devmap_managed_key);
EXPORT_SYMBOL(devmap_managed_key);

static void devmap_managed_enable_get(struct dev_pagemap *pgmap)
{
	if (pgmap->type == MEMORY_DEVICE_FS_DAX)
		static_branch_inc(&devmap_managed_key);
}

#ifdef CONFIG_FS_DAX
static void devmap_managed_enable_put(struct dev_pagemap *pgmap)
{
	if (pgmap->type == MEMORY_DEVICE_FS_DAX)
		static_branch_dec(&devmap_managed_key);
}
#else
static void devmap_managed_enable_put(struct dev_pagemap *pgmap)
{
}
#endif /* CONFIG_FS_DAX */

int own_memremap_pages(struct dev_pagemap *pgmap)
{
	int x = 1;

	devmap_managed_enable_get(pgmap);
	devmap_managed_enable_put(pgmap);
	return x;
}

static int gup_fast_devmap_leaf(unsigned long pfn, unsigned long addr,
				unsigned long end, struct page **pages, int *nr)
{
	return 0;
}
