/* first-file.c - input of the daxport fix tests: one mechanical pfn_t site. */
#include <linux/mm.h>
#include <linux/pfn_t.h>

unsigned long first_pfn(pfn_t pfn)
{
	return pfn_t_to_pfn(pfn);
}
