/*
 * fflush.c - fflush and fflush_unlocked.
 */
#include <errno.h>
#include "libc.h"
#include "stdio_impl.h"

/*
 * Flush f (locked): write buffered output; for an input stream, give back
 * buffered input so the file offset matches the stream position.
 */
int __qsoe_fflush_unlocked(FILE *f)
{
	if (f->flags & F_WRITING)
		return __qsoe_flushbuf(f);
	if ((f->flags & F_READING) && f->rpos < f->rend && !(f->flags & F_NOSEEK)) {
		if (f->seek(f, -(off_t)(f->rend - f->rpos), SEEK_CUR) >= 0)
			f->rpos = f->rend = f->buf;
	}
	return 0;
}

static int flush_one(FILE *f)
{
	FLOCK(f);
	int r = __qsoe_fflush_unlocked(f);
	FUNLOCK(f);
	return r;
}

/* Flush f, or every output stream if f is NULL. Returns 0 or EOF. */
int fflush(FILE *f)
{
	if (f)
		return flush_one(f);
	int r = 0;
	if (flush_one(stdout))
		r = EOF;
	if (flush_one(stderr))
		r = EOF;
	__qsoe_list_lock();
	for (FILE *p = __qsoe_fhead(); p; p = p->next)
		if ((p->flags & F_WRITING) && flush_one(p))
			r = EOF;
	__qsoe_list_unlock();
	return r;
}

int fflush_unlocked(FILE *f)
{
	return f ? __qsoe_fflush_unlocked(f) : fflush(NULL);
}
