/* Self-written mock of <asm-generic/memory_model.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_ASM_GENERIC_MEMORY_MODEL_H
#define _MOCK_ASM_GENERIC_MEMORY_MODEL_H

/* SPARSEMEM_VMEMMAP: the memmap is one virtually contiguous array. */
#define vmemmap		((struct page *)VMEMMAP_START)

#define __pfn_to_page(pfn)	(vmemmap + (pfn))
#define __page_to_pfn(page)	((unsigned long)((page) - vmemmap))

#define pfn_to_page	__pfn_to_page
#define page_to_pfn	__page_to_pfn

#endif /* _MOCK_ASM_GENERIC_MEMORY_MODEL_H */
