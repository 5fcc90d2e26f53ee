// #ifdef / #ifndef CONFIG_ARCH_HAS_PTE_DEVMAP: dax-arch-has-pte-devmap-conditional
// (mechanical), at the symbol in the directive.
// RUN: %daxport scan %s -- -I %mock > %t; test $? -eq 1
// RUN: FileCheck %s --input-file=%t --implicit-check-not=warning:
#include <linux/mm.h>

// CHECK: arch-has-pte-devmap-ifdef.c:[[@LINE+1]]:8: warning: CONFIG_ARCH_HAS_PTE_DEVMAP no longer exists from 6.17; evaluate this condition with it undefined [dax-arch-has-pte-devmap-conditional]
#ifdef CONFIG_ARCH_HAS_PTE_DEVMAP
// CHECK-NEXT: {{^}}#ifdef CONFIG_ARCH_HAS_PTE_DEVMAP{{$}}
// CHECK-NEXT: {{^}}       ^{{$}}
// CHECK-NEXT: class: mechanical; status: analysed; confidence: high; configurations: default{{$}}
int drv_has_devmap = 1;
#endif

// CHECK: arch-has-pte-devmap-ifdef.c:[[@LINE+1]]:9: warning: CONFIG_ARCH_HAS_PTE_DEVMAP no longer exists {{.*}} [dax-arch-has-pte-devmap-conditional]
#ifndef CONFIG_ARCH_HAS_PTE_DEVMAP
int drv_no_devmap = 1;
#endif
