/*
 * wprintf.c - the wide printf and scanf families (swprintf, fwprintf,
 * wprintf, their v forms; swscanf, fwscanf, wscanf, their v forms) over
 * the one narrow engine of printf.c/vfscanf.c.
 *
 * The wide format is converted to the locale's multibyte encoding, the
 * narrow engine does the work, and the result (printf) or the input
 * (swscanf) is converted between wide and multibyte characters. So every
 * conversion, flag and positional argument behaves as in printf/scanf,
 * with these differences, all about characters that are more than one
 * byte long in the encoding: a field width or precision counts bytes, not
 * wide characters; %n stores a byte count; and in the C locale (one byte
 * per character) a wide character above 0xFF in the format or in a %lc/%ls
 * argument fails with EILSEQ. In C.UTF-8 every character works. A %c of
 * the NUL character ends the swprintf result there.
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "stdio_impl.h"

/* The wide string w in the locale's encoding (malloc'd); NULL with errno (EILSEQ, ENOMEM). */
static char *narrow(const wchar_t *w)
{
	mbstate_t st;
	const wchar_t *p = w;

	memset(&st, 0, sizeof(st));
	size_t n = wcsrtombs(NULL, &p, 0, &st);
	if (n == (size_t)-1)
		return NULL;
	char *s = malloc(n + 1);
	if (!s) {
		errno = ENOMEM;
		return NULL;
	}
	p = w;
	memset(&st, 0, sizeof(st));
	wcsrtombs(s, &p, n + 1, &st);
	return s;
}

/*
 * Formats into s (at most n wide characters with the terminating L'\0').
 * Returns the number of wide characters written without the terminator,
 * or -1 with errno: EOVERFLOW if n or more were needed (s then holds the
 * first n-1 and a terminator), EILSEQ, ENOMEM, or the narrow engine's.
 */
int vswprintf(wchar_t *__restrict s, size_t n, const wchar_t *__restrict fmt, va_list ap)
{
	char *nf = narrow(fmt), *out = NULL;

	if (!nf)
		return -1;
	int len = vasprintf(&out, nf, ap);
	free(nf);
	if (len < 0)
		return -1;
	int r = -1;
	size_t w = mbstowcs(NULL, out, 0);
	if (w == (size_t)-1) {
		/* errno is EILSEQ */
	} else if (w >= n) {
		if (n > 0) {
			mbstowcs(s, out, n - 1);
			s[n - 1] = 0;
		}
		errno = EOVERFLOW;
	} else {
		mbstowcs(s, out, n);
		r = (int)w;
	}
	free(out);
	return r;
}

int swprintf(wchar_t *__restrict s, size_t n, const wchar_t *__restrict fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vswprintf(s, n, fmt, ap);
	va_end(ap);
	return r;
}

/*
 * Formats onto f, which becomes wide-oriented if it was undecided.
 * Returns the number of wide characters written, or -1 with errno.
 */
int vfwprintf(FILE *__restrict f, const wchar_t *__restrict fmt, va_list ap)
{
	char *nf = narrow(fmt), *out = NULL;

	if (!nf)
		return -1;
	int len = vasprintf(&out, nf, ap);
	free(nf);
	if (len < 0)
		return -1;
	size_t w = mbstowcs(NULL, out, 0);
	FLOCK(f);
	if (!f->orient)
		f->orient = 1;
	size_t done = __qsoe_fwrite_unlocked(out, (size_t)len, f);
	if (done == (size_t)len && (f->flags & F_LBF) && memchr(out, '\n', (size_t)len))
		__qsoe_flushbuf(f);
	FUNLOCK(f);
	free(out);
	if (done != (size_t)len)
		return -1;
	return w == (size_t)-1 ? len : (int)w;
}

int fwprintf(FILE *__restrict f, const wchar_t *__restrict fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vfwprintf(f, fmt, ap);
	va_end(ap);
	return r;
}

int vwprintf(const wchar_t *__restrict fmt, va_list ap)
{
	return vfwprintf(stdout, fmt, ap);
}

int wprintf(const wchar_t *__restrict fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vfwprintf(stdout, fmt, ap);
	va_end(ap);
	return r;
}

/* Scans the wide string s; as vsscanf (EOF and errno EILSEQ if s or fmt cannot be encoded). */
int vswscanf(const wchar_t *__restrict s, const wchar_t *__restrict fmt, va_list ap)
{
	char *ns = narrow(s), *nf = ns ? narrow(fmt) : NULL;
	int r = EOF;

	if (ns && nf)
		r = vsscanf(ns, nf, ap);
	free(ns);
	free(nf);
	return r;
}

int swscanf(const wchar_t *__restrict s, const wchar_t *__restrict fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vswscanf(s, fmt, ap);
	va_end(ap);
	return r;
}

/* Scans f (made wide-oriented if undecided): its bytes are the multibyte form of its characters. */
int vfwscanf(FILE *__restrict f, const wchar_t *__restrict fmt, va_list ap)
{
	char *nf = narrow(fmt);

	if (!nf)
		return EOF;
	FLOCK(f);
	if (!f->orient)
		f->orient = 1;
	FUNLOCK(f);
	int r = vfscanf(f, nf, ap);
	free(nf);
	return r;
}

int fwscanf(FILE *__restrict f, const wchar_t *__restrict fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vfwscanf(f, fmt, ap);
	va_end(ap);
	return r;
}

int vwscanf(const wchar_t *__restrict fmt, va_list ap)
{
	return vfwscanf(stdin, fmt, ap);
}

int wscanf(const wchar_t *__restrict fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int r = vfwscanf(stdin, fmt, ap);
	va_end(ap);
	return r;
}
