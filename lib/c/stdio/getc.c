/*
 * getc.c - character input: fgetc, getc, getchar, their _unlocked forms,
 * and ungetc.
 */
#include "libc.h"
#include "stdio_impl.h"

/* Next byte of f as an unsigned char, or EOF (end of file or error). */
int fgetc(FILE *f)
{
	FLOCK(f);
	int c = __qsoe_getc_unlocked(f);
	FUNLOCK(f);
	return c;
}

int getc(FILE *f)
{
	return fgetc(f);
}

int getchar(void)
{
	return fgetc(stdin);
}

int fgetc_unlocked(FILE *f)
{
	return __qsoe_getc_unlocked(f);
}

int getc_unlocked(FILE *f)
{
	return __qsoe_getc_unlocked(f);
}

int getchar_unlocked(void)
{
	return __qsoe_getc_unlocked(stdin);
}

/*
 * Push c back onto f; the next read returns it. At least UNGET (8) bytes
 * of push-back are guaranteed. Clears the end-of-file indicator. Returns
 * c, or EOF if c is EOF or there is no room.
 */
int ungetc(int c, FILE *f)
{
	if (c == EOF)
		return EOF;
	FLOCK(f);
	if (__qsoe_toread(f)) {
		FUNLOCK(f);
		return EOF;
	}
	if (!f->rpos) {
		f->rpos = f->rend = f->buf;
	}
	if (f->rpos <= f->bufbase) {
		FUNLOCK(f);
		return EOF;
	}
	*--f->rpos = (unsigned char)c;
	f->flags &= ~F_EOF;
	FUNLOCK(f);
	return (unsigned char)c;
}
