// track_pfn_insert(vma, &prot, pfn): dax-track-pfn-insert (mechanical); the
// DAX/PFNMAP classification of the insert calls does not apply to it.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not='[dax-track-pfn-insert'
#include <linux/mm.h>
#include <linux/pfn_t.h>

pgprot_t drv_prot(struct vm_area_struct *vma, unsigned long pfn)
{
	pgprot_t prot = vma->vm_page_prot;

	// CHECK: track-pfn-insert.c:[[@LINE+1]]:2: warning: track_pfn_insert() is replaced by pfnmap_setup_cachemode_pfn(pfn, &prot), which takes a plain pfn and no VMA [dax-track-pfn-insert]
	track_pfn_insert(vma, &prot, __pfn_to_pfn_t(pfn, PFN_DEV));
	// CHECK-NEXT: {{^}}	track_pfn_insert(vma, &prot, __pfn_to_pfn_t(pfn, PFN_DEV));{{$}}
	// CHECK-NEXT: {{^}}	^{{$}}
	// CHECK-NEXT: class: mechanical; status: analysed; confidence: high; configurations: default; in drv_prot()
	// CHECK-NOT: evidence: could not tell DAX from PFNMAP
	// CHECK: daxport:
	return prot;
}
