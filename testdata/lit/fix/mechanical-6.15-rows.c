// Catalogue rows marked M that hold from 6.15 and have no rewrite of their
// own elsewhere in these fixtures: dax-page-pgmap ("page->pgmap" read becomes
// "page_pgmap(page)", also inside a macro argument) and
// dax-put-devmap-managed (the devmap-managed put disappears and the generic
// put stays: "if (!put_devmap_managed_folio_refs(f, n)) folio_put_refs(f, n);"
// becomes "folio_put_refs(f, n);"). The result compiles against 6.17, where
// struct page has no pgmap and the hook is gone.
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix --in-place %t.c -- -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES --implicit-check-not="not rewritten"
// RUN: %clang -fsyntax-only -Wall -Werror -I %{mock_617} %t.c
// RUN: grep -qx 0 %t.rc
#include <linux/mm.h>
#include <linux/memremap.h>
// NOTES: daxport fix: 4 findings rewritten with {{[0-9]+}} edits in 1 files{{$}}

struct mydev {
	struct dev_pagemap pgmap;
};

struct mydev *mydev_of_page(struct page *page)
{
	if (page->pgmap->type != MEMORY_DEVICE_GENERIC)
// FIXED: {{^[[:blank:]]+}}if (page_pgmap(page)->type != MEMORY_DEVICE_GENERIC){{$}}
		return NULL;
	return container_of(page->pgmap, struct mydev, pgmap);
// FIXED: {{^[[:blank:]]+}}return container_of(page_pgmap(page), struct mydev, pgmap);{{$}}
}

void mydev_put_refs(struct folio *folio, int refs)
{
	if (!put_devmap_managed_folio_refs(folio, refs))
		folio_put_refs(folio, refs);
// FIXED: {{^}}void mydev_put_refs(struct folio *folio, int refs){{$}}
// FIXED-NEXT: {{^}}{{{$}}
// FIXED-NEXT: {{^[[:blank:]]+}}folio_put_refs(folio, refs);{{$}}
}

void mydev_put_page(struct page *page)
{
	struct folio *folio = page_folio(page);

	if (put_devmap_managed_folio_refs(folio, 1))
		return;
	folio_put(folio);
// FIXED: {{^[[:blank:]]+}}struct folio *folio = page_folio(page);{{$}}
// FIXED-EMPTY:
// FIXED-NEXT: {{^[[:blank:]]+}}folio_put(folio);{{$}}
}
