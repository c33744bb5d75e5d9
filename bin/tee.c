/*
 * tee - copy standard input to standard output and to files.
 * POSIX options: -a (append), -i (ignore SIGINT).
 */
#include "qu.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

QU_USAGE("Usage: tee [-ai] [file...]\n"
         "  -a  append to the files\n"
         "  -i  ignore the interrupt signal\n");

int main(int argc, char **argv)
{
	static char buf[65536];
	int c, i, nf, flags = O_WRONLY | O_CREAT | O_TRUNC, status = 0;
	int *fds;
	ssize_t n;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "ai")) != -1) {
		if (c == 'a')
			flags = O_WRONLY | O_CREAT | O_APPEND;
		else
			signal(SIGINT, SIG_IGN);
	}
	nf = argc - qu_optind + 1;
	fds = qu_malloc(sizeof(int) * (size_t)nf);
	fds[0] = STDOUT_FILENO;
	for (i = 1; i < nf; i++) {
		const char *name = argv[qu_optind + i - 1];
		fds[i] = open(name, flags, 0666);
		if (fds[i] < 0) {
			qu_errno(errno, "%s", qu_quotef(name));
			status = 1;
		}
	}
	for (;;) {
		n = read(STDIN_FILENO, buf, sizeof(buf));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			qu_errno(errno, "read error");
			status = 1;
			break;
		}
		if (n == 0)
			break;
		for (i = 0; i < nf; i++) {
			if (fds[i] < 0)
				continue;
			if (qu_write_all(fds[i], buf, (size_t)n) != 0) {
				qu_errno(errno, "%s",
				         i ? qu_quotef(argv[qu_optind + i - 1])
				           : "standard output");
				if (i)
					close(fds[i]);
				fds[i] = -1;
				status = 1;
			}
		}
	}
	for (i = 1; i < nf; i++) {
		if (fds[i] >= 0 && close(fds[i]) != 0) {
			qu_errno(errno, "%s", qu_quotef(argv[qu_optind + i - 1]));
			status = 1;
		}
	}
	free(fds);
	return status;
}
