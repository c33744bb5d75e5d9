/*
 * fgets.c - line and string I/O: fgets, fputs, puts and _unlocked forms.
 */
#include <string.h>
#include "libc.h"
#include "stdio_impl.h"

/*
 * Read at most n - 1 bytes up to and including a newline into s and
 * terminate it. Returns s, or NULL if nothing was read (EOF or error) or
 * n < 1.
 */
char *fgets_unlocked(char *__restrict s, int n, FILE *__restrict f)
{
	char *p = s;

	if (n < 1)
		return NULL;
	n--;
	while (n > 0) {
		if (f->rpos < f->rend) {
			size_t k = (size_t)(f->rend - f->rpos);
			if (k > (size_t)n)
				k = (size_t)n;
			unsigned char *nl = memchr(f->rpos, '\n', k);
			if (nl)
				k = (size_t)(nl - f->rpos) + 1;
			memcpy(p, f->rpos, k);
			f->rpos += k;
			p += k;
			n -= (int)k;
			if (nl)
				break;
			continue;
		}
		int c = __qsoe_refill(f);
		if (c == EOF)
			break;
		*p++ = (char)c;
		n--;
		if (c == '\n')
			break;
	}
	if (p == s && n >= 0 && (f->flags & (F_EOF | F_ERR)))
		return NULL;
	*p = '\0';
	return s;
}

char *fgets(char *__restrict s, int n, FILE *__restrict f)
{
	FLOCK(f);
	char *r = fgets_unlocked(s, n, f);
	FUNLOCK(f);
	return r;
}

/* Write s without its NUL; returns a non-negative value or EOF. */
int fputs_unlocked(const char *__restrict s, FILE *__restrict f)
{
	size_t n = strlen(s);

	return __qsoe_fwrite_unlocked(s, n, f) == n ? 0 : EOF;
}

int fputs(const char *__restrict s, FILE *__restrict f)
{
	FLOCK(f);
	int r = fputs_unlocked(s, f);
	FUNLOCK(f);
	return r;
}

/* Write s and a newline to stdout. */
int puts(const char *s)
{
	FLOCK(stdout);
	int r = fputs_unlocked(s, stdout);
	if (r >= 0 && fputc_unlocked('\n', stdout) == EOF)
		r = EOF;
	FUNLOCK(stdout);
	return r;
}
