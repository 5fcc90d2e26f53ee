// Whatever the spelling of the flags, a constructor whose flags contain
// PFN_MAP is dax-pfn-t-construct-devmap: PFN_MAP first, PFN_MAP alone, and
// flags hidden in a driver macro. None of them may get the mechanical rules
// (which would rewrite a ZONE_DEVICE pfn as plain memory).
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not='[dax-pfn-t-construct-devmap]' --implicit-check-not='[dax-phys-to-pfn-t]' --implicit-check-not='[dax-pfn-t-construct]'
#include <linux/pfn_t.h>

#define DRV_PFN_FLAGS	(PFN_DEV | PFN_MAP)

unsigned long zone_device(phys_addr_t phys, unsigned long pfn)
{
	// CHECK: construct-devmap-flag-order.c:[[@LINE+1]]:12: warning: __pfn_to_pfn_t() with PFN_MAP describes ZONE_DEVICE pages{{.*}} [dax-pfn-t-construct-devmap]
	pfn_t a = __pfn_to_pfn_t(pfn, PFN_MAP | PFN_DEV);
	// CHECK: construct-devmap-flag-order.c:[[@LINE+1]]:12: warning: phys_to_pfn_t() with PFN_MAP describes ZONE_DEVICE pages{{.*}} [dax-pfn-t-construct-devmap]
	pfn_t b = phys_to_pfn_t(phys, PFN_MAP|PFN_DEV);
	// CHECK: construct-devmap-flag-order.c:[[@LINE+1]]:12: warning: __pfn_to_pfn_t() with PFN_MAP describes ZONE_DEVICE pages{{.*}} [dax-pfn-t-construct-devmap]
	pfn_t c = __pfn_to_pfn_t(pfn, PFN_MAP);
	// CHECK: construct-devmap-flag-order.c:[[@LINE+1]]:12: warning: phys_to_pfn_t() with PFN_MAP describes ZONE_DEVICE pages{{.*}} [dax-pfn-t-construct-devmap]
	pfn_t d = phys_to_pfn_t(phys, DRV_PFN_FLAGS);

	return a.val + b.val + c.val + d.val;
}
