// pfn_t_pte()/pfn_t_pmd()/pfn_t_pud(): dax-pfn-t-pte, one finding per call.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not='[dax-pfn-t-pte]'
#include <linux/pfn_t.h>

pte_t mk_pte(pfn_t pfn, pgprot_t prot)
{
	// CHECK: helpers-pte.c:[[@LINE+1]]:9: warning: pfn_t_pte() is removed in 6.17; use the pfn_ variant without the _t [dax-pfn-t-pte]
	return pfn_t_pte(pfn, prot);
	// CHECK: class: mechanical; status: analysed; confidence: high; configurations: default; in mk_pte()
}

pmd_t mk_pmd(pfn_t pfn, pgprot_t prot)
{
	// CHECK: helpers-pte.c:[[@LINE+1]]:9: warning: pfn_t_pmd() is removed {{.*}} [dax-pfn-t-pte]
	return pfn_t_pmd(pfn, prot);
}

pud_t mk_pud(pfn_t pfn, pgprot_t prot)
{
	// CHECK: helpers-pte.c:[[@LINE+1]]:9: warning: pfn_t_pud() is removed {{.*}} [dax-pfn-t-pte]
	return pfn_t_pud(pfn, prot);
}
