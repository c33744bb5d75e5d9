/*
 * pathutil.c - normalising and joining absolute paths (lexically, as the
 * QNX path manager does: ".." removes the component before it).
 */
#include <errno.h>
#include <string.h>
#include <taskman/fs.h>

/* See fs.h. */
int tm_path_normalize(const char *in, char *out, size_t size)
{
	size_t n = 0;

	if (in[0] != '/')
		return -EINVAL;
	if (size < 2)
		return -ENAMETOOLONG;
	out[n++] = '/';
	for (const char *p = in; *p;) {
		while (*p == '/')
			p++;
		const char *c = p;
		while (*p && *p != '/')
			p++;
		size_t len = (size_t)(p - c);
		if (len == 0 || (len == 1 && c[0] == '.'))
			continue;
		if (len > TM_NAME_MAX)
			return -ENAMETOOLONG;
		if (len == 2 && c[0] == '.' && c[1] == '.') {
			while (n > 1 && out[n - 1] != '/')
				n--;
			if (n > 1)
				n--; /* the '/' before it */
			continue;
		}
		if (n > 1) {
			if (n + 1 >= size)
				return -ENAMETOOLONG;
			out[n++] = '/';
		}
		if (n + len >= size)
			return -ENAMETOOLONG;
		memcpy(out + n, c, len);
		n += len;
	}
	out[n] = 0;
	return (int)n;
}

/* See fs.h. */
int tm_path_join(const char *dir, const char *rel, char *out, size_t size)
{
	if (rel[0] == '/')
		return tm_path_normalize(rel, out, size);
	size_t a = strlen(dir), b = strlen(rel);
	if (a + b + 2 > 2 * (size_t)TM_PATH_MAX)
		return -ENAMETOOLONG;
	char tmp[2 * TM_PATH_MAX];
	memcpy(tmp, dir, a);
	tmp[a] = '/';
	memcpy(tmp + a + 1, rel, b + 1);
	return tm_path_normalize(tmp, out, size);
}
