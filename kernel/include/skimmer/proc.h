/*
 * proc.h - the process object.
 *
 * A process owns an address space, threads, channels, connections and
 * timers. taskman creates processes (ProcCreate), tears them down
 * (ProcDestroy) and collects their exit information (ProcWait); the
 * kernel keeps a dead process as a zombie until then. p->lock protects
 * the tables and the thread list. Lock order: proc lock, then object
 * locks (channel, waitq), then aspace lock, then the page allocator.
 */
#ifndef SKIMMER_PROC_H
#define SKIMMER_PROC_H

#include <skimmer/idtab.h>
#include <skimmer/kobj.h>
#include <skimmer/list.h>
#include <skimmer/signal.h>
#include <skimmer/spinlock.h>
#include <skimmer/waitq.h>

struct aspace;
struct ptimer;
struct thread;

#define PROC_NAME_MAX 32 /* debug name kept by the kernel (taskman keeps the full path) */

/* p->state */
#define PROC_ALIVE  0
#define PROC_DYING  1 /* threads are being killed */
#define PROC_ZOMBIE 2 /* all resources released; exit info not yet collected */

/* p->flags */
#define PROC_F_SYSMGR 0x1u /* the process manager: may make [priv] kernel calls */

#define CRED_NGROUPS  8 /* supplementary groups kept by the kernel (QNX __NGROUPS_MAX) */

struct cred {
	uid_t ruid, euid, suid;
	gid_t rgid, egid, sgid;
	uint32_t ngroups;
	gid_t groups[CRED_NGROUPS];
};

struct process {
	struct kobj kobj;
	spinlock_t lock;
	pid_t pid;
	pid_t ppid;
	pid_t pgid, sid; /* mirrored from taskman (ProcSetPgrp) for group signals */
	int state;
	uint32_t flags;
	char name[PROC_NAME_MAX];
	struct cred cred;
	struct aspace *as;

	struct idtab threads; /* tid -> struct thread (tids start at 1) */
	struct list thread_list;
	unsigned nthreads;    /* threads not yet exited */
	struct waitq join_wq; /* ThreadJoin callers (lock order: join_wq, then lock) */

	/* Message passing (ipc.h). */
	struct idtab channels;   /* chid -> struct channel (chids start at 1) */
	struct idtab coids;      /* coid -> struct connection */
	struct idtab side_coids; /* coid - _NTO_SIDE_CHANNEL -> struct connection */
	struct idtab scoids;     /* scoid -> struct sconn, this process as server */
	int coid_death_chid;     /* channel with _NTO_CHF_COID_DISCONNECT, 0 if none */
	int thread_death_chid;   /* channel with _NTO_CHF_THREAD_DEATH, 0 if none */

	struct proc_signals sig; /* actions, pending signals, job control (signal.h) */

	/* Interrupts, timers, clocks (irq.h, ptimer.h). */
	struct idtab irqs;       /* interrupt id -> struct irq_attach (ids start at 1) */
	struct waitq intr_wq;    /* threads in InterruptWait (STATE_INTR) */
	struct idtab timers;     /* timer id -> struct ptimer (ids start at 1) */
	struct ptimer *alarm;    /* TimerAlarm's timer, NULL until used */
	struct waitq sleep_wq;   /* threads in TimerTimeout(_NTO_TIMEOUT_NANOSLEEP) */
	uint64_t dead_run_ticks; /* CPU time of its threads that have ended */

	int exit_status;         /* wait status (QNX/POSIX encoding) */
	struct list zombie_link; /* on the zombie list while PROC_ZOMBIE */
};

void proc_init(void);

/* Creates an empty process (no threads). Returns it or NULL with *err set. */
struct process *proc_create(const char *name, pid_t ppid, uint32_t flags, int *err);

/* The next live process with pid > after (reference taken), or NULL. */
struct process *proc_next(pid_t after);

/* Looks up a live process and takes a reference; NULL if none. */
struct process *proc_get(pid_t pid);
static inline void proc_put(struct process *p)
{
	kobj_put(&p->kobj);
}

/*
 * Starts tearing p down with wait status 'status' (as if by exit/kill).
 * Safe to call more than once; the first status wins.
 */
void proc_terminate(struct process *p, int status);

/* Called when a thread of p has exited; the last one completes the teardown. */
void proc_thread_exited(struct process *p);

/* Reports a fatal user fault of thread t and terminates its process. */
void proc_fault(struct thread *t, const char *what, uint64_t addr, int signo);

#endif
