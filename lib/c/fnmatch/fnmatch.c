/*
 * fnmatch.c - fnmatch(): shell pattern matching (POSIX 2.13).
 *
 * '*' matches any string, '?' any character, "[...]" a bracket expression
 * ('!' or '^' negates; classes, equivalence classes and collating symbols
 * of the POSIX locale; an unterminated '[' is an ordinary character), '\'
 * quotes the next character unless FNM_NOESCAPE (a pattern ending in an
 * unescaped '\' matches nothing). FNM_PATHNAME keeps '/' for a literal
 * (or quoted) '/', FNM_PERIOD a leading '.' for a literal '.',
 * FNM_CASEFOLD ignores case and FNM_LEADING_DIR lets the pattern match a
 * leading part of the string that is followed by '/'. Runs in time
 * O(pattern x string): only the last '*' is ever backtracked to.
 */
#include <fnmatch.h>
#include <string.h>

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int in_class(const char *name, size_t n, int c)
{
#define IS(s) (n == sizeof(s) - 1 && !memcmp(name, s, n))
	if (IS("alnum"))
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (IS("alpha"))
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (IS("blank"))
		return c == ' ' || c == '\t';
	if (IS("cntrl"))
		return c < 32 || c == 127;
	if (IS("digit"))
		return c >= '0' && c <= '9';
	if (IS("graph"))
		return c > 32 && c < 127;
	if (IS("lower"))
		return c >= 'a' && c <= 'z';
	if (IS("print"))
		return c >= 32 && c < 127;
	if (IS("punct"))
		return c > 32 && c < 127 && !in_class("alnum", 5, c);
	if (IS("space"))
		return c == ' ' || (c >= '\t' && c <= '\r');
	if (IS("upper"))
		return c >= 'A' && c <= 'Z';
	if (IS("xdigit"))
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	return -1;
#undef IS
}

/*
 * Matches the bracket expression at p (just after its '[') against c.
 * Returns 1 or 0 and stores the end of the expression in *end; returns -1
 * if the expression is not terminated (the '[' is then an ordinary
 * character) or names an unknown class.
 */
static int bracket(const char *p, int c, int flags, const char **end)
{
	int neg = 0, match = 0, fold = flags & FNM_CASEFOLD;
	if (*p == '!' || *p == '^') {
		neg = 1;
		p++;
	}
	int first = 1;
	for (;;) {
		if (!*p)
			return -1;
		if (*p == ']' && !first)
			break;
		first = 0;
		int lo;
		if (p[0] == '[' && (p[1] == ':' || p[1] == '.' || p[1] == '=')) {
			char kind = p[1];
			const char *b = p + 2, *e = b;
			while (*e && !(e[0] == kind && e[1] == ']'))
				e++;
			if (!*e)
				return -1;
			if (kind == ':') {
				/* classes test the character as it is, even with FNM_CASEFOLD (as glibc) */
				int r = in_class(b, (size_t)(e - b), c);
				if (r < 0)
					return -1;
				match |= r;
				p = e + 2;
				continue;
			}
			if (e - b != 1)
				return -1; /* no multi-character collating elements */
			lo = (unsigned char)*b;
			p = e + 2;
			if (kind == '=') {
				match |= fold ? lower(lo) == lower(c) : lo == c;
				continue;
			}
		} else if (*p == '\\' && !(flags & FNM_NOESCAPE) && p[1]) {
			lo = (unsigned char)p[1];
			p += 2;
		} else {
			lo = (unsigned char)*p++;
		}
		int hi = lo;
		if (p[0] == '-' && p[1] && p[1] != ']') {
			p++;
			if (p[0] == '[' && p[1] == '.') {
				const char *b = p + 2, *e = b;
				while (*e && !(e[0] == '.' && e[1] == ']'))
					e++;
				if (!*e || e - b != 1)
					return -1;
				hi = (unsigned char)*b;
				p = e + 2;
			} else if (*p == '\\' && !(flags & FNM_NOESCAPE) && p[1]) {
				hi = (unsigned char)p[1];
				p += 2;
			} else {
				hi = (unsigned char)*p++;
			}
		}
		if (lo <= c && c <= hi)
			match = 1;
		else if (fold && ((lo <= lower(c) && lower(c) <= hi) ||
		                  (c >= 'a' && c <= 'z' && lo <= c - 32 && c - 32 <= hi)))
			match = 1;
	}
	*end = p + 1;
	return match != neg;
}

/* 1 if position s of the string is "leading" for FNM_PERIOD. */
static int leading(const char *string, const char *s, int flags)
{
	return s == string || ((flags & FNM_PATHNAME) && s[-1] == '/');
}

/*
 * Matches one pattern element at p against *s; returns the length of the
 * element (>0) on a match, 0 on a mismatch.
 */
static size_t one(const char *p, const char *string, const char *s, int flags)
{
	unsigned char c = (unsigned char)*s;
	if (c == '/' && (flags & FNM_PATHNAME) && *p != '/' && !(*p == '\\' && p[1] == '/'))
		return 0;
	if (c == '.' && (flags & FNM_PERIOD) && leading(string, s, flags) && *p != '.' &&
	    !(*p == '\\' && p[1] == '.' && !(flags & FNM_NOESCAPE)))
		return 0;
	switch (*p) {
	case '?':
		return 1;
	case '[': {
		const char *end;
		int r = bracket(p + 1, c, flags, &end);
		if (r < 0)
			return c == '[' ? 1 : 0;
		return r ? (size_t)(end - p) : 0;
	}
	case '\\':
		if (!(flags & FNM_NOESCAPE)) {
			/* a trailing unescaped backslash matches nothing (POSIX) */
			int pc = (unsigned char)p[1];
			if (pc && (pc == c || ((flags & FNM_CASEFOLD) && lower(pc) == lower(c))))
				return 2;
			return 0;
		}
		/* FALLTHROUGH */
	default: {
		int pc = (unsigned char)*p;
		if (pc == c || ((flags & FNM_CASEFOLD) && lower(pc) == lower(c)))
			return 1;
		return 0;
	}
	}
}

/* Returns 0 if string matches pattern, FNM_NOMATCH if not. */
int fnmatch(const char *pattern, const char *string, int flags)
{
	const char *p = pattern, *s = string;
	const char *star_p = NULL, *star_s = NULL;
	for (;;) {
		if (*p == '*') {
			/* a '*' cannot match a leading period */
			if (*s == '.' && (flags & FNM_PERIOD) && leading(string, s, flags))
				goto backtrack;
			while (*p == '*')
				p++;
			star_p = p;
			star_s = s;
			continue;
		}
		if (!*s) {
			if (!*p)
				return 0;
			goto backtrack;
		}
		if (!*p) {
			if ((flags & FNM_LEADING_DIR) && *s == '/')
				return 0;
			goto backtrack;
		}
		size_t n = one(p, string, s, flags);
		if (n) {
			p += n;
			s++;
			continue;
		}
	backtrack:
		/* let the last '*' take one more character, if it may */
		if (!star_p || !*star_s)
			return FNM_NOMATCH;
		if (*star_s == '/' && (flags & FNM_PATHNAME)) {
			if ((flags & FNM_LEADING_DIR) && !*star_p)
				return 0;
			return FNM_NOMATCH;
		}
		star_s++;
		p = star_p;
		s = star_s;
	}
}
