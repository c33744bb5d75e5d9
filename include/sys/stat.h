/*
 * sys/stat.h - file status (POSIX). struct stat is QNX Neutrino's 64-bit
 * layout (120 bytes); mode bits are the traditional octal values QNX uses.
 */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#include <qsoe/abi/time.h>

__BEGIN_DECLS

#ifndef __DEFINED_dev_t
#define __DEFINED_dev_t
typedef __dev_t dev_t;
#endif
#ifndef __DEFINED_ino_t
#define __DEFINED_ino_t
typedef __ino_t ino_t;
#endif
#ifndef __DEFINED_mode_t
#define __DEFINED_mode_t
typedef __mode_t mode_t;
#endif
#ifndef __DEFINED_nlink_t
#define __DEFINED_nlink_t
typedef __nlink_t nlink_t;
#endif
#ifndef __DEFINED_uid_t
#define __DEFINED_uid_t
typedef __uid_t uid_t;
#endif
#ifndef __DEFINED_gid_t
#define __DEFINED_gid_t
typedef __gid_t gid_t;
#endif
#ifndef __DEFINED_off_t
#define __DEFINED_off_t
typedef __off_t off_t;
#endif
#ifndef __DEFINED_blksize_t
#define __DEFINED_blksize_t
typedef __blksize_t blksize_t;
#endif
#ifndef __DEFINED_blkcnt_t
#define __DEFINED_blkcnt_t
typedef __blkcnt_t blkcnt_t;
#endif
#ifndef __DEFINED_time_t
#define __DEFINED_time_t
typedef __time_t time_t;
#endif

struct stat {
	ino_t st_ino;              /*   0 */
	off_t st_size;             /*   8 */
	dev_t st_dev;              /*  16 */
	dev_t st_rdev;             /*  20 */
	uid_t st_uid;              /*  24 */
	gid_t st_gid;              /*  28 */
	__uint32_t __old_st_mtime; /*  32: 32-bit times kept for old binaries */
	__uint32_t __old_st_atime; /*  36 */
	__uint32_t __old_st_ctime; /*  40 */
	mode_t st_mode;            /*  44 */
	nlink_t st_nlink;          /*  48 */
	blksize_t st_blocksize;    /*  52: size of a block counted by st_nblocks */
	__int32_t st_nblocks;      /*  56 */
	blksize_t st_blksize;      /*  60: preferred I/O size */
	blkcnt_t st_blocks;        /*  64: 512-byte blocks */
	struct timespec st_mtim;   /*  72 */
	struct timespec st_atim;   /*  88 */
	struct timespec st_ctim;   /* 104 */
};
#define st_mtime       st_mtim.tv_sec
#define st_atime       st_atim.tv_sec
#define st_ctime       st_ctim.tv_sec

#define S_IFMT         0170000
#define S_IFIFO        0010000
#define S_IFCHR        0020000
#define S_IFDIR        0040000
#define S_IFNAM        0050000 /* QNX special named file */
#define S_IFBLK        0060000
#define S_IFREG        0100000
#define S_IFLNK        0120000
#define S_IFSOCK       0140000

#define S_ISUID        04000
#define S_ISGID        02000
#define S_ISVTX        01000
#define S_IRWXU        00700
#define S_IRUSR        00400
#define S_IWUSR        00200
#define S_IXUSR        00100
#define S_IRWXG        00070
#define S_IRGRP        00040
#define S_IWGRP        00020
#define S_IXGRP        00010
#define S_IRWXO        00007
#define S_IROTH        00004
#define S_IWOTH        00002
#define S_IXOTH        00001
#define S_IREAD        S_IRUSR
#define S_IWRITE       S_IWUSR
#define S_IEXEC        S_IXUSR

#define S_ISFIFO(m)    (((m)&S_IFMT) == S_IFIFO)
#define S_ISCHR(m)     (((m)&S_IFMT) == S_IFCHR)
#define S_ISDIR(m)     (((m)&S_IFMT) == S_IFDIR)
#define S_ISNAM(m)     (((m)&S_IFMT) == S_IFNAM)
#define S_ISBLK(m)     (((m)&S_IFMT) == S_IFBLK)
#define S_ISREG(m)     (((m)&S_IFMT) == S_IFREG)
#define S_ISLNK(m)     (((m)&S_IFMT) == S_IFLNK)
#define S_ISSOCK(m)    (((m)&S_IFMT) == S_IFSOCK)
#define S_TYPEISMQ(p)  0
#define S_TYPEISSEM(p) 0
#define S_TYPEISSHM(p) 0

#define UTIME_NOW      0x40000001L
#define UTIME_OMIT     0x40000002L

int chmod(const char *path, mode_t mode);
int fchmod(int fd, mode_t mode);
int fchmodat(int dirfd, const char *path, mode_t mode, int flags);
int stat(const char *__restrict path, struct stat *__restrict st);
int lstat(const char *__restrict path, struct stat *__restrict st);
int fstat(int fd, struct stat *st);
int fstatat(int dirfd, const char *__restrict path, struct stat *__restrict st, int flags);
int mkdir(const char *path, mode_t mode);
int mkdirat(int dirfd, const char *path, mode_t mode);
int mkfifo(const char *path, mode_t mode);
int mkfifoat(int dirfd, const char *path, mode_t mode);
int mknod(const char *path, mode_t mode, dev_t dev);
int mknodat(int dirfd, const char *path, mode_t mode, dev_t dev);
mode_t umask(mode_t mask);
int futimens(int fd, const struct timespec times[2]);
int utimensat(int dirfd, const char *path, const struct timespec times[2], int flags);

__END_DECLS

#endif /* _SYS_STAT_H */
