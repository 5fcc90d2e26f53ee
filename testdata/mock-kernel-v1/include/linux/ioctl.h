/* Self-written mock of <linux/ioctl.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_IOCTL_H
#define _MOCK_LINUX_IOCTL_H

/* Generic encoding: dir:2 | size:14 | type:8 | nr:8 */
#define _IOC_NONE	0U
#define _IOC_WRITE	1U
#define _IOC_READ	2U

#define _IOC(dir, type, nr, size)	\
	(((dir) << 30) | ((unsigned int)(size) << 16) | ((type) << 8) | (nr))

#define _IO(type, nr)		_IOC(_IOC_NONE, (type), (nr), 0)
#define _IOR(type, nr, T)	_IOC(_IOC_READ, (type), (nr), sizeof(T))
#define _IOW(type, nr, T)	_IOC(_IOC_WRITE, (type), (nr), sizeof(T))
#define _IOWR(type, nr, T)	_IOC(_IOC_READ | _IOC_WRITE, (type), (nr), sizeof(T))

#endif /* _MOCK_LINUX_IOCTL_H */
