/* broken-file.c - input of the daxport fix tests: pfn_t sites in a unit that does not parse. */
#include <linux/mm.h>
#include <linux/pfn_t.h>

unsigned long broken_pfn(pfn_t pfn)
{
	return pfn_t_to_pfn(pfn) + ;
}
