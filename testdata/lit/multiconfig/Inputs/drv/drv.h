/* Shared header of the multiconfig fixtures: one finding, seen by every unit. */
#ifndef DRV_H
#define DRV_H
#include <linux/mm.h>

static inline int drv_huge(pmd_t pmd)
{
	return pmd_trans_huge(pmd) || pmd_devmap(pmd);
}
#endif
