/*
 * which - locate a command: print the path name of each operand that PATH
 * lookup would execute. -a prints every match. Exit status 1 if any operand
 * was not found (as debianutils' which).
 */
#include "qu.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

QU_USAGE("Usage: which [-a] name...\n"
         "  -a  print all matches in PATH, not just the first\n");

/* Returns 1 if path is an executable regular file. */
static int executable(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* Prints the matches of name; returns 1 if found. */
static int which1(const char *name, int all)
{
	const char *path = getenv("PATH"), *p, *e;
	char *buf;
	int found = 0;
	size_t dl, nl = strlen(name);

	if (strchr(name, '/')) {
		if (executable(name)) {
			puts(name);
			return 1;
		}
		return 0;
	}
	if (!path)
		path = "/bin:/usr/bin";
	buf = qu_malloc(strlen(path) + nl + 3);
	for (p = path;; p = e + 1) {
		e = strchr(p, ':');
		if (!e)
			e = p + strlen(p);
		dl = (size_t)(e - p);
		if (dl == 0) {
			strcpy(buf, "./");
		} else {
			memcpy(buf, p, dl);
			buf[dl] = '/';
			buf[dl + 1] = 0;
		}
		strcat(buf, name);
		if (executable(buf)) {
			puts(buf);
			found = 1;
			if (!all)
				break;
		}
		if (!*e)
			break;
	}
	free(buf);
	return found;
}

int main(int argc, char **argv)
{
	int c, all = 0, status = 0, i;

	qu_init(argv[0]);
	qu_usage_status = 2;
	while ((c = qu_getopt(argc, argv, "a")) != -1)
		all = 1;
	if (qu_optind >= argc)
		return 1;
	for (i = qu_optind; i < argc; i++)
		if (!which1(argv[i], all))
			status = 1;
	return status;
}
