/*
 * devctl.c - device control: devctl, devctlv, posix_devctl and ioctl.
 *
 * _IO_DEVCTL carries the command and, when the command's direction says
 * "to the device", nbytes of data; the reply is struct _io_devctl_reply
 * followed by the data "from the device". ioctl() is a thin layer over it:
 * QNX numbers the terminal devctl commands like their ioctl twins, so
 * most requests pass through unchanged.
 */
#include <devctl.h>
#include <fcntl.h>
#include <stdarg.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include "qsoe_os.h"

int __qsoe_devctl(int fd, int dcmd, void *data, size_t n, int *info) QSOE_HIDDEN;

int __qsoe_devctl(int fd, int dcmd, void *data, size_t n, int *info)
{
	struct _io_devctl m = {.type = _IO_DEVCTL, .combine_len = sizeof(m)};
	struct _io_devctl_reply rep;
	unsigned dir = get_device_direction(dcmd);
	iov_t s[2], r[2];

	if (!__qsoe_isfd(fd))
		return EBADF;
	if (n > 0x7fffffff)
		return EINVAL;
	memset(&rep, 0, sizeof(rep));
	m.dcmd = dcmd;
	m.nbytes = (uint32_t)n;
	SETIOV(&s[0], &m, sizeof(m));
	SETIOV(&s[1], data, (dir & _POSIX_DEVDIR_TO) ? n : 0);
	SETIOV(&r[0], &rep, sizeof(rep));
	SETIOV(&r[1], data, (dir & _POSIX_DEVDIR_FROM) ? n : 0);
	long st = MsgSendvnc_r(fd, s, (dir & _POSIX_DEVDIR_TO) && n ? 2 : 1, r,
	                       (dir & _POSIX_DEVDIR_FROM) && n ? 2 : 1);
	if (st < 0)
		return st == -ESRCH ? EIO : (int)-st;
	if (info)
		*info = rep.ret_val;
	return EOK;
}

/* QNX devctl: returns EOK or an error number (errno is not set). */
int devctl(int fd, int dcmd, void *data, size_t n, int *info)
{
	return __qsoe_devctl(fd, dcmd, data, n, info);
}

/* POSIX.1-2024 posix_devctl: the same contract as QNX's devctl. */
int posix_devctl(int fd, int dcmd, void *__restrict data, size_t n, int *__restrict info)
{
	return __qsoe_devctl(fd, dcmd, data, n, info);
}

/*
 * devctlv: the data to the device in sparts iovecs and the data from it in
 * rparts iovecs. Returns EOK or an error number.
 */
int devctlv(int fd, int dcmd, int sparts, int rparts, const struct iovec *sv,
            const struct iovec *rv, int *info)
{
	struct _io_devctl m = {.type = _IO_DEVCTL, .combine_len = sizeof(m)};
	struct _io_devctl_reply rep;
	iov_t s[17], r[17];
	size_t n = 0, rn = 0;

	if (!__qsoe_isfd(fd))
		return EBADF;
	if (sparts < 0 || rparts < 0 || sparts > 16 || rparts > 16)
		return EINVAL;
	for (int i = 0; i < sparts; i++) {
		s[i + 1] = sv[i];
		n += sv[i].iov_len;
	}
	for (int i = 0; i < rparts; i++) {
		r[i + 1] = rv[i];
		rn += rv[i].iov_len;
	}
	m.dcmd = dcmd;
	m.nbytes = (uint32_t)(n > rn ? n : rn);
	SETIOV(&s[0], &m, sizeof(m));
	SETIOV(&r[0], &rep, sizeof(rep));
	long st = MsgSendvnc_r(fd, s, (size_t)sparts + 1, r, (size_t)rparts + 1);
	if (st < 0)
		return st == -ESRCH ? EIO : (int)-st;
	if (info)
		*info = rep.ret_val;
	return EOK;
}

/*
 * ioctl: FIONBIO and FIOCLEX/FIONCLEX become fcntl() calls, TIOCSCTTY asks
 * taskman to make the terminal the session's controlling terminal; every
 * other request is sent as the devctl command of the same number, its
 * argument being a pointer to the data. Returns the server's value (>= 0),
 * or -1 with errno (ENOTTY if the server does not know the request).
 */
int ioctl(int fd, int request, ...)
{
	va_list ap;
	void *arg;
	int info = 0;

	va_start(ap, request);
	arg = va_arg(ap, void *);
	va_end(ap);
	switch (request) {
	case FIONBIO: {
		int fl = fcntl(fd, F_GETFL);
		if (fl < 0)
			return -1;
		if (arg == NULL)
			return (int)__qsoe_ret(-EFAULT);
		fl = *(int *)arg ? fl | O_NONBLOCK : fl & ~O_NONBLOCK;
		return fcntl(fd, F_SETFL, fl);
	}
	case FIOCLEX:
		return fcntl(fd, F_SETFD, FD_CLOEXEC);
	case FIONCLEX:
		return fcntl(fd, F_SETFD, 0);
	case TIOCSCTTY: {
		struct {
			struct tm_set_ctty h;
			char path[PATH_MAX];
		} m;
		int r = __qsoe_fdpath(fd, m.path, sizeof(m.path));
		if (r < 0)
			return (int)__qsoe_ret(r == -ENOSYS ? -ENOTTY : r);
		size_t n = strlen(m.path) + 1;
		memset(&m.h, 0, sizeof(m.h));
		m.h.hdr.type = TM_SET_CTTY;
		m.h.hdr.size = (uint32_t)(sizeof(m.h) + n);
		m.h.path_len = (uint32_t)n;
		long t = __qsoe_tm(&m, sizeof(m.h) + n, NULL, 0);
		return (int)__qsoe_ret(t < 0 ? t : 0);
	}
	default:
		break;
	}
	size_t n = get_device_size(request);
	int e = __qsoe_devctl(fd, request, n ? arg : NULL, n, &info);
	if (e == ENOSYS)
		e = ENOTTY;
	if (e)
		return (int)__qsoe_ret(-e);
	return info;
}
