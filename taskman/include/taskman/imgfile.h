/*
 * imgfile.h - the files taskman loads (programs, "#!" interpreters, shared
 * libraries), found through taskman's own pathname space and read either
 * straight from the boot archive or, as an ordinary client, from the
 * resource manager that owns the path (docs/taskman.md, "Loading from
 * other resource managers").
 *
 * Only a loader thread (loadq.c) may read from another process: a pool
 * thread passes an I/O context with may_block 0 and gets -TM_EDEFER where
 * it would have to send a message, and hands the request to a loader.
 * No lock is held while a message is outstanding.
 */
#ifndef TASKMAN_IMGFILE_H
#define TASKMAN_IMGFILE_H

#include <stdint.h>
#include <sys/types.h>
#include <taskman/taskman.h>

/* Not an errno: "this needs a message to another process; use a loader thread". */
#define TM_EDEFER     4096

#define TM_IMAGE_MAX  (1UL << 30)   /* largest file taskman loads (ENOMEM beyond) */
#define TM_READ_CHUNK (64UL * 1024) /* bytes asked for in one _IO_READ */
#define TM_IO_TIMEOUT 30            /* default: seconds one message to a server may take */
#define TM_LINK_HOPS  8             /* symbolic links followed while finding a file */

/* The states of a load's reply (struct tm_io's state word, changed atomically). */
#define TM_LOAD_BUSY    0 /* being loaded; the requester may still give up */
#define TM_LOAD_CLAIMED 1 /* the loader will answer (or has created the process) */
#define TM_LOAD_CANCELLED \
	2 /* the requester gave up and was answered EINTR: nobody
                               may answer it again; the loader drops the load */

/* What a file operation may do, and when it must give up. */
struct tm_io {
	int may_block; /* 0: never send a message (-TM_EDEFER instead) */
	int *state;    /* TM_LOAD_*, or NULL (the request cannot be cancelled) */
	pid_t waiter;  /* the requester: once it has ended the load stops (-ESRCH); 0: none */
};

/* A file being loaded. Initialise with TM_FILE_INIT. */
struct tm_file {
	char path[TM_PATH_MAX];  /* where it was found, links followed */
	uint32_t mode, uid, gid; /* as the owner reported them (stat) */
	uint64_t size;
	const uint8_t *data; /* the first 'have' bytes of the file */
	uint64_t have;
	void *buf; /* taskman's copy (a file of another server), or NULL */
	size_t buflen;
	int coid;     /* open connection to the server, or -1 */
	pid_t server; /* the server it came from; 0 for the boot archive */
};

#define TM_FILE_INIT       \
	{                  \
		.coid = -1 \
	}

/*
 * Finds the regular file at path (absolute, normalised or not) in the
 * pathname space, as open() would: servers longest prefix first, ENOENT
 * moving on to the next, symbolic links (the archive's, path-manager ones
 * and those servers report) followed. From the boot archive the whole file
 * is available at once; from another server it is open (and stat'ed) but
 * nothing is read yet. Returns 0; -TM_EDEFER (io->may_block is 0 and
 * another server must be asked); -ENOENT, -ENOTDIR, -ELOOP, -ENAMETOOLONG,
 * -EISDIR (a directory), -EACCES (not a regular file), -ENOMEM (larger
 * than TM_IMAGE_MAX), -EIO (the server failed, died, timed out or
 * answered nonsense), -EINTR / -ESRCH (see struct tm_io), or the server's
 * own error. Permissions are the caller's business (taskman is root to
 * the server).
 */
int tm_file_open(const char *path, struct tm_file *f, const struct tm_io *io);

/*
 * Makes at least the first min(upto, size) bytes available in f->data,
 * reading from the server in chunks (short reads are fine). Returns 0 or
 * -EIO (the server died, timed out, ended the file early or sent more than
 * asked), -ENOMEM, -EINTR, -ESRCH.
 */
int tm_file_read(struct tm_file *f, uint64_t upto, const struct tm_io *io);

/*
 * Sets how long one message to a server may take before the load fails
 * with EIO (the iotimeout= boot option; default TM_IO_TIMEOUT seconds).
 */
void tm_io_set_timeout(unsigned seconds);

/* Closes the connection to the server (if any); the data read stays. */
void tm_file_close(struct tm_file *f);

/* Closes and frees the copy; f is TM_FILE_INIT again. */
void tm_file_free(struct tm_file *f);

/* 0, or -EINTR / -ESRCH when the requester gave up or ended (see struct tm_io). */
int tm_io_check(const struct tm_io *io);

/*
 * Takes the right to answer the request (TM_LOAD_BUSY -> TM_LOAD_CLAIMED):
 * 1 if the caller may (and must) answer it, 0 if the requester has already
 * been answered EINTR (the caller then drops the load without a word).
 * Called before the process is created and before an error is answered.
 */
int tm_io_claim(const struct tm_io *io);

#endif
