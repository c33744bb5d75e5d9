/*
 * getsubopt.c - parse suboption arguments ("ro,rsize=512") (POSIX).
 */
#include <stdlib.h>
#include <string.h>
#include "libc.h"

/*
 * Take the next comma-separated suboption from *optionp. Returns its index
 * in keylist (with *valuep set to the text after '=' or NULL), or -1 with
 * *valuep pointing at the whole unmatched suboption.
 */
int getsubopt(char **__restrict optionp, char *const *__restrict keylist, char **__restrict valuep)
{
	char *s = *optionp;
	char *end = strchrnul(s, ',');

	*optionp = *end ? end + 1 : end;
	*end = '\0';
	*valuep = NULL;
	char *eq = strchr(s, '=');
	size_t len = eq ? (size_t)(eq - s) : strlen(s);
	for (int i = 0; keylist[i]; i++) {
		if (strlen(keylist[i]) == len && !strncmp(keylist[i], s, len)) {
			if (eq)
				*valuep = eq + 1;
			return i;
		}
	}
	*valuep = s;
	return -1;
}
