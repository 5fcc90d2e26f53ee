/* Self-written mock of <linux/printk.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_PRINTK_H
#define _MOCK_LINUX_PRINTK_H

#include <linux/types.h>

#define KERN_ERR	"\0013"
#define KERN_WARNING	"\0014"
#define KERN_NOTICE	"\0015"
#define KERN_INFO	"\0016"
#define KERN_DEBUG	"\0017"

#ifndef pr_fmt
#define pr_fmt(fmt) fmt
#endif

__printf(1, 2) int _printk(const char *fmt, ...);
#define printk(fmt, ...)	_printk(fmt, ##__VA_ARGS__)

/* Arguments stay type-checked even when the message is compiled out. */
#define no_printk(fmt, ...)				\
({							\
	if (0)						\
		_printk(fmt, ##__VA_ARGS__);		\
	0;						\
})

#define pr_err(fmt, ...)	printk(KERN_ERR pr_fmt(fmt), ##__VA_ARGS__)
#define pr_warn(fmt, ...)	printk(KERN_WARNING pr_fmt(fmt), ##__VA_ARGS__)
#define pr_notice(fmt, ...)	printk(KERN_NOTICE pr_fmt(fmt), ##__VA_ARGS__)
#define pr_info(fmt, ...)	printk(KERN_INFO pr_fmt(fmt), ##__VA_ARGS__)
#define pr_debug(fmt, ...)	no_printk(KERN_DEBUG pr_fmt(fmt), ##__VA_ARGS__)

#endif /* _MOCK_LINUX_PRINTK_H */
