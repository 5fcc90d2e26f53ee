/* Self-written mock of <linux/kdev_t.h> for daxport tests (v1-era API); not kernel code. */
#ifndef _MOCK_LINUX_KDEV_T_H
#define _MOCK_LINUX_KDEV_T_H

#define MINORBITS	20
#define MINORMASK	((1U << MINORBITS) - 1)

#define MAJOR(dev)	((unsigned int)((dev) >> MINORBITS))
#define MINOR(dev)	((unsigned int)((dev) & MINORMASK))
#define MKDEV(ma, mi)	(((ma) << MINORBITS) | (mi))

#endif /* _MOCK_LINUX_KDEV_T_H */
