/*
 * tclient.c - the client side of the _IO_* protocol for host tests (see
 * tclient.h). Message layouts and sequences are those libc uses.
 */
#include "tclient.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/iomsg.h>
#include <devctl.h>

int t_pass, t_fail;

/* Open flags in _io_connect form (access mode + 1). */
static uint32_t ioflag_of(int oflag)
{
	return ((uint32_t)oflag & ~(uint32_t)O_ACCMODE) | (((uint32_t)oflag & O_ACCMODE) + 1);
}

/* Resolves path and connects to its server; *rest is the path below the attach. */
static int attach(const char *path, unsigned *handle, const char **rest)
{
	int pid, chid, plen;

	if (kd_resolve(path, &pid, &chid, handle, &plen) < 0) {
		errno = ENOENT;
		return -1;
	}
	*rest = path + plen;
	while (**rest == '/')
		(*rest)++;
	return ConnectAttach(0, pid, chid, 0, 0);
}

/*
 * Sends an _IO_CONNECT of subtype for path on a new connection, with
 * extra data; for the combine subtypes, tail (tail_len bytes) follows at
 * the next multiple of 8 and the reply goes to reply. Returns the coid
 * (connection kept for OPEN/COMBINE) or -1.
 */
static int connect_msg(const char *path, int subtype, int oflag, mode_t mode, const void *extra,
                       size_t extra_len, int extra_type, const void *tail, size_t tail_len,
                       void *reply, size_t reply_len)
{
	unsigned handle;
	const char *rest;
	int coid = attach(path, &handle, &rest);

	if (coid < 0)
		return -1;
	size_t plen = strlen(rest) + 1;
	size_t head = sizeof(struct _io_connect) + plen + extra_len;
	size_t total = tail ? ((head + 7) & ~(size_t)7) + tail_len : head;
	char *m = calloc(1, total);
	if (m == NULL) {
		ConnectDetach(coid);
		errno = ENOMEM;
		return -1;
	}
	struct _io_connect *c = (struct _io_connect *)m;
	c->type = _IO_CONNECT;
	c->subtype = (uint16_t)subtype;
	c->file_type = _FTYPE_ANY;
	c->handle = handle;
	c->ioflag = ioflag_of(oflag);
	c->mode = mode;
	c->path_len = (uint16_t)plen;
	c->extra_type = (uint8_t)extra_type;
	c->extra_len = (uint16_t)extra_len;
	memcpy(c->path, rest, plen);
	if (extra_len)
		memcpy(c->path + plen, extra, extra_len);
	if (tail)
		memcpy(m + ((head + 7) & ~(size_t)7), tail, tail_len);
	long r = MsgSend(coid, m, total, reply, reply_len);
	free(m);
	if (r < 0 || subtype == _IO_CONNECT_COMBINE_CLOSE || subtype == _IO_CONNECT_UNLINK) {
		int e = errno;
		ConnectDetach(coid);
		errno = e;
		return r < 0 ? -1 : 0;
	}
	return coid;
}

int tc_open(const char *path, int oflag, mode_t mode)
{
	return connect_msg(path, _IO_CONNECT_OPEN, oflag, mode, NULL, 0, 0, NULL, 0, NULL, 0);
}

int tc_connect(const char *path, int subtype, int oflag, mode_t mode, const void *extra,
               size_t extra_len, int extra_type)
{
	return connect_msg(path, subtype, oflag, mode, extra, extra_len, extra_type, NULL, 0, NULL,
	                   0);
}

int tc_stat(const char *path, struct stat *st)
{
	struct _io_stat s = {_IO_STAT, sizeof(s), {0}};

	return connect_msg(path, _IO_CONNECT_COMBINE_CLOSE, O_RDONLY, 0, NULL, 0, 0, &s, sizeof(s),
	                   st, sizeof(*st));
}

int tc_unlink(const char *path)
{
	return connect_msg(path, _IO_CONNECT_UNLINK, 0, 0, NULL, 0, 0, NULL, 0, NULL, 0);
}

ssize_t tc_read_x(int fd, void *buf, size_t n, uint32_t xtype, const void *xdata, size_t xlen)
{
	struct _io_read m = {_IO_READ, (uint16_t)(sizeof(m) + xlen), (uint32_t)n, xtype, 0};
	iov_t s[2];

	SETIOV(&s[0], &m, sizeof(m));
	SETIOV(&s[1], xdata, xlen);
	return MsgSendvs(fd, s, xlen ? 2 : 1, buf, n);
}

ssize_t tc_read(int fd, void *buf, size_t n)
{
	return tc_read_x(fd, buf, n, _IO_XTYPE_NONE, NULL, 0);
}

ssize_t tc_write_x(int fd, const void *buf, size_t n, uint32_t xtype)
{
	struct _io_write m = {_IO_WRITE, sizeof(m), (uint32_t)n, xtype, 0};
	iov_t s[2];

	SETIOV(&s[0], &m, sizeof(m));
	SETIOV(&s[1], buf, n);
	return MsgSendvs(fd, s, 2, NULL, 0);
}

ssize_t tc_write(int fd, const void *buf, size_t n)
{
	return tc_write_x(fd, buf, n, _IO_XTYPE_NONE);
}

off_t tc_lseek(int fd, off_t off, int whence)
{
	struct _io_lseek m = {_IO_LSEEK, sizeof(m), (short)whence, 0, off};
	uint64_t o = 0;

	if (MsgSend(fd, &m, sizeof(m), &o, sizeof(o)) < 0)
		return -1;
	return (off_t)o;
}

int tc_fstat(int fd, struct stat *st)
{
	struct _io_stat m = {_IO_STAT, sizeof(m), {0}};

	return MsgSend(fd, &m, sizeof(m), st, sizeof(*st)) < 0 ? -1 : 0;
}

int tc_devctl(int fd, int dcmd, void *data, size_t n, int *info)
{
	struct _io_devctl m = {_IO_DEVCTL, sizeof(m), dcmd, (uint32_t)n, 0};
	struct _io_devctl_reply o;
	iov_t s[2], r[2];
	unsigned dir = get_device_direction(dcmd);

	SETIOV(&s[0], &m, sizeof(m));
	SETIOV(&s[1], data, (dir & _POSIX_DEVDIR_TO) ? n : 0);
	SETIOV(&r[0], &o, sizeof(o));
	SETIOV(&r[1], data, (dir & _POSIX_DEVDIR_FROM) ? n : 0);
	memset(&o, 0, sizeof(o));
	if (MsgSendv(fd, s, 2, r, 2) < 0)
		return errno;
	if (info != NULL)
		*info = o.ret_val;
	return EOK;
}

int tc_close(int fd)
{
	struct _io_close m = {_IO_CLOSE, sizeof(m)};
	long r = MsgSend(fd, &m, sizeof(m), NULL, 0);
	int e = errno;

	ConnectDetach(fd);
	errno = e;
	return r < 0 ? -1 : 0;
}

int tc_dup_from(pid_t owner, int owner_scoid, int owner_coid, pid_t server, int chid)
{
	int coid = ConnectAttach(0, server, chid, 0, 0);

	if (coid < 0)
		return -1;
	struct _io_dup m;
	memset(&m, 0, sizeof(m));
	m.type = _IO_DUP;
	m.combine_len = sizeof(m);
	m.info.pid = owner;
	m.info.scoid = owner_scoid;
	m.info.coid = owner_coid;
	if (MsgSend(coid, &m, sizeof(m), NULL, 0) < 0) {
		int e = errno;
		ConnectDetach(coid);
		errno = e;
		return -1;
	}
	return coid;
}

int tc_dup(int fd)
{
	struct _server_info si;

	if (ConnectServerInfo(0, fd, &si) < 0)
		return -1;
	return tc_dup_from(kd_get_pid(), si.scoid, fd, si.pid, si.chid);
}

int tc_openfd(int fd, int oflag, int xtype)
{
	struct _server_info si;

	if (ConnectServerInfo(0, fd, &si) < 0)
		return -1;
	int coid = ConnectAttach(0, si.pid, si.chid, 0, 0);
	if (coid < 0)
		return -1;
	struct _io_openfd m;
	memset(&m, 0, sizeof(m));
	m.type = _IO_OPENFD;
	m.combine_len = sizeof(m);
	m.ioflag = ioflag_of(oflag);
	m.xtype = (uint16_t)xtype;
	m.info.pid = kd_get_pid();
	m.info.scoid = si.scoid;
	m.info.coid = fd;
	if (MsgSend(coid, &m, sizeof(m), NULL, 0) < 0) {
		int e = errno;
		ConnectDetach(coid);
		errno = e;
		return -1;
	}
	return coid;
}

int tc_msg(int fd, uint16_t type)
{
	struct _io_combine m = {type, sizeof(m)};
	char pad[128];

	memset(pad, 0, sizeof(pad));
	memcpy(pad, &m, sizeof(m));
	return MsgSend(fd, pad, sizeof(pad), NULL, 0) < 0 ? -1 : 0;
}

int tc_notify(int fd, int action, int cond, const struct sigevent *ev)
{
	io_notify_t m;

	memset(&m, 0, sizeof(m));
	m.i.type = _IO_NOTIFY;
	m.i.combine_len = sizeof(m.i);
	m.i.action = action;
	m.i.flags = cond;
	if (ev != NULL)
		m.i.event = *ev;
	if (MsgSend(fd, &m.i, sizeof(m.i), &m.o, sizeof(m.o)) < 0)
		return -1;
	return (int)m.o.flags;
}

long tc_fdpath(int fd, char *buf, size_t n)
{
	struct _io_fdinfo m = {_IO_FDINFO, sizeof(m), 0, (int32_t)n, 0};
	struct _io_fdinfo_reply rep;
	iov_t r[2];

	SETIOV(&r[0], &rep, sizeof(rep));
	SETIOV(&r[1], buf, n);
	if (n > 0)
		buf[0] = 0;
	return MsgSendsv(fd, &m, sizeof(m), r, 2);
}
