/*
 * main.c - the pipe manager: pipe() support at /dev/pipe and FIFOs in a
 * directory of their own.
 *
 *   pipe [-s bytes] [-d dir | -D]
 *     -s  bytes of each pipe's buffer (at least PIPE_BUF, default 4 x PIPE_BUF)
 *     -d  the FIFO directory (default /dev/fifo); -D: no FIFO directory
 *
 * It tells its parent (init) it is ready with procmgr_daemon() once its
 * paths are attached, then serves them with one thread.
 */
#include "pipe.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/procmgr.h>
#include <sys/slog.h>
#include <sys/slogcodes.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: pipe [-s bytes] [-d dir | -D]\n");
	exit(EXIT_FAILURE);
}

int main(int argc, char **argv)
{
	const char *dir = "/dev/fifo";
	int c;

	while ((c = getopt(argc, argv, "s:d:D")) != -1) {
		switch (c) {
		case 's': {
			char *end;
			unsigned long v = strtoul(optarg, &end, 0);
			if (*end != '\0' || v < PIPE_BUF || v > (1ul << 30)) {
				fprintf(stderr, "pipe: -s %s: between %d and %lu bytes\n", optarg,
				        PIPE_BUF, 1ul << 30);
				return EXIT_FAILURE;
			}
			pipe_bufsize = v;
			break;
		}
		case 'd':
			dir = optarg;
			break;
		case 'D':
			dir = NULL;
			break;
		default:
			usage();
		}
	}
	dispatch_t *dpp = dispatch_create();
	if (dpp == NULL || pipe_attach(dpp, dir) < 0) {
		fprintf(stderr, "pipe: cannot attach /dev/pipe: %s\n", strerror(errno));
		return EXIT_FAILURE;
	}
	dispatch_context_t *ctp = dispatch_context_alloc(dpp);
	if (ctp == NULL) {
		fprintf(stderr, "pipe: out of memory\n");
		return EXIT_FAILURE;
	}
	procmgr_daemon(EXIT_SUCCESS, PROCMGR_DAEMON_NOCLOSE | PROCMGR_DAEMON_NODEVNULL);
	for (;;) {
		if (dispatch_block(ctp) == NULL) {
			if (errno == EINTR)
				continue;
			slogf(_SLOGC_PIPE, _SLOG_CRITICAL, "pipe: receive failed: %s",
			      strerror(errno));
			return EXIT_FAILURE;
		}
		dispatch_handler(ctp);
	}
}
