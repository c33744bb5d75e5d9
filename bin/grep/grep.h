/*
 * grep.h - pattern matching of the grep utility.
 */
#ifndef GREP_H
#define GREP_H

#include <stddef.h>

struct gopts {
	int ere, fixed, icase, invert, word, line;
};

extern struct gopts gopt;

/* Adds one pattern (no newlines). */
void pat_add(const char *p, size_t len);

/* Compiles the patterns; exits with status 2 on a bad expression. */
void pat_compile(void);

/* Returns 1 if the line (NUL-terminated, len bytes, may hold NULs)
 * matches any pattern, not counting -v. */
int pat_match(const char *line, size_t len);

/* Finds the first match at or after offset from in the line: returns 1 and
 * sets *so and *eo (used by -o; the caller skips empty matches). */
int pat_find(const char *line, size_t len, size_t from, size_t *so, size_t *eo);

#endif /* GREP_H */
