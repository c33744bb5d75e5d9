/*
 * pty.c - pseudo-terminals (posix_openpt, grantpt, unlockpt, ptsname).
 * QSOE has no pseudo-terminal manager yet: posix_openpt opens /dev/ptmx
 * if a server provides it (none does today, so it fails with ENOENT
 * there) and the other functions, which need that server's protocol,
 * fail with ENOSYS.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>

/* Opens a master pseudo-terminal; a descriptor, or -1 with errno (EINVAL for bad flags). */
int posix_openpt(int flags)
{
	if (flags & ~(O_RDWR | O_NOCTTY | O_CLOEXEC)) {
		errno = EINVAL;
		return -1;
	}
	return open("/dev/ptmx", flags);
}

/* Not provided: -1 with ENOSYS. */
int grantpt(int fd)
{
	(void)fd;
	errno = ENOSYS;
	return -1;
}

/* Not provided: -1 with ENOSYS. */
int unlockpt(int fd)
{
	(void)fd;
	errno = ENOSYS;
	return -1;
}

/* Not provided: NULL with ENOSYS. */
char *ptsname(int fd)
{
	(void)fd;
	errno = ENOSYS;
	return NULL;
}
