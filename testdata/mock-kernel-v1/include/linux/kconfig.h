/* Self-written mock of <linux/kconfig.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_KCONFIG_H
#define _MOCK_LINUX_KCONFIG_H

/*
 * Stand-in for the generated autoconf.h: a typical x86_64/arm64 DAX-capable
 * configuration.  Each symbol may be pre-set with -D; -DDAXMOCK_NO_DEFAULT_CONFIG
 * turns all defaults off so that the caller chooses every symbol itself.
 */
#ifndef DAXMOCK_NO_DEFAULT_CONFIG
#ifndef CONFIG_MMU
#define CONFIG_MMU 1
#endif
#ifndef CONFIG_64BIT
#define CONFIG_64BIT 1
#endif
#ifndef CONFIG_ARCH_HAS_PTE_DEVMAP
#define CONFIG_ARCH_HAS_PTE_DEVMAP 1
#endif
#ifndef CONFIG_ARCH_HAS_PTE_SPECIAL
#define CONFIG_ARCH_HAS_PTE_SPECIAL 1
#endif
#ifndef CONFIG_FS_DAX
#define CONFIG_FS_DAX 1
#endif
#ifndef CONFIG_DAX
#define CONFIG_DAX 1
#endif
#ifndef CONFIG_ZONE_DEVICE
#define CONFIG_ZONE_DEVICE 1
#endif
#ifndef CONFIG_TRANSPARENT_HUGEPAGE
#define CONFIG_TRANSPARENT_HUGEPAGE 1
#endif
/* Real arm64 does not select this; the mock enables PUD THP on both targets. */
#ifndef CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD
#define CONFIG_HAVE_ARCH_TRANSPARENT_HUGEPAGE_PUD 1
#endif
#endif /* DAXMOCK_NO_DEFAULT_CONFIG */

/*
 * IS_ENABLED(CONFIG_FOO): 1 if CONFIG_FOO is defined to 1, else 0, usable in
 * both #if and C expressions.  A macro defined as 1 pastes into the name of a
 * helper macro that yields "0," so the selector picks its second argument.
 */
#define __daxmock_sel_1				0,
#define __daxmock_pick(unused, chosen, ...)	chosen
#define __daxmock_probe(marker)			__daxmock_pick(marker 1, 0, 0)
#define __daxmock_glue(val)			__daxmock_probe(__daxmock_sel_##val)
#define __daxmock_defined(opt)			__daxmock_glue(opt)

#define IS_BUILTIN(option)	__daxmock_defined(option)
#define IS_MODULE(option)	0
#define IS_ENABLED(option)	__daxmock_defined(option)

#endif /* _MOCK_LINUX_KCONFIG_H */
