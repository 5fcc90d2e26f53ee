// A #define of a devmap bit in the scanned file (an arch header or a copy of
// one) is dax-devmap-bit-definition, class definition, at the macro name.
// Compiled without the mock pgtable headers, so that this file owns the names.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not='[dax-devmap-bit-definition]'
#include <linux/types.h>

// CHECK: definition.c:[[@LINE+1]]:9: warning: definition of _PAGE_BIT_DEVMAP, freed upstream in 6.17; delete it only when porting the kernel itself [dax-devmap-bit-definition]
#define _PAGE_BIT_DEVMAP	57
// CHECK-NEXT: {{^}}#define _PAGE_BIT_DEVMAP	57{{$}}
// CHECK-NEXT: {{^}}        ^{{$}}
// CHECK-NEXT: class: definition;
// CHECK: definition.c:[[@LINE+1]]:9: warning: definition of _PAGE_DEVMAP, {{.*}} [dax-devmap-bit-definition]
#define _PAGE_DEVMAP		((u64)1 << _PAGE_BIT_DEVMAP)

u64 devmap_mask(void)
{
	return _PAGE_DEVMAP;
}
