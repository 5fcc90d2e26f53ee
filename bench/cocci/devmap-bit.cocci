// daxport benchmark: Coccinelle counterpart of the devmap-bit family
// (catalogue 2.2): the devmap PTE bits (x86 _PAGE_DEVMAP/_PAGE_BIT_DEVMAP,
// arm64 PTE_DEVMAP, powerpc/riscv _PAGE_DEVMAP, loongarch _PAGE_DEVMAP_SHIFT)
// in expressions (also in macro bodies) and their #define lines, and
// CONFIG_ARCH_HAS_PTE_DEVMAP / CONFIG_FS_DAX_LIMITED in C expressions
// (IS_ENABLED(...)).
// Not expressible in SmPL 1.1.1: #ifdef/#if conditions on these symbols
// (spatch rejects `#ifdef X` in a pattern) and Kconfig select/depends lines.
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
    print("%s:%s:%s:devmap-bit:%s" % (p[0].file, p[0].line, p[0].column, what))
    sys.stdout.flush()

@use@
position p;
@@
(
_PAGE_DEVMAP@p
|
_PAGE_BIT_DEVMAP@p
|
PTE_DEVMAP@p
|
_PAGE_DEVMAP_SHIFT@p
)

@script:python@
p << use.p;
@@
rep(p, "use")

@mdef@
position p;
@@
(
#define _PAGE_DEVMAP@p ...
|
#define _PAGE_BIT_DEVMAP@p ...
|
#define PTE_DEVMAP@p ...
|
#define _PAGE_DEVMAP_SHIFT@p ...
)

@script:python@
p << mdef.p;
@@
rep(p, "definition")

@cfg@
position p;
@@
(
CONFIG_ARCH_HAS_PTE_DEVMAP@p
|
CONFIG_FS_DAX_LIMITED@p
)

@script:python@
p << cfg.p;
@@
rep(p, "config symbol in C code")
