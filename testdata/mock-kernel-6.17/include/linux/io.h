/* Self-written mock of <linux/io.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_IO_H
#define _MOCK_LINUX_IO_H

#include <linux/types.h>
#include <linux/compiler.h>

struct device;

void __iomem *ioremap(phys_addr_t offset, size_t size);
void iounmap(volatile void __iomem *addr);
void __iomem *devm_ioremap(struct device *dev, resource_size_t offset,
			   resource_size_t size);

u32 readl(const volatile void __iomem *addr);
void writel(u32 value, volatile void __iomem *addr);
u64 readq(const volatile void __iomem *addr);
void writeq(u64 value, volatile void __iomem *addr);

enum {
	MEMREMAP_WB = 1 << 0,
	MEMREMAP_WT = 1 << 1,
	MEMREMAP_WC = 1 << 2,
};

void *memremap(resource_size_t offset, size_t size, unsigned long flags);
void memunmap(void *addr);

#endif /* _MOCK_LINUX_IO_H */
