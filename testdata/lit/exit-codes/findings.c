// Exit code 1: findings, and every unit parsed.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=error:
#include <linux/mm.h>

// CHECK: findings.c:[[@LINE+1]]:19: warning: {{.*}} [dax-pfn-t-type]
unsigned long pfn(pfn_t p)
{
	return p.val;
}
// CHECK: daxport: 2 findings (pfn-t 2) in 1 file; 1 translation unit, 0 parse failures; status: analysed 2
