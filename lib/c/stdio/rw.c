/*
 * rw.c - the core of buffered I/O: mode switches, refilling the read
 * buffer, flushing the write buffer, and the unlocked fread/fwrite.
 */
#include <errno.h>
#include <string.h>
#include "libc.h"
#include "stdio_impl.h"

/*
 * Write out [wbase, wpos). On a short write or error the unwritten bytes
 * stay at the front of the buffer and the error indicator is set.
 * Returns 0 or EOF.
 */
int __qsoe_flushbuf(FILE *f)
{
	unsigned char *p = f->wbase;

	while (p < f->wpos) {
		ssize_t r = f->write(f, p, (size_t)(f->wpos - p));
		if (r <= 0) {
			if (r < 0 && errno == EINTR)
				continue;
			size_t left = (size_t)(f->wpos - p);
			memmove(f->wbase, p, left);
			f->wpos = f->wbase + left;
			f->flags |= F_ERR;
			return EOF;
		}
		p += r;
	}
	f->wpos = f->wbase;
	return 0;
}

/*
 * Leave read mode: give back buffered but unread input by seeking the
 * backend back, so the file offset is the stream position.
 */
static int drop_input(FILE *f)
{
	if (f->rpos < f->rend && !(f->flags & F_NOSEEK)) {
		if (f->seek(f, -(off_t)(f->rend - f->rpos), SEEK_CUR) < 0) {
			f->rpos = f->rend = NULL;
			f->flags &= ~F_READING;
			return EOF;
		}
	}
	f->rpos = f->rend = NULL;
	f->flags &= ~F_READING;
	return 0;
}

/* Enter write mode. Returns 0, or EOF (EBADF if not writable). */
int __qsoe_towrite(FILE *f)
{
	if (f->flags & F_WRITING)
		return 0;
	if (!(f->flags & F_WR)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	__qsoe_std_init(f);
	if (f->flags & F_READING)
		drop_input(f);
	if (__qsoe_setupbuf(f) && !f->bufbase)
		return EOF;
	f->wbase = f->wpos = f->buf;
	f->wend = (f->flags & F_NBF) ? f->buf : f->buf + f->bufsize;
	if (f->flags & F_APP)
		f->seek(f, 0, SEEK_END);
	f->flags |= F_WRITING;
	return 0;
}

/* Enter read mode. Returns 0, or EOF (EBADF if not readable). */
int __qsoe_toread(FILE *f)
{
	if (f->flags & F_READING)
		return 0;
	if (!(f->flags & F_RD)) {
		f->flags |= F_ERR;
		errno = EBADF;
		return EOF;
	}
	__qsoe_std_init(f);
	if (f->flags & F_WRITING) {
		if (__qsoe_flushbuf(f))
			return EOF;
		f->wbase = f->wpos = f->wend = NULL;
		f->flags &= ~F_WRITING;
	}
	__qsoe_setupbuf(f);
	f->rpos = f->rend = f->buf;
	f->flags |= F_READING;
	return 0;
}

/* Read more input into the buffer; returns the next byte (consumed) or EOF. */
int __qsoe_refill(FILE *f)
{
	if (__qsoe_toread(f))
		return EOF;
	if (f->flags & (F_LBF | F_NBF))
		__qsoe_flush_lbf();
	for (;;) {
		ssize_t r = f->read(f, f->buf, f->bufsize);
		if (r > 0) {
			f->rpos = f->buf;
			f->rend = f->buf + r;
			return *f->rpos++;
		}
		if (r < 0 && errno == EINTR)
			continue;
		f->rpos = f->rend = f->buf;
		f->flags |= r == 0 ? F_EOF : F_ERR;
		return EOF;
	}
}

/* getc without locking. */
int __qsoe_getc_unlocked(FILE *f)
{
	if (f->rpos < f->rend)
		return *f->rpos++;
	return __qsoe_refill(f);
}

/* putc slow path: c does not fit the buffer, or the stream needs flushing. */
int __qsoe_overflow(FILE *f, int c)
{
	unsigned char ch = (unsigned char)c;

	if (__qsoe_towrite(f))
		return EOF;
	if (f->wpos == f->wend && f->wpos > f->wbase && __qsoe_flushbuf(f))
		return EOF;
	if (f->wpos < f->wend) {
		*f->wpos++ = ch;
		if ((f->flags & F_LBF) && ch == '\n' && __qsoe_flushbuf(f))
			return EOF;
		return ch;
	}
	/* Unbuffered: write the byte now. */
	for (;;) {
		ssize_t r = f->write(f, &ch, 1);
		if (r == 1)
			return ch;
		if (r < 0 && errno == EINTR)
			continue;
		f->flags |= F_ERR;
		return EOF;
	}
}

/*
 * Write n bytes; returns how many were accepted (n unless an error
 * occurred). Large writes bypass the buffer; line-buffered streams flush
 * through the last newline.
 */
size_t __qsoe_fwrite_unlocked(const void *src, size_t n, FILE *f)
{
	const unsigned char *p = src;
	size_t done = 0;

	if (!n)
		return 0;
	if (__qsoe_towrite(f))
		return 0;
	size_t room = (size_t)(f->wend - f->wpos);
	if (n <= room && !(f->flags & F_LBF)) {
		memcpy(f->wpos, p, n);
		f->wpos += n;
		return n;
	}
	if (f->flags & F_LBF) {
		/* Everything up to the last newline goes out now. */
		const unsigned char *nl = memrchr(p, '\n', n);
		size_t head = nl ? (size_t)(nl - p) + 1 : 0;
		if (head) {
			if (head <= room) {
				memcpy(f->wpos, p, head);
				f->wpos += head;
				if (__qsoe_flushbuf(f))
					return 0;
			} else {
				if (__qsoe_flushbuf(f))
					return 0;
				while (done < head) {
					ssize_t r = f->write(f, p + done, head - done);
					if (r <= 0) {
						if (r < 0 && errno == EINTR)
							continue;
						f->flags |= F_ERR;
						return done;
					}
					done += (size_t)r;
				}
			}
			done = head;
		}
		room = (size_t)(f->wend - f->wpos);
		if (n - done <= room) {
			memcpy(f->wpos, p + done, n - done);
			f->wpos += n - done;
			return n;
		}
	}
	/* Fill and flush the buffer, then write large remainders directly. */
	if (f->wpos > f->wbase && __qsoe_flushbuf(f))
		return done;
	while (n - done >= f->bufsize || (f->flags & F_NBF)) {
		ssize_t r = f->write(f, p + done, n - done);
		if (r <= 0) {
			if (r < 0 && errno == EINTR)
				continue;
			f->flags |= F_ERR;
			return done;
		}
		done += (size_t)r;
		if (done == n)
			return n;
	}
	memcpy(f->wpos, p + done, n - done);
	f->wpos += n - done;
	return n;
}

/* Read up to n bytes; returns the count (short at end of file or on error). */
size_t __qsoe_fread_unlocked(void *dst, size_t n, FILE *f)
{
	unsigned char *p = dst;
	size_t done = 0;

	if (!n)
		return 0;
	if (f->rpos < f->rend) {
		size_t k = (size_t)(f->rend - f->rpos);
		if (k > n)
			k = n;
		memcpy(p, f->rpos, k);
		f->rpos += k;
		done = k;
	}
	while (done < n) {
		if (__qsoe_toread(f))
			return done;
		if (n - done >= f->bufsize) {
			/* Large request: read straight into the caller's memory. */
			if (f->flags & (F_LBF | F_NBF))
				__qsoe_flush_lbf();
			ssize_t r = f->read(f, p + done, n - done);
			if (r > 0) {
				done += (size_t)r;
				continue;
			}
			if (r < 0 && errno == EINTR)
				continue;
			f->flags |= r == 0 ? F_EOF : F_ERR;
			return done;
		}
		int c = __qsoe_refill(f);
		if (c == EOF)
			return done;
		p[done++] = (unsigned char)c;
		size_t k = (size_t)(f->rend - f->rpos);
		if (k > n - done)
			k = n - done;
		memcpy(p + done, f->rpos, k);
		f->rpos += k;
		done += k;
	}
	return done;
}
