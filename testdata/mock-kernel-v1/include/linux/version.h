/* Self-written mock of <linux/version.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_VERSION_H
#define _MOCK_LINUX_VERSION_H

#define KERNEL_VERSION(a, b, c)	(((a) << 16) + ((b) << 8) + ((c) > 255 ? 255 : (c)))

/*
 * The v1 world is the 6.12 mock with the first posting of "fs/dax: Fix FS DAX
 * page reference counts" applied (the series was posted against 6.10-rc5):
 * the target names an API state, not a release, so the version stays 6.12.0
 * and drivers' version guards pick the same branches as on the 6.12 mock.
 * May be overridden with -D to exercise version guards.
 */
#ifndef LINUX_VERSION_CODE
#define LINUX_VERSION_CODE	396288
#endif
#define LINUX_VERSION_MAJOR	6
#define LINUX_VERSION_PATCHLEVEL	12
#define LINUX_VERSION_SUBLEVEL	0

#endif /* _MOCK_LINUX_VERSION_H */
