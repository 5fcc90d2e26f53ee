/* Self-written mock of <linux/kvm_types.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_KVM_TYPES_H
#define _MOCK_LINUX_KVM_TYPES_H

#include <linux/types.h>

/* Guest/host address types; kvm_pfn_t is unrelated to pfn_t. */
typedef u64 gpa_t;
typedef u64 gfn_t;
typedef unsigned long hva_t;
typedef u64 hpa_t;
typedef u64 hfn_t;
typedef hfn_t kvm_pfn_t;

#endif /* _MOCK_LINUX_KVM_TYPES_H */
