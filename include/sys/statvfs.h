/*
 * sys/statvfs.h - file system information (POSIX). QNX's layout.
 */
#ifndef _SYS_STATVFS_H
#define _SYS_STATVFS_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>

__BEGIN_DECLS

#ifndef __DEFINED_fsblkcnt_t
#define __DEFINED_fsblkcnt_t
typedef __fsblkcnt_t fsblkcnt_t;
#endif
#ifndef __DEFINED_fsfilcnt_t
#define __DEFINED_fsfilcnt_t
typedef __fsfilcnt_t fsfilcnt_t;
#endif

struct statvfs {
	unsigned long f_bsize;
	unsigned long f_frsize;
	fsblkcnt_t f_blocks;
	fsblkcnt_t f_bfree;
	fsblkcnt_t f_bavail;
	fsfilcnt_t f_files;
	fsfilcnt_t f_ffree;
	fsfilcnt_t f_favail;
	unsigned long f_fsid;
	char f_basetype[16];
	unsigned long f_flag;
	unsigned long f_namemax;
	unsigned __filler[21];
};

#define ST_RDONLY  0x01
#define ST_NOEXEC  0x02
#define ST_NOSUID  0x04
#define ST_NOATIME 0x20

int statvfs(const char *__restrict path, struct statvfs *__restrict buf);
int fstatvfs(int fd, struct statvfs *buf);

__END_DECLS

#endif /* _SYS_STATVFS_H */
