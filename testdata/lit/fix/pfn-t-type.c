// dax-pfn-t-type, mainline 6.17: pfn_t becomes unsigned long in every spelling
// (variables, several declarators, parameters, pointers, arrays, qualifiers,
// fields, returns, function pointer types, typedefs, casts, sizeof, a macro
// body and a macro argument); kvm_pfn_t is another type and stays.
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.c
// RUN: %daxport fix --in-place %t.c -- -I %mock 2> %t.err; echo $? > %t.rc
// RUN: FileCheck --input-file=%t.c %s --check-prefix=FIXED
// RUN: FileCheck --input-file=%t.err %s --check-prefix=NOTES --implicit-check-not="not rewritten"
// RUN: %clang -fsyntax-only -Wall -Werror -I %{mock_617} %t.c
// RUN: grep -qx 0 %t.rc
#include <linux/mm.h>
#include <linux/kvm_types.h>
// NOTES: daxport fix: {{[0-9]+}} findings rewritten with {{[0-9]+}} edits in 1 files{{$}}

typedef pfn_t drv_pfn_t;
// FIXED: {{^}}typedef unsigned long drv_pfn_t;{{$}}
typedef long (*drv_xlate_fn)(void *ctx, pgoff_t pgoff, pfn_t *pfnp);
// FIXED: {{^}}typedef long (*drv_xlate_fn)(void *ctx, pgoff_t pgoff, unsigned long *pfnp);{{$}}

#define DRV_DECLARE_PFN(name) pfn_t name
// FIXED: {{^}}#define DRV_DECLARE_PFN(name) unsigned long name{{$}}
#define DRV_VAR(type, name) type name

struct drv_map {
	pfn_t pfn;
// FIXED: {{^[[:blank:]]+}}unsigned long pfn;{{$}}
	pfn_t *pfnp;
// FIXED: {{^[[:blank:]]+}}unsigned long *pfnp;{{$}}
	pfn_t pfns[4];
// FIXED: {{^[[:blank:]]+}}unsigned long pfns[4];{{$}}
	const pfn_t *cpfn;
// FIXED: {{^[[:blank:]]+}}const unsigned long *cpfn;{{$}}
	pfn_t (*get)(struct drv_map *m);
// FIXED: {{^[[:blank:]]+}}unsigned long (*get)(struct drv_map *m);{{$}}
	long (*xlate)(void *ctx, pgoff_t pgoff, pfn_t *pfnp);
// FIXED: {{^[[:blank:]]+}}long (*xlate)(void *ctx, pgoff_t pgoff, unsigned long *pfnp);{{$}}
	kvm_pfn_t kpfn;
// FIXED: {{^[[:blank:]]+}}kvm_pfn_t kpfn;{{$}}
};

static pfn_t drv_last, drv_prev;
// FIXED: {{^}}static unsigned long drv_last, drv_prev;{{$}}
DRV_DECLARE_PFN(drv_macro_pfn);
// FIXED: {{^}}DRV_DECLARE_PFN(drv_macro_pfn);{{$}}
DRV_VAR(pfn_t, drv_arg_pfn);
// FIXED: {{^}}DRV_VAR(unsigned long, drv_arg_pfn);{{$}}

extern pfn_t drv_lookup(struct drv_map *m, pgoff_t pgoff);
// FIXED: {{^}}extern unsigned long drv_lookup(struct drv_map *m, pgoff_t pgoff);{{$}}

pfn_t drv_get(struct drv_map *m, pfn_t in, pfn_t *out, drv_xlate_fn fn)
// The edits make the line longer than 80 columns: wrapped after the last
// comma that fits, aligned with the parenthesis (two tabs, six spaces).
// FIXED: {{^}}unsigned long drv_get(struct drv_map *m, unsigned long in, unsigned long *out,{{$}}
// FIXED-NEXT: {{^}}{{		      }}drv_xlate_fn fn){{$}}
{
	pfn_t a, *b = &a;
// FIXED: {{^[[:blank:]]+}}unsigned long a, *b = &a;{{$}}
	volatile pfn_t c = in;
// FIXED: {{^[[:blank:]]+}}volatile unsigned long c = in;{{$}}
	pfn_t const *d = m->pfnp ? m->pfnp : b;
// FIXED: {{^[[:blank:]]+}}unsigned long const *d = m->pfnp ? m->pfnp : b;{{$}}
	unsigned long n = sizeof(pfn_t) + sizeof(struct drv_map);
// FIXED: {{^[[:blank:]]+}}unsigned long n = sizeof(unsigned long) + sizeof(struct drv_map);{{$}}
	void *raw = m->pfns;
	kvm_pfn_t k = m->kpfn;
// FIXED: {{^[[:blank:]]+}}kvm_pfn_t k = m->kpfn;{{$}}

	*b = *d;
	*out = *(pfn_t *)raw;
// FIXED: {{^[[:blank:]]+}}*out = *(unsigned long *)raw;{{$}}
	drv_prev = drv_last;
	drv_last = drv_macro_pfn = drv_arg_pfn = m->get(m);
	if (fn(m, 0, &drv_last) < 0 || k)
		return drv_lookup(m, 0);
	return n ? a : c;
}
