// pfn_t_devmap()/pfn_t_special(): dax-pfn-t-devmap (judgement), typically
// choosing between pmd_mkdevmap() and pmd_mkspecial().
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not='[dax-pfn-t-devmap]'
#include <linux/pfn_t.h>

pmd_t mk_entry(pfn_t pfn, pmd_t entry)
{
	// CHECK: helpers-devmap.c:[[@LINE+1]]:6: warning: pfn_t_devmap() is removed in 6.17 and is constant false once nothing creates PFN_DEV|PFN_MAP (or PFN_SPECIAL) pfns; fold the branch [dax-pfn-t-devmap]
	if (pfn_t_devmap(pfn))
		entry = pmd_mkdevmap(entry);
	else
		entry = pmd_mkspecial(entry);
	// CHECK: class: judgement; status: analysed; confidence: high; configurations: default; in mk_entry()
	// CHECK: helpers-devmap.c:[[@LINE-4]]:11: warning: pmd_mkdevmap() {{.*}} [dax-mkdevmap]
	return entry;
}

int is_special(pfn_t pfn)
{
	// CHECK: helpers-devmap.c:[[@LINE+1]]:9: warning: pfn_t_special() is removed in 6.17 {{.*}} [dax-pfn-t-devmap]
	return pfn_t_special(pfn);
}
