/*
 * regparse.c - the parser of POSIX basic and extended regular expressions.
 *
 * Builds the syntax tree of regex_impl.h. Besides POSIX: \| \+ \? in basic
 * expressions, back-references in extended ones, and \w \W \s \S \b \B \<
 * \> \` \', as glibc accepts them. Counted repetitions are expanded into
 * copies of their operand (RE_DUP_MAX is 255, like QNX); a pattern whose
 * expansion exceeds RX_MAX_NODES gives REG_ESPACE.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "regex_impl.h"

struct parser {
	struct rprog *p;
	const unsigned char *s, *end;
	int ere, icase, newline;
	int err;
	int ngroups;        /* groups opened so far */
	uint8_t closed[10]; /* groups 1..9 that are closed (for back-references) */
	int depth;          /* open parentheses */
};

/* A new node, or -1 (err set) when out of room. */
static int node(struct parser *ps, int type, int a, int b)
{
	struct rprog *p = ps->p;
	if (p->nnodes >= RX_MAX_NODES) {
		ps->err = REG_ESPACE;
		return -1;
	}
	if (p->nnodes % 64 == 0) {
		struct rnode *n = realloc(p->nodes, sizeof(*n) * (size_t)(p->nnodes + 64));
		if (!n) {
			ps->err = REG_ESPACE;
			return -1;
		}
		p->nodes = n;
	}
	struct rnode *n = &p->nodes[p->nnodes];
	memset(n, 0, sizeof(*n));
	n->type = type;
	n->a = a;
	n->b = b;
	n->child = n->next = -1;
	return p->nnodes++;
}

/* Appends child c to the children of node n. */
static void add_child(struct parser *ps, int n, int c)
{
	struct rnode *nodes = ps->p->nodes;
	if (nodes[n].child < 0) {
		nodes[n].child = c;
		return;
	}
	int k = nodes[n].child;
	while (nodes[k].next >= 0)
		k = nodes[k].next;
	nodes[k].next = c;
}

/* A new byte set (all clear); returns its index or -1. */
static int new_set(struct parser *ps)
{
	struct rprog *p = ps->p;
	if (p->nsets % 16 == 0) {
		uint8_t(*s)[32] = realloc(p->sets, 32 * (size_t)(p->nsets + 16));
		if (!s) {
			ps->err = REG_ESPACE;
			return -1;
		}
		p->sets = s;
	}
	memset(p->sets[p->nsets], 0, 32);
	return p->nsets++;
}

static void set_add(struct parser *ps, int set, unsigned c)
{
	uint8_t *b = ps->p->sets[set];
	b[c >> 3] |= (uint8_t)(1u << (c & 7));
	if (ps->icase) {
		if (c >= 'a' && c <= 'z')
			c = c - 'a' + 'A';
		else if (c >= 'A' && c <= 'Z')
			c = c - 'A' + 'a';
		b[c >> 3] |= (uint8_t)(1u << (c & 7));
	}
}

/* Character classes of the POSIX locale. */
static int in_class(int cls, int c)
{
	switch (cls) {
	case 0: /* alnum */
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	case 1: /* alpha */
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	case 2: /* blank */
		return c == ' ' || c == '\t';
	case 3: /* cntrl */
		return c < 32 || c == 127;
	case 4: /* digit */
		return c >= '0' && c <= '9';
	case 5: /* graph */
		return c > 32 && c < 127;
	case 6: /* lower */
		return c >= 'a' && c <= 'z';
	case 7: /* print */
		return c >= 32 && c < 127;
	case 8: /* punct */
		return c > 32 && c < 127 && !in_class(0, c);
	case 9: /* space */
		return c == ' ' || (c >= '\t' && c <= '\r');
	case 10: /* upper */
		return c >= 'A' && c <= 'Z';
	case 11: /* xdigit */
		return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
	default: /* word: alnum and _ */
		return in_class(0, c) || c == '_';
	}
}

static const char *const class_names[12] = {"alnum", "alpha", "blank", "cntrl", "digit", "graph",
                                            "lower", "print", "punct", "space", "upper", "xdigit"};

/* Adds class cls (negated if neg) to set. */
static void add_class(struct parser *ps, int set, int cls, int neg)
{
	for (int c = 0; c < 256; c++)
		if (in_class(cls, c) != neg)
			set_add(ps, set, (unsigned)c);
}

/* A set node for one byte. */
static int byte_node(struct parser *ps, unsigned c)
{
	int set = new_set(ps);
	if (set < 0)
		return -1;
	set_add(ps, set, c);
	return node(ps, N_SET, set, 0);
}

/* A set node for a class (\w \W \s \S). */
static int class_node(struct parser *ps, int cls, int neg)
{
	int set = new_set(ps);
	if (set < 0)
		return -1;
	add_class(ps, set, cls, neg);
	return node(ps, N_SET, set, 0);
}

/*
 * Parses the element after "[." or "[=" up to ".]" / "=]": one character
 * (QSOE's locales have no multi-character collating elements). Returns the
 * byte, or -1 with err set.
 */
static int coll_elem(struct parser *ps, unsigned char delim)
{
	const unsigned char *s = ps->s, *b = s;
	while (s + 1 < ps->end && !(s[0] == delim && s[1] == ']'))
		s++;
	if (s + 1 >= ps->end) {
		ps->err = REG_EBRACK;
		return -1;
	}
	if (s - b != 1) {
		ps->err = REG_ECOLLATE;
		return -1;
	}
	ps->s = s + 2;
	return b[0];
}

/* Parses a bracket expression after its '['. */
static int bracket(struct parser *ps)
{
	int set = new_set(ps);
	if (set < 0)
		return -1;
	int neg = 0;
	if (ps->s < ps->end && *ps->s == '^') {
		neg = 1;
		ps->s++;
	}
	int first = 1;
	for (;;) {
		if (ps->s >= ps->end) {
			ps->err = REG_EBRACK;
			return -1;
		}
		unsigned char c = *ps->s;
		if (c == ']' && !first) {
			ps->s++;
			break;
		}
		first = 0;
		int lo;
		if (c == '[' && ps->s + 1 < ps->end && ps->s[1] == ':') {
			const unsigned char *b = ps->s + 2, *e = b;
			while (e + 1 < ps->end && !(e[0] == ':' && e[1] == ']'))
				e++;
			if (e + 1 >= ps->end) {
				ps->err = REG_EBRACK;
				return -1;
			}
			int cls = -1;
			for (int i = 0; i < 12; i++)
				if ((size_t)(e - b) == strlen(class_names[i]) &&
				    !memcmp(b, class_names[i], (size_t)(e - b)))
					cls = i;
			if (cls < 0) {
				ps->err = REG_ECTYPE;
				return -1;
			}
			ps->s = e + 2;
			if (ps->icase && (cls == 6 || cls == 10))
				cls = 1; /* [:lower:] and [:upper:] are [:alpha:] ignoring case */
			add_class(ps, set, cls, 0);
			if (ps->s + 1 < ps->end && ps->s[0] == '-' && ps->s[1] != ']') {
				ps->err = REG_ERANGE; /* a class cannot start a range */
				return -1;
			}
			continue;
		}
		if (c == '[' && ps->s + 1 < ps->end && (ps->s[1] == '.' || ps->s[1] == '=')) {
			unsigned char kind = ps->s[1];
			ps->s += 2;
			lo = coll_elem(ps, kind);
			if (lo < 0)
				return -1;
			if (kind == '=') { /* equivalence class: the character itself */
				set_add(ps, set, (unsigned)lo);
				continue;
			}
		} else {
			lo = c;
			ps->s++;
		}
		/* a range lo-hi? ('-' before ']' is literal) */
		if (ps->s + 1 < ps->end && ps->s[0] == '-' && ps->s[1] != ']') {
			ps->s++;
			int hi;
			if (ps->s[0] == '[' && ps->s + 1 < ps->end && ps->s[1] == '.') {
				ps->s += 2;
				hi = coll_elem(ps, '.');
				if (hi < 0)
					return -1;
			} else if (ps->s[0] == '[' && ps->s + 1 < ps->end &&
			           (ps->s[1] == ':' || ps->s[1] == '=')) {
				ps->err = REG_ERANGE;
				return -1;
			} else {
				hi = *ps->s++;
			}
			if (hi < lo) {
				ps->err = REG_ERANGE;
				return -1;
			}
			for (int x = lo; x <= hi; x++)
				set_add(ps, set, (unsigned)x);
			if (ps->s + 1 < ps->end && ps->s[0] == '-' && ps->s[1] != ']') {
				ps->err =
				        REG_ERANGE; /* "a-c-e": ranges sharing an end (as glibc) */
				return -1;
			}
		} else {
			set_add(ps, set, (unsigned)lo);
		}
	}
	if (neg) {
		uint8_t *b = ps->p->sets[set];
		for (int i = 0; i < 32; i++)
			b[i] = (uint8_t)~b[i];
		if (ps->newline)
			b['\n' >> 3] &= (uint8_t) ~(1u << ('\n' & 7));
	}
	return node(ps, N_SET, set, 0);
}

/* Number of nodes in the subtree at n. */
static int subtree_size(struct parser *ps, int n)
{
	int size = 1;
	for (int c = ps->p->nodes[n].child; c >= 0; c = ps->p->nodes[c].next)
		size += subtree_size(ps, c);
	return size;
}

/* A deep copy of the subtree at n, or -1. */
static int copy_tree(struct parser *ps, int n)
{
	struct rnode src = ps->p->nodes[n];
	int m = node(ps, src.type, src.a, src.b);
	if (m < 0)
		return -1;
	for (int c = src.child; c >= 0; c = ps->p->nodes[c].next) {
		int cc = copy_tree(ps, c);
		if (cc < 0)
			return -1;
		add_child(ps, m, cc);
	}
	return m;
}

/* Applies the repetition {min,max} (max -1: unbounded) to atom; returns the new node. */
static int repeat(struct parser *ps, int atom, int min, int max)
{
	if (min == 1 && max == 1)
		return atom;
	if (max == 0)
		return node(ps, N_EMPTY, 0, 0);
	if (min <= 1 && (max == 1 || max < 0)) {
		int r = node(ps, N_REP, min, max);
		if (r >= 0)
			add_child(ps, r, atom);
		return r;
	}
	/* expand: min copies (the last one as x+ when unbounded) and max-min optional ones */
	long copies = max < 0 ? min : max;
	if ((long)subtree_size(ps, atom) * (copies + 1) + ps->p->nnodes > RX_MAX_NODES) {
		ps->err = REG_ESPACE;
		return -1;
	}
	int cat = node(ps, N_CAT, 0, 0);
	if (cat < 0)
		return -1;
	for (long i = 0; i < copies; i++) {
		int c = i == 0 ? atom : copy_tree(ps, atom);
		if (c < 0)
			return -1;
		if (i >= min || (max < 0 && i == min - 1)) {
			int r = node(ps, N_REP, i >= min ? 0 : 1, i >= min ? 1 : -1);
			if (r < 0)
				return -1;
			ps->p->nodes[r].copy = i > 0;
			add_child(ps, r, c);
			c = r;
		}
		add_child(ps, cat, c);
	}
	return cat;
}

/* Parses a decimal count of an interval; -1 if there is none. */
static int count(struct parser *ps)
{
	long v = -1;
	while (ps->s < ps->end && *ps->s >= '0' && *ps->s <= '9') {
		v = (v < 0 ? 0 : v) * 10 + (*ps->s++ - '0');
		if (v > RE_DUP_MAX + 1)
			v = RE_DUP_MAX + 1;
	}
	return (int)v;
}

/* Parses an interval after its '{' (or "\{"); stores min and max; 0 or -1. */
static int interval(struct parser *ps, int *min, int *max)
{
	int lo = count(ps), hi = lo;
	if (ps->s < ps->end && *ps->s == ',') {
		ps->s++;
		hi = count(ps);
		if (lo < 0)
			lo = 0; /* {,n} is {0,n} (as glibc) */
	}
	if (lo < 0) {
		ps->err = REG_EBRACE;
		return -1;
	}
	if (ps->ere) {
		if (ps->s >= ps->end || *ps->s != '}') {
			ps->err = REG_EBRACE;
			return -1;
		}
		ps->s++;
	} else {
		if (ps->s + 1 >= ps->end || ps->s[0] != '\\' || ps->s[1] != '}') {
			ps->err = REG_EBRACE;
			return -1;
		}
		ps->s += 2;
	}
	if (lo > RE_DUP_MAX || hi > RE_DUP_MAX || (hi >= 0 && hi < lo)) {
		ps->err = REG_BADBR;
		return -1;
	}
	*min = lo;
	*max = hi;
	return 0;
}

static int regex(struct parser *ps);

/*
 * Parses one atom; returns its node, -2 if the next token ends the branch
 * ('|', ')' or the end), -1 on error. *is_assert tells whether it is an
 * anchor (which cannot be repeated).
 */
static int atom(struct parser *ps, int branch_start, int *is_assert)
{
	*is_assert = 0;
	if (ps->s >= ps->end)
		return -2;
	unsigned char c = *ps->s;
	if (ps->ere) {
		switch (c) {
		case '|':
			return -2;
		case ')':
			if (ps->depth > 0)
				return -2;
			ps->s++;
			return byte_node(ps, c); /* unmatched ')' is literal */
		case '(': {
			ps->s++;
			if (ps->depth >= RX_MAX_DEPTH) {
				ps->err = REG_ESPACE;
				return -1;
			}
			int g = ++ps->ngroups;
			ps->depth++;
			int inner = regex(ps);
			if (inner < 0)
				return -1;
			if (ps->s >= ps->end || *ps->s != ')') {
				ps->err = REG_EPAREN;
				return -1;
			}
			ps->s++;
			ps->depth--;
			if (g <= 9)
				ps->closed[g] = 1;
			int n = node(ps, N_GROUP, g, 0);
			if (n >= 0)
				add_child(ps, n, inner);
			return n;
		}
		case '*':
		case '+':
		case '?':
			ps->err = REG_BADRPT;
			return -1;
		case '{':
			if (ps->s + 1 < ps->end && ps->s[1] >= '0' && ps->s[1] <= '9') {
				ps->err = REG_BADRPT;
				return -1;
			}
			ps->s++;
			return byte_node(ps, c);
		case '^':
			ps->s++;
			*is_assert = 1;
			return node(ps, N_ASSERT, A_BOL, 0);
		case '$':
			ps->s++;
			*is_assert = 1;
			return node(ps, N_ASSERT, A_EOL, 0);
		default:
			break;
		}
	} else {
		if (c == '\\' && ps->s + 1 < ps->end &&
		    (ps->s[1] == '|' || (ps->s[1] == ')' && ps->depth > 0)))
			return -2;
		if (c == '\\' && ps->s + 1 < ps->end && ps->s[1] == ')') {
			ps->err = REG_EPAREN;
			return -1;
		}
		if (c == '\\' && ps->s + 1 < ps->end && ps->s[1] == '(') {
			ps->s += 2;
			if (ps->depth >= RX_MAX_DEPTH) {
				ps->err = REG_ESPACE;
				return -1;
			}
			int g = ++ps->ngroups;
			ps->depth++;
			int inner = regex(ps);
			if (inner < 0)
				return -1;
			if (ps->s + 1 >= ps->end || ps->s[0] != '\\' || ps->s[1] != ')') {
				ps->err = REG_EPAREN;
				return -1;
			}
			ps->s += 2;
			ps->depth--;
			if (g <= 9)
				ps->closed[g] = 1;
			int n = node(ps, N_GROUP, g, 0);
			if (n >= 0)
				add_child(ps, n, inner);
			return n;
		}
		if (c == '^' && branch_start) {
			ps->s++;
			*is_assert = 1;
			return node(ps, N_ASSERT, A_BOL, 0);
		}
		if (c == '$') {
			/* an anchor only at the end of a branch */
			const unsigned char *n = ps->s + 1;
			if (n >= ps->end ||
			    (n + 1 < ps->end && n[0] == '\\' && (n[1] == ')' || n[1] == '|'))) {
				ps->s++;
				*is_assert = 1;
				return node(ps, N_ASSERT, A_EOL, 0);
			}
		}
		if (c == '*' && branch_start) { /* literal at the start */
			ps->s++;
			return byte_node(ps, c);
		}
		if (c == '\\' && ps->s + 1 < ps->end && ps->s[1] == '{' && branch_start) {
			ps->err = REG_BADRPT;
			return -1;
		}
	}
	if (c == '.') {
		ps->s++;
		int set = new_set(ps);
		if (set < 0)
			return -1;
		memset(ps->p->sets[set], 0xff, 32);
		if (ps->newline)
			ps->p->sets[set]['\n' >> 3] &= (uint8_t) ~(1u << ('\n' & 7));
		return node(ps, N_SET, set, 0);
	}
	if (c == '[') {
		ps->s++;
		return bracket(ps);
	}
	if (c == '\\') {
		if (ps->s + 1 >= ps->end) {
			ps->err = REG_EESCAPE;
			return -1;
		}
		unsigned char e = ps->s[1];
		ps->s += 2;
		if (e >= '1' && e <= '9') {
			int g = e - '0';
			if (!ps->closed[g]) {
				ps->err = REG_ESUBREG;
				return -1;
			}
			ps->p->backrefs = 1;
			return node(ps, N_BACKREF, g, 0);
		}
		switch (e) {
		case 'w':
			return class_node(ps, 12, 0);
		case 'W':
			return class_node(ps, 12, 1);
		case 's':
			return class_node(ps, 9, 0);
		case 'S':
			return class_node(ps, 9, 1);
		case 'b':
			*is_assert = 1;
			return node(ps, N_ASSERT, A_WORDB, 0);
		case 'B':
			*is_assert = 1;
			return node(ps, N_ASSERT, A_NWORDB, 0);
		case '<':
			*is_assert = 1;
			return node(ps, N_ASSERT, A_WBEG, 0);
		case '>':
			*is_assert = 1;
			return node(ps, N_ASSERT, A_WEND, 0);
		case '`':
			*is_assert = 1;
			return node(ps, N_ASSERT, A_BUFBEG, 0);
		case '\'':
			*is_assert = 1;
			return node(ps, N_ASSERT, A_BUFEND, 0);
		case '{':
			if (!ps->ere) {
				ps->err = REG_BADRPT;
				return -1;
			}
			break;
		case '+':
		case '?':
			if (!ps->ere) {
				if (branch_start)
					return byte_node(ps, e); /* literal at the start, as '*' */
				ps->err = REG_BADRPT;
				return -1;
			}
			break;
		default:
			break;
		}
		return byte_node(ps, e);
	}
	ps->s++;
	return byte_node(ps, c);
}

/* Parses the repetition operators after an atom; returns the (new) node. */
static int repetitions(struct parser *ps, int n, int is_assert)
{
	int count_ops = 0;
	for (;;) {
		int min, max;
		if (ps->s >= ps->end)
			return n;
		unsigned char c = *ps->s;
		if (ps->ere && (c == '*' || c == '+' || c == '?')) {
			ps->s++;
			min = c == '+';
			max = c == '?' ? 1 : -1;
		} else if (ps->ere && c == '{') {
			ps->s++;
			if (interval(ps, &min, &max) < 0)
				return -1;
		} else if (!ps->ere && c == '*') {
			ps->s++;
			min = 0;
			max = -1;
		} else if (!ps->ere && c == '\\' && ps->s + 1 < ps->end &&
		           (ps->s[1] == '{' || ps->s[1] == '+' || ps->s[1] == '?')) {
			unsigned char e = ps->s[1];
			ps->s += 2;
			if (e == '{') {
				if (interval(ps, &min, &max) < 0)
					return -1;
			} else {
				min = e == '+';
				max = e == '?' ? 1 : -1;
			}
		} else {
			return n;
		}
		if (is_assert && ps->ere) {
			ps->err = REG_BADRPT;
			return -1;
		}
		if (!ps->ere && count_ops > 0) {
			ps->err = REG_BADRPT; /* "a**" (as glibc) */
			return -1;
		}
		if (count_ops >= RX_MAX_DEPTH) { /* keeps the tree shallow */
			ps->err = REG_ESPACE;
			return -1;
		}
		count_ops++;
		n = repeat(ps, n, min, max);
		if (n < 0)
			return -1;
	}
}

/* Parses a branch: a possibly empty sequence of pieces. */
static int branch(struct parser *ps)
{
	int cat = node(ps, N_CAT, 0, 0);
	if (cat < 0)
		return -1;
	int start = 1;
	for (;;) {
		int is_assert;
		int a = atom(ps, start, &is_assert);
		if (a == -2)
			return cat;
		if (a < 0)
			return -1;
		/* in a BRE, "^*": the '*' after the leading anchor is literal */
		int still_start = !ps->ere && is_assert && start && ps->p->nodes[a].a == A_BOL;
		if (!still_start)
			a = repetitions(ps, a, is_assert);
		if (a < 0)
			return -1;
		add_child(ps, cat, a);
		start = still_start;
	}
}

/* Parses alternatives separated by '|' (or "\|"). */
static int regex(struct parser *ps)
{
	int alt = node(ps, N_ALT, 0, 0);
	if (alt < 0)
		return -1;
	for (;;) {
		int b = branch(ps);
		if (b < 0)
			return -1;
		add_child(ps, alt, b);
		if (ps->s < ps->end && ps->ere && *ps->s == '|') {
			ps->s++;
			continue;
		}
		if (!ps->ere && ps->s + 1 < ps->end && ps->s[0] == '\\' && ps->s[1] == '|') {
			ps->s += 2;
			continue;
		}
		return alt;
	}
}

/* Parses the pattern into prog; see regex_impl.h. */
int __rx_parse(struct rprog *p, const char *pattern, size_t len, int cflags)
{
	struct parser ps = {0};
	ps.p = p;
	ps.s = (const unsigned char *)pattern;
	ps.end = ps.s + len;
	ps.ere = (cflags & REG_EXTENDED) != 0;
	ps.icase = (cflags & REG_ICASE) != 0;
	ps.newline = (cflags & REG_NEWLINE) != 0;
	if (cflags & REG_NOSPEC) {
		int cat = node(&ps, N_CAT, 0, 0);
		for (size_t i = 0; cat >= 0 && i < len; i++) {
			int b = byte_node(&ps, ps.s[i]);
			if (b < 0)
				break;
			add_child(&ps, cat, b);
		}
		p->root = cat;
		p->nsub = 0;
		return ps.err;
	}
	int r = regex(&ps);
	if (r >= 0 && ps.s < ps.end) /* only an unmatched "\)" or ")" can stop the parse early */
		ps.err = REG_EPAREN;
	if (ps.err)
		return ps.err;
	p->root = r;
	p->nsub = (size_t)ps.ngroups;
	return 0;
}
