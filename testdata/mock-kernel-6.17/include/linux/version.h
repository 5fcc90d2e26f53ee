/* Self-written mock of <linux/version.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_VERSION_H
#define _MOCK_LINUX_VERSION_H

#define KERNEL_VERSION(a, b, c)	(((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))

/* 6.17.0; may be overridden with -D to exercise version guards. */
#ifndef LINUX_VERSION_CODE
#define LINUX_VERSION_CODE	397568
#endif
#define LINUX_VERSION_MAJOR	6
#define LINUX_VERSION_PATCHLEVEL	17
#define LINUX_VERSION_SUBLEVEL	0

#endif /* _MOCK_LINUX_VERSION_H */
