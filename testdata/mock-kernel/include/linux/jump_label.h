/* Self-written mock of <linux/jump_label.h> for daxport tests (6.12-era API); not kernel code. */
#ifndef _MOCK_LINUX_JUMP_LABEL_H
#define _MOCK_LINUX_JUMP_LABEL_H

#include <linux/types.h>
#include <linux/atomic.h>

struct static_key_true {
	atomic_t enabled;
};

struct static_key_false {
	atomic_t enabled;
};

#define DECLARE_STATIC_KEY_TRUE(name)	extern struct static_key_true name
#define DECLARE_STATIC_KEY_FALSE(name)	extern struct static_key_false name

#define DEFINE_STATIC_KEY_FALSE(name)	struct static_key_false name = { { 0 } }

#define static_branch_inc(x)		atomic_inc(&(x)->enabled)
#define static_branch_dec(x)		atomic_dec(&(x)->enabled)
#define static_branch_likely(x)		__builtin_expect((x)->enabled.counter != 0, 1)
#define static_branch_unlikely(x)	__builtin_expect((x)->enabled.counter != 0, 0)

#endif /* _MOCK_LINUX_JUMP_LABEL_H */
