/* A unit with a syntax error at line 9, column 35, after a finding (in a body
   that mentions a rule symbol: bodies without one are not parsed). */
#include <linux/pfn_t.h>

static pfn_t broken_pfn;

int broken(void)
{
	return pfn_t_to_pfn(broken_pfn) +;
}
