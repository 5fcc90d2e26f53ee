// --target v1: DAX insert calls move to the first posting's API with the
// same arguments: vmf_insert_pfn_pmd/pud() with a PFN_MAP pfn become
// dax_insert_pfn_pmd/pud(vmf, pfn, write); vmf_insert_mixed() and
// vmf_insert_mixed_mkwrite() with a pfn from dax_direct_access() become
// dax_insert_pfn(vma, addr, pfn, false|true). A call whose pfn cannot be
// classified is left alone and listed with a note. pfn_t stays in v1. The
// result compiles against the v1 mock headers.
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix --target v1 --in-place %t.c -- -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES
// RUN: %clang -fsyntax-only -Wall -Werror -I %{mock_v1} %t.c
// RUN: grep -qx 1 %t.rc
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/pfn_t.h>
#include <linux/dax.h>
// FIXED: {{^}}#include <linux/pfn_t.h>{{$}}

struct mydev {
	phys_addr_t phys;
	struct dax_device *dax_dev;
};

static vm_fault_t mydev_pmd_fault(struct mydev *d, struct vm_fault *vmf, bool write)
{
	pfn_t pfn = phys_to_pfn_t(d->phys, PFN_DEV | PFN_MAP);
// FIXED: {{^[[:blank:]]+}}pfn_t pfn = phys_to_pfn_t(d->phys, PFN_DEV | PFN_MAP);{{$}}

	return vmf_insert_pfn_pmd(vmf, pfn, write);
// FIXED: {{^[[:blank:]]+}}return dax_insert_pfn_pmd(vmf, pfn, write);{{$}}
}

static vm_fault_t mydev_pud_fault(struct mydev *d, struct vm_fault *vmf)
{
	pfn_t pfn = phys_to_pfn_t(d->phys, PFN_DEV | PFN_MAP);

	return vmf_insert_pfn_pud(vmf, pfn, vmf->flags & FAULT_FLAG_WRITE);
// FIXED: {{^[[:blank:]]+}}return dax_insert_pfn_pud(vmf, pfn, vmf->flags & FAULT_FLAG_WRITE);{{$}}
}

static vm_fault_t mydev_pte_fault(struct mydev *d, struct vm_fault *vmf)
{
	void *kaddr;
	pfn_t pfn;

	if (dax_direct_access(d->dax_dev, vmf->pgoff, 1, DAX_ACCESS, &kaddr, &pfn) < 0)
		return VM_FAULT_SIGBUS;
	if (vmf->flags & FAULT_FLAG_WRITE)
		return vmf_insert_mixed_mkwrite(vmf->vma, vmf->address, pfn);
// FIXED: {{^[[:blank:]]+}}return dax_insert_pfn(vmf->vma, vmf->address, pfn, true);{{$}}
	return vmf_insert_mixed(vmf->vma, vmf->address, pfn);
// FIXED: {{^[[:blank:]]+}}return dax_insert_pfn(vmf->vma, vmf->address, pfn, false);{{$}}
}

vm_fault_t mydev_fault(struct mydev *d, struct vm_fault *vmf)
{
	if (vmf->pud)
		return mydev_pud_fault(d, vmf);
	if (vmf->pmd)
		return mydev_pmd_fault(d, vmf, vmf->flags & FAULT_FLAG_WRITE);
	return mydev_pte_fault(d, vmf);
}

/* The pfn arrives from another unit: nothing says DAX or PFNMAP. */
vm_fault_t other_insert(struct vm_fault *vmf, pfn_t pfn)
{
// NOTES: v1-insert.c.tmp.c:[[@LINE+1]]:9: note: not rewritten (judgement): suggestion for the v1 target: {{.*}} [dax-insert-unclassified]
	return vmf_insert_mixed(vmf->vma, vmf->address, pfn);
// FIXED: {{^[[:blank:]]+}}return vmf_insert_mixed(vmf->vma, vmf->address, pfn);{{$}}
}
// NOTES: daxport fix: 4 findings rewritten with 4 edits in 1 files; left: judgement 1 not-for-target {{[0-9]+}}{{$}}
