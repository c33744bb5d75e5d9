/*
 * example-resmgr - a complete resource manager written the way QNX's
 * "Writing a Resource Manager" guide writes them: iofunc defaults from
 * iofunc_func_init(), our own read and write handlers, a thread pool.
 * docs/resmgr.md walks through it. It serves /dev/example (or the path
 * given with -p): reading returns the text last written (initially a
 * greeting), writing replaces it (at most 256 bytes, else ENOSPC).
 *
 *   example-resmgr [-p path]
 */
#include <errno.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/iofunc.h>
#include <sys/dispatch.h>
#include <sys/procmgr.h>

static resmgr_connect_funcs_t connect_funcs;
static resmgr_io_funcs_t io_funcs;
static iofunc_attr_t attr;

static char text[256] = "Hello from /dev/example\n";

/* read: the text from the OCB's offset on. */
static int io_read(resmgr_context_t *ctp, io_read_t *msg, RESMGR_OCB_T *ocb)
{
	int status, nonblock;
	size_t nleft, nbytes;

	if ((status = iofunc_read_verify(ctp, msg, ocb, &nonblock)) != EOK)
		return status;
	if ((msg->i.xtype & _IO_XTYPE_MASK) != _IO_XTYPE_NONE)
		return ENOSYS;
	nleft = ocb->offset < ocb->attr->nbytes ? (size_t)(ocb->attr->nbytes - ocb->offset) : 0;
	nbytes = _IO_READ_GET_NBYTES(msg) < nleft ? _IO_READ_GET_NBYTES(msg) : nleft;
	if (nbytes > 0) {
		SETIOV(ctp->iov, text + ocb->offset, nbytes);
		_IO_SET_READ_NBYTES(ctp, nbytes);
		ocb->offset += nbytes;
		ocb->attr->flags |= IOFUNC_ATTR_ATIME;
		return _RESMGR_NPARTS(1);
	}
	_IO_SET_READ_NBYTES(ctp, 0);
	return _RESMGR_NPARTS(0);
}

/* write: replaces the text. */
static int io_write(resmgr_context_t *ctp, io_write_t *msg, RESMGR_OCB_T *ocb)
{
	int status;
	size_t nbytes;

	if ((status = iofunc_write_verify(ctp, msg, ocb, NULL)) != EOK)
		return status;
	if ((msg->i.xtype & _IO_XTYPE_MASK) != _IO_XTYPE_NONE)
		return ENOSYS;
	nbytes = _IO_WRITE_GET_NBYTES(msg);
	if (nbytes > sizeof(text))
		return ENOSPC;
	if (resmgr_msgread(ctp, text, nbytes, sizeof(msg->i)) != (ssize_t)nbytes)
		return EFAULT;
	ocb->attr->nbytes = nbytes;
	_IO_SET_WRITE_NBYTES(ctp, nbytes);
	ocb->attr->flags |= IOFUNC_ATTR_MTIME | IOFUNC_ATTR_CTIME;
	return _RESMGR_NPARTS(0);
}

int main(int argc, char **argv)
{
	thread_pool_attr_t pool_attr;
	resmgr_attr_t resmgr_attr;
	dispatch_t *dpp;
	thread_pool_t *tpp;
	const char *path = "/dev/example";
	int id, c;

	while ((c = getopt(argc, argv, "p:")) != -1) {
		if (c != 'p') {
			fprintf(stderr, "usage: %s [-p path]\n", argv[0]);
			return EXIT_FAILURE;
		}
		path = optarg;
	}
	/* initialize dispatch interface */
	if ((dpp = dispatch_create()) == NULL) {
		fprintf(stderr, "%s: Unable to allocate dispatch handle.\n", argv[0]);
		return EXIT_FAILURE;
	}
	/* initialize resource manager attributes */
	memset(&resmgr_attr, 0, sizeof resmgr_attr);
	resmgr_attr.nparts_max = 1;
	resmgr_attr.msg_max_size = 2048;

	/* initialize functions for handling messages */
	iofunc_func_init(_RESMGR_CONNECT_NFUNCS, &connect_funcs, _RESMGR_IO_NFUNCS, &io_funcs);
	io_funcs.read = io_read;
	io_funcs.write = io_write;

	/* initialize attribute structure used by the device */
	iofunc_attr_init(&attr, S_IFNAM | 0666, 0, 0);
	attr.nbytes = strlen(text);

	/* attach our device name */
	id = resmgr_attach(dpp, &resmgr_attr, path, _FTYPE_ANY, 0, &connect_funcs, &io_funcs,
	                   &attr);
	if (id == -1) {
		fprintf(stderr, "%s: Unable to attach name %s: %s\n", argv[0], path,
		        strerror(errno));
		return EXIT_FAILURE;
	}

	/* initialize thread pool attributes */
	memset(&pool_attr, 0, sizeof pool_attr);
	pool_attr.handle = dpp;
	pool_attr.context_alloc = dispatch_context_alloc;
	pool_attr.block_func = dispatch_block;
	pool_attr.unblock_func = dispatch_unblock;
	pool_attr.handler_func = dispatch_handler;
	pool_attr.context_free = dispatch_context_free;
	pool_attr.lo_water = 2;
	pool_attr.hi_water = 4;
	pool_attr.increment = 1;
	pool_attr.maximum = 50;

	/* allocate a thread pool handle */
	if ((tpp = thread_pool_create(&pool_attr, POOL_FLAG_EXIT_SELF)) == NULL) {
		fprintf(stderr, "%s: Unable to initialize thread pool.\n", argv[0]);
		return EXIT_FAILURE;
	}

	/* ready: a parent that started us with POSIX_SPAWN_HOLD goes on now */
	procmgr_daemon(EXIT_SUCCESS, PROCMGR_DAEMON_NOCLOSE | PROCMGR_DAEMON_NODEVNULL);

	/* start the threads; will not return */
	thread_pool_start(tpp);
	return EXIT_SUCCESS;
}
