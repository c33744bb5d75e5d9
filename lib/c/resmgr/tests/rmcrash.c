/*
 * rmcrash.c - /bin/rmtest-crash PATH: a resource manager that dies (a NULL
 * store) in the middle of a read, with the client waiting for its reply.
 * The suite's "resmgr" group uses it to check that the client gets an
 * error and nothing hangs. It calls procmgr_daemon() once PATH is attached.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/iofunc.h>
#include <sys/dispatch.h>
#include <sys/procmgr.h>

static int crash_read(resmgr_context_t *ctp, io_read_t *msg, RESMGR_OCB_T *ocb)
{
	volatile int *p = NULL;

	*p = 1; /* dies holding the client's request */
	return EOK;
}

int main(int argc, char **argv)
{
	static resmgr_connect_funcs_t cf;
	static resmgr_io_funcs_t io;
	static iofunc_attr_t attr;

	if (argc != 2) {
		fprintf(stderr, "usage: rmtest-crash path\n");
		return EXIT_FAILURE;
	}
	dispatch_t *dpp = dispatch_create();
	iofunc_func_init(_RESMGR_CONNECT_NFUNCS, &cf, _RESMGR_IO_NFUNCS, &io);
	io.read = crash_read;
	iofunc_attr_init(&attr, S_IFCHR | 0666, NULL, NULL);
	if (dpp == NULL || resmgr_attach(dpp, NULL, argv[1], _FTYPE_ANY, 0, &cf, &io, &attr) < 0) {
		perror("rmtest-crash");
		return EXIT_FAILURE;
	}
	dispatch_context_t *ctp = dispatch_context_alloc(dpp);
	procmgr_daemon(EXIT_SUCCESS, PROCMGR_DAEMON_NOCLOSE | PROCMGR_DAEMON_NODEVNULL);
	while (ctp != NULL && dispatch_block(ctp) != NULL)
		dispatch_handler(ctp);
	return EXIT_FAILURE;
}
