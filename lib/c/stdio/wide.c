/*
 * wide.c - wide character stream I/O: fgetwc, getwc, getwchar, fputwc,
 * putwc, putwchar, fgetws, fputws, ungetwc, fwide. Characters are
 * converted with the current locale (UTF-8 in C.UTF-8). Wide printf and
 * scanf (fwprintf, ...) are not provided.
 */
#include <errno.h>
#include <string.h>
#include <wchar.h>
#include "libc.h"
#include "stdio_impl.h"

/* Read one wide character (f locked). */
static wint_t getwc_unlocked(FILE *f)
{
	for (;;) {
		int c = __qsoe_getc_unlocked(f);
		if (c == EOF) {
			if (!mbsinit(&f->mbs)) {
				memset(&f->mbs, 0, sizeof(f->mbs));
				f->flags |= F_ERR;
				errno = EILSEQ;
			}
			return WEOF;
		}
		char ch = (char)c;
		wchar_t wc;
		size_t r = mbrtowc(&wc, &ch, 1, &f->mbs);
		if (r == (size_t)-2)
			continue;
		if (r == (size_t)-1) {
			f->flags |= F_ERR;
			return WEOF;
		}
		return (wint_t)wc;
	}
}

wint_t fgetwc(FILE *f)
{
	FLOCK(f);
	if (!f->orient)
		f->orient = 1;
	wint_t r = getwc_unlocked(f);
	FUNLOCK(f);
	return r;
}

wint_t getwc(FILE *f)
{
	return fgetwc(f);
}

wint_t getwchar(void)
{
	return fgetwc(stdin);
}

/* Write one wide character; WEOF with EILSEQ if it cannot be encoded. */
wint_t fputwc(wchar_t wc, FILE *f)
{
	char buf[8];
	size_t n = wcrtomb(buf, wc, NULL);

	if (n == (size_t)-1) {
		FLOCK(f);
		f->flags |= F_ERR;
		FUNLOCK(f);
		return WEOF;
	}
	FLOCK(f);
	if (!f->orient)
		f->orient = 1;
	size_t w = __qsoe_fwrite_unlocked(buf, n, f);
	if (w == n && (f->flags & F_LBF) && wc == L'\n')
		__qsoe_flushbuf(f);
	FUNLOCK(f);
	return w == n ? (wint_t)wc : WEOF;
}

wint_t putwc(wchar_t wc, FILE *f)
{
	return fputwc(wc, f);
}

wint_t putwchar(wchar_t wc)
{
	return fputwc(wc, stdout);
}

/* Read at most n - 1 wide characters up to a newline. */
wchar_t *fgetws(wchar_t *__restrict s, int n, FILE *__restrict f)
{
	int i = 0;

	if (n < 1)
		return NULL;
	FLOCK(f);
	while (i < n - 1) {
		wint_t c = getwc_unlocked(f);
		if (c == WEOF)
			break;
		s[i++] = (wchar_t)c;
		if (c == L'\n')
			break;
	}
	FUNLOCK(f);
	if (i == 0 && (f->flags & (F_EOF | F_ERR)))
		return NULL;
	s[i] = 0;
	return s;
}

int fputws(const wchar_t *__restrict s, FILE *__restrict f)
{
	for (; *s; s++)
		if (fputwc(*s, f) == WEOF)
			return -1;
	return 0;
}

/* Push back a wide character (its encoding must fit the push-back area). */
wint_t ungetwc(wint_t wc, FILE *f)
{
	char buf[8];

	if (wc == WEOF)
		return WEOF;
	size_t n = wcrtomb(buf, (wchar_t)wc, NULL);
	if (n == (size_t)-1)
		return WEOF;
	FLOCK(f);
	if (__qsoe_toread(f) || (size_t)(f->rpos - f->bufbase) < n) {
		FUNLOCK(f);
		return WEOF;
	}
	f->rpos -= n;
	memcpy(f->rpos, buf, n);
	f->flags &= ~F_EOF;
	FUNLOCK(f);
	return wc;
}

/* Set (mode != 0, if undecided) and report the orientation: >0 wide, <0 byte. */
int fwide(FILE *f, int mode)
{
	FLOCK(f);
	if (!f->orient && mode)
		f->orient = mode > 0 ? 1 : -1;
	int r = f->orient;
	FUNLOCK(f);
	return r;
}
