/*
 * fcntl.h - file control options (POSIX). O_*, F_*, AT_* values and the
 * struct flock layout are QNX Neutrino's.
 */
#ifndef _FCNTL_H
#define _FCNTL_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#include <sys/stat.h>

__BEGIN_DECLS

#ifndef __DEFINED_off_t
#define __DEFINED_off_t
typedef __off_t off_t;
#endif
#ifndef __DEFINED_pid_t
#define __DEFINED_pid_t
typedef __pid_t pid_t;
#endif

#define O_RDONLY              000000
#define O_WRONLY              000001
#define O_RDWR                000002
#define O_EXEC                000003
#define O_SEARCH              O_EXEC
#define O_ACCMODE             000007
#define O_APPEND              000010
#define O_DSYNC               000020
#define O_SYNC                000040
#define O_RSYNC               000100
#define O_NONBLOCK            000200
#define O_NDELAY              O_NONBLOCK
#define O_CREAT               000400
#define O_TRUNC               001000
#define O_EXCL                002000
#define O_NOCTTY              004000
#define O_NOFOLLOW            010000
#define O_CLOEXEC             020000
#define O_LARGEFILE           0100000
#define O_ASYNC               0200000
#define O_DIRECTORY           04000000

#define F_DUPFD               0
#define F_GETFD               1
#define F_SETFD               2
#define F_GETFL               3
#define F_SETFL               4
#define F_DUPFD_CLOEXEC       5
#define F_GETOWN              35
#define F_SETOWN              36
#define F_SETLK               106
#define F_SETLKW              107
#define F_ALLOCSP             110
#define F_FREESP              111
#define F_GETLK               114

#define FD_CLOEXEC            1

#define F_RDLCK               1
#define F_WRLCK               2
#define F_UNLCK               3

#define AT_FDCWD              (-100)
#define AT_EACCESS            0x0001
#define AT_SYMLINK_NOFOLLOW   0x0002
#define AT_SYMLINK_FOLLOW     0x0004
#define AT_REMOVEDIR          0x0008

#define POSIX_FADV_NORMAL     0
#define POSIX_FADV_SEQUENTIAL 1
#define POSIX_FADV_RANDOM     2
#define POSIX_FADV_WILLNEED   3
#define POSIX_FADV_DONTNEED   4
#define POSIX_FADV_NOREUSE    5

#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

/* A byte-range lock (QNX layout, 32 bytes). */
struct flock {
	short l_type;
	short l_whence;
	int l_zero1;
	off_t l_start;
	off_t l_len;
	pid_t l_pid;
	unsigned l_sysid;
};

int open(const char *path, int flags, ...);
int openat(int dirfd, const char *path, int flags, ...);
int creat(const char *path, mode_t mode);
int fcntl(int fd, int cmd, ...);
int posix_fadvise(int fd, off_t offset, off_t len, int advice);
int posix_fallocate(int fd, off_t offset, off_t len);

__END_DECLS

#endif /* _FCNTL_H */
