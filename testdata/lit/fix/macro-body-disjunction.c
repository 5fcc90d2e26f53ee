// dax-devmap-trans-huge-disjunction, mainline 6.17: a disjunction inside the
// body of a macro defined in the file is edited once, in the definition,
// however often the macro is expanded; the expansion sites are untouched.
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix %t.c -- -I %mock > %t.diff 2>/dev/null
// RUN: FileCheck --input-file=%t.diff %s --check-prefix=DIFF
// RUN: %daxport fix --in-place %t.c -- -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES --implicit-check-not="not rewritten"
// RUN: %clang -fsyntax-only -Wall -Werror -I %{mock_617} %t.c
// RUN: grep -qx 0 %t.rc
#include <linux/mm.h>
// NOTES: daxport fix: 2 findings rewritten with 2 edits in 1 files{{$}}

#define DRV_PMD_HUGE(p) (pmd_trans_huge(p) || pmd_devmap(p))
// FIXED: {{^}}#define DRV_PMD_HUGE(p) (pmd_trans_huge(p)){{$}}
#define DRV_PUD_HUGE(p)					\
	(pud_trans_huge(p) ||				\
	 pud_devmap(p))
// FIXED: {{^}}#define DRV_PUD_HUGE(p) {{.*}}\{{$}}
// FIXED-NEXT: {{^[[:blank:]]+}}(pud_trans_huge(p)){{$}}

// Three expansions of each, in two functions: one edit per macro.
// DIFF: {{^}}-#define DRV_PMD_HUGE(p) (pmd_trans_huge(p) || pmd_devmap(p)){{$}}
// DIFF-NEXT: {{^}}+#define DRV_PMD_HUGE(p) (pmd_trans_huge(p)){{$}}
// DIFF-NOT: {{^[-+]}}
// DIFF: {{^}}-{{[[:blank:]]+}}(pud_trans_huge(p) ||{{.*}}\{{$}}
// DIFF-NEXT: {{^}}-{{[[:blank:]]+}}pud_devmap(p)){{$}}
// DIFF-NEXT: {{^}}+{{[[:blank:]]+}}(pud_trans_huge(p)){{$}}
// DIFF-NOT: {{^[-+]}}
int drv_count_huge(pmd_t a, pmd_t b, pud_t c)
{
	return DRV_PMD_HUGE(a) + DRV_PMD_HUGE(b) + DRV_PUD_HUGE(c);
// FIXED: {{^[[:blank:]]+}}return DRV_PMD_HUGE(a) + DRV_PMD_HUGE(b) + DRV_PUD_HUGE(c);{{$}}
}

int drv_one_huge(pmd_t c, pud_t d)
{
	return DRV_PMD_HUGE(c) && DRV_PUD_HUGE(d) && DRV_PUD_HUGE(d);
// FIXED: {{^[[:blank:]]+}}return DRV_PMD_HUGE(c) && DRV_PUD_HUGE(d) && DRV_PUD_HUGE(d);{{$}}
}
