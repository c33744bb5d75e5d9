/*
 * ferror.c - stream state: feof, ferror, clearerr, fileno and _unlocked forms.
 */
#include <errno.h>
#include "libc.h"
#include "stdio_impl.h"

int feof_unlocked(FILE *f)
{
	return (f->flags & F_EOF) != 0;
}

int ferror_unlocked(FILE *f)
{
	return (f->flags & F_ERR) != 0;
}

void clearerr_unlocked(FILE *f)
{
	f->flags &= ~(F_EOF | F_ERR);
}

/* The descriptor of f, or -1 (EBADF) for a memory stream. */
int fileno_unlocked(FILE *f)
{
	if (f->fd < 0)
		errno = EBADF;
	return f->fd;
}

int feof(FILE *f)
{
	FLOCK(f);
	int r = feof_unlocked(f);
	FUNLOCK(f);
	return r;
}

int ferror(FILE *f)
{
	FLOCK(f);
	int r = ferror_unlocked(f);
	FUNLOCK(f);
	return r;
}

void clearerr(FILE *f)
{
	FLOCK(f);
	clearerr_unlocked(f);
	FUNLOCK(f);
}

int fileno(FILE *f)
{
	FLOCK(f);
	int r = fileno_unlocked(f);
	FUNLOCK(f);
	return r;
}
