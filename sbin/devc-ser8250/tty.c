/*
 * tty.c - the terminal resource manager (see tty.h): reads through the
 * line discipline (blocking, O_NONBLOCK, VMIN/VTIME), writes through
 * output processing into the output queue, echo, signals to the
 * foreground process group, poll, unblocking, and the output queue fed to
 * the hardware as it has room.
 */
#include "tty.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static resmgr_connect_funcs_t tty_connect;
static resmgr_io_funcs_t tty_io;

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}

/* ---- the output queue ---- */

/* Queues up to n bytes for transmission; returns how many fitted. */
static size_t txq_put(struct tty *t, const char *buf, size_t n)
{
	size_t room = t->tx_size - t->tx_len;

	if (n > room)
		n = room;
	for (size_t i = 0; i < n; i++)
		t->tx[(t->tx_head + t->tx_len + i) % t->tx_size] = buf[i];
	t->tx_len += n;
	return n;
}

void tty_flush_output(struct tty *t)
{
	t->tx_head = t->tx_len = 0;
}

/* Feeds the hardware from the output queue (unless output is stopped). */
void tty_kick(struct tty *t)
{
	while (t->tx_len > 0 && !t->ld.stopped) {
		size_t room = t->port.tx_room(t->port.hw);
		if (room == 0)
			break;
		size_t k = t->tx_len < room ? t->tx_len : room;
		size_t first = t->tx_size - t->tx_head;
		if (k > first)
			k = first;
		t->port.tx_put(t->port.hw, t->tx + t->tx_head, k);
		t->tx_head = (t->tx_head + k) % t->tx_size;
		t->tx_len -= k;
		t->tx_bytes += k;
	}
	if (t->tx_len == 0)
		t->tx_head = 0;
	t->port.tx_irq(t->port.hw, t->tx_len > 0 && !t->ld.stopped);
}

/* ---- line discipline callbacks ---- */

static void ld_output(void *arg, const char *buf, size_t n)
{
	txq_put(arg, buf, n); /* echo that does not fit is lost, as on any terminal */
}

void tty_signal(struct tty *t, int signo)
{
	if (t->pgrp > 0)
		SignalKill(0, -t->pgrp, 0, signo, SI_USER, 0);
}

static void ld_signal(void *arg, int signo)
{
	struct tty *t = arg;

	if (!(t->ld.t.c_lflag & NOFLSH))
		tty_flush_output(t);
	tty_signal(t, signo);
}

static void ld_wake(void *arg)
{
}

static const struct ldisc_ops ld_ops = {ld_output, ld_signal, ld_wake};

/* ---- waiting clients ---- */

/* Queues ctp's client at the end of *l. Returns the entry, or NULL (no memory). */

struct tty_wait *tty_wait_add(struct tty_wait **l, resmgr_context_t *ctp, struct tty_ocb *o,
                              size_t want, size_t done)
{
	struct tty_wait *w = calloc(1, sizeof(*w));

	if (w == NULL)
		return NULL;
	w->rcvid = ctp->rcvid;
	w->ocb = o;
	w->want = want;
	w->done = done;
	w->start = now_ns();
	while (*l != NULL)
		l = &(*l)->next;
	*l = w;
	return w;
}

/* Replies to a reader with what the line discipline gives for up to k bytes. */
static void give(struct tty *t, rcvid_t rcvid, size_t k)
{
	char buf[4096];

	if (k > sizeof(buf))
		k = sizeof(buf);
	size_t n = ldisc_read(&t->ld, buf, k);
	MsgReply(rcvid, (long)n, buf, n);
}

/*
 * Runs up to n - done bytes of a writer's data (client offset off) through
 * output processing into the output queue. Returns the new done count, or
 * (size_t)-1 if the client's message cannot be read.
 */
static size_t write_some(struct tty *t, rcvid_t rcvid, size_t off, size_t n, size_t done)
{
	char in[256], out[2 * sizeof(in)];

	while (done < n && t->tx_size - t->tx_len >= 8) {
		size_t want = n - done < sizeof(in) ? n - done : sizeof(in);
		ssize_t got = MsgRead(rcvid, in, want, off + done);
		if (got <= 0)
			return (size_t)-1;
		size_t room = t->tx_size - t->tx_len, used;
		size_t k = ldisc_opost(&t->ld, in, (size_t)got, out,
		                       room < sizeof(out) ? room : sizeof(out), &used);
		txq_put(t, out, k);
		done += used;
		if (used == 0)
			break;
	}
	return done;
}

/* Whether a read would not block (for poll). */
static int input_ready(const struct tty *t)
{
	return ldisc_readable(&t->ld) > 0 || ((t->ld.t.c_lflag & ICANON) && t->ld.lines_n > 0);
}

/*
 * Answers every waiting client that can be answered now (readers in
 * order, writers in order, drainers once the queue is empty), re-arms the
 * VTIME timer, feeds the hardware and tells pollers.
 */
void tty_service(struct tty *t)
{
	int64_t now = now_ns(), next = 0;

	for (struct tty_wait **l = &t->readers; *l != NULL;) {
		struct tty_wait *w = *l;
		int64_t wake;
		long r = ldisc_read_check(&t->ld, w->want, w->start, now, &wake);
		if (r == LDISC_BLOCK) {
			if (wake != 0 && (next == 0 || wake < next))
				next = wake;
			l = &w->next;
			continue;
		}
		if (r > 0) {
			give(t, w->rcvid, (size_t)r);
		} else {
			ldisc_read(&t->ld, NULL, 0); /* uses up an end-of-file mark */
			MsgReply(w->rcvid, 0, NULL, 0);
		}
		*l = w->next;
		free(w);
	}
	if (next != t->timer_at) {
		t->timer_at = next;
		if (t->port.timer)
			t->port.timer(t->port.hw, next);
	}
	tty_kick(t);
	while (t->writers != NULL) {
		struct tty_wait *w = t->writers;
		size_t d = write_some(t, w->rcvid, sizeof(struct _io_write), w->want, w->done);
		if (d == (size_t)-1) {
			MsgError(w->rcvid, EFAULT);
		} else if (d < w->want) {
			w->done = d;
			tty_kick(t);
			if (t->tx_size - t->tx_len < 8)
				break;
			continue;
		} else {
			MsgReply(w->rcvid, (long)d, NULL, 0);
		}
		t->writers = w->next;
		free(w);
		tty_kick(t);
	}
	if (t->tx_len == 0 && t->port.tx_room(t->port.hw) > 0) {
		while (t->drainers != NULL) {
			struct tty_wait *w = t->drainers;
			t->drainers = w->next;
			MsgReply(w->rcvid, 0, NULL, 0);
			free(w);
		}
	}
	if (input_ready(t))
		iofunc_notify_trigger(t->notify, (int)ldisc_readable(&t->ld) + 1,
		                      IOFUNC_NOTIFY_INPUT);
	if (t->tx_len < t->tx_size)
		iofunc_notify_trigger(t->notify, (int)(t->tx_size - t->tx_len),
		                      IOFUNC_NOTIFY_OUTPUT);
}

void tty_rx(struct tty *t, const char *buf, size_t n)
{
	t->rx_bytes += n;
	ldisc_input(&t->ld, buf, n, now_ns());
	tty_service(t);
}

void tty_tx_ready(struct tty *t)
{
	tty_service(t);
}

void tty_timer(struct tty *t)
{
	t->timer_at = 0;
	tty_service(t);
}

/* ---- handlers ---- */

static int tty_read(resmgr_context_t *ctp, io_read_t *msg, struct tty_ocb *o)
{
	struct tty *t = o->ocb.attr;
	int nonblock;
	int r = iofunc_read_verify(ctp, msg, &o->ocb, &nonblock);

	if (r != EOK)
		return r;
	if ((msg->i.xtype & _IO_XTYPE_MASK) != _IO_XTYPE_NONE)
		return ENOSYS;
	size_t n = _IO_READ_GET_NBYTES(msg);
	if (n == 0) {
		_IO_SET_READ_NBYTES(ctp, 0);
		return _RESMGR_NPARTS(0);
	}
	int64_t now = now_ns(), wake;
	long k = t->readers ? LDISC_BLOCK : ldisc_read_check(&t->ld, n, now, now, &wake);
	if (k > 0) {
		give(t, ctp->rcvid, (size_t)k);
		tty_service(t);
		return _RESMGR_NOREPLY;
	}
	if (k == 0) {
		ldisc_read(&t->ld, NULL, 0); /* uses up an end-of-file mark */
		_IO_SET_READ_NBYTES(ctp, 0);
		return _RESMGR_NPARTS(0);
	}
	if (nonblock)
		return EAGAIN;
	if (tty_wait_add(&t->readers, ctp, o, n, 0) == NULL)
		return ENOMEM;
	tty_service(t); /* starts the VTIME timer if there is one */
	return _RESMGR_NOREPLY;
}

static int tty_write(resmgr_context_t *ctp, io_write_t *msg, struct tty_ocb *o)
{
	struct tty *t = o->ocb.attr;
	int nonblock;
	int r = iofunc_write_verify(ctp, msg, &o->ocb, &nonblock);

	if (r != EOK)
		return r;
	if ((msg->i.xtype & _IO_XTYPE_MASK) != _IO_XTYPE_NONE)
		return ENOSYS;
	size_t n = _IO_WRITE_GET_NBYTES(msg), done = 0;
	if (t->writers == NULL) {
		done = write_some(t, ctp->rcvid, ctp->offset + sizeof(msg->i), n, 0);
		if (done == (size_t)-1)
			return EFAULT;
		tty_kick(t);
	}
	t->attr.flags |= IOFUNC_ATTR_MTIME | IOFUNC_ATTR_CTIME;
	if (done == n || (nonblock && done > 0)) {
		_IO_SET_WRITE_NBYTES(ctp, (long)done);
		return _RESMGR_NPARTS(0);
	}
	if (nonblock)
		return EAGAIN;
	if (tty_wait_add(&t->writers, ctp, o, n, done) == NULL)
		return ENOMEM;
	return _RESMGR_NOREPLY;
}

/* Removes ctp's client from the wait lists (unblock). */
static int tty_unblock(resmgr_context_t *ctp, io_pulse_t *msg, struct tty_ocb *o)
{
	struct tty *t = o->ocb.attr;
	struct tty_wait **lists[3] = {&t->readers, &t->writers, &t->drainers};

	for (int i = 0; i < 3; i++)
		for (struct tty_wait **l = lists[i]; *l != NULL; l = &(*l)->next) {
			struct tty_wait *w = *l;
			if (w->rcvid != ctp->rcvid)
				continue;
			*l = w->next;
			size_t done = w->done;
			free(w);
			if (i == 1 && done > 0) {
				MsgReply(ctp->rcvid, (long)done, NULL, 0);
				return _RESMGR_NOREPLY;
			}
			return EINTR;
		}
	return _RESMGR_DEFAULT;
}

/* Drops the waiters of OCB o, answering them err. */
static void drop_waiters(struct tty *t, struct tty_ocb *o, int err)
{
	struct tty_wait **lists[3] = {&t->readers, &t->writers, &t->drainers};

	for (int i = 0; i < 3; i++)
		for (struct tty_wait **l = lists[i]; *l != NULL;) {
			struct tty_wait *w = *l;
			if (w->ocb != o) {
				l = &w->next;
				continue;
			}
			*l = w->next;
			MsgError(w->rcvid, err);
			free(w);
		}
}

static int tty_close(resmgr_context_t *ctp, void *reserved, struct tty_ocb *o)
{
	struct tty *t = o->ocb.attr;

	drop_waiters(t, o, EBADF);
	iofunc_notify_remove(ctp, t->notify);
	iofunc_ocb_detach(ctp, &o->ocb);
	free(o);
	return EOK;
}

static int tty_notify(resmgr_context_t *ctp, io_notify_t *msg, struct tty_ocb *o)
{
	struct tty *t = o->ocb.attr;
	int trig = (input_ready(t) ? _NOTIFY_COND_INPUT : 0) |
	           (t->tx_len < t->tx_size ? _NOTIFY_COND_OUTPUT : 0);

	return iofunc_notify(ctp, msg, t->notify, trig, NULL, NULL);
}

/* OCBs are struct tty_ocb (the iofunc OCB first). */
static struct tty_ocb *tty_ocb_calloc(resmgr_context_t *ctp, struct tty *t)
{
	return calloc(1, sizeof(struct tty_ocb));
}

static void tty_ocb_free(struct tty_ocb *o)
{
	free(o);
}

int tty_init(struct tty *t, const struct tty_port *port, size_t inq, size_t outq)
{
	static iofunc_funcs_t funcs = {_IOFUNC_NFUNCS, tty_ocb_calloc, tty_ocb_free, 0, 0, 0};
	static iofunc_mount_t mount = {.funcs = &funcs, .conf = IOFUNC_PC_CHOWN_RESTRICTED};

	memset(t, 0, sizeof(*t));
	if (ldisc_init(&t->ld, inq, inq, &ld_ops, t) < 0)
		return -1;
	t->tx = malloc(outq);
	if (t->tx == NULL) {
		ldisc_fini(&t->ld);
		return -1;
	}
	t->tx_size = outq;
	t->port = *port;
	iofunc_attr_init(&t->attr, S_IFCHR | 0666, NULL, NULL);
	t->attr.mount = &mount;
	t->attr.rdev = 1;
	IOFUNC_NOTIFY_INIT(t->notify);
	iofunc_func_init(_RESMGR_CONNECT_NFUNCS, &tty_connect, _RESMGR_IO_NFUNCS, &tty_io);
	tty_io.read = tty_read;
	tty_io.write = tty_write;
	tty_io.close_ocb = tty_close;
	tty_io.unblock = tty_unblock;
	tty_io.notify = tty_notify;
	tty_io.devctl = tty_devctl;
	if (t->port.set_line)
		t->port.set_line(t->port.hw, &t->ld.t);
	return 0;
}

int tty_attach(dispatch_t *dpp, struct tty *t, const char *path)
{
	if (t->name[0] == '\0') {
		strncpy(t->name, path, sizeof(t->name) - 1);
	}
	return resmgr_attach(dpp, NULL, path, _FTYPE_ANY, 0, &tty_connect, &tty_io, t) < 0 ? -1 : 0;
}
