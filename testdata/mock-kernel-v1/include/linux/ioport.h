/* Self-written mock of <linux/ioport.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_IOPORT_H
#define _MOCK_LINUX_IOPORT_H

#include <linux/types.h>

struct device;

struct resource {
	resource_size_t start;
	resource_size_t end;
	const char *name;
	unsigned long flags;
};

#define IORESOURCE_IO		0x00000100
#define IORESOURCE_MEM		0x00000200

static inline resource_size_t resource_size(const struct resource *res)
{
	return res->end - res->start + 1;
}

struct resource *devm_request_mem_region(struct device *dev, resource_size_t start,
					 resource_size_t n, const char *name);

#endif /* _MOCK_LINUX_IOPORT_H */
