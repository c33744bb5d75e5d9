/*
 * path.c - turning the paths programs give into the absolute, normalised
 * paths that path resolution sends to taskman.
 *
 * QSOE, like QNX, treats ".." lexically: "/a/b/../c" is "/a/c" whether or
 * not b is a symbolic link. Relative paths start at the current directory
 * (kept in libc, cwd.c) or at the directory open on a descriptor (its
 * path comes from its server through _IO_FDINFO).
 */
#include <fcntl.h>
#include <string.h>
#include "qsoe_os.h"

int __qsoe_normalise(char *buf, size_t size)
{
	size_t in = 0, out = 0;

	(void)size;
	if (buf[0] != '/')
		return -EINVAL;
	while (buf[in]) {
		while (buf[in] == '/')
			in++;
		if (!buf[in])
			break;
		size_t start = in;
		while (buf[in] && buf[in] != '/')
			in++;
		size_t len = in - start;
		if (len == 1 && buf[start] == '.')
			continue;
		if (len == 2 && buf[start] == '.' && buf[start + 1] == '.') {
			while (out > 0 && buf[out - 1] != '/')
				out--;
			if (out > 0)
				out--; /* the '/' before the removed component */
			continue;
		}
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		buf[out++] = '/';
		memmove(buf + out, buf + start, len);
		out += len;
	}
	if (out == 0)
		buf[out++] = '/';
	buf[out] = 0;
	return 0;
}

/* The _IO_CONNECT_EFLAG_* bits that the spelling of path implies. */
static unsigned path_eflag(const char *path, size_t len)
{
	while (len > 1 && path[len - 1] == '/' && path[len - 2] == '/')
		len--;
	if (len && path[len - 1] == '/')
		return _IO_CONNECT_EFLAG_DIR;
	size_t b = len;
	while (b > 0 && path[b - 1] != '/')
		b--;
	if (len - b == 1 && path[b] == '.')
		return _IO_CONNECT_EFLAG_DIR | _IO_CONNECT_EFLAG_DOT;
	if (len - b == 2 && path[b] == '.' && path[b + 1] == '.')
		return _IO_CONNECT_EFLAG_DIR | _IO_CONNECT_EFLAG_DOT | _IO_CONNECT_EFLAG_DOTDOT;
	return 0;
}

int __qsoe_abspath(int dirfd, const char *path, char *out, unsigned *eflag)
{
	char tmp[2 * PATH_MAX];
	size_t len, base = 0;

	if (path == NULL)
		return -EFAULT;
	len = strnlen(path, PATH_MAX);
	if (len == 0)
		return -ENOENT;
	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	if (eflag)
		*eflag = path_eflag(path, len);
	if (path[0] != '/') {
		if (dirfd == AT_FDCWD) {
			__qsoe_cwd_get(tmp);
		} else {
			int r = __qsoe_fdpath(dirfd, tmp, PATH_MAX);
			if (r < 0)
				return r;
		}
		base = strlen(tmp);
		tmp[base++] = '/';
	}
	memcpy(tmp + base, path, len + 1);
	int r = __qsoe_normalise(tmp, sizeof(tmp));
	if (r < 0)
		return r;
	len = strlen(tmp);
	if (len >= PATH_MAX)
		return -ENAMETOOLONG;
	memcpy(out, tmp, len + 1);
	return 0;
}
