/* Self-written mock of <linux/kernel.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_KERNEL_H
#define _MOCK_LINUX_KERNEL_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/printk.h>

#define offsetof(type, member)	__builtin_offsetof(type, member)

#define container_of(ptr, type, member)					\
	((type *)((char *)(ptr) - offsetof(type, member)))

#define ARRAY_SIZE(arr)		(sizeof(arr) / sizeof((arr)[0]))

#define ALIGN(x, a)		(((x) + ((__typeof__(x))(a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a)	((x) & ~((__typeof__(x))(a) - 1))
#define IS_ALIGNED(x, a)	(((x) & ((__typeof__(x))(a) - 1)) == 0)

#define min(a, b)		((a) < (b) ? (a) : (b))
#define max(a, b)		((a) > (b) ? (a) : (b))

void __mock_warn(const char *file, int line);
void __mock_bug(const char *file, int line) __attribute__((noreturn));

#define WARN_ON(cond)							\
({									\
	int __mock_w = !!(cond);					\
	if (unlikely(__mock_w))						\
		__mock_warn(__FILE__, __LINE__);			\
	unlikely(__mock_w);						\
})
#define WARN_ON_ONCE(cond)	WARN_ON(cond)
#define BUG()			__mock_bug(__FILE__, __LINE__)
#define BUG_ON(cond)		do { if (unlikely(cond)) BUG(); } while (0)
#define VM_BUG_ON(cond)		BUG_ON(cond)
#define VM_WARN_ON(cond)	((void)WARN_ON(cond))

/* Break the build when @cond is true (negative array size). */
#define BUILD_BUG_ON(cond)	((void)sizeof(char[1 - 2 * !!(cond)]))

void might_sleep(void);

#endif /* _MOCK_LINUX_KERNEL_H */
