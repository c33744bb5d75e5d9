/*
 * standalone.c - services and a console for programs started by taskman's
 * run= (see standalone.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "standalone.h"

extern char **environ;

static char *const ser_argv[] = {"/sbin/devc-ser8250", NULL};
static char *const pipe_argv[] = {"/sbin/pipe", NULL};
static char *const slog_argv[] = {"/sbin/slogger", NULL};
static char *const fsram_argv[] = {"/sbin/fs-ram", "-p", "/tmp", "-s", "64m", NULL};
const struct sa_service sa_services[SA_NSERVICES] = {
        {"/dev/ser1", ser_argv},
        {"/dev/pipe", pipe_argv},
        {"/dev/slog", slog_argv},
        {"/tmp", fsram_argv},
};

/* Opens the console as the descriptors 0-2 that are not open; 0 or -1. */
static int open_console(void)
{
	static const char *const names[] = {"/dev/console", "/dev/ser1"};

	for (int i = 0; i < 2; i++) {
		int fd = open(names[i], O_RDWR);
		if (fd < 0)
			continue;
		for (int std = 0; std < 3; std++)
			if (fcntl(std, F_GETFD) < 0)
				dup2(fd, std);
		if (fd > 2)
			close(fd);
		return 0;
	}
	return -1;
}

int sa_setup(const struct sa_service *svc, size_t n, pid_t *started)
{
	int count = 0;

	for (size_t i = 0; i < n; i++)
		started[i] = 0;
	if (fcntl(1, F_GETFD) >= 0)
		return 0; /* started by a shell or init: use what is there */
	for (size_t i = 0; i < n; i++) {
		if (access(svc[i].path, F_OK) == 0)
			continue;
		posix_spawnattr_t at;
		posix_spawnattr_init(&at);
		posix_spawnattr_setflags(&at, POSIX_SPAWN_HOLD);
		if (posix_spawn(&started[i], svc[i].argv[0], NULL, &at, svc[i].argv, environ) == 0)
			count++;
		else
			started[i] = 0;
		posix_spawnattr_destroy(&at);
	}
	for (int tries = 0; tries < 500; tries++) {
		if (open_console() == 0)
			return count;
		struct timespec d = {0, 10000000};
		nanosleep(&d, NULL);
	}
	return -1;
}

/* Waits up to 5 s for pid after a SIGTERM, then kills it. */
static void end_service(pid_t pid)
{
	int st;

	kill(pid, SIGTERM);
	for (int i = 0; i < 100; i++) {
		pid_t w = waitpid(pid, &st, WNOHANG);
		if (w == pid || (w < 0 && errno != EINTR))
			return;
		struct timespec d = {0, 50000000};
		nanosleep(&d, NULL);
	}
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
}

void sa_teardown(size_t n, const pid_t *started)
{
	fflush(stdout);
	tcdrain(1);
	for (size_t i = n; i-- > 0;)
		if (started[i] > 0)
			end_service(started[i]);
}
