/* Self-written mock of <linux/fs.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_FS_H
#define _MOCK_LINUX_FS_H

#include <linux/types.h>
#include <linux/kconfig.h>
#include <linux/mm_types.h>
#include <linux/kdev_t.h>

struct cdev;
struct module;
struct super_block;
struct vm_area_struct;
struct poll_table_struct;

struct address_space {
	struct inode *host;
	unsigned long nrpages;
	pgoff_t writeback_index;
	unsigned long flags;
};

#ifdef CONFIG_FS_DAX
#define S_DAX		(1 << 13)	/* direct access, no page cache */
#else
#define S_DAX		0
#endif

struct inode {
	umode_t i_mode;
	unsigned int i_flags;
	struct super_block *i_sb;
	struct address_space *i_mapping;
	unsigned long i_ino;
	dev_t i_rdev;
	loff_t i_size;
	struct address_space i_data;
	struct cdev *i_cdev;
	void *i_private;
};

#define IS_DAX(inode)	((inode)->i_flags & S_DAX)

struct file {
	struct inode *f_inode;
	struct address_space *f_mapping;
	unsigned int f_flags;
	fmode_t f_mode;
	loff_t f_pos;
	void *private_data;
};

struct file_operations {
	struct module *owner;
	loff_t (*llseek)(struct file *, loff_t, int);
	ssize_t (*read)(struct file *, char __user *, size_t, loff_t *);
	ssize_t (*write)(struct file *, const char __user *, size_t, loff_t *);
	long (*unlocked_ioctl)(struct file *, unsigned int, unsigned long);
	int (*mmap)(struct file *, struct vm_area_struct *);
	int (*open)(struct inode *, struct file *);
	int (*release)(struct inode *, struct file *);
	unsigned long (*get_unmapped_area)(struct file *, unsigned long,
					   unsigned long, unsigned long,
					   unsigned long);
};

static inline struct inode *file_inode(const struct file *f)
{
	return f->f_inode;
}

static inline unsigned int iminor(const struct inode *inode)
{
	return MINOR(inode->i_rdev);
}

static inline bool vma_is_dax(const struct vm_area_struct *vma)
{
	return vma->vm_file && IS_DAX(vma->vm_file->f_mapping->host);
}

loff_t noop_llseek(struct file *file, loff_t offset, int whence);
int alloc_chrdev_region(dev_t *dev, unsigned int baseminor, unsigned int count,
			const char *name);
void unregister_chrdev_region(dev_t from, unsigned int count);

#endif /* _MOCK_LINUX_FS_H */
