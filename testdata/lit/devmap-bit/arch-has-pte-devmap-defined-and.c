// #if defined(CONFIG_ARCH_HAS_PTE_DEVMAP) && X: dax-arch-has-pte-devmap-conditional.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

// CHECK: arch-has-pte-devmap-defined-and.c:[[@LINE+1]]:13: warning: CONFIG_ARCH_HAS_PTE_DEVMAP no longer exists from 6.17; evaluate this condition with it undefined [dax-arch-has-pte-devmap-conditional]
#if defined(CONFIG_ARCH_HAS_PTE_DEVMAP) && defined(CONFIG_TRANSPARENT_HUGEPAGE)
// CHECK: class: mechanical; status: analysed; confidence: high; configurations: default{{$}}
int drv_devmap_thp = 1;
#else
int drv_devmap_thp;
#endif
