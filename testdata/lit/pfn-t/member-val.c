// .val and ->val on a pfn_t; other structs' .val members are not reported.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/pfn.h>

struct other { u64 val; };

// CHECK: member-val.c:[[@LINE+2]]:14: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
// CHECK: member-val.c:[[@LINE+1]]:25: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
u64 flags_of(pfn_t pfn, pfn_t *pfnp, struct other *o)
{
	// CHECK: member-val.c:[[@LINE+1]]:14: warning: the .val member of a pfn_t disappears with the type in 6.17; use the unsigned long value itself [dax-pfn-t-val]
	u64 a = pfn.val;
	// CHECK-NEXT: {{^}}	u64 a = pfn.val;{{$}}
	// CHECK-NEXT: {{^}}	             ^{{$}}
	// CHECK-NEXT: class: mechanical; status: analysed; confidence: high; configurations: default; in flags_of()
	// CHECK-NEXT: evidence: .val of a pfn_t
	// CHECK: member-val.c:[[@LINE+1]]:16: warning: the .val member {{.*}} [dax-pfn-t-val]
	u64 b = pfnp->val;
	// CHECK: member-val.c:[[@LINE+1]]:8: warning: the .val member {{.*}} [dax-pfn-t-val]
	pfnp->val++;
	return a + b + o->val;
}
