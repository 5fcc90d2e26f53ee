/* Self-written mock of <linux/slab.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_SLAB_H
#define _MOCK_LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>

void *kmalloc(size_t size, gfp_t flags);
void *kcalloc(size_t n, size_t size, gfp_t flags);
void kfree(const void *objp);

static inline void *kzalloc(size_t size, gfp_t flags)
{
	return kmalloc(size, flags | __GFP_ZERO);
}

#endif /* _MOCK_LINUX_SLAB_H */
