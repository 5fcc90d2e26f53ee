// A devmap disjunct beside something other than the trans-huge test is
// judgement (dax-devmap-other-disjunction), not the mechanical rule.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

int skip_entry(pmd_t pmd)
{
	// CHECK: other-disjunction.c:[[@LINE+1]]:30: warning: pmd_devmap() is OR-ed with a test other than the trans-huge check{{.*}} [dax-devmap-other-disjunction]
	return !pmd_present(pmd) || pmd_devmap(pmd);
}
// CHECK-NEXT: {{^}}	return !pmd_present(pmd) || pmd_devmap(pmd);{{$}}
// CHECK-NEXT: {{^}}	                            ^{{$}}
// CHECK-NEXT: class: judgement; status: analysed; confidence: high; configurations: default; in skip_entry()
// CHECK-NEXT: evidence: disjunction with pmd_present()
