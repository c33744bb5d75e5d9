/*
 * main.c - slogger, the system logger.
 *
 *   slogger [-s bytes] [-e severity] [-p path]
 *     -s  size of the event ring (default 65536; at least 2 x 4 KiB events)
 *     -e  also print text events of this severity or more severe on stdout
 *         (0..7; default: none)
 *     -p  the path to attach (default /dev/slog)
 *
 * Ready (procmgr_daemon) once the path is attached; one thread serves it.
 */
#include "slogger.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/procmgr.h>
#include <sys/slogcodes.h>
#include <unistd.h>

static void usage(void)
{
	fprintf(stderr, "usage: slogger [-s bytes] [-e severity] [-p path]\n");
	exit(EXIT_FAILURE);
}

int main(int argc, char **argv)
{
	size_t size = 65536;
	int echo = -1, c;
	const char *path = _SLOG_PATH;

	while ((c = getopt(argc, argv, "s:e:p:")) != -1) {
		char *end;
		switch (c) {
		case 's':
			size = strtoul(optarg, &end, 0);
			if (*end == 'k' || *end == 'K') {
				size *= 1024;
				end++;
			}
			if (*end != '\0' || size < 2 * slog_record_size(_SLOG_DATA_MAX) ||
			    size > (1ul << 30)) {
				fprintf(stderr, "slogger: -s %s: between %zu bytes and 1 GiB\n",
				        optarg, 2 * slog_record_size(_SLOG_DATA_MAX));
				return EXIT_FAILURE;
			}
			break;
		case 'e':
			echo = (int)strtol(optarg, &end, 0);
			if (*end != '\0' || echo < 0 || echo > _SLOG_SEVMAXVAL)
				usage();
			break;
		case 'p':
			path = optarg;
			break;
		default:
			usage();
		}
	}
	dispatch_t *dpp = dispatch_create();
	if (dpp == NULL || slogger_attach(dpp, path, size, echo) < 0) {
		fprintf(stderr, "slogger: cannot attach %s: %s\n", path, strerror(errno));
		return EXIT_FAILURE;
	}
	dispatch_context_t *ctp = dispatch_context_alloc(dpp);
	if (ctp == NULL) {
		fprintf(stderr, "slogger: out of memory\n");
		return EXIT_FAILURE;
	}
	char msg[96];
	snprintf(msg, sizeof(msg), "slogger started: %zu byte ring", size);
	slogger_log(_SLOGC_SLOG, _SLOG_INFO, msg);
	procmgr_daemon(EXIT_SUCCESS, PROCMGR_DAEMON_NOCLOSE | PROCMGR_DAEMON_NODEVNULL);
	for (;;) {
		if (dispatch_block(ctp) == NULL) {
			if (errno == EINTR)
				continue;
			fprintf(stderr, "slogger: receive failed: %s\n", strerror(errno));
			return EXIT_FAILURE;
		}
		dispatch_handler(ctp);
	}
}
