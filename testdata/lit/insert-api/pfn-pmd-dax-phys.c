// vmf_insert_pfn_pmd() whose pfn comes from phys_to_pfn_t(..., PFN_DEV|PFN_MAP)
// maps ZONE_DEVICE memory: dax-insert-pfn-pmd-dax, with the pfn's origin as
// evidence (the call and its line, as written in this file, on one line).
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not='[dax-insert-'
#include <linux/mm.h>
#include <linux/pfn_t.h>

vm_fault_t drv_pmd_fault(struct vm_fault *vmf, phys_addr_t phys, bool write)
{
	pfn_t pfn = phys_to_pfn_t(phys, PFN_DEV | PFN_MAP);

	// CHECK: pfn-pmd-dax-phys.c:[[@LINE+1]]:9: warning: vmf_insert_pfn_pmd() maps DAX/ZONE_DEVICE memory here; from 6.15 map the folio with a reference through vmf_insert_folio_pmd()/vmf_insert_folio_pud() instead [dax-insert-pfn-pmd-dax]
	return vmf_insert_pfn_pmd(vmf, pfn, write);
	// CHECK-NEXT: {{^}}	return vmf_insert_pfn_pmd(vmf, pfn, write);{{$}}
	// CHECK-NEXT: {{^}}	       ^{{$}}
	// CHECK-NEXT: class: judgement; status: analysed; confidence: high; configurations: default; in drv_pmd_fault()
	// CHECK-NEXT: evidence: pfn from phys_to_pfn_t(..., PFN_DEV | PFN_MAP) (line [[#@LINE-7]])
	// CHECK-NEXT: daxport:
}
