// Insert calls inside a driver macro (a compat wrapper choosing the mkwrite
// variant): reported once each at the macro body, with the macro named, and
// classified from the expansion site, where the pfn comes from dax_direct_access().
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not='[dax-insert-'
#include <linux/mm.h>
#include <linux/dax.h>

#define DRV_INSERT_PTE(vmf, pfn, write)					\
	((write) ? vmf_insert_mixed_mkwrite((vmf)->vma, (vmf)->address, (pfn)) : \
		   vmf_insert_mixed((vmf)->vma, (vmf)->address, (pfn)))
// CHECK: macro-wrapper.c:[[@LINE-2]]:13: warning: vmf_insert_mixed_mkwrite() maps DAX/ZONE_DEVICE memory here{{.*}} [dax-insert-mixed-dax]
// CHECK: class: judgement; status: in macro definition of DRV_INSERT_PTE; confidence: medium; configurations: default
// CHECK-NEXT: evidence: pfn from dax_direct_access()
// CHECK: macro-wrapper.c:[[@LINE-4]]:6: warning: vmf_insert_mixed() maps DAX/ZONE_DEVICE memory here{{.*}} [dax-insert-mixed-dax]
// CHECK: class: judgement; status: in macro definition of DRV_INSERT_PTE; confidence: medium; configurations: default

vm_fault_t drv_fault(struct vm_fault *vmf, struct dax_device *dax_dev, bool write)
{
	void *kaddr;
	pfn_t pfn;

	if (dax_direct_access(dax_dev, vmf->pgoff, 1, DAX_ACCESS, &kaddr, &pfn) < 0)
		return VM_FAULT_SIGBUS;
	return DRV_INSERT_PTE(vmf, pfn, write);
}
