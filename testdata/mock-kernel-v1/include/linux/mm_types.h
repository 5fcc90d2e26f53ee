/* Self-written mock of <linux/mm_types.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_MM_TYPES_H
#define _MOCK_LINUX_MM_TYPES_H

#include <linux/types.h>
#include <asm/pgtable_types.h>

struct address_space;
struct dev_pagemap;
struct file;
struct vm_operations_struct;

struct page {
	unsigned long flags;
	union {
		struct {	/* page cache, anonymous and DAX pages */
			struct list_head lru;
			struct address_space *mapping;
			pgoff_t index;
			unsigned long private;
		};
		struct {	/* ZONE_DEVICE pages */
			void *__zd_pad;
			struct dev_pagemap *pgmap;
			void *zone_device_data;
		};
		struct {	/* tail pages of compound pages */
			unsigned long compound_head;
		};
	};
	atomic_t _mapcount;
	atomic_t _refcount;
};

/* A folio overlays its head page. */
struct folio {
	union {
		struct {
			unsigned long flags;
			struct list_head lru;
			struct address_space *mapping;
			pgoff_t index;
			void *private;
			atomic_t _mapcount;
			atomic_t _refcount;
		};
		struct page page;
	};
};

struct mm_struct {
	unsigned long task_size;
	pgd_t *pgd;
	atomic_t mm_users;
	atomic_t mm_count;
};

typedef unsigned long vm_flags_t;

struct vm_area_struct {
	unsigned long vm_start;
	unsigned long vm_end;
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;
	union {		/* write through vm_flags_set()/vm_flags_clear() */
		const vm_flags_t vm_flags;
		vm_flags_t __vm_flags;
	};
	unsigned long vm_pgoff;
	struct file *vm_file;
	void *vm_private_data;
	const struct vm_operations_struct *vm_ops;
};

typedef unsigned int __bitwise vm_fault_t;

enum vm_fault_reason {
	VM_FAULT_OOM		= (__force vm_fault_t)0x000001,
	VM_FAULT_SIGBUS		= (__force vm_fault_t)0x000002,
	VM_FAULT_MAJOR		= (__force vm_fault_t)0x000004,
	VM_FAULT_HWPOISON	= (__force vm_fault_t)0x000010,
	VM_FAULT_HWPOISON_LARGE	= (__force vm_fault_t)0x000020,
	VM_FAULT_SIGSEGV	= (__force vm_fault_t)0x000040,
	VM_FAULT_NOPAGE		= (__force vm_fault_t)0x000100,
	VM_FAULT_LOCKED		= (__force vm_fault_t)0x000200,
	VM_FAULT_RETRY		= (__force vm_fault_t)0x000400,
	VM_FAULT_FALLBACK	= (__force vm_fault_t)0x000800,
	VM_FAULT_DONE_COW	= (__force vm_fault_t)0x001000,
	VM_FAULT_NEEDDSYNC	= (__force vm_fault_t)0x002000,
	VM_FAULT_COMPLETED	= (__force vm_fault_t)0x004000,
};

#define VM_FAULT_ERROR	(VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV |	\
			 VM_FAULT_HWPOISON | VM_FAULT_HWPOISON_LARGE | VM_FAULT_FALLBACK)

enum fault_flag {
	FAULT_FLAG_WRITE		= 1 << 0,
	FAULT_FLAG_MKWRITE		= 1 << 1,
	FAULT_FLAG_ALLOW_RETRY		= 1 << 2,
	FAULT_FLAG_RETRY_NOWAIT		= 1 << 3,
	FAULT_FLAG_KILLABLE		= 1 << 4,
	FAULT_FLAG_TRIED		= 1 << 5,
	FAULT_FLAG_USER			= 1 << 6,
	FAULT_FLAG_REMOTE		= 1 << 7,
	FAULT_FLAG_INSTRUCTION		= 1 << 8,
	FAULT_FLAG_INTERRUPTIBLE	= 1 << 9,
};

#endif /* _MOCK_LINUX_MM_TYPES_H */
