// daxport benchmark: Coccinelle counterpart of the insert-api family
// (catalogue 2.4): calls of vmf_insert_pfn_pmd/pud(), vmf_insert_mixed(),
// vmf_insert_mixed_mkwrite(), track_pfn_insert(), their definitions and
// prototypes. (daxport also tells DAX callers from PFNMAP callers; here every
// call is one finding.)
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
def rep(p, what):
    print("%s:%s:%s:insert-api:%s" % (p[0].file, p[0].line, p[0].column, what))
    sys.stdout.flush()

@call@
position p;
@@
(
vmf_insert_pfn_pmd@p(...)
|
vmf_insert_pfn_pud@p(...)
|
vmf_insert_mixed@p(...)
|
vmf_insert_mixed_mkwrite@p(...)
|
track_pfn_insert@p(...)
)

@script:python@
p << call.p;
@@
rep(p, "call")

@fdef@
position p;
type T;
@@
(
T vmf_insert_pfn_pmd@p(...) { ... }
|
T vmf_insert_pfn_pud@p(...) { ... }
|
T vmf_insert_mixed@p(...) { ... }
|
T vmf_insert_mixed_mkwrite@p(...) { ... }
|
T track_pfn_insert@p(...) { ... }
)

@script:python@
p << fdef.p;
@@
rep(p, "definition of " + p[0].current_element)

@decl@
position p;
type T;
@@
(
T vmf_insert_pfn_pmd@p(...);
|
T vmf_insert_pfn_pud@p(...);
|
T vmf_insert_mixed@p(...);
|
T vmf_insert_mixed_mkwrite@p(...);
|
T track_pfn_insert@p(...);
)

@script:python@
p << decl.p;
@@
rep(p, "declaration")

@mdef@
position p;
expression e;
@@
(
#define vmf_insert_pfn_pmd(...) e@p
|
#define vmf_insert_pfn_pud(...) e@p
|
#define vmf_insert_mixed(...) e@p
|
#define vmf_insert_mixed_mkwrite(...) e@p
|
#define track_pfn_insert(...) e@p
)

@script:python@
p << mdef.p;
@@
rep(p, "macro definition")
