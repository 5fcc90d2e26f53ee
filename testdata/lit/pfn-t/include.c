// #include <linux/pfn_t.h> is reported at the directive; other includes are not.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/pfn.h>
// CHECK: include.c:[[@LINE+1]]:1: warning: <linux/pfn_t.h> is deleted in 6.17; remove the #include [dax-pfn-t-include]
#include <linux/pfn_t.h>
// CHECK-NEXT: {{^}}#include <linux/pfn_t.h>{{$}}
// CHECK-NEXT: {{^}}^{{$}}
// CHECK-NEXT: class: mechanical; status: analysed; confidence: high; configurations: default{{$}}
// CHECK: daxport: 1 finding (pfn-t 1) in 1 file;
#include <linux/mm.h>
