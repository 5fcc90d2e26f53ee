/* Self-written mock of <linux/pfn.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_PFN_H
#define _MOCK_LINUX_PFN_H

#include <linux/types.h>

/* A page frame number carrying PFN_* flags in its top bits (see <linux/pfn_t.h>). */
typedef struct {
	u64 val;
} pfn_t;

/* PAGE_SHIFT/PAGE_SIZE come from <asm/page.h> at the point of use. */
#define PFN_ALIGN(x)	(((unsigned long)(x) + (PAGE_SIZE - 1)) & PAGE_MASK)
#define PFN_UP(x)	(((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x)	((x) >> PAGE_SHIFT)
#define PFN_PHYS(x)	((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x)	((unsigned long)((x) >> PAGE_SHIFT))

#endif /* _MOCK_LINUX_PFN_H */
