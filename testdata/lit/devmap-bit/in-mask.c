// _PAGE_DEVMAP OR-ed into a mask, x86 pmd_trans_huge() style:
// dax-devmap-bit-in-mask (mechanical), at the bit's spelling.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

int drv_pmd_huge(pmd_t pmd)
{
	// CHECK: in-mask.c:[[@LINE+1]]:38: warning: _PAGE_DEVMAP is freed in 6.17 and can never be set; remove it from this mask [dax-devmap-bit-in-mask]
	return (pmd_val(pmd) & (_PAGE_PSE | _PAGE_DEVMAP)) == _PAGE_PSE;
	// CHECK-NEXT: {{^}}	return (pmd_val(pmd) & (_PAGE_PSE | _PAGE_DEVMAP)) == _PAGE_PSE;{{$}}
	// CHECK-NEXT: {{^}}	                                    ^{{$}}
	// CHECK-NEXT: class: mechanical; status: analysed; confidence: high; configurations: default; in drv_pmd_huge()
}
// CHECK: daxport: 1 finding (devmap-bit 1) in 1 file; 1 translation unit, 0 parse failures; status: analysed 1
