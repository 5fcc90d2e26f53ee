/* second-file.c - input of the daxport fix tests: mechanical pfn_t and devmap sites. */
#include <linux/mm.h>
#include <linux/pfn_t.h>

int second_huge(pmd_t pmd, phys_addr_t phys, unsigned long *out)
{
	pfn_t pfn = phys_to_pfn_t(phys, 0);

	*out = pfn_t_to_pfn(pfn);
	return pmd_trans_huge(pmd) || pmd_devmap(pmd);
}
