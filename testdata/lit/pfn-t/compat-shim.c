// An out-of-tree compat shim that re-defines pfn_t when the kernel lacks it
// (this file includes no kernel header declaring pfn_t, as on 6.17): the
// typedef is dax-pfn-t-compat-shim, not a use of the kernel type.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/types.h>

#ifndef HAVE_PFN_T
typedef struct {
	u64 val;
// CHECK: compat-shim.c:[[@LINE+1]]:3: warning: this code defines its own pfn_t (a compat shim); on 6.17 the kernel API takes a plain unsigned long pfn, so the shim must not stand in for the removed type [dax-pfn-t-compat-shim]
} pfn_t;
// CHECK: class: judgement; status: analysed; confidence: high; configurations: default{{$}}
// CHECK: daxport: 1 finding (pfn-t 1) in 1 file;
#endif
