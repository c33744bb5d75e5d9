/*
 * glob.h - pathname pattern expansion (POSIX.1-2008 <glob.h>). glob_t has
 * QNX's layout; the flag and error values are QNX's (they equal glibc's).
 */
#ifndef _GLOB_H
#define _GLOB_H

#include <sys/cdefs.h>
#define __need_size_t
#include <stddef.h>

__BEGIN_DECLS

typedef struct {
	size_t gl_pathc; /* number of matched paths */
	int gl_matchc;   /* paths matched by this call (extension) */
	char **gl_pathv; /* the paths, after gl_offs NULL slots, NULL terminated */
	size_t gl_offs;  /* slots to reserve at the start of gl_pathv */
	int gl_flags;    /* the flags of the last call (private) */
	int (*gl_errfunc)(const char *epath, int eerrno);
	void *__unused1;
	void *__unused2;
	void *__unused3;
	void *__unused4;
	void *__unused5;
} glob_t;

#define GLOB_ERR      0x0001 /* stop at the first unreadable directory */
#define GLOB_MARK     0x0002 /* append a slash to each directory name */
#define GLOB_NOSORT   0x0004 /* do not sort the names */
#define GLOB_DOOFFS   0x0008 /* reserve gl_offs slots at the start */
#define GLOB_NOCHECK  0x0010 /* return the pattern itself if nothing matches */
#define GLOB_APPEND   0x0020 /* append to the result of an earlier call */
#define GLOB_NOESCAPE 0x0040 /* a backslash is an ordinary character */
#define GLOB_PERIOD   0x0080 /* a leading period may be matched by wildcards (extension) */

#define GLOB_NOSPACE  1 /* out of memory */
#define GLOB_ABORTED  2 /* a read error stopped the scan */
#define GLOB_NOMATCH  3 /* nothing matched */
#define GLOB_NOSYS    4 /* POSIX: glob() unsupported (never returned here) */
#define GLOB_ABEND    GLOB_ABORTED

int glob(const char *__restrict pattern, int flags, int (*errfunc)(const char *epath, int eerrno),
         glob_t *__restrict pglob);
void globfree(glob_t *pglob);

__END_DECLS

#endif /* _GLOB_H */
