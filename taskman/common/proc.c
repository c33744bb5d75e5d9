/*
 * proc.c - the process table (see proc.h): lookup, creation, removal,
 * sessions, and the TM_DAEMON / TM_STARTED requests that release a held
 * spawn reply.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <taskman/proc.h>
#include <taskman/seam.h>

#define NBUCKETS 256

tm_lock_t tm_proc_lock = TM_LOCK_INIT;
static struct tm_proc *buckets[NBUCKETS];
static pid_t self_pid = 1;
static pid_t init_pid; /* 0: none */

static struct tm_proc **bucket(pid_t pid)
{
	return &buckets[(unsigned)pid % NBUCKETS];
}

/* See proc.h. */
struct tm_proc *tm_proc_find_locked(pid_t pid)
{
	for (struct tm_proc *p = *bucket(pid); p; p = p->hnext)
		if (p->pid == pid)
			return p;
	return NULL;
}

/* The session sid, created with no terminal if new; NULL if out of memory. */
static struct tm_session *session_get(pid_t sid)
{
	for (unsigned i = 0; i < NBUCKETS; i++)
		for (struct tm_proc *p = buckets[i]; p; p = p->hnext)
			if (p->sess && p->sess->sid == sid) {
				p->sess->refs++;
				return p->sess;
			}
	struct tm_session *s = calloc(1, sizeof(*s));
	if (s == NULL)
		return NULL;
	s->sid = sid;
	s->refs = 1;
	return s;
}

/* Drops a reference to a session; the last one frees it. */
static void session_put(struct tm_session *s)
{
	if (s && --s->refs == 0) {
		free(s->ctty);
		free(s);
	}
}

/* See proc.h. */
int tm_proc_set_session_locked(struct tm_proc *p, pid_t sid)
{
	struct tm_session *s = session_get(sid);

	if (s == NULL)
		return -ENOMEM;
	session_put(p->sess);
	p->sess = s;
	return 0;
}

/* See proc.h. */
struct tm_proc *tm_proc_add_locked(pid_t pid, struct tm_proc *parent, pid_t pgid, pid_t sid,
                                   const struct tm_cred *cred, const char *name)
{
	struct tm_proc *p = calloc(1, sizeof(*p));

	if (p == NULL)
		return NULL;
	p->pid = pid;
	p->pgid = pgid;
	p->cred = *cred;
	p->state = TM_PS_EMBRYO;
	strncpy(p->name, name, sizeof(p->name) - 1);
	uint64_t now = 0;
	if (ClockTime_r(CLOCK_MONOTONIC, NULL, &now) == 0)
		p->start_ns = now;
	p->sess = session_get(sid);
	if (p->sess == NULL) {
		free(p);
		return NULL;
	}
	p->parent = parent;
	if (parent) {
		p->sibling = parent->children;
		parent->children = p;
	}
	p->hnext = *bucket(pid);
	*bucket(pid) = p;
	return p;
}

/*
 * Pids whose placeholder process taskman destroyed and whose end the
 * reaper has not yet processed (tm_proc_lock). Once the reaper's ProcWait
 * has collected that end the kernel may give the pid to a new process
 * before the reaper looks it up: the end must not be taken for the new
 * process's. holder: the kernel has given the pid again meanwhile and
 * taskman keeps that new (empty) process as a placeholder in turn.
 */
struct ghost {
	struct ghost *next;
	pid_t pid;
	int holder;
};
static struct ghost *ghosts;

/* Records pid as a ghost (a placeholder's end to come); tm_proc_lock held. */
static void ghost_add_locked(pid_t pid)
{
	struct ghost *g = malloc(sizeof(*g));

	if (g == NULL) {
		tm_log("no memory to remember the placeholder of pid %d\n", pid);
		return;
	}
	g->pid = pid;
	g->holder = 0;
	g->next = ghosts;
	ghosts = g;
}

/* See proc.h. */
int tm_ghost_claim_locked(pid_t pid)
{
	for (struct ghost *g = ghosts; g; g = g->next)
		if (g->pid == pid) {
			g->holder = 1;
			return 1;
		}
	return 0;
}

/* See proc.h. */
int tm_ghost_end_locked(pid_t pid)
{
	for (struct ghost **pg = &ghosts; *pg; pg = &(*pg)->next)
		if ((*pg)->pid == pid) {
			struct ghost *g = *pg;
			*pg = g->next;
			if (g->holder) {
				/* the next placeholder goes the same way */
				seam_proc_destroy(pid, 0);
				ghost_add_locked(pid);
			}
			free(g);
			return 1;
		}
	return 0;
}

/* See proc.h. */
int tm_proc_start(pid_t pid, uint64_t *ns)
{
	tm_lock(&tm_proc_lock);
	struct tm_proc *p = tm_proc_find_locked(pid);
	if (p != NULL)
		*ns = p->start_ns;
	tm_unlock(&tm_proc_lock);
	return p != NULL ? 0 : -ESRCH;
}

/* See proc.h. */
int tm_proc_args(pid_t pid, char **buf, size_t *len)
{
	int r = -ESRCH;

	tm_lock(&tm_proc_lock);
	struct tm_proc *p = tm_proc_find_locked(pid);
	if (p != NULL) {
		r = -ENOENT;
		if (p->args != NULL && (*buf = malloc(p->args_len)) != NULL) {
			memcpy(*buf, p->args, p->args_len);
			*len = p->args_len;
			r = 0;
		}
	}
	tm_unlock(&tm_proc_lock);
	return r;
}

/* See proc.h. Also destroys the pid's placeholder process, if any. */
void tm_proc_free_locked(struct tm_proc *p)
{
	if (p->parent) {
		struct tm_proc **pp = &p->parent->children;
		while (*pp && *pp != p)
			pp = &(*pp)->sibling;
		if (*pp)
			*pp = p->sibling;
	}
	for (struct tm_proc **pp = bucket(p->pid); *pp; pp = &(*pp)->hnext)
		if (*pp == p) {
			*pp = p->hnext;
			break;
		}
	while (p->waiters) {
		struct tm_waiter *w = p->waiters;
		p->waiters = w->next;
		free(w);
	}
	session_put(p->sess);
	if (p->holder) {
		seam_proc_destroy(p->pid, 0); /* the placeholder: the reaper drops its end */
		ghost_add_locked(p->pid);
	}
	free(p->args);
	free(p);
}

/* See proc.h. */
int tm_proc_foreach_locked(int (*fn)(struct tm_proc *p, void *arg), void *arg)
{
	for (unsigned i = 0; i < NBUCKETS; i++)
		for (struct tm_proc *p = buckets[i]; p; p = p->hnext) {
			int r = fn(p, arg);
			if (r)
				return r;
		}
	return 0;
}

/* See proc.h (zombies count until reaped). */
int tm_pgrp_exists_locked(pid_t pgid, pid_t sid)
{
	for (unsigned i = 0; i < NBUCKETS; i++)
		for (struct tm_proc *p = buckets[i]; p; p = p->hnext)
			/* A zombie still counts: POSIX, a process exists until it is reaped. */
			if (p->pgid == pgid && (sid == 0 || p->sess->sid == sid))
				return 1;
	return 0;
}

/* See proc.h. */
void tm_proc_init(pid_t self)
{
	struct tm_cred root;

	memset(&root, 0, sizeof(root));
	self_pid = self;
	tm_lock(&tm_proc_lock);
	struct tm_proc *p = tm_proc_add_locked(self, NULL, self, self, &root, "taskman");
	if (p == NULL)
		tm_panic("no memory for the process table");
	p->state = TM_PS_RUNNING;
	tm_unlock(&tm_proc_lock);
}

/* See proc.h. */
pid_t tm_init_pid(void)
{
	pid_t p = __atomic_load_n(&init_pid, __ATOMIC_ACQUIRE);
	return p ? p : self_pid;
}

/* See proc.h. */
void tm_set_init_pid(pid_t pid)
{
	__atomic_store_n(&init_pid, pid, __ATOMIC_RELEASE);
}

/* See proc.h. */
int tm_proc_running(pid_t pid)
{
	tm_lock(&tm_proc_lock);
	struct tm_proc *p = tm_proc_find_locked(pid);
	int r = p && p->state == TM_PS_RUNNING;
	tm_unlock(&tm_proc_lock);
	return r;
}

/* See proc.h. */
int tm_proc_cred(pid_t pid, struct tm_cred *cred)
{
	int r = -ESRCH;

	tm_lock(&tm_proc_lock);
	struct tm_proc *p = tm_proc_find_locked(pid);
	if (p) {
		*cred = p->cred;
		r = 0;
	}
	tm_unlock(&tm_proc_lock);
	return r;
}

/* See proc.h. */
int tm_proc_ctty(pid_t pid, char *buf, size_t size)
{
	int r = -ESRCH;

	tm_lock(&tm_proc_lock);
	struct tm_proc *p = tm_proc_find_locked(pid);
	if (p) {
		r = -ENXIO;
		if (p->sess->ctty && strlen(p->sess->ctty) < size) {
			strcpy(buf, p->sess->ctty);
			r = 0;
		}
	}
	tm_unlock(&tm_proc_lock);
	return r;
}

/* See proc.h (a process being spawned is not there yet). */
int tm_proc_describe(pid_t pid, struct tm_procent *e)
{
	int r = -ESRCH;

	memset(e, 0, sizeof(*e));
	tm_lock(&tm_proc_lock);
	struct tm_proc *p = tm_proc_find_locked(pid);
	if (p && p->state != TM_PS_EMBRYO) {
		e->pid = p->pid;
		e->ppid = p->parent ? p->parent->pid : 0;
		e->pgid = p->pgid;
		e->sid = p->sess->sid;
		e->ruid = p->cred.ruid;
		e->euid = p->cred.euid;
		e->state = p->state == TM_PS_ZOMBIE ? 1 : (p->flags & TM_PF_STOPPED) ? 2 : 0;
		memcpy(e->name, p->name, sizeof(e->name));
		r = 0;
	}
	tm_unlock(&tm_proc_lock);
	return r;
}

/* qsort comparison of pids. */
static int pid_cmp(const void *a, const void *b)
{
	pid_t x = *(const pid_t *)a, y = *(const pid_t *)b;
	return (x > y) - (x < y);
}

/* See proc.h. */
size_t tm_proc_pids(pid_t from, pid_t *pids, size_t max)
{
	size_t n = 0;
	pid_t *all = NULL;
	size_t cap = 0;

	tm_lock(&tm_proc_lock);
	for (unsigned i = 0; i < NBUCKETS; i++)
		for (struct tm_proc *p = buckets[i]; p; p = p->hnext) {
			if (p->pid < from || p->state == TM_PS_EMBRYO)
				continue;
			if (n == cap) {
				size_t nc = cap ? cap * 2 : 64;
				pid_t *na = realloc(all, nc * sizeof(*na));
				if (na == NULL)
					goto out; /* report what fits in memory */
				all = na;
				cap = nc;
			}
			all[n++] = p->pid;
		}
out:
	tm_unlock(&tm_proc_lock);
	if (n) {
		qsort(all, n, sizeof(*all), pid_cmp);
		memcpy(pids, all, (n < max ? n : max) * sizeof(*pids));
	}
	free(all);
	return n;
}

/*
 * TM_DAEMON (the caller finished starting: procmgr_daemon) and TM_STARTED
 * (the caller's C library took over its inherited descriptors): answers
 * the parent's spawn if it waits for this. Reply status 0.
 */
void tm_do_daemon(struct tm_msg *m)
{
	if (tm_req_fixed(m, sizeof(struct tm_daemon)) < 0)
		return;
	const struct tm_daemon *d = m->buf;
	int want = d->hdr.type == TM_DAEMON ? TM_HOLD_DAEMON : TM_HOLD_STARTED;

	if (d->status < 0) {
		tm_error(m->rcvid, EINVAL);
		return;
	}
	tm_lock(&tm_proc_lock);
	struct tm_proc *p = tm_proc_find_locked(tm_sender(m));
	if (p && want == TM_HOLD_STARTED)
		p->start_status = d->status;
	if (p && p->hold == want) {
		struct tm_spawn_reply r = {.pid = p->pid, .status = d->status};
		tm_reply(p->hold_rcvid, p->pid, &r, sizeof(r));
		p->hold = TM_HOLD_NONE;
		p->hold_rcvid = 0;
	}
	tm_unlock(&tm_proc_lock);
	tm_reply(m->rcvid, 0, NULL, 0);
}
