// dax-phys-to-pfn-t, mainline 6.17: phys_to_pfn_t(a, f) becomes PHYS_PFN(a),
// never "a" (the cramfs/virtio_fs bug), for flags 0 and PFN_DEV, whatever the
// address expression; phys_to_pfn_t(PFN_PHYS(p), f) simplifies to p (with
// parentheses for a compound p). Nothing is left for review: the flags go
// with their calls.
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix --in-place %t.c -- -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES --implicit-check-not="not rewritten"
// RUN: %clang -fsyntax-only -Wall -Werror -I %{mock_617} %t.c
// RUN: grep -qx 0 %t.rc
#include <linux/mm.h>
#include <linux/io.h>
#include <linux/pfn_t.h>
// NOTES: daxport fix: {{[0-9]+}} findings rewritten with {{[0-9]+}} edits in 1 files{{$}}

struct bar_info {
	phys_addr_t start;
	resource_size_t len;
};

unsigned long phys(struct bar_info *bar, phys_addr_t a, phys_addr_t off,
		   unsigned long p)
{
	pfn_t r1 = phys_to_pfn_t(a, 0);
// FIXED: {{^[[:blank:]]+}}unsigned long r1 = PHYS_PFN(a);{{$}}
	pfn_t r2 = phys_to_pfn_t(a, PFN_DEV);
// FIXED: {{^[[:blank:]]+}}unsigned long r2 = PHYS_PFN(a);{{$}}
	pfn_t r3 = phys_to_pfn_t(a + off, PFN_DEV);
// FIXED: {{^[[:blank:]]+}}unsigned long r3 = PHYS_PFN(a + off);{{$}}
	pfn_t r4 = phys_to_pfn_t(bar->start + bar->len - PAGE_SIZE, 0);
// FIXED: {{^[[:blank:]]+}}unsigned long r4 = PHYS_PFN(bar->start + bar->len - PAGE_SIZE);{{$}}
	pfn_t r5 = phys_to_pfn_t(PFN_PHYS(p), 0);
// FIXED: {{^[[:blank:]]+}}unsigned long r5 = p;{{$}}
	pfn_t r6 = phys_to_pfn_t(PFN_PHYS(p + 1), PFN_DEV);
// FIXED: {{^[[:blank:]]+}}unsigned long r6 = (p + 1);{{$}}
	pfn_t r7 = phys_to_pfn_t(bar->start +
				 bar->len, PFN_DEV);
// FIXED: {{^[[:blank:]]+}}unsigned long r7 = PHYS_PFN(bar->start +{{$}}
// FIXED-NEXT: {{^[[:blank:]]+}}bar->len);{{$}}

	return pfn_t_to_pfn(r1) + pfn_t_to_pfn(r2) + pfn_t_to_pfn(r3) + pfn_t_to_pfn(r4) +
	       pfn_t_to_pfn(r5) + pfn_t_to_pfn(r6) + pfn_t_to_pfn(r7);
}
