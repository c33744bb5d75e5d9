/*
 * expr - evaluate arguments as an expression (POSIX).
 *
 * Operators, lowest precedence first: |  &  = > >= < <= !=  + -  * / %  :
 * and parentheses; also the common match, substr, index and length
 * keywords. Integers are signed 64-bit; overflow is an error. Exit status:
 * 0 if the result is neither null nor zero, 1 if it is, 2 for an invalid
 * expression, 3 for another error.
 */
#include "qu.h"

#include <errno.h>
#include <limits.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

QU_USAGE("Usage: expr expression\n"
         "Operators: | & = > >= < <= != + - * / % : ( ) match substr index length\n");

/* A value: a string, possibly holding an integer. */
struct val {
	char *s;
};

static char **av;
static int ac, pos;

static struct val *or_expr(void);

/* Makes a string value. */
static struct val *mkstr(const char *s)
{
	struct val *v = qu_malloc(sizeof(*v));
	v->s = qu_strdup(s);
	return v;
}

/* Makes an integer value. */
static struct val *mkint(long long n)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%lld", n);
	return mkstr(buf);
}

/* Frees a value. */
static void freev(struct val *v)
{
	free(v->s);
	free(v);
}

/* If v is an integer, stores it in *n and returns 1. */
static int toint(const struct val *v, long long *n)
{
	const char *p = v->s;
	char *end;

	if (*p == '-')
		p++;
	if (!*p || strspn(p, "0123456789") != strlen(p))
		return 0;
	errno = 0;
	*n = strtoll(v->s, &end, 10);
	if (errno == ERANGE)
		qu_die(2, "integer overflow");
	return 1;
}

/* Like toint but an error if v is not an integer. */
static long long needint(const struct val *v)
{
	long long n;

	if (!toint(v, &n))
		qu_die(2, "non-integer argument");
	return n;
}

/* True if v is null or zero. */
static int is_null(const struct val *v)
{
	long long n;

	return !v->s[0] || (toint(v, &n) && n == 0);
}

/* Syntax errors. */
static _Noreturn void syntax_missing(void)
{
	qu_die(2, "syntax error: missing argument after %s", qu_quote(av[pos - 1]));
}

/* Returns 1 if the current argument is op (and consumes it). */
static int accept(const char *op)
{
	if (pos < ac && !strcmp(av[pos], op)) {
		pos++;
		return 1;
	}
	return 0;
}

/* Matches string s against the anchored BRE re (the ':' operator). */
static struct val *match(const char *s, const char *re)
{
	regex_t rx;
	regmatch_t m[2];
	char *pat = qu_malloc(strlen(re) + 2), buf[512];
	struct val *v;
	int r;

	pat[0] = '^';
	strcpy(pat + 1, re);
	r = regcomp(&rx, pat, 0);
	free(pat);
	if (r) {
		regerror(r, &rx, buf, sizeof(buf));
		qu_die(2, "%s", buf);
	}
	if (regexec(&rx, s, 2, m, 0) == 0) {
		if (rx.re_nsub > 0) {
			if (m[1].rm_so < 0) {
				v = mkstr("");
			} else {
				v = mkstr(s + m[1].rm_so);
				v->s[m[1].rm_eo - m[1].rm_so] = 0;
			}
		} else {
			v = mkint(m[0].rm_eo);
		}
	} else {
		v = rx.re_nsub > 0 ? mkstr("") : mkint(0);
	}
	regfree(&rx);
	return v;
}

/* primary: "(" expr ")" | keyword forms | string. */
static struct val *primary(void)
{
	struct val *a, *b, *c;

	if (pos >= ac)
		syntax_missing();
	if (accept("(")) {
		if (pos >= ac)
			syntax_missing();
		a = or_expr();
		if (pos >= ac)
			qu_die(2, "syntax error: expecting ')' after %s", qu_quote(av[pos - 1]));
		if (!accept(")"))
			qu_die(2, "syntax error: expecting ')' instead of %s", qu_quote(av[pos]));
		return a;
	}
	if (accept(")"))
		qu_die(2, "syntax error: unexpected ')'");
	if (accept("+")) {
		if (pos >= ac)
			syntax_missing();
		return mkstr(av[pos++]);
	}
	if (accept("length")) {
		a = primary();
		b = mkint((long long)strlen(a->s));
		freev(a);
		return b;
	}
	if (accept("match")) {
		a = primary();
		b = primary();
		c = match(a->s, b->s);
		freev(a);
		freev(b);
		return c;
	}
	if (accept("index")) {
		size_t i = 0;
		a = primary();
		b = primary();
		i = strcspn(a->s, b->s);
		c = mkint(a->s[i] ? (long long)i + 1 : 0);
		freev(a);
		freev(b);
		return c;
	}
	if (accept("substr")) {
		long long p, l, n;
		a = primary();
		b = primary();
		c = primary();
		p = needint(b);
		l = needint(c);
		n = (long long)strlen(a->s);
		freev(b);
		freev(c);
		if (p < 1 || p > n || l < 1) {
			a->s[0] = 0;
			return a;
		}
		if (l > n - p + 1)
			l = n - p + 1;
		memmove(a->s, a->s + p - 1, (size_t)l);
		a->s[l] = 0;
		return a;
	}
	return mkstr(av[pos++]);
}

/* colon: primary (":" primary)*. */
static struct val *colon_expr(void)
{
	struct val *a = primary(), *b, *r;

	while (accept(":")) {
		b = primary();
		r = match(a->s, b->s);
		freev(a);
		freev(b);
		a = r;
	}
	return a;
}

/* Applies an arithmetic operator with overflow checks. */
static struct val *arith(struct val *a, struct val *b, char op)
{
	long long x = needint(a), y = needint(b), r = 0;

	freev(a);
	freev(b);
	switch (op) {
	case '+':
		if ((y > 0 && x > LLONG_MAX - y) || (y < 0 && x < LLONG_MIN - y))
			qu_die(2, "integer overflow");
		r = x + y;
		break;
	case '-':
		if ((y < 0 && x > LLONG_MAX + y) || (y > 0 && x < LLONG_MIN + y))
			qu_die(2, "integer overflow");
		r = x - y;
		break;
	case '*':
		if (x && (r = x * y) / x != y)
			qu_die(2, "integer overflow");
		r = x * y;
		break;
	case '/':
	case '%':
		if (y == 0)
			qu_die(2, "division by zero");
		if (x == LLONG_MIN && y == -1)
			qu_die(2, "integer overflow");
		r = op == '/' ? x / y : x % y;
		break;
	}
	return mkint(r);
}

/* mul: colon (("*" | "/" | "%") colon)*. */
static struct val *mul_expr(void)
{
	struct val *a = colon_expr();
	char op;

	for (;;) {
		if (accept("*"))
			op = '*';
		else if (accept("/"))
			op = '/';
		else if (accept("%"))
			op = '%';
		else
			return a;
		a = arith(a, colon_expr(), op);
	}
}

/* add: mul (("+" | "-") mul)*. */
static struct val *add_expr(void)
{
	struct val *a = mul_expr();
	char op;

	for (;;) {
		if (accept("+"))
			op = '+';
		else if (accept("-"))
			op = '-';
		else
			return a;
		a = arith(a, mul_expr(), op);
	}
}

/* cmp: add (relational add)*; integers compare numerically, else strings. */
static struct val *cmp_expr(void)
{
	static const char *const ops[] = {"=", "==", "!=", "<", "<=", ">", ">=", NULL};
	struct val *a = add_expr(), *b;
	long long x, y;
	int i, c, r;

	for (;;) {
		for (i = 0; ops[i]; i++)
			if (accept(ops[i]))
				break;
		if (!ops[i])
			return a;
		b = add_expr();
		if (toint(a, &x) && toint(b, &y))
			c = x < y ? -1 : x > y;
		else
			c = strcoll(a->s, b->s);
		switch (i) {
		case 0:
		case 1:
			r = c == 0;
			break;
		case 2:
			r = c != 0;
			break;
		case 3:
			r = c < 0;
			break;
		case 4:
			r = c <= 0;
			break;
		case 5:
			r = c > 0;
			break;
		default:
			r = c >= 0;
			break;
		}
		freev(a);
		freev(b);
		a = mkint(r);
	}
}

/* and: cmp ("&" cmp)*. */
static struct val *and_expr(void)
{
	struct val *a = cmp_expr(), *b;

	while (accept("&")) {
		b = cmp_expr();
		if (is_null(a) || is_null(b)) {
			freev(a);
			a = mkint(0);
		}
		freev(b);
	}
	return a;
}

/* or: and ("|" and)*. */
static struct val *or_expr(void)
{
	struct val *a = and_expr(), *b;

	while (accept("|")) {
		b = and_expr();
		if (is_null(a)) {
			freev(a);
			if (is_null(b)) {
				freev(b);
				a = mkint(0);
			} else {
				a = b;
			}
		} else {
			freev(b);
		}
	}
	return a;
}

int main(int argc, char **argv)
{
	struct val *v;
	int r;

	qu_init(argv[0]);
	qu_usage_status = 2;
	av = argv;
	ac = argc;
	pos = 1;
	if (pos < ac && !strcmp(av[pos], "--"))
		pos++;
	if (pos >= ac)
		qu_usage(2, "missing operand");
	v = or_expr();
	if (pos < ac)
		qu_die(2, "syntax error: unexpected argument %s", qu_quote(av[pos]));
	puts(v->s);
	r = is_null(v);
	freev(v);
	return r;
}
