// "x & ~BIT" clears the devmap bit from a mask: the rule's port is "x", so this
// is dax-devmap-bit-in-mask (mechanical), not the judgement dax-devmap-bit.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

pteval_t drv_strip(pteval_t v)
{
	// CHECK: mask-clear.c:[[@LINE+1]]:14: warning: _PAGE_DEVMAP is freed in 6.17 and can never be set; remove it from this mask [dax-devmap-bit-in-mask]
	return v & ~_PAGE_DEVMAP;
}
