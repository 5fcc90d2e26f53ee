// --release 6.15: a mixed state (new refcounting, but pfn_t and devmap still
// exist). The pfn_t rows hold from 6.17 and are not applied; each is listed as
// not-for-target, which does not count as left for review. The trans-huge
// disjunction holds from 6.15 and is rewritten. The result still compiles
// against the 6.12 mock, where pfn_t exists.
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix --release 6.15 --in-place %t.c -- -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %t.c
// RUN: grep -qx 0 %t.rc
#include <linux/mm.h>
#include <linux/pfn_t.h>
// NOTES: release-6.15.c.tmp.c:[[@LINE-1]]:1: note: not rewritten (not-for-target): this change does not hold for mainline 6.15 (it holds from 6.17) [dax-pfn-t-include]
// FIXED: {{^}}#include <linux/pfn_t.h>{{$}}

// NOTES: release-6.15.c.tmp.c:[[@LINE+1]]:23: note: not rewritten (not-for-target): {{.*}} [dax-pfn-t-type]
unsigned long drv_pfn(pfn_t p, pmd_t pmd)
// FIXED: {{^}}unsigned long drv_pfn(pfn_t p, pmd_t pmd){{$}}
{
// NOTES: release-6.15.c.tmp.c:[[@LINE+1]]:6: note: not rewritten (not-for-target): {{.*}} [dax-devmap-predicate]
	if (pmd_devmap(pmd))
		return 0;
	if (pmd_trans_huge(pmd) || pmd_devmap(pmd))
// FIXED: {{^[[:blank:]]+}}if (pmd_trans_huge(pmd)){{$}}
		return 1;
// NOTES: release-6.15.c.tmp.c:[[@LINE+1]]:9: note: not rewritten (not-for-target): {{.*}} [dax-pfn-t-to-pfn]
	return pfn_t_to_pfn(p) + pfn_t_to_pfn(phys_to_pfn_t(0, PFN_DEV)) * 0;
// FIXED: {{^[[:blank:]]+}}return pfn_t_to_pfn(p) + pfn_t_to_pfn(phys_to_pfn_t(0, PFN_DEV)) * 0;{{$}}
}
// NOTES: daxport fix: 1 findings rewritten with 1 edits in 1 files; left: not-for-target {{[0-9]+}}{{$}}
