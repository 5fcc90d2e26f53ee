/* Self-written mock of <linux/cdev.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_CDEV_H
#define _MOCK_LINUX_CDEV_H

#include <linux/types.h>
#include <linux/kdev_t.h>

struct device;
struct file_operations;
struct module;

struct cdev {
	struct module *owner;
	const struct file_operations *ops;
	dev_t dev;
	unsigned int count;
};

void cdev_init(struct cdev *cdev, const struct file_operations *fops);
int cdev_add(struct cdev *p, dev_t dev, unsigned int count);
void cdev_del(struct cdev *p);
int cdev_device_add(struct cdev *cdev, struct device *dev);
void cdev_device_del(struct cdev *cdev, struct device *dev);

#endif /* _MOCK_LINUX_CDEV_H */
