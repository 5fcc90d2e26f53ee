// phys_to_pfn_t() with flags that lack PFN_MAP (0, PFN_DEV) is the mechanical
// dax-phys-to-pfn-t (becomes PHYS_PFN(phys)), not the ZONE_DEVICE rule.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not='[dax-phys-to-pfn-t]' --implicit-check-not='[dax-pfn-t-construct-devmap]'
#include <linux/pfn_t.h>

unsigned long bar_pfn(phys_addr_t bar, phys_addr_t ram)
{
	// CHECK: phys-to-pfn-t.c:[[@LINE+1]]:12: warning: phys_to_pfn_t() is removed in 6.17; convert the physical address with PHYS_PFN(), never pass the address itself [dax-phys-to-pfn-t]
	pfn_t a = phys_to_pfn_t(bar, PFN_DEV);
	// CHECK: class: mechanical; status: analysed; confidence: high; configurations: default; in bar_pfn()
	// CHECK: phys-to-pfn-t.c:[[@LINE+1]]:12: warning: phys_to_pfn_t() is removed {{.*}} [dax-phys-to-pfn-t]
	pfn_t b = phys_to_pfn_t(ram, 0);

	return pfn_t_to_pfn(a) + pfn_t_to_pfn(b);
}
