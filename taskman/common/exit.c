/*
 * exit.c - what happens when a process ends (docs/taskman.md, "Processes
 * ending"): the reaper thread learns every end from the kernel and does
 * the bookkeeping.
 */
#include <errno.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <taskman/fs.h>
#include <taskman/proc.h>
#include <taskman/seam.h>

/*
 * One unit per process the kernel has that the reaper has not collected:
 * the kernel's "wait for any" fails at once when taskman has no child, so
 * the reaper first waits here for there to be one.
 */
static sync_t live_sem = {{0}, _NTO_SYNC_SEM};

/* One more kernel process whose end the reaper must collect. */
void tm_reaper_account(void)
{
	__qsoe_sem_post(&live_sem);
}

/* p stopped (status WIFSTOPPED) or continued (0xffff): a job-control event. */
static void job_event_locked(struct tm_proc *p, int status)
{
	if (WIFCONTINUED(status)) {
		if (!(p->flags & TM_PF_STOPPED))
			return;
		p->flags &= ~(TM_PF_STOPPED | TM_PF_EV_STOP);
		p->flags |= TM_PF_EV_CONT;
	} else {
		p->flags |= TM_PF_STOPPED | TM_PF_EV_STOP;
		p->flags &= ~TM_PF_EV_CONT;
		p->status = status;
	}
	if (p->parent)
		tm_wait_child_event_locked(p->parent);
}

/*
 * Gives p's children to init (or to taskman if there is no init or p is
 * init). Zombies among them are reported to init, or freed if taskman
 * takes them.
 */
static void reparent_children_locked(struct tm_proc *p)
{
	struct tm_proc *np = tm_proc_find_locked(tm_init_pid());

	if (np == NULL || np == p || np->state != TM_PS_RUNNING)
		np = tm_proc_find_locked(SYSMGR_PID);
	int zombies = 0;
	while (p->children) {
		struct tm_proc *c = p->children;
		if (c->state == TM_PS_ZOMBIE && np->pid == SYSMGR_PID) {
			tm_proc_free_locked(c); /* taskman waits for nobody */
			continue;
		}
		p->children = c->sibling;
		c->parent = np;
		c->sibling = np->children;
		np->children = c;
		zombies += c->state == TM_PS_ZOMBIE;
	}
	if (zombies)
		tm_wait_child_event_locked(np);
}

/* Sends parent SIGCHLD for child's wait status (exit, kill, stop or continue). */
static void sigchld_to(pid_t parent, pid_t child, int status)
{
	int code, value;

	if (WIFCONTINUED(status)) {
		code = CLD_CONTINUED;
		value = SIGCONT;
	} else if (WIFSTOPPED(status)) {
		code = CLD_STOPPED;
		value = WSTOPSIG(status);
	} else if (WIFEXITED(status)) {
		code = CLD_EXITED;
		value = WEXITSTATUS(status);
	} else {
		code = WCOREDUMP(status) ? CLD_DUMPED : CLD_KILLED;
		value = WTERMSIG(status);
	}
	int r = seam_sigchld(parent, child, code, value);
	if (r < 0 && r != -ENOSYS && r != -ESRCH)
		tm_log("SIGCHLD to %d failed: error %d\n", parent, -r);
}

/*
 * The reaper's bookkeeping for one kernel report (see proc.h). Takes
 * tm_proc_lock; SIGCHLD and the boot hook run after it is released.
 */
void tm_proc_ended(pid_t pid, int status)
{
	tm_lock(&tm_proc_lock);
	if (tm_ghost_end_locked(pid)) { /* a placeholder's end, not this pid's new owner's */
		tm_unlock(&tm_proc_lock);
		return;
	}
	struct tm_proc *p = tm_proc_find_locked(pid);
	if (p == NULL || p->state == TM_PS_ZOMBIE) {
		tm_unlock(&tm_proc_lock);
		return;
	}
	if (WIFSTOPPED(status) || WIFCONTINUED(status)) {
		pid_t ppid = p->parent ? p->parent->pid : 0;
		int nozombie = (p->flags & TM_PF_NOZOMBIE) != 0;
		job_event_locked(p, status);
		tm_unlock(&tm_proc_lock);
		if (ppid > SYSMGR_PID && !nozombie)
			sigchld_to(ppid, pid, status);
		return;
	}
	if (p->flags & TM_PF_FAILED) {
		struct tm_proc *parent = p->parent;
		tm_proc_free_locked(p);
		if (parent)
			tm_wait_recheck_locked(parent);
		tm_unlock(&tm_proc_lock);
		tm_path_remove_pid(pid);
		return;
	}
	p->state = TM_PS_ZOMBIE;
	p->status = status;
	p->flags &= ~(TM_PF_STOPPED | TM_PF_EV_STOP | TM_PF_EV_CONT);
	if (p->hold != TM_HOLD_NONE) {
		struct tm_spawn_reply r = {.pid = pid, .status = -1};
		tm_reply(p->hold_rcvid, pid, &r, sizeof(r));
		p->hold = TM_HOLD_NONE;
	}
	while (p->waiters) { /* its own waits: nobody is left to answer */
		struct tm_waiter *w = p->waiters;
		p->waiters = w->next;
		free(w);
	}
	if (p->sess->sid == p->pid && p->sess->ctty) {
		/* the controlling process ended: the terminal is free again */
		free(p->sess->ctty);
		p->sess->ctty = NULL;
	}
	reparent_children_locked(p);

	struct tm_proc *parent = p->parent;
	int boot = (p->flags & TM_PF_BOOT) != 0;
	pid_t ppid = parent ? parent->pid : 0;
	int sigchld = 0;
	if (parent == NULL || parent->pid == SYSMGR_PID || (p->flags & TM_PF_NOZOMBIE)) {
		tm_proc_free_locked(p);
		if (parent)
			tm_wait_recheck_locked(
			        parent); /* waits that only this child could answer */
	} else {
		sigchld = 1;
		tm_wait_child_event_locked(parent); /* may free p */
	}
	tm_unlock(&tm_proc_lock);

	tm_path_remove_pid(pid);
	tm_ocb_purge_pid(pid);
	if (sigchld)
		sigchld_to(ppid, pid, status);
	if (boot)
		tm_boot_child_ended(pid, status);
}

/* Collects every end (and job-control event) the kernel reports, forever. */
void tm_reaper_loop(void)
{
	for (;;) {
		int r = __qsoe_sem_wait(&live_sem);
		if (r != 0) {
			if (r != EINTR)
				tm_panic("reaper semaphore failed: error %d", r);
			continue;
		}
		for (;;) {
			pid_t pid = -1;
			int status;
			r = seam_wait(&pid, &status, 0);
			if (r == 0) {
				tm_proc_ended(pid, status);
				if (WIFSTOPPED(status) || WIFCONTINUED(status))
					continue; /* the process is still there */
				break;
			}
			if (r != -EINTR)
				tm_panic("the kernel's process wait failed: error %d", -r);
		}
	}
}
