/*
 * qsoe/abi/sched.h - scheduling policies and struct sched_param with QNX
 * Neutrino's values and 64-bit layout (QNX <sched.h> documentation,
 * rust-lang/libc src/unix/nto/mod.rs).
 *
 * Priorities (QNX): 0 is the idle thread only; user threads run at
 * 1..255 (unprivileged processes are limited to 1..63 by default); the
 * default priority of a new process is 10. Higher numbers run first.
 */
#ifndef QSOE_ABI_SCHED_H
#define QSOE_ABI_SCHED_H

#include <qsoe/abi/time.h>

#define SCHED_NOCHANGE     0 /* SchedSet(): keep the current policy */
#define SCHED_FIFO         1 /* first in, first out */
#define SCHED_RR           2 /* round robin */
#define SCHED_OTHER        3 /* currently round robin */
#define SCHED_SPORADIC     4 /* sporadic server */
#define SCHED_ADJTOHEAD    5 /* SchedSet(): move to the head of its ready queue */
#define SCHED_ADJTOTAIL    6 /* SchedSet(): move to the tail of its ready queue */
#define SCHED_MAXPOLICY    7 /* upper bound of the policy numbers */
#define SCHED_SETPRIO      7 /* SchedSet(): change only the priority */

#define _QSOE_PRIO_IDLE    0   /* the idle thread's priority */
#define _QSOE_PRIO_MIN     1   /* lowest user priority */
#define _QSOE_PRIO_MAX     255 /* highest priority */
#define _QSOE_PRIO_DEFAULT 10  /* default priority of a new process */

/*
 * Scheduling parameters. 48 bytes: sched_priority 0, sched_curpriority 4,
 * the sporadic-server fields from 8 (low priority 8, max replenishments 12,
 * replenishment period 16, initial budget 32).
 */
struct sched_param {
	int sched_priority;    /* requested priority */
	int sched_curpriority; /* current (possibly boosted) priority; output only */
	union {
		int __reserved[10];
		struct {
			int __ss_low_priority;
			int __ss_max_repl;
			struct timespec __ss_repl_period;
			struct timespec __ss_init_budget;
		} __ss;
	} __ss_un;
};
#define sched_ss_low_priority __ss_un.__ss.__ss_low_priority
#define sched_ss_max_repl     __ss_un.__ss.__ss_max_repl
#define sched_ss_repl_period  __ss_un.__ss.__ss_repl_period
#define sched_ss_init_budget  __ss_un.__ss.__ss_init_budget

#endif /* QSOE_ABI_SCHED_H */
