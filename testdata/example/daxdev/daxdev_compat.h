/* daxdev_compat.h - self-written example driver for daxport tests: version compat. */
#ifndef _DAXDEV_COMPAT_H
#define _DAXDEV_COMPAT_H

#include <linux/version.h>
#include <linux/mm.h>

/*
 * DAXDEV_HAVE_PFN_T is normally written to daxdev_config.h by the configure
 * step, which test-compiles a file declaring a pfn_t.  Builds without that
 * step fall back to the release number.
 */
#ifndef DAXDEV_HAVE_PFN_T
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 17, 0)
#define DAXDEV_HAVE_PFN_T	1
#else
#define DAXDEV_HAVE_PFN_T	0
#endif
#endif

#if DAXDEV_HAVE_PFN_T
#include <linux/pfn_t.h>
#endif

/* Huge mappings of device pages need the special page-table bit. */
#ifndef CONFIG_ARCH_HAS_PTE_DEVMAP
#error "daxdev: this architecture cannot map device pages with huge entries"
#endif

#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 17, 0)
/*
 * The pfn_t wrapper, its flags and the devmap page-table bit are gone:
 * keep the old spelling inside the driver and hand plain pfns to the core.
 */
typedef struct {
	u64 val;
} pfn_t;

#define PFN_DEV		(1ULL << 61)
#define PFN_MAP		(1ULL << 60)

static inline unsigned long pfn_t_to_pfn(pfn_t pfn)
{
	return (unsigned long)(pfn.val & ~(PFN_DEV | PFN_MAP));
}

static inline pfn_t phys_to_pfn_t(phys_addr_t phys, u64 flags)
{
	pfn_t pfn = { .val = PHYS_PFN(phys) | flags };

	return pfn;
}

#define pfn_t_devmap(pfn)	(((pfn).val & (PFN_DEV | PFN_MAP)) == (PFN_DEV | PFN_MAP))
#define pmd_devmap(pmd)		0
#define pud_devmap(pud)		0

#define DAXDEV_INSERT_PTE(vmf, pfn, write)					\
	((write) ? vmf_insert_mixed_mkwrite((vmf)->vma, (vmf)->address,	\
					    pfn_t_to_pfn(pfn)) :		\
		   vmf_insert_mixed((vmf)->vma, (vmf)->address, pfn_t_to_pfn(pfn)))
#else
#define DAXDEV_INSERT_PTE(vmf, pfn, write)					\
	((write) ? vmf_insert_mixed_mkwrite((vmf)->vma, (vmf)->address, (pfn)) : \
		   vmf_insert_mixed((vmf)->vma, (vmf)->address, (pfn)))
#endif /* 6.17 */

/* class_create() lost its module argument in 6.4. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
#define daxdev_class_create(name)	class_create(name)
#else
#define daxdev_class_create(name)	class_create(THIS_MODULE, name)
#endif

/* Before 6.11 platform ->remove returned int. */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 11, 0)
#define DAXDEV_REMOVE_RET	void
#define DAXDEV_REMOVE_DONE	return
#else
#define DAXDEV_REMOVE_RET	int
#define DAXDEV_REMOVE_DONE	return 0
#endif

#endif /* _DAXDEV_COMPAT_H */
