// Overlapping edits of two findings: pfn_t_to_pfn(__pfn_to_pfn_t(x, 0)) is
// matched by dax-pfn-t-to-pfn and dax-pfn-t-construct, whose edits overlap.
// Neither is applied, both are listed as "not rewritten (conflict)" naming the
// other rule, and the run asks for review (exit 1). Edits elsewhere in the
// file are still made.
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix --in-place %t.c -- -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES
// RUN: grep -qx 1 %t.rc
#include <linux/mm.h>
#include <linux/pfn_t.h>

unsigned long drv_pfn(unsigned long x, phys_addr_t a)
{
	unsigned long p;

// NOTES: conflict.c.tmp.c:[[@LINE+2]]:6: note: not rewritten (conflict): its edit overlaps the edit for dax-pfn-t-construct at line [[@LINE+2]]: neither is applied [dax-pfn-t-to-pfn]
// NOTES: conflict.c.tmp.c:[[@LINE+1]]:19: note: not rewritten (conflict): its edit overlaps the edit for dax-pfn-t-to-pfn at line [[@LINE+1]]: neither is applied [dax-pfn-t-construct]
	p = pfn_t_to_pfn(__pfn_to_pfn_t(x, 0));
// FIXED: {{^[[:blank:]]+}}p = pfn_t_to_pfn(__pfn_to_pfn_t(x, 0));{{$}}
// NOTES: conflict.c.tmp.c:[[@LINE+2]]:7: note: not rewritten (conflict): {{.*}} dax-phys-to-pfn-t {{.*}} [dax-pfn-t-to-pfn]
// NOTES: conflict.c.tmp.c:[[@LINE+1]]:20: note: not rewritten (conflict): {{.*}} dax-pfn-t-to-pfn {{.*}} [dax-phys-to-pfn-t]
	p += pfn_t_to_pfn(phys_to_pfn_t(a, PFN_DEV));
// FIXED: {{^[[:blank:]]+}}p += pfn_t_to_pfn(phys_to_pfn_t(a, PFN_DEV));{{$}}
	return p + pfn_t_to_pfn(pfn_to_pfn_t(x));
// FIXED: {{^[[:blank:]]+}}return p + pfn_t_to_pfn(pfn_to_pfn_t(x));{{$}}
// NOTES: conflict.c.tmp.c:[[@LINE-2]]:13: note: not rewritten (conflict): {{.*}} [dax-pfn-t-to-pfn]
// NOTES: conflict.c.tmp.c:[[@LINE-3]]:26: note: not rewritten (conflict): {{.*}} [dax-pfn-to-pfn-t]
}
// NOTES: daxport fix: 1 findings rewritten with 1 edits in 1 files; left: conflict 6{{.*}}{{$}}
