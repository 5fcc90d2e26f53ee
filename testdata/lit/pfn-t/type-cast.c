// pfn_t spelled in a cast: by value (a compound literal) and by pointer.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/pfn.h>

unsigned long raw_pfn(void *raw)
{
	// CHECK: type-cast.c:[[@LINE+1]]:11: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
	return ((pfn_t *)raw)->val;
}
// CHECK: type-cast.c:[[@LINE-2]]:25: warning: the .val member {{.*}} [dax-pfn-t-val]

unsigned long literal_pfn(unsigned long v)
{
	// CHECK: type-cast.c:[[@LINE+1]]:11: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
	return ((pfn_t){ v }).val;
}
// CHECK: type-cast.c:[[@LINE-2]]:24: warning: the .val member {{.*}} [dax-pfn-t-val]
