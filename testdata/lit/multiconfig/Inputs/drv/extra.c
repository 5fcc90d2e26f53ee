/* Compiled only in the x86_64 configuration. */
#include "drv.h"

int drv_extra(pte_t pte)
{
	return pte_devmap(pte);
}
