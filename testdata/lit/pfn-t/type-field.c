// pfn_t as a struct field (and a field of pointer type).
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/pfn.h>

struct drv_mapping {
	unsigned long pgoff;
	// CHECK: type-field.c:[[@LINE+1]]:2: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
	pfn_t pfn;
	// CHECK-NEXT: {{^}}	pfn_t pfn;{{$}}
	// CHECK-NEXT: {{^}}	^{{$}}
	// CHECK: type-field.c:[[@LINE+1]]:2: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
	pfn_t *table;
	unsigned int order;
};

struct drv_mapping the_mapping;
