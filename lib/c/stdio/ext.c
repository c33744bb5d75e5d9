/*
 * ext.c - <stdio_ext.h>: what a stream holds and in which mode it is
 * (__fbufsize, __fpending, __freadahead, __freading, __fwriting,
 * __freadable, __fwritable, __flbf), discarding buffered data (__fpurge,
 * fpurge) and flushing line-buffered streams (_flushlbf). Each takes the
 * stream's lock for its snapshot.
 */
#include <stdio_ext.h>
#include "stdio_impl.h"

/* The size of the stream's buffer (0 before its first use or when unbuffered). */
size_t __fbufsize(FILE *f)
{
	FLOCK(f);
	size_t n = (f->flags & F_NBF) ? 0 : f->bufsize;
	FUNLOCK(f);
	return n;
}

/* Bytes written to the stream but not yet given to its file. */
size_t __fpending(FILE *f)
{
	FLOCK(f);
	size_t n = (f->flags & F_WRITING) && f->wpos ? (size_t)(f->wpos - f->wbase) : 0;
	FUNLOCK(f);
	return n;
}

/* Bytes read from the file (or pushed back) but not yet consumed. */
size_t __freadahead(FILE *f)
{
	FLOCK(f);
	size_t n = (f->flags & F_READING) && f->rpos ? (size_t)(f->rend - f->rpos) : 0;
	FUNLOCK(f);
	return n;
}

/* Nonzero if the stream is read-only or its last operation was a read. */
int __freading(FILE *f)
{
	return (f->flags & F_READING) || !(f->flags & F_WR);
}

/* Nonzero if the stream is write-only or its last operation was a write. */
int __fwriting(FILE *f)
{
	return (f->flags & F_WRITING) || !(f->flags & F_RD);
}

/* Nonzero if the stream was opened for reading. */
int __freadable(FILE *f)
{
	return !!(f->flags & F_RD);
}

/* Nonzero if the stream was opened for writing. */
int __fwritable(FILE *f)
{
	return !!(f->flags & F_WR);
}

/* Nonzero if the stream is line buffered. */
int __flbf(FILE *f)
{
	return !!(f->flags & F_LBF);
}

/* Discards buffered input (pushed-back bytes too) and unwritten output. */
void __fpurge(FILE *f)
{
	FLOCK(f);
	if (f->flags & F_WRITING)
		f->wpos = f->wbase;
	if (f->flags & F_READING)
		f->rpos = f->rend;
	FUNLOCK(f);
}

/* BSD fpurge: as __fpurge; returns 0. */
int fpurge(FILE *f)
{
	__fpurge(f);
	return 0;
}

/* Flushes every line-buffered stream. */
void _flushlbf(void)
{
	__qsoe_flush_lbf();
}
