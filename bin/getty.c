/*
 * getty - set up a terminal line and start login.
 *
 * getty [tty [term]]: with a tty, starts a new session and makes the tty its
 * standard input, output and error (and so its controlling terminal); sets
 * sane modes, prints a banner and "HOST login: ", reads the user name and
 * runs "/bin/login name", waiting for it (QSOE has no exec; see run.h);
 * exits with login's status.
 */
#include "qu.h"
#include "run.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

QU_USAGE("Usage: getty [tty [term]]\n"
         "Opens tty, asks for a user name and runs login.\n");

#define LOGIN_PATH "/bin/login"

int main(int argc, char **argv)
{
	char host[HOST_NAME_MAX + 1], *line = NULL;
	const char *login = LOGIN_PATH;
	struct termios t;
	int fd;

	qu_init(argv[0]);
	qu_getopt(argc, argv, "");
#ifdef QU_ACCT_TEST
	if (getenv("QUSER_TEST_LOGIN"))
		login = getenv("QUSER_TEST_LOGIN");
#endif
	if (qu_optind < argc) {
		const char *tty = argv[qu_optind];
		char *path = NULL;
		if (tty[0] != '/') {
			path = qu_malloc(strlen(tty) + 6);
			sprintf(path, "/dev/%s", tty);
			tty = path;
		}
		setsid();
		fd = open(tty, O_RDWR);
		if (fd < 0)
			qu_die_errno(1, errno, "%s", tty);
		if (dup2(fd, 0) < 0 || dup2(fd, 1) < 0 || dup2(fd, 2) < 0)
			qu_die_errno(1, errno, "%s", tty);
		if (fd > 2)
			close(fd);
		if (qu_optind + 1 < argc)
			setenv("TERM", argv[qu_optind + 1], 1);
		free(path);
	}
	if (tcgetattr(STDIN_FILENO, &t) == 0) {
		t.c_iflag |= ICRNL;
		t.c_iflag &= ~(tcflag_t)(INLCR | IGNCR);
		t.c_oflag |= OPOST | ONLCR;
		t.c_lflag |= ICANON | ECHO | ECHOE | ISIG;
		tcsetattr(STDIN_FILENO, TCSANOW, &t);
	}
	if (gethostname(host, sizeof(host) - 1) != 0)
		strcpy(host, "qsoe");
	host[sizeof(host) - 1] = 0;
	printf("\nQSOE (%s)\n\n", host);
	for (;;) {
		printf("%s login: ", host);
		fflush(stdout);
		/* a byte at a time, so that login gets the rest of the input */
		free(line);
		line = qu_read_line(STDIN_FILENO);
		if (!line)
			return 1;
		if (line[0] && line[0] != '-')
			break;
	}
	char *av[] = {"login", line, NULL};
	int st = qu_run_session(login, av);
	if (st < 0)
		qu_die_errno(1, errno, "cannot run %s", login);
	free(line);
	return st;
}
