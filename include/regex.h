/*
 * regex.h - POSIX regular expressions (POSIX.1-2008 <regex.h>).
 *
 * Basic and extended syntax with back-references, bracket expressions with
 * character classes, equivalence classes and collating symbols of the C
 * locale. Matching is leftmost-longest with POSIX subexpression rules. The
 * layout of regex_t and the flag and error values are QNX's.
 */
#ifndef _REGEX_H
#define _REGEX_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#define __need_size_t
#include <stddef.h>

__BEGIN_DECLS

typedef __ssize_t regoff_t;

/* A compiled expression. re_nsub is the number of parenthesised subexpressions. */
typedef struct {
	int re_magic;
	size_t re_nsub;
	const char *re_endp; /* end of the pattern with REG_PEND */
	void *re_g;          /* the compiled program (private) */
} regex_t;

/* One match: byte offsets of the start and one past the end, or -1 for none. */
typedef struct {
	regoff_t rm_so;
	regoff_t rm_eo;
} regmatch_t;

/* regcomp() flags. */
#define REG_BASIC    0000
#define REG_EXTENDED 0001 /* extended syntax */
#define REG_ICASE    0002 /* ignore case */
#define REG_NOSUB    0004 /* report only success or failure */
#define REG_NEWLINE  0010 /* newline-sensitive matching */
#define REG_NOSPEC   0020 /* the pattern is a literal string */
#define REG_PEND     0040 /* the pattern ends at re_endp, not at a NUL */

/* regexec() flags. */
#define REG_NOTBOL   00001 /* the subject does not start a line */
#define REG_NOTEOL   00002 /* the subject does not end a line */
#define REG_STARTEND 00004 /* match pmatch[0].rm_so .. rm_eo of the subject */

/* Errors. */
#define REG_OK       0
#define REG_NOMATCH  1  /* regexec() found no match */
#define REG_BADPAT   2  /* invalid regular expression */
#define REG_ECOLLATE 3  /* invalid collating element */
#define REG_ECTYPE   4  /* invalid character class */
#define REG_EESCAPE  5  /* trailing backslash */
#define REG_ESUBREG  6  /* invalid back-reference number */
#define REG_EBRACK   7  /* unbalanced [ ] */
#define REG_EPAREN   8  /* unbalanced ( ) */
#define REG_EBRACE   9  /* unbalanced { } */
#define REG_BADBR    10 /* invalid repetition count(s) */
#define REG_ERANGE   11 /* invalid range end point */
#define REG_ESPACE   12 /* out of memory, or over the size or time limit */
#define REG_BADRPT   13 /* repetition operator without an operand */
#define REG_EMPTY    14 /* empty (sub)expression */
#define REG_ASSERT   15 /* internal error */
#define REG_INVARG   16 /* invalid argument */
#define REG_ENOSYS   17 /* not implemented */

int regcomp(regex_t *__restrict preg, const char *__restrict pattern, int cflags);
int regexec(const regex_t *__restrict preg, const char *__restrict string, size_t nmatch,
            regmatch_t *__restrict pmatch, int eflags);
size_t regerror(int errcode, const regex_t *__restrict preg, char *__restrict errbuf,
                size_t errbuf_size);
void regfree(regex_t *preg);

__END_DECLS

#endif /* _REGEX_H */
