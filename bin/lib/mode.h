/*
 * mode.h - file mode strings: parsing chmod-style modes and formatting
 * ls-style permission strings.
 */
#ifndef QU_MODE_H
#define QU_MODE_H

#include <sys/types.h>

/* Applies the chmod mode spec (octal, or symbolic "u+x,go-w,a=rX,g=u") to
 * old. isdir selects the meaning of X; mask is the umask used for symbolic
 * clauses without a who part. Stores the new permission bits (07777) in *out
 * and returns 0, or -1 if the spec is invalid. */
int qu_mode_apply(const char *spec, mode_t old, int isdir, mode_t mask, mode_t *out);

/* Returns 1 if spec is a syntactically valid mode. */
int qu_mode_valid(const char *spec);

/* Writes the 10-character ls -l mode string ("drwxr-xr-x") and a NUL to buf. */
void qu_mode_string(mode_t m, char buf[11]);

#endif /* QU_MODE_H */
