/*
 * resmgr_handler.c - handling one _IO_* message: connect messages go to
 * the link's connect table, I/O messages to the I/O table of the OCB the
 * client connection is bound to. Combined messages (_IO_CONNECT_COMBINE,
 * _IO_COMBINE_FLAG) are handled in order; the reply of the last one is
 * what the client gets, and the first error stops the chain.
 */
#include "rm_priv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Smallest length of each I/O message (its fixed header). */
static size_t io_min_len(int type)
{
	switch (type) {
	case _IO_READ:
	case _IO_READ64:
		return sizeof(struct _io_read);
	case _IO_WRITE:
	case _IO_WRITE64:
		return sizeof(struct _io_write);
	case _IO_STAT:
		return sizeof(struct _io_stat);
	case _IO_NOTIFY:
	case _IO_NOTIFY64:
		return sizeof(struct _io_notify);
	case _IO_DEVCTL:
		return sizeof(struct _io_devctl);
	case _IO_PATHCONF:
		return sizeof(struct _io_pathconf);
	case _IO_LSEEK:
		return sizeof(struct _io_lseek);
	case _IO_CHMOD:
		return sizeof(struct _io_chmod);
	case _IO_CHOWN:
		return sizeof(struct _io_chown);
	case _IO_UTIME:
	case _IO_UTIME64:
		return sizeof(struct _io_utime);
	case _IO_OPENFD:
		return sizeof(struct _io_openfd);
	case _IO_FDINFO:
		return sizeof(struct _io_fdinfo);
	case _IO_LOCK:
		return sizeof(struct _io_lock);
	case _IO_SPACE:
		return sizeof(struct _io_space);
	case _IO_MMAP:
		return sizeof(struct _io_mmap);
	case _IO_MSG:
		return sizeof(struct _io_msg);
	case _IO_DUP:
		return sizeof(struct _io_dup);
	case _IO_SYNC:
		return sizeof(struct _io_sync);
	default:
		return sizeof(struct _io_combine);
	}
}

/* The handler of I/O message type in io (NULL if none). */
typedef int (*io_fn)(resmgr_context_t *, void *, void *);
static io_fn io_handler(const resmgr_io_funcs_t *io, int type)
{
	if (io == NULL)
		return NULL;
	unsigned idx = (unsigned)(type - _IO_BASE - 1);
	io_fn fn = NULL;
	if (idx < io->nfuncs && idx < _RESMGR_IO_NFUNCS)
		memcpy(&fn, (const char *)io + offsetof(resmgr_io_funcs_t, read) + idx * sizeof(fn),
		       sizeof(fn));
	if (fn != NULL)
		return fn;
	switch (type) { /* the 64-bit forms fall back on the plain handlers */
	case _IO_READ64:
		return (io_fn)io->read;
	case _IO_WRITE64:
		return (io_fn)io->write;
	case _IO_NOTIFY64:
		return (io_fn)(io->nfuncs >= 5 ? io->notify : NULL);
	case _IO_UTIME64:
		return (io_fn)(io->nfuncs >= 12 ? io->utime : NULL);
	default:
		return NULL;
	}
}

/*
 * Makes sure the message at client offset off has at least need bytes in
 * ctp's buffer (reading it from the client if the receive did not get
 * it) and points *mp at it. Returns 0 or an errno.
 */
static int fetch(resmgr_context_t *ctp, size_t off, size_t need, void **mp)
{
	size_t inbuf = (size_t)ctp->info.msglen;

	if (off + need <= inbuf && off + need <= ctp->msg_max_size) {
		*mp = (char *)ctp->msg + off;
		return 0;
	}
	if (need > ctp->msg_max_size)
		return EMSGSIZE;
	ssize_t n = MsgRead(ctp->rcvid, ctp->msg, ctp->msg_max_size, off);
	if (n < 0)
		return errno;
	if ((size_t)n < need)
		return EBADMSG;
	/* The buffer now holds the client's message from off on. */
	ctp->info.msglen = (ssize_t)((size_t)n + off);
	*mp = ctp->msg;
	return 0;
}

/*
 * Runs one I/O message (not _IO_CLOSE/_IO_DUP/_IO_OPENFD) on OCB o with
 * the OCB locked through lock_ocb/unlock_ocb. Returns the handler result.
 */
static int io_one(resmgr_context_t *ctp, struct rm_ocb *o, void *m, int type)
{
	io_fn fn = io_handler(o->io, type);

	if (fn == NULL)
		return ENOSYS;
	const resmgr_io_funcs_t *io = o->io;
	if (io->nfuncs >= 23 && io->lock_ocb != NULL) {
		int r = io->lock_ocb(ctp, NULL, o->ocb);
		if (r != EOK)
			return r;
	}
	int r = fn(ctp, m, o->ocb);
	if (io->nfuncs >= 24 && io->unlock_ocb != NULL)
		io->unlock_ocb(ctp, NULL, o->ocb);
	return r;
}

/*
 * _IO_CLOSE: the close_dup handler, then the connection's binding goes
 * (and the OCB with it when it was the last). Returns the reply result.
 */
static int io_close(resmgr_context_t *ctp, struct rm_ocb *o, void *m)
{
	int r = EOK;
	const resmgr_io_funcs_t *io = o->io;

	if (io != NULL && io->nfuncs >= 22 && io->close_dup != NULL)
		r = io->close_dup(ctp, m, o->ocb);
	if (r == _RESMGR_DEFAULT)
		r = EOK;
	__rm_lock(ctp->dpp);
	struct rm_ocb *b = __rm_bind_remove(ctp->dpp, ctp->info.scoid, ctp->info.coid);
	__rm_unlock(ctp->dpp);
	if (b != NULL)
		__rm_ocb_put(ctp, b, 1);
	return r;
}

/*
 * Handles the I/O messages of ctp starting at client offset off (a chain
 * linked by _IO_COMBINE_FLAG). Returns the result to reply with.
 */
static int io_chain(resmgr_context_t *ctp, size_t off)
{
	dispatch_t *d = ctp->dpp;
	struct rm_ctx *rc = RM_CTX(ctp);
	int r = EOK;

	for (;;) {
		void *m;
		int e = fetch(ctp, off, sizeof(struct _io_combine), &m);
		if (e != 0)
			return e;
		struct _io_combine hdr = *(struct _io_combine *)m;
		int type = hdr.type;
		if (type <= _IO_BASE || type > _IO_MAX)
			return ENOSYS;
		if ((e = fetch(ctp, off, io_min_len(type), &m)) != 0)
			return e == EBADMSG ? EINVAL : e;
		ctp->offset = off;
		ctp->status = 0;
		if (type == _IO_DUP) {
			r = __rm_dup(ctp, m);
		} else if (type == _IO_OPENFD) {
			r = __rm_openfd(ctp, m);
		} else {
			struct rm_ocb *o = __rm_ocb_get(d, ctp->info.scoid, ctp->info.coid);
			if (o == NULL)
				return EBADF;
			rc->cur = o;
			ctp->id = o->link_id;
			if (type == _IO_CLOSE)
				r = io_close(ctp, o, m);
			else
				r = io_one(ctp, o, m, type);
			rc->cur = NULL;
			__rm_ocb_put(ctp, o, 0);
		}
		size_t len = hdr.combine_len & ~_IO_COMBINE_FLAG;
		if (!(hdr.combine_len & _IO_COMBINE_FLAG) || (r != EOK && r != _RESMGR_NPARTS(0)))
			return r;
		if (len < sizeof(hdr))
			return EINVAL;
		off += len;
	}
}

/*
 * Handles the message in ctp (an _IO_* message) and replies. Returns 0,
 * or -1 if it was not an _IO_* message.
 */
int resmgr_handler(resmgr_context_t *ctp)
{
	if (ctp->rcvid == 0)
		return __rm_pulse(ctp);
	int type = ctp->msg->type;
	int r;
	if (type == _IO_CONNECT)
		r = __rm_connect(ctp);
	else if (type > _IO_BASE && type <= _IO_MAX)
		r = __rm_io(ctp);
	else
		return -1;
	__rm_reply(ctp, r);
	return 0;
}

/* Handles an I/O message (chain). Returns the reply result. */
int __rm_io(resmgr_context_t *ctp)
{
	return io_chain(ctp, 0);
}

/* Reads a connect message longer than ctp's buffer into a buffer of its own. */
static int connect_fetch(resmgr_context_t *ctp, size_t total)
{
	struct rm_ctx *rc = RM_CTX(ctp);

	if (total > RM_CONNECT_MAX)
		return ENAMETOOLONG;
	void *b = malloc(total + 1);
	if (b == NULL)
		return ENOMEM;
	ssize_t n = MsgRead(ctp->rcvid, b, total, 0);
	if (n < 0 || (size_t)n < total) {
		int e = n < 0 ? errno : EBADMSG;
		free(b);
		return e;
	}
	rc->bigbuf = b;
	ctp->msg = b;
	ctp->msg_max_size = total;
	ctp->info.msglen = (ssize_t)total;
	return 0;
}

/* The absolute path of an open: the link's path and the rest (malloc'd; NULL if unknown). */
static char *open_path(const char *link, const char *rest)
{
	if (link == NULL)
		return NULL;
	size_t a = strlen(link), b = strlen(rest);
	char *p = malloc(a + b + 2);
	if (p == NULL)
		return NULL;
	memcpy(p, link, a);
	if (b > 0) {
		if (a == 0 || p[a - 1] != '/')
			p[a++] = '/';
		memcpy(p + a, rest, b);
	}
	p[a + b] = 0;
	return p;
}

/*
 * Handles an _IO_CONNECT message: checks it, calls the link's connect
 * handler and, for a combined open, the I/O messages that follow it.
 * Returns the reply result.
 */
int __rm_connect(resmgr_context_t *ctp)
{
	dispatch_t *d = ctp->dpp;

	if ((size_t)ctp->info.msglen < sizeof(struct _io_connect))
		return EBADMSG;
	struct _io_connect *c = &ctp->msg->open.connect;
	size_t total = sizeof(*c) + c->path_len + c->extra_len;
	if (c->path_len == 0)
		return EINVAL;
	if (total > (size_t)ctp->info.msglen) {
		int e = connect_fetch(ctp, total);
		if (e != 0)
			return e;
		c = &ctp->msg->open.connect;
	}
	if (c->path[c->path_len - 1] != '\0' || strlen(c->path) + 1 != c->path_len)
		return EINVAL;
	__rm_lock(d);
	struct rm_link *l = c->handle < (unsigned)d->nlinks ? d->links[c->handle] : NULL;
	struct rm_link link = l != NULL ? *l : (struct rm_link){0};
	__rm_unlock(d);
	if (l == NULL || link.detached)
		return ENOENT;
	if (link.file_type != _FTYPE_ANY && (int)c->file_type != link.file_type &&
	    (int)c->file_type != _FTYPE_ANY)
		return ENOSYS;
	ctp->id = link.id;
	ctp->status = 0;
	ctp->offset = 0;
	const resmgr_connect_funcs_t *cf = link.connect;
	void *extra = c->path + c->path_len;
	int sub = c->subtype;
	int r;
	typedef int (*cfn)(resmgr_context_t *, void *, void *, void *);
	cfn fn = NULL;
	switch (sub) {
	case _IO_CONNECT_COMBINE:
	case _IO_CONNECT_COMBINE_CLOSE:
	case _IO_CONNECT_OPEN:
		fn = (cfn)(cf && cf->nfuncs >= 1 ? cf->open : NULL);
		break;
	case _IO_CONNECT_UNLINK:
		fn = (cfn)(cf && cf->nfuncs >= 2 ? cf->unlink : NULL);
		break;
	case _IO_CONNECT_RENAME:
		fn = (cfn)(cf && cf->nfuncs >= 3 ? cf->rename : NULL);
		break;
	case _IO_CONNECT_MKNOD:
		fn = (cfn)(cf && cf->nfuncs >= 4 ? cf->mknod : NULL);
		break;
	case _IO_CONNECT_READLINK:
		fn = (cfn)(cf && cf->nfuncs >= 5 ? cf->readlink : NULL);
		break;
	case _IO_CONNECT_LINK:
		fn = (cfn)(cf && cf->nfuncs >= 6 ? cf->link : NULL);
		break;
	case _IO_CONNECT_MOUNT:
		fn = (cfn)(cf && cf->nfuncs >= 8 ? cf->mount : NULL);
		break;
	default:
		return ENOSYS;
	}
	if (fn == NULL)
		return ENOSYS;
	struct rm_ctx *rc = RM_CTX(ctp);
	rc->open_path = open_path(link.path, c->path);
	r = fn(ctp, ctp->msg, link.handle, extra);
	free(rc->open_path);
	rc->open_path = NULL;
	if (sub != _IO_CONNECT_COMBINE && sub != _IO_CONNECT_COMBINE_CLOSE)
		return r;
	if (r != EOK || ctp->status != 0)
		return r;
	/* The open succeeded: handle the I/O message(s) combined with it. */
	size_t off = (total + RM_COMBINE_ALIGN - 1) & ~(size_t)(RM_COMBINE_ALIGN - 1);
	size_t srclen = (size_t)ctp->info.srcmsglen;
	if (off < srclen)
		r = io_chain(ctp, off);
	if (sub == _IO_CONNECT_COMBINE_CLOSE) {
		__rm_lock(d);
		struct rm_ocb *o = __rm_bind_remove(d, ctp->info.scoid, ctp->info.coid);
		__rm_unlock(d);
		if (o != NULL)
			__rm_ocb_put(ctp, o, 1);
	}
	return r;
}

/*
 * The client of rcvid asks to be unblocked (a signal or a timeout while
 * REPLY-blocked on us). Calls the unblock handler of the OCB its connection
 * is bound to with ctp->rcvid = rcvid, and replies as it says (an errno
 * such as EINTR unblocks the client; _RESMGR_DEFAULT/_RESMGR_NOREPLY leave
 * it waiting for the reply the request will get anyway).
 */
void __rm_unblock(resmgr_context_t *ctp, rcvid_t rcvid)
{
	struct _msg_info info;

	if (MsgInfo(rcvid, &info) < 0)
		return; /* already replied to */
	struct rm_ocb *o = __rm_ocb_get(ctp->dpp, info.scoid, info.coid);
	if (o == NULL)
		return;
	const resmgr_io_funcs_t *io = o->io;
	int r = _RESMGR_DEFAULT;
	rcvid_t saved = ctp->rcvid;
	struct _msg_info saved_info = ctp->info;
	ctp->rcvid = rcvid;
	ctp->info = info;
	ctp->id = o->link_id;
	if (io != NULL && io->nfuncs >= 7 && io->unblock != NULL)
		r = io->unblock(ctp, &ctp->msg->pulse, o->ocb);
	if (r != _RESMGR_DEFAULT && r != _RESMGR_NOREPLY)
		__rm_reply(ctp, r);
	__rm_ocb_put(ctp, o, 0);
	ctp->rcvid = saved;
	ctp->info = saved_info;
}
