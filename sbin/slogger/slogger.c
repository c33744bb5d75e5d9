/*
 * slogger.c - /dev/slog: the system logger's handlers (see slogger.h).
 *
 * A write is one event: struct slog_write and the data, or anything else
 * taken as text at _SLOG_INFO. slogger stamps it with the sender's pid and
 * tid (from the kernel's message information, so they cannot be forged)
 * and the time. A read returns as many whole events as fit in the
 * caller's buffer (EMSGSIZE if not even one does), starting after the
 * last one this open read; with nothing new it waits (EAGAIN with
 * O_NONBLOCK). Events pushed out of the ring before a reader got them are
 * skipped: the reader sees a gap in the sequence numbers.
 */
#include "slogger.h"

#include <sys/slogcodes.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static struct slog_ring ring;
static iofunc_attr_t attr;
static iofunc_notify_t notify[3];
static resmgr_connect_funcs_t connect_funcs;
static resmgr_io_funcs_t io_funcs;
static int echo_level = -1;

/* A reader waiting for events. */
struct waiter {
	struct waiter *next;
	rcvid_t rcvid;
	struct slog_ocb *ocb;
	size_t cap;
};
static struct waiter *waiters;

struct slog_ring *slogger_ring(void)
{
	return &ring;
}

/* Prints an event on stdout if its severity is echoed. */
static void echo(const struct slog_event *ev, const char *data)
{
	if (ev->severity > echo_level || !(ev->flags & _SLOG_FLAG_TEXT))
		return;
	printf("slog: %d/%d sev %d pid %d: %.*s\n", _SLOG_GETMAJOR(ev->opcode),
	       _SLOG_GETMINOR(ev->opcode), ev->severity, ev->pid, (int)ev->len, data);
	fflush(stdout);
}

/*
 * Gives waiting readers what they can take now (one reply each). Called
 * after every new event.
 */
static void serve_waiters(void)
{
	for (struct waiter **pp = &waiters; *pp != NULL;) {
		struct waiter *w = *pp;
		if (slog_ring_pending(&ring, w->ocb->seq) == 0) {
			pp = &w->next;
			continue;
		}
		char *buf = malloc(w->cap);
		long n = buf ? slog_ring_read(&ring, &w->ocb->seq, buf, w->cap) : -2;
		if (n == -2)
			MsgError(w->rcvid, ENOMEM);
		else if (n < 0)
			MsgError(w->rcvid, EMSGSIZE);
		else
			MsgReply(w->rcvid, n, buf, (size_t)n);
		free(buf);
		*pp = w->next;
		free(w);
	}
}

/* Adds an event (data already copied) and tells readers and pollers. */
static int add_event(int32_t opcode, int severity, unsigned flags, pid_t pid, int tid,
                     const char *data, size_t len)
{
	struct slog_event ev;
	struct timespec now;

	memset(&ev, 0, sizeof(ev));
	clock_gettime(CLOCK_REALTIME, &now);
	ev.opcode = opcode;
	ev.severity = (int16_t)severity;
	ev.flags = (uint16_t)flags;
	ev.pid = pid;
	ev.tid = tid;
	ev.time_ns = (uint64_t)now.tv_sec * 1000000000ull + (uint64_t)now.tv_nsec;
	if (slog_ring_append(&ring, &ev, data, len) < 0)
		return EMSGSIZE;
	echo(&ev, data);
	attr.flags |= IOFUNC_ATTR_MTIME;
	serve_waiters();
	iofunc_notify_trigger(notify, 1, IOFUNC_NOTIFY_INPUT);
	return EOK;
}

void slogger_log(int opcode, int severity, const char *text)
{
	add_event(opcode, severity, _SLOG_FLAG_TEXT, 0, 0, text, strlen(text) + 1);
}

static int slog_write(resmgr_context_t *ctp, io_write_t *msg, struct slog_ocb *o)
{
	int r = iofunc_write_verify(ctp, msg, &o->ocb, NULL);

	if (r != EOK)
		return r;
	if ((msg->i.xtype & _IO_XTYPE_MASK) != _IO_XTYPE_NONE)
		return ENOSYS;
	size_t n = _IO_WRITE_GET_NBYTES(msg);
	if (n > sizeof(struct slog_write) + _SLOG_DATA_MAX)
		return EMSGSIZE;
	char buf[sizeof(struct slog_write) + _SLOG_DATA_MAX + 1];
	if (resmgr_msgread(ctp, buf, n, sizeof(msg->i)) != (ssize_t)n)
		return EFAULT;
	struct slog_write h;
	const char *data = buf;
	size_t len = n;
	memset(&h, 0, sizeof(h));
	if (n >= sizeof(h))
		memcpy(&h, buf, sizeof(h));
	if (n >= sizeof(h) && h.magic == _SLOG_WIRE_MAGIC) {
		if (h.severity < 0 || h.severity > _SLOG_SEVMAXVAL ||
		    (h.flags & ~(uint32_t)(_SLOG_FLAG_TEXT | _SLOG_FLAG_BINARY | _SLOG_FLAG_INTS)))
			return EINVAL;
		data = buf + sizeof(h);
		len = n - sizeof(h);
	} else {
		/* Plain text (echo hello > /dev/slog): one event, without a trailing newline. */
		while (len > 0 && (buf[len - 1] == '\n' || buf[len - 1] == '\0'))
			len--;
		h.opcode = _SLOG_SETCODE(_SLOGC_CONSOLE, 0);
		h.severity = _SLOG_INFO;
		h.flags = _SLOG_FLAG_TEXT;
	}
	if (!(h.flags & _SLOG_FLAG_TEXT) && len > _SLOG_DATA_MAX)
		return EMSGSIZE;
	if ((h.flags & _SLOG_FLAG_TEXT) &&
	    (len == 0 || data[len - 1] != '\0' || len > _SLOG_DATA_MAX)) {
		if (len >= _SLOG_DATA_MAX)
			len = _SLOG_DATA_MAX - 1; /* text is cut to fit, with its NUL */
		((char *)data)[len++] = '\0';
	}
	r = add_event(h.opcode, h.severity, h.flags, ctp->info.pid, ctp->info.tid, data, len);
	if (r != EOK)
		return r;
	_IO_SET_WRITE_NBYTES(ctp, (long)n);
	return _RESMGR_NPARTS(0);
}

static int slog_read(resmgr_context_t *ctp, io_read_t *msg, struct slog_ocb *o)
{
	int nonblock;
	int r = iofunc_read_verify(ctp, msg, &o->ocb, &nonblock);

	if (r != EOK)
		return r;
	if ((msg->i.xtype & _IO_XTYPE_MASK) != _IO_XTYPE_NONE)
		return ENOSYS;
	size_t cap = _IO_READ_GET_NBYTES(msg);
	if (cap > 1u << 20)
		cap = 1u << 20;
	if (slog_ring_pending(&ring, o->seq) == 0) {
		if (nonblock)
			return EAGAIN;
		struct waiter *w = calloc(1, sizeof(*w));
		if (w == NULL)
			return ENOMEM;
		w->rcvid = ctp->rcvid;
		w->ocb = o;
		w->cap = cap;
		w->next = waiters;
		waiters = w;
		return _RESMGR_NOREPLY;
	}
	char *buf = malloc(cap ? cap : 1);
	if (buf == NULL)
		return ENOMEM;
	long n = slog_ring_read(&ring, &o->seq, buf, cap);
	if (n < 0) {
		free(buf);
		return EMSGSIZE;
	}
	MsgReply(ctp->rcvid, n, buf, (size_t)n);
	free(buf);
	return _RESMGR_NOREPLY;
}

/* Drops the waiters of o (all of them when o is NULL); with err, replies it to them. */
static void drop_waiters(struct slog_ocb *o, rcvid_t only, int err)
{
	for (struct waiter **pp = &waiters; *pp != NULL;) {
		struct waiter *w = *pp;
		if ((o != NULL && w->ocb != o) || (only != 0 && w->rcvid != only)) {
			pp = &w->next;
			continue;
		}
		if (err)
			MsgError(w->rcvid, err);
		*pp = w->next;
		free(w);
	}
}

static int slog_unblock(resmgr_context_t *ctp, io_pulse_t *msg, struct slog_ocb *o)
{
	for (struct waiter *w = waiters; w != NULL; w = w->next)
		if (w->rcvid == ctp->rcvid) {
			drop_waiters(o, ctp->rcvid, 0);
			return EINTR;
		}
	return _RESMGR_DEFAULT;
}

static int slog_close(resmgr_context_t *ctp, void *reserved, struct slog_ocb *o)
{
	drop_waiters(o, 0, EBADF);
	iofunc_notify_remove(ctp, notify);
	return iofunc_close_ocb_default(ctp, reserved, &o->ocb);
}

static int slog_notify(resmgr_context_t *ctp, io_notify_t *msg, struct slog_ocb *o)
{
	int trig =
	        _NOTIFY_COND_OUTPUT | (slog_ring_pending(&ring, o->seq) ? _NOTIFY_COND_INPUT : 0);

	return iofunc_notify(ctp, msg, notify, trig, NULL, NULL);
}

static int slog_devctl(resmgr_context_t *ctp, io_devctl_t *msg, struct slog_ocb *o)
{
	int r = iofunc_devctl_default(ctp, msg, &o->ocb);

	if (r != _RESMGR_DEFAULT)
		return r;
	switch (msg->i.dcmd) {
	case DCMD_SLOG_CLEAR: {
		struct _client_info ci;
		if ((r = iofunc_client_info(ctp, 0, &ci)) != EOK)
			return r;
		if (ci.cred.euid != 0)
			return EPERM;
		slog_ring_clear(&ring);
		memset(&msg->o, 0, sizeof(msg->o));
		return _RESMGR_PTR(ctp, &msg->o, sizeof(msg->o));
	}
	case DCMD_SLOG_STATS: {
		struct slog_stats s = {(uint32_t)ring.size, (uint32_t)ring.used, ring.count,
		                       ring.first,          ring.total,          ring.dropped};
		memset(&msg->o, 0, sizeof(msg->o));
		msg->o.nbytes = sizeof(s);
		memcpy(_DEVCTL_DATA(msg->o), &s, sizeof(s));
		return _RESMGR_PTR(ctp, &msg->o, sizeof(msg->o) + sizeof(s));
	}
	default:
		return ENOTTY;
	}
}

/* New opens start reading at the oldest event held. */
static struct slog_ocb *slog_ocb_calloc(resmgr_context_t *ctp, iofunc_attr_t *a)
{
	struct slog_ocb *o = calloc(1, sizeof(*o));

	if (o != NULL)
		o->seq = ring.first;
	return o;
}

static void slog_ocb_free(struct slog_ocb *o)
{
	free(o);
}

int slogger_attach(dispatch_t *dpp, const char *path, size_t ring_size, int echo_sev)
{
	static iofunc_funcs_t ocb_funcs = {_IOFUNC_NFUNCS, slog_ocb_calloc, slog_ocb_free, 0, 0, 0};
	static iofunc_mount_t mount = {.funcs = &ocb_funcs, .conf = IOFUNC_PC_CHOWN_RESTRICTED};

	if (slog_ring_init(&ring, ring_size) < 0) {
		errno = ring_size < 2 * slog_record_size(_SLOG_DATA_MAX) ? EINVAL : ENOMEM;
		return -1;
	}
	echo_level = echo_sev;
	iofunc_func_init(_RESMGR_CONNECT_NFUNCS, &connect_funcs, _RESMGR_IO_NFUNCS, &io_funcs);
	io_funcs.read = slog_read;
	io_funcs.write = slog_write;
	io_funcs.close_ocb = slog_close;
	io_funcs.unblock = slog_unblock;
	io_funcs.notify = slog_notify;
	io_funcs.devctl = slog_devctl;
	iofunc_attr_init(&attr, S_IFCHR | 0666, NULL, NULL);
	attr.mount = &mount;
	IOFUNC_NOTIFY_INIT(notify);
	return resmgr_attach(dpp, NULL, path, _FTYPE_ANY, 0, &connect_funcs, &io_funcs, &attr) < 0
	               ? -1
	               : 0;
}
