/*
 * libgen.c - basename and dirname (POSIX <libgen.h>).
 */
#include <libgen.h>
#include <string.h>
#include "libc.h"

/*
 * The last component of path, with trailing slashes removed in place.
 * "" or NULL gives "."; "/" gives "/".
 */
char *basename(char *path)
{
	static char dot[] = ".";

	if (!path || !*path)
		return dot;
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	path[n] = '\0';
	if (n == 1 && path[0] == '/')
		return path;
	char *slash = memrchr(path, '/', n);
	return slash ? slash + 1 : path;
}

/*
 * The parent directory part of path, cut in place. A path without a slash
 * gives "."; "/" and "//x" give "/".
 */
char *dirname(char *path)
{
	static char dot[] = ".";

	if (!path || !*path)
		return dot;
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	while (n > 0 && path[n - 1] != '/')
		n--;
	if (n == 0)
		return dot;
	while (n > 1 && path[n - 1] == '/')
		n--;
	path[n] = '\0';
	return path;
}
