/* Self-written mock of <linux/compiler.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_COMPILER_H
#define _MOCK_LINUX_COMPILER_H

/* Annotations that the real tree gets from the force-included compiler_types.h. */
#define __iomem
#define __user
#define __force
#define __bitwise
#define __must_check		__attribute__((warn_unused_result))
#define __always_inline		inline __attribute__((always_inline))
#define __maybe_unused		__attribute__((unused))
#define __printf(a, b)		__attribute__((format(printf, a, b)))
#define __init
#define __exit
#define noinline		__attribute__((noinline))

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)

#define barrier()		__asm__ __volatile__("" : : : "memory")
#define READ_ONCE(x)		(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, val)	do { *(volatile __typeof__(x) *)&(x) = (val); } while (0)

#endif /* _MOCK_LINUX_COMPILER_H */
