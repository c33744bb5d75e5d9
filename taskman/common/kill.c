/*
 * kill.c - TM_KILL: kill() for one process, a process group or everybody,
 * with POSIX permission checks. Delivery is the kernel's (seam_signal).
 */
#include <errno.h>
#include <stdlib.h>
#include <taskman/proc.h>
#include <taskman/seam.h>

struct kill_ctx {
	struct tm_proc *self;
	int mode; /* 0: one process; 1: a group; 2: everybody */
	pid_t id; /* pid or pgid */
	int signo;
	int found, allowed;
	pid_t *targets; /* live processes to deliver to */
	size_t n, cap;
	int nomem;
};

/* POSIX: may self send signo to t? */
static int may_signal(const struct tm_proc *self, const struct tm_proc *t, int signo)
{
	const struct tm_cred *a = &self->cred, *b = &t->cred;

	if (a->euid == 0)
		return 1;
	if (a->ruid == b->ruid || a->ruid == b->suid || a->euid == b->ruid || a->euid == b->suid)
		return 1;
	return signo == SIGCONT && self->sess == t->sess;
}

/* tm_proc_foreach_locked callback: records the processes the request reaches. */
static int collect(struct tm_proc *p, void *arg)
{
	struct kill_ctx *k = arg;

	if (p->state == TM_PS_EMBRYO || p->pid == SYSMGR_PID)
		return 0;
	if (k->mode == 0 && p->pid != k->id)
		return 0;
	if (k->mode == 1 && p->pgid != k->id)
		return 0;
	if (k->mode == 2 && (p == k->self || p->pid == tm_init_pid()))
		return 0;
	k->found++;
	if (!may_signal(k->self, p, k->signo))
		return 0;
	k->allowed++;
	if (p->state == TM_PS_ZOMBIE || k->signo == 0)
		return 0;
	if (k->n == k->cap) {
		size_t nc = k->cap ? k->cap * 2 : 16;
		pid_t *t = realloc(k->targets, nc * sizeof(*t));
		if (t == NULL) {
			k->nomem = 1;
			return 1;
		}
		k->targets = t;
		k->cap = nc;
	}
	k->targets[k->n++] = p->pid;
	return 0;
}

/* TM_KILL: collects the targets under the lock, delivers after it. */
void tm_do_kill(struct tm_msg *m)
{
	if (tm_req_fixed(m, sizeof(struct tm_kill)) < 0)
		return;
	const struct tm_kill *q = m->buf;
	struct kill_ctx k = {.signo = q->signo};

	if (q->signo < 0 || q->signo >= NSIG) {
		tm_error(m->rcvid, EINVAL);
		return;
	}
	if (q->pid == SYSMGR_PID) {
		tm_error(m->rcvid, EPERM); /* taskman takes no signals */
		return;
	}
	if (q->pid == INT32_MIN) {
		tm_error(m->rcvid, ESRCH); /* no group -INT32_MIN */
		return;
	}
	tm_lock(&tm_proc_lock);
	k.self = tm_proc_find_locked(tm_sender(m));
	if (k.self == NULL) {
		tm_unlock(&tm_proc_lock);
		tm_error(m->rcvid, ESRCH);
		return;
	}
	if (q->pid > 0) {
		k.mode = 0;
		k.id = q->pid;
	} else if (q->pid == -1) {
		k.mode = 2;
	} else {
		k.mode = 1;
		k.id = q->pid == 0 ? k.self->pgid : -q->pid;
	}
	tm_proc_foreach_locked(collect, &k);
	pid_t from = k.self->pid;
	tm_unlock(&tm_proc_lock);

	int err = 0;
	if (k.nomem)
		err = ENOMEM;
	else if (k.found == 0)
		err = ESRCH;
	else if (k.allowed == 0)
		err = EPERM;
	for (size_t i = 0; i < k.n && !err; i++) {
		int r = seam_signal(k.targets[i], q->signo, from);
		if (r < 0 && r != -ESRCH) /* ESRCH: it ended meanwhile */
			err = -r;
	}
	free(k.targets);
	if (err)
		tm_error(m->rcvid, err);
	else
		tm_reply(m->rcvid, 0, NULL, 0);
}
