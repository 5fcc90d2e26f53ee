// A compat shim that re-defines the PFN_* flags and a pfn_t helper for kernels
// without them: each definition is dax-pfn-t-compat-shim (the shim symbol list
// holds the flags and the helpers, not just the type).
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not='[dax-pfn-t-compat-shim]'
#include <linux/types.h>

// CHECK: compat-shim-helpers.c:[[@LINE+1]]:29: warning: this code defines its own pfn_t {{.*}} [dax-pfn-t-compat-shim]
typedef struct { u64 val; } pfn_t;

// CHECK: compat-shim-helpers.c:[[@LINE+1]]:9: warning: this code defines its own PFN_DEV {{.*}} [dax-pfn-t-compat-shim]
#define PFN_DEV		(1ULL << 61)
// CHECK: compat-shim-helpers.c:[[@LINE+1]]:9: warning: this code defines its own PFN_MAP {{.*}} [dax-pfn-t-compat-shim]
#define PFN_MAP		(1ULL << 60)

// CHECK: compat-shim-helpers.c:[[@LINE+1]]:29: warning: this code defines its own pfn_t_to_pfn {{.*}} [dax-pfn-t-compat-shim]
static inline unsigned long pfn_t_to_pfn(pfn_t pfn)
{
	return (unsigned long)(pfn.val & ~(PFN_DEV | PFN_MAP));
}

// CHECK: compat-shim-helpers.c:[[@LINE+1]]:21: warning: this code defines its own phys_to_pfn_t {{.*}} [dax-pfn-t-compat-shim]
static inline pfn_t phys_to_pfn_t(phys_addr_t phys, u64 flags)
{
	pfn_t pfn = { (phys >> 12) | flags };

	return pfn;
}

// CHECK: compat-shim-helpers.c:[[@LINE+1]]:9: warning: this code defines its own pfn_t_devmap {{.*}} [dax-pfn-t-compat-shim]
#define pfn_t_devmap(pfn)	(((pfn).val & (PFN_DEV | PFN_MAP)) == (PFN_DEV | PFN_MAP))
