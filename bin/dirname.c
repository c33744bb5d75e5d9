/*
 * dirname - return the directory portion of each path name operand (POSIX).
 */
#include "qu.h"

#include <string.h>

QU_USAGE("Usage: dirname string...\n"
         "Prints each string with its last component removed.\n");

/* Prints the directory part of s (modifying s). */
static void dirname1(char *s)
{
	char *end = s + strlen(s);

	if (!*s) {
		puts(".");
		return;
	}
	while (end > s + 1 && end[-1] == '/')
		end--;
	while (end > s && end[-1] != '/')
		end--;
	if (end == s) {
		puts(*s == '/' ? "/" : ".");
		return;
	}
	while (end > s + 1 && end[-1] == '/')
		end--;
	*end = 0;
	puts(s);
}

int main(int argc, char **argv)
{
	int i;

	qu_init(argv[0]);
	qu_getopt(argc, argv, "");
	if (qu_optind >= argc)
		qu_usage(1, "missing operand");
	for (i = qu_optind; i < argc; i++)
		dirname1(argv[i]);
	return 0;
}
