/*
 * login.c - /bin/ubench-login: measures boot to the login: prompt.
 *
 * scripts/bench.py boots with "init=/sbin/init run=ubench-login halt":
 * taskman starts init (the normal boot: services, then getty on the
 * console) and this program. It drops to priority 1, below everything
 * else, so it runs only while every other thread is blocked, and polls
 * /proc until getty's threads are all REPLY-blocked on the console driver
 * (getty waits for the user name). It reads rdinstret right after the
 * first poll that sees this, confirms it (the console's output drained,
 * getty still waiting), and writes
 *   ubench-login: {"metric":"boot_to_login_prompt","unit":"instructions",
 *                  "value":N,"poll":P}
 * to the console, P being the instructions of one poll (the count may
 * include up to two polls after getty blocked). Under QEMU -icount rdinstret counts from the reset
 * (OpenSBI included), and any time the hart would have idled counts one
 * per nanosecond; here this program's polling fills those gaps.
 * docs/benchmarks.md says what is in the count.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "ubench.h"

/* Give up after this long (CLOCK_MONOTONIC: virtual time under -icount). */
#define GIVE_UP_S 30

/* Reads /proc/<pid>/status into buf (NUL-terminated); 0 or -1. */
static int read_status(int pid, char *buf, size_t size)
{
	char path[48];

	snprintf(path, sizeof(path), "/proc/%d/status", pid);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	size_t len = 0;
	for (;;) {
		ssize_t n = read(fd, buf + len, size - 1 - len);
		if (n <= 0)
			break;
		len += (size_t)n;
		if (len == size - 1)
			break;
	}
	buf[len] = 0;
	close(fd);
	return len > 0 ? 0 : -1;
}

/* True if the status text's name line names prog (as a path or a base name). */
static int named(const char *status, const char *prog)
{
	if (strncmp(status, "name: ", 6) != 0)
		return 0;
	const char *n = status + 6;
	size_t len = strcspn(n, "\n");
	size_t pl = strlen(prog);
	return len >= pl && strncmp(n + len - pl, prog, pl) == 0 &&
	       (len == pl || n[len - pl - 1] == '/');
}

/* The pid of a running process named prog, or 0. */
static int find(const char *prog)
{
	static char buf[4096];
	DIR *d = opendir("/proc");
	struct dirent *e;
	int found = 0;

	if (d == NULL)
		return 0;
	while (!found && (e = readdir(d)) != NULL) {
		int pid = atoi(e->d_name);
		if (pid > 0 && read_status(pid, buf, sizeof(buf)) == 0 && named(buf, prog))
			found = pid;
	}
	closedir(d);
	return found;
}

/*
 * 1 if every thread of getty (pid) is REPLY-blocked on the server srv (the
 * "thread <tid>: REPLY ... pid <srv>" lines of /proc/<pid>/status), 0 if
 * not, -1 if there is no such process any more.
 */
static int waiting_on(int pid, int srv)
{
	static char buf[4096];
	char want[32];
	int threads = 0;

	if (read_status(pid, buf, sizeof(buf)) < 0)
		return -1;
	snprintf(want, sizeof(want), " pid %d", srv);
	for (const char *l = strstr(buf, "\nthread "); l; l = strstr(l + 1, "\nthread ")) {
		const char *colon = strchr(l, ':');
		const char *end = strchr(l + 1, '\n');
		size_t len = end ? (size_t)(end - l) : strlen(l);
		if (colon == NULL || strncmp(colon, ": REPLY ", 8) != 0)
			return 0;
		const char *p = strstr(l, want);
		if (p == NULL || p > l + len ||
		    (p[strlen(want)] != ' ' && p[strlen(want)] != '\n' && p[strlen(want)] != 0))
			return 0;
		threads++;
	}
	return threads > 0;
}

int main(void)
{
	struct sched_param sp = {.sched_priority = 1};
	int getty = 0, ser = 0;
	uint64_t t = 0;
	struct timespec start, now;

	if (sched_setparam(0, &sp) < 0 || clock_gettime(CLOCK_MONOTONIC, &start) < 0)
		return 4;
	for (;;) {
		if (clock_gettime(CLOCK_MONOTONIC, &now) < 0 ||
		    now.tv_sec - start.tv_sec > GIVE_UP_S)
			break;
		if (getty == 0 || ser == 0) {
			getty = find("getty");
			ser = find("devc-ser8250");
			continue;
		}
		int w = waiting_on(getty, ser);
		if (w < 0)
			getty = 0; /* it ended: look for the next one */
		if (w <= 0)
			continue;
		t = ub_instret();
		/* Confirm: the prompt is out and getty still waits for input. */
		int fd = open("/dev/console", O_WRONLY | O_NOCTTY);
		if (fd < 0)
			continue;
		tcdrain(fd);
		uint64_t p0 = ub_instret();
		int still = waiting_on(getty, ser) == 1;
		uint64_t p1 = ub_instret();
		if (still) {
			dprintf(fd,
			        "\nubench-login: {\"metric\":\"boot_to_login_prompt\","
			        "\"unit\":\"instructions\",\"value\":%llu,\"poll\":%llu}\n",
			        (unsigned long long)t, (unsigned long long)(p1 - p0));
			tcdrain(fd);
			close(fd);
			return 0;
		}
		close(fd);
	}
	int fd = open("/dev/console", O_WRONLY | O_NOCTTY);
	if (fd >= 0)
		dprintf(fd,
		        "\nubench-login: no getty waiting on the console (getty pid %d, "
		        "devc-ser8250 pid %d)\n",
		        getty, ser);
	return 1;
}
