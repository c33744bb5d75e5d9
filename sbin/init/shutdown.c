/*
 * shutdown.c - init's orderly power-off and reboot. A thread waits for
 * SIGPWR (power off) or SIGUSR1 (reboot), which only root may send (the
 * shutdown and reboot utilities do). It then stops init from starting
 * anything, ends every process that is not a daemon service (the
 * sessions, their jobs, orphans) with SIGTERM and, after a grace period,
 * SIGKILL; ends the daemon services the same way in the reverse order of
 * init.conf (so the console and the logger go last); syncs; and asks
 * taskman to power off or reboot (TM_SHUTDOWN).
 */
#include "init.h"

#include <dirent.h>
#include <errno.h>
#include <pthread.h>
#include <qsoe/taskman.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/neutrino.h>
#include <sys/slog.h>
#include <sys/slogcodes.h>
#include <time.h>
#include <unistd.h>

#define GRACE_MS     3000 /* after SIGTERM, before SIGKILL */
#define KILL_WAIT_MS 1000

pthread_mutex_t init_lock = PTHREAD_MUTEX_INITIALIZER;
int init_stopping;

static struct service *services;

/* Sleeps ms milliseconds. */
static void nap_ms(long ms)
{
	struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

/* True if pid is one of the pids in keep[0..nkeep). */
static int kept(pid_t pid, const pid_t *keep, size_t nkeep)
{
	for (size_t i = 0; i < nkeep; i++)
		if (keep[i] == pid)
			return 1;
	return 0;
}

/*
 * Sends sig to every process in /proc except taskman, init and keep[];
 * returns how many it signalled (0 when none is left).
 */
static int signal_others(int sig, const pid_t *keep, size_t nkeep)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;
	pid_t self = getpid();

	if (d == NULL)
		return 0;
	while ((e = readdir(d)) != NULL) {
		char *end;
		long v = strtol(e->d_name, &end, 10);
		if (*end || v <= 1 || v == self || kept((pid_t)v, keep, nkeep))
			continue;
		if (kill((pid_t)v, sig) == 0)
			n++;
	}
	closedir(d);
	return n;
}

/* Ends the processes signal_others selects: SIGTERM, then SIGKILL. */
static void end_others(const pid_t *keep, size_t nkeep)
{
	if (signal_others(SIGTERM, keep, nkeep) == 0)
		return;
	for (int t = 0; t < GRACE_MS / 50 && signal_others(0, keep, nkeep) > 0; t++)
		nap_ms(50);
	if (signal_others(SIGKILL, keep, nkeep) == 0)
		return;
	for (int t = 0; t < KILL_WAIT_MS / 50 && signal_others(0, keep, nkeep) > 0; t++)
		nap_ms(50);
}

/* Ends one process: SIGTERM, then SIGKILL. */
static void end_one(pid_t pid)
{
	if (kill(pid, SIGTERM) != 0)
		return;
	for (int t = 0; t < GRACE_MS / 50 && kill(pid, 0) == 0; t++)
		nap_ms(50);
	if (kill(pid, SIGKILL) != 0)
		return;
	for (int t = 0; t < KILL_WAIT_MS / 50 && kill(pid, 0) == 0; t++)
		nap_ms(50);
}

/* The shutdown, once a signal asked for it; does not return. */
static void go_down(int reboot)
{
	size_t n = 0;
	pid_t *daemons;

	pthread_mutex_lock(&init_lock);
	init_stopping = 1;
	for (struct service *s = services; s != NULL; s = s->next)
		n++;
	daemons = calloc(n + 1, sizeof(*daemons));
	size_t k = 0;
	for (struct service *s = services; s != NULL && daemons; s = s->next)
		if ((s->flags & SVC_DAEMON) && s->pid > 0)
			daemons[k++] = s->pid;
	pthread_mutex_unlock(&init_lock);
	init_say(_SLOG_NOTICE, "%s: ending the sessions and processes",
	         reboot ? "reboot" : "power off");
	end_others(daemons, daemons ? k : 0);
	init_say(_SLOG_NOTICE, "stopping the services");
	for (size_t i = k; i-- > 0;)
		end_one(daemons[i]);
	free(daemons);
	sync();
	struct tm_shutdown m;
	memset(&m, 0, sizeof(m));
	m.hdr.type = TM_SHUTDOWN;
	m.hdr.size = sizeof(m);
	m.how = reboot ? TM_SHUTDOWN_REBOOT : TM_SHUTDOWN_POWEROFF;
	MsgSend(SYSMGR_COID, &m, sizeof(m), NULL, 0);
	init_say(_SLOG_CRITICAL, "taskman refused to %s: %s", reboot ? "reboot" : "power off",
	         strerror(errno));
}

/* The thread: waits for SIGPWR or SIGUSR1 (blocked in every thread of init). */
static void *waiter(void *arg)
{
	sigset_t set;
	int sig;

	(void)arg;
	sigemptyset(&set);
	sigaddset(&set, SIGPWR);
	sigaddset(&set, SIGUSR1);
	for (;;) {
		if (sigwait(&set, &sig) != 0)
			continue;
		go_down(sig == SIGUSR1);
	}
	return NULL;
}

/* See init.h. */
int init_shutdown_start(struct service *list)
{
	pthread_t t;
	sigset_t set;

	services = list;
	sigemptyset(&set);
	sigaddset(&set, SIGPWR);
	sigaddset(&set, SIGUSR1);
	int r = pthread_sigmask(SIG_BLOCK, &set, NULL);
	if (r == 0)
		r = pthread_create(&t, NULL, waiter, NULL);
	return r;
}
