/*
 * fcntl.c - fcntl and the calls built on the same messages: lockf,
 * ftruncate/truncate (_IO_SPACE), fsync/fdatasync (_IO_SYNC), access,
 * posix_fallocate, posix_fadvise.
 *
 * Descriptor flags (FD_CLOEXEC) live in the kernel's connection flags
 * (ConnectFlags); file status flags belong to the open file description on
 * the server (DCMD_ALL_GETFLAGS / DCMD_ALL_SETFLAGS, as on QNX).
 */
#include <devctl.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/dcmd_all.h>
#include <sys/stat.h>
#include <unistd.h>
#include "qsoe_os.h"

/* devctl() without errno: EOK or an error number (positive). */
int __qsoe_devctl(int fd, int dcmd, void *data, size_t n, int *info);

/*
 * Record locks: _IO_LOCK followed by the struct flock; for F_GETLK the
 * reply carries the conflicting lock (or l_type F_UNLCK).
 */
static int do_lock(int fd, int cmd, struct flock *fl)
{
	struct _io_lock m = {.type = _IO_LOCK, .combine_len = sizeof(m)};
	struct _io_lock_reply rh;
	iov_t s[2], r[2];

	if (fl == NULL)
		return -EFAULT;
	if (fl->l_type != F_RDLCK && fl->l_type != F_WRLCK && fl->l_type != F_UNLCK)
		return -EINVAL;
	m.subtype = (uint32_t)cmd;
	m.nbytes = sizeof(*fl);
	SETIOV(&s[0], &m, sizeof(m));
	SETIOV(&s[1], fl, sizeof(*fl));
	SETIOV(&r[0], &rh, sizeof(rh));
	SETIOV(&r[1], fl, sizeof(*fl));
	/* Only a waiting lock request is a cancellation point. */
	long st = cmd == F_SETLKW ? MsgSendv_r(fd, s, 2, r, 0)
	                          : MsgSendvnc_r(fd, s, 2, r, cmd == F_GETLK ? 2 : 0);
	return st < 0 ? (int)st : 0;
}

/*
 * File status flags through devctl (DCMD_ALL_GETFLAGS); a server that does
 * not answer it is asked with _IO_FDINFO, whose ioflag has the same bits.
 * Returns the O_* flags or -errno.
 */
static int get_fl(int fd)
{
	int fl = 0;
	int e = __qsoe_devctl(fd, DCMD_ALL_GETFLAGS, &fl, sizeof(fl), NULL);
	if (e == 0)
		return fl;
	if (e != ENOSYS && e != ENOTTY && e != EINVAL)
		return -e;
	struct _io_fdinfo m = {.type = _IO_FDINFO, .combine_len = sizeof(m)};
	struct _io_fdinfo_reply rep;
	long r = MsgSendnc_r(fd, &m, sizeof(m), &rep, sizeof(rep));
	if (r < 0)
		return -e;
	unsigned io = rep.info.ioflag;
	return (int)((io & ~(unsigned)O_ACCMODE) |
	             ((io & _IO_FLAG_MASK) ? (io & O_ACCMODE) - 1 : 0));
}

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg = 0;
	void *ptr = NULL;

	va_start(ap, cmd);
	if (cmd == F_SETLK || cmd == F_SETLKW || cmd == F_GETLK || cmd == F_ALLOCSP ||
	    cmd == F_FREESP)
		ptr = va_arg(ap, void *);
	else if (cmd != F_GETFD && cmd != F_GETFL && cmd != F_GETOWN)
		arg = va_arg(ap, int);
	va_end(ap);

	if (!__qsoe_isfd(fd))
		return (int)__qsoe_ret(-EBADF);
	if (cmd == F_SETLKW || cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC)
		__qsoe_testcancel();
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		if (arg < 0 || arg > 0x3fffffff)
			return (int)__qsoe_ret(-EINVAL);
		return (int)__qsoe_ret(__qsoe_dup(fd, (int)arg, 0, cmd == F_DUPFD_CLOEXEC));
	case F_GETFD: {
		int r = ConnectFlags_r(0, fd, 0, 0);
		if (r < 0)
			return (int)__qsoe_ret(-EBADF);
		return (r & _NTO_COF_CLOEXEC) ? FD_CLOEXEC : 0;
	}
	case F_SETFD: {
		int r = ConnectFlags_r(0, fd, _NTO_COF_CLOEXEC,
		                       (arg & FD_CLOEXEC) ? _NTO_COF_CLOEXEC : 0);
		return (int)__qsoe_ret(r < 0 ? -EBADF : 0);
	}
	case F_GETFL:
		return (int)__qsoe_ret(get_fl(fd));
	case F_SETFL: {
		int fl = (int)arg;
		int e = __qsoe_devctl(fd, DCMD_ALL_SETFLAGS, &fl, sizeof(fl), NULL);
		return (int)__qsoe_ret(-e);
	}
	case F_GETOWN: {
		pid_t pid = 0;
		int e = __qsoe_devctl(fd, DCMD_ALL_GETOWN, &pid, sizeof(pid), NULL);
		return e ? (int)__qsoe_ret(-e) : pid;
	}
	case F_SETOWN: {
		pid_t pid = (pid_t)arg;
		int e = __qsoe_devctl(fd, DCMD_ALL_SETOWN, &pid, sizeof(pid), NULL);
		return (int)__qsoe_ret(-e);
	}
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
		return (int)__qsoe_ret(do_lock(fd, cmd, ptr));
	case F_ALLOCSP:
	case F_FREESP: {
		const struct flock *fl = ptr;
		struct _io_space m = {.type = _IO_SPACE, .combine_len = sizeof(m)};
		uint64_t size;
		if (fl == NULL)
			return (int)__qsoe_ret(-EFAULT);
		m.subtype = (uint16_t)cmd;
		m.whence = fl->l_whence;
		m.start = (uint64_t)fl->l_start;
		m.len = (uint64_t)fl->l_len;
		long r = MsgSendnc_r(fd, &m, sizeof(m), &size, sizeof(size));
		return (int)__qsoe_ret(r < 0 ? r : 0);
	}
	default:
		return (int)__qsoe_ret(-EINVAL);
	}
}

/* lockf: fcntl record locks on [offset, offset + len) from the current offset. */
int lockf(int fd, int cmd, off_t len)
{
	struct flock fl = {.l_whence = SEEK_CUR, .l_start = 0, .l_len = len};

	switch (cmd) {
	case F_ULOCK:
		fl.l_type = F_UNLCK;
		return fcntl(fd, F_SETLK, &fl);
	case F_LOCK:
		fl.l_type = F_WRLCK;
		return fcntl(fd, F_SETLKW, &fl);
	case F_TLOCK:
		fl.l_type = F_WRLCK;
		if (fcntl(fd, F_SETLK, &fl) < 0) {
			if (errno == EAGAIN)
				errno = EACCES;
			return -1;
		}
		return 0;
	case F_TEST:
		fl.l_type = F_WRLCK;
		if (fcntl(fd, F_GETLK, &fl) < 0)
			return -1;
		if (fl.l_type == F_UNLCK || fl.l_pid == getpid())
			return 0;
		errno = EACCES;
		return -1;
	default:
		errno = EINVAL;
		return -1;
	}
}

/* Sets the file size to length (shrinking or growing): _IO_SPACE F_FREESP from length to the end. */
static int do_truncate(int fd, off_t length)
{
	struct _io_space m = {.type = _IO_SPACE, .combine_len = sizeof(m)};
	uint64_t size;

	if (length < 0)
		return -EINVAL;
	if (!__qsoe_isfd(fd))
		return -EBADF;
	m.subtype = F_FREESP;
	m.whence = SEEK_SET;
	m.start = (uint64_t)length;
	m.len = 0;
	long r = MsgSendnc_r(fd, &m, sizeof(m), &size, sizeof(size));
	return r < 0 ? (int)r : 0;
}

int ftruncate(int fd, off_t length)
{
	return (int)__qsoe_ret(do_truncate(fd, length));
}

int truncate(const char *path, off_t length)
{
	int fd = __qsoe_open(AT_FDCWD, path, O_WRONLY | O_CLOEXEC, 0);

	if (fd < 0)
		return (int)__qsoe_ret(fd);
	int r = do_truncate(fd, length);
	__qsoe_close(fd);
	return (int)__qsoe_ret(r);
}

/* posix_fallocate: _IO_SPACE F_ALLOCSP. Returns an error number. */
int posix_fallocate(int fd, off_t offset, off_t len)
{
	struct _io_space m = {.type = _IO_SPACE, .combine_len = sizeof(m)};
	uint64_t size;

	if (offset < 0 || len <= 0)
		return EINVAL;
	if (!__qsoe_isfd(fd))
		return EBADF;
	m.subtype = F_ALLOCSP;
	m.whence = SEEK_SET;
	m.start = (uint64_t)offset;
	m.len = (uint64_t)len;
	long r = MsgSendnc_r(fd, &m, sizeof(m), &size, sizeof(size));
	return r < 0 ? (int)-r : 0;
}

/*
 * posix_fadvise: advice only; QSOE's servers keep no page cache to tune,
 * so valid advice on an open descriptor is accepted and ignored.
 */
int posix_fadvise(int fd, off_t offset, off_t len, int advice)
{
	(void)offset;
	if (advice < POSIX_FADV_NORMAL || advice > POSIX_FADV_NOREUSE || len < 0)
		return EINVAL;
	if (!__qsoe_isfd(fd) || ConnectServerInfo_r(0, fd, NULL) != fd)
		return EBADF;
	return 0;
}

static int do_sync(int fd, unsigned flag)
{
	struct _io_sync m = {.type = _IO_SYNC, .combine_len = sizeof(m), .flag = flag};

	if (!__qsoe_isfd(fd))
		return -EBADF;
	__qsoe_testcancel();
	long r = MsgSendnc_r(fd, &m, sizeof(m), NULL, 0);
	return r < 0 ? (int)r : 0;
}

int fsync(int fd)
{
	return (int)__qsoe_ret(do_sync(fd, O_SYNC));
}

int fdatasync(int fd)
{
	return (int)__qsoe_ret(do_sync(fd, O_DSYNC));
}

/*
 * sync: QSOE's resource managers write through (there is no system-wide
 * buffer cache to flush), so there is nothing to schedule.
 */
void sync(void)
{
}

/*
 * access: one _IO_CONNECT_COMBINE_CLOSE with an _IO_STAT, asking the
 * server to check the permissions in 'access' (S_IREAD/S_IWRITE/S_IEXEC)
 * as it opens. The server checks with the caller's effective ids (QSOE
 * has no way to ask for the real ids; they differ only in set-id
 * programs).
 */
int faccessat(int dirfd, const char *path, int mode, int flags)
{
	char abs[PATH_MAX];
	unsigned eflag;
	struct _io_stat m = {.type = _IO_STAT, .combine_len = sizeof(m)};

	if ((mode & ~(R_OK | W_OK | X_OK)) || (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW)))
		return (int)__qsoe_ret(-EINVAL);
	int r = __qsoe_abspath(dirfd, path, abs, &eflag);
	if (r < 0)
		return (int)__qsoe_ret(r);
	struct __qsoe_conn c = {
	        .subtype = _IO_CONNECT_COMBINE_CLOSE,
	        .ioflag = (flags & AT_SYMLINK_NOFOLLOW) ? O_NOFOLLOW : 0,
	        .access = ((mode & R_OK) ? S_IREAD : 0) | ((mode & W_OK) ? S_IWRITE : 0) |
	                  ((mode & X_OK) ? S_IEXEC : 0),
	        .eflag = eflag,
	        .nofollow = (flags & AT_SYMLINK_NOFOLLOW) != 0,
	        .io = &m,
	        .io_len = sizeof(m),
	};
	r = __qsoe_connect(abs, &c);
	return (int)__qsoe_ret(r < 0 ? r : 0);
}

int access(const char *path, int mode)
{
	return faccessat(AT_FDCWD, path, mode, 0);
}
