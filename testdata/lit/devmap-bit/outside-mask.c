// The devmap bit tested or set on its own is not a mask: dax-devmap-bit (judgement).
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

int drv_pte_devmap(pte_t pte)
{
	// CHECK: outside-mask.c:[[@LINE+1]]:25: warning: _PAGE_DEVMAP is freed in 6.17; decide what this code tests or sets it for {{.*}} [dax-devmap-bit]
	return (pte_val(pte) & _PAGE_DEVMAP) != 0;
	// CHECK: class: judgement; status: analysed; confidence: high; configurations: default; in drv_pte_devmap()
}

pte_t drv_pte_mkdevmap(pte_t pte)
{
	// CHECK: outside-mask.c:[[@LINE+1]]:28: warning: _PAGE_DEVMAP is freed in 6.17; decide {{.*}} [dax-devmap-bit]
	return pte_set_flags(pte, _PAGE_DEVMAP);
}

int drv_bit_no(void)
{
	// CHECK: outside-mask.c:[[@LINE+1]]:9: warning: _PAGE_BIT_DEVMAP is freed in 6.17; decide {{.*}} [dax-devmap-bit]
	return _PAGE_BIT_DEVMAP;
}
