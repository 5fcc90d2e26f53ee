/* Self-written mock for daxport tests: <linux/pfn_t.h> is deleted in 6.17; this stub stops the 6.12 mock behind it in the include path from being found. */
#error "<linux/pfn_t.h> does not exist in Linux 6.17 (mm: remove pfn_t)"
