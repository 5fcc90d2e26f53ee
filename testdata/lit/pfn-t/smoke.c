// Smoke test: a pfn_t variable is reported at the type's spelling.
// RUN: %daxport scan %s -- -I %mock > %t.out; test $? -eq 1
// RUN: FileCheck %s --input-file=%t.out
#include <linux/pfn_t.h>
// CHECK: smoke.c:[[@LINE+1]]:8: warning: {{.*}} [dax-pfn-t-type]
static pfn_t global_pfn;
