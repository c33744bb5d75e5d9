/*
 * fclose.c - closing streams.
 */
#include <stdlib.h>
#include "libc.h"
#include "stdio_impl.h"

/* Flush and close f and free it. Returns 0, or EOF if flushing or closing failed. */
int fclose(FILE *f)
{
	FLOCK(f);
	__qsoe_std_init(f);
	int r = __qsoe_fflush_unlocked(f);
	if (f->close && f->close(f))
		r = EOF;
	f->close = NULL;
	if (f->flags & F_BUFOWN)
		free(f->bufbase);
	f->bufbase = f->buf = NULL;
	f->rpos = f->rend = f->wbase = f->wpos = f->wend = NULL;
	f->flags &= F_STATIC;
	FUNLOCK(f);
	__qsoe_funlink(f);
	if (!(f->flags & F_STATIC))
		free(f);
	return r;
}
