// pfn_t as the type of global and local variables (and a pointer to one).
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/pfn.h>

// CHECK: type-variable.c:[[@LINE+1]]:1: warning: pfn_t is removed in 6.17; declare this as unsigned long [dax-pfn-t-type]
pfn_t last_pfn;
// CHECK-NEXT: {{^}}pfn_t last_pfn;{{$}}
// CHECK-NEXT: {{^}}^{{$}}
// CHECK-NEXT: class: mechanical; status: analysed; confidence: high; configurations: default{{$}}

int count_pfns(void)
{
	// CHECK: type-variable.c:[[@LINE+1]]:2: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
	pfn_t local;
	// CHECK: class: mechanical; status: analysed; confidence: high; configurations: default; in count_pfns()
	// CHECK: type-variable.c:[[@LINE+1]]:8: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
	const pfn_t *cursor = &last_pfn;

	local = *cursor;
	return sizeof(local) == 8;
}
// CHECK: daxport: 3 findings (pfn-t 3) in 1 file;
