// dax-refcount-one-wait, --target v1: the break-layouts wait of exactly the
// rule's shape (the page's own _refcount, "== 1", TASK_INTERRUPTIBLE,
// exclusive 0, ret 0, and a command that is a call cb(arg)) becomes
// dax_wait_page_idle(page, cb, arg). Any other state, seed or command is
// reported only and left untouched (rule explain): mapping the macro's raw
// arguments onto dax_wait_page_idle() would not even compile. The result
// compiles against the v1 mock headers.
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix --target v1 --in-place %t.c -- -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES
// RUN: %clang -fsyntax-only -Wall -Werror -I %{mock_v1} %t.c
// RUN: grep -qx 1 %t.rc
#include <linux/mm.h>
#include <linux/dax.h>
#include <linux/fs.h>
#include <linux/sched.h>
#include <linux/wait_bit.h>

void myfs_wait_dax_page(struct inode *inode);

/* ext4/xfs/fuse-style break-layouts loop. */
int myfs_break_layouts(struct inode *inode)
{
	struct page *page;
	int error = 0;

	do {
		page = dax_layout_busy_page(inode->i_mapping);
		if (!page)
			return 0;
		error = ___wait_var_event(&page->_refcount,
				atomic_read(&page->_refcount) == 1,
				TASK_INTERRUPTIBLE, 0, 0,
				myfs_wait_dax_page(inode));
// FIXED: {{^[[:blank:]]+}}error = dax_wait_page_idle(page, myfs_wait_dax_page, inode);{{$}}
	} while (error == 0);
	return error;
}

/* Uninterruptible teardown wait with schedule(): not the v1 shape. */
void myfs_wait_final(struct inode *inode)
{
	struct page *page = dax_layout_busy_page(inode->i_mapping);

	if (!page)
		return;
// NOTES: v1-wait.c.tmp.c:[[@LINE+1]]:8: note: not rewritten (no-rewrite): only the stereotyped wait {{.*}} [dax-refcount-one-wait]
	(void)___wait_var_event(&page->_refcount,
				atomic_read(&page->_refcount) == 1,
				TASK_UNINTERRUPTIBLE, 0, 0, schedule());
// FIXED: {{^[[:blank:]]+}}(void)___wait_var_event(&page->_refcount,{{$}}
// FIXED-NEXT: {{^[[:blank:]]+}}atomic_read(&page->_refcount) == 1,{{$}}
// FIXED-NEXT: {{^[[:blank:]]+}}TASK_UNINTERRUPTIBLE, 0, 0, schedule());{{$}}
}

/* The right state, but the command is not a callback call. */
int myfs_wait_sched(struct inode *inode)
{
	struct page *page = dax_layout_busy_page(inode->i_mapping);

	if (!page)
		return 0;
// NOTES: v1-wait.c.tmp.c:[[@LINE+1]]:9: note: not rewritten (no-rewrite): only the stereotyped wait {{.*}} [dax-refcount-one-wait]
	return ___wait_var_event(&page->_refcount,
				 atomic_read(&page->_refcount) == 1,
				 TASK_INTERRUPTIBLE, 0, 0, schedule());
// FIXED: {{^[[:blank:]]+}}return ___wait_var_event(&page->_refcount,{{$}}
}

/* A callback, but a nonzero initial return value. */
int myfs_wait_seeded(struct inode *inode)
{
	struct page *page = dax_layout_busy_page(inode->i_mapping);

	if (!page)
		return 0;
// NOTES: v1-wait.c.tmp.c:[[@LINE+1]]:9: note: not rewritten (no-rewrite): only the stereotyped wait {{.*}} [dax-refcount-one-wait]
	return ___wait_var_event(&page->_refcount,
				 atomic_read(&page->_refcount) == 1,
				 TASK_INTERRUPTIBLE, 0, -EINTR, myfs_wait_dax_page(inode));
// FIXED: {{^[[:blank:]]+}}return ___wait_var_event(&page->_refcount,{{$}}
}
// NOTES: daxport fix: 1 findings rewritten with 1 edits in 1 files; left: no-rewrite 3{{$}}
