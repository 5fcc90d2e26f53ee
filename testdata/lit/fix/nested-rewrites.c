// Nested rewrites compose: pfn_t_to_pfn(__pfn_to_pfn_t(x, 0)) is matched by
// dax-pfn-t-to-pfn and dax-pfn-t-construct, whose edits nest; the outer
// template copies its argument, so the inner edit is applied inside it and
// the result is what the catalogue asks for (x; PHYS_PFN(a), never a). The
// result compiles against the 6.17 mock. Partial overlaps: conflict.test.
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix --in-place %t.c -- -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES
// RUN: grep -qx 0 %t.rc
// RUN: %clang -fsyntax-only -Wall -Werror -I %{mock_617} %t.c
#include <linux/mm.h>
#include <linux/pfn_t.h>

unsigned long drv_pfn(unsigned long x, phys_addr_t a)
{
	unsigned long p;

	p = pfn_t_to_pfn(__pfn_to_pfn_t(x, 0));
// FIXED: {{^[[:blank:]]+}}p = x;{{$}}
	p += pfn_t_to_pfn(phys_to_pfn_t(a, PFN_DEV));
// FIXED: {{^[[:blank:]]+}}p += PHYS_PFN(a);{{$}}
	return p + pfn_t_to_pfn(pfn_to_pfn_t(x));
// FIXED: {{^[[:blank:]]+}}return p + x;{{$}}
}
// NOTES-NOT: conflict
// NOTES: daxport fix: 7 findings rewritten with 4 edits in 1 files{{$}}
