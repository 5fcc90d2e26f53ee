/* A unit that parses, with one finding. */
#include <linux/mm.h>

int good(pte_t pte)
{
	return pte_devmap(pte);
}
