/* Compiled in both configurations; its only finding is in drv.h. */
#include "drv.h"

int drv_main(pmd_t pmd)
{
	return drv_huge(pmd);
}
