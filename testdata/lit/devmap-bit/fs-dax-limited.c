// IS_ENABLED(CONFIG_FS_DAX_LIMITED) in a C condition and in #if:
// dax-fs-dax-limited-conditional (judgement), at the symbol.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

int drv_associate(struct page *page)
{
	// CHECK: fs-dax-limited.c:[[@LINE+1]]:17: warning: CONFIG_FS_DAX_LIMITED is gone in 6.17 and the condition is always false; check that nothing still needs the DAX-without-struct-page path before dropping the branch [dax-fs-dax-limited-conditional]
	if (IS_ENABLED(CONFIG_FS_DAX_LIMITED))
		return 0;
	// CHECK: class: judgement; status: analysed; confidence: high; configurations: default; in drv_associate()
	return page != NULL;
}

// CHECK: fs-dax-limited.c:[[@LINE+1]]:16: warning: CONFIG_FS_DAX_LIMITED is gone in 6.17 {{.*}} [dax-fs-dax-limited-conditional]
#if IS_ENABLED(CONFIG_FS_DAX_LIMITED)
int drv_limited = 1;
#endif
