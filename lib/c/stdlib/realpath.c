/*
 * realpath.c - canonical absolute path names (POSIX realpath), over
 * getcwd, lstat and readlink.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "libc.h"

#define MAXLINKS 40 /* symbolic links followed in one call (then ELOOP) */

/*
 * Resolve path to an absolute name without ".", ".." or symbolic links.
 * Stores it in resolved (PATH_MAX bytes) or, if resolved is NULL, in a
 * malloc'd buffer. Returns NULL with errno (ENOENT, ENOTDIR, ELOOP,
 * ENAMETOOLONG, EACCES, ENOMEM, ...) on failure.
 */
char *realpath(const char *__restrict path, char *__restrict resolved)
{
	char out[PATH_MAX], rest[PATH_MAX], link[PATH_MAX];
	size_t olen, links = 0;

	if (!path) {
		errno = EINVAL;
		return NULL;
	}
	if (!*path) {
		errno = ENOENT;
		return NULL;
	}
	if (strlcpy(rest, path, sizeof(rest)) >= sizeof(rest)) {
		errno = ENAMETOOLONG;
		return NULL;
	}
	if (rest[0] == '/') {
		out[0] = '/';
		olen = 1;
	} else {
		if (!getcwd(out, sizeof(out)))
			return NULL;
		olen = strlen(out);
	}
	out[olen] = '\0';

	char *p = rest;
	while (*p) {
		while (*p == '/')
			p++;
		if (!*p)
			break;
		size_t n = strcspn(p, "/");
		if (n == 1 && p[0] == '.') {
			p += n;
			continue;
		}
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			while (olen > 1 && out[olen - 1] != '/')
				olen--;
			if (olen > 1)
				olen--;
			out[olen] = '\0';
			p += n;
			continue;
		}
		size_t add = (olen > 1) + n;
		if (olen + add >= sizeof(out)) {
			errno = ENAMETOOLONG;
			return NULL;
		}
		size_t prev = olen;
		if (olen > 1)
			out[olen++] = '/';
		memcpy(out + olen, p, n);
		olen += n;
		out[olen] = '\0';
		p += n;

		struct stat st;
		if (lstat(out, &st) != 0)
			return NULL;
		if (S_ISLNK(st.st_mode)) {
			if (++links > MAXLINKS) {
				errno = ELOOP;
				return NULL;
			}
			ssize_t ln = readlink(out, link, sizeof(link) - 1);
			if (ln < 0)
				return NULL;
			link[ln] = '\0';
			/* New remaining path: link target followed by what is left. */
			size_t left = strlen(p);
			if ((size_t)ln + left + 1 >= sizeof(rest)) {
				errno = ENAMETOOLONG;
				return NULL;
			}
			memmove(rest + ln, p, left + 1);
			memcpy(rest, link, (size_t)ln);
			p = rest;
			if (link[0] == '/') {
				olen = 1;
			} else {
				olen = prev;
			}
			out[olen] = '\0';
		} else if (*p && !S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			return NULL;
		}
	}
	if (!resolved) {
		resolved = malloc(olen + 1);
		if (!resolved)
			return NULL;
	}
	memcpy(resolved, out, olen + 1);
	return resolved;
}
