// pfn_t_has_page() is judgement (no direct replacement).
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not='[dax-pfn-t-has-page]'
#include <linux/pfn_t.h>

struct page *maybe_page(pfn_t pfn)
{
	// CHECK: helpers-has-page.c:[[@LINE+1]]:7: warning: pfn_t_has_page() is removed in 6.17; without flags, decide whether this caller needs pfn_valid() or can assume a struct page [dax-pfn-t-has-page]
	if (!pfn_t_has_page(pfn))
		return NULL;
	// CHECK: class: judgement; status: analysed; confidence: high; configurations: default; in maybe_page()
	return pfn_to_page(pfn_t_to_pfn(pfn));
}
