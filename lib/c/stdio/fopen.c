/*
 * fopen.c - opening streams: fopen, fdopen, freopen and mode parsing.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libc.h"
#include "stdio_impl.h"

/*
 * Parse an fopen mode: r, w or a, then any of '+', 'b', 'x' (exclusive
 * create, with w or a), 'e' (close on exec). Sets the open(2) flags and
 * the stream flags. Returns 0, or -1 with EINVAL.
 */
int __qsoe_fmode(const char *mode, int *oflags, unsigned *fflags)
{
	int o;
	unsigned ff;

	switch (mode[0]) {
	case 'r':
		o = O_RDONLY;
		ff = F_RD;
		break;
	case 'w':
		o = O_WRONLY | O_CREAT | O_TRUNC;
		ff = F_WR;
		break;
	case 'a':
		o = O_WRONLY | O_CREAT | O_APPEND;
		ff = F_WR | F_APP;
		break;
	default:
		errno = EINVAL;
		return -1;
	}
	for (const char *p = mode + 1; *p; p++) {
		switch (*p) {
		case '+':
			o = (o & ~O_ACCMODE) | O_RDWR;
			ff |= F_RD | F_WR;
			break;
		case 'b':
			break;
		case 'x':
			if (mode[0] == 'r') {
				errno = EINVAL;
				return -1;
			}
			o |= O_EXCL;
			break;
		case 'e':
			o |= O_CLOEXEC;
			break;
		default:
			break; /* ignore unknown flags, as other implementations do */
		}
	}
	*oflags = o;
	*fflags = ff;
	return 0;
}

/* Open the file at path as a stream; NULL with errno on failure. */
FILE *fopen(const char *__restrict path, const char *__restrict mode)
{
	int o;
	unsigned ff;

	if (__qsoe_fmode(mode, &o, &ff))
		return NULL;
	int fd = open(path, o, 0666);
	if (fd < 0)
		return NULL;
	FILE *f = __qsoe_fnew(fd, ff);
	if (!f) {
		int e = errno;
		close(fd);
		errno = e;
		return NULL;
	}
	__qsoe_flink(f);
	return f;
}

/* A stream on an open file descriptor. */
FILE *fdopen(int fd, const char *mode)
{
	int o;
	unsigned ff;

	if (__qsoe_fmode(mode, &o, &ff))
		return NULL;
	if (fd < 0) {
		errno = EBADF;
		return NULL;
	}
	if (o & O_CLOEXEC)
		fcntl(fd, F_SETFD, FD_CLOEXEC);
	FILE *f = __qsoe_fnew(fd, ff);
	if (!f)
		return NULL;
	__qsoe_flink(f);
	return f;
}

/*
 * Close f's file and open path on the same stream object. With path NULL
 * the mode of the same descriptor changes (only as far as the stream is
 * concerned). On failure f is closed and NULL returned.
 */
FILE *freopen(const char *__restrict path, const char *__restrict mode, FILE *__restrict f)
{
	int o;
	unsigned ff;

	FLOCK(f);
	__qsoe_fflush_unlocked(f);
	if (__qsoe_fmode(mode, &o, &ff))
		goto fail;
	if (path) {
		if (f->close)
			f->close(f);
		f->fd = open(path, o, 0666);
		if (f->fd < 0)
			goto fail;
		__qsoe_fd_backend(f);
	} else if (f->fd < 0) {
		errno = EBADF;
		goto fail;
	}
	if (f->flags & F_BUFOWN)
		free(f->bufbase);
	f->bufbase = f->buf = NULL;
	f->bufsize = 0;
	f->rpos = f->rend = f->wbase = f->wpos = f->wend = NULL;
	f->flags = ff | (f->flags & (F_STATIC | F_NBF | F_LBF | F_MODESET));
	f->orient = 0;
	memset(&f->mbs, 0, sizeof(f->mbs));
	FUNLOCK(f);
	return f;
fail:
	FUNLOCK(f);
	fclose(f);
	return NULL;
}
