// vmf_insert_mixed() with __pfn_to_pfn_t(pfn, 0): plain memory, the call stays
// and only its argument changes: dax-insert-pfnmap (mechanical).
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not='[dax-insert-'
#include <linux/mm.h>
#include <linux/pfn_t.h>

vm_fault_t drv_bar_fault(struct vm_fault *vmf, unsigned long bar_pfn)
{
	// CHECK: pfnmap-mixed.c:[[@LINE+1]]:9: warning: vmf_insert_mixed() maps PFNMAP or plain I/O memory here and stays; only its pfn argument becomes an unsigned long in 6.17 [dax-insert-pfnmap]
	return vmf_insert_mixed(vmf->vma, vmf->address, __pfn_to_pfn_t(bar_pfn, 0));
	// CHECK-NEXT: {{^}}	return vmf_insert_mixed(
	// CHECK-NEXT: {{^}}	       ^{{$}}
	// CHECK-NEXT: class: mechanical; status: analysed; confidence: high; configurations: default; in drv_bar_fault()
	// CHECK-NEXT: evidence: pfn from __pfn_to_pfn_t(..., 0) without PFN_MAP (line [[#@LINE-4]])
}
