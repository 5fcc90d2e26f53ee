// arm64's PTE_DEVMAP (bit 57, mock <asm/pgtable.h> under __aarch64__): inside a
// mask it is dax-devmap-bit-in-mask, tested alone it is dax-devmap-bit.
// RUN: %daxport scan %s -- --target=aarch64-linux-gnu -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

#ifndef __aarch64__
#error "this test must be compiled for arm64"
#endif

int drv_pte_devmap(pte_t pte)
{
	// CHECK: arm64-pte-devmap.c:[[@LINE+1]]:25: warning: PTE_DEVMAP is freed in 6.17; decide {{.*}} [dax-devmap-bit]
	return (pte_val(pte) & PTE_DEVMAP) != 0;
	// CHECK: class: judgement; status: analysed; confidence: high; configurations: default; in drv_pte_devmap()
}

pteval_t drv_sw_bits(pteval_t v)
{
	// CHECK: arm64-pte-devmap.c:[[@LINE+1]]:28: warning: PTE_DEVMAP is freed in 6.17 and can never be set; remove it from this mask [dax-devmap-bit-in-mask]
	return v & (PTE_SPECIAL | PTE_DEVMAP);
	// CHECK: class: mechanical; status: analysed; confidence: high; configurations: default; in drv_sw_bits()
}
