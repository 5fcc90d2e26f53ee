// pfn_t inside function-pointer types: a member of an ops struct (like
// dax_operations::direct_access), a typedef'd callback and a local pointer.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/pfn.h>

struct drv_ops {
	// CHECK: type-function-pointer.c:[[@LINE+1]]:56: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
	long (*direct_access)(void *dev, unsigned long pgoff, pfn_t *pfn);
	// CHECK: type-function-pointer.c:[[@LINE+1]]:2: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
	pfn_t (*to_pfn)(unsigned long pgoff);
};

// CHECK: type-function-pointer.c:[[@LINE+1]]:37: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
typedef int (*translate_fn)(void *, pfn_t);

int call_it(struct drv_ops *ops, translate_fn fn)
{
	// CHECK: type-function-pointer.c:[[@LINE+1]]:11: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
	int (*f)(pfn_t) = 0;

	return ops != 0 && fn != 0 && f == 0;
}
