// dax-pfn-t-val, mainline 6.17: the .val member of a pfn_t disappears with
// the type: "p.val" becomes "p" (also on fields, parenthesised operands, as an
// lvalue), and "pp->val" on a pointer to pfn_t becomes "*pp". The parameter
// types change in the same run, so leaving "pp->val" would half-convert the
// function: it no longer compiles against 6.17.
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix --in-place %t.c -- -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES --implicit-check-not="not rewritten"
// RUN: %clang -fsyntax-only -Wall -Werror -I %{mock_617} %t.c
// RUN: grep -qx 0 %t.rc
#include <linux/mm.h>
// NOTES: daxport fix: {{[0-9]+}} findings rewritten with {{[0-9]+}} edits in 1 files{{$}}

struct holder {
	pfn_t pfn;
};

/* Other structs with a .val member are not pfn_t and stay. */
struct reading {
	u64 val;
};

u64 vals(pfn_t p, pfn_t *pp, struct holder *h, struct holder s, int c, pfn_t q,
	 struct reading *r)
{
	u64 a = p.val;
// FIXED: {{^[[:blank:]]+}}u64 a = p;{{$}}
	u64 b = pp->val;
// FIXED: {{^[[:blank:]]+}}u64 b = {{\(?}}*pp{{\)?}};{{$}}
	u64 d = h->pfn.val + s.pfn.val;
// FIXED: {{^[[:blank:]]+}}u64 d = h->pfn + s.pfn;{{$}}
	u64 e = (c ? p : q).val;
// FIXED: {{^[[:blank:]]+}}u64 e = (c ? p : q);{{$}}
	u64 f = r->val;
// FIXED: {{^[[:blank:]]+}}u64 f = r->val;{{$}}

	p.val++;
// FIXED: {{^[[:blank:]]+}}p++;{{$}}
	pp->val += 2;
// FIXED: {{^[[:blank:]]+}}{{\(?}}*pp{{\)?}} += 2;{{$}}
	if (h->pfn.val == q.val)
// FIXED: {{^[[:blank:]]+}}if (h->pfn == q){{$}}
		return 0;
	return a + b + d + e + f + p.val;
// FIXED: {{^[[:blank:]]+}}return a + b + d + e + f + p;{{$}}
}
