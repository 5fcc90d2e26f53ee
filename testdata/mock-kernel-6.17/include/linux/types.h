/* Self-written mock of <linux/types.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_TYPES_H
#define _MOCK_LINUX_TYPES_H

/* kbuild force-includes kconfig.h and compiler_types.h; the mock pulls them in here. */
#include <linux/kconfig.h>
#include <linux/compiler.h>

typedef signed char		s8;
typedef unsigned char		u8;
typedef signed short		s16;
typedef unsigned short		u16;
typedef signed int		s32;
typedef unsigned int		u32;
typedef signed long long	s64;
typedef unsigned long long	u64;

typedef u8	__u8;
typedef u16	__u16;
typedef u32	__u32;
typedef u64	__u64;

typedef _Bool bool;
enum {
	false	= 0,
	true	= 1
};

#define NULL ((void *)0)

typedef unsigned long		size_t;
typedef long			ssize_t;
typedef long			ptrdiff_t;
typedef unsigned long		uintptr_t;
typedef long long		loff_t;
typedef unsigned long		pgoff_t;
typedef u64			sector_t;
typedef u64			phys_addr_t;
typedef phys_addr_t		resource_size_t;
typedef u64			dma_addr_t;
typedef u32			dev_t;
typedef unsigned short		umode_t;
typedef unsigned int		fmode_t;
typedef unsigned int		gfp_t;

#define BITS_PER_LONG		64
#define BITS_PER_LONG_LONG	64

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	s64 counter;
} atomic64_t;

struct list_head {
	struct list_head *next, *prev;
};

#endif /* _MOCK_LINUX_TYPES_H */
