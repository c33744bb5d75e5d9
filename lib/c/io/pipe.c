/*
 * pipe.c - pipe, pipe2 and QNX's openfd.
 *
 * Pipes come from the pipe resource manager at /dev/pipe (docs/abi.md,
 * "Pipes"): opening /dev/pipe (file type _FTYPE_PIPE) for reading creates
 * a new pipe and gives its read end; _IO_OPENFD with xtype _IO_OPENFD_PIPE
 * on a second connection, naming the read end, gives the write end of the
 * same pipe. Without a pipe manager, pipe() fails with ENOSYS.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "qsoe_os.h"

/*
 * Opens a new open file description of the file open on fd: a second
 * connection to its server and _IO_OPENFD naming fd. Returns the new
 * descriptor or -errno.
 */
static int do_openfd(int fd, int oflag, unsigned xtype)
{
	struct _server_info info;
	struct _io_openfd m;

	if (!__qsoe_isfd(fd) || ConnectServerInfo_r(0, fd, &info) != fd)
		return -EBADF;
	int nfd = ConnectAttach_r(0, info.pid, info.chid, 0,
	                          (oflag & O_CLOEXEC) ? (int)_NTO_COF_CLOEXEC : 0);
	if (nfd < 0)
		return nfd == -EAGAIN ? -EMFILE : nfd == -ESRCH ? -EBADF : nfd;
	memset(&m, 0, sizeof(m));
	m.type = _IO_OPENFD;
	m.combine_len = sizeof(m);
	m.ioflag = ((unsigned)oflag & ~(unsigned)(O_ACCMODE | O_CLOEXEC)) |
	           (((unsigned)oflag & O_ACCMODE) + 1);
	m.xtype = (uint16_t)xtype;
	m.info.pid = __qsoe_proc.pid;
	m.info.chid = info.chid;
	m.info.scoid = info.scoid;
	m.info.coid = fd;
	long r = MsgSend_r(nfd, &m, sizeof(m), NULL, 0);
	if (r < 0) {
		ConnectDetach_r(nfd);
		return (int)r;
	}
	return nfd;
}

/* QNX openfd: a new open of the file open on fd, with its own offset and flags. */
int openfd(int fd, int oflag)
{
	return (int)__qsoe_ret(do_openfd(fd, oflag, _IO_OPENFD_NONE));
}

int pipe2(int fds[2], int flags)
{
	char path[] = "/dev/pipe";

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return (int)__qsoe_ret(-EINVAL);
	struct __qsoe_conn c = {
	        .subtype = _IO_CONNECT_OPEN,
	        .file_type = _FTYPE_PIPE,
	        .ioflag = (unsigned)(flags & O_NONBLOCK) | (O_RDONLY + 1),
	        .keep = 1,
	        .cloexec = (flags & O_CLOEXEC) != 0,
	};
	int rd = __qsoe_connect(path, &c);
	if (rd < 0)
		return (int)__qsoe_ret(rd == -ENOENT ? -ENOSYS : rd);
	int wr = do_openfd(rd, O_WRONLY | flags, _IO_OPENFD_PIPE);
	if (wr < 0) {
		__qsoe_close(rd);
		return (int)__qsoe_ret(wr);
	}
	fds[0] = rd;
	fds[1] = wr;
	return 0;
}

int pipe(int fds[2])
{
	return pipe2(fds, 0);
}
