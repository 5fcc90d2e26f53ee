/* Self-written mock of <linux/err.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_ERR_H
#define _MOCK_LINUX_ERR_H

#include <linux/types.h>
#include <linux/errno.h>

#define IS_ERR_VALUE(x)	unlikely((unsigned long)(void *)(x) >= (unsigned long)-MAX_ERRNO)

static inline void *ERR_PTR(long error)
{
	return (void *)error;
}

static inline long PTR_ERR(const void *ptr)
{
	return (long)ptr;
}

static inline bool IS_ERR(const void *ptr)
{
	return IS_ERR_VALUE((unsigned long)ptr);
}

static inline bool IS_ERR_OR_NULL(const void *ptr)
{
	return !ptr || IS_ERR_VALUE((unsigned long)ptr);
}

#endif /* _MOCK_LINUX_ERR_H */
