/*
 * io.c - the _IO_* messages on a client's open file of taskman's own file
 * systems (after the _IO_CONNECT that opened it): read (files, directories
 * as QNX struct dirent records, /dev/zero, /dev/urandom), write, stat,
 * lseek, close, dup, fdinfo, pathconf, notify, space (ftruncate of shared
 * memory), mmap, chmod/chown (shared memory), sync. A message whose
 * combine_len has _IO_COMBINE_FLAG is followed by another, handled in
 * turn; the reply is the last one's.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <taskman/fs.h>
#include <taskman/proc.h>

#define DEV_CHUNK (64 * 1024) /* most bytes of /dev/zero or /dev/urandom per read */

void tm_do_connect(struct tm_msg *m);
int tm_io_read(struct tm_msg *m, size_t off, struct tm_ocb *ocb, struct tm_ioreply *out);
int tm_io_mmap(struct tm_msg *m, size_t off, struct tm_ocb *ocb, struct tm_ioreply *out);

/* Frees what a reply owns. */
static void out_free(struct tm_ioreply *out)
{
	free(out->heap);
	out->heap = NULL;
}

/* stat: the OCB's description (shared memory refreshed from the object). */
static int io_stat(struct tm_ocb *ocb, struct tm_ioreply *out)
{
	if (ocb->shm)
		fs_shm_stat(ocb->shm, &ocb->st);
	out->data = &ocb->st;
	out->len = sizeof(ocb->st);
	return 0;
}

/* _IO_WRITE: devices swallow the data; shared memory stores it. */
static int io_write(struct tm_msg *m, size_t off, struct tm_ocb *ocb, struct tm_ioreply *out)
{
	if (tm_msg_fetch(m, off + sizeof(struct _io_write)) < 0)
		return -EINVAL;
	io_write_t *w = (io_write_t *)((char *)m->buf + off);
	uint64_t n = _IO_WRITE_GET_NBYTES(w);
	if (!(ocb->ioflag & _IO_FLAG_WR))
		return -EBADF;
	if ((w->i.xtype & _IO_XTYPE_MASK) != _IO_XTYPE_NONE)
		return -ENOSYS;
	switch (ocb->kind) {
	case TM_OCB_NULL:
	case TM_OCB_ZERO:
	case TM_OCB_URANDOM:
		out->status = (long)n; /* consumed without reading */
		return 0;
	case TM_OCB_SHM: {
		tm_lock(&ocb->lock);
		ssize_t r = fs_shm_write(ocb->shm, m->rcvid, off + sizeof(struct _io_write),
		                         ocb->offset, n, (ocb->ioflag & O_APPEND) != 0);
		if (r >= 0)
			ocb->offset = (uint64_t)r;
		tm_unlock(&ocb->lock);
		if (r < 0)
			return (int)r;
		out->status = (long)n;
		return 0;
	}
	default:
		return -EBADF;
	}
}

/* _IO_LSEEK: the new position is the reply (devices stay at 0). */
static int io_lseek(struct tm_msg *m, size_t off, struct tm_ocb *ocb, struct tm_ioreply *out)
{
	if (tm_msg_fetch(m, off + sizeof(struct _io_lseek)) < 0)
		return -EINVAL;
	const struct _io_lseek *q = (const void *)((char *)m->buf + off);
	int64_t base;

	if (ocb->kind == TM_OCB_NULL || ocb->kind == TM_OCB_ZERO || ocb->kind == TM_OCB_URANDOM) {
		out->off = 0;
		goto done;
	}
	if (ocb->shm)
		fs_shm_stat(ocb->shm, &ocb->st);
	tm_lock(&ocb->lock);
	switch (q->whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = (int64_t)ocb->offset;
		break;
	case SEEK_END:
		base = ocb->kind == TM_OCB_DIR ? (int64_t)ocb->ndirents : (int64_t)ocb->st.st_size;
		break;
	default:
		tm_unlock(&ocb->lock);
		return -EINVAL;
	}
	if ((q->offset > 0 && base > INT64_MAX - q->offset) || base + q->offset < 0) {
		tm_unlock(&ocb->lock);
		return q->offset > 0 ? -EOVERFLOW : -EINVAL;
	}
	ocb->offset = (uint64_t)(base + q->offset);
	out->off = ocb->offset;
	tm_unlock(&ocb->lock);
done:
	out->data = &out->off;
	out->len = sizeof(out->off);
	return 0;
}

/* _IO_DUP: binds the OCB of the connection the message names to this one. */
static int io_dup(struct tm_msg *m, size_t off)
{
	if (tm_msg_fetch(m, off + sizeof(struct _io_dup)) < 0)
		return -EINVAL;
	const struct _io_dup *q = (const void *)((char *)m->buf + off);
	pid_t owner = q->info.pid, me = m->info.pid;

	if (owner != me) {
		/* only the owner's children (inheritance) and root may take it over */
		struct tm_procent e;
		struct tm_cred c;
		if (tm_proc_describe(me, &e) < 0 || tm_proc_cred(me, &c) < 0)
			return -ESRCH;
		if (e.ppid != owner && c.euid != 0)
			return -EPERM;
	}
	struct tm_ocb *ocb = tm_ocb_get(owner, q->info.coid);
	if (ocb == NULL)
		return -EBADF;
	int r = tm_ocb_bind(ocb, me, m->info.coid);
	tm_ocb_put(ocb);
	return r;
}

/* _IO_FDINFO: the open file's state and the path it was opened as. */
static int io_fdinfo(struct tm_msg *m, size_t off, struct tm_ocb *ocb, struct tm_ioreply *out)
{
	if (tm_msg_fetch(m, off + sizeof(struct _io_fdinfo)) < 0)
		return -EINVAL;
	const struct _io_fdinfo *q = (const void *)((char *)m->buf + off);
	const char *path = ocb->path ? ocb->path : "";
	size_t plen = strlen(path), room = q->path_len > 0 ? (size_t)q->path_len : 0;
	size_t n = plen + 1 < room ? plen + 1 : room;
	struct _io_fdinfo_reply *r = calloc(1, sizeof(*r) + n + 1);

	if (r == NULL)
		return -ENOMEM;
	if (ocb->shm)
		fs_shm_stat(ocb->shm, &ocb->st);
	r->info.mode = ocb->st.st_mode;
	r->info.ioflag = ocb->ioflag;
	r->info.offset = ocb->offset;
	r->info.size = (uint64_t)ocb->st.st_size;
	r->info.count = 1;
	memcpy(r + 1, path, n);
	if (n)
		((char *)(r + 1))[n - 1] = 0;
	out->heap = r;
	out->data = r;
	out->len = sizeof(*r) + n;
	out->status = (long)plen;
	return 0;
}

/* _IO_PATHCONF: the limits of taskman's file systems. */
static int io_pathconf(struct tm_msg *m, size_t off, struct tm_ioreply *out)
{
	if (tm_msg_fetch(m, off + sizeof(struct _io_pathconf)) < 0)
		return -EINVAL;
	const struct _io_pathconf *q = (const void *)((char *)m->buf + off);

	switch (q->name) {
	case _PC_NAME_MAX:
		out->status = TM_NAME_MAX;
		return 0;
	case _PC_PATH_MAX:
		out->status = TM_PATH_MAX;
		return 0;
	case _PC_LINK_MAX:
		out->status = 1;
		return 0;
	case _PC_NO_TRUNC:
	case _PC_CHOWN_RESTRICTED:
		out->status = 1;
		return 0;
	case _PC_SYMLINK_MAX:
		out->status = TM_PATH_MAX - 1;
		return 0;
	case _PC_FILESIZEBITS:
		out->status = 64;
		return 0;
	default:
		return -EINVAL;
	}
}

/* _IO_NOTIFY: taskman's files are always ready for input and output. */
static int io_notify(struct tm_msg *m, size_t off, struct tm_ioreply *out)
{
	if (tm_msg_fetch(m, off + offsetof(struct _io_notify, mgr)) < 0)
		return -EINVAL;
	const struct _io_notify *q = (const void *)((char *)m->buf + off);
	struct _io_notify_reply *r = calloc(1, sizeof(*r));

	if (r == NULL)
		return -ENOMEM;
	r->flags = (uint32_t)q->flags & (_NOTIFY_COND_INPUT | _NOTIFY_COND_OUTPUT);
	out->heap = r;
	out->data = r;
	out->len = sizeof(*r);
	return 0;
}

/* _IO_SPACE: ftruncate of shared memory (F_FREESP to the end, F_ALLOCSP). */
static int io_space(struct tm_msg *m, size_t off, struct tm_ocb *ocb, struct tm_ioreply *out)
{
	if (tm_msg_fetch(m, off + sizeof(struct _io_space)) < 0)
		return -EINVAL;
	const struct _io_space *q = (const void *)((char *)m->buf + off);

	if (ocb->kind != TM_OCB_SHM)
		return ocb->kind == TM_OCB_DATA || ocb->kind == TM_OCB_DIR ? -EROFS : -EINVAL;
	if (!(ocb->ioflag & _IO_FLAG_WR))
		return -EBADF;
	if (q->whence != SEEK_SET || (int64_t)q->start < 0)
		return -EINVAL;
	fs_shm_stat(ocb->shm, &ocb->st);
	uint64_t size = (uint64_t)ocb->st.st_size;
	if (q->subtype == F_FREESP && q->len == 0)
		size = q->start; /* ftruncate: free from start to the end */
	else if (q->subtype == F_ALLOCSP && q->start + q->len > size)
		size = q->start + q->len;
	else if (q->subtype != F_FREESP && q->subtype != F_ALLOCSP)
		return -EINVAL;
	int r = fs_shm_resize(ocb->shm, size);
	if (r < 0)
		return r;
	out->off = size;
	out->data = &out->off;
	out->len = sizeof(out->off);
	return 0;
}

/* _IO_CHMOD and _IO_CHOWN: shared memory only. */
static int io_chattr(struct tm_msg *m, size_t off, struct tm_ocb *ocb, int type)
{
	size_t need = type == _IO_CHMOD ? sizeof(struct _io_chmod) : sizeof(struct _io_chown);
	if (tm_msg_fetch(m, off + need) < 0)
		return -EINVAL;
	const char *p = (const char *)m->buf + off;
	struct tm_cred c;

	if (ocb->kind != TM_OCB_SHM)
		return ocb->kind == TM_OCB_DATA || ocb->kind == TM_OCB_DIR ? -EROFS : -EPERM;
	if (tm_proc_cred(m->info.pid, &c) < 0)
		return -ESRCH;
	if (type == _IO_CHMOD) {
		const struct _io_chmod *q = (const void *)p;
		return fs_shm_chattr(ocb->shm, &c, 1, q->mode, 0, 0);
	}
	const struct _io_chown *q = (const void *)p;
	return fs_shm_chattr(ocb->shm, &c, 0, 0, q->uid, q->gid);
}

/* Handles one fd message at off; fills *out. 0 or -errno. */
static int one_message(struct tm_msg *m, size_t off, uint16_t type, struct tm_ocb *ocb,
                       struct tm_ioreply *out)
{
	switch (type) {
	case _IO_READ:
	case _IO_READ64:
		return tm_io_read(m, off, ocb, out);
	case _IO_WRITE:
	case _IO_WRITE64:
		return io_write(m, off, ocb, out);
	case _IO_STAT:
		return io_stat(ocb, out);
	case _IO_LSEEK:
		return io_lseek(m, off, ocb, out);
	case _IO_CLOSE:
		return tm_ocb_unbind(m->info.pid, m->info.coid);
	case _IO_FDINFO:
		return io_fdinfo(m, off, ocb, out);
	case _IO_PATHCONF:
		return io_pathconf(m, off, out);
	case _IO_NOTIFY:
		return io_notify(m, off, out);
	case _IO_SPACE:
		return io_space(m, off, ocb, out);
	case _IO_MMAP:
		return tm_io_mmap(m, off, ocb, out);
	case _IO_CHMOD:
	case _IO_CHOWN:
		return io_chattr(m, off, ocb, type);
	case _IO_SYNC:
		return 0;
	case _IO_UTIME:
	case _IO_UTIME64:
		return ocb->kind == TM_OCB_SHM ? 0 : -EROFS;
	case _IO_DEVCTL:
		return -ENOTTY;
	default:
		return -ENOSYS;
	}
}

/*
 * Handles the fd message at off and any chained after it, then (with
 * close_after: _IO_CONNECT_COMBINE_CLOSE) drops the connection's binding,
 * then sends the reply.
 */
void tm_io_message(struct tm_msg *m, size_t off, struct tm_ocb *ocb, int close_after)
{
	struct tm_ioreply out;

	for (;;) {
		struct _io_combine h;
		memset(&out, 0, sizeof(out));
		if (tm_msg_fetch(m, off + sizeof(h)) < 0) {
			tm_error(m->rcvid, EINVAL);
			return;
		}
		memcpy(&h, (char *)m->buf + off, sizeof(h));
		int r = one_message(m, off, h.type, ocb, &out);
		if (r < 0) {
			out_free(&out);
			if (close_after)
				tm_ocb_unbind(m->info.pid, m->info.coid);
			tm_error(m->rcvid, -r);
			return;
		}
		size_t step = h.combine_len & ~_IO_COMBINE_FLAG;
		if (!(h.combine_len & _IO_COMBINE_FLAG) || h.type == _IO_CLOSE ||
		    step < sizeof(h) || off + step >= (size_t)m->info.srcmsglen)
			break;
		out_free(&out);
		off += step;
	}
	if (close_after) /* before the reply: the client may use the connection at once */
		tm_ocb_unbind(m->info.pid, m->info.coid);
	tm_reply(m->rcvid, out.status, out.data, out.len);
	out_free(&out);
}

/* An _IO_* message on a connection to taskman's own files. */
void tm_do_io(struct tm_msg *m)
{
	uint16_t type;

	memcpy(&type, m->buf, sizeof(type));
	if (type == _IO_CONNECT) {
		tm_do_connect(m);
		return;
	}
	if (m->len < sizeof(struct _io_combine)) {
		tm_error(m->rcvid, EINVAL);
		return;
	}
	if (type == _IO_DUP) {
		int r = io_dup(m, 0);
		if (r < 0)
			tm_error(m->rcvid, -r);
		else
			tm_reply(m->rcvid, 0, NULL, 0);
		return;
	}
	struct tm_ocb *ocb = tm_ocb_get(m->info.pid, m->info.coid);
	if (ocb == NULL) {
		tm_error(m->rcvid, type < _IO_BASE || type > _IO_UTIME64 ? ENOSYS : EBADF);
		return;
	}
	tm_io_message(m, 0, ocb, 0);
	tm_ocb_put(ocb);
}
