// dax-pfn-t-to-pfn, dax-pfn-to-pfn-t, dax-pfn-t-construct, mainline 6.17:
// pfn_t_to_pfn(x), pfn_to_pfn_t(x), __pfn_to_pfn_t(x, 0) and
// __pfn_to_pfn_t(x, PFN_DEV) all become x. A non-trivial argument keeps
// parentheses ("a + b" becomes "(a + b)"), which matters where the call sat
// inside a larger expression. The PFN_DEV flag goes with its call: nothing is
// left for review.
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix --in-place %t.c -- -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES --implicit-check-not="not rewritten"
// RUN: %clang -fsyntax-only -Wall -Werror -I %{mock_617} %t.c
// RUN: grep -qx 0 %t.rc
#include <linux/mm.h>
#include <linux/pfn_t.h>
// NOTES: daxport fix: {{[0-9]+}} findings rewritten with {{[0-9]+}} edits in 1 files{{$}}

struct window {
	unsigned long base;
	pfn_t first;
};

unsigned long ident(struct window *w, unsigned long x, unsigned long a,
		    unsigned long b, pfn_t p, pfn_t q, int c, pfn_t *pp)
{
	pfn_t r1 = pfn_to_pfn_t(x);
// FIXED: {{^[[:blank:]]+}}unsigned long r1 = x;{{$}}
	pfn_t r2 = pfn_to_pfn_t(a + b);
// FIXED: {{^[[:blank:]]+}}unsigned long r2 = (a + b);{{$}}
	pfn_t r3 = __pfn_to_pfn_t(x, 0);
// FIXED: {{^[[:blank:]]+}}unsigned long r3 = x;{{$}}
	pfn_t r4 = __pfn_to_pfn_t(a + b, PFN_DEV);
// FIXED: {{^[[:blank:]]+}}unsigned long r4 = (a + b);{{$}}
	pfn_t r5 = __pfn_to_pfn_t(w->base, PFN_DEV);
// FIXED: {{^[[:blank:]]+}}unsigned long r5 = w->base;{{$}}
	unsigned long s1 = pfn_t_to_pfn(p);
// FIXED: {{^[[:blank:]]+}}unsigned long s1 = p;{{$}}
	unsigned long s2 = pfn_t_to_pfn(c ? p : q) + 1;
// FIXED: {{^[[:blank:]]+}}unsigned long s2 = (c ? p : q) + 1;{{$}}
	unsigned long s3 = 2 * pfn_t_to_pfn(*pp);
// FIXED: {{^[[:blank:]]+}}unsigned long s3 = 2 * {{\(?}}*pp{{\)?}};{{$}}
	unsigned long s4 = pfn_t_to_pfn(w->first) << PAGE_SHIFT;
// FIXED: {{^[[:blank:]]+}}unsigned long s4 = w->first << PAGE_SHIFT;{{$}}

	w->first = pfn_to_pfn_t(w->base +
				x);
// FIXED: {{^[[:blank:]]+}}w->first = (w->base +{{$}}
// FIXED-NEXT: {{^[[:blank:]]+}}x);{{$}}
	return s1 + s2 + s3 + s4 + pfn_t_to_pfn(r1) + pfn_t_to_pfn(r2) +
	       pfn_t_to_pfn(r3) + pfn_t_to_pfn(r4) + pfn_t_to_pfn(r5);
// FIXED: {{^[[:blank:]]+}}return s1 + s2 + s3 + s4 + r1 + r2 +{{$}}
// FIXED-NEXT: {{^[[:blank:]]+}}r3 + r4 + r5;{{$}}
}
