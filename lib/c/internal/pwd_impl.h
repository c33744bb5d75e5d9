/*
 * pwd_impl.h - private interface of lib/c/pwd: the account files' paths
 * (variables so host tests can point them at sample files) and a small
 * line reader over open()/read() shared by the passwd, group and shadow
 * readers.
 */
#ifndef QSOE_PWD_IMPL_H
#define QSOE_PWD_IMPL_H

#include <stddef.h>

/* The files read; "/etc/passwd", "/etc/group" and "/etc/shadow" by default. */
extern const char *__qsoe_passwd_file;
extern const char *__qsoe_group_file;
extern const char *__qsoe_shadow_file;

/* A file read line by line. */
struct dbfile {
	int fd;
	char *buf;
	size_t len, pos, cap;
	int eof;
};

/* Opens path; 0, or an errno value (ENOENT for a missing file). */
int __db_open(struct dbfile *f, const char *path);
/*
 * The next line without its newline, NUL-terminated, in the reader's
 * buffer (valid until the next call); NULL at the end of the file or on a
 * read error (*err then holds the errno value, else 0).
 */
char *__db_line(struct dbfile *f, int *err);
/*
 * Converts one line (a private copy, split in place) into the entry out
 * with its strings in buf[buflen]: 0, -1 if the line is not a valid entry
 * (skipped), or an errno value (ERANGE: buf is too small).
 */
typedef int __db_parse_fn(char *line, void *out, char *buf, size_t buflen);
/*
 * The enumeration step of getpwent_r, getgrent_r and getspent_r: opens f
 * from path on first use (*open), then parses lines until a valid one.
 * Returns 0 with *got = 1 (an entry in out) or 0 (the end, or no file), or
 * an errno value; after ERANGE the same line is read again next time.
 */
int __db_next(struct dbfile *f, int *open, const char *path, __db_parse_fn *parse, void *out,
              char *buf, size_t buflen, int *got);
/* Closes the file and frees the buffer. */
void __db_close(struct dbfile *f);
/*
 * Splits line into at most n ':'-separated fields (in place); returns the
 * number of fields found (n + 1 means there were more than n).
 */
int __db_split(char *line, char **fields, int n);
/* Parses a decimal id (0 .. 2^31-1); returns 0, or -1 if malformed. */
int __db_id(const char *s, long *out);

#endif /* QSOE_PWD_IMPL_H */
