/*
 * rmt_server.c - the resource managers the framework's host test talks to
 * (QSOE side). Written the way QNX's documentation writes them: iofunc
 * defaults from iofunc_func_init(), a few handlers of our own.
 *
 *  /dev/rmtest   a memory file (read, write, lseek, stat, devctl, notify,
 *                a blocking read that honours unblock requests)
 *  /dev/rmdir/   a directory attach: readdir, unlink of its entries
 *  a message_attach() range 0x4000..0x40ff and an other_func
 */
struct rmt_attr;
#define IOFUNC_ATTR_T struct rmt_attr
#include <sys/iofunc.h>
#include <sys/dispatch.h>

#include <dirent.h>
#include <fcntl.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "rmt.h"

struct rmt_attr rmt_file;
iofunc_attr_t rmt_dir;
int rmt_closed;   /* close_ocb calls */
int rmt_dups;     /* dup handler calls */
int rmt_unblocks; /* unblock handler calls */
static char *names[RMT_NAMES] = {"alpha", "beta", "gamma", "delta"};
static int present[RMT_NAMES] = {1, 1, 1, 1};
static resmgr_connect_funcs_t cf, dcf;
static resmgr_io_funcs_t iof, diof;

/* The blocking read keeps its client here until data arrives or it unblocks. */
static rcvid_t waiter;
static size_t waiter_n;

static int file_read(resmgr_context_t *ctp, io_read_t *msg, iofunc_ocb_t *ocb)
{
	int nonblock;
	int r = iofunc_read_verify(ctp, msg, ocb, &nonblock);

	if (r != EOK)
		return r;
	struct rmt_attr *a = (struct rmt_attr *)ocb->attr;
	size_t want = _IO_READ_GET_NBYTES(msg);
	if (ocb->offset >= a->attr.nbytes) {
		if (a->blocking && !nonblock) {
			if (waiter != 0)
				return EBUSY;
			waiter = ctp->rcvid;
			waiter_n = want;
			return _RESMGR_NOREPLY;
		}
		_IO_SET_READ_NBYTES(ctp, 0);
		return _RESMGR_NPARTS(0);
	}
	size_t n = (size_t)(a->attr.nbytes - ocb->offset);
	if (n > want)
		n = want;
	SETIOV(ctp->iov, a->data + ocb->offset, n);
	ocb->offset += (off_t)n;
	a->attr.flags |= IOFUNC_ATTR_ATIME;
	_IO_SET_READ_NBYTES(ctp, (long)n);
	return _RESMGR_NPARTS(1);
}

static int file_write(resmgr_context_t *ctp, io_write_t *msg, iofunc_ocb_t *ocb)
{
	int r = iofunc_write_verify(ctp, msg, ocb, NULL);

	if (r != EOK)
		return r;
	struct rmt_attr *a = (struct rmt_attr *)ocb->attr;
	size_t n = _IO_WRITE_GET_NBYTES(msg);
	off_t at = (ocb->ioflag & O_APPEND) ? a->attr.nbytes : ocb->offset;
	if (at + (off_t)n > (off_t)sizeof(a->data))
		return ENOSPC;
	if (resmgr_msgread(ctp, a->data + at, n, sizeof(msg->i)) != (ssize_t)n)
		return EFAULT;
	ocb->offset = at + (off_t)n;
	if (ocb->offset > a->attr.nbytes)
		a->attr.nbytes = ocb->offset;
	a->attr.flags |= IOFUNC_ATTR_MTIME | IOFUNC_ATTR_CTIME;
	if (n > 0)
		iofunc_notify_trigger(a->notify, (int)n, IOFUNC_NOTIFY_INPUT);
	if (waiter != 0 && n > 0) { /* hand the data to the blocked reader */
		size_t k = n < waiter_n ? n : waiter_n;
		MsgReply(waiter, (long)k, a->data + at, k);
		waiter = 0;
	}
	_IO_SET_WRITE_NBYTES(ctp, (long)n);
	return _RESMGR_NPARTS(0);
}

static int file_devctl(resmgr_context_t *ctp, io_devctl_t *msg, iofunc_ocb_t *ocb)
{
	int r = iofunc_devctl_default(ctp, msg, ocb);

	if (r != _RESMGR_DEFAULT)
		return r;
	if (msg->i.dcmd != RMT_DCMD_DOUBLE)
		return ENOTTY;
	int v;
	memcpy(&v, _DEVCTL_DATA(msg->i), sizeof(v));
	v *= 2;
	memset(&msg->o, 0, sizeof(msg->o));
	msg->o.ret_val = 7;
	msg->o.nbytes = sizeof(v);
	memcpy(_DEVCTL_DATA(msg->o), &v, sizeof(v));
	return _RESMGR_PTR(ctp, &msg->o, sizeof(msg->o) + sizeof(v));
}

static int file_notify(resmgr_context_t *ctp, io_notify_t *msg, iofunc_ocb_t *ocb)
{
	struct rmt_attr *a = (struct rmt_attr *)ocb->attr;
	int trig = _NOTIFY_COND_OUTPUT | (ocb->offset < a->attr.nbytes ? _NOTIFY_COND_INPUT : 0);

	return iofunc_notify(ctp, msg, a->notify, trig, NULL, NULL);
}

static int file_unblock(resmgr_context_t *ctp, io_pulse_t *msg, iofunc_ocb_t *ocb)
{
	rmt_unblocks++;
	if (waiter == ctp->rcvid) {
		waiter = 0;
		return EINTR;
	}
	return _RESMGR_DEFAULT;
}

static int file_close_ocb(resmgr_context_t *ctp, void *reserved, iofunc_ocb_t *ocb)
{
	struct rmt_attr *a = (struct rmt_attr *)ocb->attr;

	rmt_closed++;
	iofunc_notify_remove(ctp, a->notify);
	return iofunc_close_ocb_default(ctp, reserved, ocb);
}

static int file_dup(resmgr_context_t *ctp, io_dup_t *msg, iofunc_ocb_t *ocb)
{
	rmt_dups++;
	return EOK;
}

/* readdir: one struct dirent per present name, from the OCB offset on. */
static int dir_read(resmgr_context_t *ctp, io_read_t *msg, iofunc_ocb_t *ocb)
{
	int r = iofunc_read_verify(ctp, msg, ocb, NULL);

	if (r != EOK)
		return r;
	static char buf[1024];
	size_t used = 0, want = _IO_READ_GET_NBYTES(msg);
	while (ocb->offset < RMT_NAMES) {
		int i = (int)ocb->offset;
		if (!present[i]) {
			ocb->offset++;
			continue;
		}
		size_t len = strlen(names[i]);
		size_t rec = (offsetof(struct dirent, d_name) + len + 1 + 7) & ~(size_t)7;
		if (used + rec > want || used + rec > sizeof(buf))
			break;
		struct dirent *d = (struct dirent *)(buf + used);
		memset(d, 0, rec);
		d->d_ino = (ino_t)(i + 1);
		d->d_offset = i;
		d->d_reclen = (short)rec;
		d->d_namelen = (short)len;
		memcpy(d->d_name, names[i], len + 1);
		used += rec;
		ocb->offset++;
	}
	_IO_SET_READ_NBYTES(ctp, (long)used);
	return used ? _RESMGR_PTR(ctp, buf, used) : _RESMGR_NPARTS(0);
}

static int dir_unlink(resmgr_context_t *ctp, io_unlink_t *msg, struct rmt_attr *h, void *reserved)
{
	iofunc_attr_t *handle = (iofunc_attr_t *)h;

	for (int i = 0; i < RMT_NAMES; i++) {
		if (!present[i] || strcmp(msg->connect.path, names[i]) != 0)
			continue;
		iofunc_attr_t entry;
		iofunc_attr_init(&entry, S_IFREG | 0644, handle, NULL);
		int r = iofunc_unlink(ctp, msg, &entry, handle, NULL);
		if (r != EOK)
			return r;
		present[i] = 0;
		return EOK;
	}
	return ENOENT;
}

static int dir_open(resmgr_context_t *ctp, io_open_t *msg, struct rmt_attr *handle, void *extra)
{
	if (msg->connect.path[0] != '\0')
		return ENOENT; /* only the directory itself opens */
	return iofunc_open_default(ctp, msg, (iofunc_attr_t *)handle, extra);
}

static int range_msg(message_context_t *ctp, int code, unsigned flags, void *handle)
{
	MsgReply(ctp->rcvid, code + 1, NULL, 0);
	return 0;
}

static int other(resmgr_context_t *ctp, void *msg)
{
	_RESMGR_STATUS(ctp, 4242);
	return _RESMGR_NPARTS(0);
}

/*
 * Creates the handle and attaches everything. Returns the handle or NULL.
 * The caller's "process" becomes the server.
 */
dispatch_t *rmt_server_create(int blocking)
{
	dispatch_t *dpp = dispatch_create();
	resmgr_attr_t ra;

	if (dpp == NULL)
		return NULL;
	memset(&ra, 0, sizeof(ra));
	ra.flags = RESMGR_FLAG_ATTACH_OTHERFUNC;
	ra.other_func = other;
	iofunc_func_init(_RESMGR_CONNECT_NFUNCS, &cf, _RESMGR_IO_NFUNCS, &iof);
	iof.read = file_read;
	iof.write = file_write;
	iof.devctl = file_devctl;
	iof.notify = file_notify;
	iof.unblock = file_unblock;
	iof.close_ocb = file_close_ocb;
	iof.dup = file_dup;
	iofunc_attr_init(&rmt_file.attr, S_IFCHR | 0640, NULL, NULL);
	rmt_file.attr.uid = RMT_OWNER_UID;
	rmt_file.attr.gid = RMT_OWNER_GID;
	rmt_file.blocking = blocking;
	IOFUNC_NOTIFY_INIT(rmt_file.notify);
	if (resmgr_attach(dpp, &ra, "/dev/rmtest", _FTYPE_ANY, 0, &cf, &iof, &rmt_file) < 0)
		return NULL;

	iofunc_func_init(_RESMGR_CONNECT_NFUNCS, &dcf, _RESMGR_IO_NFUNCS, &diof);
	dcf.open = dir_open;
	dcf.unlink = dir_unlink;
	diof.read = dir_read;
	iofunc_attr_init(&rmt_dir, S_IFDIR | 0755, NULL, NULL);
	rmt_dir.uid = RMT_OWNER_UID;
	rmt_dir.gid = RMT_OWNER_GID;
	if (resmgr_attach(dpp, NULL, "/dev/rmdir", _FTYPE_ANY, _RESMGR_FLAG_DIR, &dcf, &diof,
	                  (struct rmt_attr *)&rmt_dir) < 0)
		return NULL;
	message_attr_t ma;
	memset(&ma, 0, sizeof(ma));
	if (message_attach(dpp, &ma, 0x4000, 0x40ff, range_msg, NULL) < 0)
		return NULL;
	return dpp;
}

/* The number of present directory entries. */
int rmt_dir_count(void)
{
	int n = 0;
	for (int i = 0; i < RMT_NAMES; i++)
		n += present[i];
	return n;
}
