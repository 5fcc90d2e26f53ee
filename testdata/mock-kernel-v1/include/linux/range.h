/* Self-written mock of <linux/range.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_RANGE_H
#define _MOCK_LINUX_RANGE_H

#include <linux/types.h>

/* An inclusive [start, end] range of physical addresses. */
struct range {
	u64 start;
	u64 end;
};

static inline u64 range_len(const struct range *range)
{
	return range->end - range->start + 1;
}

#endif /* _MOCK_LINUX_RANGE_H */
