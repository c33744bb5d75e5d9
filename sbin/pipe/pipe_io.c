/*
 * pipe_io.c - pipes: the ring, POSIX read/write semantics (PIPE_BUF
 * atomicity, EOF without writers, EPIPE and SIGPIPE without readers,
 * O_NONBLOCK), waiting clients, poll, and the /dev/pipe open that makes a
 * new pipe (the pipe() protocol is in docs/resmgr.md).
 */
#include "pipe.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/dcmd_chr.h>
#include <unistd.h>

size_t pipe_bufsize = 4 * PIPE_BUF;
resmgr_io_funcs_t pipe_io;

/* The threshold of "writable": room for an atomic write. */
static size_t out_room(const struct pipe *p)
{
	return p->size < PIPE_BUF ? p->size : PIPE_BUF;
}

/* The _NOTIFY_COND_* conditions met now. */
static int conditions(const struct pipe *p)
{
	int c = 0;

	if (p->len > 0 || p->attr.wcount == 0)
		c |= _NOTIFY_COND_INPUT;
	if (p->size - p->len >= out_room(p) || p->attr.rcount == 0)
		c |= _NOTIFY_COND_OUTPUT;
	return c;
}

/* Tells pollers what is true now. */
static void notify_all(struct pipe *p)
{
	int c = conditions(p);

	if (c & _NOTIFY_COND_INPUT)
		iofunc_notify_trigger(p->notify, p->len ? (int)p->len : INT_MAX,
		                      IOFUNC_NOTIFY_INPUT);
	if (c & _NOTIFY_COND_OUTPUT)
		iofunc_notify_trigger(p->notify, p->attr.rcount ? (int)(p->size - p->len) : INT_MAX,
		                      IOFUNC_NOTIFY_OUTPUT);
}

/* Appends a waiter at the tail of list *l. */
static void enqueue(struct pipe_wait **l, struct pipe_wait *w)
{
	while (*l != NULL)
		l = &(*l)->next;
	w->next = NULL;
	*l = w;
}

/* Replies to reader w with up to its want bytes from the ring; frees w. */
static void give(struct pipe *p, rcvid_t rcvid, size_t want)
{
	size_t k = p->len < want ? p->len : want;
	size_t first = p->size - p->head;
	iov_t iov[2];
	int parts = 0;

	if (k > 0) {
		size_t a = k < first ? k : first;
		SETIOV(&iov[0], p->buf + p->head, a);
		SETIOV(&iov[1], p->buf, k - a);
		parts = k > a ? 2 : 1; /* (SETIOV evaluates its first argument twice) */
	}
	MsgReplyv(rcvid, (long)k, iov, (size_t)parts);
	p->head = (p->head + k) % p->size;
	p->len -= k;
	if (p->len == 0)
		p->head = 0;
}

/*
 * Copies up to k bytes of a writer's message (client offset off) into the
 * ring. Returns the bytes copied, or -1 if the client's message cannot be
 * read (it went away).
 */
static ssize_t take(struct pipe *p, rcvid_t rcvid, size_t off, size_t k)
{
	size_t tail = (p->head + p->len) % p->size;
	size_t first = p->size - tail;
	iov_t iov[2];
	int parts;
	size_t a = k < first ? k : first;

	SETIOV(&iov[0], p->buf + tail, a);
	SETIOV(&iov[1], p->buf, k - a);
	parts = k > a ? 2 : 1;
	ssize_t n = MsgReadv(rcvid, iov, (size_t)parts, off);
	if (n < 0)
		return -1;
	p->len += (size_t)n;
	return n;
}

/* The writer's data start in its message (after the _io_write header). */
#define W_OFF(w) (sizeof(struct _io_write) + (w)->done)

/*
 * Moves data between waiting writers and readers until neither can go on:
 * readers get data in arrival order, writers fill the room in arrival
 * order (an atomic write waits until all of it fits). Readers waiting on
 * an empty pipe without writers get end of file; writers waiting on a pipe
 * without readers get EPIPE (with SIGPIPE) or the count they wrote.
 */
static void pump(struct pipe *p)
{
	for (int progress = 1; progress;) {
		progress = 0;
		while (p->readers != NULL && p->len > 0) {
			struct pipe_wait *r = p->readers;
			p->readers = r->next;
			give(p, r->rcvid, r->want);
			free(r);
			progress = 1;
		}
		while (p->writers != NULL) {
			struct pipe_wait *w = p->writers;
			if (p->attr.rcount == 0) {
				p->writers = w->next;
				if (w->done == 0) {
					struct _msg_info mi;
					if (MsgInfo(w->rcvid, &mi) == 0)
						SignalKill(0, mi.pid, mi.tid, SIGPIPE, SI_USER, 0);
					MsgError(w->rcvid, EPIPE);
				} else {
					MsgReply(w->rcvid, (long)w->done, NULL, 0);
				}
				free(w);
				progress = 1;
				continue;
			}
			size_t room = p->size - p->len, left = w->want - w->done;
			if (room == 0 || (w->atomic && left > room))
				break;
			ssize_t n = take(p, w->rcvid, W_OFF(w), left < room ? left : room);
			if (n <= 0) { /* the writer went away */
				p->writers = w->next;
				MsgError(w->rcvid, EFAULT);
				free(w);
				continue;
			}
			w->done += (size_t)n;
			progress = 1;
			if (w->done < w->want)
				break;
			p->writers = w->next;
			MsgReply(w->rcvid, (long)w->done, NULL, 0);
			free(w);
		}
	}
	if (p->len == 0 && p->attr.wcount == 0) {
		while (p->readers != NULL) { /* end of file */
			struct pipe_wait *r = p->readers;
			p->readers = r->next;
			MsgReply(r->rcvid, 0, NULL, 0);
			free(r);
		}
	}
	notify_all(p);
}

/* Queues the client of ctp; returns _RESMGR_NOREPLY or ENOMEM. */
static int wait_for(struct pipe_wait **l, resmgr_context_t *ctp, struct pipe_ocb *po, size_t want,
                    size_t done, int atomic)
{
	struct pipe_wait *w = calloc(1, sizeof(*w));

	if (w == NULL)
		return ENOMEM;
	w->rcvid = ctp->rcvid;
	w->ocb = po;
	w->want = want;
	w->done = done;
	w->atomic = atomic;
	enqueue(l, w);
	return _RESMGR_NOREPLY;
}

static int pipe_read(resmgr_context_t *ctp, io_read_t *msg, struct pipe_ocb *po)
{
	struct pipe *p = po->ocb.attr;
	int nonblock;
	int r = iofunc_read_verify(ctp, msg, &po->ocb, &nonblock);

	if (r != EOK)
		return r;
	if ((msg->i.xtype & _IO_XTYPE_MASK) != _IO_XTYPE_NONE)
		return ENOSYS;
	size_t n = _IO_READ_GET_NBYTES(msg);
	if (n == 0) {
		_IO_SET_READ_NBYTES(ctp, 0);
		return _RESMGR_NPARTS(0);
	}
	if (p->len > 0) {
		give(p, ctp->rcvid, n);
		p->attr.flags |= IOFUNC_ATTR_ATIME;
		pump(p);
		return _RESMGR_NOREPLY;
	}
	if (p->attr.wcount == 0) {
		_IO_SET_READ_NBYTES(ctp, 0); /* end of file */
		return _RESMGR_NPARTS(0);
	}
	if (nonblock)
		return EAGAIN;
	return wait_for(&p->readers, ctp, po, n, 0, 0);
}

static int pipe_write(resmgr_context_t *ctp, io_write_t *msg, struct pipe_ocb *po)
{
	struct pipe *p = po->ocb.attr;
	int nonblock;
	int r = iofunc_write_verify(ctp, msg, &po->ocb, &nonblock);

	if (r != EOK)
		return r;
	if ((msg->i.xtype & _IO_XTYPE_MASK) != _IO_XTYPE_NONE)
		return ENOSYS;
	size_t n = _IO_WRITE_GET_NBYTES(msg);
	if (n == 0) {
		_IO_SET_WRITE_NBYTES(ctp, 0);
		return _RESMGR_NPARTS(0);
	}
	if (p->attr.rcount == 0) {
		SignalKill(0, ctp->info.pid, ctp->info.tid, SIGPIPE, SI_USER, 0);
		return EPIPE;
	}
	int atomic = n <= PIPE_BUF;
	size_t done = 0;
	if (p->writers == NULL) {
		size_t room = p->size - p->len;
		if (room > 0 && (!atomic || n <= room)) {
			ssize_t k = take(p, ctp->rcvid, ctp->offset + sizeof(msg->i),
			                 n < room ? n : room);
			if (k < 0)
				return EFAULT;
			done = (size_t)k;
			p->attr.flags |= IOFUNC_ATTR_MTIME | IOFUNC_ATTR_CTIME;
			pump(p);
		}
	}
	if (done == n || (nonblock && done > 0)) {
		_IO_SET_WRITE_NBYTES(ctp, (long)done);
		return _RESMGR_NPARTS(0);
	}
	if (nonblock)
		return EAGAIN;
	r = wait_for(&p->writers, ctp, po, n, done, atomic);
	/* the pump above may have emptied the ring into a waiting reader, which
	 * then waits again: the queued rest of this write must move now */
	if (r == _RESMGR_NOREPLY)
		pump(p);
	return r;
}

static int pipe_close_ocb(resmgr_context_t *ctp, void *reserved, struct pipe_ocb *po);

/* Removes the waiter of rcvid (any list) for an unblock request. */
static int pipe_unblock(resmgr_context_t *ctp, io_pulse_t *msg, struct pipe_ocb *po)
{
	struct pipe *p = po->ocb.attr;
	struct pipe_wait **lists[3] = {&p->readers, &p->writers, &p->opens};

	for (int i = 0; i < 3; i++)
		for (struct pipe_wait **l = lists[i]; *l != NULL; l = &(*l)->next) {
			struct pipe_wait *w = *l;
			if (w->rcvid != ctp->rcvid)
				continue;
			*l = w->next;
			size_t done = w->done;
			free(w);
			if (i == 1 && done > 0) { /* a write interrupted after some data */
				MsgReply(ctp->rcvid, (long)done, NULL, 0);
				return _RESMGR_NOREPLY;
			}
			if (i == 2) { /* an open that waited for the other end: undo it */
				po->open_pending = 0;
				resmgr_unbind(ctp);
				pipe_close_ocb(ctp, NULL, po);
			}
			return EINTR;
		}
	return _RESMGR_DEFAULT;
}

/* Answers the open waits that the other end's arrival satisfies. */
static void release_opens(struct pipe *p)
{
	for (struct pipe_wait **l = &p->opens; *l != NULL;) {
		struct pipe_wait *w = *l;
		int ioflag = w->ocb->ocb.ioflag;
		int ok = ((ioflag & _IO_FLAG_RD) && p->attr.wcount > 0) ||
		         ((ioflag & _IO_FLAG_WR) && p->attr.rcount > 0);
		if (!ok) {
			l = &w->next;
			continue;
		}
		*l = w->next;
		w->ocb->open_pending = 0;
		MsgReply(w->rcvid, 0, NULL, 0);
		free(w);
	}
}

static int pipe_close_ocb(resmgr_context_t *ctp, void *reserved, struct pipe_ocb *po)
{
	struct pipe *p = po->ocb.attr;
	struct pipe_wait **lists[3] = {&p->readers, &p->writers, &p->opens};

	for (int i = 0; i < 3; i++) /* clients still waiting through this OCB */
		for (struct pipe_wait **l = lists[i]; *l != NULL;) {
			struct pipe_wait *w = *l;
			if (w->ocb != po) {
				l = &w->next;
				continue;
			}
			*l = w->next;
			MsgError(w->rcvid, EBADF);
			free(w);
		}
	iofunc_notify_remove(ctp, p->notify);
	iofunc_ocb_detach(ctp, &po->ocb);
	free(po);
	pump(p);
	pipe_free_if_unused(p);
	return EOK;
}

static int pipe_notify(resmgr_context_t *ctp, io_notify_t *msg, struct pipe_ocb *po)
{
	struct pipe *p = po->ocb.attr;
	int counts[3] = {1, (int)out_room(p), 1};

	return iofunc_notify(ctp, msg, p->notify, conditions(p), counts, NULL);
}

static int pipe_stat(resmgr_context_t *ctp, io_stat_t *msg, struct pipe_ocb *po)
{
	po->ocb.attr->attr.nbytes = (off_t)po->ocb.attr->len;
	return iofunc_stat_default(ctp, msg, &po->ocb);
}

static int pipe_devctl(resmgr_context_t *ctp, io_devctl_t *msg, struct pipe_ocb *po)
{
	int r = iofunc_devctl_default(ctp, msg, &po->ocb);

	if (r != _RESMGR_DEFAULT)
		return r;
	if (msg->i.dcmd != DCMD_CHR_ISCHARS)
		return ENOTTY;
	unsigned n = (unsigned)po->ocb.attr->len;
	memset(&msg->o, 0, sizeof(msg->o));
	msg->o.nbytes = sizeof(n);
	memcpy(_DEVCTL_DATA(msg->o), &n, sizeof(n));
	return _RESMGR_PTR(ctp, &msg->o, sizeof(msg->o) + sizeof(n));
}

/* An OCB of p for the client with the open flags ioflag; bound, counted. */
static int new_ocb(resmgr_context_t *ctp, struct pipe *p, uint32_t ioflag, uint16_t sflag,
                   struct pipe_ocb **out)
{
	struct pipe_ocb *po = calloc(1, sizeof(*po));
	io_open_t m;

	if (po == NULL)
		return ENOMEM;
	memset(&m, 0, sizeof(m));
	m.connect.ioflag = ioflag;
	m.connect.sflag = sflag;
	int r = iofunc_ocb_attach(ctp, &m, &po->ocb, &p->attr, &pipe_io);
	if (r != EOK) {
		free(po);
		return r;
	}
	*out = po;
	return EOK;
}

/*
 * _IO_OPENFD: with xtype _IO_OPENFD_PIPE, the other end of the pipe (any
 * access the pipe's permissions allow); otherwise a new OCB with at most
 * the access of the original.
 */
static int pipe_openfd(resmgr_context_t *ctp, io_openfd_t *msg, struct pipe_ocb *po)
{
	struct pipe *p = po->ocb.attr;
	uint32_t want = msg->i.ioflag & _IO_FLAG_MASK;
	struct pipe_ocb *n;

	if (msg->i.xtype == _IO_OPENFD_PIPE) {
		mode_t m = (want & _IO_FLAG_RD ? S_IREAD : 0) | (want & _IO_FLAG_WR ? S_IWRITE : 0);
		int r = iofunc_check_access(ctp, &p->attr, m, NULL);
		if (r != EOK)
			return r;
	} else if ((want & (uint32_t)po->ocb.ioflag) != want) {
		return EACCES;
	}
	int r = new_ocb(ctp, p, msg->i.ioflag, msg->i.sflag, &n);
	if (r != EOK)
		return r;
	release_opens(p);
	pump(p);
	return EOK;
}

/*
 * Opens p for the client of ctp (checks permissions). For a FIFO, an open
 * for reading only waits for a writer and one for writing only waits for
 * a reader (O_NONBLOCK: the reader goes on, the writer fails with ENXIO).
 * Returns the reply result.
 */
int pipe_open_ocb(resmgr_context_t *ctp, io_open_t *msg, struct pipe *p, int fifo)
{
	int r = iofunc_open(ctp, msg, &p->attr, NULL, NULL);
	struct pipe_ocb *po;

	if (r != EOK)
		return r;
	uint32_t io = msg->connect.ioflag;
	if (fifo && (io & _IO_FLAG_MASK) == _IO_FLAG_WR && p->attr.rcount == 0 &&
	    (io & O_NONBLOCK) && msg->connect.subtype == _IO_CONNECT_OPEN)
		return ENXIO;
	if ((r = new_ocb(ctp, p, io, msg->connect.sflag, &po)) != EOK)
		return r;
	release_opens(p);
	int need_other = ((io & _IO_FLAG_MASK) == _IO_FLAG_RD && p->attr.wcount == 0 &&
	                  !(io & O_NONBLOCK)) ||
	                 ((io & _IO_FLAG_MASK) == _IO_FLAG_WR && p->attr.rcount == 0);
	if (fifo && need_other && msg->connect.subtype == _IO_CONNECT_OPEN) {
		po->open_pending = 1;
		r = wait_for(&p->opens, ctp, po, 0, 0, 0);
		if (r != _RESMGR_NOREPLY) {
			resmgr_unbind(ctp);
			pipe_close_ocb(ctp, NULL, po);
		}
		return r;
	}
	pump(p);
	return EOK;
}

/* A new empty pipe owned by owner. Returns it or NULL (ENOMEM). */
struct pipe *pipe_new(mode_t mode, const struct _client_info *owner)
{
	struct pipe *p = calloc(1, sizeof(*p));

	if (p == NULL)
		return NULL;
	p->buf = malloc(pipe_bufsize);
	if (p->buf == NULL) {
		free(p);
		return NULL;
	}
	p->size = pipe_bufsize;
	iofunc_attr_init(&p->attr, S_IFIFO | (mode & 07777), NULL, (struct _client_info *)owner);
	IOFUNC_NOTIFY_INIT(p->notify);
	static ino_t ino;
	p->attr.inode = ++ino;
	return p;
}

/* Frees p once nothing refers to it (no OCB; a FIFO also once unlinked). */
void pipe_free_if_unused(struct pipe *p)
{
	if (p->attr.count != 0 || (p->name != NULL && !p->unlinked))
		return;
	free(p->buf);
	free(p->name);
	pthread_mutex_destroy(&p->attr.lock);
	free(p);
}

/* Open of /dev/pipe: a new pipe, owned by the client (mode 0600). */
static int devpipe_open(resmgr_context_t *ctp, io_open_t *msg, struct pipe *handle, void *extra)
{
	struct _client_info ci;

	if (msg->connect.path[0] != '\0')
		return ENOENT;
	int r = iofunc_client_info(ctp, 0, &ci);
	if (r != EOK)
		return r;
	struct pipe *p = pipe_new(0600, &ci);
	if (p == NULL)
		return ENOMEM;
	r = pipe_open_ocb(ctp, msg, p, 0);
	if (r != EOK)
		pipe_free_if_unused(p);
	return r;
}

/* Fills the I/O table of pipe OCBs. */
void pipe_funcs_init(void)
{
	iofunc_func_init(0, NULL, _RESMGR_IO_NFUNCS, &pipe_io);
	pipe_io.read = pipe_read;
	pipe_io.write = pipe_write;
	pipe_io.close_ocb = pipe_close_ocb;
	pipe_io.notify = pipe_notify;
	pipe_io.unblock = pipe_unblock;
	pipe_io.stat = pipe_stat;
	pipe_io.devctl = pipe_devctl;
	pipe_io.openfd = pipe_openfd;
}

int pipe_attach(dispatch_t *dpp, const char *fifodir)
{
	static resmgr_connect_funcs_t cf;
	static struct pipe devattr;

	pipe_funcs_init();
	memset(&cf, 0, sizeof(cf));
	cf.nfuncs = _RESMGR_CONNECT_NFUNCS;
	cf.open = devpipe_open;
	iofunc_attr_init(&devattr.attr, S_IFCHR | 0666, NULL, NULL);
	if (resmgr_attach(dpp, NULL, "/dev/pipe", _FTYPE_ANY, 0, &cf, &pipe_io, &devattr) < 0)
		return -1;
	if (fifodir != NULL && fifo_attach(dpp, fifodir) < 0)
		return -1;
	return 0;
}
