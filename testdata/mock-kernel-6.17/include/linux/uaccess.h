/* Self-written mock of <linux/uaccess.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_UACCESS_H
#define _MOCK_LINUX_UACCESS_H

#include <linux/types.h>
#include <linux/compiler.h>

/* Both return the number of bytes NOT copied. */
unsigned long __must_check copy_to_user(void __user *to, const void *from, unsigned long n);
unsigned long __must_check copy_from_user(void *to, const void __user *from, unsigned long n);

#endif /* _MOCK_LINUX_UACCESS_H */
