/*
 * select.c - select_attach(): call a handler from the dispatch loop when a
 * descriptor becomes readable, writable or has out-of-band data.
 *
 * The descriptor's server is asked with _IO_NOTIFY (_NOTIFY_ACTION_POLLARM)
 * to deliver a pulse with a code of our own to our own channel; when the
 * pulse comes, the conditions are polled again and the handler called.
 */
#include "rm_priv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* _NOTIFY_COND_* bits for SELECT_FLAG_* bits and back. */
static int to_cond(unsigned f)
{
	return (f & SELECT_FLAG_READ ? _NOTIFY_COND_INPUT : 0) |
	       (f & SELECT_FLAG_WRITE ? _NOTIFY_COND_OUTPUT : 0) |
	       (f & SELECT_FLAG_EXCEPT ? _NOTIFY_COND_OBAND : 0);
}

static unsigned from_cond(unsigned c)
{
	return (c & _NOTIFY_COND_INPUT ? SELECT_FLAG_READ : 0) |
	       (c & _NOTIFY_COND_OUTPUT ? SELECT_FLAG_WRITE : 0) |
	       (c & _NOTIFY_COND_OBAND ? SELECT_FLAG_EXCEPT : 0);
}

/*
 * Sends _IO_NOTIFY with action to fd for conditions cond, asking for a
 * pulse (coid, code, value fd). Returns the conditions met now, or -errno.
 */
static int notify(int fd, int action, int cond, int coid, int code)
{
	io_notify_t m;

	memset(&m, 0, sizeof(m));
	m.i.type = _IO_NOTIFY;
	m.i.combine_len = sizeof(m.i);
	m.i.action = action;
	m.i.flags = cond;
	m.i.event.sigev_notify = SIGEV_PULSE;
	m.i.event.sigev_coid = coid;
	m.i.event.sigev_priority = SIGEV_PULSE_PRIO_INHERIT;
	m.i.event.sigev_code = (short)code;
	m.i.event.sigev_value.sival_int = fd;
	long r = MsgSendnc_r(fd, &m.i, sizeof(m.i), &m.o, sizeof(m.o));
	if (r < 0)
		return (int)r;
	return (int)(m.o.flags & (unsigned)cond);
}

/* Arms fd for entry s; if a condition is met already, queues the pulse now. */
static int arm(dispatch_t *d, const struct rm_select *s)
{
	int coid = message_connect(d, MSG_FLAG_SIDE_CHANNEL);

	if (coid < 0)
		return -errno;
	int met = notify(s->fd, _NOTIFY_ACTION_POLLARM, to_cond(s->flags), coid, s->code);
	if (met > 0)
		MsgSendPulse(coid, -1, s->code, s->fd);
	return met < 0 ? met : 0;
}

/*
 * Calls func(ctp, fd, flags met, handle) from the dispatch loop when fd
 * meets one of the SELECT_FLAG_* conditions in flags; with
 * SELECT_FLAG_REARM it stays armed, otherwise it is detached after one
 * call. Returns 0, or -1 with errno (EINVAL, EBUSY: fd attached already,
 * EAGAIN: no free pulse code, or the fd's server's error).
 */
int select_attach(void *dpp, select_attr_t *attr, int fd, unsigned flags,
                  int (*func)(select_context_t *ctp, int fd, unsigned flags, void *handle),
                  void *handle)
{
	dispatch_t *d = dpp;

	if (d == NULL || func == NULL || fd < 0 || to_cond(flags) == 0) {
		errno = EINVAL;
		return -1;
	}
	__rm_lock(d);
	int err = 0, code;
	for (int i = 0; i < d->nsel; i++)
		if (d->sel[i].fd == fd)
			err = EBUSY;
	for (code = _PULSE_CODE_MINAVAIL; code < _PULSE_CODE_MAXAVAIL; code++)
		if (!(d->codes_used[code / 64] & (1ull << (code % 64))))
			break;
	if (err == 0 && code == _PULSE_CODE_MAXAVAIL)
		err = EAGAIN;
	struct rm_select *n = NULL;
	if (err == 0 && (n = realloc(d->sel, (size_t)(d->nsel + 1) * sizeof(*n))) == NULL)
		err = ENOMEM;
	if (err != 0) {
		__rm_unlock(d);
		errno = err;
		return -1;
	}
	d->sel = n;
	struct rm_select s = {fd, flags, code, func, handle};
	d->sel[d->nsel++] = s;
	d->codes_used[code / 64] |= 1ull << (code % 64);
	__rm_unlock(d);
	int r = arm(d, &s);
	if (r < 0) {
		select_detach(d, fd);
		errno = -r;
		return -1;
	}
	return 0;
}

/* Forgets fd. Returns 0, or -1 with errno EINVAL if it was not attached. */
int select_detach(void *dpp, int fd)
{
	dispatch_t *d = dpp;

	if (d == NULL) {
		errno = EINVAL;
		return -1;
	}
	__rm_lock(d);
	for (int i = 0; i < d->nsel; i++) {
		if (d->sel[i].fd != fd)
			continue;
		int code = d->sel[i].code;
		d->codes_used[code / 64] &= ~(1ull << (code % 64));
		d->sel[i] = d->sel[--d->nsel];
		__rm_unlock(d);
		return 0;
	}
	__rm_unlock(d);
	errno = EINVAL;
	return -1;
}

/*
 * Handles the pulse of a select_attach()ed descriptor: polls it, calls the
 * handler with the conditions met and re-arms or detaches. Returns 1 if
 * code belonged to a descriptor, else 0.
 */
int __rm_select_pulse(resmgr_context_t *ctp, int code)
{
	dispatch_t *d = ctp->dpp;
	struct rm_select s;
	int found = 0;

	__rm_lock(d);
	for (int i = 0; i < d->nsel && !found; i++)
		if (d->sel[i].code == code) {
			s = d->sel[i];
			found = 1;
		}
	__rm_unlock(d);
	if (!found)
		return 0;
	int met = notify(s.fd, _NOTIFY_ACTION_POLL, to_cond(s.flags), -1, code);
	unsigned got = met < 0 ? SELECT_FLAG_SRVEXCEPT : from_cond((unsigned)met);
	if (got != 0) {
		if (!(s.flags & SELECT_FLAG_REARM))
			select_detach(d, s.fd);
		ctp->id = s.fd;
		s.func(ctp, s.fd, got, s.handle);
	}
	if (met >= 0 && ((s.flags & SELECT_FLAG_REARM) || got == 0)) {
		__rm_lock(d);
		int still = 0;
		for (int i = 0; i < d->nsel; i++)
			still |= d->sel[i].code == code && d->sel[i].fd == s.fd;
		__rm_unlock(d);
		if (still)
			arm(d, &s);
	}
	return 1;
}

/* The fd and conditions of the select pulse in ctp. Returns 0, or -1 with errno EINVAL. */
int select_query(select_context_t *ctp, int *fd, unsigned *flags)
{
	if (ctp == NULL || ctp->rcvid != 0) {
		errno = EINVAL;
		return -1;
	}
	if (fd != NULL)
		*fd = ctp->msg->pulse.value.sival_int;
	if (flags != NULL)
		*flags = 0;
	return 0;
}
