// !pmd_trans_huge(x) && !pmd_devmap(x) inside a WARN_ON()-like macro argument:
// reported at the pmd_devmap spelling in the file text (a macro argument, not
// a macro body), as the mechanical trans-huge rule.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

#define MY_WARN_ON(cond) ((void)(cond))

void check_pmd(pmd_t *pmd)
{
	// CHECK: negated-in-warn-on.c:[[@LINE+1]]:36: warning: pmd_devmap() beside the trans-huge test {{.*}} [dax-devmap-trans-huge-disjunction]
	WARN_ON(!pmd_trans_huge(*pmd) && !pmd_devmap(*pmd));
	// CHECK: class: mechanical; status: analysed; confidence: high; configurations: default; in check_pmd()
	// CHECK-NEXT: evidence: negated conjunction with !pmd_trans_huge()

	// CHECK: negated-in-warn-on.c:[[@LINE+1]]:39: warning: pmd_devmap() beside the trans-huge test {{.*}} [dax-devmap-trans-huge-disjunction]
	MY_WARN_ON(!pmd_trans_huge(*pmd) && !pmd_devmap(*pmd));
	// CHECK: class: mechanical; status: analysed;
}
