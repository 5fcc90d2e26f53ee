// pfn_t spelled in sizeof / _Alignof operands.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/pfn.h>

unsigned long table_bytes(unsigned long n)
{
	// CHECK: type-sizeof.c:[[@LINE+1]]:20: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
	return n * sizeof(pfn_t) + _Alignof(pfn_t);
	// CHECK: type-sizeof.c:[[@LINE-1]]:38: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
}

// CHECK: type-sizeof.c:[[@LINE+1]]:23: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
_Static_assert(sizeof(pfn_t) == 8, "pfn_t is a u64");
