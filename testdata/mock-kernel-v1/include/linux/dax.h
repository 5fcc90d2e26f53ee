/* Self-written mock overlay for daxport tests: the 6.12 mock of <linux/dax.h> plus the v1-era (first posting) idle wait. Use with -I mock-kernel-v1/include -I mock-kernel/include. */
#ifndef _MOCK_V1_LINUX_DAX_H
#define _MOCK_V1_LINUX_DAX_H
#include_next <linux/dax.h>

/* v1: wait until a busy DAX page is idle (refcount 0), calling @cb(@inode) to sleep. */
int dax_wait_page_idle(struct page *page, void (cb)(struct inode *),
		       struct inode *inode);
#endif
