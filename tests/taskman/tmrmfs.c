/*
 * tmrmfs - a resource manager written with the QNX framework as its
 * documentation shows (dispatch_create, iofunc_func_init, resmgr_attach,
 * the iofunc_*_default handlers, one read handler), serving one file that
 * taskman must load a program from: tmtest_slow checks that taskman's
 * loader speaks the framework's protocol (open, stat, read, close).
 *
 *   tmrmfs PATH SOURCE   serve boot-archive file SOURCE as PATH (mode 0755)
 *
 * Started with TM_SPAWN_HOLD: ready (procmgr_daemon) once PATH is attached.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/dispatch.h>
#include <sys/iofunc.h>
#include <sys/procmgr.h>
#include <sys/stat.h>
#include <unistd.h>

static char *data;
static iofunc_attr_t attr;

/* Reads boot-archive file src whole into data; its size, or -1. */
static long load(const char *src)
{
	int fd = open(src, O_RDONLY);
	struct stat st;

	if (fd < 0 || fstat(fd, &st) < 0 || st.st_size <= 0)
		return -1;
	data = malloc((size_t)st.st_size);
	if (data == NULL)
		return -1;
	long got = 0;
	while (got < st.st_size) {
		ssize_t n = read(fd, data + got, (size_t)(st.st_size - got));
		if (n <= 0)
			return -1;
		got += n;
	}
	close(fd);
	return got;
}

/* _IO_READ: the bytes at the OCB's offset. */
static int io_read(resmgr_context_t *ctp, io_read_t *msg, RESMGR_OCB_T *ocb)
{
	int r = iofunc_read_verify(ctp, msg, ocb, NULL);

	if (r != EOK)
		return r;
	if ((msg->i.xtype & _IO_XTYPE_MASK) != _IO_XTYPE_NONE)
		return ENOSYS;
	off_t left = ocb->attr->nbytes - ocb->offset;
	size_t n = left > 0 ? (size_t)left : 0;
	if (n > _IO_READ_GET_NBYTES(msg))
		n = _IO_READ_GET_NBYTES(msg);
	SETIOV(ctp->iov, data + ocb->offset, n);
	ocb->offset += (off_t)n;
	_IO_SET_READ_NBYTES(ctp, (long)n);
	return _RESMGR_NPARTS(n ? 1 : 0);
}

int main(int argc, char **argv)
{
	static resmgr_connect_funcs_t cf;
	static resmgr_io_funcs_t iof;

	if (argc != 3)
		return 2;
	long size = load(argv[2]);
	if (size < 0)
		return 3;
	dispatch_t *dpp = dispatch_create();
	if (dpp == NULL)
		return 4;
	iofunc_func_init(_RESMGR_CONNECT_NFUNCS, &cf, _RESMGR_IO_NFUNCS, &iof);
	iof.read = io_read;
	iofunc_attr_init(&attr, S_IFREG | 0755, NULL, NULL);
	attr.nbytes = size;
	if (resmgr_attach(dpp, NULL, argv[1], _FTYPE_ANY, 0, &cf, &iof, &attr) < 0)
		return 5;
	dispatch_context_t *ctp = dispatch_context_alloc(dpp);
	if (ctp == NULL)
		return 6;
	procmgr_daemon(EXIT_SUCCESS, PROCMGR_DAEMON_NOCHDIR | PROCMGR_DAEMON_NOCLOSE |
	                                     PROCMGR_DAEMON_NODEVNULL | PROCMGR_DAEMON_KEEPUMASK);
	for (;;) {
		if (dispatch_block(ctp) == NULL)
			continue;
		dispatch_handler(ctp);
	}
}
