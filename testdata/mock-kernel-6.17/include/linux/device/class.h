/* Self-written mock of <linux/device/class.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_DEVICE_CLASS_H
#define _MOCK_LINUX_DEVICE_CLASS_H

#include <linux/types.h>

struct class {
	const char *name;
};

/* Single-argument form since 6.4. */
struct class * __must_check class_create(const char *name);
void class_destroy(const struct class *cls);

#endif /* _MOCK_LINUX_DEVICE_CLASS_H */
