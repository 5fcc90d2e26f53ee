// A devmap disjunct inside the body of a macro defined in the scanned file is
// reported once, at the macro body, however often the macro is expanded, and
// its status names the macro.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

// CHECK: macro-body-once.c:[[@LINE+1]]:47: warning: pmd_devmap() beside the trans-huge test {{.*}} [dax-devmap-trans-huge-disjunction]
#define DRV_PMD_HUGE(p) (pmd_trans_huge(p) || pmd_devmap(p))
// CHECK-NEXT: {{^}}#define DRV_PMD_HUGE(p) (pmd_trans_huge(p) || pmd_devmap(p)){{$}}
// CHECK-NEXT: {{^}}                                              ^{{$}}
// CHECK-NEXT: class: mechanical; status: in macro definition of DRV_PMD_HUGE; confidence: medium; configurations: default
// CHECK-NEXT: evidence: disjunction with pmd_trans_huge()
// CHECK: daxport: 1 finding (devmap-predicate 1) in 1 file; 1 translation unit, 0 parse failures; status: in-macro-definition 1

// Three expansions, in two functions: still one site.
int count_huge(pmd_t a, pmd_t b)
{
	return DRV_PMD_HUGE(a) + DRV_PMD_HUGE(b);
}

int one_huge(pmd_t c)
{
	return DRV_PMD_HUGE(c);
}
