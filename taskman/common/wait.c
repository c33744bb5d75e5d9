/*
 * wait.c - TM_WAIT: waitpid, waitid and wait4 over the caller's children.
 *
 * A wait that finds nothing to report (and has no WNOHANG) is queued on
 * the caller's process entry with its rcvid; the reaper and the job-control
 * paths answer it through tm_wait_child_event_locked(). No thread waits.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <taskman/proc.h>
#include <taskman/spawn.h>

#define WAIT_OPTIONS (WEXITED | WUNTRACED | WCONTINUED | WNOHANG | WNOWAIT)

enum { EV_NONE, EV_EXIT, EV_STOP, EV_CONT };

/* True if child c is one w waits for. */
static int matches(const struct tm_proc *c, const struct tm_waiter *w)
{
	switch (w->idtype) {
	case TM_P_PID:
		return c->pid == w->id;
	case TM_P_PGID:
		return c->pgid == w->id;
	default:
		return 1;
	}
}

/* The event child c has for w (EV_*). */
static int event_of(const struct tm_proc *c, const struct tm_waiter *w)
{
	int exits = w->subtype == TM_WAIT_PID || (w->options & WEXITED);

	if (c->state == TM_PS_ZOMBIE)
		return exits ? EV_EXIT : EV_NONE;
	if ((c->flags & TM_PF_EV_STOP) && (w->options & WUNTRACED))
		return EV_STOP;
	if ((c->flags & TM_PF_EV_CONT) && (w->options & WCONTINUED))
		return EV_CONT;
	return EV_NONE;
}

/* Describes event ev of child c in *r. */
static void fill_reply(const struct tm_proc *c, int ev, struct tm_wait_reply *r)
{
	memset(r, 0, sizeof(*r));
	r->pid = c->pid;
	r->uid = c->cred.ruid;
	if (ev == EV_EXIT) {
		r->status = c->status;
		if (WIFEXITED(c->status)) {
			r->cld_code = CLD_EXITED;
			r->cld_status = WEXITSTATUS(c->status);
		} else {
			r->cld_code = WCOREDUMP(c->status) ? CLD_DUMPED : CLD_KILLED;
			r->cld_status = WTERMSIG(c->status);
		}
	} else if (ev == EV_STOP) {
		r->status = c->status;
		r->cld_code = CLD_STOPPED;
		r->cld_status = WSTOPSIG(c->status);
	} else {
		r->status = 0xffff;
		r->cld_code = CLD_CONTINUED;
		r->cld_status = SIGCONT;
	}
}

/*
 * Finds the first child of parent with an event for w. Returns the child
 * (and its event in *ev) or NULL; *nmatch counts the children w waits for.
 */
static struct tm_proc *scan(struct tm_proc *parent, const struct tm_waiter *w, int *ev, int *nmatch)
{
	*nmatch = 0;
	for (struct tm_proc *c = parent->children; c; c = c->sibling) {
		if (!matches(c, w))
			continue;
		(*nmatch)++;
		*ev = event_of(c, w);
		if (*ev != EV_NONE)
			return c;
	}
	return NULL;
}

/* Reports the event and, unless WNOWAIT, consumes it (a zombie is freed). */
static void report(struct tm_proc *c, int ev, const struct tm_waiter *w)
{
	struct tm_wait_reply r;

	fill_reply(c, ev, &r);
	tm_reply(w->rcvid, c->pid, &r, sizeof(r));
	if (w->options & WNOWAIT)
		return;
	if (ev == EV_EXIT)
		tm_proc_free_locked(c);
	else if (ev == EV_STOP)
		c->flags &= ~TM_PF_EV_STOP;
	else
		c->flags &= ~TM_PF_EV_CONT;
}

/* See proc.h. */
void tm_wait_recheck_locked(struct tm_proc *parent)
{
	struct tm_waiter **pw = &parent->waiters;

	while (*pw) {
		struct tm_waiter *w = *pw;
		int found = 0;
		for (struct tm_proc *c = parent->children; c && !found; c = c->sibling)
			found = matches(c, w);
		if (found) {
			pw = &w->next;
			continue;
		}
		*pw = w->next;
		tm_error(w->rcvid, ECHILD);
		free(w);
	}
}

/* See proc.h: each waiter in order takes the first event it matches. */
void tm_wait_child_event_locked(struct tm_proc *parent)
{
	struct tm_waiter **pw = &parent->waiters;

	while (*pw) {
		struct tm_waiter *w = *pw;
		int ev, n;
		struct tm_proc *c = scan(parent, w, &ev, &n);
		if (c == NULL) {
			pw = &w->next;
			continue;
		}
		*pw = w->next;
		report(c, ev, w);
		free(w);
	}
	tm_wait_recheck_locked(parent);
}

/* tm_proc_foreach_locked callback: drops the waiter with rcvid *arg (EINTR). */
static int drop_waiter(struct tm_proc *p, void *arg)
{
	rcvid_t rcvid = *(rcvid_t *)arg;

	for (struct tm_waiter **pw = &p->waiters; *pw; pw = &(*pw)->next)
		if ((*pw)->rcvid == rcvid) {
			struct tm_waiter *w = *pw;
			*pw = w->next;
			tm_error(rcvid, EINTR);
			free(w);
			return 1;
		}
	return 0;
}

/* See proc.h: a spawn waiting for a loader, else a blocking wait. */
void tm_unblock(rcvid_t rcvid)
{
	if (tm_loadq_cancel(rcvid))
		return;
	tm_lock(&tm_proc_lock);
	tm_proc_foreach_locked(drop_waiter, &rcvid);
	tm_unlock(&tm_proc_lock);
}

/* Checks a TM_WAIT request; 0 or an errno. */
static int check(const struct tm_wait *q)
{
	if (q->hdr.subtype > TM_WAIT_ID)
		return EINVAL;
	if (q->options & ~WAIT_OPTIONS)
		return EINVAL;
	if (q->hdr.subtype == TM_WAIT_ID && !(q->options & (WEXITED | WUNTRACED | WCONTINUED)))
		return EINVAL;
	switch (q->idtype) {
	case TM_P_ALL:
		return 0;
	case TM_P_PID:
		return (int)q->id > 0 ? 0 : EINVAL;
	case TM_P_PGID:
		return (int)q->id >= 0 ? 0 : EINVAL;
	default:
		return EINVAL;
	}
}

/* TM_WAIT: reports an event at once, ECHILD, 0 (WNOHANG), or queues the wait. */
void tm_do_wait(struct tm_msg *m)
{
	if (tm_req_fixed(m, sizeof(struct tm_wait)) < 0)
		return;
	const struct tm_wait *q = m->buf;
	int err = check(q);
	if (err) {
		tm_error(m->rcvid, err);
		return;
	}
	struct tm_waiter w = {
	        .rcvid = m->rcvid,
	        .subtype = q->hdr.subtype,
	        .idtype = q->idtype,
	        .id = (pid_t)q->id,
	        .options = q->options,
	};
	tm_lock(&tm_proc_lock);
	struct tm_proc *self = tm_proc_find_locked(tm_sender(m));
	if (self == NULL) {
		tm_unlock(&tm_proc_lock);
		tm_error(m->rcvid, ESRCH);
		return;
	}
	if (w.idtype == TM_P_PGID && w.id == 0)
		w.id = self->pgid;
	int ev, n;
	struct tm_proc *c = scan(self, &w, &ev, &n);
	if (c) {
		report(c, ev, &w);
		tm_wait_recheck_locked(self); /* a collected zombie may leave others with none */
	} else if (n == 0) {
		tm_error(m->rcvid, ECHILD);
	} else if (w.options & WNOHANG) {
		struct tm_wait_reply r;
		memset(&r, 0, sizeof(r));
		tm_reply(m->rcvid, 0, &r, sizeof(r));
	} else {
		struct tm_waiter *nw = malloc(sizeof(*nw));
		if (nw == NULL) {
			tm_error(m->rcvid, ENOMEM);
		} else if (tm_unblock_requested(m->rcvid)) {
			/* its unblock pulse came before the wait was queued: EINTR now */
			free(nw);
			tm_error(m->rcvid, EINTR);
		} else {
			*nw = w;
			struct tm_waiter **pw = &self->waiters;
			while (*pw)
				pw = &(*pw)->next;
			*pw = nw;
		}
	}
	tm_unlock(&tm_proc_lock);
}
