// __pfn_to_pfn_t(pfn, 0) and __pfn_to_pfn_t(pfn, PFN_DEV): plain memory, the
// mechanical dax-pfn-t-construct (becomes the pfn).
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not='[dax-pfn-t-construct]' --implicit-check-not='[dax-pfn-t-construct-devmap]'
#include <linux/pfn_t.h>

unsigned long plain(unsigned long pfn)
{
	// CHECK: construct.c:[[@LINE+1]]:12: warning: __pfn_to_pfn_t() is removed in 6.17; with flags 0 or PFN_DEV (plain, non-ZONE_DEVICE memory) it becomes the pfn itself [dax-pfn-t-construct]
	pfn_t a = __pfn_to_pfn_t(pfn, 0);
	// CHECK: class: mechanical; status: analysed; confidence: high; configurations: default; in plain()
	// CHECK: construct.c:[[@LINE+1]]:12: warning: __pfn_to_pfn_t() is removed {{.*}} [dax-pfn-t-construct]
	pfn_t b = __pfn_to_pfn_t(pfn + 1, PFN_DEV);

	return pfn_t_to_pfn(a) + pfn_t_to_pfn(b);
}
