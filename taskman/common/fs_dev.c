/*
 * fs_dev.c - /dev/null, /dev/zero, /dev/urandom and /dev/tty.
 *
 * /dev/urandom is NOT cryptographic: a xoshiro256** generator (Blackman
 * and Vigna's published algorithm) seeded from ClockCycles() and the
 * realtime clock at start-up and stirred with ClockCycles() on every read.
 * /dev/tty sends the client back to resolution with the path of its
 * session's controlling terminal (ENXIO without one).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <taskman/fs.h>
#include <taskman/proc.h>

static tm_lock_t rnd_lock = TM_LOCK_INIT;
static uint64_t rnd[4];
static int rnd_ready;

/* Rotates x left by k bits. */
static uint64_t rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

/* SplitMix64, to spread a seed over the state. */
static uint64_t splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* xoshiro256**. rnd_lock held. */
static uint64_t next(void)
{
	uint64_t r = rotl(rnd[1] * 5, 7) * 9, t = rnd[1] << 17;

	rnd[2] ^= rnd[0];
	rnd[3] ^= rnd[1];
	rnd[1] ^= rnd[2];
	rnd[0] ^= rnd[3];
	rnd[2] ^= t;
	rnd[3] = rotl(rnd[3], 45);
	return r;
}

/* Fills buf with n generator bytes (seeding it the first time). */
void tm_random_fill(void *buf, size_t n)
{
	tm_lock(&rnd_lock);
	if (!rnd_ready) {
		uint64_t now = 0, seed = ClockCycles();
		ClockTime_r(CLOCK_REALTIME, NULL, &now);
		seed ^= now * 0x2545f4914f6cdd1dULL;
		for (int i = 0; i < 4; i++)
			rnd[i] = splitmix(&seed);
		rnd_ready = 1;
	}
	rnd[0] ^= ClockCycles();
	for (size_t i = 0; i < n; i += 8) {
		uint64_t v = next();
		memcpy((char *)buf + i, &v, n - i < 8 ? n - i : 8);
	}
	tm_unlock(&rnd_lock);
}

/* Opens /dev/null, /dev/zero, /dev/urandom, or redirects /dev/tty. */
int fs_dev_open(struct tm_open *o, int handle)
{
	static const int kinds[] = {
	        [TMH_NULL] = TM_OCB_NULL, [TMH_ZERO] = TM_OCB_ZERO, [TMH_URANDOM] = TM_OCB_URANDOM};

	if (o->path[0] != 0)
		return -ENOTDIR;
	if (handle == TMH_TTY) {
		char tty[TM_PATH_MAX];
		int r = tm_proc_ctty(o->pid, tty, sizeof(tty));
		if (r < 0)
			return r == -ESRCH ? -ENXIO : r;
		o->link = strdup(tty);
		return o->link ? 0 : -ENOMEM;
	}
	if (handle != TMH_NULL && handle != TMH_ZERO && handle != TMH_URANDOM)
		return -ENOENT;
	struct tm_ocb *ocb = tm_ocb_new(kinds[handle]);
	if (ocb == NULL)
		return -ENOMEM;
	tm_stat_fill(&ocb->st, 0x3000000000ULL + (unsigned)handle, S_IFCHR | 0666, 0, 0, 0, 0);
	o->ocb = ocb;
	return 0;
}
