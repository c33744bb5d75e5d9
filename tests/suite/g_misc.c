/*
 * g_misc.c - group "misc": identities (pid, parent, ids, groups),
 * process groups and sessions, sysconf/pathconf, terminals, descriptor
 * flags through fcntl.
 */
#include <fcntl.h>
#include <limits.h>
#include <sys/resource.h>
#include <termios.h>
#include <unistd.h>
#include "suite.h"

SUITE_GROUP(misc)
{
	CHECK(getpid() > 1, "a pid above taskman's (%d)", getpid());
	CHECK(getppid() >= 1, "a parent (%d)", getppid());
	CHECK_EQ(getuid(), geteuid());
	CHECK(getgroups(0, NULL) >= 0, "getgroups counts");
	CHECK(getpgrp() > 0, "a process group (%d)", getpgrp());
	CHECK(getsid(0) > 0, "a session (%d)", getsid(0));
	CHECK_ERR(getpgid(-1), -1, ESRCH);
	CHECK_ERR(setpgid(-1, 0), -1, EINVAL);

	CHECK(sysconf(_SC_NPROCESSORS_ONLN) >= 1, "at least one processor");
	CHECK(sysconf(_SC_PHYS_PAGES) > 0, "some memory");
	CHECK_EQ(sysconf(_SC_CLK_TCK), 100);
	CHECK_EQ(sysconf(_SC_ARG_MAX) > 4096, 1);
	CHECK_ERR(sysconf(-5), -1, EINVAL);
	CHECK(pathconf("/", _PC_NAME_MAX) > 0, "pathconf NAME_MAX");
	CHECK(getpagesize() == 4096, "getpagesize");
	struct rlimit rl;
	CHECK_OK(getrlimit(RLIMIT_NOFILE, &rl));

	/* terminals: /dev/null is not one */
	int fd = open("/dev/null", O_RDWR);
	if (fd >= 0) {
		CHECK(!isatty(fd), "/dev/null is not a terminal");
		struct termios t;
		CHECK_ERR(tcgetattr(fd, &t), -1, ENOTTY);
		CHECK(ttyname(fd) == NULL, "it has no tty name");
		int fl = fcntl(fd, F_GETFL);
		CHECK(fl >= 0 && (fl & O_ACCMODE) == O_RDWR, "F_GETFL gives O_RDWR (%#x)", fl);
		close(fd);
	}
	char host[HOST_NAME_MAX + 1];
	CHECK_OK(gethostname(host, sizeof(host)));
}
