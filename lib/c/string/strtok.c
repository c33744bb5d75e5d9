/*
 * strtok.c - split strings into tokens: strtok, strtok_r, strsep.
 */
#include <string.h>
#include "libc.h"

/*
 * Next token of s (or, if s is NULL, of the string saved in *save) split
 * at bytes of delim; the delimiter after it is overwritten with NUL.
 * Returns NULL when no token is left.
 */
char *strtok_r(char *__restrict s, const char *__restrict delim, char **__restrict save)
{
	if (!s)
		s = *save;
	if (!s)
		return NULL;
	s += strspn(s, delim);
	if (!*s) {
		*save = NULL;
		return NULL;
	}
	char *end = s + strcspn(s, delim);
	if (*end)
		*end++ = '\0';
	else
		end = NULL;
	*save = end;
	return s;
}

/* strtok_r with one hidden state for the whole process (not thread safe). */
char *strtok(char *__restrict s, const char *__restrict delim)
{
	static char *save;

	return strtok_r(s, delim, &save);
}

/*
 * Return *sp and advance *sp past the first delimiter (which becomes NUL),
 * or set *sp to NULL if there is none. Empty fields are returned.
 */
char *strsep(char **__restrict sp, const char *__restrict delim)
{
	char *s = *sp;

	if (!s)
		return NULL;
	char *end = s + strcspn(s, delim);
	if (*end) {
		*end = '\0';
		*sp = end + 1;
	} else {
		*sp = NULL;
	}
	return s;
}
