/*
 * fdpath.c - the absolute path of the file open on a descriptor, from its
 * server (_IO_FDINFO with room for the path, as QNX's iofdinfo()). Used
 * for relative paths at a directory descriptor (openat & co.), fchdir,
 * ttyname and TIOCSCTTY. A server that reports no path gives ENOSYS.
 */
#include <string.h>
#include "qsoe_os.h"

int __qsoe_fdpath(int fd, char *out, size_t size)
{
	struct _io_fdinfo msg = {.type = _IO_FDINFO, .combine_len = sizeof(msg)};
	struct _io_fdinfo_reply rep;
	iov_t r[2];

	if (!__qsoe_isfd(fd))
		return -EBADF;
	msg.path_len = (int32_t)size;
	SETIOV(&r[0], &rep, sizeof(rep));
	SETIOV(&r[1], out, size);
	out[0] = 0;
	long n = MsgSendsv_r(fd, &msg, sizeof(msg), r, 2);
	if (n < 0)
		return n == -EINVAL ? -EBADF : (int)n;
	if (out[0] != '/')
		return -ENOSYS; /* the server does not report paths */
	if ((size_t)n >= size || memchr(out, 0, size) == NULL)
		return -ENAMETOOLONG;
	return __qsoe_normalise(out, size);
}
