// dax-pfn-t-include, mainline 6.17: <linux/pfn_t.h> is deleted, so each
// unconditional #include of it goes, the whole line (trailing comment, spaced
// and quoted spellings too). An include behind a kernel-version guard is the
// compat code of a driver that still builds for older kernels (rule explain,
// catalogue section 3): it stays. The include in a branch no configuration
// compiled is reported as an include, not as a use of the pfn_t type.
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix --in-place %t.c -- -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES --implicit-check-not="[dax-pfn-t-type]"
// RUN: %clang -fsyntax-only -Wall -Werror -I %{mock_617} %t.c
// RUN: grep -qx 1 %t.rc
// FIXED: {{^}}#include <linux/version.h>{{$}}
// FIXED-NEXT: {{^}}#include <linux/mm.h>{{$}}
// FIXED-NEXT: {{^}}#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 17, 0){{$}}
// FIXED-NEXT: {{^}}#include <linux/pfn_t.h>{{$}}
// FIXED-NEXT: {{^}}#endif{{$}}
// FIXED-NEXT: {{^}}#ifdef DRV_HAVE_PFN_T_H{{$}}
// FIXED: {{^}}#include <linux/pfn_t.h>{{$}}
// FIXED-NEXT: {{^}}#endif{{$}}
// FIXED-NEXT: {{^}}#include <linux/dax.h>{{$}}
#include <linux/version.h>
#include <linux/mm.h>
#include <linux/pfn_t.h>	/* pfn_t, PFN_DEV */
#  include <linux/pfn_t.h>
#include "linux/pfn_t.h"
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 17, 0)
#include <linux/pfn_t.h>
#endif
#ifdef DRV_HAVE_PFN_T_H
// NOTES: include.c.tmp.c:[[@LINE+1]]:1: note: not rewritten (not-compiled): {{.*}} [dax-pfn-t-include]
#include <linux/pfn_t.h>
#endif
#include <linux/dax.h>

bool drv_is_dax(struct address_space *mapping)
{
	return dax_mapping(mapping);
}
