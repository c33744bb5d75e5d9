/*
 * getentropy.c - getentropy(): random bytes from /dev/urandom (taskman's
 * generator), at most GETENTROPY_MAX (256) per call as POSIX allows.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>

/* Fills buf with len random bytes; 0, or -1 with errno (EINVAL above 256, EIO, ...). */
int getentropy(void *buf, size_t len)
{
	if (len > GETENTROPY_MAX) {
		errno = EINVAL;
		return -1;
	}
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	unsigned char *p = buf;
	while (len) {
		ssize_t n = read(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			int e = n < 0 ? errno : EIO;
			close(fd);
			errno = e;
			return -1;
		}
		p += n;
		len -= (size_t)n;
	}
	close(fd);
	return 0;
}
