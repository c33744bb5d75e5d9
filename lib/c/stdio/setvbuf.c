/*
 * setvbuf.c - buffering control: setvbuf, setbuf, setbuffer, setlinebuf.
 */
#include <errno.h>
#include <stdlib.h>
#include "libc.h"
#include "stdio_impl.h"

/*
 * Set f's buffering mode (_IOFBF, _IOLBF, _IONBF) and optionally its
 * buffer (buf of size bytes, which must outlive the stream). Any buffered
 * data is flushed first. Returns 0, or nonzero (EINVAL) for a bad mode.
 */
int setvbuf(FILE *__restrict f, char *__restrict buf, int mode, size_t size)
{
	if (mode != _IOFBF && mode != _IOLBF && mode != _IONBF) {
		errno = EINVAL;
		return -1;
	}
	FLOCK(f);
	__qsoe_fflush_unlocked(f);
	f->rpos = f->rend = f->wbase = f->wpos = f->wend = NULL;
	f->flags &= ~(F_READING | F_WRITING | F_LBF | F_NBF);
	f->flags |= F_MODESET | (mode == _IOLBF ? F_LBF : mode == _IONBF ? F_NBF : 0);
	if (f->flags & F_BUFOWN)
		free(f->bufbase);
	f->flags &= ~F_BUFOWN;
	f->bufbase = f->buf = NULL;
	f->bufsize = 0;
	if (mode != _IONBF && buf && size > UNGET) {
		/* The first UNGET bytes of the caller's buffer hold push-back. */
		f->bufbase = (unsigned char *)buf;
		f->buf = f->bufbase + UNGET;
		f->bufsize = size - UNGET;
	}
	FUNLOCK(f);
	return 0;
}

void setbuf(FILE *__restrict f, char *__restrict buf)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, BUFSIZ);
}

void setbuffer(FILE *f, char *buf, size_t size)
{
	setvbuf(f, buf, buf ? _IOFBF : _IONBF, size);
}

void setlinebuf(FILE *f)
{
	setvbuf(f, NULL, _IOLBF, 0);
}
