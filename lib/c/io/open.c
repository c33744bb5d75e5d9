/*
 * open.c - open, openat, creat, and the connections used to reach a
 * file's attributes (stat, chmod, chown, utime, chdir, access).
 */
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include "qsoe_os.h"

/* O_* flags with the access mode turned into _IO_FLAG_* bits, as servers see them. */
static unsigned ioflag_of(int oflag)
{
	return ((unsigned)oflag & ~(unsigned)O_ACCMODE) | (((unsigned)oflag & O_ACCMODE) + 1);
}

int __qsoe_open(int dirfd, const char *path, int oflag, mode_t mode)
{
	char abs[PATH_MAX];
	unsigned eflag;
	int r = __qsoe_abspath(dirfd, path, abs, &eflag);

	if (r < 0)
		return r;
	if ((oflag & O_ACCMODE) > O_EXEC)
		return -EINVAL;
	unsigned mask = __atomic_load_n(&__qsoe_proc.umask, __ATOMIC_RELAXED);
	struct __qsoe_conn c = {
	        .subtype = _IO_CONNECT_OPEN,
	        .ioflag = ioflag_of(oflag & ~O_CLOEXEC),
	        .mode = S_IFREG | (mode & ~mask & 07777),
	        .eflag = eflag | ((oflag & O_DIRECTORY) ? _IO_CONNECT_EFLAG_DIR : 0),
	        .nofollow = (oflag & O_NOFOLLOW) != 0,
	        .keep = 1,
	        .cloexec = (oflag & O_CLOEXEC) != 0,
	};
	return __qsoe_connect(abs, &c);
}

/*
 * A connection to path that asks for no access (ioflag access bits 0):
 * servers open the file for its attributes only, checking search
 * permission on the way. With nofollow a symbolic link in the last
 * component is opened itself (lstat). Close-on-exec; the caller closes it.
 */
int __qsoe_open_noaccess(int dirfd, const char *path, int nofollow)
{
	char abs[PATH_MAX];
	unsigned eflag;
	int r = __qsoe_abspath(dirfd, path, abs, &eflag);

	if (r < 0)
		return r;
	struct __qsoe_conn c = {
	        .subtype = _IO_CONNECT_OPEN,
	        .ioflag = nofollow ? O_NOFOLLOW : 0,
	        .eflag = eflag,
	        .nofollow = nofollow,
	        .keep = 1,
	        .cloexec = 1,
	};
	return __qsoe_connect(abs, &c);
}

/* The mode argument of open()/openat(), present only with O_CREAT. */
#define OPEN_MODE(oflag, ap, last)                          \
	({                                                  \
		mode_t __m = 0;                             \
		if ((oflag)&O_CREAT) {                      \
			va_start(ap, last);                 \
			__m = (mode_t)va_arg(ap, unsigned); \
			va_end(ap);                         \
		}                                           \
		__m;                                        \
	})

/* Opens path; returns the lowest free descriptor, or -1 with errno. */
int open(const char *path, int oflag, ...)
{
	va_list ap;
	mode_t mode = OPEN_MODE(oflag, ap, oflag);

	return (int)__qsoe_ret(__qsoe_open(AT_FDCWD, path, oflag, mode));
}

/* open() relative to the directory open on dirfd (AT_FDCWD: the current one). */
int openat(int dirfd, const char *path, int oflag, ...)
{
	va_list ap;
	mode_t mode = OPEN_MODE(oflag, ap, oflag);

	return (int)__qsoe_ret(__qsoe_open(dirfd, path, oflag, mode));
}

/* open(path, O_WRONLY | O_CREAT | O_TRUNC, mode). */
int creat(const char *path, mode_t mode)
{
	return (int)__qsoe_ret(__qsoe_open(AT_FDCWD, path, O_WRONLY | O_CREAT | O_TRUNC, mode));
}

/* Sets the file-creation mask; returns the previous one. */
mode_t umask(mode_t mask)
{
	return __atomic_exchange_n(&__qsoe_proc.umask, mask & 0777, __ATOMIC_RELAXED);
}
