/*
 * g_badinput.c - group "badinput": every bad request ends in an error,
 * never a crash or a hang: malformed programs (ENOEXEC), bad paths, an
 * unknown _IO_* message (ENOSYS), bad pointers (EFAULT), bad descriptors,
 * bad flags.
 */
#include <fcntl.h>
#include <spawn.h>
#include <sys/iomsg.h>
#include <sys/neutrino.h>
#include <sys/stat.h>
#include <unistd.h>
#include "suite.h"

extern char **environ;

SUITE_GROUP(badinput)
{
	pid_t pid;
	struct stat st;

	/* programs that are not programs (installed in the boot archive by build.mk) */
	const char *bad[] = {"/bin/suite-badelf", "/bin/suite-notelf", "/bin/suite-truncated"};
	for (int i = 0; i < 3; i++) {
		int e = posix_spawn(&pid, bad[i], NULL, NULL, (char *const[]){"x", NULL}, environ);
		CHECK(e == ENOEXEC, "spawning %s gives ENOEXEC (got %d %s)", bad[i], e,
		      strerror(e));
	}
	CHECK_ERR(open(NULL, O_RDONLY), -1, EFAULT);
	CHECK_ERR(stat("/no/such", &st), -1, ENOENT);
	CHECK_ERR(open("/dev/null", O_RDONLY | 0x7), -1, EINVAL); /* access mode 7 */

	int fd = open("/dev/null", O_RDWR);
	CHECK(fd >= 0, "open /dev/null");
	if (fd >= 0) {
		/* an unknown _IO_* message type */
		struct _io_combine m = {.type = _IO_BASE + 0xfe, .combine_len = sizeof(m)};
		long r = MsgSend(fd, &m, sizeof(m), NULL, 0);
		CHECK(r == -1 && errno == ENOSYS, "an unknown _IO_ message gives ENOSYS (%ld, %d)",
		      r, errno);
		/* bad pointers */
		CHECK_ERR(write(fd, (void *)16, 10), -1, EFAULT);
		CHECK_ERR(fstat(fd, (struct stat *)16), -1, EFAULT);
		close(fd);
	}
	fd = open("/dev/zero", O_RDONLY);
	if (fd >= 0) {
		CHECK_ERR(read(fd, (void *)16, 10), -1, EFAULT);
		close(fd);
	}
	/* bad descriptors and requests */
	CHECK_ERR(read(-1, &st, 1), -1, EBADF);
	CHECK_ERR(write(12345, "x", 1), -1, EBADF);
	CHECK_ERR(lseek(12345, 0, SEEK_SET), -1, EBADF);
	CHECK_ERR(dup2(12345, 5), -1, EBADF);
	CHECK_ERR(fcntl(0, 12345), -1, EINVAL);
	CHECK_ERR(lseek(0, 0, 12345), -1, EINVAL);
	CHECK_ERR(dup3(1, 1, 0), -1, EINVAL);
}
