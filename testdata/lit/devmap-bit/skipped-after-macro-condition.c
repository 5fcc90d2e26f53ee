// An #if condition that ends in a macro expansion ("... && MYFLAG") has its
// end location in the macro, not in the file: the condition is scanned to the
// end of its directive line only, so a definition in a block the
// preprocessor skipped further down stays "not compiled" (it was once
// reported as analysed, the scan having run on to the end of the file).
// RUN: %daxport scan %s --format json -o %t.json -q -- -DCONFIG_X; test $? -eq 1
// RUN: python3 -c "import json,sys; [print(f['line'], f['rule'], f['status']) for f in json.load(open(sys.argv[1]))['findings']]" %t.json | FileCheck %s
#define MYFLAG 1
#if defined(CONFIG_X) && MYFLAG
int skipped_after_macro_condition_a;
#endif
#ifndef CONFIG_X
// CHECK: [[@LINE+1]] dax-devmap-definition not-compiled
static inline int pmd_devmap_tests(int x)
{
	return x;
}
#endif
