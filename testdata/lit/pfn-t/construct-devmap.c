// A pfn_t built with PFN_DEV|PFN_MAP describes ZONE_DEVICE pages:
// dax-pfn-t-construct-devmap (judgement), for phys_to_pfn_t() and
// __pfn_to_pfn_t() alike, never the mechanical constructor rules.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not='[dax-pfn-t-construct-devmap]' --implicit-check-not='[dax-phys-to-pfn-t]' --implicit-check-not='[dax-pfn-t-construct]'
#include <linux/pfn_t.h>

unsigned long zone_device(phys_addr_t phys, unsigned long pfn)
{
	// CHECK: construct-devmap.c:[[@LINE+1]]:12: warning: phys_to_pfn_t() with PFN_MAP describes ZONE_DEVICE pages; besides using a plain pfn, the mapping that consumes it must become refcounted (6.15) [dax-pfn-t-construct-devmap]
	pfn_t a = phys_to_pfn_t(phys, PFN_DEV | PFN_MAP);
	// CHECK-NEXT: {{^}}	pfn_t a = phys_to_pfn_t(phys, PFN_DEV | PFN_MAP);{{$}}
	// CHECK-NEXT: {{^}}	          ^{{$}}
	// CHECK-NEXT: class: judgement; status: analysed; confidence: high; configurations: default; in zone_device()
	// CHECK-NEXT: evidence: flags include PFN_MAP
	// CHECK: construct-devmap.c:[[@LINE+1]]:12: warning: __pfn_to_pfn_t() with PFN_MAP describes ZONE_DEVICE pages{{.*}} [dax-pfn-t-construct-devmap]
	pfn_t b = __pfn_to_pfn_t(pfn, PFN_DEV | PFN_MAP);

	return pfn_t_to_pfn(a) + pfn_t_to_pfn(b);
}
