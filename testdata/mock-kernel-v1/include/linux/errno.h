/* Self-written mock of <linux/errno.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_ERRNO_H
#define _MOCK_LINUX_ERRNO_H

#define EPERM		1
#define ENOENT		2
#define EINTR		4
#define EIO		5
#define ENXIO		6
#define EAGAIN		11
#define ENOMEM		12
#define EFAULT		14
#define EBUSY		16
#define ENODEV		19
#define EINVAL		22
#define ENOTTY		25
#define ENOSPC		28
#define ERANGE		34
#define EOPNOTSUPP	95

#define MAX_ERRNO	4095

#endif /* _MOCK_LINUX_ERRNO_H */
