/*
 * df - report free space of file systems.
 *
 * df [-a] [-h] [-k] [-P] [file...]
 * Without files: every directory prefix of the pathname space
 * (/proc/mounts); with -a every attached prefix. The usage comes from
 * statvfs(); a server that does not report it (QSOE's own trees, devices)
 * is shown with "-". Units: 1024-byte blocks (-P without -k: 512, as POSIX
 * says), or -h human-readable sizes.
 */
#include "procinfo.h"
#include "qu.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

QU_USAGE("Usage: df [-a] [-h] [-k] [-P] [file...]\n"
         "  -a  every attached prefix, not only directories   -h  human-readable sizes\n"
         "  -k  1024-byte blocks   -P  POSIX output format (512-byte blocks without -k)\n");

static int human, posix, kflag;
static unsigned long long unit = 1024;

/* Formats a size in bytes into buf as blocks or human-readable. */
static const char *size(unsigned long long bytes, char *buf)
{
	if (human)
		return qu_human(bytes, buf);
	sprintf(buf, "%llu", (bytes + unit - 1) / unit);
	return buf;
}

/* One line for the file system of path mounted on mnt, served by who.
 * Returns 0, or -1 (message printed) if path cannot be examined. */
static int line(const char *who, const char *path, const char *mnt, int quiet_unsupported)
{
	struct statvfs v;
	char b1[32], b2[32], b3[32];

	if (statvfs(path, &v) != 0) {
		int e = errno;
		if (e == ENOENT || e == ENOTDIR || e == EACCES || e == ELOOP || e == ENAMETOOLONG ||
		    !quiet_unsupported) {
			qu_errno(e, "%s", path);
			return -1;
		}
		printf("%-14s %10s %10s %10s %5s %s\n", who, "-", "-", "-", "-", mnt);
		return 0;
	}
	unsigned long long f = v.f_frsize ? v.f_frsize : v.f_bsize;
	unsigned long long total = (unsigned long long)v.f_blocks * f,
	                   avail = (unsigned long long)v.f_bavail * f,
	                   used = (unsigned long long)(v.f_blocks - v.f_bfree) * f;
	unsigned long long denom = used + avail;
	unsigned pct = denom ? (unsigned)((used * 100 + denom - 1) / denom) : 0;
	char pb[8];
	snprintf(pb, sizeof(pb), "%u%%", pct);
	printf("%-14s %10s %10s %10s %5s %s\n", who, size(total, b1), size(used, b2),
	       size(avail, b3), pb, mnt);
	return 0;
}

/* The longest directory prefix of abs among the mounts (index), or -1. */
static long longest(const struct qu_mount *ms, size_t n, const char *abs)
{
	long best = -1;
	size_t bl = 0;

	for (size_t i = 0; i < n; i++) {
		if (ms[i].link)
			continue;
		size_t l = strlen(ms[i].path);
		int pre = !strcmp(ms[i].path, "/") ||
		          (!strncmp(abs, ms[i].path, l) && (abs[l] == '/' || abs[l] == 0));
		if (pre && (best < 0 || l > bl)) {
			best = (long)i;
			bl = l;
		}
	}
	return best;
}

int main(int argc, char **argv)
{
	struct qu_mount *ms;
	size_t n;
	int all = 0, status = 0, c;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "ahkP")) != -1) {
		if (c == 'a')
			all = 1;
		else if (c == 'h')
			human = 1;
		else if (c == 'k')
			kflag = 1;
		else
			posix = 1;
	}
	if (posix && !kflag)
		unit = 512;
	if (qu_mounts(&ms, &n) < 0)
		qu_die_errno(1, errno, "%s/mounts", qu_proc_root());
	printf("%-14s %10s %10s %10s %5s %s\n", "Filesystem",
	       human         ? "Size"
	       : unit == 512 ? "512-blocks"
	                     : "1024-blocks",
	       "Used", human ? "Avail" : "Available", posix ? "Capacity" : "Use%", "Mounted on");
	if (qu_optind == argc) {
		for (size_t i = 0; i < n; i++) {
			if (ms[i].link || (!all && !strstr(ms[i].flags, "dir")))
				continue;
			if (i > 0 && !strcmp(ms[i].path, ms[i - 1].path) && !ms[i - 1].link)
				continue; /* several servers on one prefix: the first answers */
			char *who = qu_proc_name(ms[i].pid);
			if (line(who, ms[i].path, ms[i].path, 1) < 0)
				status = 1;
			free(who);
		}
	}
	for (int a = qu_optind; a < argc; a++) {
		char cwd[PATH_MAX], *abs;
		if (argv[a][0] == '/') {
			abs = qu_strdup(argv[a]);
		} else {
			if (!getcwd(cwd, sizeof(cwd)))
				strcpy(cwd, "/");
			abs = qu_malloc(strlen(cwd) + strlen(argv[a]) + 2);
			sprintf(abs, "%s/%s", cwd, argv[a]);
		}
		long m = longest(ms, n, abs);
		char *who = m >= 0 ? qu_proc_name(ms[m].pid) : qu_strdup("-");
		if (line(who, argv[a], m >= 0 ? ms[m].path : "-", 1) < 0)
			status = 1;
		free(who);
		free(abs);
	}
	qu_mounts_free(ms, n);
	return status;
}
