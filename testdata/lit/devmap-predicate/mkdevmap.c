// pte_mkdevmap()/pmd_mkdevmap()/pud_mkdevmap(): dax-mkdevmap (judgement).
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

pmd_t build_pmd(pmd_t entry, bool devmap)
{
	if (devmap)
		// CHECK: mkdevmap.c:[[@LINE+1]]:11: warning: pmd_mkdevmap() is removed in 6.17{{.*}} [dax-mkdevmap]
		entry = pmd_mkdevmap(entry);
	else
		entry = pmd_mkspecial(entry);
	return entry;
}
// CHECK: class: judgement; status: analysed; confidence: high; configurations: default; in build_pmd()

pte_t build_pte(pte_t entry)
{
	// CHECK: mkdevmap.c:[[@LINE+1]]:9: warning: pte_mkdevmap() is removed in 6.17{{.*}} [dax-mkdevmap]
	return pte_mkdevmap(entry);
}

pud_t build_pud(pud_t entry)
{
	// CHECK: mkdevmap.c:[[@LINE+1]]:9: warning: pud_mkdevmap() is removed in 6.17{{.*}} [dax-mkdevmap]
	return pud_mkdevmap(entry);
}
