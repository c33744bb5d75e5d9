/*
 * g_proc.c - group "proc": /proc lists the live processes (ours and a
 * child's), /proc/PID is a directory with the command line in its status,
 * and /sys tells the system's name.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "suite.h"

/* True if /proc has an entry named pid. */
static int listed(int pid)
{
	char name[16];
	DIR *d = opendir("/proc");
	struct dirent *e;
	int seen = 0;

	if (d == NULL)
		return -1;
	snprintf(name, sizeof(name), "%d", pid);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, name) == 0)
			seen = 1;
	closedir(d);
	return seen;
}

SUITE_GROUP(proc)
{
	char path[64];
	struct stat st;

	CHECK_OK(stat("/proc", &st));
	CHECK(S_ISDIR(st.st_mode), "/proc is a directory");
	CHECK_EQ(listed(getpid()), 1);
	snprintf(path, sizeof(path), "/proc/%d", getpid());
	CHECK_OK(stat(path, &st));
	CHECK(S_ISDIR(st.st_mode), "%s is a directory", path);
	CHECK_ERR(stat("/proc/999999", &st), -1, ENOENT);

	int pid = suite_spawn_child((const char *[]){"sleep", "200", NULL});
	CHECK(pid > 0, "spawn a child");
	if (pid > 0) {
		CHECK_EQ(listed(pid), 1);
		/* its status shows the command line it was spawned with */
		char line[256];
		int args_ok = 0, started = 0;
		snprintf(path, sizeof(path), "/proc/%d/status", pid);
		FILE *f = fopen(path, "r");
		while (f && fgets(line, sizeof(line), f))
			args_ok |= strcmp(line, "args: suite --child sleep 200\n") == 0,
			        started |= strncmp(line, "started: ", 9) == 0 && line[9] >= '1' &&
			                   line[9] <= '9';
		if (f)
			fclose(f);
		CHECK(args_ok, "%s has \"args: suite --child sleep 200\"", path);
		CHECK(started, "%s says when it started", path);
		suite_wait(pid);
		CHECK_EQ(listed(pid), 0);
	}

	struct utsname u;
	CHECK_OK(uname(&u));
	CHECK(u.sysname[0] != 0 && u.machine[0] != 0, "uname fills sysname and machine (%s %s)",
	      u.sysname, u.machine);
	int fd = open("/sys/osname", O_RDONLY);
	CHECK(fd >= 0, "/sys/osname opens (errno %d)", errno);
	if (fd >= 0) {
		char buf[64] = {0};
		CHECK(read(fd, buf, sizeof(buf) - 1) > 0, "/sys/osname has text");
		close(fd);
	}
}
