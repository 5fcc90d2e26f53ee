/* Self-written mock of <linux/string.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_STRING_H
#define _MOCK_LINUX_STRING_H

#include <linux/types.h>

void *memset(void *s, int c, size_t n);
void *memcpy(void *dest, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

#endif /* _MOCK_LINUX_STRING_H */
