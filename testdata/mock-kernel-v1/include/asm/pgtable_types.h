/* Self-written mock of <asm/pgtable_types.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_ASM_PGTABLE_TYPES_H
#define _MOCK_ASM_PGTABLE_TYPES_H

#include <linux/types.h>

/* Both targets: 4-level tables, 4K pages (arm64 calls this file pgtable-types.h). */
#if defined(__aarch64__)
typedef u64 pteval_t;
typedef u64 pmdval_t;
typedef u64 pudval_t;
typedef u64 pgdval_t;
typedef u64 pgprotval_t;
#else
typedef unsigned long pteval_t;
typedef unsigned long pmdval_t;
typedef unsigned long pudval_t;
typedef unsigned long pgdval_t;
typedef unsigned long pgprotval_t;
#endif

typedef struct { pteval_t pte; } pte_t;
typedef struct { pmdval_t pmd; } pmd_t;
typedef struct { pudval_t pud; } pud_t;
typedef struct { pgdval_t pgd; } pgd_t;
typedef struct { pgprotval_t pgprot; } pgprot_t;

typedef struct page *pgtable_t;

#define PMD_SHIFT	21
#define PUD_SHIFT	30
#define PGDIR_SHIFT	39
#define PMD_SIZE	(1UL << PMD_SHIFT)
#define PMD_MASK	(~(PMD_SIZE - 1))
#define PUD_SIZE	(1UL << PUD_SHIFT)
#define PUD_MASK	(~(PUD_SIZE - 1))

#endif /* _MOCK_ASM_PGTABLE_TYPES_H */
