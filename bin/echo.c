/*
 * echo - write the operands separated by spaces, followed by a newline.
 *
 * As coreutils: leading -n (no newline), -e (interpret backslash escapes) and
 * -E (do not) options, in any combination ("-ne"); any other argument starting
 * with '-' is an operand. POSIX leaves -n and backslashes implementation-defined.
 */
#include "qu.h"

#include <string.h>

QU_USAGE("Usage: echo [-neE] [string...]\n"
         "  -n  no trailing newline\n"
         "  -e  interpret \\a \\b \\c \\e \\f \\n \\r \\t \\v \\\\ \\0nnn \\xHH\n"
         "  -E  do not interpret escapes (default)\n");

/* Returns 1 if arg is an option cluster made only of n, e and E. */
static int is_opt(const char *arg)
{
	if (arg[0] != '-' || !arg[1])
		return 0;
	return strspn(arg + 1, "neE") == strlen(arg + 1);
}

/* Returns the value of hex digit c, or -1. */
static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Writes s with escapes interpreted; returns 1 if \c was seen. */
static int put_escaped(const char *s)
{
	for (; *s; s++) {
		int c = (unsigned char)*s, v, i;
		if (c != '\\' || !s[1]) {
			putchar(c);
			continue;
		}
		switch (*++s) {
		case 'a':
			c = '\a';
			break;
		case 'b':
			c = '\b';
			break;
		case 'c':
			return 1;
		case 'e':
			c = 033;
			break;
		case 'f':
			c = '\f';
			break;
		case 'n':
			c = '\n';
			break;
		case 'r':
			c = '\r';
			break;
		case 't':
			c = '\t';
			break;
		case 'v':
			c = '\v';
			break;
		case '\\':
			c = '\\';
			break;
		case 'x':
			if (hexval((unsigned char)s[1]) < 0) {
				putchar('\\');
				c = 'x';
				break;
			}
			for (c = 0, i = 0; i < 2 && (v = hexval((unsigned char)s[1])) >= 0;
			     i++, s++)
				c = c * 16 + v;
			break;
		case '0':
			for (c = 0, i = 0; i < 3 && s[1] >= '0' && s[1] <= '7'; i++, s++)
				c = c * 8 + (s[1] - '0');
			break;
		default:
			if (*s >= '1' && *s <= '7') {
				for (c = *s - '0', i = 1; i < 3 && s[1] >= '0' && s[1] <= '7';
				     i++, s++)
					c = c * 8 + (s[1] - '0');
				break;
			}
			putchar('\\');
			c = (unsigned char)*s;
			break;
		}
		putchar(c);
	}
	return 0;
}

int main(int argc, char **argv)
{
	int nl = 1, esc = 0, i = 1;
	const char *p;

	qu_init(argv[0]);
	for (; i < argc && is_opt(argv[i]); i++) {
		for (p = argv[i] + 1; *p; p++) {
			if (*p == 'n')
				nl = 0;
			else if (*p == 'e')
				esc = 1;
			else
				esc = 0;
		}
	}
	for (; i < argc; i++) {
		if (esc) {
			if (put_escaped(argv[i]))
				return 0;
		} else {
			fputs(argv[i], stdout);
		}
		if (i + 1 < argc)
			putchar(' ');
	}
	if (nl)
		putchar('\n');
	return 0;
}
