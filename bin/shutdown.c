/*
 * shutdown, reboot - power the system off or restart it (root only).
 *
 * shutdown [-r] [-f] [-S reboot|system] [now]
 * reboot [-f]
 * Normally asks init to do it (SIGPWR: power off, SIGUSR1: reboot; see
 * sbin/init/init.h): init stops respawning, ends the sessions and then
 * the services (SIGTERM, then SIGKILL after a grace period), syncs and
 * asks taskman (TM_SHUTDOWN). With -f, or when no init runs, shutdown
 * syncs and asks taskman itself at once.
 */
#include "procinfo.h"
#include "qu.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifndef QU_PROC_TEST
#include <qsoe/taskman.h>
#include <sys/neutrino.h>
#endif

QU_USAGE("Usage: shutdown [-r] [-f] [-S reboot|system] [now]\n"
         "       reboot [-f]\n"
         "  -r  restart instead of powering off (same as -S reboot; reboot does this)\n"
         "  -S system  power off (the default of shutdown)\n"
         "  -f  at once: do not ask init to stop the services first\n");

#define INIT_WAIT_S 30 /* how long init may take before we do it ourselves */

/* The pid of init (the "init" whose parent is taskman), or 0. */
static pid_t find_init(void)
{
	struct qu_proc *ps;
	size_t n;
	pid_t r = 0;

	if (qu_proc_all(&ps, &n) < 0)
		return 0;
	for (size_t i = 0; i < n && !r; i++)
		if (ps[i].ppid == 1 && ps[i].pid != 1 && !strcmp(ps[i].name, "init"))
			r = ps[i].pid;
	qu_proc_free_all(ps, n);
	return r;
}

/* Asks taskman to power off or reboot; returns only on failure (errno). */
static void tm_shutdown(int reboot)
{
	sync();
#ifdef QU_PROC_TEST
	printf("TM_SHUTDOWN %s\n", reboot ? "reboot" : "poweroff");
	exit(0);
#else
	struct tm_shutdown m;
	memset(&m, 0, sizeof(m));
	m.hdr.type = TM_SHUTDOWN;
	m.hdr.size = sizeof(m);
	m.how = reboot ? TM_SHUTDOWN_REBOOT : TM_SHUTDOWN_POWEROFF;
	m.status = 0;
	if (MsgSend(SYSMGR_COID, &m, sizeof(m), NULL, 0) != -1)
		for (;;)
			pause(); /* the system is going down */
#endif
}

/* Sends sig to pid (prints it in the test build). */
static int send_sig(pid_t pid, int sig)
{
#ifdef QU_PROC_TEST
	printf("kill %ld %d\n", (long)pid, sig);
	fflush(stdout);
	exit(0);
#else
	return kill(pid, sig);
#endif
}

int main(int argc, char **argv)
{
	int reboot = 0, fast = 0, c;

	qu_init(argv[0]);
	if (!strcmp(qu_prog, "reboot"))
		reboot = 1;
	while ((c = qu_getopt(argc, argv, reboot ? "f" : "rfS:")) != -1) {
		switch (c) {
		case 'r':
			reboot = 1;
			break;
		case 'f':
			fast = 1;
			break;
		case 'S':
			if (!strcmp(qu_optarg, "reboot"))
				reboot = 1;
			else if (!strcmp(qu_optarg, "system"))
				reboot = 0;
			else
				qu_usage(1, "-S takes reboot or system");
			break;
		}
	}
	if (qu_optind < argc && !strcmp(argv[qu_optind], "now") && strcmp(qu_prog, "reboot"))
		qu_optind++;
	if (qu_optind < argc)
		qu_usage(1, "extra operand");
#ifdef QU_PROC_TEST
	uid_t euid = getenv("QUSER_TEST_UID") ? (uid_t)atol(getenv("QUSER_TEST_UID")) : geteuid();
#else
	uid_t euid = geteuid();
#endif
	if (euid != 0)
		qu_die_errno(1, EPERM, "only root may %s the system",
		             reboot ? "restart" : "shut down");
	pid_t init = fast ? 0 : find_init();
	if (init > 0) {
		if (send_sig(init, reboot ? SIGUSR1 : SIGPWR) == 0) {
			printf("%s: init (pid %ld) is %s the system\n", qu_prog, (long)init,
			       reboot ? "restarting" : "shutting down");
			fflush(stdout);
			sleep(INIT_WAIT_S);
			qu_err("init did not finish within %d s; doing it now", INIT_WAIT_S);
		} else {
			qu_errno(errno, "cannot signal init (pid %ld); doing it now", (long)init);
		}
	}
	tm_shutdown(reboot);
	qu_die_errno(1, errno, "cannot %s", reboot ? "restart" : "power off");
}
