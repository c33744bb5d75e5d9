/*
 * pgrp.c - process groups, sessions and controlling terminals (POSIX
 * setpgid, getpgid, setsid, getsid; TM_SET_CTTY). Every change is mirrored
 * into the kernel (seam_set_pgrp) so group signals can be kernel-direct.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/proc.h>
#include <taskman/seam.h>

/* Tells the kernel p's group and session; a failure is only logged. */
static void mirror(const struct tm_proc *p)
{
	int r = seam_set_pgrp(p->pid, p->pgid, p->sess->sid);
	if (r < 0 && r != -ESRCH)
		tm_log("cannot mirror the process group of %d: error %d\n", p->pid, -r);
}

/* setpgid(pid, pgid) for caller self; returns 0 or an errno. */
static int setpgid_locked(struct tm_proc *self, pid_t pid, pid_t pgid)
{
	if (pgid < 0 || pid < 0)
		return EINVAL;
	struct tm_proc *t = pid == 0 ? self : tm_proc_find_locked(pid);
	if (t == NULL || t->state == TM_PS_ZOMBIE || (t != self && t->parent != self))
		return ESRCH;
	if (t != self && t->sess != self->sess)
		return EPERM;
	if (t != self && t->state != TM_PS_EMBRYO)
		return EACCES; /* a spawned child has executed its program (POSIX) */
	if (t->sess->sid == t->pid)
		return EPERM; /* a session leader cannot move */
	if (pgid == 0)
		pgid = t->pid;
	if (pgid != t->pid && !tm_pgrp_exists_locked(pgid, self->sess->sid))
		return EPERM;
	t->pgid = pgid;
	mirror(t);
	if (t->parent)
		tm_wait_child_event_locked(t->parent); /* group waits may change */
	return 0;
}

/* setsid() for self; returns the new session id or -errno. */
static int setsid_locked(struct tm_proc *self)
{
	if (self->pgid == self->pid || tm_pgrp_exists_locked(self->pid, 0))
		return -EPERM;
	int r = tm_proc_set_session_locked(self, self->pid);
	if (r < 0)
		return r;
	self->pgid = self->pid;
	mirror(self);
	if (self->parent)
		tm_wait_child_event_locked(self->parent);
	return self->pid;
}

/* TM_SETPGID, TM_GETPGID, TM_SETSID and TM_GETSID for the caller. */
void tm_do_pgrp(struct tm_msg *m)
{
	const struct tm_hdr *h = m->buf;
	int setsid = h->type == TM_SETSID;

	if (tm_req_fixed(m, setsid ? sizeof(struct tm_hdr) : sizeof(struct tm_pgid)) < 0)
		return;
	const struct tm_pgid *q = m->buf;
	long status = 0;
	int err = 0;

	tm_lock(&tm_proc_lock);
	struct tm_proc *self = tm_proc_find_locked(tm_sender(m));
	if (self == NULL) {
		err = ESRCH;
	} else if (setsid) {
		status = setsid_locked(self);
		if (status < 0)
			err = (int)-status;
	} else if (h->type == TM_SETPGID) {
		err = setpgid_locked(self, q->pid, q->pgid);
	} else {
		struct tm_proc *t = q->pid == 0 ? self : tm_proc_find_locked(q->pid);
		if (q->pid < 0 || t == NULL || t->state == TM_PS_EMBRYO)
			err = ESRCH;
		else
			status = h->type == TM_GETPGID ? t->pgid : t->sess->sid;
	}
	tm_unlock(&tm_proc_lock);
	if (err)
		tm_error(m->rcvid, err);
	else
		tm_reply(m->rcvid, status, NULL, 0);
}

struct ctty_query {
	const struct tm_session *sess;
	const char *path;
};

/* tm_proc_foreach_locked callback: stops (1) at a process of another session with the terminal. */
static int ctty_owner(struct tm_proc *p, void *arg)
{
	const struct ctty_query *q = arg;
	return p->sess != q->sess && p->sess->ctty && strcmp(p->sess->ctty, q->path) == 0;
}

/* True if a session other than s has terminal path as its controlling terminal. */
static int ctty_taken_locked(const struct tm_session *s, const char *path)
{
	struct ctty_query q = {s, path};
	return tm_proc_foreach_locked(ctty_owner, &q);
}

/* TM_SET_CTTY: sets or releases the caller's session's terminal. */
void tm_do_set_ctty(struct tm_msg *m)
{
	const struct tm_set_ctty *q = m->buf;

	if (m->len < sizeof(*q) || q->hdr.size < sizeof(*q)) {
		tm_error(m->rcvid, EINVAL);
		return;
	}
	if (q->path_len == 0 || q->path_len > TM_PATH_MAX) {
		tm_error(m->rcvid, q->path_len ? ENAMETOOLONG : EINVAL);
		return;
	}
	if (tm_req_fixed(m, sizeof(*q) + q->path_len) < 0)
		return;
	q = m->buf;
	if (q->path[q->path_len - 1] != 0 || strlen(q->path) + 1 != q->path_len ||
	    (q->path_len > 1 && q->path[0] != '/')) {
		tm_error(m->rcvid, EINVAL);
		return;
	}
	char *copy = q->path_len > 1 ? strdup(q->path) : NULL;
	if (q->path_len > 1 && copy == NULL) {
		tm_error(m->rcvid, ENOMEM);
		return;
	}
	int err = 0;
	tm_lock(&tm_proc_lock);
	struct tm_proc *self = tm_proc_find_locked(tm_sender(m));
	if (self == NULL) {
		err = ESRCH;
	} else if (self->sess->sid != self->pid) {
		err = EPERM;
	} else if (copy == NULL) {
		free(self->sess->ctty);
		self->sess->ctty = NULL;
	} else if (self->sess->ctty) {
		err = strcmp(self->sess->ctty, copy) == 0 ? 0 : EPERM;
	} else if (ctty_taken_locked(self->sess, copy)) {
		err = EPERM;
	} else {
		self->sess->ctty = copy;
		copy = NULL;
	}
	tm_unlock(&tm_proc_lock);
	free(copy);
	if (err)
		tm_error(m->rcvid, err);
	else
		tm_reply(m->rcvid, 0, NULL, 0);
}
