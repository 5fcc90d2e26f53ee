/* Self-written mock of <linux/sched.h> for daxport tests (6.17-era API); not kernel code. */
#ifndef _MOCK_LINUX_SCHED_H
#define _MOCK_LINUX_SCHED_H

#include <linux/types.h>

#define TASK_RUNNING		0x00000000
#define TASK_INTERRUPTIBLE	0x00000001
#define TASK_UNINTERRUPTIBLE	0x00000002
#define TASK_KILLABLE		(0x00000100 | TASK_UNINTERRUPTIBLE)

#define TASK_COMM_LEN		16

struct task_struct {
	unsigned int __state;
	int pid;
	char comm[TASK_COMM_LEN];
};

struct task_struct *get_current(void);
#define current get_current()

void schedule(void);
long schedule_timeout(long timeout);
int cond_resched(void);
int signal_pending(struct task_struct *p);

#endif /* _MOCK_LINUX_SCHED_H */
