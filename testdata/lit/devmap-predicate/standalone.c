// Standalone pte_devmap()/pmd_devmap()/pud_devmap() used to branch:
// dax-devmap-predicate (judgement), one finding per call.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

int classify(pte_t pte, pmd_t pmd, pud_t pud)
{
	// CHECK: standalone.c:[[@LINE+1]]:6: warning: pte_devmap() is removed in 6.17{{.*}} [dax-devmap-predicate]
	if (pte_devmap(pte))
		return 1;
	// CHECK: class: judgement; status: analysed; confidence: high; configurations: default; in classify()
	// CHECK: standalone.c:[[@LINE+1]]:6: warning: pmd_devmap() is removed in 6.17{{.*}} [dax-devmap-predicate]
	if (pmd_devmap(pmd))
		return 2;
	// CHECK: standalone.c:[[@LINE+1]]:13: warning: pud_devmap() is removed in 6.17{{.*}} [dax-devmap-predicate]
	return 3 * pud_devmap(pud);
}
// CHECK: daxport: 3 findings (devmap-predicate 3) in 1 file;
