/* Self-written mock of <linux/dax.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_DAX_H
#define _MOCK_LINUX_DAX_H

#include <linux/types.h>
#include <linux/fs.h>
#include <linux/mm.h>

struct dax_device;
struct block_device;
struct iomap_ops;
struct iov_iter;

enum dax_access_mode {
	DAX_ACCESS,
	DAX_RECOVERY_WRITE,
};

struct dax_operations {
	/* map @pgoff of the device: kernel address and pfn; returns pages available */
	long (*direct_access)(struct dax_device *, pgoff_t, long,
			      enum dax_access_mode, void **, unsigned long *);
	bool (*dax_supported)(struct dax_device *, struct block_device *, int,
			      sector_t, sector_t);
	int (*zero_page_range)(struct dax_device *, pgoff_t, size_t);
	size_t (*recovery_write)(struct dax_device *dax_dev, pgoff_t pgoff,
				 void *addr, size_t bytes, struct iov_iter *iter);
};

struct dax_device *alloc_dax(void *private, const struct dax_operations *ops);
void put_dax(struct dax_device *dax_dev);
void kill_dax(struct dax_device *dax_dev);
void run_dax(struct dax_device *dax_dev);
void set_dax_synchronous(struct dax_device *dax_dev);
bool dax_alive(struct dax_device *dax_dev);
void *dax_get_private(struct dax_device *dax_dev);
int dax_read_lock(void);
void dax_read_unlock(int id);

long dax_direct_access(struct dax_device *dax_dev, pgoff_t pgoff, long nr_pages,
		       enum dax_access_mode mode, void **kaddr, unsigned long *pfn);
int dax_zero_page_range(struct dax_device *dax_dev, pgoff_t pgoff, size_t nr_pages);

vm_fault_t dax_iomap_fault(struct vm_fault *vmf, unsigned int order,
			   unsigned long *pfnp, int *errp, const struct iomap_ops *ops);
vm_fault_t dax_finish_sync_fault(struct vm_fault *vmf, unsigned int order,
				 unsigned long pfn);

struct page *dax_layout_busy_page(struct address_space *mapping);
struct page *dax_layout_busy_page_range(struct address_space *mapping,
					loff_t start, loff_t end);

/* An FS DAX page is idle at refcount 0 since 6.15 (1 before). */
static inline bool dax_page_is_idle(struct page *page)
{
	return page && page_ref_count(page) == 0;
}

/* Unmap [start, end] and wait, calling @cb(inode), until no page is busy. */
int dax_break_layout(struct inode *inode, loff_t start, loff_t end,
		     void (cb)(struct inode *));
static inline int dax_break_layout_inode(struct inode *inode,
					 void (cb)(struct inode *))
{
	return dax_break_layout(inode, 0, LLONG_MAX, cb);
}
void dax_break_layout_final(struct inode *inode);

static inline bool dax_mapping(struct address_space *mapping)
{
	return mapping->host && IS_DAX(mapping->host);
}

#endif /* _MOCK_LINUX_DAX_H */
