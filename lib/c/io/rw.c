/*
 * rw.c - read, write, pread, pwrite, readv, writev, preadv, pwritev, lseek
 * and fstat as _IO_* messages to the descriptor's server.
 *
 * One request moves at most RW_MAX bytes (a short count is allowed by
 * POSIX); the data travels directly between the caller's buffers and the
 * server, with no copy in between.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include "qsoe_os.h"

#define RW_MAX 0x7ffff000u /* bytes per request (as Linux) */

/*
 * A server that dies while it holds our request gives ESRCH (later
 * requests on the dead connection get EBADF from the kernel): report the
 * failed transfer as EIO.
 */
static long fd_err(long r)
{
	return r == -ESRCH ? -EIO : r;
}

/*
 * Sends an _IO_READ (with an _xtype_offset when off >= 0) whose reply lands
 * in the riov array. Returns the bytes read or -errno.
 */
static long do_read(int fd, const iov_t *riov, size_t rparts, size_t n, off_t off)
{
	struct {
		struct _io_read r;
		struct _xtype_offset o;
	} m;

	if (!__qsoe_isfd(fd))
		return -EBADF;
	if (n > RW_MAX)
		n = RW_MAX;
	memset(&m, 0, sizeof(m));
	m.r.type = _IO_READ;
	m.r.nbytes = (uint32_t)n;
	size_t len = sizeof(m.r);
	if (off >= 0) {
		m.r.xtype = _IO_XTYPE_OFFSET;
		m.o.offset = off;
		len = sizeof(m);
	}
	m.r.combine_len = (uint16_t)len;
	return fd_err(MsgSendsv_r(fd, &m, len, riov, rparts));
}

/* Sends an _IO_WRITE of the n bytes in siov (after the header). */
static long do_write(int fd, const iov_t *siov, size_t sparts, size_t n, off_t off)
{
	struct {
		struct _io_write w;
		struct _xtype_offset o;
	} m;
	iov_t small[9], *iov = small;

	if (!__qsoe_isfd(fd))
		return -EBADF;
	if (sparts + 1 > sizeof(small) / sizeof(small[0])) {
		iov = malloc((sparts + 1) * sizeof(*iov));
		if (iov == NULL)
			return -ENOMEM;
	}
	memset(&m, 0, sizeof(m));
	m.w.type = _IO_WRITE;
	m.w.nbytes = (uint32_t)n;
	size_t len = sizeof(m.w);
	if (off >= 0) {
		m.w.xtype = _IO_XTYPE_OFFSET;
		m.o.offset = off;
		len = sizeof(m);
	}
	m.w.combine_len = (uint16_t)len;
	SETIOV(&iov[0], &m, len);
	memcpy(&iov[1], siov, sparts * sizeof(*iov));
	long r = MsgSendvs_r(fd, iov, sparts + 1, NULL, 0);
	if (iov != small)
		free(iov);
	return fd_err(r);
}

/* The iovec array clipped to RW_MAX bytes in total; -EINVAL if invalid. */
static long iov_total(const struct iovec *iov, int cnt, size_t *parts)
{
	size_t total = 0;

	if (cnt < 0 || cnt > IOV_MAX)
		return -EINVAL;
	*parts = (size_t)cnt;
	for (int i = 0; i < cnt; i++) {
		if (iov[i].iov_len > SSIZE_MAX - total)
			return -EINVAL;
		total += iov[i].iov_len;
		if (total > RW_MAX) {
			*parts = (size_t)i + 1;
			return RW_MAX;
		}
	}
	return (long)total;
}

ssize_t read(int fd, void *buf, size_t n)
{
	iov_t r;

	__qsoe_testcancel();
	SETIOV(&r, buf, n > RW_MAX ? RW_MAX : n);
	return __qsoe_ret(do_read(fd, &r, 1, n, -1));
}

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	iov_t r;

	__qsoe_testcancel();
	if (off < 0)
		return __qsoe_ret(-EINVAL);
	SETIOV(&r, buf, n > RW_MAX ? RW_MAX : n);
	return __qsoe_ret(do_read(fd, &r, 1, n, off));
}

ssize_t write(int fd, const void *buf, size_t n)
{
	iov_t s;

	__qsoe_testcancel();
	if (n > RW_MAX)
		n = RW_MAX;
	SETIOV_CONST(&s, buf, n);
	return __qsoe_ret(do_write(fd, &s, 1, n, -1));
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	iov_t s;

	__qsoe_testcancel();
	if (off < 0)
		return __qsoe_ret(-EINVAL);
	if (n > RW_MAX)
		n = RW_MAX;
	SETIOV_CONST(&s, buf, n);
	return __qsoe_ret(do_write(fd, &s, 1, n, off));
}

/* Scattered read into cnt buffers; returns the bytes read. */
static ssize_t vread(int fd, const struct iovec *iov, int cnt, off_t off)
{
	size_t parts;
	long total = iov_total(iov, cnt, &parts);

	if (total < 0)
		return __qsoe_ret(total);
	return __qsoe_ret(do_read(fd, iov, parts, (size_t)total, off));
}

/* Gathered write of cnt buffers; returns the bytes written. */
static ssize_t vwrite(int fd, const struct iovec *iov, int cnt, off_t off)
{
	size_t parts;
	long total = iov_total(iov, cnt, &parts);

	if (total < 0)
		return __qsoe_ret(total);
	return __qsoe_ret(do_write(fd, iov, parts, (size_t)total, off));
}

ssize_t readv(int fd, const struct iovec *iov, int cnt)
{
	__qsoe_testcancel();
	return vread(fd, iov, cnt, -1);
}

ssize_t writev(int fd, const struct iovec *iov, int cnt)
{
	__qsoe_testcancel();
	return vwrite(fd, iov, cnt, -1);
}

ssize_t preadv(int fd, const struct iovec *iov, int cnt, off_t off)
{
	__qsoe_testcancel();
	return off < 0 ? __qsoe_ret(-EINVAL) : vread(fd, iov, cnt, off);
}

ssize_t pwritev(int fd, const struct iovec *iov, int cnt, off_t off)
{
	__qsoe_testcancel();
	return off < 0 ? __qsoe_ret(-EINVAL) : vwrite(fd, iov, cnt, off);
}

/* Moves the file offset; returns the new offset. ESPIPE for pipes and terminals. */
off_t lseek(int fd, off_t off, int whence)
{
	struct _io_lseek m = {.type = _IO_LSEEK, .combine_len = sizeof(m)};
	uint64_t pos = 0;

	if (!__qsoe_isfd(fd))
		return __qsoe_ret(-EBADF);
	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END)
		return __qsoe_ret(-EINVAL);
	m.whence = (short)whence;
	m.offset = off;
	long r = fd_err(MsgSendnc_r(fd, &m, sizeof(m), &pos, sizeof(pos)));
	if (r < 0)
		return __qsoe_ret(r);
	if ((int64_t)pos < 0)
		return __qsoe_ret(-EOVERFLOW);
	return (off_t)pos;
}

int __qsoe_fstat(int fd, struct stat *st)
{
	struct _io_stat m = {.type = _IO_STAT, .combine_len = sizeof(m)};

	if (!__qsoe_isfd(fd))
		return -EBADF;
	if (st == NULL)
		return -EFAULT;
	/* st is filled by the server's reply only: a bad pointer is the kernel's EFAULT */
	long r = fd_err(MsgSendnc_r(fd, &m, sizeof(m), st, sizeof(*st)));
	return r < 0 ? (int)r : 0;
}

/* The file status of the open file fd. */
int fstat(int fd, struct stat *st)
{
	return (int)__qsoe_ret(__qsoe_fstat(fd, st));
}
