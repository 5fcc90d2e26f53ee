// daxport benchmark: Coccinelle counterpart of the refcount-one family
// (catalogue 2.5). Following the catalogue's precision policy as far as SmPL
// reasonably allows: a struct page/folio refcount compared with (or set to)
// 1 is reported only inside a function that also shows ZONE_DEVICE/DAX
// evidence (zone-device/DAX guards and helpers, waits or wakes on a
// refcount, devmap tests, pgmap types); waits on &X->_refcount, the
// devmap-managed helpers, follow_devmap_pmd(), get/put_dev_pagemap() in
// mm/gup.c, the DAX page-share helpers, devmap_managed_key,
// PAGE_MAPPING_DAX_SHARED and page->pgmap are reported wherever they appear.
// The evidence set is filled per file before the comparisons are checked
// (spatch applies the rules of a file in order).
//
// Report mode: one line per site on stdout, "FILE:LINE:COLUMN:FAMILY:WHAT".
// Every rule spells its identifiers literally (no `identifier f = {...}`
// lists): only then can spatch compute a token query and skip the files that
// cannot match; one rule without constant tokens makes it parse every file.
//
//   spatch --sp-file THIS --dir TREE --jobs N --very-quiet --no-includes [--include-headers]

@initialize:python@
@@
import sys
evidence = set()
def rep(p, what):
    print("%s:%s:%s:refcount-one:%s" % (p[0].file, p[0].line, p[0].column, what))
    sys.stdout.flush()

@ev@
expression E;
position p;
symbol devmap_managed_key;
@@
(
is_zone_device_page@p(...)
|
folio_is_zone_device@p(...)
|
is_fsdax_page@p(...)
|
vma_is_dax@p(...)
|
IS_DAX@p(...)
|
dax_mapping@p(...)
|
dax_layout_busy_page@p(...)
|
dax_layout_busy_page_range@p(...)
|
dax_busy_page@p(...)
|
dax_to_pfn@p(...)
|
dax_direct_access@p(...)
|
pfn_t_to_page@p(...)
|
devm_memremap_pages@p(...)
|
memremap_pages@p(...)
|
pmd_devmap@p(...)
|
pud_devmap@p(...)
|
pte_devmap@p(...)
|
MEMORY_DEVICE_FS_DAX@p
|
MEMORY_DEVICE_GENERIC@p
|
MEMORY_DEVICE_PCI_P2PDMA@p
|
devmap_managed_key@p
|
wake_up_var@p(&E->_refcount)
|
___wait_var_event@p(&E->_refcount, ...)
)

@script:python@
p << ev.p;
@@
evidence.add((p[0].file, p[0].current_element))

@cmp@
expression E, R;
binary operator op = {==, !=, >, <=};
position p;
@@
(
page_ref_count@p(E) op 1
|
folio_ref_count@p(E) op 1
|
page_count@p(E) op 1
|
page_ref_dec_return@p(E) op 1
|
folio_ref_dec_return@p(E) op 1
|
folio_ref_sub_return@p(E, R) op 1
|
atomic_read(&E->_refcount@p) op 1
)

@script:python@
p << cmp.p;
@@
if (p[0].file, p[0].current_element) in evidence:
    rep(p, "refcount compared with 1 in " + p[0].current_element)

@setone@
expression E;
position p;
@@
(
set_page_count@p(E, 1)
|
folio_set_count@p(E, 1)
|
init_page_count@p(E)
)

@script:python@
p << setone.p;
@@
if (p[0].file, p[0].current_element) in evidence:
    rep(p, "refcount set to 1 in " + p[0].current_element)

@wait@
position p;
expression E;
@@
___wait_var_event@p(&E->_refcount, ...)

@script:python@
p << wait.p;
@@
rep(p, "wait on a page refcount")

@api@
position p;
@@
(
put_devmap_managed_folio_refs@p(...)
|
put_devmap_managed_page@p(...)
|
__put_devmap_managed_folio_refs@p(...)
|
follow_devmap_pmd@p(...)
|
dax_page_share_get@p(...)
|
dax_page_share_put@p(...)
|
dax_page_is_shared@p(...)
|
devmap_managed_enable_get@p(...)
|
devmap_managed_enable_put@p(...)
)

@script:python@
p << api.p;
@@
rep(p, "call")

@fdef@
position p;
type T;
@@
(
T put_devmap_managed_folio_refs@p(...) { ... }
|
T put_devmap_managed_page@p(...) { ... }
|
T __put_devmap_managed_folio_refs@p(...) { ... }
|
T dax_page_share_get@p(...) { ... }
|
T dax_page_share_put@p(...) { ... }
|
T dax_page_is_shared@p(...) { ... }
|
T devmap_managed_enable_get@p(...) { ... }
|
T devmap_managed_enable_put@p(...) { ... }
)

@script:python@
p << fdef.p;
@@
rep(p, "definition of " + p[0].current_element)

@ids@
position p;
symbol devmap_managed_key;
@@
(
devmap_managed_key@p
|
PAGE_MAPPING_DAX_SHARED@p
)

@script:python@
p << ids.p;
@@
rep(p, "use")

@gup@
position p : script:python() { p[0].file.endswith("mm/gup.c") };
@@
(
get_dev_pagemap@p(...)
|
put_dev_pagemap@p(...)
)

@script:python@
p << gup.p;
@@
rep(p, "dev_pagemap reference in GUP")

@pgmap@
expression E;
position p;
@@
E->pgmap@p

@script:python@
p << pgmap.p;
E << pgmap.E;
@@
if "page" in E or "folio" in E:
    rep(p, "->pgmap of " + E)
