// Catalogue rows marked M that hold from 6.17 and have no rewrite of their
// own elsewhere in these fixtures: dax-pgd-devmap (pgd_devmap() is deleted,
// e.g. "BUILD_BUG_ON(pgd_devmap(...));" goes) and
// dax-arch-has-pte-devmap-conditional (CONFIG_ARCH_HAS_PTE_DEVMAP is never
// defined: "#ifdef" blocks are deleted with their #else branch kept,
// "#if defined(SYM) && X" becomes "#if X", the catalogue's form and
// upstream's in mm/hmm.c). The result compiles against 6.17.
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix --in-place %t.c -- -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED --implicit-check-not='{{^#.*}}CONFIG_ARCH_HAS_PTE_DEVMAP'
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES --implicit-check-not="not rewritten"
// RUN: %clang -fsyntax-only -Wall -Werror -I %{mock_617} %t.c
// RUN: grep -qx 0 %t.rc
#include <linux/mm.h>
// NOTES: daxport fix: 3 findings rewritten with {{[0-9]+}} edits in 1 files{{$}}

void drv_check(pgd_t pgd)
{
	BUILD_BUG_ON(sizeof(pgd) != sizeof(pgdval_t));
	BUILD_BUG_ON(pgd_devmap(pgd));
}
// FIXED: {{^}}void drv_check(pgd_t pgd){{$}}
// FIXED-NEXT: {{^}}{{{$}}
// FIXED-NEXT: {{^[[:blank:]]+}}BUILD_BUG_ON(sizeof(pgd) != sizeof(pgdval_t));{{$}}
// FIXED-NEXT: {{^}}}{{$}}

#ifdef CONFIG_ARCH_HAS_PTE_DEVMAP
int drv_has_devmap = 1;
#else
int drv_has_devmap;
#endif
// FIXED: {{^}}int drv_has_devmap;{{$}}

#if defined(CONFIG_ARCH_HAS_PTE_DEVMAP) && defined(CONFIG_TRANSPARENT_HUGEPAGE)
#define DRV_HUGE_DEVMAP 1
#endif
// FIXED: {{^}}#if defined(CONFIG_TRANSPARENT_HUGEPAGE){{$}}
// FIXED-NEXT: {{^}}#define DRV_HUGE_DEVMAP 1{{$}}
