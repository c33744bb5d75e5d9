/*
 * fseek.c - stream positioning: fseek, fseeko, ftell, ftello, rewind,
 * fgetpos, fsetpos.
 */
#include <errno.h>
#include <limits.h>
#include "libc.h"
#include "stdio_impl.h"

/* Set the position (stream locked): flush, drop input and push-back, clear EOF. */
int __qsoe_fseeko_unlocked(FILE *f, off_t off, int whence)
{
	if (whence != SEEK_SET && whence != SEEK_CUR && whence != SEEK_END) {
		errno = EINVAL;
		return -1;
	}
	__qsoe_std_init(f);
	if (whence == SEEK_CUR && (f->flags & F_READING))
		off -= (off_t)(f->rend - f->rpos);
	if ((f->flags & F_WRITING) && __qsoe_flushbuf(f))
		return -1;
	if (f->seek(f, off, whence) < 0)
		return -1;
	f->rpos = f->rend = NULL;
	f->wbase = f->wpos = f->wend = NULL;
	f->flags &= ~(F_READING | F_WRITING | F_EOF);
	return 0;
}

int fseeko(FILE *f, off_t off, int whence)
{
	FLOCK(f);
	int r = __qsoe_fseeko_unlocked(f, off, whence);
	FUNLOCK(f);
	return r;
}

int fseek(FILE *f, long off, int whence)
{
	return fseeko(f, off, whence);
}

/* The stream position (stream locked), or -1. */
off_t __qsoe_ftello_unlocked(FILE *f)
{
	__qsoe_std_init(f);
	if ((f->flags & (F_WRITING | F_APP)) == (F_WRITING | F_APP) && __qsoe_flushbuf(f))
		return -1;
	off_t pos = f->seek(f, 0, SEEK_CUR);
	if (pos < 0)
		return -1;
	if (f->flags & F_READING)
		pos -= (off_t)(f->rend - f->rpos);
	else if (f->flags & F_WRITING)
		pos += (off_t)(f->wpos - f->wbase);
	return pos;
}

off_t ftello(FILE *f)
{
	FLOCK(f);
	off_t r = __qsoe_ftello_unlocked(f);
	FUNLOCK(f);
	return r;
}

/* ftello as a long; EOVERFLOW if it does not fit. */
long ftell(FILE *f)
{
	off_t r = ftello(f);

	if (r > LONG_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (long)r;
}

/* Seek to the start and clear the error indicator. */
void rewind(FILE *f)
{
	FLOCK(f);
	__qsoe_fseeko_unlocked(f, 0, SEEK_SET);
	f->flags &= ~F_ERR;
	FUNLOCK(f);
}

int fgetpos(FILE *__restrict f, fpos_t *__restrict pos)
{
	off_t r = ftello(f);

	if (r < 0)
		return -1;
	pos->__off = r;
	pos->__st[0] = pos->__st[1] = 0;
	return 0;
}

int fsetpos(FILE *f, const fpos_t *pos)
{
	return fseeko(f, pos->__off, SEEK_SET);
}
