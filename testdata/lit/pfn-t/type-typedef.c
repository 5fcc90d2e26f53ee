// A driver typedef whose underlying type is the kernel's pfn_t: the spelling
// in the typedef is a use (dax-pfn-t-type), not a compat shim.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/pfn.h>

// CHECK: type-typedef.c:[[@LINE+1]]:9: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
typedef pfn_t drv_pfn_t;
// CHECK: type-typedef.c:[[@LINE+1]]:9: warning: pfn_t is removed {{.*}} [dax-pfn-t-type]
typedef pfn_t *drv_pfn_ptr;

drv_pfn_t drv_pfn;
