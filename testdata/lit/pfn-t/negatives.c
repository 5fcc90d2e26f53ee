// Look-alikes that must never be reported: kvm_pfn_t, pfn_t in comments and
// string literals, identifiers that merely contain a symbol (pfn_t_count,
// daxdev_pfn_t_valid), and a driver-private static function spelled like a
// kernel API (pte_devmap) in a file that includes no kernel pgtable header.
// pfn_t_to_pfn(x), PFN_MAP, _PAGE_DEVMAP, pmd_devmap(x) in a comment.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 0
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
// CHECK: daxport: 0 findings in 0 files; 1 translation unit, 0 parse failures
#include <linux/types.h>
#include <linux/kvm_types.h>

struct my_shadow {
	unsigned int bits;
};

/* Driver-private helper: same name as the kernel predicate, unrelated. */
static int pte_devmap(struct my_shadow *s)
{
	return s->bits & 1;
}

static bool daxdev_pfn_t_valid(kvm_pfn_t pfn)
{
	return pfn != 0;
}

struct kvm_slot {
	kvm_pfn_t base_pfn;
	kvm_pfn_t (*gfn_to_pfn)(gfn_t gfn);
};

int negatives(struct my_shadow *s, struct kvm_slot *slot)
{
	kvm_pfn_t kp = slot->base_pfn;
	int pfn_t_count = 0;
	const char *msg = "pfn_t pfn_t_to_pfn() PFN_DEV|PFN_MAP _PAGE_DEVMAP pmd_devmap()";

	// pfn_t in a line comment; phys_to_pfn_t(phys, PFN_DEV | PFN_MAP)
	pfn_t_count += pte_devmap(s);
	pfn_t_count += daxdev_pfn_t_valid(kp);
	return pfn_t_count + (msg != 0) + (int)sizeof(kvm_pfn_t);
}
