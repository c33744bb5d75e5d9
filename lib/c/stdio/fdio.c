/*
 * fdio.c - the file-descriptor backend of streams, and the standard
 * streams' lazy backend set-up.
 */
#include <errno.h>
#include <unistd.h>
#include "libc.h"
#include "stdio_impl.h"

static ssize_t fd_read(FILE *f, unsigned char *p, size_t n)
{
	return read(f->fd, p, n);
}

static ssize_t fd_write(FILE *f, const unsigned char *p, size_t n)
{
	return write(f->fd, p, n);
}

static off_t fd_seek(FILE *f, off_t off, int whence)
{
	return lseek(f->fd, off, whence);
}

static int fd_close(FILE *f)
{
	return close(f->fd);
}

/* Make f use its file descriptor for I/O. */
void __qsoe_fd_backend(FILE *f)
{
	f->read = fd_read;
	f->write = fd_write;
	f->seek = fd_seek;
	f->close = fd_close;
}

/* The standard streams are statically initialised without a backend. */
void __qsoe_std_init(FILE *f)
{
	if (!f->read)
		__qsoe_fd_backend(f);
}
