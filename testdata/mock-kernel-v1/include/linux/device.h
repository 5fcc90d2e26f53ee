/* Self-written mock of <linux/device.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_DEVICE_H
#define _MOCK_LINUX_DEVICE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/kernel.h>
#include <linux/gfp.h>
#include <linux/device/class.h>

struct module;
struct of_device_id;

struct device_driver {
	const char *name;
	struct module *owner;
	const struct of_device_id *of_match_table;
};

struct device {
	struct device *parent;
	const char *init_name;
	struct device_driver *driver;
	void *driver_data;
	const struct class *class;
	dev_t devt;
	int numa_node;
};

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

static inline int dev_to_node(struct device *dev)
{
	return dev->numa_node;
}

const char *dev_name(const struct device *dev);

void *devm_kmalloc(struct device *dev, size_t size, gfp_t gfp);
static inline void *devm_kzalloc(struct device *dev, size_t size, gfp_t gfp)
{
	return devm_kmalloc(dev, size, gfp | __GFP_ZERO);
}
void devm_kfree(struct device *dev, const void *p);
int devm_add_action_or_reset(struct device *dev, void (*action)(void *), void *data);

struct device *device_create(const struct class *cls, struct device *parent,
			     dev_t devt, void *drvdata, const char *fmt, ...);
void device_destroy(const struct class *cls, dev_t devt);

__printf(2, 3) void _dev_err(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_warn(const struct device *dev, const char *fmt, ...);
__printf(2, 3) void _dev_info(const struct device *dev, const char *fmt, ...);

#define dev_err(dev, fmt, ...)	_dev_err(dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)	_dev_warn(dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...)	_dev_info(dev, fmt, ##__VA_ARGS__)
/* without DEBUG/dynamic debug the call is compiled but never made */
#define dev_dbg(dev, fmt, ...)						\
	do {								\
		if (0)							\
			_dev_info(dev, fmt, ##__VA_ARGS__);		\
	} while (0)

#endif /* _MOCK_LINUX_DEVICE_H */
