/*
 * g_pathmgr.c - group "pathmgr": path resolution through taskman (the
 * boot archive at /, /dev/null, /dev/zero), directories, the current
 * directory kept in libc, relative and dirfd-relative paths, ".." handled
 * lexically, and the errors of bad paths.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "suite.h"

SUITE_GROUP(pathmgr)
{
	struct stat st;
	char buf[PATH_MAX];

	CHECK_OK(stat("/", &st));
	CHECK(S_ISDIR(st.st_mode), "/ is a directory");
	CHECK_OK(stat(SUITE_SELF, &st));
	CHECK(S_ISREG(st.st_mode) && st.st_size > 0, "the suite binary is a non-empty file");
	CHECK_OK(stat("/bin/../bin/./suite", &st));
	CHECK_OK(access(SUITE_SELF, R_OK));

	int fd = open("/dev/null", O_RDWR);
	CHECK(fd >= 0, "open /dev/null (errno %d)", errno);
	if (fd >= 0) {
		CHECK_EQ(write(fd, "abc", 3), 3);
		CHECK_EQ(read(fd, buf, sizeof(buf)), 0);
		int fd2 = dup(fd);
		CHECK(fd2 > fd, "dup gives a new descriptor");
		CHECK_EQ(dup2(fd, 20), 20);
		CHECK_EQ(fcntl(20, F_GETFD), 0);
		CHECK_EQ(fcntl(fd, F_SETFD, FD_CLOEXEC), 0);
		CHECK_EQ(fcntl(fd, F_GETFD), FD_CLOEXEC);
		int fd3 = fcntl(fd, F_DUPFD, 30);
		CHECK(fd3 >= 30, "F_DUPFD gives at least 30 (%d)", fd3);
		close(fd3);
		close(20);
		close(fd2);
		CHECK_OK(close(fd));
		CHECK_ERR(close(fd), -1, EBADF);
	}
	fd = open("/dev/zero", O_RDONLY);
	CHECK(fd >= 0, "open /dev/zero");
	if (fd >= 0) {
		memset(buf, 1, 64);
		CHECK_EQ(read(fd, buf, 64), 64);
		CHECK(buf[0] == 0 && buf[63] == 0, "zeros from /dev/zero");
		close(fd);
	}

	/* the boot archive's directories */
	DIR *d = opendir("/bin");
	CHECK(d != NULL, "opendir /bin (errno %d)", errno);
	if (d) {
		int seen = 0;
		struct dirent *e;
		while ((e = readdir(d)) != NULL)
			if (strcmp(e->d_name, "suite") == 0)
				seen = 1;
		CHECK(seen, "readdir of /bin shows suite");
		rewinddir(d);
		CHECK(readdir(d) != NULL, "rewinddir starts again");
		closedir(d);
	}
	CHECK(opendir(SUITE_SELF) == NULL && errno == ENOTDIR, "opendir of a file is ENOTDIR");

	/* the current directory */
	CHECK(getcwd(buf, sizeof(buf)) && buf[0] == '/', "getcwd is absolute");
	CHECK_OK(chdir("/bin"));
	CHECK(getcwd(buf, sizeof(buf)) && strcmp(buf, "/bin") == 0, "chdir /bin (cwd %s)", buf);
	CHECK_OK(stat("suite", &st));
	CHECK_OK(stat("../dev/null", &st));
	CHECK_OK(chdir(".."));
	CHECK(getcwd(buf, sizeof(buf)) && strcmp(buf, "/") == 0, "chdir .. (cwd %s)", buf);
	CHECK_ERR(chdir(SUITE_SELF), -1, ENOTDIR);
	CHECK_ERR(chdir("/no-such-dir"), -1, ENOENT);
	CHECK(getcwd(buf, 1) == NULL && errno == ERANGE, "getcwd of / into 1 byte is ERANGE");
	fd = open("/bin", O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0, "open /bin O_DIRECTORY (errno %d)", errno);
	if (fd >= 0) {
		CHECK_OK(fstatat(fd, "suite", &st, 0));
		CHECK_OK(fchdir(fd));
		CHECK(getcwd(buf, sizeof(buf)) && strcmp(buf, "/bin") == 0, "fchdir (cwd %s)", buf);
		chdir("/");
		close(fd);
	}
	char *rp = realpath("/bin/../bin//suite", NULL);
	CHECK(rp && strcmp(rp, SUITE_SELF) == 0, "realpath (%s)", rp ? rp : "NULL");
	free(rp);

	/* bad paths */
	CHECK_ERR(open("/no/such/file", O_RDONLY), -1, ENOENT);
	CHECK_ERR(open("", O_RDONLY), -1, ENOENT);
	CHECK_ERR(open(SUITE_SELF "/x", O_RDONLY), -1, ENOTDIR);
	char *longp = malloc(PATH_MAX + 10);
	if (longp) {
		memset(longp, 'a', PATH_MAX + 9);
		longp[0] = '/';
		longp[PATH_MAX + 9] = 0;
		CHECK_ERR(open(longp, O_RDONLY), -1, ENAMETOOLONG);
		memset(longp + 1, 'b', NAME_MAX + 1);
		longp[NAME_MAX + 2] = 0;
		CHECK_ERR(stat(longp, &st), -1, ENAMETOOLONG);
		free(longp);
	}
	errno = 0;
	CHECK(mkdir("/dev/null", 0755) == -1 && (errno == EEXIST || errno == EROFS),
	      "mkdir of an existing name fails (errno %d)", errno);
}
