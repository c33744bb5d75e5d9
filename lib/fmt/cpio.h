/*
 * cpio.h - a bounds-checked reader for cpio "newc" archives.
 *
 * The format (magic "070701", or "070702" with checksums) is a sequence of
 * 110-byte ASCII-hex headers, each followed by the NUL-terminated name and the
 * file data, both padded to 4 bytes; the entry named "TRAILER!!!" ends it.
 */
#ifndef QSOE_FMT_CPIO_H
#define QSOE_FMT_CPIO_H

#include <stddef.h>
#include <stdint.h>

enum {
	CPIO_END = 0,          /* cpio_next: the trailer was reached */
	CPIO_E_NOTFOUND = -1,  /* cpio_find: no such entry */
	CPIO_E_BADMAGIC = -2,  /* header magic is not 070701/070702 */
	CPIO_E_BADHEX = -3,    /* a header field is not hexadecimal */
	CPIO_E_TRUNCATED = -4, /* header, name or data runs past the archive */
	CPIO_E_BADNAME = -5,   /* name is empty or not NUL-terminated */
};

struct cpio_entry {
	const char *name; /* NUL-terminated, as stored (may start with "./") */
	const void *data;
	size_t size;
	uint32_t mode; /* st_mode bits: type and permissions */
	uint32_t uid, gid;
	uint32_t nlink;
	uint32_t mtime;
	uint32_t ino;
};

/*
 * Reads the entry at *off and advances *off past it. Returns 1 for an entry,
 * CPIO_END at the trailer, or a negative CPIO_E_* code.
 */
int cpio_next(const void *archive, size_t len, size_t *off, struct cpio_entry *e);

/*
 * Finds 'path' (with or without a leading "/" or "./"). Returns 0 and fills
 * *e, or a negative CPIO_E_* code.
 */
int cpio_find(const void *archive, size_t len, const char *path, struct cpio_entry *e);

/* The entry name with any leading "./" or "/" removed. */
const char *cpio_plain_name(const char *name);

const char *cpio_strerror(int err);

#endif
