/*
 * attr.c - file attributes: stat, lstat, fstatat, chmod, chown, utime and
 * friends. A path call opens the file for its attributes only (no access
 * asked, so it works on files the caller may not read), sends the _IO_*
 * request and closes.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>
#include "qsoe_os.h"

/*
 * Sends the I/O message io to the file at path (dirfd-relative) in one
 * _IO_CONNECT_COMBINE_CLOSE: the server opens the file for its attributes
 * only (no access asked, so it works on files the caller may not read),
 * handles io, replies, and forgets the open. With nofollow a symbolic
 * link in the last component is the file. reply (rlen bytes) receives
 * the I/O message's reply. Returns its status or -errno.
 */
int __qsoe_path_io(int dirfd, const char *path, int nofollow, const void *io, size_t io_len,
                   void *reply, size_t rlen) QSOE_HIDDEN;
int __qsoe_path_io(int dirfd, const char *path, int nofollow, const void *io, size_t io_len,
                   void *reply, size_t rlen)
{
	char abs[PATH_MAX];
	unsigned eflag;
	int r = __qsoe_abspath(dirfd, path, abs, &eflag);

	if (r < 0)
		return r;
	struct __qsoe_conn c = {
	        .subtype = _IO_CONNECT_COMBINE_CLOSE,
	        .ioflag = nofollow ? O_NOFOLLOW : 0,
	        .eflag = eflag,
	        .nofollow = nofollow,
	        .io = io,
	        .io_len = io_len,
	        .reply = reply,
	        .reply_len = rlen,
	};
	return __qsoe_connect(abs, &c);
}

/* stat of path: one combined _IO_STAT. */
static int path_stat(int dirfd, const char *path, int nofollow, struct stat *st)
{
	struct _io_stat m = {.type = _IO_STAT, .combine_len = sizeof(m)};
	struct stat tmp;

	if (st == NULL)
		return -EFAULT;
	int r = __qsoe_path_io(dirfd, path, nofollow, &m, sizeof(m), &tmp, sizeof(tmp));
	if (r < 0)
		return r;
	*st = tmp;
	return 0;
}

int stat(const char *__restrict path, struct stat *__restrict st)
{
	return (int)__qsoe_ret(path_stat(AT_FDCWD, path, 0, st));
}

/* stat of a symbolic link itself. */
int lstat(const char *__restrict path, struct stat *__restrict st)
{
	return (int)__qsoe_ret(path_stat(AT_FDCWD, path, 1, st));
}

int fstatat(int dirfd, const char *__restrict path, struct stat *__restrict st, int flags)
{
	if (flags & ~AT_SYMLINK_NOFOLLOW)
		return (int)__qsoe_ret(-EINVAL);
	return (int)__qsoe_ret(path_stat(dirfd, path, flags & AT_SYMLINK_NOFOLLOW, st));
}

/* ---- chmod ---- */

static int do_chmod(int dirfd, const char *path, int fd, mode_t mode)
{
	struct _io_chmod m = {.type = _IO_CHMOD, .combine_len = sizeof(m)};
	long r;

	m.mode = mode & 07777;
	if (path)
		r = __qsoe_path_io(dirfd, path, 0, &m, sizeof(m), NULL, 0);
	else
		r = __qsoe_isfd(fd) ? MsgSend_r(fd, &m, sizeof(m), NULL, 0) : -EBADF;
	return r < 0 ? (int)r : 0;
}

int chmod(const char *path, mode_t mode)
{
	return (int)__qsoe_ret(path ? do_chmod(AT_FDCWD, path, -1, mode) : -EFAULT);
}

int fchmod(int fd, mode_t mode)
{
	return (int)__qsoe_ret(do_chmod(AT_FDCWD, NULL, fd, mode));
}

int fchmodat(int dirfd, const char *path, mode_t mode, int flags)
{
	if (flags & ~AT_SYMLINK_NOFOLLOW)
		return (int)__qsoe_ret(-EINVAL);
	if (flags & AT_SYMLINK_NOFOLLOW)
		return (int)__qsoe_ret(-EOPNOTSUPP); /* links have no mode of their own */
	return (int)__qsoe_ret(path ? do_chmod(dirfd, path, -1, mode) : -EFAULT);
}

/* ---- chown ---- */

/* chown of path (nofollow: the link itself) or, with path NULL, of fd. */
static int do_chown(int dirfd, const char *path, int nofollow, int fd, uid_t uid, gid_t gid)
{
	struct _io_chown m = {.type = _IO_CHOWN, .combine_len = sizeof(m)};
	long r;

	m.uid = uid;
	m.gid = gid;
	if (path)
		r = __qsoe_path_io(dirfd, path, nofollow, &m, sizeof(m), NULL, 0);
	else
		r = __qsoe_isfd(fd) ? MsgSend_r(fd, &m, sizeof(m), NULL, 0) : -EBADF;
	return r < 0 ? (int)r : 0;
}

int chown(const char *path, uid_t uid, gid_t gid)
{
	return (int)__qsoe_ret(path ? do_chown(AT_FDCWD, path, 0, -1, uid, gid) : -EFAULT);
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
	return (int)__qsoe_ret(path ? do_chown(AT_FDCWD, path, 1, -1, uid, gid) : -EFAULT);
}

int fchown(int fd, uid_t uid, gid_t gid)
{
	return (int)__qsoe_ret(do_chown(AT_FDCWD, NULL, 0, fd, uid, gid));
}

int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags)
{
	if (flags & ~AT_SYMLINK_NOFOLLOW)
		return (int)__qsoe_ret(-EINVAL);
	if (path == NULL)
		return (int)__qsoe_ret(-EFAULT);
	return (int)__qsoe_ret(do_chown(dirfd, path, flags & AT_SYMLINK_NOFOLLOW, -1, uid, gid));
}

/* ---- times ---- */

/*
 * Sets access and modification times from ts[2] (UTIME_NOW / UTIME_OMIT
 * allowed; NULL = both now) of path (dirfd-relative) or, with path NULL,
 * of fd. The message carries whole seconds (the _IO_UTIME layout), so the
 * nanoseconds are dropped; an omitted time is first read with a stat.
 */
static int do_utimens(int dirfd, const char *path, int nofollow, int fd, const struct timespec *ts)
{
	struct _io_utime m;
	long r;

	memset(&m, 0, sizeof(m));
	m.type = _IO_UTIME;
	m.combine_len = sizeof(m);
	if (ts == NULL || (ts[0].tv_nsec == UTIME_NOW && ts[1].tv_nsec == UTIME_NOW)) {
		m.cur_flag = 1;
	} else {
		struct timespec now;
		struct stat st = {0};
		if (ts[0].tv_nsec == UTIME_OMIT && ts[1].tv_nsec == UTIME_OMIT)
			return 0;
		for (int i = 0; i < 2; i++)
			if (ts[i].tv_nsec != UTIME_NOW && ts[i].tv_nsec != UTIME_OMIT &&
			    (ts[i].tv_nsec < 0 || ts[i].tv_nsec >= 1000000000L))
				return -EINVAL;
		if (ts[0].tv_nsec == UTIME_OMIT || ts[1].tv_nsec == UTIME_OMIT) {
			int e = path ? path_stat(dirfd, path, nofollow, &st)
			             : __qsoe_fstat(fd, &st);
			if (e < 0)
				return e;
		}
		clock_gettime(CLOCK_REALTIME, &now);
		m.times.actime = ts[0].tv_nsec == UTIME_NOW    ? now.tv_sec
		                 : ts[0].tv_nsec == UTIME_OMIT ? st.st_atim.tv_sec
		                                               : ts[0].tv_sec;
		m.times.modtime = ts[1].tv_nsec == UTIME_NOW    ? now.tv_sec
		                  : ts[1].tv_nsec == UTIME_OMIT ? st.st_mtim.tv_sec
		                                                : ts[1].tv_sec;
	}
	if (path)
		r = __qsoe_path_io(dirfd, path, nofollow, &m, sizeof(m), NULL, 0);
	else
		r = __qsoe_isfd(fd) ? MsgSend_r(fd, &m, sizeof(m), NULL, 0) : -EBADF;
	return r < 0 ? (int)r : 0;
}

int futimens(int fd, const struct timespec ts[2])
{
	return (int)__qsoe_ret(do_utimens(AT_FDCWD, NULL, 0, fd, ts));
}

int utimensat(int dirfd, const char *path, const struct timespec ts[2], int flags)
{
	if (flags & ~AT_SYMLINK_NOFOLLOW)
		return (int)__qsoe_ret(-EINVAL);
	if (path == NULL)
		return (int)__qsoe_ret(-EFAULT);
	return (int)__qsoe_ret(do_utimens(dirfd, path, flags & AT_SYMLINK_NOFOLLOW, -1, ts));
}

int utime(const char *path, const struct utimbuf *t)
{
	struct timespec ts[2];

	if (t == NULL)
		return utimensat(AT_FDCWD, path, NULL, 0);
	ts[0].tv_sec = t->actime;
	ts[0].tv_nsec = 0;
	ts[1].tv_sec = t->modtime;
	ts[1].tv_nsec = 0;
	return utimensat(AT_FDCWD, path, ts, 0);
}

int utimes(const char *path, const struct timeval tv[2])
{
	struct timespec ts[2];

	if (tv == NULL)
		return utimensat(AT_FDCWD, path, NULL, 0);
	for (int i = 0; i < 2; i++) {
		if (tv[i].tv_usec < 0 || tv[i].tv_usec >= 1000000)
			return (int)__qsoe_ret(-EINVAL);
		ts[i].tv_sec = tv[i].tv_sec;
		ts[i].tv_nsec = tv[i].tv_usec * 1000L;
	}
	return utimensat(AT_FDCWD, path, ts, 0);
}
