/*
 * fnmatch.h - filename pattern matching (POSIX.1-2008 <fnmatch.h>).
 */
#ifndef _FNMATCH_H
#define _FNMATCH_H

#include <sys/cdefs.h>

__BEGIN_DECLS

#define FNM_PATHNAME    0x01 /* a slash is matched only by a slash */
#define FNM_NOESCAPE    0x02 /* a backslash is an ordinary character */
#define FNM_PERIOD      0x04 /* a leading period is matched only by a period */
#define FNM_LEADING_DIR 0x08 /* the pattern may match a leading directory (extension) */
#define FNM_CASEFOLD    0x10 /* ignore case (extension) */
#define FNM_IGNORECASE  FNM_CASEFOLD

#define FNM_NOMATCH     1  /* the string does not match */
#define FNM_NOSYS       -1 /* obsolete */

int fnmatch(const char *pattern, const char *string, int flags);

__END_DECLS

#endif /* _FNMATCH_H */
