/*
 * putc.c - character output: fputc, putc, putchar and _unlocked forms.
 */
#include "libc.h"
#include "stdio_impl.h"

/* putc without locking. */
static inline int put(int c, FILE *f)
{
	if (f->wpos < f->wend && (unsigned char)c != '\n') {
		*f->wpos++ = (unsigned char)c;
		return (unsigned char)c;
	}
	return __qsoe_overflow(f, c);
}

/* Write (unsigned char)c to f; returns it, or EOF on error. */
int fputc(int c, FILE *f)
{
	FLOCK(f);
	int r = put(c, f);
	FUNLOCK(f);
	return r;
}

int putc(int c, FILE *f)
{
	return fputc(c, f);
}

int putchar(int c)
{
	return fputc(c, stdout);
}

int fputc_unlocked(int c, FILE *f)
{
	return put(c, f);
}

int putc_unlocked(int c, FILE *f)
{
	return put(c, f);
}

int putchar_unlocked(int c)
{
	return put(c, stdout);
}
