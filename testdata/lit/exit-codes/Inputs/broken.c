/* A unit with a syntax error at line 8, column 12, after a finding. */
#include <linux/pfn_t.h>

static pfn_t broken_pfn;

int broken(void)
{
	return 1 +;
}
