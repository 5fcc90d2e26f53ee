// daxport benchmark: Coccinelle counterpart of the pfn-t family
// (catalogue 2.3): the pfn_t typedef and the type wherever it is written,
// .val on a pfn_t, the pfn_t helpers (calls, definitions, macro
// definitions), the PFN_* flags (uses and #defines), and
// #include <linux/pfn_t.h>. kvm_pfn_t is another token and never matches.
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
    print("%s:%s:%s:pfn-t:%s" % (p[0].file, p[0].line, p[0].column, what))
    sys.stdout.flush()

@tdef@
position p;
@@
typedef struct { ... } pfn_t@p;

@script:python@
p << tdef.p;
@@
rep(p, "definition of pfn_t")

@ty@
position p;
typedef pfn_t;
@@
pfn_t@p

@script:python@
p << ty.p;
@@
rep(p, "type pfn_t")

@val@
position p;
typedef pfn_t;
pfn_t e;
pfn_t *pe;
@@
(
e.val@p
|
pe->val@p
)

@script:python@
p << val.p;
@@
rep(p, ".val")

@call@
position p;
@@
(
__pfn_to_pfn_t@p(...)
|
pfn_to_pfn_t@p(...)
|
phys_to_pfn_t@p(...)
|
page_to_pfn_t@p(...)
|
pfn_t_to_pfn@p(...)
|
pfn_t_to_page@p(...)
|
pfn_t_to_phys@p(...)
|
pfn_t_valid@p(...)
|
pfn_t_has_page@p(...)
|
pfn_t_pte@p(...)
|
pfn_t_pmd@p(...)
|
pfn_t_pud@p(...)
|
pfn_t_devmap@p(...)
|
pfn_t_special@p(...)
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
T __pfn_to_pfn_t@p(...) { ... }
|
T pfn_to_pfn_t@p(...) { ... }
|
T phys_to_pfn_t@p(...) { ... }
|
T page_to_pfn_t@p(...) { ... }
|
T pfn_t_to_pfn@p(...) { ... }
|
T pfn_t_to_page@p(...) { ... }
|
T pfn_t_to_phys@p(...) { ... }
|
T pfn_t_valid@p(...) { ... }
|
T pfn_t_has_page@p(...) { ... }
|
T pfn_t_pte@p(...) { ... }
|
T pfn_t_pmd@p(...) { ... }
|
T pfn_t_pud@p(...) { ... }
|
T pfn_t_devmap@p(...) { ... }
|
T pfn_t_special@p(...) { ... }
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
#define __pfn_to_pfn_t(...) e@p
|
#define pfn_to_pfn_t(...) e@p
|
#define phys_to_pfn_t(...) e@p
|
#define page_to_pfn_t(...) e@p
|
#define pfn_t_to_pfn(...) e@p
|
#define pfn_t_to_page(...) e@p
|
#define pfn_t_to_phys(...) e@p
|
#define pfn_t_valid(...) e@p
|
#define pfn_t_has_page(...) e@p
|
#define pfn_t_pte(...) e@p
|
#define pfn_t_pmd(...) e@p
|
#define pfn_t_pud(...) e@p
|
#define pfn_t_devmap(...) e@p
|
#define pfn_t_special(...) e@p
)

@script:python@
p << mdef.p;
@@
rep(p, "macro definition")

@flag@
position p;
@@
(
PFN_DEV@p
|
PFN_MAP@p
|
PFN_SPECIAL@p
|
PFN_SG_CHAIN@p
|
PFN_SG_LAST@p
|
PFN_FLAGS_MASK@p
|
PFN_FLAGS_TRACE@p
)

@script:python@
p << flag.p;
@@
rep(p, "flag")

@fldef@
position p;
@@
(
#define PFN_DEV@p ...
|
#define PFN_MAP@p ...
|
#define PFN_SPECIAL@p ...
|
#define PFN_SG_CHAIN@p ...
|
#define PFN_SG_LAST@p ...
|
#define PFN_FLAGS_MASK@p ...
|
#define PFN_FLAGS_TRACE@p ...
)

@script:python@
p << fldef.p;
@@
rep(p, "flag definition")

@inc@
position p;
@@
#include <linux/pfn_t.h>@p

@script:python@
p << inc.p;
@@
rep(p, "#include <linux/pfn_t.h>")
