/*
 * getdelim.c - getdelim and getline (POSIX).
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "libc.h"
#include "stdio_impl.h"

/*
 * Read bytes up to and including delim into *linep (grown with realloc,
 * *sizep updated), terminate it and return the number of bytes read, or -1
 * at end of file, on error, or with EINVAL (NULL pointers), ENOMEM or
 * EOVERFLOW (a line longer than SSIZE_MAX).
 */
ssize_t getdelim(char **__restrict linep, size_t *__restrict sizep, int delim, FILE *__restrict f)
{
	size_t len = 0;

	if (!linep || !sizep) {
		errno = EINVAL;
		return -1;
	}
	if (!*linep)
		*sizep = 0;
	FLOCK(f);
	for (;;) {
		if (f->rpos >= f->rend) {
			int c = __qsoe_refill(f);
			if (c == EOF) {
				if (len == 0 || (f->flags & F_ERR)) {
					FUNLOCK(f);
					return -1;
				}
				break;
			}
			f->rpos--; /* put it back into the buffer window */
		}
		size_t k = (size_t)(f->rend - f->rpos);
		unsigned char *d = memchr(f->rpos, delim, k);
		if (d)
			k = (size_t)(d - f->rpos) + 1;
		if (len + k + 1 > *sizep || !*linep) {
			if (len + k >= (size_t)SSIZE_MAX) {
				FUNLOCK(f);
				errno = EOVERFLOW;
				return -1;
			}
			size_t want = len + k + 1;
			size_t n = *sizep < 64 ? 64 : *sizep;
			while (n < want)
				n = n > SIZE_MAX / 2 ? want : n * 2;
			char *nl = realloc(*linep, n);
			if (!nl) {
				FUNLOCK(f);
				errno = ENOMEM;
				f->flags |= F_ERR;
				return -1;
			}
			*linep = nl;
			*sizep = n;
		}
		memcpy(*linep + len, f->rpos, k);
		f->rpos += k;
		len += k;
		if (d)
			break;
	}
	(*linep)[len] = '\0';
	FUNLOCK(f);
	return (ssize_t)len;
}

/* getdelim with '\n'. */
ssize_t getline(char **__restrict linep, size_t *__restrict sizep, FILE *__restrict f)
{
	return getdelim(linep, sizep, '\n', f);
}
