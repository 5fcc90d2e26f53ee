/* Self-written mock of <linux/platform_device.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_PLATFORM_DEVICE_H
#define _MOCK_LINUX_PLATFORM_DEVICE_H

#include <linux/types.h>
#include <linux/device.h>
#include <linux/ioport.h>
#include <linux/module.h>

struct platform_device {
	const char *name;
	int id;
	struct device dev;
	u32 num_resources;
	struct resource *resource;
};

#define to_platform_device(x)	container_of((x), struct platform_device, dev)

struct platform_driver {
	int (*probe)(struct platform_device *);
	union {		/* ->remove returns void since 6.11 */
		void (*remove)(struct platform_device *);
		void (*remove_new)(struct platform_device *);
	};
	struct device_driver driver;
};

struct resource *platform_get_resource(struct platform_device *dev,
				       unsigned int type, unsigned int num);

static inline void *platform_get_drvdata(const struct platform_device *pdev)
{
	return dev_get_drvdata(&pdev->dev);
}

static inline void platform_set_drvdata(struct platform_device *pdev, void *data)
{
	dev_set_drvdata(&pdev->dev, data);
}

int __platform_driver_register(struct platform_driver *drv, struct module *owner);
void platform_driver_unregister(struct platform_driver *drv);
#define platform_driver_register(drv)	__platform_driver_register(drv, THIS_MODULE)

#endif /* _MOCK_LINUX_PLATFORM_DEVICE_H */
