/*
 * inguest.c - runs the qsh conformance corpus inside QSOE: the program
 * the boot test "qsh-corpus-qemu" starts with taskman's run= (no init).
 *
 *   qsh-corpus-guest [runner arguments...]
 *
 * Started by taskman, it has no standard descriptors and no services: it
 * starts those whose paths are missing -- the console driver, the pipe
 * manager, the system logger and the RAM filesystem at /tmp (/sbin/fs-ram,
 * 64 MiB; the runner's scratch directories and the cases' $TMPDIR live
 * there) -- each ready when posix_spawn returns (POSIX_SPAWN_HOLD and
 * procmgr_daemon), opens the console as descriptors 0-2, then runs the
 * corpus runner
 *
 *   /test/qsh/qsh-corpus -v -t 60 -x /test/qsh/skip-qsoe.txt -s /bin/qsh /test/qsh/cases
 *
 * (or the runner with the arguments given), stops the services and exits with
 * the runner's status. The runner prints "N passed, M failed, K skipped"
 * and a FAIL line for every failing case (qsh/tests/README.md).
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#ifndef POSIX_SPAWN_HOLD
#define POSIX_SPAWN_HOLD 0 /* not QSOE: no way to wait for readiness (not expected) */
#endif

#include "standalone.h"

#define RUNNER "/test/qsh/qsh-corpus"

extern char **environ;

static pid_t started[SA_NSERVICES]; /* the services this program started */

int main(int argc, char **argv)
{
#ifdef GUEST_CASES
	/* a build for debugging runs only these (qsh/build.mk, QSH_GUEST_CASES) */
	char *def_argv[] = {RUNNER, "-v", "-s", "/bin/qsh", GUEST_CASES, NULL};
#else
	/* a case may take a while in an emulator: 60 s each before it counts as hung */
	char *def_argv[] = {RUNNER, "-v",       "-t",
	                    "60",   "-x",       "/test/qsh/skip-qsoe.txt",
	                    "-s",   "/bin/qsh", "/test/qsh/cases",
	                    NULL};
#endif
	pid_t run = -1;

	if (sa_setup(sa_services, SA_NSERVICES, started) < 0)
		return 3; /* nowhere to report (taskman says "exited with status 3") */
	if (access("/tmp", W_OK) != 0) {
		printf("qsh-corpus-guest: FAIL: /tmp is not writable: %s\n", strerror(errno));
		sa_teardown(SA_NSERVICES, started);
		return 1;
	}
	char **rargv = def_argv;
	if (argc > 1) {
		argv[0] = RUNNER;
		rargv = argv;
	}
	printf("qsh-corpus-guest: running the corpus\n");
	fflush(stdout);
	int r = posix_spawn(&run, RUNNER, NULL, NULL, rargv, environ);
	int st = -1;
	if (r != 0)
		printf("qsh-corpus-guest: FAIL: cannot start %s: %s\n", RUNNER, strerror(r));
	else
		while (waitpid(run, &st, 0) < 0 && errno == EINTR)
			;
	if (r == 0 && !WIFEXITED(st))
		printf("qsh-corpus-guest: FAIL: the runner was killed by signal %d\n",
		       WIFSIGNALED(st) ? WTERMSIG(st) : 0);
	else if (r == 0)
		printf("qsh-corpus-guest: runner exited with status %d\n", WEXITSTATUS(st));
	sa_teardown(SA_NSERVICES, started);
	return r == 0 && WIFEXITED(st) ? WEXITSTATUS(st) : 1;
}
