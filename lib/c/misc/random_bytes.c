/*
 * random_bytes.c - getrandom() and the BSD arc4random family over
 * /dev/urandom (taskman's generator: xoshiro256**, NOT cryptographic;
 * see taskman/common/fs_dev.c). arc4random keeps a small buffer per
 * process refilled under a lock, so most calls make no message.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>
#include "lock.h"

/* Reads len random bytes into buf; len, or -1 with errno (EINVAL for unknown flags). */
ssize_t getrandom(void *buf, size_t len, unsigned flags)
{
	if (flags & ~(unsigned)(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE)) {
		errno = EINVAL;
		return -1;
	}
	if (len > SSIZE_MAX)
		len = SSIZE_MAX;
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	size_t done = 0;
	while (done < len) {
		ssize_t n = read(fd, (char *)buf + done, len - done);
		if (n < 0 && errno == EINTR && done == 0)
			continue;
		if (n <= 0) {
			int e = n < 0 ? errno : EIO;
			close(fd);
			if (done)
				return (ssize_t)done;
			errno = e;
			return -1;
		}
		done += (size_t)n;
	}
	close(fd);
	return (ssize_t)done;
}

static qsoe_lock_t pool_lock = QSOE_LOCK_INIT;
static unsigned char pool[256];
static size_t pool_left;

/* Fills buf with n random bytes; aborts if no randomness can be had (arc4random cannot fail). */
void arc4random_buf(void *buf, size_t n)
{
	unsigned char *p = buf;

	qsoe_lock(&pool_lock);
	while (n) {
		if (pool_left == 0) {
			if (getrandom(pool, sizeof(pool), 0) != (ssize_t)sizeof(pool)) {
				qsoe_unlock(&pool_lock);
				abort(); /* nothing to return: the interface has no error */
			}
			pool_left = sizeof(pool);
		}
		size_t k = n < pool_left ? n : pool_left;
		memcpy(p, pool + sizeof(pool) - pool_left, k);
		memset(pool + sizeof(pool) - pool_left, 0, k); /* used bytes do not stay */
		pool_left -= k;
		p += k;
		n -= k;
	}
	qsoe_unlock(&pool_lock);
}

/* A random 32-bit value. */
uint32_t arc4random(void)
{
	uint32_t v;

	arc4random_buf(&v, sizeof(v));
	return v;
}

/* A uniformly distributed value below bound (0 if bound < 2), without modulo bias. */
uint32_t arc4random_uniform(uint32_t bound)
{
	if (bound < 2)
		return 0;
	uint32_t min = -bound % bound; /* 2^32 mod bound: values below are rejected */
	for (;;) {
		uint32_t r = arc4random();
		if (r >= min)
			return r % bound;
	}
}
