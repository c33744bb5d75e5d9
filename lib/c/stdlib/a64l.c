/*
 * a64l.c - radix-64 ASCII strings: a64l and l64a (POSIX XSI).
 * Digits are ./0-9A-Za-z for 0..63, least significant first.
 */
#include <stdlib.h>
#include "libc.h"

static const char digits[] = "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

/* Value of up to six radix-64 digits of s (stops at any other character). */
long a64l(const char *s)
{
	unsigned long v = 0;

	for (int i = 0; i < 6 && s[i]; i++) {
		int c = (unsigned char)s[i], d;
		if (c == '.' || c == '/')
			d = c - '.';
		else if (c >= '0' && c <= '9')
			d = c - '0' + 2;
		else if (c >= 'A' && c <= 'Z')
			d = c - 'A' + 12;
		else if (c >= 'a' && c <= 'z')
			d = c - 'a' + 38;
		else
			break;
		v |= (unsigned long)d << (6 * i);
	}
	return (long)(int32_t)(uint32_t)v;
}

/* The radix-64 string of the low 32 bits of value (static buffer). */
char *l64a(long value)
{
	static char buf[7];
	uint32_t v = (uint32_t)value;
	int i = 0;

	for (; v; v >>= 6)
		buf[i++] = digits[v & 63];
	buf[i] = '\0';
	return buf;
}
