/* Self-written mock overlay for daxport tests: the 6.12 mock of <linux/mm.h> plus the v1-era (first posting) DAX helpers. Use with -I mock-kernel-v1/include -I mock-kernel/include. */
#ifndef _MOCK_V1_LINUX_MM_H
#define _MOCK_V1_LINUX_MM_H
#include_next <linux/mm.h>

/* v1: DAX maps its (now refcounted) pages here instead of vmf_insert_mixed*(). */
vm_fault_t dax_insert_pfn(struct vm_area_struct *vma, unsigned long addr,
			  pfn_t pfn, bool write);
#endif
