/* Self-written mock of <linux/page-flags.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_PAGE_FLAGS_H
#define _MOCK_LINUX_PAGE_FLAGS_H

#include <linux/mm_types.h>

/* Tail pages store their head pointer with bit 0 set. */
static inline struct page *__daxmock_head(const struct page *page)
{
	unsigned long head = page->compound_head;

	if (head & 1)
		return (struct page *)(head - 1);
	return (struct page *)page;
}

#define compound_head(page)	__daxmock_head(page)
#define page_folio(p)		((struct folio *)__daxmock_head(p))
#define folio_page(folio, n)	(&(folio)->page + (n))

#endif /* _MOCK_LINUX_PAGE_FLAGS_H */
