/*
 * file.c - stream objects: the standard streams, the list of open streams,
 * stream locks, buffer set-up and the exit-time flush.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libc.h"
#include "stdio_impl.h"

static struct __qsoe_file std_in = {
        .flags = F_RD | F_STATIC,
        .fd = 0,
        .lock = QSOE_LOCK_INIT,
        .pid = -1,
};
static struct __qsoe_file std_out = {
        .flags = F_WR | F_STATIC,
        .fd = 1,
        .lock = QSOE_LOCK_INIT,
        .pid = -1,
};
static struct __qsoe_file std_err = {
        .flags = F_WR | F_STATIC | F_NBF | F_MODESET,
        .fd = 2,
        .lock = QSOE_LOCK_INIT,
        .pid = -1,
};

FILE *stdin = &std_in;
FILE *stdout = &std_out;
FILE *stderr = &std_err;

static qsoe_lock_t list_lock = QSOE_LOCK_INIT;
static FILE *head; /* open streams other than the standard three */

/* Lock f for the calling thread (recursive). */
void __qsoe_flock(FILE *f)
{
	unsigned me = __qsoe_lock_owner();

	if (__atomic_load_n(&f->owner, __ATOMIC_RELAXED) == me) {
		f->lockcount++;
		return;
	}
	qsoe_lock(&f->lock);
	__atomic_store_n(&f->owner, me, __ATOMIC_RELAXED);
	f->lockcount = 1;
}

/* Undo one __qsoe_flock. */
void __qsoe_funlock(FILE *f)
{
	if (--f->lockcount == 0) {
		__atomic_store_n(&f->owner, 0, __ATOMIC_RELAXED);
		qsoe_unlock(&f->lock);
	}
}

/* POSIX flockfile: take f's lock (recursive). */
void flockfile(FILE *f)
{
	__qsoe_flock(f);
}

/* Take f's lock if nobody else holds it; 0 on success. */
int ftrylockfile(FILE *f)
{
	unsigned me = __qsoe_lock_owner();

	if (__atomic_load_n(&f->owner, __ATOMIC_RELAXED) == me) {
		f->lockcount++;
		return 0;
	}
	if (!qsoe_trylock(&f->lock))
		return -1;
	__atomic_store_n(&f->owner, me, __ATOMIC_RELAXED);
	f->lockcount = 1;
	return 0;
}

/* Release one level of flockfile. */
void funlockfile(FILE *f)
{
	__qsoe_funlock(f);
}

void __qsoe_list_lock(void)
{
	qsoe_lock(&list_lock);
}

void __qsoe_list_unlock(void)
{
	qsoe_unlock(&list_lock);
}

/* First stream of the open list (list lock held). */
FILE *__qsoe_fhead(void)
{
	return head;
}

/* Add f to the open list. */
void __qsoe_flink(FILE *f)
{
	qsoe_lock(&list_lock);
	f->prev = NULL;
	f->next = head;
	if (head)
		head->prev = f;
	head = f;
	qsoe_unlock(&list_lock);
}

/* Remove f from the open list. */
void __qsoe_funlink(FILE *f)
{
	if (f->flags & F_STATIC)
		return;
	qsoe_lock(&list_lock);
	if (f->prev)
		f->prev->next = f->next;
	else if (head == f)
		head = f->next;
	if (f->next)
		f->next->prev = f->prev;
	qsoe_unlock(&list_lock);
}

/* A new stream on fd with the given flags and the fd backend; NULL/ENOMEM. */
FILE *__qsoe_fnew(int fd, unsigned flags)
{
	FILE *f = calloc(1, sizeof(*f));

	if (!f)
		return NULL;
	f->flags = flags;
	f->fd = fd;
	f->pid = -1;
	f->lock = (qsoe_lock_t)QSOE_LOCK_INIT;
	__qsoe_fd_backend(f);
	return f;
}

/*
 * Give f its buffer if it has none: unbuffered streams use the small
 * built-in one; others get BUFSIZ (terminals) or 4096 bytes. The standard
 * streams decide line buffering here: a terminal is line buffered.
 * Returns 0, or EOF if memory ran out (the stream then runs unbuffered).
 */
int __qsoe_setupbuf(FILE *f)
{
	if (f->bufbase)
		return 0;
	if (!(f->flags & F_MODESET)) {
		f->flags |= F_MODESET;
		if (f->fd >= 0 && isatty(f->fd))
			f->flags |= F_LBF;
	}
	if (f->flags & F_NBF) {
		f->bufbase = f->nbuf;
		f->buf = f->nbuf + UNGET;
		f->bufsize = 1;
		return 0;
	}
	size_t size = (f->flags & F_LBF) ? BUFSIZ : 4096;
	unsigned char *b = malloc(size + UNGET);
	if (!b) {
		f->flags |= F_NBF;
		f->bufbase = f->nbuf;
		f->buf = f->nbuf + UNGET;
		f->bufsize = 1;
		return EOF;
	}
	f->bufbase = b;
	f->buf = b + UNGET;
	f->bufsize = size;
	f->flags |= F_BUFOWN;
	return 0;
}

/* Flush stdout if it is line buffered (before reading from a terminal). */
void __qsoe_flush_lbf(void)
{
	if ((stdout->flags & (F_LBF | F_WRITING)) == (F_LBF | F_WRITING)) {
		FLOCK(stdout);
		__qsoe_fflush_unlocked(stdout);
		FUNLOCK(stdout);
	}
}

/* Flush every output stream; exit() calls this after the atexit handlers. */
void __libc_stdio_exit(void)
{
	fflush(NULL);
}
