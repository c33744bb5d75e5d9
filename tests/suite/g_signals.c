/*
 * g_signals.c - group "signals-basic": kill() through taskman (a child
 * ended by SIGTERM/SIGKILL, signal 0 as a probe, bad arguments). The
 * signal-handling groups come with the signal library.
 */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "suite.h"

SUITE_GROUP(signals_basic)
{
	CHECK_OK(kill(getpid(), 0));
	CHECK_ERR(kill(getpid(), 9999), -1, EINVAL);
	CHECK_ERR(kill(-1, -1), -1, EINVAL);
	CHECK_ERR(kill(999999, 0), -1, ESRCH);

	int sigs[] = {SIGTERM, SIGKILL};
	for (int i = 0; i < 2; i++) {
		int pid = suite_spawn_child((const char *[]){"pause", NULL});
		CHECK(pid > 0, "spawn a pausing child (errno %d)", errno);
		if (pid <= 0)
			continue;
		CHECK_OK(kill(pid, 0));
		CHECK_OK(kill(pid, sigs[i]));
		int st = suite_wait(pid);
		CHECK(WIFSIGNALED(st) && WTERMSIG(st) == sigs[i], "child killed by signal %d (%#x)",
		      sigs[i], st);
	}
}
