/*
 * regcomp.c - regcomp(), regfree() and regerror(): parse (regparse.c),
 * annotate the tree, and compile it into the NFA program of regex_impl.h.
 */
#include <stdlib.h>
#include <string.h>
#include "regex_impl.h"

struct emitter {
	struct rprog *p;
	int cap;
	int err;
};

/* Appends an instruction; returns its pc (or -1 with err set). */
static int emit(struct emitter *e, int op, int x, int y)
{
	struct rprog *p = e->p;
	if (p->ncode >= RX_MAX_INSTS) {
		e->err = REG_ESPACE;
		return -1;
	}
	if (p->ncode == e->cap) {
		int cap = e->cap ? e->cap * 2 : 64;
		struct rinst *c = realloc(p->code, sizeof(*c) * (size_t)cap);
		if (!c) {
			e->err = REG_ESPACE;
			return -1;
		}
		p->code = c;
		e->cap = cap;
	}
	p->code[p->ncode] = (struct rinst){op, x, y};
	return p->ncode++;
}

/* Compiles node n; sets its pc range, width and groups flag. */
static void compile(struct emitter *e, int n)
{
	struct rnode *nodes = e->p->nodes;
	struct rnode *nd = &nodes[n];
	nd->pc = e->p->ncode;
	nd->width = -1;
	nd->groups = 0;
	nd->loop = -1;
	switch (nd->type) {
	case N_EMPTY:
		nd->width = 0;
		break;
	case N_SET:
		emit(e, OP_SET, nd->a, 0);
		nd->width = 1;
		break;
	case N_ASSERT:
		emit(e, OP_ASSERT, nd->a, 0);
		nd->width = 0;
		break;
	case N_BACKREF:
		break;
	case N_GROUP:
		compile(e, nd->child);
		nd = &e->p->nodes[n];
		nd->groups = 1;
		nd->width = e->p->nodes[nd->child].width;
		break;
	case N_CAT: {
		int w = 0;
		for (int c = nd->child; c >= 0; c = e->p->nodes[c].next) {
			compile(e, c);
			struct rnode *cn = &e->p->nodes[c];
			w = w < 0 || cn->width < 0 ? -1 : w + cn->width;
			e->p->nodes[n].groups |= cn->groups;
		}
		e->p->nodes[n].width = w;
		break;
	}
	case N_ALT: {
		int first = nd->child;
		if (e->p->nodes[first].next < 0) { /* one branch */
			compile(e, first);
			e->p->nodes[n].width = e->p->nodes[first].width;
			e->p->nodes[n].groups = e->p->nodes[first].groups;
			break;
		}
		/* SPLIT L1,N1; L1: c1; JMP end; N1: SPLIT L2,N2; ... ; last: ck; end: */
		int k = 0, w = -2, g = 0;
		for (int c = first; c >= 0; c = e->p->nodes[c].next)
			k++;
		int *jmp = malloc(sizeof(int) * (size_t)k), nj = 0;
		if (!jmp) {
			e->err = REG_ESPACE;
			break;
		}
		for (int c = first; c >= 0 && !e->err; c = e->p->nodes[c].next) {
			int last = e->p->nodes[c].next < 0;
			int split = last ? -1 : emit(e, OP_SPLIT, e->p->ncode + 1, 0);
			compile(e, c);
			struct rnode *cn = &e->p->nodes[c];
			g |= cn->groups;
			w = w == -2 ? cn->width : (w == cn->width ? w : -1);
			if (!last) {
				jmp[nj++] = emit(e, OP_JMP, 0, 0);
				if (!e->err)
					e->p->code[split].y = e->p->ncode;
			}
		}
		if (!e->err)
			for (int i = 0; i < nj; i++)
				e->p->code[jmp[i]].x = e->p->ncode;
		free(jmp);
		e->p->nodes[n].width = w < 0 ? -1 : w;
		e->p->nodes[n].groups = g;
		break;
	}
	case N_REP: {
		int min = nd->a, max = nd->b, child = nd->child;
		if (max == 1) { /* SPLIT L1,L2; L1: child; L2: */
			int split = emit(e, OP_SPLIT, e->p->ncode + 1, 0);
			compile(e, child);
			if (!e->err)
				e->p->code[split].y = e->p->ncode;
		} else if (min == 0) { /* L0: SPLIT L1,L3; L1: child; L2: JMP L0; L3: */
			int split = emit(e, OP_SPLIT, e->p->ncode + 1, 0);
			compile(e, child);
			int loop = emit(e, OP_JMP, split, 0);
			if (!e->err)
				e->p->code[split].y = e->p->ncode;
			e->p->nodes[n].loop = loop;
		} else { /* L1: child; L2: SPLIT L1,L3; L3: */
			int start = e->p->ncode;
			compile(e, child);
			int loop = emit(e, OP_SPLIT, start, e->p->ncode + 1);
			e->p->nodes[n].loop = loop;
		}
		struct rnode *cn = &e->p->nodes[child];
		e->p->nodes[n].groups = cn->groups;
		e->p->nodes[n].width = cn->width == 0 ? 0 : -1;
		break;
	}
	}
	e->p->nodes[n].pcend = e->p->ncode;
}

/* Annotates a tree that is not compiled (back-references): groups flags only. */
static int mark_groups(struct rprog *p, int n)
{
	int g = p->nodes[n].type == N_GROUP;
	for (int c = p->nodes[n].child; c >= 0; c = p->nodes[c].next)
		g |= mark_groups(p, c);
	p->nodes[n].groups = g;
	return g;
}

/*
 * Computes the bytes a match can start with and whether every match is
 * anchored at the subject start, by walking the epsilon edges from pc 0.
 */
static int analyse(struct rprog *p)
{
	int *stack = malloc(sizeof(int) * (size_t)(p->ncode + 1));
	uint8_t *seen = calloc((size_t)p->ncode + 1, 1);
	if (!stack || !seen) {
		free(stack);
		free(seen);
		return REG_ESPACE;
	}
	int sp = 0, anchored = 1;
	memset(p->first, 0, 32);
	p->first_any = 0;
	stack[sp++] = 0;
	seen[0] = 1;
	while (sp > 0) {
		int pc = stack[--sp];
		struct rinst *in = &p->code[pc];
		int nx[2], nn = 0;
		switch (in->op) {
		case OP_SET:
			for (int i = 0; i < 32; i++)
				p->first[i] |= p->sets[in->x][i];
			anchored = 0;
			break;
		case OP_MATCH:
			p->first_any = 1;
			anchored = 0;
			break;
		case OP_JMP:
			nx[nn++] = in->x;
			break;
		case OP_SPLIT:
			nx[nn++] = in->x;
			nx[nn++] = in->y;
			break;
		case OP_ASSERT:
			if (in->x == A_BOL && !(p->cflags & REG_NEWLINE))
				break; /* this path is anchored; it starts nothing elsewhere */
			if (in->x == A_BUFBEG)
				break;
			nx[nn++] = pc + 1;
			break;
		}
		for (int i = 0; i < nn; i++)
			if (!seen[nx[i]]) {
				seen[nx[i]] = 1;
				stack[sp++] = nx[i];
			}
	}
	/* paths stopped at an anchor: a match may start at the subject start with anything */
	for (int pc = 0; pc < p->ncode; pc++)
		if (seen[pc] && p->code[pc].op == OP_ASSERT &&
		    ((p->code[pc].x == A_BOL && !(p->cflags & REG_NEWLINE)) ||
		     p->code[pc].x == A_BUFBEG))
			p->first_any = 1;
	int only_anchor = anchored;
	p->anchored = only_anchor && p->ncode > 0;
	free(stack);
	free(seen);
	return 0;
}

/* Frees a compiled program. */
static void prog_free(struct rprog *p)
{
	if (!p)
		return;
	free(p->nodes);
	free(p->code);
	free(p->sets);
	free(p);
}

/*
 * Compiles pattern (basic, or extended with REG_EXTENDED) into *preg.
 * Returns 0 or a REG_* error; on error *preg holds nothing to free.
 */
int regcomp(regex_t *restrict preg, const char *restrict pattern, int cflags)
{
	if (!preg || !pattern)
		return REG_INVARG;
	preg->re_magic = 0;
	preg->re_g = NULL;
	struct rprog *p = calloc(1, sizeof(*p));
	if (!p)
		return REG_ESPACE;
	p->cflags = cflags;
	size_t len;
	if (cflags & REG_PEND) {
		if (!preg->re_endp || preg->re_endp < pattern) {
			free(p);
			return REG_INVARG;
		}
		len = (size_t)(preg->re_endp - pattern);
	} else {
		len = strlen(pattern);
	}
	int err = __rx_parse(p, pattern, len, cflags);
	if (!err) {
		if (p->backrefs) {
			mark_groups(p, p->root);
			err = __rx_bt_compile(p);
		} else {
			struct emitter e = {p, 0, 0};
			compile(&e, p->root);
			emit(&e, OP_MATCH, 0, 0);
			err = e.err;
			if (!err)
				err = analyse(p);
		}
	}
	if (err) {
		prog_free(p);
		return err;
	}
	preg->re_nsub = p->nsub;
	preg->re_g = p;
	preg->re_magic = RX_MAGIC;
	return 0;
}

/* Frees what regcomp() allocated. */
void regfree(regex_t *preg)
{
	if (!preg || preg->re_magic != RX_MAGIC)
		return;
	prog_free(preg->re_g);
	preg->re_g = NULL;
	preg->re_magic = 0;
}

static const char *const messages[] = {
        [REG_OK] = "Success",
        [REG_NOMATCH] = "No match",
        [REG_BADPAT] = "Invalid regular expression",
        [REG_ECOLLATE] = "Invalid collation character",
        [REG_ECTYPE] = "Invalid character class name",
        [REG_EESCAPE] = "Trailing backslash",
        [REG_ESUBREG] = "Invalid back reference",
        [REG_EBRACK] = "Unmatched [ or [^",
        [REG_EPAREN] = "Unmatched ( or \\(",
        [REG_EBRACE] = "Unmatched \\{",
        [REG_BADBR] = "Invalid content of \\{\\}",
        [REG_ERANGE] = "Invalid range end",
        [REG_ESPACE] = "Out of memory, or the expression is too large or too complex",
        [REG_BADRPT] = "Invalid preceding regular expression",
        [REG_EMPTY] = "Empty expression",
        [REG_ASSERT] = "Internal error",
        [REG_INVARG] = "Invalid argument",
        [REG_ENOSYS] = "Not implemented",
};

/*
 * Writes the message of errcode into errbuf (truncated to errbuf_size - 1
 * bytes); returns the size the whole message needs, NUL included.
 */
size_t regerror(int errcode, const regex_t *restrict preg, char *restrict errbuf,
                size_t errbuf_size)
{
	(void)preg;
	const char *m = "Unknown error";
	if (errcode >= 0 && errcode < (int)(sizeof(messages) / sizeof(messages[0])) &&
	    messages[errcode])
		m = messages[errcode];
	size_t n = strlen(m) + 1;
	if (errbuf && errbuf_size) {
		size_t k = n < errbuf_size ? n : errbuf_size;
		memcpy(errbuf, m, k - 1);
		errbuf[k - 1] = 0;
	}
	return n;
}
