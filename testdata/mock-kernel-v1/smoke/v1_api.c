/* Self-written smoke test of the v1 overlay: the 6.12 mock's headers with the first posting's DAX helpers. */
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/dax.h>
#include <linux/fs.h>

static void v1_cb(struct inode *inode) { (void)inode; }

vm_fault_t v1_uses(struct vm_fault *vmf, pfn_t pfn, struct page *page,
		   struct inode *inode)
{
	vm_fault_t ret = dax_insert_pfn(vmf->vma, vmf->address, pfn, true);

	ret |= dax_insert_pfn_pmd(vmf, pfn, false);
	ret |= dax_insert_pfn_pud(vmf, pfn, false);
	return ret | (vm_fault_t)dax_wait_page_idle(page, v1_cb, inode);
}
