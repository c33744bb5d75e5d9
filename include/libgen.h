/*
 * libgen.h - path name manipulation (POSIX basename/dirname).
 * Both may modify their argument and return a pointer into it or to a
 * static string.
 */
#ifndef _LIBGEN_H
#define _LIBGEN_H

#include <sys/cdefs.h>

__BEGIN_DECLS
char *basename(char *path);
char *dirname(char *path);
__END_DECLS

#endif /* _LIBGEN_H */
