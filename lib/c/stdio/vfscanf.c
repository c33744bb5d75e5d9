/*
 * vfscanf.c - the scanf engine: conversions d i o u x X n a e f g A E F G
 * s c [ p % and C S, assignment suppression (*), field widths, the 'm'
 * allocation modifier, length modifiers hh h l ll j z t L q, and %n$
 * positional arguments. Input comes from a locked FILE or a string; only
 * one character of push-back is ever needed (the C rules: a conversion
 * consumes the longest prefix of a valid item, so "1e+x" fails for %f).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "libc.h"
#include "floatscan.h"
#include "stdio_impl.h"

unsigned long long __qsoe_strtox(const char *s, char **end, int base, unsigned long long lim,
                                 unsigned long long neglim);

struct in {
	FILE *f;
	const unsigned char *s;
	long long count; /* characters consumed */
	int eof;         /* end of input seen */
};

static int get(struct in *in)
{
	int c;

	if (in->f)
		c = __qsoe_getc_unlocked(in->f);
	else
		c = *in->s ? *in->s++ : EOF;
	if (c == EOF)
		in->eof = 1;
	else
		in->count++;
	return c;
}

static void unget(struct in *in, int c)
{
	if (c == EOF)
		return;
	in->count--;
	if (in->f) {
		*--in->f->rpos = (unsigned char)c;
		in->f->flags &= ~F_EOF;
	} else {
		in->s--;
	}
}

/* A growable byte buffer for numbers and strings. */
struct buf {
	char *p;
	size_t n, cap;
	char small[128];
	int oom;
};

static void binit(struct buf *b)
{
	b->p = b->small;
	b->n = 0;
	b->cap = sizeof(b->small);
	b->oom = 0;
}

static void bput(struct buf *b, int c)
{
	if (b->n + 1 >= b->cap) {
		size_t cap = b->cap * 2;
		char *q = b->p == b->small ? malloc(cap) : realloc(b->p, cap);
		if (!q) {
			b->oom = 1;
			return;
		}
		if (b->p == b->small)
			memcpy(q, b->small, b->n);
		b->p = q;
		b->cap = cap;
	}
	b->p[b->n++] = (char)c;
	b->p[b->n] = '\0';
}

static void bfree(struct buf *b)
{
	if (b->p != b->small)
		free(b->p);
}

/* Length modifiers. */
enum { L_NONE, L_HH, L_H, L_L, L_LL, L_J, L_Z, L_T, L_BIGL };

/* Store an integer through p according to the length modifier. */
static void store_int(void *p, int len, unsigned long long v)
{
	switch (len) {
	case L_HH:
		*(unsigned char *)p = (unsigned char)v;
		break;
	case L_H:
		*(unsigned short *)p = (unsigned short)v;
		break;
	case L_L:
	case L_Z:
	case L_T:
		*(unsigned long *)p = (unsigned long)v;
		break;
	case L_LL:
	case L_J:
		*(unsigned long long *)p = v;
		break;
	default:
		*(unsigned *)p = (unsigned)v;
	}
}

static int hexdig(int c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

/*
 * Collect an integer's text (at most width chars) into b. Returns 0 if the
 * collected text is a complete number, -1 otherwise.
 */
static int scan_int(struct in *in, struct buf *b, long width, int base)
{
	int c = get(in);
	int ndig = 0;

	if ((c == '+' || c == '-') && width > 0) {
		bput(b, c);
		width--;
		c = get(in);
	}
	if ((base == 0 || base == 16) && c == '0' && width > 0) {
		bput(b, c);
		width--;
		ndig = 1;
		c = get(in);
		if ((c | 0x20) == 'x' && width > 0) {
			int c2 = width > 1 ? get(in) : EOF;
			if (hexdig(c2)) {
				bput(b, c);
				width--;
				base = 16;
				ndig = 0;
				c = c2;
			} else {
				/* "0x" not followed by a hex digit: the number is "0". */
				unget(in, c2);
				unget(in, c);
				return 0;
			}
		} else if (base == 0) {
			base = 8;
		}
	}
	if (base == 0)
		base = 10;
	for (; width > 0; width--) {
		int d = c >= '0' && c <= '9'                       ? c - '0'
		        : ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ? (c | 0x20) - 'a' + 10
		                                                   : 99;
		if (d >= base)
			break;
		bput(b, c);
		ndig++;
		c = get(in);
	}
	unget(in, width > 0 ? c : c);
	return ndig ? 0 : -1;
}

/* Case-insensitively match word after the first character already in b. */
static int scan_word(struct in *in, struct buf *b, long *width, const char *w)
{
	for (; *w; w++) {
		if (*width <= 0)
			return -1;
		int c = get(in);
		if ((c | 0x20) != *w) {
			unget(in, c);
			return -1;
		}
		bput(b, c);
		(*width)--;
	}
	return 0;
}

/*
 * Collect the longest prefix of a floating constant (decimal, hex, inf,
 * infinity, nan, nan(...)) of at most width characters into b. Returns 0
 * if it is a complete constant.
 */
static int scan_float(struct in *in, struct buf *b, long width)
{
	int c = get(in);
	int ndig = 0, hex = 0;

	if ((c == '+' || c == '-') && width > 0) {
		bput(b, c);
		width--;
		c = get(in);
	}
	if (width > 0 && (c | 0x20) == 'i') {
		bput(b, c);
		width--;
		if (scan_word(in, b, &width, "nf"))
			return -1;
		/* optional "inity" */
		long w2 = width;
		if (width > 0) {
			int d = get(in);
			if ((d | 0x20) == 'i') {
				bput(b, d);
				w2--;
				if (scan_word(in, b, &w2, "nity"))
					return -1;
			} else {
				unget(in, d);
			}
		}
		return 0;
	}
	if (width > 0 && (c | 0x20) == 'n') {
		bput(b, c);
		width--;
		if (scan_word(in, b, &width, "an"))
			return -1;
		if (width > 0) {
			int d = get(in);
			if (d == '(') {
				bput(b, d);
				width--;
				for (;;) {
					if (width <= 0)
						return -1;
					d = get(in);
					width--;
					if (d == ')') {
						bput(b, d);
						return 0;
					}
					if (!isalnum(d) && d != '_') {
						unget(in, d);
						return -1;
					}
					bput(b, d);
				}
			}
			unget(in, d);
		}
		return 0;
	}
	if (width > 0 && c == '0') {
		bput(b, c);
		width--;
		ndig = 1;
		c = get(in);
		if (width > 0 && (c | 0x20) == 'x') {
			bput(b, c);
			width--;
			hex = 1;
			ndig = 0;
			c = get(in);
		}
	}
	for (; width > 0 && (hex ? hexdig(c) : (c >= '0' && c <= '9')); width--) {
		bput(b, c);
		ndig++;
		c = get(in);
	}
	if (width > 0 && c == '.') {
		bput(b, c);
		width--;
		c = get(in);
		for (; width > 0 && (hex ? hexdig(c) : (c >= '0' && c <= '9')); width--) {
			bput(b, c);
			ndig++;
			c = get(in);
		}
	}
	if (!ndig) {
		unget(in, c);
		return -1;
	}
	if (width > 0 && (c | 0x20) == (hex ? 'p' : 'e')) {
		bput(b, c);
		width--;
		c = get(in);
		if (width > 0 && (c == '+' || c == '-')) {
			bput(b, c);
			width--;
			c = get(in);
		}
		int nexp = 0;
		for (; width > 0 && c >= '0' && c <= '9'; width--) {
			bput(b, c);
			nexp++;
			c = get(in);
		}
		unget(in, c);
		return nexp ? 0 : -1;
	}
	unget(in, c);
	return 0;
}

/* Parse a scanset after '[' at p into set; returns the position after ']' or NULL. */
static const unsigned char *scanset(const unsigned char *p, unsigned char set[256])
{
	int invert = 0;

	if (*p == '^') {
		invert = 1;
		p++;
	}
	memset(set, 0, 256);
	if (*p == ']') {
		set[']'] = 1;
		p++;
	}
	for (; *p && *p != ']'; p++) {
		if (*p == '-' && p[1] && p[1] != ']' && p[-1] != '[' && p[-1] != '^') {
			for (int c = p[-1]; c <= p[1]; c++)
				set[c] = 1;
			p++;
			continue;
		}
		set[*p] = 1;
	}
	if (!*p)
		return NULL;
	if (invert)
		for (int i = 0; i < 256; i++)
			set[i] = !set[i];
	return p + 1;
}

/* Argument access, sequential or positional. */
struct args {
	va_list ap;
	void **pos; /* positional: all pointers, fetched up front */
	int npos;
};

static void *next_arg(struct args *a, int pos)
{
	if (pos)
		return pos <= a->npos ? a->pos[pos - 1] : NULL;
	return va_arg(a->ap, void *);
}

/* Highest %n$ in fmt, or 0. */
static int max_pos(const char *fmt)
{
	int m = 0;

	for (const char *p = fmt; (p = strchr(p, '%'));) {
		p++;
		if (*p == '%') {
			p++;
			continue;
		}
		long n = 0;
		const char *q = p;
		while (*q >= '0' && *q <= '9' && n < INT_MAX)
			n = n * 10 + (*q++ - '0');
		if (*q == '$' && n > m)
			m = (int)n;
	}
	return m;
}

/*
 * Scan from f (locked) or from string s according to fmt. Returns the
 * number of items assigned, or EOF if input ended (or failed) before the
 * first conversion.
 */
int __qsoe_vfscanf_unlocked(FILE *f, const char *str, const char *fmt, va_list ap)
{
	struct in in = {f, (const unsigned char *)str, 0, 0};
	struct args a;
	int assigned = 0, converted = 0;
	const unsigned char *p = (const unsigned char *)fmt;
	void *posbuf[32];

	va_copy(a.ap, ap);
	a.pos = NULL;
	a.npos = max_pos(fmt);
	if (a.npos) {
		a.pos = a.npos <= 32 ? posbuf : malloc((size_t)a.npos * sizeof(void *));
		if (!a.pos) {
			va_end(a.ap);
			errno = ENOMEM;
			return EOF;
		}
		for (int i = 0; i < a.npos; i++)
			a.pos[i] = va_arg(a.ap, void *);
	}
	if (f && __qsoe_toread(f)) {
		assigned = EOF;
		goto out;
	}

	while (*p) {
		if (isspace(*p)) {
			int c;
			while ((c = get(&in)) != EOF && isspace(c))
				;
			unget(&in, c);
			while (isspace(*p))
				p++;
			continue;
		}
		if (*p != '%' || p[1] == '%') {
			if (*p == '%') {
				p++;
				int c;
				while ((c = get(&in)) != EOF && isspace(c))
					;
				if (c != '%') {
					unget(&in, c);
					goto fail_or_eof;
				}
				p++;
				continue;
			}
			int c = get(&in);
			if (c != *p) {
				unget(&in, c);
				goto fail_or_eof;
			}
			p++;
			continue;
		}
		/* A conversion specification. */
		p++;
		int pos = 0, suppress = 0, alloc = 0, len = L_NONE;
		long width = -1;
		if (*p >= '1' && *p <= '9') {
			const unsigned char *q = p;
			long n = 0;
			while (*q >= '0' && *q <= '9' && n < INT_MAX)
				n = n * 10 + (*q++ - '0');
			if (*q == '$') {
				pos = (int)n;
				p = q + 1;
			}
		}
		if (*p == '*') {
			suppress = 1;
			p++;
		}
		if (*p >= '0' && *p <= '9') {
			width = 0;
			while (*p >= '0' && *p <= '9') {
				if (width < INT_MAX)
					width = width * 10 + (*p - '0');
				p++;
			}
			if (width == 0)
				width = -1;
		}
		if (*p == 'm') {
			alloc = 1;
			p++;
		}
		switch (*p) {
		case 'h':
			len = L_H;
			if (*++p == 'h') {
				len = L_HH;
				p++;
			}
			break;
		case 'l':
			len = L_L;
			if (*++p == 'l') {
				len = L_LL;
				p++;
			}
			break;
		case 'q':
			len = L_LL;
			p++;
			break;
		case 'j':
			len = L_J;
			p++;
			break;
		case 'z':
			len = L_Z;
			p++;
			break;
		case 't':
			len = L_T;
			p++;
			break;
		case 'L':
			len = L_BIGL;
			p++;
			break;
		}
		int conv = *p++;
		if (!conv)
			goto out;
		if (conv == 'C') {
			conv = 'c';
			len = L_L;
		} else if (conv == 'S') {
			conv = 's';
			len = L_L;
		}
		if (conv == 'n') {
			if (!suppress)
				store_int(next_arg(&a, pos), len, (unsigned long long)in.count);
			continue;
		}
		if (conv != '[' && conv != 'c') {
			int c;
			while ((c = get(&in)) != EOF && isspace(c))
				;
			unget(&in, c);
		}
		if (width < 0)
			width = conv == 'c' ? 1 : LONG_MAX;

		struct buf b;
		binit(&b);
		int base = 10, fail = 0;
		switch (conv) {
		case 'd':
		case 'u':
		case 'i':
		case 'o':
		case 'x':
		case 'X':
		case 'p': {
			base = conv == 'i'                                   ? 0
			       : conv == 'o'                                 ? 8
			       : (conv == 'x' || conv == 'X' || conv == 'p') ? 16
			                                                     : 10;
			int start_eof = 0;
			{
				int c = get(&in);
				start_eof = c == EOF;
				unget(&in, c);
			}
			if (start_eof) {
				bfree(&b);
				goto input_failure;
			}
			if (scan_int(&in, &b, width, base) || b.oom) {
				fail = 1;
				break;
			}
			unsigned long long v;
			if (conv == 'd' || conv == 'i')
				v = (unsigned long long)__qsoe_strtox(
				        b.p, NULL, base, LLONG_MAX,
				        (unsigned long long)LLONG_MAX + 1);
			else
				v = __qsoe_strtox(b.p, NULL, base, ULLONG_MAX, ULLONG_MAX);
			if (!suppress) {
				void *dst = next_arg(&a, pos);
				if (conv == 'p')
					*(void **)dst = (void *)(uintptr_t)v;
				else
					store_int(dst, len, v);
				assigned++;
			}
			converted++;
			break;
		}
		case 'a':
		case 'A':
		case 'e':
		case 'E':
		case 'f':
		case 'F':
		case 'g':
		case 'G': {
			int c = get(&in);
			unget(&in, c);
			if (c == EOF) {
				bfree(&b);
				goto input_failure;
			}
			if (scan_float(&in, &b, width) || b.oom) {
				fail = 1;
				break;
			}
			char *end;
			int fmtno = len == L_BIGL ? QSOE_LDBL : len == L_L ? QSOE_DBL : QSOE_FLT;
			int e = errno;
			unsigned __int128 bits = __qsoe_floatscan(b.p, &end, fmtno);
			errno = e;
			if (*end) {
				fail = 1;
				break;
			}
			if (!suppress) {
				void *dst = next_arg(&a, pos);
				if (fmtno == QSOE_FLT) {
					uint32_t u = (uint32_t)bits;
					memcpy(dst, &u, 4);
				} else if (fmtno == QSOE_DBL) {
					uint64_t u = (uint64_t)bits;
					memcpy(dst, &u, 8);
				} else {
					memcpy(dst, &bits, 16);
				}
				assigned++;
			}
			converted++;
			break;
		}
		case 's':
		case 'c':
		case '[': {
			unsigned char set[256];
			if (conv == '[') {
				p = scanset(p, set);
				if (!p) {
					bfree(&b);
					goto out;
				}
			}
			long n = 0;
			int c = EOF;
			while (n < width) {
				c = get(&in);
				if (c == EOF)
					break;
				if ((conv == 's' && isspace(c)) || (conv == '[' && !set[c]))
					break;
				bput(&b, c);
				n++;
				c = EOF;
			}
			unget(&in, c);
			if (b.oom) {
				errno = ENOMEM;
				fail = 1;
				break;
			}
			if (n == 0 || (conv == 'c' && n < width)) {
				bfree(&b);
				if (in.eof && n == 0)
					goto input_failure;
				goto out; /* matching failure (a short %Nc too, as C requires) */
			}
			if (!suppress) {
				void *dst = next_arg(&a, pos);
				char *out;
				if (len == L_L) {
					/* Wide result: convert the bytes. */
					wchar_t *w =
					        alloc ? malloc(((size_t)n + 1) * sizeof(wchar_t))
					              : dst;
					if (!w) {
						errno = ENOMEM;
						fail = 1;
						break;
					}
					mbstate_t st;
					memset(&st, 0, sizeof(st));
					size_t k = 0;
					for (size_t i = 0; i < (size_t)n;) {
						size_t r =
						        mbrtowc(&w[k], b.p + i, (size_t)n - i, &st);
						if (r == (size_t)-1 || r == (size_t)-2) {
							if (alloc)
								free(w);
							errno = EILSEQ;
							fail = 1;
							break;
						}
						i += r ? r : 1;
						k++;
					}
					if (fail)
						break;
					if (conv != 'c')
						w[k] = 0;
					if (alloc)
						*(wchar_t **)dst = w;
				} else {
					if (alloc) {
						out = malloc((size_t)n + 1);
						if (!out) {
							errno = ENOMEM;
							fail = 1;
							break;
						}
						*(char **)dst = out;
					} else {
						out = dst;
					}
					memcpy(out, b.p, (size_t)n);
					if (conv != 'c')
						out[n] = '\0';
				}
				assigned++;
			}
			converted++;
			break;
		}
		default:
			bfree(&b);
			goto out;
		}
		bfree(&b);
		if (fail)
			goto out; /* matching failure: the item had characters but was not valid */
	}
	goto out;

input_failure:
	if (!converted)
		assigned = EOF;
	goto out;
fail_or_eof:
	if (!converted && in.eof)
		assigned = EOF;
out:
	if (a.pos && a.pos != posbuf)
		free(a.pos);
	va_end(a.ap);
	return assigned;
}
