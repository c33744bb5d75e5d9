/*
 * statvfs.c - statvfs, fstatvfs: DCMD_FSYS_STATVFS to the file's server
 * (QNX's devctl). ENOSYS from a server that is not a filesystem.
 */
#include <devctl.h>
#include <fcntl.h>
#include <string.h>
#include <sys/statvfs.h>
#include "qsoe_os.h"

#define DCMD_FSYS_STATVFS __DIOF(_DCMD_FSYS, 13, struct statvfs)

int __qsoe_devctl(int fd, int dcmd, void *data, size_t n, int *info);

int fstatvfs(int fd, struct statvfs *buf)
{
	memset(buf, 0, sizeof(*buf));
	int e = __qsoe_devctl(fd, DCMD_FSYS_STATVFS, buf, sizeof(*buf), NULL);
	return (int)__qsoe_ret(-e);
}

int statvfs(const char *__restrict path, struct statvfs *__restrict buf)
{
	int fd = __qsoe_open_noaccess(AT_FDCWD, path, 0);

	if (fd < 0)
		return (int)__qsoe_ret(fd);
	int r = fstatvfs(fd, buf);
	int e = errno;
	__qsoe_close(fd);
	errno = e;
	return r;
}
