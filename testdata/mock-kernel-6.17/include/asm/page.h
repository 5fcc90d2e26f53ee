/* Self-written mock of <asm/page.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_ASM_PAGE_H
#define _MOCK_ASM_PAGE_H

#include <linux/types.h>

/* 4K pages on both targets (x86_64, arm64 with 4K granule). */
#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

#if defined(__aarch64__)
#define PAGE_OFFSET	0xffff000000000000UL
#define VMEMMAP_START	0xfffffc0000000000UL
#else
#define PAGE_OFFSET	0xffff888000000000UL
#define VMEMMAP_START	0xffffea0000000000UL
#endif

#define __pa(x)		((phys_addr_t)((unsigned long)(x) - PAGE_OFFSET))
#define __va(x)		((void *)((unsigned long)(x) + PAGE_OFFSET))

#include <asm-generic/memory_model.h>

#define virt_to_page(kaddr)	pfn_to_page(__pa(kaddr) >> PAGE_SHIFT)
#define page_to_phys(page)	((phys_addr_t)page_to_pfn(page) << PAGE_SHIFT)

#endif /* _MOCK_ASM_PAGE_H */
