/*
 * child.c - the suite as its own helper: "suite --child MODE args...".
 * Each mode checks one thing about the process it finds itself in and
 * reports through its exit status (0 = as expected), or acts (sleeps,
 * writes, crashes) for the parent to observe.
 */
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "suite.h"

static int num(const char *s)
{
	return s ? atoi(s) : 0;
}

static void child_alarm(int sig)
{
	(void)sig;
}

/* The "atexit" mode: the handler registered last runs first, then the first ends with 21. */
static int atexit_order;
static void atexit_first(void)
{
	_exit(atexit_order == 1 ? 21 : 22);
}
static void atexit_second(void)
{
	atexit_order++;
}

int suite_child_main(int argc, char **argv)
{
	const char *mode = argc > 0 ? argv[0] : "";

	if (strcmp(mode, "exit") == 0)
		return num(argv[1]);
	if (strcmp(mode, "checkargs") == 0) {
		/* checkargs N a1..aN: our arguments after N are exactly a1..aN */
		return argc - 2 == num(argv[1]) ? 0 : 1;
	}
	if (strcmp(mode, "checkenv") == 0) {
		const char *v = argc > 1 ? getenv(argv[1]) : NULL;
		if (argc < 3)
			return v == NULL ? 0 : 1; /* must be absent */
		return v && strcmp(v, argv[2]) == 0 ? 0 : 1;
	}
	if (strcmp(mode, "fdopen") == 0)
		return fcntl(num(argv[1]), F_GETFD) >= 0 ? 0 : 1;
	if (strcmp(mode, "fdclosed") == 0)
		return fcntl(num(argv[1]), F_GETFD) < 0 && errno == EBADF ? 0 : 1;
	if (strcmp(mode, "fdnull") == 0) {
		/* fd N is /dev/null: writes vanish, reads give end of file */
		char c;
		int fd = num(argv[1]);
		return write(fd, "x", 1) == 1 && read(fd, &c, 1) == 0 ? 0 : 1;
	}
	if (strcmp(mode, "cwd") == 0) {
		char buf[256];
		return getcwd(buf, sizeof(buf)) && strcmp(buf, argv[1]) == 0 ? 0 : 1;
	}
	if (strcmp(mode, "umask") == 0) {
		mode_t m = umask(0);
		return (int)m == (int)strtol(argv[1], NULL, 8) ? 0 : 1;
	}
	if (strcmp(mode, "ppid") == 0)
		return getppid() == num(argv[1]) ? 0 : 1;
	if (strcmp(mode, "ownpgrp") == 0)
		return getpgrp() == getpid() ? 0 : 1;
	if (strcmp(mode, "sleep") == 0) {
		struct timespec ts = {num(argv[1]) / 1000, (long)(num(argv[1]) % 1000) * 1000000};
		nanosleep(&ts, NULL);
		return 0;
	}
	if (strcmp(mode, "pause") == 0) {
		for (;;)
			sleep(1000);
	}
	if (strcmp(mode, "write") == 0) {
		size_t n = strlen(argv[2]);
		return write(num(argv[1]), argv[2], n) == (ssize_t)n ? 0 : 1;
	}
	if (strcmp(mode, "crash") == 0) {
		volatile int *p = NULL;
		*p = 1;
		return 3;
	}
	if (strcmp(mode, "flock") == 0) {
		/* flock PATH: the file is locked exclusively by our parent */
		int fd = open(argv[1], O_RDWR);
		if (fd < 0)
			return 2;
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return 3;
		return errno == EWOULDBLOCK ? 0 : 4;
	}
	if (strcmp(mode, "lockwait") == 0 || strcmp(mode, "lockintr") == 0 ||
	    strcmp(mode, "lockhold") == 0) {
		/* lockwait PATH: F_SETLKW succeeds (after a wait); lockintr PATH: a
		 * signal ends the wait with EINTR; lockhold PATH: lock, exit holding it */
		int fd = open(argv[1], O_RDWR);
		struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
		if (fd < 0)
			return 2;
		if (mode[4] == 'h')
			return fcntl(fd, F_SETLK, &fl) == 0 ? 0 : 3;
		if (mode[4] == 'i') {
			struct sigaction sa;
			memset(&sa, 0, sizeof(sa));
			sa.sa_handler = child_alarm;
			sigaction(SIGALRM, &sa, NULL);
			alarm(1);
			return fcntl(fd, F_SETLKW, &fl) == -1 && errno == EINTR ? 0 : 4;
		}
		return fcntl(fd, F_SETLKW, &fl) == 0 ? 0 : 5;
	}
	if (strcmp(mode, "lockmap") == 0) {
		/* lockmap PATH N FD: for bytes 0..N-1 the type of the lock another
		 * process holds there ('R', 'W' or '.'), as F_GETLK sees it, on FD */
		int fd = open(argv[1], O_RDWR), n = num(argv[2]), out = num(argv[3]);
		char map[256];
		if (fd < 0 || n < 1 || n > 256)
			return 2;
		for (int b = 0; b < n; b++) {
			struct flock q = {
			        .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = b, .l_len = 1};
			if (fcntl(fd, F_GETLK, &q) < 0)
				return 3;
			map[b] = q.l_type == F_RDLCK ? 'R' : q.l_type == F_WRLCK ? 'W' : '.';
		}
		return write(out, map, (size_t)n) == n ? 0 : 4;
	}
	if (strcmp(mode, "daemon") == 0) {
		/* daemon FD: after daemon(0, 1), "ok" on FD if we lead a new session in "/" */
		int fd = num(argv[1]);
		char cwd[64], msg[96];
		int r = daemon(0, 1), e = errno;
		if (r == 0 && getsid(0) == getpid() && getpgrp() == getpid() &&
		    getcwd(cwd, sizeof(cwd)) && strcmp(cwd, "/") == 0)
			strcpy(msg, "ok");
		else
			snprintf(msg, sizeof(msg), "bad: daemon %d errno %d, sid %d pgrp %d pid %d",
			         r, e, getsid(0), getpgrp(), getpid());
		write(fd, msg, strlen(msg));
		return 0;
	}
	if (strcmp(mode, "atexit") == 0) {
		if (atexit(atexit_first) != 0 || atexit(atexit_second) != 0)
			return 23;
		return 5; /* exit() must run the handlers */
	}
	if (strcmp(mode, "threads") == 0) {
		/* ends while another thread is still running: exit ends them all */
		return num(argv[1]);
	}
	if (strcmp(mode, "sigmask") == 0 && argc == 3) {
		/* sigmask N 0|1: signal N is (1) or is not (0) blocked */
		sigset_t cur;
		sigprocmask(SIG_BLOCK, NULL, &cur);
		return sigismember(&cur, num(argv[1])) == num(argv[2]) ? 0 : 1;
	}
	if (strcmp(mode, "sigdisp") == 0 && argc == 3) {
		/* sigdisp N dfl|ign: the action of signal N */
		struct sigaction sa;
		if (sigaction(num(argv[1]), NULL, &sa) != 0)
			return 2;
		void (*want)(int) = strcmp(argv[2], "ign") == 0 ? SIG_IGN : SIG_DFL;
		return sa.sa_handler == want ? 0 : 1;
	}
	if (strcmp(mode, "sched") == 0 && argc == 3) {
		/* sched POLICY PRIO: the first thread's scheduling */
		int pol;
		struct sched_param sp;
		if (pthread_getschedparam(pthread_self(), &pol, &sp) != 0)
			return 2;
		return pol == num(argv[1]) && sp.sched_priority == num(argv[2]) ? 0 : 1;
	}
	if (strcmp(mode, "session") == 0 && argc == 2) {
		/* session 1|0: we lead our own session and group (1), or not (0) */
		int lead = getsid(0) == getpid() && getpgrp() == getpid();
		return lead == num(argv[1]) ? 0 : 1;
	}
	fprintf(stderr, "suite --child: unknown mode %s\n", mode);
	return 100;
}
