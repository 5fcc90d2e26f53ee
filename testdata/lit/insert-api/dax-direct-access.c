// A pfn obtained from dax_direct_access(..., &pfn) is DAX memory: the PTE
// insert is dax-insert-mixed-dax, the PMD insert dax-insert-pfn-pmd-dax.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not='[dax-insert-'
#include <linux/mm.h>
#include <linux/dax.h>

vm_fault_t drv_dax_fault(struct vm_fault *vmf, struct dax_device *dax_dev,
			 unsigned int order)
{
	void *kaddr;
	pfn_t pfn;
	long avail;

	avail = dax_direct_access(dax_dev, vmf->pgoff, 1 << order, DAX_ACCESS,
				  &kaddr, &pfn);
	if (avail < 0)
		return VM_FAULT_SIGBUS;
	if (order == 0)
		// CHECK: dax-direct-access.c:[[@LINE+1]]:10: warning: vmf_insert_mixed() maps DAX/ZONE_DEVICE memory here; from 6.15 map the page with a reference through vmf_insert_page_mkwrite() instead [dax-insert-mixed-dax]
		return vmf_insert_mixed(vmf->vma, vmf->address, pfn);
	// CHECK: class: judgement; status: analysed; confidence: high; configurations: default; in drv_dax_fault()
	// CHECK-NEXT: evidence: pfn from dax_direct_access() (line [[#@LINE-8]])
	// CHECK: dax-direct-access.c:[[@LINE+1]]:9: warning: vmf_insert_pfn_pmd() maps DAX/ZONE_DEVICE memory here{{.*}} [dax-insert-pfn-pmd-dax]
	return vmf_insert_pfn_pmd(vmf, pfn, true);
	// CHECK: evidence: pfn from dax_direct_access()
}
