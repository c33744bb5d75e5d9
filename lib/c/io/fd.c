/*
 * fd.c - descriptors: close, dup, dup2, dup3.
 *
 * A descriptor is a connection (coid) to a resource manager's channel.
 * Duplicating one attaches a second connection to the same channel and
 * sends _IO_DUP on it, naming the original connection (its server
 * connection id and coid), so the server shares one open file description
 * (offset, flags) between both, as POSIX requires.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "qsoe_os.h"

int __qsoe_close(int fd)
{
	struct _io_close m = {.type = _IO_CLOSE, .combine_len = sizeof(m)};

	if (!__qsoe_isfd(fd))
		return -EBADF;
	long r = MsgSend_r(fd, &m, sizeof(m), NULL, 0);
	int d = ConnectDetach_r(fd);
	if (d < 0)
		return -EBADF;
	/* The descriptor is gone whatever the server said (POSIX leaves its state
	 * unspecified after EINTR; QSOE always frees it). */
	return r < 0 && r != -EINTR && r != -EBADF && r != -ESRCH && r != -ENOSYS ? (int)r : 0;
}

/* Closes fd. 0, or -1 with errno (EBADF: not open; EIO etc. from the server). */
int close(int fd)
{
	__qsoe_testcancel();
	return (int)__qsoe_ret(__qsoe_close(fd));
}

/* Sends _IO_DUP on newfd for the connection coid (server side scoid) of owner. */
static int send_dup(int newfd, pid_t owner, int chid, int coid, int scoid)
{
	struct _io_dup m;

	memset(&m, 0, sizeof(m));
	m.type = _IO_DUP;
	m.combine_len = sizeof(m);
	m.info.pid = owner;
	m.info.chid = chid;
	m.info.scoid = scoid;
	m.info.coid = coid;
	long r = MsgSendnc_r(newfd, &m, sizeof(m), NULL, 0);
	return r < 0 ? (int)r : 0;
}

int __qsoe_dup_from(int fd, pid_t pid, int chid, pid_t owner, int coid, int scoid, int cloexec)
{
	int nfd = ConnectAttach_r(0, pid, chid, (unsigned)fd, cloexec ? (int)_NTO_COF_CLOEXEC : 0);

	if (nfd < 0)
		return nfd == -ESRCH ? -EBADF : nfd;
	if (nfd != fd) {
		ConnectDetach_r(nfd);
		return -EBUSY;
	}
	int r = send_dup(nfd, owner, chid, coid, scoid);
	if (r < 0) {
		ConnectDetach_r(nfd);
		return r;
	}
	return nfd;
}

int __qsoe_dup(int fd, int minfd, int exact, int cloexec)
{
	struct _server_info info;

	if (!__qsoe_isfd(fd) || minfd < 0 || ((unsigned)minfd & _NTO_SIDE_CHANNEL))
		return -EBADF;
	int r = ConnectServerInfo_r(0, fd, &info);
	if (r != fd)
		return -EBADF;
	int nfd = ConnectAttach_r(0, info.pid, info.chid, (unsigned)minfd,
	                          cloexec ? (int)_NTO_COF_CLOEXEC : 0);
	if (nfd < 0)
		return nfd == -ESRCH ? -EBADF : nfd == -EAGAIN ? -EMFILE : nfd;
	if ((unsigned)nfd & _NTO_SIDE_CHANNEL) {
		ConnectDetach_r(nfd);
		return -EMFILE;
	}
	if (exact && nfd != minfd) {
		ConnectDetach_r(nfd);
		return -EBUSY;
	}
	r = send_dup(nfd, __qsoe_proc.pid, info.chid, fd, info.scoid);
	if (r < 0) {
		ConnectDetach_r(nfd);
		return r;
	}
	return nfd;
}

/* A new descriptor (the lowest free) sharing fd's open file description. */
int dup(int fd)
{
	return (int)__qsoe_ret(__qsoe_dup(fd, 0, 0, 0));
}

/* Makes fd2 refer to fd's open file description, closing fd2 first if open. */
static int do_dup2(int fd, int fd2, int cloexec)
{
	if (!__qsoe_isfd(fd2) || !__qsoe_isfd(fd) || ConnectServerInfo_r(0, fd, NULL) != fd)
		return -EBADF;
	for (int tries = 0; tries < 100; tries++) {
		__qsoe_close(fd2);
		int r = __qsoe_dup(fd, fd2, 1, cloexec);
		if (r != -EBUSY)
			return r;
		/* another thread took fd2 between the close and the attach */
	}
	return -EBUSY;
}

/* dup2: fd2 becomes a duplicate of fd (fd2 is returned; nothing happens if equal). */
int dup2(int fd, int fd2)
{
	if (fd == fd2) {
		if (ConnectFlags_r(0, fd, 0, 0) < 0 || !__qsoe_isfd(fd)) {
			errno = EBADF;
			return -1;
		}
		return fd2;
	}
	return (int)__qsoe_ret(do_dup2(fd, fd2, 0));
}

/* dup3: dup2 with O_CLOEXEC; fd == fd2 is EINVAL. */
int dup3(int fd, int fd2, int flags)
{
	if (fd == fd2 || (flags & ~O_CLOEXEC)) {
		errno = EINVAL;
		return -1;
	}
	return (int)__qsoe_ret(do_dup2(fd, fd2, (flags & O_CLOEXEC) != 0));
}

int __qsoe_fd_limit(void)
{
	int last = -1;

	for (int fd = 0;;) {
		int r = ConnectServerInfo_r(0, fd, NULL);
		if (r < 0 || ((unsigned)r & _NTO_SIDE_CHANNEL))
			break;
		last = r;
		fd = r + 1;
	}
	return last + 1;
}

/* QSOE has no fixed descriptor limit; this is OPEN_MAX's traditional answer. */
int getdtablesize(void)
{
	long n = sysconf(_SC_OPEN_MAX);
	return n > 0 && n < 0x7fffffff ? (int)n : 0x7fffffff;
}
