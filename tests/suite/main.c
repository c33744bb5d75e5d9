/*
 * main.c - runs the registered groups and prints the totals; started
 * alone (taskman's run=), it first starts the services the groups need.
 */
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "standalone.h"
#include "suite.h"

extern const struct suite_group __start_suite_groups[], __stop_suite_groups[];
int suite_child_main(int argc, char **argv);

extern char **environ;
static unsigned long passed, failed;
static const char *current = "?";

void suite_pass(void)
{
	passed++;
}

void suite_fail(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	const char *base = strrchr(file, '/');

	failed++;
	printf("FAIL %s:%d: [%s] ", base ? base + 1 : file, line, current);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	fflush(stdout);
}

void suite_note(const char *fmt, ...)
{
	va_list ap;

	printf("note: [%s] ", current);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
}

int suite_spawn_child(const char *const args[])
{
	const char *argv[32];
	int n = 0;
	pid_t pid;

	argv[n++] = "suite";
	argv[n++] = "--child";
	for (int i = 0; args[i] && n < 31; i++)
		argv[n++] = args[i];
	argv[n] = NULL;
	int e = posix_spawn(&pid, SUITE_SELF, NULL, NULL, (char *const *)argv, environ);
	if (e) {
		errno = e;
		return -1;
	}
	return pid;
}

/*
 * Waits for pid with a bound: a child that is not reported within
 * SUITE_WAIT_MS is a failure (the suite must never hang on one).
 */
#define SUITE_WAIT_MS 20000
int suite_wait(int pid)
{
	int st;
	unsigned long long end = suite_now_ns() + SUITE_WAIT_MS * 1000000ull;

	for (;;) {
		pid_t r = waitpid(pid, &st, WNOHANG);
		if (r == pid)
			return st;
		if (r < 0 && errno != EINTR) {
			suite_note("waitpid(%d) failed: errno %d", pid, errno);
			return -1;
		}
		if (suite_now_ns() > end) {
			suite_fail(__FILE__, __LINE__, "child %d is reported within %d ms", pid,
			           SUITE_WAIT_MS);
			return -1;
		}
		usleep(2000);
	}
}

unsigned long long suite_now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ull + (unsigned long long)ts.tv_nsec;
}

static pid_t started[SA_NSERVICES]; /* the services this program started */

/* Waits for pid without a time bound (the whole run of the groups). */
static int suite_wait_forever(pid_t pid)
{
	int st;

	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	return st;
}

/* The groups in name order (the section holds them in link order). */
static int by_name(const void *a, const void *b)
{
	return strcmp((*(const struct suite_group *const *)a)->name,
	              (*(const struct suite_group *const *)b)->name);
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--child") == 0)
		return suite_child_main(argc - 2, argv + 2);
	/* Started by taskman's run= the suite starts the services it needs and
	 * stops them at the end, so "run=/bin/suite halt" can power off. */
	int services_started = sa_setup(sa_services, SA_NSERVICES, started);
	if (services_started < 0)
		return 3; /* nowhere to report (taskman says "exited with status 3") */
	if (services_started > 0) {
		/* Run the groups in a child, which has the console as its standard
		 * descriptors and no helper child of its own to confuse "wait". */
		pid_t pid;
		int st = -1;
		if (posix_spawn(&pid, SUITE_SELF, NULL, NULL, argv, environ) == 0)
			st = suite_wait_forever(pid);
		sa_teardown(SA_NSERVICES, started);
		return st >= 0 && WIFEXITED(st) ? WEXITSTATUS(st) : 2;
	}
	size_t n = (size_t)(__stop_suite_groups - __start_suite_groups);
	const struct suite_group **g = malloc((n ? n : 1) * sizeof(*g));
	if (g == NULL)
		return 2;
	for (size_t i = 0; i < n; i++)
		g[i] = &__start_suite_groups[i];
	qsort(g, n, sizeof(*g), by_name);
	if (argc > 1 && strcmp(argv[1], "-l") == 0) {
		for (size_t i = 0; i < n; i++)
			printf("%s\n", g[i]->name);
		return 0;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("suite: %zu groups\n", n);
	if (n == 0)
		suite_fail(__FILE__, __LINE__, "at least one group is registered");
#ifdef SUITE_GROUPS
	/* A build for debugging may name the groups to run (tests/suite/build.mk). */
	if (argc == 1) {
		static char *only[] = {"suite", SUITE_GROUPS, NULL};
		argv = only;
		for (argc = 0; only[argc]; argc++)
			;
	}
#endif
	for (size_t i = 0; i < n; i++) {
		int want = argc == 1;
		for (int a = 1; a < argc; a++)
			if (strcmp(argv[a], g[i]->name) == 0)
				want = 1;
		if (!want)
			continue;
		current = g[i]->name;
		unsigned long f0 = failed, p0 = passed;
		unsigned long long t0 = suite_now_ns();
		g[i]->run();
		printf("group %s: %lu passed, %lu failed (%llu ms)\n", g[i]->name, passed - p0,
		       failed - f0, (suite_now_ns() - t0) / 1000000);
	}
	current = "?";
	printf("%lu passed, %lu failed\n", passed, failed);
	free(g);
	return failed ? 1 : 0;
}
