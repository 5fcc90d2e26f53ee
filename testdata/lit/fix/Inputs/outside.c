/* outside.c - input of the daxport fix tests: reached through a symlink that leaves the root. */
#include <linux/mm.h>
#include <linux/pfn_t.h>

unsigned long outside_pfn(pfn_t pfn)
{
	return pfn_t_to_pfn(pfn);
}
