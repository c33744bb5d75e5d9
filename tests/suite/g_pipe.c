/*
 * g_pipe.c - group "pipes": a pipe between threads and to a child, end of
 * file when the writers close, poll on a pipe. Needs the pipe manager at
 * /dev/pipe; without it pipe() fails with ENOSYS and the group says so.
 */
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "suite.h"

SUITE_GROUP(pipes)
{
	int p[2];
	char buf[64];

	if (pipe(p) < 0) {
		CHECK(errno == ENOSYS, "pipe fails only for want of a pipe manager (errno %d)",
		      errno);
		suite_note("no pipe manager (/dev/pipe): pipe tests skipped");
		return;
	}
	CHECK_EQ(write(p[1], "hello", 5), 5);
	struct pollfd pf = {.fd = p[0], .events = POLLIN};
	CHECK_EQ(poll(&pf, 1, 1000), 1);
	CHECK(pf.revents & POLLIN, "poll reports input");
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 5);
	CHECK(memcmp(buf, "hello", 5) == 0, "the bytes that went in come out");
	pf.revents = 0;
	CHECK_EQ(poll(&pf, 1, 50), 0); /* empty: times out */

	/* a child writes into the pipe */
	char fdbuf[16];
	snprintf(fdbuf, sizeof(fdbuf), "%d", p[1]);
	int pid = suite_spawn_child((const char *[]){"write", fdbuf, "from the child", NULL});
	CHECK(pid > 0, "spawn a writer");
	if (pid > 0) {
		int st = suite_wait(pid);
		CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the writer succeeded (%#x)", st);
		CHECK_EQ(read(p[0], buf, 14), 14);
		CHECK(memcmp(buf, "from the child", 14) == 0, "its bytes arrive");
	}
	close(p[1]);
	CHECK_EQ(read(p[0], buf, sizeof(buf)), 0); /* end of file */
	close(p[0]);
	CHECK_OK(pipe2(p, O_CLOEXEC));
	CHECK_EQ(fcntl(p[0], F_GETFD), FD_CLOEXEC);
	close(p[0]);
	void (*old)(int) = signal(SIGPIPE, SIG_IGN); /* else SIGPIPE ends the suite */
	CHECK_ERR(write(p[1], "x", 1), -1, EPIPE);
	signal(SIGPIPE, old);
	close(p[1]);

	/* popen and system go through the shell (posix_spawn + a pipe) */
	FILE *f = popen("echo popen works", "r");
	CHECK(f != NULL, "popen (errno %d)", errno);
	if (f) {
		char line[64] = "";
		CHECK(fgets(line, sizeof(line), f) != NULL && strcmp(line, "popen works\n") == 0,
		      "the command's output comes back (%s)", line);
		CHECK_EQ(pclose(f), 0);
	}
	int st = system("exit 3");
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 3, "system() returns the exit status (%#x)", st);
	CHECK(system(NULL) != 0, "a shell is available");
}
