/*
 * g_spawnattr.c - group "spawnattr": the posix_spawn attributes beyond the
 * process group (g_spawn.c): the signal mask (set, or inherited), signals
 * reset to their default action (and SIG_IGN inherited otherwise), the
 * scheduling policy and priority, and a new session. Each child checks
 * what it finds (child.c: sigmask, sigdisp, sched, session) and reports
 * through its exit status.
 */
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include "suite.h"

extern char **environ;

/* Spawns suite --child a0 a1 a2 with attributes at; the exit status, or -1. */
static int run_at(posix_spawnattr_t *at, const char *a0, const char *a1, const char *a2)
{
	char *argv[] = {"suite", "--child", (char *)a0, (char *)a1, (char *)a2, NULL};
	pid_t pid;
	int e = posix_spawn(&pid, SUITE_SELF, NULL, at, argv, environ);

	if (e) {
		suite_note("posix_spawn: %s", strerror(e));
		return -1;
	}
	int st = suite_wait(pid);
	return st >= 0 && WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

SUITE_GROUP(spawnattr)
{
	posix_spawnattr_t at;
	sigset_t set, old;
	char num[16];

	/* POSIX_SPAWN_SETSIGMASK: the child starts with exactly the mask given */
	snprintf(num, sizeof(num), "%d", SIGUSR1);
	CHECK_EQ(run_at(NULL, "sigmask", num, "0"), 0); /* not blocked here */
	posix_spawnattr_init(&at);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_EQ(posix_spawnattr_setsigmask(&at, &set), 0);
	CHECK_EQ(posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK), 0);
	CHECK_EQ(run_at(&at, "sigmask", num, "1"), 0);
	posix_spawnattr_destroy(&at);

	/* without it, the child inherits the caller's mask */
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, &old);
	snprintf(num, sizeof(num), "%d", SIGUSR2);
	CHECK_EQ(run_at(NULL, "sigmask", num, "1"), 0);
	/* ... unless the attribute says otherwise (an empty mask) */
	posix_spawnattr_init(&at);
	sigemptyset(&set);
	posix_spawnattr_setsigmask(&at, &set);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGMASK);
	CHECK_EQ(run_at(&at, "sigmask", num, "0"), 0);
	posix_spawnattr_destroy(&at);
	sigprocmask(SIG_SETMASK, &old, NULL);

	/* an ignored signal stays ignored; POSIX_SPAWN_SETSIGDEF resets it */
	struct sigaction ign = {.sa_handler = SIG_IGN}, prev;
	sigaction(SIGUSR1, &ign, &prev);
	snprintf(num, sizeof(num), "%d", SIGUSR1);
	CHECK_EQ(run_at(NULL, "sigdisp", num, "ign"), 0);
	posix_spawnattr_init(&at);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_EQ(posix_spawnattr_setsigdefault(&at, &set), 0);
	CHECK_EQ(posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSIGDEF), 0);
	CHECK_EQ(run_at(&at, "sigdisp", num, "dfl"), 0);
	posix_spawnattr_destroy(&at);
	sigaction(SIGUSR1, &prev, NULL);

	/* scheduling: policy and priority as given */
	struct sched_param sp = {.sched_priority = 12};
	posix_spawnattr_init(&at);
	CHECK_EQ(posix_spawnattr_setschedpolicy(&at, SCHED_FIFO), 0);
	CHECK_EQ(posix_spawnattr_setschedparam(&at, &sp), 0);
	CHECK_EQ(
	        posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSCHEDULER | POSIX_SPAWN_SETSCHEDPARAM),
	        0);
	snprintf(num, sizeof(num), "%d", SCHED_FIFO);
	CHECK_EQ(run_at(&at, "sched", num, "12"), 0);
	posix_spawnattr_destroy(&at);
	/* without: the caller's priority, round-robin */
	int pol;
	struct sched_param mine;
	CHECK_EQ(pthread_getschedparam(pthread_self(), &pol, &mine), 0);
	char prio[16];
	snprintf(num, sizeof(num), "%d", SCHED_RR);
	snprintf(prio, sizeof(prio), "%d", mine.sched_priority);
	CHECK_EQ(run_at(NULL, "sched", num, prio), 0);

	/* POSIX_SPAWN_SETSID: a new session (and group) led by the child */
	posix_spawnattr_init(&at);
	CHECK_EQ(posix_spawnattr_setflags(&at, POSIX_SPAWN_SETSID), 0);
	CHECK_EQ(run_at(&at, "session", "1", NULL), 0);
	posix_spawnattr_destroy(&at);
	CHECK_EQ(run_at(NULL, "session", "0", NULL), 0);

	/* bad attribute values */
	posix_spawnattr_init(&at);
	CHECK_EQ(posix_spawnattr_setflags(&at, (short)0x4000), EINVAL);
	posix_spawnattr_destroy(&at);
}
