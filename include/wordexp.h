/*
 * wordexp.h - shell word expansion (POSIX.1-2008 <wordexp.h>).
 *
 * QSOE's wordexp() never runs commands: command substitution ($(...) and
 * `...`) is always refused with WRDE_CMDSUB, as if WRDE_NOCMD were given.
 */
#ifndef _WORDEXP_H
#define _WORDEXP_H

#include <sys/cdefs.h>
#define __need_size_t
#include <stddef.h>

__BEGIN_DECLS

typedef struct {
	size_t we_wordc; /* number of words */
	char **we_wordv; /* the words, after we_offs NULL slots, NULL terminated */
	size_t we_offs;  /* slots to reserve at the start of we_wordv */
} wordexp_t;

#define WRDE_DOOFFS  0x01 /* reserve we_offs slots */
#define WRDE_APPEND  0x02 /* append to the words of an earlier call */
#define WRDE_NOCMD   0x04 /* refuse command substitution (always in effect) */
#define WRDE_REUSE   0x08 /* free the words of an earlier call first */
#define WRDE_SHOWERR 0x10 /* do not redirect error messages (no effect) */
#define WRDE_UNDEF   0x20 /* an unset variable is an error */

#define WRDE_NOSPACE 1 /* out of memory */
#define WRDE_BADCHAR 2 /* an unquoted | & ; < > ( ) { } or newline */
#define WRDE_BADVAL  3 /* an unset variable with WRDE_UNDEF */
#define WRDE_CMDSUB  4 /* command substitution requested */
#define WRDE_SYNTAX  5 /* shell syntax error */

int wordexp(const char *__restrict words, wordexp_t *__restrict we, int flags);
void wordfree(wordexp_t *we);

__END_DECLS

#endif /* _WORDEXP_H */
