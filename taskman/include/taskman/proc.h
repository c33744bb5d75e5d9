/*
 * proc.h - taskman's process table: the POSIX view of every process
 * (parent and children, process group, session, credentials, exit status
 * and pending waits). The kernel knows only what taskman mirrors into it
 * (seam_set_cred, seam_set_pgrp).
 *
 * One lock, tm_proc_lock, protects the table, every struct tm_proc, the
 * sessions and the waiter lists. Functions named *_locked expect it held.
 */
#ifndef TASKMAN_PROC_H
#define TASKMAN_PROC_H

#include <taskman/taskman.h>

enum {
	TM_PS_EMBRYO,  /* being spawned */
	TM_PS_RUNNING, /* alive */
	TM_PS_ZOMBIE,  /* ended; kept until its parent waits */
};

/* tm_proc.flags */
#define TM_PF_NOZOMBIE 0x01 /* nobody waits: no zombie, no SIGCHLD */
#define TM_PF_FAILED   0x02 /* spawn failed after ProcCreate: reap silently */
#define TM_PF_STOPPED  0x04 /* stopped (job control) */
#define TM_PF_EV_STOP  0x08 /* a stop not yet reported to a waiting parent */
#define TM_PF_EV_CONT  0x10 /* a continue not yet reported */
#define TM_PF_BOOT     0x20 /* started by taskman itself (tm_boot_child_ended) */

/* tm_proc.hold: what a held spawn reply waits for */
#define TM_HOLD_NONE    0
#define TM_HOLD_STARTED 1 /* TM_STARTED (inherited descriptors) */
#define TM_HOLD_DAEMON  2 /* TM_DAEMON (TM_SPAWN_HOLD) */

/* A TM_WAIT that could not be answered yet. */
struct tm_waiter {
	struct tm_waiter *next;
	rcvid_t rcvid;
	int subtype; /* TM_WAIT_PID / TM_WAIT_ID */
	int idtype;  /* TM_P_* */
	pid_t id;
	int options;
};

struct tm_session {
	pid_t sid;
	int refs;   /* processes in it */
	char *ctty; /* controlling terminal's path, or NULL */
};

struct tm_proc {
	struct tm_proc *hnext; /* hash chain */
	struct tm_proc *parent;
	struct tm_proc *children; /* first child */
	struct tm_proc *sibling;  /* next child of the parent */
	pid_t pid;
	pid_t pgid;
	struct tm_session *sess;
	struct tm_cred cred;
	int state; /* TM_PS_* */
	unsigned flags;
	int status;                /* wait status (zombie: how it ended; EV_STOP: the stop) */
	struct tm_waiter *waiters; /* this process's own pending waits */
	rcvid_t hold_rcvid;        /* the parent's deferred spawn reply */
	int hold;                  /* TM_HOLD_* */
	int start_status;          /* status from TM_STARTED */
	int holder; /* the kernel gave this pid to a new process: taskman keeps that (empty)
	               process as a placeholder so the pid is not reused while this entry
	               exists, and destroys it with the entry */
	char name[64];
	uint64_t start_ns; /* CLOCK_MONOTONIC when the entry was made (the spawn) */
	char *args;        /* argv as spawned: NUL-separated strings (malloc'd; NULL if unknown) */
	size_t args_len;   /* bytes in args */
};

extern tm_lock_t tm_proc_lock;

/* Sets up the table with taskman itself (pid 1, root, session and group 1). */
void tm_proc_init(pid_t self);

/* The process pid, or NULL. */
struct tm_proc *tm_proc_find_locked(pid_t pid);

/*
 * Adds a new process (state EMBRYO) as a child of parent, in group pgid and
 * session sid (a new session is created when sid == pid). Returns the entry
 * or NULL (out of memory).
 */
struct tm_proc *tm_proc_add_locked(pid_t pid, struct tm_proc *parent, pid_t pgid, pid_t sid,
                                   const struct tm_cred *cred, const char *name);

/*
 * A malloc'd copy of process pid's argv as spawned (NUL-separated strings,
 * *len bytes). Returns 0, -ESRCH (no such process) or -ENOENT (unknown,
 * e.g. taskman itself; or out of memory).
 */
int tm_proc_args(pid_t pid, char **buf, size_t *len);

/* When process pid was spawned (CLOCK_MONOTONIC ns) in *ns; 0 or -ESRCH. */
int tm_proc_start(pid_t pid, uint64_t *ns);

/* Unlinks p from its parent and the table and frees it (with its waiters). */
void tm_proc_free_locked(struct tm_proc *p);

/*
 * proc.c, placeholders whose end is still to come (see struct ghost):
 * tm_ghost_claim_locked: the kernel has just given pid to a new process;
 * returns 1 (and keeps that process as the next placeholder) if pid
 * belongs to such an end, so the caller must not use it.
 * tm_ghost_end_locked: the reaper's report for pid; returns 1 if it is a
 * placeholder's end, to be dropped (a placeholder kept meanwhile is
 * destroyed in turn). Both with tm_proc_lock held.
 */
int tm_ghost_claim_locked(pid_t pid);
int tm_ghost_end_locked(pid_t pid);

/* Moves p into session sid (creating it if new). Returns 0 or -ENOMEM. */
int tm_proc_set_session_locked(struct tm_proc *p, pid_t sid);

/*
 * Calls fn(p, arg) for every process until fn returns nonzero; returns
 * that value (0 if fn never stopped the walk). fn must not add or free
 * processes.
 */
int tm_proc_foreach_locked(int (*fn)(struct tm_proc *p, void *arg), void *arg);

/* True if some process has process group pgid in session sid (sid 0: any). */
int tm_pgrp_exists_locked(pid_t pgid, pid_t sid);

/* The pid of init (orphans' new parent); taskman's own pid if none. */
pid_t tm_init_pid(void);
void tm_set_init_pid(pid_t pid);

/* True if pid is in the table and neither being spawned nor a zombie. */
int tm_proc_running(pid_t pid);

/* Copies the credentials of pid; returns 0 or -ESRCH. */
int tm_proc_cred(pid_t pid, struct tm_cred *cred);

/* The controlling terminal of pid's session into buf; 0, -ESRCH, -ENXIO (none). */
int tm_proc_ctty(pid_t pid, char *buf, size_t size);

/* Process pid's name, parent, group, session and state; 0 or -ESRCH. */
int tm_proc_describe(pid_t pid, struct tm_procent *ent);

/*
 * Fills pids with up to max pids >= from in increasing order; returns how
 * many there are in all (may exceed max).
 */
size_t tm_proc_pids(pid_t from, pid_t *pids, size_t max);

/* wait.c: a child of p changed state; answers p's matching waiters. */
void tm_wait_child_event_locked(struct tm_proc *parent);

/*
 * wait.c: the client of rcvid wants to unblock (a signal): a blocking
 * TM_WAIT it sent is answered EINTR, and so is a spawn still waiting for
 * (or being read by) a loader thread (loadq.c). Anything else it may be
 * waiting for is answered normally (a held spawn is not interruptible).
 */
void tm_unblock(rcvid_t rcvid);

/* wait.c: answers ECHILD to p's waiters that no child of p can satisfy any more. */
void tm_wait_recheck_locked(struct tm_proc *parent);

/*
 * exit.c: the bookkeeping when the kernel reports that pid ended with a
 * wait status (the reaper thread calls it). Stop and continue statuses
 * (WIFSTOPPED, WIFCONTINUED), should a kernel report them, become job
 * control events instead.
 */
void tm_proc_ended(pid_t pid, int status);

/* exit.c: a process was created in the kernel; the reaper will collect its end. */
void tm_reaper_account(void);

/* exit.c: the reaper thread's loop (never returns). */
__attribute__((noreturn)) void tm_reaper_loop(void);

#endif
