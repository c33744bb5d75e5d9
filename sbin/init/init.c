/*
 * init.c - the first program taskman starts (/sbin/init): reads the
 * configuration (init.h; /etc/init.conf, or -f FILE), starts the services
 * in order, restarts those marked respawn when they end, and reaps every
 * orphan. Messages go to the system logger and, once it exists, to the
 * console.
 *
 *   init [-f conf]          the system's init
 *   init -t TTY PATH ARG... a session on terminal TTY (session.c); init uses
 *                           it to run tty= services
 */
#include "init.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/slog.h>
#include <sys/slogcodes.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define SEC          1000000000LL
#define BACKOFF_MIN  (1 * SEC)
#define BACKOFF_MAX  (60 * SEC)
#define QUICK_DEATH  (10 * SEC) /* ending sooner than this doubles the back-off */
#define WAIT_PATH_NS (10 * SEC) /* how long wait=PATH waits */
#define CONF_MAX     (256 * 1024)

int init_session(const char *tty, char **argv); /* session.c */

extern char **environ;
static const char *self = "/sbin/init";
static int console_ok;

/* A default configuration, for a missing or broken /etc/init.conf. */
static const char fallback_conf[] = "daemon respawn /sbin/slogger\n"
                                    "daemon respawn /sbin/devc-ser8250\n"
                                    "daemon respawn /sbin/pipe\n"
                                    "respawn tty=/dev/console alt=/sbin/tinysh /bin/getty\n";

static int64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * SEC + ts.tv_nsec;
}

/* Points descriptors 0, 1 and 2 at the console once it exists (else /dev/null). */
static void attach_console(void)
{
	if (console_ok)
		return;
	int fd = open("/dev/console", O_RDWR | O_NOCTTY);
	if (fd < 0) {
		if (fcntl(0, F_GETFD) < 0 && (fd = open("/dev/null", O_RDWR)) >= 0) {
			for (int i = 0; i < 3; i++)
				if (fd != i)
					dup2(fd, i);
			if (fd > 2)
				close(fd);
		}
		return;
	}
	for (int i = 0; i < 3; i++)
		if (fd != i)
			dup2(fd, i);
	if (fd > 2)
		close(fd);
	console_ok = 1;
}

/* Logs a message: system logger, and the console if there is one (init.h). */
void init_say(int severity, const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	slogf(_SLOGC_INIT, severity, "%s", buf);
	attach_console();
	if (console_ok)
		dprintf(2, "init: %s\n", buf);
}

/* Waits (up to WAIT_PATH_NS) until path exists. Returns 0 or -1. */
static int wait_path(const char *path)
{
	struct stat st;
	int64_t end = now_ns() + WAIT_PATH_NS;

	while (stat(path, &st) < 0) {
		if (now_ns() >= end)
			return -1;
		usleep(10000);
	}
	return 0;
}

/* Starts service s. Returns its pid or -1. */
static pid_t start(struct service *s)
{
	posix_spawnattr_t attr;
	struct stat st;
	char *prog = s->argv[0];
	pid_t pid = -1;

	if (stat(prog, &st) < 0 && s->alt != NULL) {
		init_say(_SLOG_WARNING, "%s: %s; running %s instead", prog, strerror(errno),
		         s->alt);
		prog = s->alt;
	}
	int n = 0;
	while (s->argv[n] != NULL)
		n++;
	char **argv = calloc((size_t)n + 4, sizeof(*argv));
	if (argv == NULL)
		return -1;
	int k = 0;
	if (s->tty != NULL) { /* init -t TTY PROG ARGS... as a new session */
		argv[k++] = (char *)self;
		argv[k++] = "-t";
		argv[k++] = s->tty;
	}
	argv[k++] = prog;
	for (int i = 1; i < n; i++)
		argv[k++] = s->argv[i];
	argv[k] = NULL;
	posix_spawnattr_init(&attr);
	sigset_t none;
	sigemptyset(&none);
	posix_spawnattr_setsigmask(&attr, &none); /* init blocks SIGPWR and SIGUSR1 */
	short flags = POSIX_SPAWN_SETSIGMASK;
	if (s->flags & SVC_DAEMON)
		flags |= (short)POSIX_SPAWN_HOLD;
	if (s->tty != NULL)
		flags |= (short)POSIX_SPAWN_SETSID;
	posix_spawnattr_setflags(&attr, flags);
	int r = posix_spawn(&pid, s->tty ? self : prog, NULL, &attr, argv, environ);
	posix_spawnattr_destroy(&attr);
	free(argv);
	if (r != 0) {
		init_say(_SLOG_ERROR, "cannot start %s (line %d): %s", prog, s->line, strerror(r));
		return -1;
	}
	s->pid = pid;
	s->started = now_ns();
	s->restart_at = 0;
	init_say(_SLOG_INFO, "started %s%s%s (pid %d)", prog, s->tty ? " on " : "",
	         s->tty ? s->tty : "", pid);
	return pid;
}

/* Describes a wait status. */
static const char *how(int status, char *buf, size_t n)
{
	if (WIFEXITED(status))
		snprintf(buf, n, "exited with status %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(buf, n, "was killed by signal %d", WTERMSIG(status));
	else
		snprintf(buf, n, "ended (status %#x)", status);
	return buf;
}

/* A child ended: log it; schedule a restart of a respawn service. */
static void ended(struct service *list, pid_t pid, int status)
{
	char b[64];

	for (struct service *s = list; s != NULL; s = s->next) {
		if (s->pid != pid)
			continue;
		s->pid = 0;
		int64_t now = now_ns(), up = now - s->started;
		if (init_stopping)
			return;
		if (!(s->flags & SVC_RESPAWN)) {
			init_say(_SLOG_NOTICE, "%s (pid %d) %s", s->argv[0], pid,
			         how(status, b, sizeof(b)));
			return;
		}
		if (s->tty != NULL && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
			/* a session that ended normally (a logout): a new one at once */
			s->backoff = 0;
			s->restart_at = now;
			slogf(_SLOGC_INIT, _SLOG_INFO, "session on %s (pid %d) ended", s->tty, pid);
			return;
		}
		if (up < QUICK_DEATH)
			s->backoff = s->backoff ? 2 * s->backoff : BACKOFF_MIN;
		else
			s->backoff = BACKOFF_MIN;
		if (s->backoff > BACKOFF_MAX)
			s->backoff = BACKOFF_MAX;
		s->restart_at = now + s->backoff;
		s->restarts++;
		init_say(up < QUICK_DEATH ? _SLOG_ERROR : _SLOG_NOTICE,
		         "%s (pid %d) %s; restarting in %lld s", s->argv[0], pid,
		         how(status, b, sizeof(b)), (long long)(s->backoff / SEC));
		return;
	}
	/* An orphan that was given to us: nothing to do but reap it. */
}

/* Runs forever: restarts services when due, reaps children. */
static __attribute__((noreturn)) void monitor(struct service *list)
{
	for (;;) {
		int64_t now = now_ns(), next = 0;
		pthread_mutex_lock(&init_lock);
		for (struct service *s = list; s != NULL && !init_stopping; s = s->next) {
			if (s->restart_at == 0)
				continue;
			if (s->restart_at <= now) {
				if (start(s) < 0) { /* try again later */
					s->backoff = s->backoff < BACKOFF_MAX ? 2 * s->backoff
					                                      : BACKOFF_MAX;
					s->restart_at = now + s->backoff;
				}
				if (s->tty == NULL && s->wait != NULL)
					wait_path(s->wait);
			}
			if (s->restart_at && (next == 0 || s->restart_at < next))
				next = s->restart_at;
		}
		pthread_mutex_unlock(&init_lock);
		int status;
		pid_t pid = waitpid(-1, &status, next ? WNOHANG : 0);
		if (pid > 0) {
			pthread_mutex_lock(&init_lock);
			ended(list, pid, status);
			pthread_mutex_unlock(&init_lock);
			continue;
		}
		if (pid < 0 && errno != ECHILD && errno != EINTR)
			init_say(_SLOG_ERROR, "waitpid: %s", strerror(errno));
		int64_t nap = next ? next - now_ns() : SEC;
		if (nap > SEC / 10)
			nap = SEC / 10;
		if (nap > 0)
			usleep((useconds_t)(nap / 1000));
	}
}

/* Reads the whole file at path (malloc'd, NUL-terminated) or NULL. */
static char *slurp(const char *path)
{
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return NULL;
	char *buf = malloc(CONF_MAX + 1);
	size_t n = 0;
	ssize_t k;
	while (buf != NULL && n < CONF_MAX && (k = read(fd, buf + n, CONF_MAX - n)) > 0)
		n += (size_t)k;
	close(fd);
	if (buf != NULL)
		buf[n] = '\0';
	return buf;
}

int main(int argc, char **argv)
{
	const char *conf = "/etc/init.conf";

	if (argc > 0 && argv[0][0] == '/')
		self = argv[0];
	if (argc >= 4 && strcmp(argv[1], "-t") == 0)
		return init_session(argv[2], argv + 3);
	if (argc == 3 && strcmp(argv[1], "-f") == 0)
		conf = argv[2];
	else if (argc != 1) {
		fprintf(stderr, "usage: init [-f conf] | init -t tty program [arg...]\n");
		return EXIT_FAILURE;
	}
	signal(SIGINT, SIG_IGN);
	signal(SIGQUIT, SIG_IGN);
	signal(SIGTSTP, SIG_IGN);
	signal(SIGPIPE, SIG_IGN);
	attach_console();
	const char *err = NULL;
	int line = 0;
	char *text = slurp(conf);
	struct service *list = text ? conf_parse(text, &err, &line) : NULL;
	if (text == NULL || err != NULL || list == NULL) {
		if (text == NULL)
			init_say(_SLOG_ERROR, "cannot read %s: %s; using the built-in services",
			         conf, strerror(errno));
		else if (err != NULL)
			init_say(_SLOG_ERROR, "%s:%d: %s; using the built-in services", conf, line,
			         err);
		else
			init_say(_SLOG_ERROR, "%s lists no services; using the built-in ones",
			         conf);
		list = conf_parse(fallback_conf, &err, &line);
	}
	free(text);
	int e = init_shutdown_start(list);
	if (e != 0)
		init_say(_SLOG_ERROR, "cannot wait for shutdown requests: %s", strerror(e));
	for (struct service *s = list; s != NULL; s = s->next) {
		pthread_mutex_lock(&init_lock);
		pid_t started = init_stopping ? -1 : start(s);
		pthread_mutex_unlock(&init_lock);
		if (started < 0) {
			if (s->flags & SVC_RESPAWN) {
				s->backoff = BACKOFF_MIN;
				s->restart_at = now_ns() + s->backoff;
			}
			continue;
		}
		if (s->wait != NULL && wait_path(s->wait) < 0)
			init_say(_SLOG_WARNING, "%s did not appear within 10 s", s->wait);
		if (s->flags & SVC_ONCE) {
			int status;
			char b[64];
			while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR)
				;
			init_say(_SLOG_INFO, "%s %s", s->argv[0], how(status, b, sizeof(b)));
			s->pid = 0;
		}
		attach_console(); /* the console may have just appeared */
	}
	monitor(list);
}
