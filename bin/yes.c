/*
 * yes - print its operands (or "y") repeatedly until killed or the output fails.
 */
#include "qu.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

QU_USAGE("Usage: yes [string...]\n"
         "Repeatedly writes the operands separated by spaces (default \"y\").\n");

int main(int argc, char **argv)
{
	size_t len = 0, cap = 8192, one;
	char *buf, *line;
	int i;

	qu_init(argv[0]);
	if (argc > 1 && !strcmp(argv[1], "--"))
		argv++, argc--;
	for (i = 1; i < argc; i++)
		len += strlen(argv[i]) + 1;
	if (argc < 2)
		len = 2;
	line = qu_malloc(len + 1);
	line[0] = 0;
	if (argc < 2)
		strcpy(line, "y\n");
	for (i = 1; i < argc; i++) {
		strcat(line, argv[i]);
		strcat(line, i + 1 < argc ? " " : "\n");
	}
	/* fill a buffer with whole copies of the line to write in big chunks */
	one = strlen(line);
	if (cap < one)
		cap = one;
	buf = qu_malloc(cap);
	for (len = 0; len + one <= cap; len += one)
		memcpy(buf + len, line, one);
	for (;;) {
		if (qu_write_all(STDOUT_FILENO, buf, len) != 0)
			qu_die_errno(1, errno, "standard output");
	}
}
