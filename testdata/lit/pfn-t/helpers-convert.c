// The mechanical conversion helpers, one call each: pfn_t_to_pfn, pfn_to_pfn_t,
// page_to_pfn_t, pfn_t_to_page, pfn_t_to_phys, pfn_t_valid.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/pfn_t.h>
// CHECK: helpers-convert.c:[[@LINE-1]]:1: warning: {{.*}} [dax-pfn-t-include]

// CHECK: helpers-convert.c:[[@LINE+1]]:22: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
unsigned long to_pfn(pfn_t p)
{
	// CHECK: helpers-convert.c:[[@LINE+1]]:9: warning: pfn_t_to_pfn() is removed in 6.17; the value already is the pfn [dax-pfn-t-to-pfn]
	return pfn_t_to_pfn(p);
	// CHECK-NEXT: {{^}}	return pfn_t_to_pfn(p);{{$}}
	// CHECK-NEXT: {{^}}	       ^{{$}}
	// CHECK-NEXT: class: mechanical; status: analysed; confidence: high; configurations: default; in to_pfn()
}

unsigned long from_pfn(unsigned long pfn)
{
	// CHECK: helpers-convert.c:[[@LINE+1]]:9: warning: pfn_to_pfn_t() is removed in 6.17; pass the pfn itself [dax-pfn-to-pfn-t]
	return pfn_to_pfn_t(pfn).val;
	// CHECK: class: mechanical; status: analysed; confidence: high; configurations: default; in from_pfn()
	// CHECK: helpers-convert.c:[[@LINE-2]]:27: warning: the .val member {{.*}} [dax-pfn-t-val]
}

struct page *round_trip(struct page *page)
{
	// CHECK: helpers-convert.c:[[@LINE+2]]:9: warning: pfn_t_to_page() is removed in 6.17; use pfn_to_page(), which never returns NULL [dax-pfn-t-to-page]
	// CHECK: helpers-convert.c:[[@LINE+1]]:23: warning: page_to_pfn_t() is removed in 6.17; use page_to_pfn() [dax-page-to-pfn-t]
	return pfn_t_to_page(page_to_pfn_t(page));
}

// CHECK: helpers-convert.c:[[@LINE+1]]:27: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
phys_addr_t to_phys(const pfn_t *p)
{
	// CHECK: helpers-convert.c:[[@LINE+1]]:9: warning: pfn_t_to_phys() is removed in 6.17; use PFN_PHYS() [dax-pfn-t-to-phys]
	return pfn_t_to_phys(*p);
}

// CHECK: helpers-convert.c:[[@LINE+1]]:11: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
int valid(pfn_t p)
{
	// CHECK: helpers-convert.c:[[@LINE+1]]:9: warning: pfn_t_valid() is removed in 6.17; use pfn_valid() [dax-pfn-t-valid]
	return pfn_t_valid(p);
}
// CHECK: daxport: 11 findings (pfn-t 11) in 1 file; 1 translation unit, 0 parse failures
