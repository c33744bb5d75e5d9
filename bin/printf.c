/*
 * printf - write formatted output (POSIX).
 *
 * The format is reused while arguments remain. Conversions: d i o u x X c s b
 * e E f F g G a A and %%, with flags, field width and precision (also '*'),
 * length modifiers accepted and ignored. Numeric arguments may be C constants
 * (0x1f, 017) or a quote followed by a character. %b interprets backslash
 * escapes in its argument, and \c there ends all output.
 */
#include "qu.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

QU_USAGE("Usage: printf format [argument...]\n"
         "Writes the arguments under control of format (see printf(1)).\n");

static int status;
static int argi, nargs;
static char **args;
static int stop_all; /* \c seen in %b */

/* Returns the next argument or NULL when they are used up. */
static const char *next_arg(void)
{
	return argi < nargs ? args[argi++] : NULL;
}

/* Reports a bad numeric argument as coreutils does. */
static void num_error(const char *s, const char *end, int e)
{
	if (e == ERANGE)
		qu_errno(ERANGE, "%s", qu_quote(s));
	else if (end == s)
		qu_err("%s: expected a numeric value", qu_quote(s));
	else
		qu_err("%s: value not completely converted", qu_quote(s));
	status = 1;
}

/* Value of a 'c or "c argument (the character's code), or -1 if not one. */
static int char_const(const char *s, long double *v)
{
	if (*s != '\'' && *s != '"')
		return -1;
	if (!s[1]) {
		qu_err("%s: expected a numeric value", qu_quote(s));
		status = 1;
		*v = 0;
		return 0;
	}
	*v = (unsigned char)s[1];
	return 0;
}

/* Converts an argument for an integer conversion. */
static long long get_signed(const char *s)
{
	long double c;
	char *end;
	long long v;

	if (!s || !*s)
		return 0;
	if (char_const(s, &c) == 0)
		return (long long)c;
	errno = 0;
	v = strtoll(s, &end, 0);
	if (errno || end == s || *end)
		num_error(s, end, errno);
	return v;
}

/* Converts an argument for an unsigned conversion. */
static unsigned long long get_unsigned(const char *s)
{
	long double c;
	char *end;
	unsigned long long v;

	if (!s || !*s)
		return 0;
	if (char_const(s, &c) == 0)
		return (unsigned long long)c;
	errno = 0;
	v = strtoull(s, &end, 0);
	if (errno || end == s || *end)
		num_error(s, end, errno);
	return v;
}

/* Converts an argument for a floating conversion. */
static long double get_float(const char *s)
{
	long double v;
	char *end;

	if (!s || !*s)
		return 0;
	if (char_const(s, &v) == 0)
		return v;
	errno = 0;
	v = strtold(s, &end);
	if (errno || end == s || *end)
		num_error(s, end, errno);
	return v;
}

/* Decodes the escape at *pp (just after the backslash) into *out.
 * in_b selects %b rules (\0ddd octal, \c). Returns 1 for \c, 0 otherwise,
 * and advances *pp; if the escape is unknown, *out is -1 (print it as is). */
static int escape(const char **pp, int *out, int in_b)
{
	const char *p = *pp;
	int c = (unsigned char)*p++, v, i;

	switch (c) {
	case 'a':
		c = '\a';
		break;
	case 'b':
		c = '\b';
		break;
	case 'f':
		c = '\f';
		break;
	case 'n':
		c = '\n';
		break;
	case 'r':
		c = '\r';
		break;
	case 't':
		c = '\t';
		break;
	case 'v':
		c = '\v';
		break;
	case '\\':
	case '"':
	case '\'':
		break;
	case 'c':
		*pp = p;
		return 1;
	case 'x':
		for (v = 0, i = 0; i < 2; i++, p++) {
			int d = *p;
			if (d >= '0' && d <= '9')
				d -= '0';
			else if (d >= 'a' && d <= 'f')
				d -= 'a' - 10;
			else if (d >= 'A' && d <= 'F')
				d -= 'A' - 10;
			else
				break;
			v = v * 16 + d;
		}
		if (i == 0) {
			c = -1;
			p = *pp;
			break;
		}
		c = v;
		break;
	default:
		if (c >= '0' && c <= '7') {
			int max = 3;
			v = c - '0';
			if (in_b && c == '0')
				v = 0;
			else
				max = 2;
			for (i = 0; i < max && *p >= '0' && *p <= '7'; i++, p++)
				v = v * 8 + (*p - '0');
			c = v & 0xff;
			break;
		}
		c = -1;
		p = *pp;
		break;
	}
	*pp = p;
	*out = c;
	return 0;
}

/* Writes s with %b escape processing; sets stop_all on \c. */
static void put_b(const char *s, int prec, int width, int left)
{
	char *buf = qu_malloc(strlen(s) + 1);
	size_t n = 0;
	int c;

	while (*s) {
		if (*s != '\\' || !s[1]) {
			buf[n++] = *s++;
			continue;
		}
		s++;
		if (escape(&s, &c, 1)) {
			stop_all = 1;
			break;
		}
		if (c < 0)
			buf[n++] = '\\';
		else
			buf[n++] = (char)c;
	}
	if (prec >= 0 && (size_t)prec < n)
		n = (size_t)prec;
	if (!left)
		for (; width > (int)n; width--)
			putchar(' ');
	fwrite(buf, 1, n, stdout);
	for (; width > (int)n; width--)
		putchar(' ');
	free(buf);
}

/* Processes one conversion starting at fmt ('%'); returns the position after
 * it, or NULL after reporting an invalid specification. */
static const char *conversion(const char *fmt)
{
	const char *p = fmt + 1, *a;
	char spec[64];
	int width = 0, prec = -1, have_w = 0, have_p = 0, len = 0;
	char conv;

	spec[len++] = '%';
	while (*p && strchr("-+ #0", *p)) {
		if (len < 10)
			spec[len++] = *p;
		p++;
	}
	if (*p == '*') {
		width = (int)get_signed(next_arg());
		have_w = 1;
		p++;
	} else if (*p >= '0' && *p <= '9') {
		width = (int)strtol(p, (char **)&p, 10);
		have_w = 1;
	}
	if (*p == '.') {
		p++;
		if (*p == '*') {
			prec = (int)get_signed(next_arg());
			p++;
		} else {
			prec = (int)strtol(p, (char **)&p, 10);
		}
		have_p = 1;
		if (prec < 0)
			have_p = 0, prec = -1;
	}
	while (*p && strchr("hlLqjzt", *p))
		p++;
	conv = *p;
	if (!conv || !strchr("diouxXcsbeEfFgGaA", conv)) {
		int n = conv ? (int)(p - fmt) + 1 : (int)(p - fmt);
		qu_err("%.*s: invalid conversion specification", n, fmt);
		status = 1;
		return NULL;
	}
	if (have_w)
		len += sprintf(spec + len, "*");
	if (have_p)
		len += sprintf(spec + len, ".*");
	a = NULL;
	switch (conv) {
	case 'd':
	case 'i':
		strcpy(spec + len, "lld");
		break;
	case 'o':
	case 'u':
	case 'x':
	case 'X':
		sprintf(spec + len, "ll%c", conv);
		break;
	case 'c':
	case 's':
		sprintf(spec + len, "%c", conv);
		break;
	case 'b':
		break;
	default:
		sprintf(spec + len, "L%c", conv);
		break;
	}
	if (!have_w)
		width = 0;
		/* printf with the right number of * arguments */
#define EMIT(val)                                       \
	do {                                            \
		if (have_w && have_p)                   \
			printf(spec, width, prec, val); \
		else if (have_w)                        \
			printf(spec, width, val);       \
		else if (have_p)                        \
			printf(spec, prec, val);        \
		else                                    \
			printf(spec, val);              \
	} while (0)
	switch (conv) {
	case 'd':
	case 'i':
		EMIT(get_signed(next_arg()));
		break;
	case 'o':
	case 'u':
	case 'x':
	case 'X':
		EMIT(get_unsigned(next_arg()));
		break;
	case 'c':
		a = next_arg();
		EMIT(a ? (int)(unsigned char)a[0] : 0);
		break;
	case 's':
		a = next_arg();
		EMIT(a ? a : "");
		break;
	case 'b':
		a = next_arg();
		put_b(a ? a : "", prec, width < 0 ? -width : width,
		      strchr(spec, '-') != NULL || width < 0);
		break;
	default:
		EMIT(get_float(next_arg()));
		break;
	}
#undef EMIT
	return p + 1;
}

/* Writes the format once; returns 0, or -1 to stop (error or \c). */
static int run_format(const char *fmt)
{
	const char *p = fmt;
	int c;

	while (*p) {
		if (*p == '\\') {
			p++;
			if (!*p) {
				putchar('\\');
				break;
			}
			if (escape(&p, &c, 0))
				return -1;
			if (c < 0)
				putchar('\\');
			else
				putchar(c);
			continue;
		}
		if (*p == '%') {
			if (p[1] == '%') {
				putchar('%');
				p += 2;
				continue;
			}
			p = conversion(p);
			if (!p || stop_all)
				return -1;
			continue;
		}
		putchar(*p++);
	}
	return 0;
}

int main(int argc, char **argv)
{
	const char *fmt;
	int before;

	qu_init(argv[0]);
	qu_getopt(argc, argv, "");
	if (qu_optind >= argc)
		qu_usage(1, "missing operand");
	fmt = argv[qu_optind];
	args = argv + qu_optind + 1;
	nargs = argc - qu_optind - 1;
	do {
		before = argi;
		if (run_format(fmt) != 0)
			break;
	} while (argi < nargs && argi > before);
	if (argi == 0 && nargs > 0 && !stop_all && !status)
		qu_err("warning: ignoring excess arguments, starting with %s", qu_quote(args[0]));
	return status;
}
