/*
 * wordexp.c - wordexp() and wordfree(): the shell's word expansions
 * (POSIX 2.6) without running commands.
 *
 * Done: tilde expansion (~ and ~user), parameter expansion of environment
 * variables ($name, ${name}, ${#name}, the :- - := = :? ? :+ + % %% # ##
 * forms, $$), arithmetic expansion $((...)) on long integers, field
 * splitting on IFS, pathname expansion (glob) and quote removal. Command
 * substitution ($(...) and `...`) is always refused with WRDE_CMDSUB, as
 * if WRDE_NOCMD were given; positional and other special parameters are
 * unset. Unquoted | & ; < > ( ) { } and newline give WRDE_BADCHAR.
 */
#include <errno.h>
#include <fnmatch.h>
#include <glob.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wordexp.h>

/* A growing string. */
struct str {
	char *s;
	size_t n, cap;
};

struct wx {
	int flags;
	int err;
	const char *ifs;
	/* the field being built: its text and its glob pattern (quoted characters escaped) */
	struct str text, pat;
	int in_field; /* a field exists (it may be empty: "") */
	int magic;    /* the field has unquoted *, ? or [ */
	/* the words produced */
	char **w;
	size_t n, cap;
};

static int put(struct wx *x, struct str *s, char c)
{
	if (s->n + 1 >= s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 32;
		char *p = realloc(s->s, cap);
		if (!p) {
			x->err = WRDE_NOSPACE;
			return -1;
		}
		s->s = p;
		s->cap = cap;
	}
	s->s[s->n++] = c;
	s->s[s->n] = 0;
	return 0;
}

static int puts_n(struct wx *x, struct str *s, const char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (put(x, s, p[i]) < 0)
			return -1;
	return 0;
}

/* Adds a finished word (taking ownership of w). */
static int add_word(struct wx *x, char *w)
{
	if (!w) {
		x->err = WRDE_NOSPACE;
		return -1;
	}
	if (x->n == x->cap) {
		size_t cap = x->cap ? x->cap * 2 : 8;
		char **v = realloc(x->w, sizeof(char *) * cap);
		if (!v) {
			free(w);
			x->err = WRDE_NOSPACE;
			return -1;
		}
		x->w = v;
		x->cap = cap;
	}
	x->w[x->n++] = w;
	return 0;
}

/* Appends one character of the field: quoted (literal for glob) or not. */
static void field_char(struct wx *x, char c, int quoted)
{
	x->in_field = 1;
	put(x, &x->text, c);
	if (quoted && (c == '*' || c == '?' || c == '[' || c == '\\'))
		put(x, &x->pat, '\\');
	else if (!quoted && (c == '*' || c == '?' || c == '['))
		x->magic = 1;
	put(x, &x->pat, c);
}

/* Ends the current field: pathname expansion, then the word(s). */
static void end_field(struct wx *x)
{
	if (!x->in_field || x->err)
		return;
	if (x->magic) {
		glob_t g;
		if (!glob(x->pat.s, 0, NULL, &g)) {
			for (size_t i = 0; i < g.gl_pathc && !x->err; i++)
				add_word(x, strdup(g.gl_pathv[i]));
			globfree(&g);
			goto reset;
		}
	}
	add_word(x, strdup(x->text.s ? x->text.s : ""));
reset:
	x->text.n = x->pat.n = 0;
	if (x->text.s)
		x->text.s[0] = 0;
	if (x->pat.s)
		x->pat.s[0] = 0;
	x->in_field = 0;
	x->magic = 0;
}

static int is_ifs_ws(const struct wx *x, char c)
{
	return (c == ' ' || c == '\t' || c == '\n') && strchr(x->ifs, c);
}

/*
 * Appends the result of an unquoted expansion, split into fields on IFS
 * (POSIX 2.6.5): IFS white space ends a field and is otherwise ignored;
 * every other IFS character, with the white space around it, ends a
 * field, an empty one if there was nothing before it.
 */
static void field_split(struct wx *x, const char *v)
{
	int need_empty = !x->in_field;
	for (; *v && !x->err; v++) {
		char c = *v;
		if (strchr(x->ifs, c)) {
			if (is_ifs_ws(x, c)) {
				if (x->in_field) {
					end_field(x);
					need_empty = 0;
				}
			} else {
				if (!x->in_field && need_empty)
					x->in_field = 1;
				end_field(x);
				need_empty = 1;
			}
			continue;
		}
		field_char(x, c, 0);
	}
}

/* ---- parameters ---- */

static int name_start(char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
}

static int name_char(char c)
{
	return name_start(c) || (c >= '0' && c <= '9');
}

/*
 * The value of parameter name[0..len) into *out (NULL if unset); the
 * string is owned by the environment or is static.
 */
static const char *param(const char *name, size_t len)
{
	static char pid[24];
	if (len == 1 && name[0] == '$') {
		snprintf(pid, sizeof(pid), "%ld", (long)getpid());
		return pid;
	}
	if (!name_start(name[0]))
		return NULL; /* positional and special parameters: unset */
	char buf[256];
	char *heap = NULL, *nm = buf;
	if (len >= sizeof(buf)) {
		heap = malloc(len + 1);
		if (!heap)
			return NULL;
		nm = heap;
	}
	memcpy(nm, name, len);
	nm[len] = 0;
	const char *v = getenv(nm);
	free(heap);
	return v;
}

static void expand_sub(struct wx *x, const char *s, size_t len, struct str *out);

/* Finds the end of a $(( )) or ${ } body starting at s; returns the closing position or NULL. */
static const char *find_close(const char *s, char open, char close)
{
	int depth = 1;
	for (; *s; s++) {
		if (*s == '\\' && s[1]) {
			s++;
		} else if (*s == '\'') {
			const char *q = strchr(s + 1, '\'');
			if (!q)
				return NULL;
			s = q;
		} else if (*s == '"') {
			s++;
			while (*s && *s != '"') {
				if (*s == '\\' && s[1])
					s++;
				s++;
			}
			if (!*s)
				return NULL;
		} else if (*s == open) {
			depth++;
		} else if (*s == close && --depth == 0) {
			return s;
		}
	}
	return NULL;
}

/* ---- arithmetic ---- */

struct arith {
	const char *s;
	int err;
};

static long ar_cond(struct arith *a);

static void ar_ws(struct arith *a)
{
	while (*a->s == ' ' || *a->s == '\t' || *a->s == '\n')
		a->s++;
}

static long ar_primary(struct arith *a)
{
	ar_ws(a);
	char c = *a->s;
	if (c == '(') {
		a->s++;
		long v = ar_cond(a);
		ar_ws(a);
		if (*a->s != ')') {
			a->err = 1;
			return 0;
		}
		a->s++;
		return v;
	}
	if (c == '-' || c == '+' || c == '!' || c == '~') {
		a->s++;
		long v = ar_primary(a);
		return c == '-'   ? (long)(0UL - (unsigned long)v)
		       : c == '+' ? v
		       : c == '!' ? !v
		                  : ~v;
	}
	if (c >= '0' && c <= '9') {
		char *end;
		long v = strtol(a->s, &end, 0);
		a->s = end;
		return v;
	}
	if (name_start(c)) {
		const char *b = a->s;
		while (name_char(*a->s))
			a->s++;
		const char *v = param(b, (size_t)(a->s - b));
		if (!v || !*v)
			return 0;
		char *end;
		long n = strtol(v, &end, 0);
		if (*end)
			a->err = 1;
		return n;
	}
	a->err = 1;
	return 0;
}

/* Binary operators by precedence, lowest first: ||, &&, |, ^, &, == !=, < <= > >=, << >>, + -, * / %. */
static long ar_bin(struct arith *a, int level)
{
	static const char *const ops[10][4] = {
	        {"||"},
	        {"&&"},
	        {"|"},
	        {"^"},
	        {"&"},
	        {"==", "!="},
	        {"<=", ">=", "<", ">"},
	        {"<<", ">>"},
	        {"+", "-"},
	        {"*", "/", "%"},
	};
	if (level == 10)
		return ar_primary(a);
	long v = ar_bin(a, level + 1);
	for (;;) {
		ar_ws(a);
		const char *op = NULL;
		for (int i = 0; i < 4 && ops[level][i]; i++) {
			size_t n = strlen(ops[level][i]);
			if (!strncmp(a->s, ops[level][i], n)) {
				/* do not take "|" of "||", "&" of "&&", "<" of "<<" ... */
				if (n == 1 && (a->s[1] == a->s[0] || a->s[1] == '=') &&
				    level != 9 && level != 8)
					continue;
				op = ops[level][i];
				break;
			}
		}
		if (!op || a->err)
			return v;
		a->s += strlen(op);
		long r = ar_bin(a, level + 1);
		unsigned long uv = (unsigned long)v, ur = (unsigned long)r;
		if (!strcmp(op, "||"))
			v = v || r;
		else if (!strcmp(op, "&&"))
			v = v && r;
		else if (!strcmp(op, "|"))
			v = v | r;
		else if (!strcmp(op, "^"))
			v = v ^ r;
		else if (!strcmp(op, "&"))
			v = v & r;
		else if (!strcmp(op, "=="))
			v = v == r;
		else if (!strcmp(op, "!="))
			v = v != r;
		else if (!strcmp(op, "<="))
			v = v <= r;
		else if (!strcmp(op, ">="))
			v = v >= r;
		else if (!strcmp(op, "<"))
			v = v < r;
		else if (!strcmp(op, ">"))
			v = v > r;
		else if (!strcmp(op, "<<"))
			v = r < 0 || r > 63 ? 0 : (long)(uv << r);
		else if (!strcmp(op, ">>"))
			v = r < 0 || r > 63 ? (v < 0 ? -1 : 0) : v >> r;
		else if (!strcmp(op, "+"))
			v = (long)(uv + ur);
		else if (!strcmp(op, "-"))
			v = (long)(uv - ur);
		else if (!strcmp(op, "*"))
			v = (long)(uv * ur);
		else if (r == 0 || (r == -1 && v == (long)(1UL << 63))) {
			a->err = 1; /* division by zero or overflow */
			return 0;
		} else if (!strcmp(op, "/"))
			v = v / r;
		else
			v = v % r;
	}
}

static long ar_cond(struct arith *a)
{
	long c = ar_bin(a, 0);
	ar_ws(a);
	if (*a->s != '?')
		return c;
	a->s++;
	long t = ar_cond(a);
	ar_ws(a);
	if (*a->s != ':') {
		a->err = 1;
		return 0;
	}
	a->s++;
	long f = ar_cond(a);
	return c ? t : f;
}

/* ---- ${...} ---- */

/*
 * Expands the parameter expression body[0..len) (inside ${ }) into *out;
 * sets *unset_ok when an operator gave a default so WRDE_UNDEF does not
 * apply.
 */
static void brace(struct wx *x, const char *body, size_t len, struct str *out)
{
	const char *e = body + len;
	if (len > 1 && body[0] == '#') { /* ${#name} */
		const char *v = param(body + 1, len - 1);
		if (!v && (x->flags & WRDE_UNDEF)) {
			x->err = WRDE_BADVAL;
			return;
		}
		char num[24];
		snprintf(num, sizeof(num), "%zu", v ? strlen(v) : 0);
		puts_n(x, out, num, strlen(num));
		return;
	}
	const char *p = body;
	if (p < e && (*p == '$' || (*p >= '0' && *p <= '9') || strchr("*@#?-!", *p)))
		p++;
	else
		while (p < e && name_char(*p))
			p++;
	if (p == body) {
		x->err = WRDE_SYNTAX;
		return;
	}
	const char *v = param(body, (size_t)(p - body));
	if (p == e) {
		if (!v && (x->flags & WRDE_UNDEF)) {
			x->err = WRDE_BADVAL;
			return;
		}
		if (v)
			puts_n(x, out, v, strlen(v));
		return;
	}
	int colon = *p == ':';
	if (colon)
		p++;
	if (p == e) {
		x->err = WRDE_SYNTAX;
		return;
	}
	char op = *p++;
	int set = v != NULL && (!colon || *v);
	struct str word = {0};
	if (op == '-' || op == '=' || op == '?' || op == '+') {
		if (op == '+' ? set : !set)
			expand_sub(x, p, (size_t)(e - p), &word);
		if (x->err)
			goto out;
		if (op == '+') {
			if (set && word.s)
				puts_n(x, out, word.s, word.n);
		} else if (set) {
			puts_n(x, out, v, strlen(v));
		} else if (op == '-') {
			if (word.s)
				puts_n(x, out, word.s, word.n);
		} else if (op == '=') {
			char name[256];
			size_t nl = (size_t)((colon ? p - 2 : p - 1) - body);
			if (nl >= sizeof(name) || !name_start(body[0])) {
				x->err = WRDE_SYNTAX;
				goto out;
			}
			memcpy(name, body, nl);
			name[nl] = 0;
			if (setenv(name, word.s ? word.s : "", 1) < 0) {
				x->err = WRDE_NOSPACE;
				goto out;
			}
			if (word.s)
				puts_n(x, out, word.s, word.n);
		} else { /* '?' */
			if (x->flags & WRDE_SHOWERR)
				fprintf(stderr, "%.*s: %s\n", (int)(p - body - 1 - colon), body,
				        word.n ? word.s : "parameter null or not set");
			x->err = WRDE_BADVAL;
		}
		goto out;
	}
	if (op == '%' || op == '#') {
		int longest = p < e && *p == op;
		if (longest)
			p++;
		if (!v) {
			if (x->flags & WRDE_UNDEF)
				x->err = WRDE_BADVAL;
			goto out;
		}
		expand_sub(x, p, (size_t)(e - p), &word);
		if (x->err)
			goto out;
		const char *pat = word.s ? word.s : "";
		size_t vl = strlen(v);
		char *tmp = malloc(vl + 1);
		if (!tmp) {
			x->err = WRDE_NOSPACE;
			goto out;
		}
		size_t keep_from = 0, keep_to = vl; /* the part of v that remains */
		if (op == '#') {
			/* remove the shortest/longest prefix matching pat */
			for (size_t i = 0; i <= vl; i++) {
				size_t k = longest ? vl - i : i;
				memcpy(tmp, v, k);
				tmp[k] = 0;
				if (!fnmatch(pat, tmp, 0)) {
					keep_from = k;
					break;
				}
			}
		} else {
			for (size_t i = 0; i <= vl; i++) {
				size_t k = longest ? i : vl - i; /* start of the suffix */
				if (!fnmatch(pat, v + k, 0)) {
					keep_to = k;
					break;
				}
			}
		}
		free(tmp);
		puts_n(x, out, v + keep_from, keep_to - keep_from);
		goto out;
	}
	x->err = WRDE_SYNTAX;
out:
	free(word.s);
}

/*
 * Expands a $ construct at s (just after the '$') into *out; returns the
 * position after it, or NULL (x->err set). A '$' that starts nothing is
 * itself.
 */
static const char *dollar(struct wx *x, const char *s, struct str *out)
{
	if (*s == '(') {
		if (s[1] != '(') {
			x->err = WRDE_CMDSUB;
			return NULL;
		}
		const char *close = find_close(s + 2, '(', ')');
		if (!close || close[1] != ')') {
			x->err = close ? WRDE_CMDSUB : WRDE_SYNTAX;
			return NULL;
		}
		struct str expr = {0};
		expand_sub(x, s + 2, (size_t)(close - (s + 2)), &expr);
		if (x->err) {
			free(expr.s);
			return NULL;
		}
		struct arith a = {expr.s ? expr.s : "0", 0};
		long v = ar_cond(&a);
		ar_ws(&a);
		if (a.err || *a.s) {
			free(expr.s);
			x->err = WRDE_SYNTAX;
			return NULL;
		}
		free(expr.s);
		char num[24];
		snprintf(num, sizeof(num), "%ld", v);
		puts_n(x, out, num, strlen(num));
		return close + 2;
	}
	if (*s == '{') {
		const char *close = find_close(s + 1, '{', '}');
		if (!close) {
			x->err = WRDE_SYNTAX;
			return NULL;
		}
		brace(x, s + 1, (size_t)(close - (s + 1)), out);
		return x->err ? NULL : close + 1;
	}
	if (name_start(*s)) {
		const char *b = s;
		while (name_char(*s))
			s++;
		const char *v = param(b, (size_t)(s - b));
		if (!v && (x->flags & WRDE_UNDEF)) {
			x->err = WRDE_BADVAL;
			return NULL;
		}
		if (v)
			puts_n(x, out, v, strlen(v));
		return s;
	}
	if (*s == '$' || (*s >= '0' && *s <= '9') || (*s && strchr("*@#?-!", *s))) {
		const char *v = param(s, 1);
		if (!v && *s != '*' && *s != '@' && (x->flags & WRDE_UNDEF)) {
			x->err = WRDE_BADVAL;
			return NULL;
		}
		if (*s == '#' || *s == '?')
			v = "0";
		if (v)
			puts_n(x, out, v, strlen(v));
		return s + 1;
	}
	put(x, out, '$');
	return s;
}

/*
 * Expands s[0..len) with quote removal but no field splitting or pathname
 * expansion (the words of ${...} operators and $((...))), into *out.
 */
static void expand_sub(struct wx *x, const char *s, size_t len, struct str *out)
{
	const char *e = s + len;
	int dq = 0;
	put(x, out, 0);
	out->n = 0;
	while (s < e && !x->err) {
		char c = *s;
		if (c == '\\' && s + 1 < e) {
			if (!dq || strchr("$`\"\\\n", s[1]))
				s++;
			if (*s != '\n')
				put(x, out, *s);
			s++;
		} else if (c == '\'' && !dq) {
			const char *q = memchr(s + 1, '\'', (size_t)(e - s - 1));
			if (!q) {
				x->err = WRDE_SYNTAX;
				return;
			}
			puts_n(x, out, s + 1, (size_t)(q - s - 1));
			s = q + 1;
		} else if (c == '"') {
			dq = !dq;
			s++;
		} else if (c == '`') {
			x->err = WRDE_CMDSUB;
			return;
		} else if (c == '$') {
			s = dollar(x, s + 1, out);
			if (!s)
				return;
		} else {
			put(x, out, c);
			s++;
		}
	}
	if (dq && !x->err)
		x->err = WRDE_SYNTAX;
}

/* Tilde expansion of the prefix s[0..len) (after the '~'); 0 or -1 if not expandable. */
static int tilde(struct wx *x, const char *s, size_t len)
{
	const char *home = NULL;
	if (len == 0) {
		home = getenv("HOME");
		if (!home) {
			struct passwd *pw = getpwuid(getuid());
			home = pw ? pw->pw_dir : NULL;
		}
	} else {
		char name[256];
		if (len >= sizeof(name))
			return -1;
		memcpy(name, s, len);
		name[len] = 0;
		struct passwd *pw = getpwnam(name);
		home = pw ? pw->pw_dir : NULL;
	}
	if (!home)
		return -1;
	for (; *home; home++)
		field_char(x, *home, 1);
	x->in_field = 1;
	return 0;
}

/* The top level: words, quotes, expansions, splitting. */
static void expand_top(struct wx *x, const char *s)
{
	int word_start = 1;
	while (*s && !x->err) {
		char c = *s;
		if (word_start && c == '~') {
			const char *e = s + 1;
			while (*e && *e != '/' && !strchr(" \t\n|&;<>(){}'\"\\$`", *e))
				e++;
			if (!*e || *e == '/' || strchr(" \t", *e)) {
				if (!tilde(x, s + 1, (size_t)(e - s - 1))) {
					s = e;
					word_start = 0;
					continue;
				}
			}
		}
		word_start = 0;
		if (c == ' ' || c == '\t') {
			end_field(x);
			word_start = 1;
			s++;
			continue;
		}
		if (strchr("|&;<>(){}\n", c)) {
			x->err = WRDE_BADCHAR;
			return;
		}
		if (c == '\\') {
			if (s[1] == '\n') {
				s += 2;
				continue;
			}
			if (!s[1]) {
				x->err = WRDE_SYNTAX;
				return;
			}
			field_char(x, s[1], 1);
			s += 2;
			continue;
		}
		if (c == '\'') {
			const char *q = strchr(s + 1, '\'');
			if (!q) {
				x->err = WRDE_SYNTAX;
				return;
			}
			x->in_field = 1;
			for (s++; s < q; s++)
				field_char(x, *s, 1);
			s = q + 1;
			continue;
		}
		if (c == '"') {
			x->in_field = 1;
			s++;
			for (;;) {
				if (!*s) {
					x->err = WRDE_SYNTAX;
					return;
				}
				if (*s == '"') {
					s++;
					break;
				}
				if (*s == '\\' && s[1] && strchr("$`\"\\\n", s[1])) {
					if (s[1] != '\n')
						field_char(x, s[1], 1);
					s += 2;
				} else if (*s == '`') {
					x->err = WRDE_CMDSUB;
					return;
				} else if (*s == '$') {
					struct str v = {0};
					s = dollar(x, s + 1, &v);
					for (size_t i = 0; i < v.n; i++)
						field_char(x, v.s[i], 1);
					free(v.s);
					if (!s)
						return;
				} else {
					field_char(x, *s++, 1);
				}
			}
			continue;
		}
		if (c == '`') {
			x->err = WRDE_CMDSUB;
			return;
		}
		if (c == '$') {
			struct str v = {0};
			s = dollar(x, s + 1, &v);
			if (v.s)
				field_split(x, v.s);
			free(v.s);
			if (!s)
				return;
			continue;
		}
		field_char(x, c, 0);
		s++;
	}
	end_field(x);
}

/*
 * Expands words as the shell would (without command substitution) into
 * we->we_wordv. Returns 0 or a WRDE_* error; on errors other than
 * WRDE_NOSPACE *we is as it was before the call.
 */
int wordexp(const char *restrict words, wordexp_t *restrict we, int flags)
{
	if (flags & WRDE_REUSE)
		wordfree(we);
	if (!(flags & WRDE_APPEND)) {
		we->we_wordc = 0;
		we->we_wordv = NULL;
		if (!(flags & WRDE_DOOFFS))
			we->we_offs = 0;
	}
	struct wx x = {0};
	x.flags = flags | WRDE_NOCMD;
	x.ifs = getenv("IFS");
	if (!x.ifs)
		x.ifs = " \t\n";
	expand_top(&x, words);
	free(x.text.s);
	free(x.pat.s);
	if (x.err && x.err != WRDE_NOSPACE) {
		for (size_t i = 0; i < x.n; i++)
			free(x.w[i]);
		free(x.w);
		return x.err;
	}
	size_t offs = (flags & WRDE_DOOFFS) ? we->we_offs : 0;
	size_t old = we->we_wordv ? we->we_wordc : 0;
	char **v = realloc(we->we_wordv, sizeof(char *) * (offs + old + x.n + 1));
	if (!v) {
		for (size_t i = 0; i < x.n; i++)
			free(x.w[i]);
		free(x.w);
		return WRDE_NOSPACE;
	}
	if (!we->we_wordv)
		for (size_t i = 0; i < offs; i++)
			v[i] = NULL;
	memcpy(v + offs + old, x.w, sizeof(char *) * x.n);
	v[offs + old + x.n] = NULL;
	we->we_wordv = v;
	we->we_wordc = old + x.n;
	free(x.w);
	return x.err;
}

/* Frees the words wordexp() stored in *we. */
void wordfree(wordexp_t *we)
{
	if (!we || !we->we_wordv)
		return;
	for (size_t i = 0; i < we->we_wordc; i++)
		free(we->we_wordv[we->we_offs + i]);
	free(we->we_wordv);
	we->we_wordv = NULL;
	we->we_wordc = 0;
}
