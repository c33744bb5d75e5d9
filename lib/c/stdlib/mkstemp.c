/*
 * mkstemp.c - unique temporary names: mkstemp, mkostemp, mkstemps,
 * mkostemps, mkdtemp, mktemp.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "libc.h"

#define TRIES 1000

/* Replace the 6 X's before the suffix with random letters and digits. */
static void fill(char *x)
{
	static const char set[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	static uint64_t counter;
	int local;
	uint64_t v = (uint64_t)getpid() << 32 ^ (uint64_t)(uintptr_t)&local ^
	             __atomic_add_fetch(&counter, 0x9e3779b97f4a7c15ULL, __ATOMIC_RELAXED);

	v ^= v >> 30;
	v *= 0xbf58476d1ce4e5b9ULL;
	v ^= v >> 27;
	v *= 0x94d049bb133111ebULL;
	v ^= v >> 31;
	for (int i = 0; i < 6; i++, v /= 62)
		x[i] = set[v % 62];
}

/* Check the template; returns the start of the X's or NULL (EINVAL). */
static char *xs(char *tmpl, int suffixlen)
{
	size_t n = strlen(tmpl);

	if (suffixlen < 0 || n < (size_t)suffixlen + 6 ||
	    memcmp(tmpl + n - suffixlen - 6, "XXXXXX", 6)) {
		errno = EINVAL;
		return NULL;
	}
	return tmpl + n - suffixlen - 6;
}

/* Create and open a new file from the template; returns the fd or -1. */
int mkostemps(char *tmpl, int suffixlen, int flags)
{
	char *x = xs(tmpl, suffixlen);

	if (!x)
		return -1;
	for (int i = 0; i < TRIES; i++) {
		fill(x);
		int fd = open(tmpl, O_RDWR | O_CREAT | O_EXCL | (flags & ~O_ACCMODE), 0600);
		if (fd >= 0)
			return fd;
		if (errno != EEXIST)
			break;
	}
	memcpy(x, "XXXXXX", 6);
	return -1;
}

int mkstemp(char *tmpl)
{
	return mkostemps(tmpl, 0, 0);
}

int mkostemp(char *tmpl, int flags)
{
	return mkostemps(tmpl, 0, flags);
}

int mkstemps(char *tmpl, int suffixlen)
{
	return mkostemps(tmpl, suffixlen, 0);
}

/* Create a new directory (mode 0700) from the template; returns tmpl or NULL. */
char *mkdtemp(char *tmpl)
{
	char *x = xs(tmpl, 0);

	if (!x)
		return NULL;
	for (int i = 0; i < TRIES; i++) {
		fill(x);
		if (mkdir(tmpl, 0700) == 0)
			return tmpl;
		if (errno != EEXIST)
			break;
	}
	memcpy(x, "XXXXXX", 6);
	return NULL;
}

/* Obsolete and racy: make a name that does not exist yet; "" on failure. */
char *mktemp(char *tmpl)
{
	char *x = xs(tmpl, 0);
	struct stat st;

	if (!x) {
		if (tmpl[0])
			tmpl[0] = '\0';
		return tmpl;
	}
	for (int i = 0; i < TRIES; i++) {
		fill(x);
		if (lstat(tmpl, &st) != 0 && errno == ENOENT)
			return tmpl;
	}
	tmpl[0] = '\0';
	errno = EEXIST;
	return tmpl;
}
