/*
 * iofunc_lock.c - POSIX record locks in the iofunc layer: the default
 * _IO_LOCK handler (fcntl F_GETLK/F_SETLK/F_SETLKW, and so lockf and
 * flock), and their release when a process closes a descriptor of the
 * file or disconnects.
 *
 * Locks belong to a process (the client's pid) and cover byte ranges of
 * an attribute (a file). One server-wide list holds every lock, one more
 * the F_SETLKW requests waiting for a conflicting lock to go; both are
 * protected by one mutex. A waiting request is replied to when the lock
 * can be granted (after any unlock or release), or with EINTR when its
 * client is unblocked by a signal. There is no deadlock detection (a
 * cycle of F_SETLKW waits until a signal breaks it).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/iofunc.h>
#include <sys/neutrino.h>
#include <sys/resmgr.h>
#include <unistd.h>
#include "rm_priv.h"

#define END_OF_FILE LLONG_MAX /* a range that runs to the end of the file */

struct rlock {
	struct rlock *next;
	const iofunc_attr_t *attr;
	pid_t pid;
	int scoid;
	short type;       /* F_RDLCK or F_WRLCK */
	off_t start, end; /* inclusive */
};

struct waiter {
	struct waiter *next;
	rcvid_t rcvid;
	const iofunc_attr_t *attr;
	pid_t pid;
	int scoid;
	short type;
	off_t start, end;
};

static pthread_mutex_t lock_mutex = PTHREAD_MUTEX_INITIALIZER;
static struct rlock *locks;
static struct waiter *waiters;

/* The lock of another process that keeps pid from locking [start, end] as type, or NULL. */
static struct rlock *conflict(const iofunc_attr_t *attr, pid_t pid, short type, off_t start,
                              off_t end)
{
	for (struct rlock *l = locks; l; l = l->next)
		if (l->attr == attr && l->pid != pid && l->start <= end && start <= l->end &&
		    (type == F_WRLCK || l->type == F_WRLCK))
			return l;
	return NULL;
}

/*
 * Removes pid's locks on [start, end] of attr (splitting those that
 * extend beyond it). Returns 0, or ENOLCK if a split needs memory there is
 * not; nothing is changed then.
 */
static int cut(const iofunc_attr_t *attr, pid_t pid, off_t start, off_t end)
{
	/* the one split that needs a new entry: a lock strictly around the range */
	for (struct rlock *l = locks; l; l = l->next)
		if (l->attr == attr && l->pid == pid && l->start < start && l->end > end) {
			struct rlock *tail = malloc(sizeof(*tail));
			if (!tail)
				return ENOLCK;
			*tail = *l;
			tail->start = end + 1;
			l->end = start - 1;
			tail->next = l->next;
			l->next = tail;
			return 0; /* locks of one owner never overlap: nothing else to cut */
		}
	for (struct rlock **p = &locks; *p;) {
		struct rlock *l = *p;
		if (l->attr != attr || l->pid != pid || l->end < start || l->start > end) {
			p = &l->next;
			continue;
		}
		if (l->start < start) {
			l->end = start - 1;
		} else if (l->end > end) {
			l->start = end + 1;
		} else {
			*p = l->next;
			free(l);
			continue;
		}
		p = &l->next;
	}
	return 0;
}

/* Gives pid the lock type on [start, end] (replacing its own there). 0 or ENOLCK. */
static int grant(const iofunc_attr_t *attr, pid_t pid, int scoid, short type, off_t start,
                 off_t end)
{
	struct rlock *n = malloc(sizeof(*n));

	if (!n)
		return ENOLCK;
	int e = cut(attr, pid, start, end);
	if (e) {
		free(n);
		return e;
	}
	*n = (struct rlock){locks, attr, pid, scoid, type, start, end};
	locks = n;
	return 0;
}

/* Grants every waiting request that no longer conflicts (lock_mutex held). */
static void wake(void)
{
	int again = 1;

	while (again) {
		again = 0;
		for (struct waiter **p = &waiters; *p;) {
			struct waiter *w = *p;
			if (conflict(w->attr, w->pid, w->type, w->start, w->end)) {
				p = &w->next;
				continue;
			}
			int e = grant(w->attr, w->pid, w->scoid, w->type, w->start, w->end);
			*p = w->next;
			if (e)
				MsgError(w->rcvid, e);
			else
				MsgReply(w->rcvid, EOK, NULL, 0);
			free(w);
			again = 1; /* a grant can change what others wait for */
		}
	}
}

/*
 * The range of fl for ocb: start and inclusive end in *start, *end.
 * Returns 0 or EINVAL (bad whence, a start before 0, an overflow).
 */
static int range(const struct flock *fl, const iofunc_ocb_t *ocb, off_t *start, off_t *end)
{
	int64_t base;

	if (__iofunc_whence_base(fl->l_whence, ocb, ocb->attr, &base) != 0)
		return EINVAL;
	off_t s;
	if (__builtin_add_overflow(base, fl->l_start, &s) || s < 0)
		return EINVAL;
	if (fl->l_len == 0) {
		*start = s;
		*end = END_OF_FILE;
	} else if (fl->l_len > 0) {
		off_t e;
		if (__builtin_add_overflow(s, fl->l_len - 1, &e))
			e = END_OF_FILE;
		*start = s;
		*end = e;
	} else {
		if (s + fl->l_len < 0)
			return EINVAL;
		*start = s + fl->l_len;
		*end = s - 1;
	}
	return 0;
}

/*
 * The default _IO_LOCK handler. F_GETLK replies with the first lock that
 * would block the request (or l_type F_UNLCK); F_SETLK grants, changes or
 * removes a lock, EAGAIN if another process holds a conflicting one;
 * F_SETLKW waits instead (NOREPLY). Errors: EBADF (a read lock without
 * read access, a write lock without write access), EINVAL, ENOLCK.
 */
int iofunc_lock_default(resmgr_context_t *ctp, io_lock_t *msg, iofunc_ocb_t *ocb)
{
	struct flock fl;

	if (msg->i.nbytes < (int32_t)sizeof(fl) ||
	    resmgr_msgread(ctp, &fl, sizeof(fl), sizeof(msg->i)) != (ssize_t)sizeof(fl))
		return EINVAL;
	int cmd = (int)msg->i.subtype;
	if (cmd != F_GETLK && cmd != F_SETLK && cmd != F_SETLKW)
		return EINVAL;
	if (fl.l_type != F_RDLCK && fl.l_type != F_WRLCK && fl.l_type != F_UNLCK)
		return EINVAL;
	if (cmd != F_GETLK && ((fl.l_type == F_RDLCK && !(ocb->ioflag & _IO_FLAG_RD)) ||
	                       (fl.l_type == F_WRLCK && !(ocb->ioflag & _IO_FLAG_WR))))
		return EBADF;
	off_t start, end;
	int e = range(&fl, ocb, &start, &end);
	if (e)
		return e;
	pid_t pid = ctp->info.pid;
	const iofunc_attr_t *attr = ocb->attr;

	pthread_mutex_lock(&lock_mutex);
	if (cmd == F_GETLK) {
		struct rlock *c =
		        fl.l_type == F_UNLCK ? NULL : conflict(attr, pid, fl.l_type, start, end);
		if (c) {
			fl.l_type = c->type;
			fl.l_whence = SEEK_SET;
			fl.l_start = c->start;
			fl.l_len = c->end == END_OF_FILE ? 0 : c->end - c->start + 1;
			fl.l_pid = c->pid;
		} else {
			fl.l_type = F_UNLCK;
		}
		pthread_mutex_unlock(&lock_mutex);
		struct _io_lock_reply rh;
		memset(&rh, 0, sizeof(rh));
		iov_t iov[2];
		SETIOV(&iov[0], &rh, sizeof(rh));
		SETIOV(&iov[1], &fl, sizeof(fl));
		MsgReplyv(ctp->rcvid, EOK, iov, 2);
		return _RESMGR_NOREPLY;
	}
	if (fl.l_type == F_UNLCK) {
		e = cut(attr, pid, start, end);
		wake();
	} else if (conflict(attr, pid, fl.l_type, start, end)) {
		if (cmd == F_SETLK) {
			e = EAGAIN;
		} else {
			struct waiter *w = malloc(sizeof(*w));
			if (!w) {
				e = ENOLCK;
			} else {
				*w = (struct waiter){waiters,         ctp->rcvid, attr,  pid,
				                     ctp->info.scoid, fl.l_type,  start, end};
				waiters = w;
				e = _RESMGR_NOREPLY;
			}
		}
	} else {
		e = grant(attr, pid, ctp->info.scoid, fl.l_type, start, end);
		if (e == 0)
			wake(); /* a write lock turned into a read lock may let readers in */
	}
	pthread_mutex_unlock(&lock_mutex);
	return e;
}

/* Releases every lock of pid on attr (a descriptor of the file was closed) and wakes waiters. */
void __iofunc_lock_release(const iofunc_attr_t *attr, pid_t pid)
{
	pthread_mutex_lock(&lock_mutex);
	if (locks) {
		cut(attr, pid, 0, END_OF_FILE); /* never splits: needs no memory */
		wake();
	}
	pthread_mutex_unlock(&lock_mutex);
}

/* The client scoid is gone: its locks and waiting requests go, waiters are woken. */
void __iofunc_lock_scoid_gone(int scoid)
{
	pthread_mutex_lock(&lock_mutex);
	int changed = 0;
	for (struct rlock **p = &locks; *p;) {
		struct rlock *l = *p;
		if (l->scoid == scoid) {
			*p = l->next;
			free(l);
			changed = 1;
		} else {
			p = &l->next;
		}
	}
	for (struct waiter **p = &waiters; *p;) {
		struct waiter *w = *p;
		if (w->scoid == scoid) {
			*p = w->next;
			free(w);
		} else {
			p = &w->next;
		}
	}
	if (changed)
		wake();
	pthread_mutex_unlock(&lock_mutex);
}

/*
 * If rcvid is a waiting F_SETLKW request, drops it and returns 1 (the
 * caller replies EINTR); else 0.
 */
int __iofunc_lock_unblock(rcvid_t rcvid)
{
	int found = 0;

	pthread_mutex_lock(&lock_mutex);
	for (struct waiter **p = &waiters; *p; p = &(*p)->next)
		if ((*p)->rcvid == rcvid) {
			struct waiter *w = *p;
			*p = w->next;
			free(w);
			found = 1;
			break;
		}
	pthread_mutex_unlock(&lock_mutex);
	return found;
}
