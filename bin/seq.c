/*
 * seq - print a sequence of numbers: seq [-w] [-f format] [-s sep] [first [incr]] last.
 *
 * Integer operands are counted exactly in long long; otherwise in long double
 * with as many decimals as the operands have (as coreutils prints them).
 */
#include "qu.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

QU_USAGE("Usage: seq [-w] [-f format] [-s separator] [first [increment]] last\n"
         "  -f  printf format for each number (one %e, %f or %g conversion)\n"
         "  -s  separator between numbers (default newline)\n"
         "  -w  pad with leading zeros to equal width\n");

/* Parses a number operand; returns 0 or -1. Records its decimals. */
static int parse(const char *s, long double *v, int *decimals, int *isint)
{
	char *end;
	const char *dot;

	errno = 0;
	*v = strtold(s, &end);
	if (end == s || *end || errno == ERANGE || isnan(*v))
		return -1;
	dot = strchr(s, '.');
	*isint = !dot && !strpbrk(s, "eExXpPiInN");
	*decimals = 0;
	if (dot && !strpbrk(s, "eE"))
		*decimals = (int)strspn(dot + 1, "0123456789");
	return 0;
}

/* Parses the integer operands exactly into ll (first, incr, last);
 * returns 0 if one does not fit in a long long. */
static int exact_ints(int argc, char **argv, int n, long long ll[3])
{
	int i;

	ll[0] = ll[1] = 1;
	for (i = 0; i < n; i++) {
		int slot = n == 1 ? 2 : (n == 2 ? (i == 0 ? 0 : 2) : i);
		if (qu_parse_num(argv[argc - n + i], &ll[slot]) != 0)
			return 0;
	}
	return 1;
}

/* Checks that fmt has exactly one floating conversion; returns 0 or -1. */
static int check_format(const char *fmt)
{
	int n = 0;

	for (; *fmt; fmt++) {
		if (*fmt != '%')
			continue;
		if (fmt[1] == '%') {
			fmt++;
			continue;
		}
		fmt++;
		fmt += strspn(fmt, "-+ #0'");
		fmt += strspn(fmt, "0123456789");
		if (*fmt == '.') {
			fmt++;
			fmt += strspn(fmt, "0123456789");
		}
		if (!*fmt || !strchr("eEfFgGaA", *fmt))
			return -1;
		n++;
	}
	return n == 1 ? 0 : -1;
}

/* Prints one number with the user's format (which expects a double-like value). */
static void print_fmt(const char *fmt, long double v)
{
	char *lf = qu_malloc(strlen(fmt) + 2), *o = lf;
	const char *p;

	/* insert the L length modifier before the conversion */
	for (p = fmt; *p; p++) {
		*o++ = *p;
		if (*p == '%' && p[1] == '%') {
			*o++ = *++p;
			continue;
		}
		if (*p == '%') {
			p++;
			while (*p && !strchr("eEfFgGaA", *p))
				*o++ = *p++;
			*o++ = 'L';
			*o++ = *p;
		}
	}
	*o = 0;
	printf(lf, v);
	free(lf);
}

int main(int argc, char **argv)
{
	long double a[3] = {1, 1, 0}, v;
	long long ll[3];
	int dec[3] = {0, 0, 0}, isint[3] = {1, 1, 1}, c, n, i, prec = 0, allint = 1, width = 0;
	const char *fmt = NULL, *sep = "\n";
	int opt_w = 0;

	qu_init(argv[0]);
	/* negative numbers are operands, not options */
	while (qu_optind < argc && argv[qu_optind][0] == '-' &&
	       !(argv[qu_optind][1] >= '0' && argv[qu_optind][1] <= '9') &&
	       argv[qu_optind][1] != '.' && (c = qu_getopt(argc, argv, "f:s:w")) != -1) {
		if (c == 'f')
			fmt = qu_optarg;
		else if (c == 's')
			sep = qu_optarg;
		else
			opt_w = 1;
	}
	n = argc - qu_optind;
	if (n < 1)
		qu_usage(1, "missing operand");
	if (n > 3)
		qu_usage(1, "extra operand");
	for (i = 0; i < n; i++) {
		int slot = n == 1 ? 2 : (n == 2 ? (i == 0 ? 0 : 2) : i);
		if (parse(argv[qu_optind + i], &a[slot], &dec[slot], &isint[slot]) != 0)
			qu_die(1, "invalid floating point argument: %s",
			       qu_quote(argv[qu_optind + i]));
	}
	if (a[1] == 0)
		qu_die(1, "invalid Zero increment value: %s", qu_quote(argv[qu_optind + 1]));
	if (fmt && check_format(fmt) != 0)
		qu_die(1, "invalid format string: %s", qu_quote(fmt));
	if (fmt && opt_w)
		qu_die(1, "format string may not be specified when printing equal width strings");
	for (i = 0; i < 3; i++) {
		allint &= isint[i];
		if (i < 2 && dec[i] > prec)
			prec = dec[i];
	}
	if (allint && !fmt && exact_ints(argc, argv, n, ll)) {
		long long x = ll[0], inc = ll[1], last = ll[2];
		if (opt_w) {
			char b1[32], b2[32];
			int l1 = snprintf(b1, sizeof(b1), "%lld", x);
			int l2 = snprintf(b2, sizeof(b2), "%lld", last);
			width = l1 > l2 ? l1 : l2;
		}
		for (i = 0; inc > 0 ? x <= last : x >= last; i++) {
			if (i)
				fputs(sep, stdout);
			printf(opt_w ? "%0*lld" : "%*lld", width, x);
			if ((inc > 0 && x > LLONG_MAX - inc) || (inc < 0 && x < LLONG_MIN - inc))
				break;
			x += inc;
		}
		if (i)
			putchar('\n');
		return 0;
	}
	if (opt_w) {
		char b1[64], b2[64];
		int l1 = snprintf(b1, sizeof(b1), "%.*Lf", prec, a[0]);
		int l2 = snprintf(b2, sizeof(b2), "%.*Lf", prec, a[2]);
		width = l1 > l2 ? l1 : l2;
	}
	for (i = 0;; i++) {
		v = a[0] + (long double)i * a[1];
		if (a[1] > 0 ? v > a[2] : v < a[2])
			break;
		if (i)
			fputs(sep, stdout);
		if (fmt)
			print_fmt(fmt, v);
		else if (opt_w)
			printf("%0*.*Lf", width, prec, v);
		else if (prec)
			printf("%.*Lf", prec, v);
		else
			printf("%Lg", v);
	}
	if (i)
		putchar('\n');
	return 0;
}
