/*
 * vfprintf.c - the printf engine: every conversion (d i o u x X f F e E g
 * G a A c s p n % and C S m), all flags, widths and precisions including
 * '*' and '*m$', positional arguments %n$, and the length modifiers hh h l
 * ll j z t L q. Output goes to a sink (see printf_impl.h). A result longer
 * than INT_MAX fails with EOVERFLOW before the excess is produced.
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "libc.h"
#include "printf_impl.h"
#include "stdio_impl.h"

/* ---- sinks ---------------------------------------------------------------- */

/* Check that n more bytes keep the total within INT_MAX; else EOVERFLOW. */
int __qsoe_reserve(struct __qsoe_sink *k, size_t n)
{
	if (k->err)
		return -1;
	if (n > (size_t)INT_MAX - k->total) {
		k->err = EOVERFLOW;
		return -1;
	}
	return 0;
}

/* Grow the dynamic sink to hold need more bytes (plus a NUL). */
static int dyn_grow(struct __qsoe_sink *k, size_t need)
{
	size_t want = k->total + need + 1;
	if (want <= k->dcap)
		return 0;
	size_t cap = k->dcap ? k->dcap : 64;
	while (cap < want)
		cap = cap > SIZE_MAX / 2 ? want : cap * 2;
	char *b = realloc(k->dyn, cap);
	if (!b) {
		k->err = ENOMEM;
		return -1;
	}
	k->dyn = b;
	k->dcap = cap;
	return 0;
}

/* Append n bytes to the sink. */
void __qsoe_out(struct __qsoe_sink *k, const char *p, size_t n)
{
	if (k->err || !n)
		return;
	if (k->f) {
		if (__qsoe_fwrite_unlocked(p, n, k->f) != n)
			k->err = errno ? errno : EIO;
	} else if (k->isdyn) {
		if (dyn_grow(k, n))
			return;
		memcpy(k->dyn + k->total, p, n);
	} else if (k->room) {
		size_t c = n < k->room ? n : k->room;
		memcpy(k->s, p, c);
		k->s += c;
		k->room -= c;
	}
	k->total += n;
}

/* Append n copies of c. */
void __qsoe_pad(struct __qsoe_sink *k, int c, size_t n)
{
	char buf[64];

	if (k->err || !n)
		return;
	if (!k->f && !k->isdyn && k->room < n) {
		/* A full string sink only counts. */
		size_t c1 = k->room;
		memset(k->s, c, c1);
		k->s += c1;
		k->room = 0;
		k->total += n;
		return;
	}
	memset(buf, c, sizeof(buf));
	while (n) {
		size_t m = n < sizeof(buf) ? n : sizeof(buf);
		__qsoe_out(k, buf, m);
		n -= m;
	}
}

/* ---- arguments -------------------------------------------------------------- */

enum {
	A_NONE,
	A_INT,   /* int (also char, short) */
	A_UINT,  /* unsigned int */
	A_LONG,  /* long, ptrdiff_t, ssize_t */
	A_ULONG, /* unsigned long, size_t */
	A_LLONG,
	A_ULLONG,
	A_IMAX,
	A_UMAX,
	A_DBL,
	A_LDBL,
	A_PTR, /* any pointer */
};

union arg {
	long long i;
	unsigned long long u;
	double d;
	long double ld;
	void *p;
};

/* Length modifiers. */
enum { L_NONE, L_HH, L_H, L_L, L_LL, L_J, L_Z, L_T, L_BIGL };

/* Type of the argument a conversion consumes. */
static int arg_type(int conv, int len)
{
	switch (conv) {
	case 'd':
	case 'i':
		switch (len) {
		case L_L:
		case L_T:
			return A_LONG;
		case L_LL:
			return A_LLONG;
		case L_J:
			return A_IMAX;
		case L_Z:
			return A_LONG;
		default:
			return A_INT;
		}
	case 'o':
	case 'u':
	case 'x':
	case 'X':
		switch (len) {
		case L_L:
		case L_Z:
			return A_ULONG;
		case L_T:
			return A_LONG;
		case L_LL:
			return A_ULLONG;
		case L_J:
			return A_UMAX;
		default:
			return A_UINT;
		}
	case 'c':
		return len == L_L ? A_UINT : A_INT;
	case 'C':
		return A_UINT;
	case 'e':
	case 'E':
	case 'f':
	case 'F':
	case 'g':
	case 'G':
	case 'a':
	case 'A':
		return len == L_BIGL ? A_LDBL : A_DBL;
	case 's':
	case 'S':
	case 'p':
	case 'n':
		return A_PTR;
	default:
		return A_NONE;
	}
}

/* Fetch one argument of type t. */
static void fetch(union arg *a, int t, va_list *ap)
{
	switch (t) {
	case A_INT:
		a->i = va_arg(*ap, int);
		break;
	case A_UINT:
		a->u = va_arg(*ap, unsigned);
		break;
	case A_LONG:
		a->i = va_arg(*ap, long);
		break;
	case A_ULONG:
		a->u = va_arg(*ap, unsigned long);
		break;
	case A_LLONG:
		a->i = va_arg(*ap, long long);
		break;
	case A_ULLONG:
		a->u = va_arg(*ap, unsigned long long);
		break;
	case A_IMAX:
		a->i = va_arg(*ap, intmax_t);
		break;
	case A_UMAX:
		a->u = va_arg(*ap, uintmax_t);
		break;
	case A_DBL:
		a->d = va_arg(*ap, double);
		break;
	case A_LDBL:
		a->ld = va_arg(*ap, long double);
		break;
	case A_PTR:
		a->p = va_arg(*ap, void *);
		break;
	default:
		a->i = va_arg(*ap, int);
	}
}

/* Parse a decimal number at *pp (no sign); -1 if it exceeds INT_MAX. */
static int parse_num(const char **pp)
{
	const char *p = *pp;
	long v = 0;

	for (; *p >= '0' && *p <= '9'; p++) {
		v = v * 10 + (*p - '0');
		if (v > INT_MAX)
			v = (long)INT_MAX + 1;
	}
	*pp = p;
	return v > INT_MAX ? -1 : (int)v;
}

/* A parsed conversion specification. */
struct spec {
	int flags;
	int width;        /* -1: none */
	int prec;         /* -1: none */
	int wstar, pstar; /* 1: '*' given */
	int wpos, ppos;   /* positional '*m$' (0 if not) */
	int pos;          /* %n$ (0 if not) */
	int len;
	int conv;
	const char *start;
	size_t speclen;
};

/*
 * Parse the specification after '%' at p. Returns the position after it,
 * or NULL on a numeric overflow (width/precision/position > INT_MAX).
 */
static const char *parse_spec(const char *p, struct spec *s)
{
	memset(s, 0, sizeof(*s));
	s->start = p - 1;
	s->width = -1;
	s->prec = -1;
	/* n$ */
	if (*p >= '1' && *p <= '9') {
		const char *q = p;
		int n = parse_num(&q);
		if (*q == '$') {
			if (n < 0)
				return NULL;
			s->pos = n;
			p = q + 1;
		}
	}
	for (;; p++) {
		switch (*p) {
		case '-':
			s->flags |= PF_MINUS;
			continue;
		case '+':
			s->flags |= PF_PLUS;
			continue;
		case ' ':
			s->flags |= PF_SPACE;
			continue;
		case '#':
			s->flags |= PF_HASH;
			continue;
		case '0':
			s->flags |= PF_ZERO;
			continue;
		case '\'':
		case 'I':
			continue; /* grouping / locale digits: nothing to do in QSOE's locales */
		}
		break;
	}
	if (*p == '*') {
		p++;
		s->wstar = 1;
		if (*p >= '1' && *p <= '9') {
			const char *q = p;
			int n = parse_num(&q);
			if (*q == '$') {
				if (n < 0)
					return NULL;
				s->wpos = n;
				p = q + 1;
			}
		}
	} else if (*p >= '0' && *p <= '9') {
		s->width = parse_num(&p);
		if (s->width < 0)
			return NULL;
	}
	if (*p == '.') {
		p++;
		if (*p == '*') {
			p++;
			s->pstar = 1;
			if (*p >= '1' && *p <= '9') {
				const char *q = p;
				int n = parse_num(&q);
				if (*q == '$') {
					if (n < 0)
						return NULL;
					s->ppos = n;
					p = q + 1;
				}
			}
		} else {
			s->prec = parse_num(&p);
			if (s->prec < 0)
				return NULL;
		}
	}
	switch (*p) {
	case 'h':
		s->len = L_H;
		if (*++p == 'h') {
			s->len = L_HH;
			p++;
		}
		break;
	case 'l':
		s->len = L_L;
		if (*++p == 'l') {
			s->len = L_LL;
			p++;
		}
		break;
	case 'q':
		s->len = L_LL;
		p++;
		break;
	case 'j':
		s->len = L_J;
		p++;
		break;
	case 'z':
	case 'Z':
		s->len = L_Z;
		p++;
		break;
	case 't':
		s->len = L_T;
		p++;
		break;
	case 'L':
		s->len = L_BIGL;
		p++;
		break;
	}
	s->conv = (unsigned char)*p;
	if (*p)
		p++;
	s->speclen = (size_t)(p - s->start);
	return p;
}

/* ---- conversions ------------------------------------------------------------- */

/* Integer conversion of magnitude v (neg: it was negative). */
static void fmt_int(struct __qsoe_sink *k, const struct spec *s, unsigned long long v, int neg)
{
	char digits[32];
	int n = 0, base = 10, flags = s->flags, conv = s->conv;
	const char *dig = conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
	char pre[3];
	size_t plen = 0;

	if (conv == 'o')
		base = 8;
	else if (conv == 'x' || conv == 'X' || conv == 'p')
		base = 16;
	for (unsigned long long t = v; t; t /= (unsigned)base)
		digits[n++] = dig[t % (unsigned)base];
	if (conv == 'd' || conv == 'i') {
		if (neg)
			pre[plen++] = '-';
		else if (flags & PF_PLUS)
			pre[plen++] = '+';
		else if (flags & PF_SPACE)
			pre[plen++] = ' ';
	}
	if (((flags & PF_HASH) && v && (conv == 'x' || conv == 'X')) || conv == 'p') {
		pre[plen++] = '0';
		pre[plen++] = conv == 'X' ? 'X' : 'x';
	}
	size_t prec = s->prec >= 0 ? (size_t)s->prec : 1;
	size_t nd = (size_t)n;
	if (conv == 'o' && (flags & PF_HASH) && prec <= nd)
		prec = nd + 1; /* a leading 0 */
	size_t zeros = prec > nd ? prec - nd : 0;
	size_t len = plen + zeros + nd;
	size_t w = s->width > 0 ? (size_t)s->width : 0;
	int zpad = (flags & PF_ZERO) && !(flags & PF_MINUS) && s->prec < 0;

	if (__qsoe_reserve(k, len > w ? len : w))
		return;
	if (w > len && !(flags & PF_MINUS) && !zpad)
		__qsoe_pad(k, ' ', w - len);
	__qsoe_out(k, pre, plen);
	if (w > len && zpad)
		__qsoe_pad(k, '0', w - len);
	__qsoe_pad(k, '0', zeros);
	while (n)
		__qsoe_out(k, &digits[--n], 1);
	if (w > len && (flags & PF_MINUS))
		__qsoe_pad(k, ' ', w - len);
}

/* Output n bytes of text in a field. */
static void fmt_text(struct __qsoe_sink *k, const struct spec *s, const char *t, size_t n)
{
	size_t w = s->width > 0 ? (size_t)s->width : 0;

	if (__qsoe_reserve(k, n > w ? n : w))
		return;
	if (w > n && !(s->flags & PF_MINUS))
		__qsoe_pad(k, ' ', w - n);
	__qsoe_out(k, t, n);
	if (w > n && (s->flags & PF_MINUS))
		__qsoe_pad(k, ' ', w - n);
}

/* %ls: convert a wide string, at most prec bytes (whole characters only). */
static void fmt_wstr(struct __qsoe_sink *k, const struct spec *s, const wchar_t *ws)
{
	char mb[8];
	size_t total = 0, lim = s->prec >= 0 ? (size_t)s->prec : SIZE_MAX;
	mbstate_t st;

	if (!ws)
		ws = L"(null)";
	/* First pass: the byte length. */
	memset(&st, 0, sizeof(st));
	for (const wchar_t *p = ws; *p; p++) {
		size_t r = wcrtomb(mb, *p, &st);
		if (r == (size_t)-1) {
			k->err = EILSEQ;
			return;
		}
		if (total + r > lim)
			break;
		total += r;
	}
	size_t w = s->width > 0 ? (size_t)s->width : 0;
	if (__qsoe_reserve(k, total > w ? total : w))
		return;
	if (w > total && !(s->flags & PF_MINUS))
		__qsoe_pad(k, ' ', w - total);
	memset(&st, 0, sizeof(st));
	for (size_t done = 0; done < total; ws++) {
		size_t r = wcrtomb(mb, *ws, &st);
		__qsoe_out(k, mb, r);
		done += r;
	}
	if (w > total && (s->flags & PF_MINUS))
		__qsoe_pad(k, ' ', w - total);
}

/* Do one conversion with its argument. */
static void convert(struct __qsoe_sink *k, struct spec *s, union arg *a, int saved_errno)
{
	switch (s->conv) {
	case 'd':
	case 'i': {
		long long v = a->i;
		if (s->len == L_HH)
			v = (signed char)v;
		else if (s->len == L_H)
			v = (short)v;
		fmt_int(k, s, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v, v < 0);
		return;
	}
	case 'o':
	case 'u':
	case 'x':
	case 'X': {
		unsigned long long v = a->u;
		if (s->len == L_HH)
			v = (unsigned char)v;
		else if (s->len == L_H)
			v = (unsigned short)v;
		fmt_int(k, s, v, 0);
		return;
	}
	case 'p':
		if (!a->p) {
			fmt_text(k, s, "(nil)", 5);
			return;
		}
		s->prec = -1;
		fmt_int(k, s, (uintptr_t)a->p, 0);
		return;
	case 'c':
	case 'C':
		if (s->conv == 'C' || s->len == L_L) {
			char mb[8];
			mbstate_t st;
			memset(&st, 0, sizeof(st));
			size_t r = wcrtomb(mb, (wchar_t)a->u, &st);
			if (r == (size_t)-1) {
				k->err = EILSEQ;
				return;
			}
			fmt_text(k, s, mb, r);
		} else {
			char c = (char)a->i;
			fmt_text(k, s, &c, 1);
		}
		return;
	case 's':
	case 'S':
		if (s->conv == 'S' || s->len == L_L) {
			fmt_wstr(k, s, a->p);
		} else {
			/* NULL: "(null)", or nothing if the precision cannot hold it (as glibc). */
			const char *t = a->p ? a->p : (s->prec < 0 || s->prec >= 6) ? "(null)" : "";
			size_t n = s->prec >= 0 ? strnlen(t, (size_t)s->prec) : strlen(t);
			fmt_text(k, s, t, n);
		}
		return;
	case 'm': {
		const char *t = strerror(saved_errno);
		size_t n = s->prec >= 0 ? strnlen(t, (size_t)s->prec) : strlen(t);
		fmt_text(k, s, t, n);
		return;
	}
	case 'n': {
		int n = (int)k->total;
		switch (s->len) {
		case L_HH:
			*(signed char *)a->p = (signed char)n;
			break;
		case L_H:
			*(short *)a->p = (short)n;
			break;
		case L_L:
		case L_Z:
		case L_T:
			*(long *)a->p = n;
			break;
		case L_LL:
		case L_J:
			*(long long *)a->p = n;
			break;
		default:
			*(int *)a->p = n;
		}
		return;
	}
	case 'e':
	case 'E':
	case 'f':
	case 'F':
	case 'g':
	case 'G':
	case 'a':
	case 'A': {
		struct __qsoe_fp x;
		if (s->len == L_BIGL)
			__qsoe_fp_ldouble(&x, a->ld);
		else
			__qsoe_fp_double(&x, a->d);
		__qsoe_fmt_fp(k, &x, s->flags, s->width, s->prec, s->conv);
		return;
	}
	case '%':
		__qsoe_out(k, "%", 1);
		return;
	default:
		/* Not a conversion: print the specification as it was written. */
		__qsoe_out(k, s->start, s->speclen);
	}
}

/* Apply a '*' width or precision value. */
static void star_width(struct spec *s, long long v)
{
	if (v < 0) {
		s->flags |= PF_MINUS;
		v = -v;
	}
	s->width = v > INT_MAX ? -2 : (int)v;
}

static void star_prec(struct spec *s, long long v)
{
	s->prec = v < 0 ? -1 : (int)v;
}

/* Positional form: collect the types of all arguments, then fetch them in order. */
static int positional(struct __qsoe_sink *k, const char *fmt, va_list *ap, int saved_errno)
{
	int maxpos = 0;
	unsigned char small[64];
	unsigned char *types = small;
	union arg smallv[64], *vals = smallv;
	struct spec s;
	int ret = -1;

	/* Pass 1: highest position used. */
	for (const char *p = fmt; (p = strchr(p, '%'));) {
		if (p[1] == '%') {
			p += 2;
			continue;
		}
		p = parse_spec(p + 1, &s);
		if (!p || (!s.pos && s.conv != '%')) {
			k->err = p ? EINVAL : EOVERFLOW;
			return -1;
		}
		maxpos = QSOE_MAX(maxpos, QSOE_MAX(s.pos, QSOE_MAX(s.wpos, s.ppos)));
		if ((s.wstar && !s.wpos) || (s.pstar && !s.ppos)) {
			k->err = EINVAL;
			return -1;
		}
	}
	if (maxpos > 64) {
		types = calloc((size_t)maxpos, 1);
		vals = calloc((size_t)maxpos, sizeof(*vals));
		if (!types || !vals) {
			k->err = ENOMEM;
			goto out;
		}
	} else {
		memset(small, 0, sizeof(small));
	}
	/* Pass 2: types by position. */
	for (const char *p = fmt; (p = strchr(p, '%'));) {
		if (p[1] == '%') {
			p += 2;
			continue;
		}
		p = parse_spec(p + 1, &s);
		int t = arg_type(s.conv, s.len);
		if (s.pos && t != A_NONE)
			types[s.pos - 1] = (unsigned char)t;
		if (s.wpos)
			types[s.wpos - 1] = A_INT;
		if (s.ppos)
			types[s.ppos - 1] = A_INT;
	}
	for (int i = 0; i < maxpos; i++)
		fetch(&vals[i], types[i] ? types[i] : A_INT, ap);
	/* Pass 3: output. */
	for (const char *p = fmt; *p && !k->err;) {
		const char *pc = strchrnul(p, '%');
		__qsoe_out(k, p, (size_t)(pc - p));
		if (!*pc)
			break;
		if (pc[1] == '%') {
			__qsoe_out(k, "%", 1);
			p = pc + 2;
			continue;
		}
		p = parse_spec(pc + 1, &s);
		if (s.wpos)
			star_width(&s, vals[s.wpos - 1].i);
		if (s.ppos)
			star_prec(&s, vals[s.ppos - 1].i);
		if (s.width == -2) {
			k->err = EOVERFLOW;
			break;
		}
		convert(k, &s, s.pos ? &vals[s.pos - 1] : &vals[0], saved_errno);
	}
	ret = 0;
out:
	if (types != small)
		free(types);
	if (vals != smallv)
		free(vals);
	return ret;
}

/*
 * Format into sink k. Returns the number of bytes produced, or -1 with
 * errno (EOVERFLOW, EILSEQ, EINVAL for mixed positional forms, ENOMEM, or
 * the FILE's write error).
 */
int __qsoe_vprintf(struct __qsoe_sink *k, const char *fmt, va_list ap0)
{
	int saved_errno = errno;
	va_list ap;
	struct spec s;

	va_copy(ap, ap0);
	/* Positional arguments are all or nothing: look at the first conversion. */
	for (const char *p = fmt; (p = strchr(p, '%'));) {
		if (p[1] == '%') {
			p += 2;
			continue;
		}
		const char *q = parse_spec(p + 1, &s);
		if (q && s.pos) {
			positional(k, fmt, &ap, saved_errno);
			goto done;
		}
		break;
	}
	for (const char *p = fmt; *p && !k->err;) {
		const char *pc = strchrnul(p, '%');
		__qsoe_out(k, p, (size_t)(pc - p));
		if (!*pc)
			break;
		p = parse_spec(pc + 1, &s);
		if (!p) {
			k->err = EOVERFLOW;
			break;
		}
		if (s.pos || s.wpos || s.ppos) {
			k->err = EINVAL;
			break;
		}
		if (s.wstar)
			star_width(&s, va_arg(ap, int));
		if (s.pstar)
			star_prec(&s, va_arg(ap, int));
		if (s.width == -2) {
			k->err = EOVERFLOW;
			break;
		}
		union arg a = {0};
		int t = arg_type(s.conv, s.len);
		if (t != A_NONE)
			fetch(&a, t, &ap);
		convert(k, &s, &a, saved_errno);
	}
done:
	va_end(ap);
	if (k->err) {
		errno = k->err;
		return -1;
	}
	return (int)k->total;
}
