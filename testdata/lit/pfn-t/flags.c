// PFN_* flags outside the constructor calls: stored in a field, tested, masked.
// PFN_MAP is the judgement rule dax-pfn-flag-map, the others dax-pfn-flag.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not='[dax-pfn-flag]' --implicit-check-not='[dax-pfn-flag-map]'
#include <linux/pfn_t.h>

struct my_pmem {
	u64 pfn_flags;
};

void pmem_setup(struct my_pmem *pmem, bool has_pages)
{
	// CHECK: flags.c:[[@LINE+1]]:20: warning: PFN_DEV is removed in 6.17; drop it and whatever stores or tests it [dax-pfn-flag]
	pmem->pfn_flags = PFN_DEV;
	// CHECK: class: mechanical; status: analysed; confidence: high; configurations: default; in pmem_setup()
	if (has_pages)
		// CHECK: flags.c:[[@LINE+1]]:22: warning: PFN_MAP is removed in 6.17; it marks ZONE_DEVICE pages whose mapping must become refcounted, so the code around it needs review [dax-pfn-flag-map]
		pmem->pfn_flags |= PFN_MAP;
	// CHECK: class: judgement; status: analysed; confidence: high; configurations: default; in pmem_setup()
}

int odd_flags(pfn_t pfn)
{
	// CHECK: flags.c:[[@LINE+3]]:21: warning: PFN_SPECIAL is removed {{.*}} [dax-pfn-flag]
	// CHECK: flags.c:[[@LINE+2]]:35: warning: PFN_SG_CHAIN is removed {{.*}} [dax-pfn-flag]
	// CHECK: flags.c:[[@LINE+1]]:50: warning: PFN_SG_LAST is removed {{.*}} [dax-pfn-flag]
	return (pfn.val & (PFN_SPECIAL | PFN_SG_CHAIN | PFN_SG_LAST)) != 0;
}

u64 flag_bits(pfn_t pfn)
{
	// CHECK: flags.c:[[@LINE+1]]:19: warning: PFN_FLAGS_MASK is removed {{.*}} [dax-pfn-flag]
	return pfn.val & PFN_FLAGS_MASK;
}
