/* Self-written mock of <linux/module.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_MODULE_H
#define _MOCK_LINUX_MODULE_H

#include <linux/types.h>
#include <linux/compiler.h>

struct module {
	char name[56];
};

extern struct module __this_module;
#define THIS_MODULE	(&__this_module)

/* Keep a typed reference to the init/exit functions so they count as used. */
#define module_init(initfn)						\
	static inline __maybe_unused int (*__daxmock_initcall(void))(void) \
	{ return initfn; }
#define module_exit(exitfn)						\
	static inline __maybe_unused void (*__daxmock_exitcall(void))(void) \
	{ return exitfn; }

#define __daxmock_cat2(a, b)	a##b
#define __daxmock_cat(a, b)	__daxmock_cat2(a, b)
#define MODULE_INFO(tag, info)						\
	static const char __daxmock_cat(__modinfo_##tag##_, __LINE__)[]	\
		__maybe_unused = #tag "=" info

#define MODULE_LICENSE(lic)	MODULE_INFO(license, lic)
#define MODULE_AUTHOR(who)	MODULE_INFO(author, who)
#define MODULE_DESCRIPTION(d)	MODULE_INFO(description, d)
#define MODULE_ALIAS(a)		MODULE_INFO(alias, a)
#define MODULE_VERSION(v)	MODULE_INFO(version, v)

#define EXPORT_SYMBOL(sym)	extern __typeof__(sym) sym
#define EXPORT_SYMBOL_GPL(sym)	extern __typeof__(sym) sym

#endif /* _MOCK_LINUX_MODULE_H */
