// dax-track-pfn-insert: track_pfn_insert(vma, &prot, pfn) becomes
// pfnmap_setup_cachemode_pfn(pfn, &prot), which takes an unsigned long.
// The automatic rewrite holds from 6.17, where the argument already is an
// unsigned long (the rename's own release is unconfirmed, about 6.16): with
// --release 6.16 the call is left alone (not for this target). With 6.17 the
// result compiles against the 6.17 mock.
// RUN: %clang -fsyntax-only -Wall -Werror -I %mock %s
// RUN: cp %s %t.616.c
// RUN: %daxport fix --release 6.16 --in-place %t.616.c -- -I %mock 2>/dev/null; echo $? > %t.616.rc
// RUN: FileCheck --input-file=%t.616.c %s --check-prefix=R616
// RUN: cp %s %t.617.c
// RUN: %daxport fix --release 6.17 --in-place %t.617.c -- -I %mock 2>/dev/null; echo $? > %t.617.rc
// RUN: FileCheck --input-file=%t.617.c %s --check-prefix=R617
// RUN: %clang -fsyntax-only -Wall -Werror -I %{mock_617} %t.617.c
// RUN: grep -qx 0 %t.617.rc
#include <linux/mm.h>

/* Give the mapping the memory type of the pfn (x86 PAT). */
void drv_setup_prot(struct vm_area_struct *vma, pfn_t pfn)
{
	pgprot_t prot = vma->vm_page_prot;

	track_pfn_insert(vma, &prot, pfn);
// R616: {{^[[:blank:]]+}}track_pfn_insert(vma, &prot, pfn);{{$}}
// R617: {{^[[:blank:]]+}}pfnmap_setup_cachemode_pfn(pfn, &prot);{{$}}
	vma->vm_page_prot = prot;
}
