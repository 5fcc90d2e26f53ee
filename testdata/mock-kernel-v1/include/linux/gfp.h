/* Self-written mock of <linux/gfp.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_GFP_H
#define _MOCK_LINUX_GFP_H

#include <linux/types.h>

struct page;

#define __GFP_IO	((gfp_t)0x40u)
#define __GFP_FS	((gfp_t)0x80u)
#define __GFP_ZERO	((gfp_t)0x100u)
#define __GFP_RECLAIM	((gfp_t)0xc00u)
#define GFP_ATOMIC	((gfp_t)0x820u)
#define GFP_NOWAIT	((gfp_t)0x800u)
#define GFP_KERNEL	(__GFP_RECLAIM | __GFP_IO | __GFP_FS)

struct page *alloc_pages(gfp_t gfp, unsigned int order);
#define alloc_page(gfp)	alloc_pages(gfp, 0)
void __free_pages(struct page *page, unsigned int order);
#define __free_page(page)	__free_pages((page), 0)

#endif /* _MOCK_LINUX_GFP_H */
