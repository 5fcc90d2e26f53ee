/* Self-written mock overlay for daxport tests: the 6.12 mock of <linux/huge_mm.h> plus the v1-era (first posting) DAX helpers. Use with -I mock-kernel-v1/include -I mock-kernel/include. */
#ifndef _MOCK_V1_LINUX_HUGE_MM_H
#define _MOCK_V1_LINUX_HUGE_MM_H
#include_next <linux/huge_mm.h>

/* v1: huge DAX mappings take a reference on the folio they map. */
vm_fault_t dax_insert_pfn_pmd(struct vm_fault *vmf, pfn_t pfn, bool write);
vm_fault_t dax_insert_pfn_pud(struct vm_fault *vmf, pfn_t pfn, bool write);
#endif
