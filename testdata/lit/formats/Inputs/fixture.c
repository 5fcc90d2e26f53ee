/* Fixture shared by the formats/ tests: findings of three classes. */
#include <linux/pfn_t.h>
#include <linux/mm.h>
#define PTE_DEVMAP	((u64)1 << 57)

unsigned long fx_pfn(pfn_t pfn)
{
	return pfn_t_to_pfn(pfn);
}

int fx_huge(pmd_t pmd)
{
	return pmd_trans_huge(pmd) || pmd_devmap(pmd);
}

int fx_devmap(pte_t pte)
{
	return pte_devmap(pte);
}
