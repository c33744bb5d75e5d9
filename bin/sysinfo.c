/*
 * sysinfo - a summary of the running system: its name, version and board
 * (/sys), CPUs and memory (sysconf), uptime, and how many processes and
 * threads run (/proc).
 */
#include "procinfo.h"
#include "qu.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

QU_USAGE("Usage: sysinfo\n"
         "Shows the system's name, version, board, CPUs, memory, uptime and load.\n");

/* The first line of /sys/<name> (malloc'ed), or "?" if it cannot be read. */
static char *sys_value(const char *name)
{
	const char *root = "/sys";
#ifdef QU_PROC_TEST
	if (getenv("QUSER_TEST_SYS"))
		root = getenv("QUSER_TEST_SYS");
#endif
	char *path = qu_malloc(strlen(root) + strlen(name) + 2), buf[512];
	sprintf(path, "%s/%s", root, name);
	int fd = open(path, O_RDONLY);
	free(path);
	if (fd < 0)
		return qu_strdup("?");
	ssize_t r = qu_read_full(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (r < 0)
		return qu_strdup("?");
	buf[r] = 0;
	buf[strcspn(buf, "\n")] = 0;
	return qu_strdup(buf);
}

/* Mebibytes of pages pages of page bytes ("?" if unknown) into buf. */
static const char *mem(long pages, long page, char *buf, size_t n)
{
	if (pages < 0 || page <= 0)
		return "?";
	snprintf(buf, n, "%llu MiB",
	         (unsigned long long)pages * (unsigned long long)page / (1024 * 1024));
	return buf;
}

int main(int argc, char **argv)
{
	struct utsname u;
	struct timespec mono;
	char host[HOST_NAME_MAX + 1], b1[32], b2[32];
	struct qu_proc *ps;
	size_t n;

	qu_init(argv[0]);
	qu_getopt(argc, argv, "");
	if (qu_optind < argc)
		qu_usage(1, "extra operand");
	if (uname(&u) < 0)
		qu_die_errno(1, errno, "uname");
	if (gethostname(host, sizeof(host) - 1) != 0)
		strcpy(host, "?");
	host[sizeof(host) - 1] = 0;
	char *os = sys_value("osname"), *ver = sys_value("version"), *board = sys_value("board"),
	     *kern = sys_value("kernel"), *cmd = sys_value("cmdline");
	long page = sysconf(_SC_PAGESIZE);
	printf("System:     %s %s (kernel %s)\n", os, ver, kern);
	printf("Board:      %s\n", board);
	printf("Host name:  %s\n", host);
	printf("Machine:    %s, %ld CPU%s online of %ld\n", u.machine,
	       sysconf(_SC_NPROCESSORS_ONLN), sysconf(_SC_NPROCESSORS_ONLN) == 1 ? "" : "s",
	       sysconf(_SC_NPROCESSORS_CONF));
	printf("Memory:     %s total, %s free\n",
	       mem(sysconf(_SC_PHYS_PAGES), page, b1, sizeof(b1)),
	       mem(sysconf(_SC_AVPHYS_PAGES), page, b2, sizeof(b2)));
	if (clock_gettime(CLOCK_MONOTONIC, &mono) == 0) {
		long long s = (long long)mono.tv_sec;
		printf("Uptime:     %lld day%s, %02lld:%02lld:%02lld\n", s / 86400,
		       s / 86400 == 1 ? "" : "s", s / 3600 % 24, s / 60 % 60, s % 60);
	}
	if (qu_proc_all(&ps, &n) == 0) {
		unsigned long th = 0;
		for (size_t i = 0; i < n; i++)
			th += (unsigned long)ps[i].nthreads;
		printf("Processes:  %zu (%lu threads)\n", n, th);
		qu_proc_free_all(ps, n);
	} else {
		qu_errno(errno, "%s", qu_proc_root());
	}
	printf("Boot args:  %s\n", *cmd ? cmd : "(none)");
	free(os);
	free(ver);
	free(board);
	free(kern);
	free(cmd);
	return 0;
}
