// Exit code 0: a file with no construct of the catalogue.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 0
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning: --implicit-check-not=error:
// CHECK: daxport: 0 findings in 0 files; 0 translation units (of 1 in scope), 0 parse failures
#include <linux/mm.h>

unsigned long clean_pfn(struct page *page)
{
	return page_to_pfn(page);
}
