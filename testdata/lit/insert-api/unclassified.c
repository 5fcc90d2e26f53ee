// A pfn that arrives as a parameter, with no DAX or PFNMAP sign in sight:
// dax-insert-unclassified (judgement), for each of the four insert APIs.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not='[dax-insert-'
#include <linux/mm.h>

vm_fault_t drv_insert(struct vm_fault *vmf, pfn_t pfn, unsigned int order)
{
	if (order == PUD_SHIFT - PAGE_SHIFT)
		// CHECK: unclassified.c:[[@LINE+1]]:10: warning: vmf_insert_pfn_pud() could not be classified as mapping DAX/ZONE_DEVICE or PFNMAP memory; find where the pfn comes from before porting [dax-insert-unclassified]
		return vmf_insert_pfn_pud(vmf, pfn, true);
	// CHECK: class: judgement; status: analysed; confidence: high; configurations: default; in drv_insert()
	if (order == PMD_SHIFT - PAGE_SHIFT)
		// CHECK: unclassified.c:[[@LINE+1]]:10: warning: vmf_insert_pfn_pmd() could not be classified {{.*}} [dax-insert-unclassified]
		return vmf_insert_pfn_pmd(vmf, pfn, true);
	if (vmf->flags & FAULT_FLAG_WRITE)
		// CHECK: unclassified.c:[[@LINE+1]]:10: warning: vmf_insert_mixed_mkwrite() could not be classified {{.*}} [dax-insert-unclassified]
		return vmf_insert_mixed_mkwrite(vmf->vma, vmf->address, pfn);
	// CHECK: unclassified.c:[[@LINE+1]]:9: warning: vmf_insert_mixed() could not be classified {{.*}} [dax-insert-unclassified]
	return vmf_insert_mixed(vmf->vma, vmf->address, pfn);
}
