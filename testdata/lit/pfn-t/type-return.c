// pfn_t as a function's return type, in a definition and in a prototype.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/pfn.h>

// CHECK: type-return.c:[[@LINE+1]]:8: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
static pfn_t zero_pfn(void)
{
	pfn_t z = { 0 };
	return z;
}
// CHECK: type-return.c:[[@LINE-3]]:2: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]

// CHECK: type-return.c:[[@LINE+1]]:1: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
pfn_t lookup_pfn(unsigned long pgoff);

int use_zero(void)
{
	return zero_pfn().val == 0;
}
// CHECK: type-return.c:[[@LINE-2]]:20: warning: the .val member {{.*}} [dax-pfn-t-val]
