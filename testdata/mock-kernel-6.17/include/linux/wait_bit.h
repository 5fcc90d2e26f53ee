/* Self-written mock of <linux/wait_bit.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_WAIT_BIT_H
#define _MOCK_LINUX_WAIT_BIT_H

#include <linux/types.h>
#include <linux/sched.h>

/* Out-of-line parts of the mock; not kernel API names. */
void __daxmock_var_wait_prepare(void *var, unsigned int state, int exclusive);
void __daxmock_var_wait_finish(void *var);

void wake_up_var(void *var);

/*
 * Sleep on the address @var until @condition holds; @cmd is run each time the
 * condition is false (normally schedule()).  @ret seeds __ret, which @cmd may
 * update; the expression yields __ret.
 */
#define ___wait_var_event(var, condition, state, exclusive, ret, cmd)	\
({									\
	long __ret = (ret);						\
	void *__daxmock_var = (void *)(var);				\
									\
	for (;;) {							\
		__daxmock_var_wait_prepare(__daxmock_var, (state),	\
					   (exclusive));		\
		if (condition)						\
			break;						\
		cmd;							\
	}								\
	__daxmock_var_wait_finish(__daxmock_var);			\
	__ret;								\
})

#define wait_var_event(var, condition)					\
do {									\
	if (condition)							\
		break;							\
	(void)___wait_var_event(var, condition, TASK_UNINTERRUPTIBLE,	\
				0, 0, schedule());			\
} while (0)

#define wait_var_event_killable(var, condition)				\
({									\
	int __daxmock_rc = 0;						\
	if (!(condition))						\
		__daxmock_rc = ___wait_var_event(var, condition,	\
				TASK_KILLABLE, 0, 0, schedule());	\
	__daxmock_rc;							\
})

#endif /* _MOCK_LINUX_WAIT_BIT_H */
