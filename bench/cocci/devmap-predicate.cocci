// daxport benchmark: Coccinelle counterpart of the devmap-predicate family
// (catalogue 2.1): uses of pte/pmd/pud/pgd_devmap() and pte/pmd/pud_mkdevmap()
// (calls, also inside the macro bodies spatch can parse), and the
// definitions of these helpers as C functions or function-like macros.
// SmPL cannot put a position on the name of a function-like macro: for those
// the position is the start of the body (the same line for one-line helpers).
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
    print("%s:%s:%s:devmap-predicate:%s" % (p[0].file, p[0].line, p[0].column, what))
    sys.stdout.flush()

@use@
position p;
@@
(
pte_devmap@p(...)
|
pmd_devmap@p(...)
|
pud_devmap@p(...)
|
pgd_devmap@p(...)
|
pte_mkdevmap@p(...)
|
pmd_mkdevmap@p(...)
|
pud_mkdevmap@p(...)
)

@script:python@
p << use.p;
@@
rep(p, "use")

@fdef@
position p;
type T;
@@
(
T pte_devmap@p(...) { ... }
|
T pmd_devmap@p(...) { ... }
|
T pud_devmap@p(...) { ... }
|
T pgd_devmap@p(...) { ... }
|
T pte_mkdevmap@p(...) { ... }
|
T pmd_mkdevmap@p(...) { ... }
|
T pud_mkdevmap@p(...) { ... }
|
T hash__pmd_mkdevmap@p(...) { ... }
|
T radix__pmd_mkdevmap@p(...) { ... }
|
T radix__pud_mkdevmap@p(...) { ... }
|
T gup_fast_devmap_leaf@p(...) { ... }
|
T gup_fast_devmap_pmd_leaf@p(...) { ... }
|
T gup_fast_devmap_pud_leaf@p(...) { ... }
|
T follow_devmap_pmd@p(...) { ... }
|
T pte_devmap_tests@p(...) { ... }
|
T pmd_devmap_tests@p(...) { ... }
|
T pud_devmap_tests@p(...) { ... }
)

@script:python@
p << fdef.p;
@@
rep(p, "definition of " + p[0].current_element)

@mdef@
position p;
expression e;
@@
(
#define pte_devmap(...) e@p
|
#define pmd_devmap(...) e@p
|
#define pud_devmap(...) e@p
|
#define pgd_devmap(...) e@p
|
#define pte_mkdevmap(...) e@p
|
#define pmd_mkdevmap(...) e@p
|
#define pud_mkdevmap(...) e@p
|
#define hash__pmd_mkdevmap(...) e@p
|
#define radix__pmd_mkdevmap(...) e@p
|
#define radix__pud_mkdevmap(...) e@p
)

@script:python@
p << mdef.p;
@@
rep(p, "macro definition")
