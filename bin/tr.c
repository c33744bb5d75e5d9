/*
 * tr - translate characters (POSIX: -c -C -d -s).
 *
 * Strings may hold ranges (a-z), character classes ([:alpha:]...),
 * equivalence classes ([=c=]), repetitions in string2 ([c*n], [c*]) and
 * backslash escapes (\n \t \\ \ooo ...). Works on bytes. When translating,
 * string2 is extended with its last character to the length of string1.
 */
#include "qu.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

QU_USAGE("Usage: tr [-cCs] string1 string2\n"
         "       tr -s [-cC] string1\n"
         "       tr -d [-cC] string1\n"
         "       tr -ds [-cC] string1 string2\n"
         "  -c/-C  complement string1   -d  delete   -s  squeeze repeats\n");

/* An expanded string: a sequence of bytes; repeat_at marks a [c*] fill. */
struct set {
	unsigned char *v;
	size_t n, cap;
	long fill_at;     /* index of a [c*] element in string2, or -1 */
	int has_class;    /* a class other than upper/lower occurs */
	int upper, lower; /* positions of [:upper:]/[:lower:] classes (+1), for case mapping */
};

/* Appends byte c to s. */
static void add(struct set *s, unsigned char c)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->v = qu_realloc(s->v, s->cap);
	}
	s->v[s->n++] = c;
}

/* Reads one possibly escaped character at *pp; returns it and advances. */
static int getch(const char **pp)
{
	const char *p = *pp;
	int c = (unsigned char)*p++, i;

	if (c == '\\' && *p) {
		c = (unsigned char)*p++;
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
		default:
			if (c >= '0' && c <= '7') {
				c -= '0';
				for (i = 1; i < 3 && *p >= '0' && *p <= '7'; i++)
					c = c * 8 + (*p++ - '0');
				c &= 0xff;
			}
			break;
		}
	}
	*pp = p;
	return c;
}

/* Returns 1 if c is in the named class; -1 if the name is unknown. */
static int in_class(const char *name, size_t len, int c)
{
#define IS(n) (len == strlen(n) && !strncmp(name, n, len))
	if (IS("alnum"))
		return isalnum(c) != 0;
	if (IS("alpha"))
		return isalpha(c) != 0;
	if (IS("blank"))
		return c == ' ' || c == '\t';
	if (IS("cntrl"))
		return iscntrl(c) != 0;
	if (IS("digit"))
		return isdigit(c) != 0;
	if (IS("graph"))
		return isgraph(c) != 0;
	if (IS("lower"))
		return islower(c) != 0;
	if (IS("print"))
		return isprint(c) != 0;
	if (IS("punct"))
		return ispunct(c) != 0;
	if (IS("space"))
		return isspace(c) != 0;
	if (IS("upper"))
		return isupper(c) != 0;
	if (IS("xdigit"))
		return isxdigit(c) != 0;
	return -1;
#undef IS
}

/* Expands string s into set; is2 allows [c*n]. Exits on errors. */
static void expand(const char *s, struct set *set, int is2)
{
	const char *p = s;
	int c, d, i;

	set->fill_at = -1;
	while (*p) {
		if (p[0] == '[' && p[1] == ':') {
			const char *e = strstr(p + 2, ":]");
			if (e) {
				size_t len = (size_t)(e - p - 2);
				if (in_class(p + 2, len, 'a') < 0) {
					char buf[64];
					snprintf(buf, sizeof(buf), "%.*s",
					         (int)(len < 60 ? len : 60), p + 2);
					qu_die(1, "invalid character class %s", qu_quote(buf));
				}
				if (len == 5 && !strncmp(p + 2, "upper", 5))
					set->upper = (int)set->n + 1;
				else if (len == 5 && !strncmp(p + 2, "lower", 5))
					set->lower = (int)set->n + 1;
				else
					set->has_class = 1;
				for (i = 0; i < 256; i++)
					if (in_class(p + 2, len, i))
						add(set, (unsigned char)i);
				p = e + 2;
				continue;
			}
		}
		if (p[0] == '[' && p[1] == '=') {
			const char *q = p + 2;
			c = getch(&q);
			if (q[0] == '=' && q[1] == ']') {
				add(set, (unsigned char)c);
				p = q + 2;
				continue;
			}
		}
		if (p[0] == '[' && p[1]) {
			const char *q = p + 1;
			c = getch(&q);
			if (q[0] == '*') {
				const char *r = q + 1;
				char *end;
				unsigned long cnt = 0;
				if (*r == ']' ||
				    (*r >= '0' && *r <= '9' &&
				     ((cnt = strtoul(r, &end, *r == '0' ? 8 : 10)), *end == ']'))) {
					if (!is2)
						qu_die(1, "the [c*] repeat construct may not "
						          "appear in string1");
					if (*r == ']' || cnt == 0) {
						set->fill_at = (long)set->n;
						add(set, (unsigned char)c);
						p = *r == ']' ? r + 1 : end + 1;
					} else {
						while (cnt--)
							add(set, (unsigned char)c);
						p = end + 1;
					}
					continue;
				}
			}
		}
		c = getch(&p);
		if (p[0] == '-' && p[1]) {
			const char *q = p + 1;
			d = getch(&q);
			if (d < c) {
				char a[8], b[8];
				snprintf(a, sizeof(a), "%c", c);
				snprintf(b, sizeof(b), "%c", d);
				qu_die(1,
				       "range-endpoints of '%s-%s' are in reverse collating "
				       "sequence order",
				       a, b);
			}
			for (i = c; i <= d; i++)
				add(set, (unsigned char)i);
			p = q;
			continue;
		}
		add(set, (unsigned char)c);
	}
}

int main(int argc, char **argv)
{
	int c, opt_c = 0, opt_d = 0, opt_s = 0, nops, i;
	struct set s1, s2;
	unsigned char in1[256], sq[256], map[256], buf[65536], out[65536];
	ssize_t n, k;
	size_t o;
	int last = -1;

	qu_init(argv[0]);
	memset(&s1, 0, sizeof(s1));
	memset(&s2, 0, sizeof(s2));
	while ((c = qu_getopt(argc, argv, "cCds")) != -1) {
		if (c == 'c' || c == 'C')
			opt_c = 1;
		else if (c == 'd')
			opt_d = 1;
		else
			opt_s = 1;
	}
	nops = argc - qu_optind;
	if (nops < 1)
		qu_usage(1, "missing operand");
	if (nops == 1 && !opt_d && !opt_s) {
		qu_err("missing operand after %s", qu_quote(argv[qu_optind]));
		qu_err("Two strings must be given when translating.");
		qu_usage(1, NULL);
	}
	if (nops == 2 && opt_d && !opt_s) {
		qu_err("extra operand %s", qu_quote(argv[qu_optind + 1]));
		qu_err("Only one string may be given when deleting without squeezing repeats.");
		qu_usage(1, NULL);
	}
	if (nops > 2) {
		qu_err("extra operand %s", qu_quote(argv[qu_optind + 2]));
		qu_usage(1, NULL);
	}
	expand(argv[qu_optind], &s1, 0);
	if (nops == 2)
		expand(argv[qu_optind + 1], &s2, 1);
	memset(in1, 0, sizeof(in1));
	for (i = 0; i < (int)s1.n; i++)
		in1[s1.v[i]] = 1;
	if (opt_c) {
		/* the complement, in byte order */
		struct set cs;
		memset(&cs, 0, sizeof(cs));
		for (i = 0; i < 256; i++) {
			in1[i] = !in1[i];
			if (in1[i])
				add(&cs, (unsigned char)i);
		}
		free(s1.v);
		s1 = cs;
	}
	for (i = 0; i < 256; i++)
		map[i] = (unsigned char)i;
	memset(sq, 0, sizeof(sq));
	if (nops == 2 && !opt_d) {
		/* translation */
		if (s2.has_class)
			qu_die(1, "when translating, the only character classes that may appear in "
			          "string2 are 'upper' and 'lower'");
		if (s2.n == 0)
			qu_die(1, "when not truncating set1, string2 must be non-empty");
		if (s2.fill_at >= 0) {
			/* [c*] fills string2 up to the length of string1 */
			long extra = (long)s1.n - (long)s2.n;
			if (extra > 0) {
				size_t tail = s2.n - (size_t)s2.fill_at - 1;
				unsigned char fc = s2.v[s2.fill_at];
				for (i = 0; i < extra; i++)
					add(&s2, 0);
				memmove(s2.v + s2.fill_at + 1 + extra, s2.v + s2.fill_at + 1, tail);
				memset(s2.v + s2.fill_at + 1, fc, (size_t)extra);
			}
		}
		while (s2.n < s1.n)
			add(&s2, s2.v[s2.n - 1]);
		if ((s1.upper && s2.lower) || (s1.lower && s2.upper)) {
			for (i = 0; i < 256; i++) {
				if (s1.upper && s2.lower && isupper(i))
					map[i] = (unsigned char)tolower(i);
				if (s1.lower && s2.upper && islower(i))
					map[i] = (unsigned char)toupper(i);
			}
		}
		for (i = 0; i < (int)s1.n; i++) {
			int ch = s1.v[i];
			if ((s1.upper && s2.lower && isupper(ch)) ||
			    (s1.lower && s2.upper && islower(ch)))
				continue;
			map[ch] = s2.v[i];
		}
		if (opt_c) {
			/* every complemented byte maps to the last char of string2 */
			for (i = 0; i < (int)s1.n; i++)
				map[s1.v[i]] = s2.v[i < (int)s2.n ? i : (int)s2.n - 1];
		}
		if (opt_s)
			for (i = 0; i < (int)s2.n; i++)
				sq[s2.v[i]] = 1;
	} else if (opt_s) {
		struct set *ss = (opt_d && nops == 2) ? &s2 : &s1;
		for (i = 0; i < (int)ss->n; i++)
			sq[ss->v[i]] = 1;
	}
	for (;;) {
		n = read(STDIN_FILENO, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			qu_die_errno(1, errno, "read error");
		if (n == 0)
			break;
		for (k = 0, o = 0; k < n; k++) {
			int ch = buf[k];
			if (opt_d && in1[ch])
				continue;
			if (!opt_d)
				ch = map[ch];
			if (opt_s && sq[ch] && ch == last)
				continue;
			last = ch;
			out[o++] = (unsigned char)ch;
		}
		if (qu_write_all(STDOUT_FILENO, out, o) != 0)
			qu_die_errno(1, errno, "write error");
	}
	free(s1.v);
	free(s2.v);
	return 0;
}
