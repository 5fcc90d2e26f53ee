// pfn_t as a parameter type, by value and by pointer (dax_iomap_fault-style).
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/pfn.h>

// CHECK: type-parameter.c:[[@LINE+2]]:33: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
// CHECK: type-parameter.c:[[@LINE+1]]:54: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
int consume(unsigned int order, pfn_t pfn, int *err, pfn_t *pfnp)
{
	*pfnp = pfn;
	return order + *err;
}
// CHECK: in consume()

// A prototype's parameter, no body.
// CHECK: type-parameter.c:[[@LINE+1]]:28: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
int finish_sync_fault(int, pfn_t);
