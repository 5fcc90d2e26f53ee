// GUP taking dev_pagemap references instead of page references,
// follow_devmap_pmd(), PAGE_MAPPING_DAX_SHARED and the dax share helpers. A
// driver's own get_dev_pagemap() outside GUP is not a finding.
// RUN: %daxport scan %s -- -I %mock > %t.out; test $? -eq 1
// RUN: FileCheck %s --input-file=%t.out --implicit-check-not="warning:"
#include <linux/mm.h>
#include <linux/memremap.h>

/* Declared here: these are mm-internal in 6.12. */
struct page *follow_devmap_pmd(struct vm_area_struct *vma, unsigned long addr,
			       pmd_t *pmd, int flags, struct dev_pagemap **pgmap);
// CHECK: gup-and-friends.c:[[@LINE+1]]:9: warning: {{.*}} [dax-refcount-one-definition]
#define PAGE_MAPPING_DAX_SHARED	((void *)0x1)
// CHECK: gup-and-friends.c:[[@LINE+1]]:6: warning: {{.*}} [dax-refcount-one-definition]
void dax_page_share_get(struct page *page);

struct page *gup_fast_pmd_leaf(struct vm_area_struct *vma, unsigned long addr,
			       pmd_t *pmd, unsigned long pfn)
{
	struct dev_pagemap *pgmap = NULL;
	struct page *page;

// CHECK: gup-and-friends.c:[[@LINE+1]]:10: warning: {{.*}} [dax-gup-dev-pagemap]
	pgmap = get_dev_pagemap(pfn, pgmap);
	if (!pgmap)
		return NULL;
// CHECK: gup-and-friends.c:[[@LINE+1]]:9: warning: {{.*}} [dax-follow-devmap-pmd]
	page = follow_devmap_pmd(vma, addr, pmd, 0, &pgmap);
// CHECK: gup-and-friends.c:[[@LINE+1]]:2: warning: {{.*}} [dax-gup-dev-pagemap]
	put_dev_pagemap(pgmap);
	return page;
}
// CHECK: evidence: dev_pagemap reference taken in GUP (gup_fast_pmd_leaf())

void myfs_share_page(struct page *page)
{
// CHECK: gup-and-friends.c:[[@LINE+1]]:23: warning: {{.*}} [dax-page-mapping-dax-shared]
	if (page->mapping == PAGE_MAPPING_DAX_SHARED)
// CHECK: gup-and-friends.c:[[@LINE+1]]:3: warning: {{.*}} [dax-page-mapping-dax-shared]
		dax_page_share_get(page);
}

/* A driver looking up its own pagemap: not GUP, not reported. */
bool mydrv_owns_pfn(unsigned long pfn, struct dev_pagemap *mine)
{
	struct dev_pagemap *pgmap = get_dev_pagemap(pfn, NULL);
	bool ret = pgmap == mine;

	put_dev_pagemap(pgmap);
	return ret;
}
