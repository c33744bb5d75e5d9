/*
 * poll.c - poll() over _IO_NOTIFY.
 *
 * Each call makes a private channel and a connection to it. Every
 * descriptor's server gets _IO_NOTIFY with _NOTIFY_ACTION_POLLARM: it
 * reports the conditions already met, and arms the others to deliver a
 * pulse (our event) when they become true. If nothing is ready, the
 * thread waits for a pulse (bounded by the timeout through TimerTimeout),
 * then polls every descriptor again. A server that does not implement
 * _IO_NOTIFY (ENOSYS) is treated as always ready, as POSIX says of
 * regular files.
 */
#include <poll.h>
#include <string.h>
#include <time.h>
#include "qsoe_os.h"

#define POLL_PULSE_CODE 1

/* The _NOTIFY_COND_* conditions for poll events. */
static int32_t conds_of(short events)
{
	int32_t c = 0;

	if (events & (POLLIN | POLLRDNORM))
		c |= _NOTIFY_COND_INPUT;
	if (events & (POLLOUT | POLLWRNORM | POLLWRBAND))
		c |= _NOTIFY_COND_OUTPUT;
	if (events & (POLLPRI | POLLRDBAND))
		c |= _NOTIFY_COND_OBAND;
	return c;
}

/* The poll events that the met conditions c satisfy among those asked. */
static short events_of(uint32_t c, short asked)
{
	short r = 0;

	if (c & _NOTIFY_COND_INPUT)
		r |= POLLIN | POLLRDNORM;
	if (c & _NOTIFY_COND_OUTPUT)
		r |= POLLOUT | POLLWRNORM;
	if (c & _NOTIFY_COND_OBAND)
		r |= POLLPRI | POLLRDBAND;
	return r & asked;
}

/* Polls (and arms, with arm) one descriptor; fills its revents. */
static void poll_one(struct pollfd *p, unsigned index, int coid, int arm)
{
	struct _io_notify m;
	struct _io_notify_reply rep;

	p->revents = 0;
	if (p->fd < 0)
		return;
	if (!__qsoe_isfd(p->fd)) {
		p->revents = POLLNVAL;
		return;
	}
	memset(&m, 0, sizeof(m));
	memset(&rep, 0, sizeof(rep));
	m.type = _IO_NOTIFY;
	m.combine_len = sizeof(m);
	m.action = arm ? _NOTIFY_ACTION_POLLARM : _NOTIFY_ACTION_POLL;
	m.flags = conds_of(p->events);
	SIGEV_PULSE_INIT(&m.event, coid, SIGEV_PULSE_PRIO_INHERIT, POLL_PULSE_CODE, index);
	long r = MsgSend_r(p->fd, &m, sizeof(m), &rep, sizeof(rep));
	if (r == -EBADF)
		p->revents = POLLNVAL;
	else if (r == -ESRCH)
		p->revents = POLLHUP; /* the server went away */
	else if (r == -ENOSYS || r == -ENOTSUP)
		p->revents = p->events & (POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM);
	else if (r < 0)
		p->revents = POLLERR;
	else
		p->revents = events_of(rep.flags, p->events);
}

int poll(struct pollfd fds[], nfds_t n, int timeout)
{
	uint64_t deadline = 0;
	int chid = -1, coid = -1, ready, err = 0;

	__qsoe_testcancel();
	if (n > 0x7fffffff)
		return (int)__qsoe_ret(-EINVAL);
	if (timeout > 0) {
		struct timespec now;
		clock_gettime(CLOCK_MONOTONIC, &now);
		deadline = (uint64_t)now.tv_sec * 1000000000ull + (uint64_t)now.tv_nsec +
		           (uint64_t)timeout * 1000000ull;
	}
	if (timeout != 0) {
		chid = ChannelCreate_r(_NTO_CHF_PRIVATE);
		if (chid < 0)
			return (int)__qsoe_ret(-EAGAIN);
		coid = ConnectAttach_r(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
		if (coid < 0) {
			ChannelDestroy_r(chid);
			return (int)__qsoe_ret(-EAGAIN);
		}
	}
	for (;;) {
		ready = 0;
		for (nfds_t i = 0; i < n; i++) {
			poll_one(&fds[i], (unsigned)i, coid, timeout != 0);
			if (fds[i].revents)
				ready++;
		}
		if (ready || timeout == 0)
			break;
		struct _pulse pulse;
		if (timeout > 0)
			TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_RECEIVE | TIMER_ABSTIME, NULL,
			               &deadline, NULL);
		int r = MsgReceivePulse_r(chid, &pulse, sizeof(pulse), NULL);
		if (r == -ETIMEDOUT)
			break;
		if (r < 0) {
			err = r == -EINTR ? -EINTR : -EAGAIN;
			break;
		}
	}
	if (coid >= 0) {
		ConnectDetach_r(coid);
		ChannelDestroy_r(chid);
	}
	return err ? (int)__qsoe_ret(err) : ready;
}
