/*
 * g_wait.c - group "wait": waitpid/wait/waitid/wait4 semantics, WNOHANG,
 * ECHILD, children killed by signals (a crash, kill), and many children.
 */
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "suite.h"

SUITE_GROUP(wait)
{
	int st;

	CHECK_ERR(waitpid(-1, &st, WNOHANG), -1, ECHILD);
	CHECK_ERR(waitpid(1, &st, 0), -1, ECHILD); /* not our child */
	CHECK_ERR(waitpid(-1, &st, 0x4000000), -1, EINVAL);

	/* WNOHANG while the child runs, then its status */
	int pid = suite_spawn_child((const char *[]){"sleep", "300", NULL});
	CHECK(pid > 0, "spawn a sleeper (errno %d)", errno);
	if (pid > 0) {
		CHECK_EQ(waitpid(pid, &st, WNOHANG), 0);
		CHECK_EQ(waitpid(pid, &st, 0), pid);
		CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "sleeper exits 0 (%#x)", st);
	}

	/* a crash: killed by SIGSEGV */
	pid = suite_spawn_child((const char *[]){"crash", NULL});
	if (pid > 0) {
		st = suite_wait(pid);
		CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "crash gives SIGSEGV (%#x)", st);
	}

	/* waitid with siginfo */
	pid = suite_spawn_child((const char *[]){"exit", "5", NULL});
	if (pid > 0) {
		siginfo_t si;
		memset(&si, 0, sizeof(si));
		CHECK_OK(waitid(P_PID, (id_t)pid, &si, WEXITED));
		CHECK_EQ(si.si_pid, pid);
		CHECK_EQ(si.si_code, CLD_EXITED);
		CHECK_EQ(si.si_status, 5);
	}
	CHECK_ERR(waitid(P_ALL, 0, &(siginfo_t){0}, 0), -1, EINVAL);

	/* many children, collected in any order with wait() */
	int n = 0;
	for (int i = 0; i < 8; i++)
		if (suite_spawn_child((const char *[]){"exit", "1", NULL}) > 0)
			n++;
	CHECK_EQ(n, 8);
	int got = 0, ok = 1;
	while (got < n) {
		struct rusage ru;
		pid_t p = wait4(-1, &st, 0, &ru);
		if (p < 0)
			break;
		got++;
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 1)
			ok = 0;
	}
	CHECK_EQ(got, n);
	CHECK(ok, "every child exited with 1");
	/* nothing is left: not even a child a failed spawn might have left behind
	 * (checked without blocking, so a leftover cannot hang the suite) */
	errno = 0;
	pid_t left = waitpid(-1, &st, WNOHANG);
	CHECK(left == -1 && errno == ECHILD, "no child is left (waitpid gives %d, errno %d)",
	      (int)left, errno);
}
