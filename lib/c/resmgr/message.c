/*
 * message.c - message_attach(), pulse_attach() and the dispatch of pulses
 * and of messages outside the _IO_* range.
 *
 * Pulse code _PULSE_CODE_MAXAVAIL (127) is reserved by the library: it
 * wakes a thread blocked in dispatch_block() (dispatch_unblock(), thread
 * pools) and is otherwise ignored.
 */
#include "rm_priv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define RM_PULSE_WAKE _PULSE_CODE_MAXAVAIL

/* Index of the handler whose range covers code (pulse or not), or -1. d->lock held. */
static int find_handler(dispatch_t *d, int code, int pulse)
{
	for (int i = 0; i < d->nmsgh; i++) {
		struct rm_msgh *h = &d->msgh[i];
		if (!!(h->flags & MSG_FLAG_TYPE_PULSE) != pulse)
			continue;
		if (!(h->flags & MSG_FLAG_DEFAULT_FUNC) && code >= h->low && code <= h->high)
			return i;
	}
	return -1;
}

/* Adds a handler entry. d->lock held. Returns 0 or ENOMEM. */
static int add_handler(dispatch_t *d, const struct rm_msgh *h)
{
	struct rm_msgh *n = realloc(d->msgh, (size_t)(d->nmsgh + 1) * sizeof(*n));

	if (n == NULL)
		return ENOMEM;
	d->msgh = n;
	d->msgh[d->nmsgh++] = *h;
	return 0;
}

/*
 * Calls func for messages whose type is in low..high (or, with
 * MSG_FLAG_DEFAULT_FUNC, for every message nothing else takes; with
 * MSG_FLAG_TYPE_PULSE the range is pulse codes). The range may not overlap
 * another or the _IO_* types. The handler replies itself. Returns 0, or -1
 * with errno EINVAL, EBUSY (overlap) or ENOMEM.
 */
int message_attach(dispatch_t *d, message_attr_t *attr, int low, int high,
                   int (*func)(message_context_t *ctp, int code, unsigned flags, void *handle),
                   void *handle)
{
	unsigned flags = attr ? attr->flags : 0;
	int pulse = !!(flags & MSG_FLAG_TYPE_PULSE);

	if (d == NULL || func == NULL || low > high ||
	    (pulse &&
	     (low < -128 || high > 127 || (low <= RM_PULSE_WAKE && high >= RM_PULSE_WAKE))) ||
	    (!pulse && !(flags & MSG_FLAG_DEFAULT_FUNC) &&
	     (low < 0 || high > 0xffff || (low <= _IO_MAX && high >= _IO_BASE)))) {
		errno = EINVAL;
		return -1;
	}
	__rm_lock(d);
	int err = 0;
	for (int i = 0; i < d->nmsgh && err == 0; i++) {
		struct rm_msgh *h = &d->msgh[i];
		if (!!(h->flags & MSG_FLAG_TYPE_PULSE) != pulse)
			continue;
		if (flags & MSG_FLAG_DEFAULT_FUNC)
			err = (h->flags & MSG_FLAG_DEFAULT_FUNC) ? EBUSY : 0;
		else if (!(h->flags & MSG_FLAG_DEFAULT_FUNC) && low <= h->high && high >= h->low)
			err = EBUSY;
	}
	if (err == 0) {
		struct rm_msgh h = {low, high, flags, func, handle};
		err = add_handler(d, &h);
	}
	if (err == 0 && attr != NULL)
		__rm_grow_sizes(d, attr->msg_max_size, attr->nparts_max);
	if (err == 0 && pulse)
		for (int c = low < 0 ? 0 : low; c <= high; c++)
			d->codes_used[c / 64] |= 1ull << (c % 64);
	__rm_unlock(d);
	if (err != 0) {
		errno = err;
		return -1;
	}
	return 0;
}

/* Removes the handler attached for exactly low..high. Returns 0, or -1 with errno EINVAL. */
int message_detach(dispatch_t *d, int low, int high, int flags)
{
	int pulse = !!((unsigned)flags & (MSG_FLAG_TYPE_PULSE | MSG_FLAG_MATCH_PULSE));

	if (d == NULL) {
		errno = EINVAL;
		return -1;
	}
	__rm_lock(d);
	for (int i = 0; i < d->nmsgh; i++) {
		struct rm_msgh *h = &d->msgh[i];
		if (!!(h->flags & MSG_FLAG_TYPE_PULSE) != pulse || h->low != low || h->high != high)
			continue;
		if (pulse)
			for (int c = low < 0 ? 0 : low; c <= high; c++)
				d->codes_used[c / 64] &= ~(1ull << (c % 64));
		memmove(h, h + 1, (size_t)(d->nmsgh - i - 1) * sizeof(*h));
		d->nmsgh--;
		__rm_unlock(d);
		return 0;
	}
	__rm_unlock(d);
	errno = EINVAL;
	return -1;
}

/*
 * Calls func for pulses with this code; with MSG_FLAG_ALLOC_PULSE a free
 * code (0..126) is chosen. Returns the code, or -1 with errno EINVAL,
 * EBUSY (code taken) or EAGAIN (no free code).
 */
int pulse_attach(dispatch_t *d, int flags, int code,
                 int (*func)(message_context_t *ctp, int code, unsigned flags, void *handle),
                 void *handle)
{
	message_attr_t attr = {.flags = MSG_FLAG_TYPE_PULSE};

	if (d == NULL || func == NULL) {
		errno = EINVAL;
		return -1;
	}
	if ((unsigned)flags & MSG_FLAG_ALLOC_PULSE) {
		__rm_lock(d);
		for (code = _PULSE_CODE_MINAVAIL; code < RM_PULSE_WAKE; code++)
			if (!(d->codes_used[code / 64] & (1ull << (code % 64))))
				break;
		if (code == RM_PULSE_WAKE) {
			__rm_unlock(d);
			errno = EAGAIN;
			return -1;
		}
		int r = message_attach(d, &attr, code, code, func, handle);
		__rm_unlock(d);
		return r < 0 ? -1 : code;
	}
	return message_attach(d, &attr, code, code, func, handle) < 0 ? -1 : code;
}

/* Removes the handler of pulse code. Returns 0, or -1 with errno EINVAL. */
int pulse_detach(dispatch_t *d, int code, int flags)
{
	return message_detach(d, code, code, MSG_FLAG_TYPE_PULSE);
}

/*
 * A connection from the process to d's own channel (for pulses to itself,
 * select_attach(), thread-pool wake-ups). Created once and kept. Returns
 * the coid, or -1 with errno.
 */
int message_connect(dispatch_t *d, int flags)
{
	if (d == NULL) {
		errno = EINVAL;
		return -1;
	}
	__rm_lock(d);
	if (d->self_coid < 0)
		d->self_coid = ConnectAttach(0, 0, d->chid, _NTO_SIDE_CHANNEL, 0);
	int coid = d->self_coid;
	__rm_unlock(d);
	return coid;
}

/* Calls the select handler a pulse code belongs to; 1 if there was one. select.c */
int __rm_select_pulse(resmgr_context_t *ctp, int code);

/*
 * Handles a pulse: the library's own codes (disconnect, unblock, wake),
 * select notifications, then pulse_attach() handlers. Returns 0.
 */
int __rm_pulse(resmgr_context_t *ctp)
{
	dispatch_t *d = ctp->dpp;
	struct _pulse *p = &ctp->msg->pulse;
	int code = p->code;

	if (code == _PULSE_CODE_DISCONNECT)
		__rm_scoid_gone(ctp, p->scoid);
	else if (code == _PULSE_CODE_UNBLOCK)
		__rm_unblock(ctp, (rcvid_t)p->value.sival_long);
	else if (code == RM_PULSE_WAKE)
		return 0;
	else if (__rm_select_pulse(ctp, code))
		return 0;
	__rm_lock(d);
	int i = find_handler(d, code, 1);
	struct rm_msgh h = i >= 0 ? d->msgh[i] : (struct rm_msgh){0};
	__rm_unlock(d);
	if (h.func != NULL) {
		ctp->id = code;
		h.func(ctp, code, 0, h.handle);
	}
	return 0;
}

/*
 * Handles a message outside the _IO_* range (or any message when no path
 * is attached): its message_attach() handler, the default handler, a
 * resource manager's other_func, or ENOSYS. Returns 0.
 */
int __rm_message(resmgr_context_t *ctp, int type)
{
	dispatch_t *d = ctp->dpp;

	__rm_lock(d);
	int i = find_handler(d, type, 0);
	if (i < 0)
		for (int k = 0; k < d->nmsgh && i < 0; k++)
			if ((d->msgh[k].flags & (MSG_FLAG_DEFAULT_FUNC | MSG_FLAG_TYPE_PULSE)) ==
			    MSG_FLAG_DEFAULT_FUNC)
				i = k;
	struct rm_msgh h = i >= 0 ? d->msgh[i] : (struct rm_msgh){0};
	int (*other)(resmgr_context_t *, void *) = NULL;
	for (int k = 0; k < d->nlinks && other == NULL; k++)
		if (d->links[k] != NULL && !d->links[k]->detached)
			other = d->links[k]->other_func;
	__rm_unlock(d);
	if (h.func != NULL) {
		ctp->id = type;
		h.func(ctp, type, 0, h.handle);
		return 0;
	}
	if (other != NULL) {
		__rm_reply(ctp, other(ctp, ctp->msg));
		return 0;
	}
	MsgError(ctp->rcvid, ENOSYS);
	return 0;
}
