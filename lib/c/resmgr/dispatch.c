/*
 * dispatch.c - the dispatch handle and its receive loop: dispatch_create(),
 * dispatch_context_alloc(), dispatch_block(), dispatch_handler() and the
 * reply logic every handler's return value goes through.
 */
#include "rm_priv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* Locks d's tables. Returns 0 or an errno. */
int __rm_lock(dispatch_t *d)
{
	return pthread_mutex_lock(&d->lock);
}

/* Unlocks d's tables. */
void __rm_unlock(dispatch_t *d)
{
	pthread_mutex_unlock(&d->lock);
}

/*
 * Raises the buffer sizes future contexts of d get. Contexts allocated
 * earlier keep theirs (a longer message is read on demand).
 */
void __rm_grow_sizes(dispatch_t *d, size_t msg_max_size, unsigned nparts_max)
{
	if (msg_max_size > d->msg_max_size)
		d->msg_max_size = msg_max_size;
	if (nparts_max > d->nparts_max)
		d->nparts_max = nparts_max;
}

/*
 * Creates a dispatch handle on channel chid, or on a new channel when chid
 * is 0 (_NTO_CHF_DISCONNECT | _NTO_CHF_UNBLOCK | _NTO_CHF_SENDER_LEN |
 * _NTO_CHF_REPLY_LEN: what the resource-manager layer needs). Returns the
 * handle, or NULL with errno set.
 */
dispatch_t *dispatch_create_channel(int chid, unsigned flags)
{
	dispatch_t *d = calloc(1, sizeof(*d));

	if (d == NULL)
		return NULL;
	pthread_mutexattr_t ma;
	pthread_mutexattr_init(&ma);
	pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
	int r = pthread_mutex_init(&d->lock, &ma);
	pthread_mutexattr_destroy(&ma);
	if (r != 0) {
		free(d);
		errno = r;
		return NULL;
	}
	if (chid <= 0) {
		chid = ChannelCreate(_NTO_CHF_DISCONNECT | _NTO_CHF_UNBLOCK | _NTO_CHF_SENDER_LEN |
		                     _NTO_CHF_REPLY_LEN);
		if (chid < 0) {
			pthread_mutex_destroy(&d->lock);
			free(d);
			return NULL;
		}
		d->own_chid = 1;
	}
	d->chid = chid;
	d->flags = flags;
	d->self_coid = -1;
	d->msg_max_size = RM_MSG_MIN;
	d->nparts_max = RM_NPARTS_MIN;
	return d;
}

/* Creates a dispatch handle with a channel of its own (see dispatch_create_channel). */
dispatch_t *dispatch_create(void)
{
	return dispatch_create_channel(0, 0);
}

/*
 * Destroys d: detaches its paths from the pathname space, closes its
 * channel (if it created it) and frees its tables. OCBs still bound are
 * forgotten without calling close_ocb (their clients see EBADF). No thread
 * may be using d. Returns 0, or -1 with errno.
 */
int dispatch_destroy(dispatch_t *d)
{
	if (d == NULL) {
		errno = EINVAL;
		return -1;
	}
	for (int i = 0; i < d->nlinks; i++) {
		if (d->links[i] != NULL)
			resmgr_detach(d, i, _RESMGR_DETACH_PATHNAME);
		if (d->links[i] != NULL) {
			free(d->links[i]->path);
			free(d->links[i]);
		}
	}
	free(d->links);
	for (unsigned b = 0; b < d->nbuckets; b++) {
		struct rm_bind *n;
		for (struct rm_bind *e = d->bhash[b]; e != NULL; e = n) {
			n = e->next;
			if (--e->o->refs == 0 && e->o->busy == 0) {
				free(e->o->path);
				free(e->o);
			}
			free(e);
		}
	}
	free(d->bhash);
	free(d->msgh);
	free(d->sel);
	if (d->self_coid >= 0)
		ConnectDetach(d->self_coid);
	if (d->own_chid)
		ChannelDestroy(d->chid);
	pthread_mutex_destroy(&d->lock);
	free(d);
	return 0;
}

/*
 * Allocates a context for one thread: a receive buffer of d's current
 * msg_max_size and a reply iov of nparts_max entries. Returns it, or NULL
 * with errno ENOMEM.
 */
dispatch_context_t *dispatch_context_alloc(dispatch_t *d)
{
	if (d == NULL) {
		errno = EINVAL;
		return NULL;
	}
	__rm_lock(d);
	size_t msgsize = d->msg_max_size;
	unsigned nparts = d->nparts_max;
	__rm_unlock(d);
	size_t head = sizeof(struct rm_ctx) + (nparts - 1) * sizeof(iov_t);
	head = (head + 15) & ~(size_t)15;
	struct rm_ctx *rc = calloc(1, head + msgsize);
	if (rc == NULL) {
		errno = ENOMEM;
		return NULL;
	}
	rc->nparts = nparts;
	rc->defbuf = (char *)rc + head;
	rc->defsize = msgsize;
	rc->ctp.dpp = d;
	rc->ctp.msg = rc->defbuf;
	rc->ctp.msg_max_size = msgsize;
	return (dispatch_context_t *)&rc->ctp;
}

/* Frees a context from dispatch_context_alloc() (NULL is ignored). */
void dispatch_context_free(dispatch_context_t *ctp)
{
	if (ctp == NULL)
		return;
	struct rm_ctx *rc = RM_CTX(&ctp->resmgr_context);
	free(rc->bigbuf);
	free(rc);
}

/*
 * Waits for the next message or pulse on the handle's channel and
 * receives it into ctp. Returns ctp, or NULL with errno (EINTR, ETIMEDOUT
 * after dispatch_timeout(), or the MsgReceive error).
 */
dispatch_context_t *dispatch_block(dispatch_context_t *dctp)
{
	resmgr_context_t *ctp = &dctp->resmgr_context;
	struct rm_ctx *rc = RM_CTX(ctp);
	dispatch_t *d = ctp->dpp;

	if (rc->bigbuf != NULL) {
		free(rc->bigbuf);
		rc->bigbuf = NULL;
	}
	ctp->msg = rc->defbuf;
	ctp->msg_max_size = rc->defsize;
	if (d->timeout_ns != 0) {
		uint64_t ns = d->timeout_ns;
		TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_RECEIVE, NULL, &ns, NULL);
	}
	rcvid_t rcvid = MsgReceive(d->chid, ctp->msg, ctp->msg_max_size, &ctp->info);
	if (rcvid < 0) {
		ctp->rcvid = -1;
		return NULL;
	}
	ctp->rcvid = rcvid;
	ctp->size = ctp->info.msglen > 0 ? (size_t)ctp->info.msglen : 0;
	ctp->offset = 0;
	ctp->status = 0;
	ctp->id = -1;
	rc->cur = NULL;
	return dctp;
}

/*
 * Replies to ctp's client according to handler result r (see
 * <sys/resmgr.h>). A failed reply (the client went away) is ignored.
 */
void __rm_reply(resmgr_context_t *ctp, int r)
{
	struct rm_ctx *rc = RM_CTX(ctp);

	if (r == _RESMGR_NOREPLY || ctp->rcvid <= 0)
		return;
	if (r == _RESMGR_DEFAULT)
		r = ENOSYS;
	if (r > 0) {
		MsgError(ctp->rcvid, r);
		return;
	}
	unsigned n = (unsigned)-r;
	if (n > rc->nparts) {
		MsgError(ctp->rcvid, EFAULT);
		return;
	}
	MsgReplyv(ctp->rcvid, ctp->status, ctp->iov, n);
}

/*
 * Handles the message or pulse dispatch_block() received: pulses go to
 * their pulse_attach() handler or the library's own (disconnect, unblock);
 * _IO_* messages to the resource-manager layer; other messages to their
 * message_attach() handler. Unknown messages are answered ENOSYS.
 * Returns 0, or -1 if ctp holds nothing to handle.
 */
int dispatch_handler(dispatch_context_t *dctp)
{
	resmgr_context_t *ctp = &dctp->resmgr_context;

	if (ctp->rcvid < 0)
		return -1;
	if (ctp->rcvid == 0)
		return __rm_pulse(ctp);
	if (ctp->size < sizeof(uint16_t)) {
		MsgError(ctp->rcvid, EBADMSG);
		return 0;
	}
	int type = ctp->msg->type;
	if (type >= _IO_BASE && type <= _IO_MAX && ctp->dpp->resmgr)
		return resmgr_handler(ctp);
	return __rm_message(ctp, type);
}

/*
 * Makes a thread blocked in dispatch_block() with ctp return (the thread
 * pool uses it to shrink). Sends a pulse to the handle's own channel that
 * dispatch_handler() ignores.
 */
void dispatch_unblock(dispatch_context_t *ctp)
{
	dispatch_t *d = ctp->resmgr_context.dpp;
	int coid = message_connect(d, MSG_FLAG_SIDE_CHANNEL);

	if (coid >= 0)
		MsgSendPulse(coid, -1, _PULSE_CODE_MAXAVAIL, 0);
}

/*
 * Makes every later dispatch_block() on d give up after reltime (NULL or
 * zero: wait forever). Returns 0, or -1 with errno EINVAL.
 */
int dispatch_timeout(dispatch_t *d, struct timespec *reltime)
{
	if (d == NULL || (reltime != NULL && (reltime->tv_sec < 0 || reltime->tv_nsec < 0 ||
	                                      reltime->tv_nsec >= 1000000000L))) {
		errno = EINVAL;
		return -1;
	}
	d->timeout_ns = reltime == NULL ? 0
	                                : (uint64_t)reltime->tv_sec * 1000000000u +
	                                          (uint64_t)reltime->tv_nsec;
	return 0;
}

/* resmgr_context_alloc() etc. are the dispatch functions under resmgr names. */
resmgr_context_t *resmgr_context_alloc(dispatch_t *dpp)
{
	dispatch_context_t *c = dispatch_context_alloc(dpp);

	return c == NULL ? NULL : &c->resmgr_context;
}

void resmgr_context_free(resmgr_context_t *ctp)
{
	dispatch_context_free((dispatch_context_t *)ctp);
}

resmgr_context_t *resmgr_block(resmgr_context_t *ctp)
{
	dispatch_context_t *c = dispatch_block((dispatch_context_t *)ctp);

	return c == NULL ? NULL : &c->resmgr_context;
}
