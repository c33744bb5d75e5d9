/*
 * regexec.c - regexec() for patterns without back-references.
 *
 * 1. The leftmost-longest match is found by simulating the NFA with one
 *    thread per program position (Thompson's construction, no
 *    backtracking): each thread carries the position where its match
 *    started, and where two threads meet the earlier start wins. Time is
 *    O(text length x program size), memory O(program size).
 * 2. The subexpressions are then assigned top-down by POSIX's rules: in a
 *    concatenation each part takes the longest text that still lets the rest
 *    match; a repetition's iterations are each the longest possible and the
 *    last one is reported; an alternation takes its first alternative that
 *    matches the text assigned to it. Each "longest split" is found by the
 *    same simulation on the part's program range, with threads carrying the
 *    position where they crossed the split point (the later one wins).
 */
#include <stdlib.h>
#include <string.h>
#include "regex_impl.h"

#define UNSET 0x7fffffffffffffffL

struct vm {
	const struct rprog *p;
	const unsigned char *s;
	long beg, end;
	int eflags;
	/* two generations of thread sets */
	long *tag[2];
	unsigned *seen[2];
	int *list[2];
	int nlist[2];
	unsigned stamp[2];
	/* the closure's work stack */
	int *spc;
	long *stag;
	int scap;
	/* the simulation being run */
	int exit, mark, minmode;
	long pos;
	int oom;
};

static int is_word(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c == '_';
}

/* 1 if assertion kind holds at pos; see regex_impl.h. */
int __rx_assert(int kind, const unsigned char *s, long beg, long end, long pos, int cflags,
                int eflags)
{
	int before = pos > beg && is_word(s[pos - 1]);
	int after = pos < end && is_word(s[pos]);
	switch (kind) {
	case A_BOL:
		if (pos == beg)
			return !(eflags & REG_NOTBOL);
		return (cflags & REG_NEWLINE) && s[pos - 1] == '\n';
	case A_EOL:
		if (pos == end)
			return !(eflags & REG_NOTEOL);
		return (cflags & REG_NEWLINE) && s[pos] == '\n';
	case A_WORDB:
		return before != after;
	case A_NWORDB:
		return before == after;
	case A_WBEG:
		return !before && after;
	case A_WEND:
		return before && !after;
	case A_BUFBEG:
		return pos == beg;
	default: /* A_BUFEND */
		return pos == end;
	}
}

/* Starts a new, empty generation g. */
static void gen_reset(struct vm *v, int g)
{
	v->nlist[g] = 0;
	if (++v->stamp[g] == 0) { /* wrapped: clear the marks */
		memset(v->seen[g], 0, sizeof(unsigned) * (size_t)v->p->ncode);
		v->stamp[g] = 1;
	}
}

/*
 * Adds a thread at pc with tag to generation g and follows its epsilon
 * edges (assertions evaluated at v->pos). A thread that reaches a program
 * position already held keeps the better tag: the smaller (earlier start) in
 * min mode, the larger (later split) otherwise; UNSET is the largest.
 */
static void add(struct vm *v, int g, int pc, long tag)
{
	int sp = 0;
	v->spc[sp] = pc;
	v->stag[sp++] = tag;
	while (sp > 0) {
		pc = v->spc[--sp];
		tag = v->stag[sp];
		if (pc == v->mark && tag == UNSET)
			tag = v->pos;
		if (v->seen[g][pc] == v->stamp[g]) {
			long old = v->tag[g][pc];
			if (v->minmode ? tag >= old : tag <= old)
				continue;
		} else {
			v->seen[g][pc] = v->stamp[g];
			v->list[g][v->nlist[g]++] = pc;
		}
		v->tag[g][pc] = tag;
		if (pc == v->exit)
			continue;
		const struct rinst *in = &v->p->code[pc];
		if (sp + 2 > v->scap) {
			int cap = v->scap * 2;
			int *a = realloc(v->spc, sizeof(int) * (size_t)cap);
			if (a)
				v->spc = a;
			long *b = realloc(v->stag, sizeof(long) * (size_t)cap);
			if (b)
				v->stag = b;
			if (!a || !b) {
				v->oom = 1;
				return;
			}
			v->scap = cap;
		}
		switch (in->op) {
		case OP_JMP:
			v->spc[sp] = in->x;
			v->stag[sp++] = tag;
			break;
		case OP_SPLIT:
			v->spc[sp] = in->y;
			v->stag[sp++] = tag;
			v->spc[sp] = in->x;
			v->stag[sp++] = tag;
			break;
		case OP_ASSERT:
			if (__rx_assert(in->x, v->s, v->beg, v->end, v->pos, v->p->cflags,
			                v->eflags)) {
				v->spc[sp] = pc + 1;
				v->stag[sp++] = tag;
			}
			break;
		default:
			break;
		}
	}
}

/* Moves every thread of generation g over the byte at v->pos into generation g^1. */
static void step(struct vm *v, int g)
{
	int ng = g ^ 1;
	gen_reset(v, ng);
	unsigned char c = v->s[v->pos];
	v->pos++;
	for (int i = 0; i < v->nlist[g]; i++) {
		int pc = v->list[g][i];
		const struct rinst *in = &v->p->code[pc];
		if (in->op == OP_SET && pc != v->exit && rx_inset(v->p, in->x, c))
			add(v, ng, pc + 1, v->tag[g][pc]);
	}
}

/* The first position at or after pos whose byte can start a match (or the end). */
static long next_start(const struct vm *v, long pos)
{
	const struct rprog *p = v->p;
	if (p->first_any)
		return pos;
	while (pos < v->end && !((p->first[v->s[pos] >> 3] >> (v->s[pos] & 7)) & 1))
		pos++;
	return pos;
}

/*
 * Finds the leftmost-longest match in [beg, end): stores its bounds and
 * returns 1, or returns 0. With `any`, stops at the first match found.
 */
static int find(struct vm *v, long *ms, long *me, int any)
{
	const struct rprog *p = v->p;
	int g = 0, match_pc = p->ncode - 1;
	long best_s = -1, best_e = -1;
	v->minmode = 1;
	v->mark = -1;
	v->exit = match_pc;
	gen_reset(v, g);
	v->pos = v->beg;
	for (;;) {
		if (best_s < 0 && (!p->anchored || v->pos == v->beg)) {
			if (v->nlist[g] == 0 && !p->first_any) {
				/* no thread alive: skip to a byte that can start a match */
				v->pos = next_start(v, v->pos);
				if (v->pos >= v->end)
					break; /* such a pattern cannot match the empty string */
			}
			add(v, g, 0, v->pos);
		}
		if (v->oom)
			return -1;
		if (v->seen[g][match_pc] == v->stamp[g]) {
			long t = v->tag[g][match_pc];
			if (best_s < 0 || t < best_s || (t == best_s && v->pos > best_e)) {
				best_s = t;
				best_e = v->pos;
				if (any)
					break;
			}
		}
		if (best_s >= 0) { /* drop the threads that started later */
			int k = 0;
			for (int i = 0; i < v->nlist[g]; i++) {
				int pc = v->list[g][i];
				if (v->tag[g][pc] <= best_s)
					v->list[g][k++] = pc;
			}
			v->nlist[g] = k;
			if (k == 0)
				break;
		}
		if (v->pos >= v->end)
			break;
		if (p->anchored && best_s < 0 && v->nlist[g] == 0)
			break;
		step(v, g);
		g ^= 1;
		if (v->oom)
			return -1;
	}
	if (best_s < 0)
		return 0;
	*ms = best_s;
	*me = best_e;
	return 1;
}

/*
 * Runs the program from entry at position from, threads stopping at exit;
 * returns the best tag of a thread at exit exactly at position to (the
 * latest crossing of mark), or -1 if none gets there. Without a mark, any
 * thread at exit gives from.
 */
static long run(struct vm *v, int entry, int exit, int mark, long from, long to)
{
	int g = 0;
	v->minmode = 0;
	v->exit = exit;
	v->mark = mark;
	v->pos = from;
	gen_reset(v, g);
	add(v, g, entry, mark < 0 ? from : UNSET);
	for (;;) {
		if (v->oom)
			return -1;
		if (v->pos == to) {
			if (v->seen[g][exit] == v->stamp[g])
				return v->tag[g][exit] == UNSET ? to : v->tag[g][exit];
			return -1;
		}
		if (v->nlist[g] == 0)
			return -1;
		step(v, g);
		g ^= 1;
	}
}

/* Sets every subexpression inside node n to "no match". */
static void clear_groups(struct vm *v, int n, size_t nm, regmatch_t *pm)
{
	const struct rnode *nd = &v->p->nodes[n];
	if (!nd->groups)
		return;
	if (nd->type == N_GROUP && (size_t)nd->a < nm)
		pm[nd->a].rm_so = pm[nd->a].rm_eo = -1;
	for (int c = nd->child; c >= 0; c = v->p->nodes[c].next)
		clear_groups(v, c, nm, pm);
}

/* Assigns the subexpressions inside node n, which matches [a, b) exactly. */
static void assign(struct vm *v, int n, long a, long b, size_t nm, regmatch_t *pm)
{
	const struct rnode *nodes = v->p->nodes, *nd = &nodes[n];
	if (!nd->groups || v->oom)
		return;
	switch (nd->type) {
	case N_GROUP:
		if ((size_t)nd->a < nm) {
			pm[nd->a].rm_so = a;
			pm[nd->a].rm_eo = b;
		}
		assign(v, nd->child, a, b, nm, pm);
		return;
	case N_CAT: {
		long p = a;
		for (int c = nd->child; c >= 0; c = nodes[c].next) {
			int next = nodes[c].next;
			if (next < 0) {
				if (nodes[c].type != N_REP)
					clear_groups(v, c, nm, pm);
				assign(v, c, p, b, nm, pm);
				return;
			}
			int later = 0; /* does this or a later part hold a group? */
			for (int k = c; k >= 0 && !later; k = nodes[k].next)
				later = nodes[k].groups;
			if (!later)
				return;
			long q;
			if (nodes[c].width >= 0)
				q = p + nodes[c].width;
			else
				q = run(v, nodes[c].pc, nd->pcend, nodes[next].pc, p, b);
			if (q < 0)
				return; /* cannot happen: the whole matched */
			/*
			 * copies of a counted repetition share groups: each starts afresh
			 * (an optional copy clears them only if it takes an iteration)
			 */
			if (nodes[c].type != N_REP)
				clear_groups(v, c, nm, pm);
			assign(v, c, p, q, nm, pm);
			p = q;
		}
		return;
	}
	case N_ALT:
		for (int c = nd->child; c >= 0; c = nodes[c].next) {
			if (nodes[c].next < 0 ||
			    run(v, nodes[c].pc, nodes[c].pcend, -1, a, b) >= 0) {
				assign(v, c, a, b, nm, pm);
				return;
			}
		}
		return;
	case N_REP:
		/*
		 * An empty match: one empty iteration if the operand can match the
		 * empty string here (so (a*)* against "b" reports group 1 as
		 * (0,0), as AT&T's reference tests and glibc do), else none; but an
		 * optional later copy of x{m,n} adds no empty iteration after
		 * earlier ones (as x* adds none after non-empty ones).
		 */
		if (a == b) {
			if (nd->a == 1 ||
			    (!nd->copy &&
			     run(v, nodes[nd->child].pc, nodes[nd->child].pcend, -1, a, a) >= 0)) {
				clear_groups(v, nd->child, nm, pm);
				assign(v, nd->child, a, b, nm, pm);
			}
			return;
		}
		if (nd->b == 1) { /* x? */
			clear_groups(v, nd->child, nm, pm);
			assign(v, nd->child, a, b, nm, pm);
			return;
		}
		for (long p = a; p < b;) {
			long q = run(v, nodes[nd->child].pc, nd->pcend, nd->loop, p, b);
			clear_groups(v, nd->child, nm, pm);
			if (q <= p) { /* cannot happen: an iteration is never empty here */
				assign(v, nd->child, p, b, nm, pm);
				return;
			}
			assign(v, nd->child, p, q, nm, pm);
			p = q;
		}
		return;
	default:
		return;
	}
}

/*
 * Matches string against the compiled preg. Returns 0 and fills pmatch[0]
 * (the whole match) and pmatch[1..nmatch-1] (the subexpressions, -1 for
 * those that did not take part), or REG_NOMATCH, or REG_ESPACE.
 * REG_STARTEND takes the subject as string[pmatch[0].rm_so..rm_eo).
 */
int regexec(const regex_t *restrict preg, const char *restrict string, size_t nmatch,
            regmatch_t *restrict pmatch, int eflags)
{
	if (!preg || preg->re_magic != RX_MAGIC || !string)
		return REG_BADPAT;
	const struct rprog *p = preg->re_g;
	long beg = 0, end;
	if (eflags & REG_STARTEND) {
		if (!pmatch || pmatch[0].rm_so < 0 || pmatch[0].rm_eo < pmatch[0].rm_so)
			return REG_INVARG;
		beg = pmatch[0].rm_so;
		end = pmatch[0].rm_eo;
	} else {
		end = (long)strlen(string);
	}
	if (p->cflags & REG_NOSUB)
		nmatch = 0;
	if (p->backrefs)
		return __rx_backtrack(p, string, beg, end, eflags, nmatch, pmatch);

	struct vm v = {0};
	v.p = p;
	v.s = (const unsigned char *)string;
	v.beg = beg;
	v.end = end;
	v.eflags = eflags;
	size_t n = (size_t)p->ncode;
	v.scap = 2 * p->ncode + 16;
	char *mem = malloc(2 * n * (sizeof(long) + sizeof(unsigned) + sizeof(int)));
	v.spc = malloc(sizeof(int) * (size_t)v.scap);
	v.stag = malloc(sizeof(long) * (size_t)v.scap);
	if (!mem || !v.spc || !v.stag) {
		free(mem);
		free(v.spc);
		free(v.stag);
		return REG_ESPACE;
	}
	v.tag[0] = (long *)mem;
	v.tag[1] = v.tag[0] + n;
	v.seen[0] = (unsigned *)(v.tag[1] + n);
	v.seen[1] = v.seen[0] + n;
	v.list[0] = (int *)(v.seen[1] + n);
	v.list[1] = v.list[0] + n;
	memset(v.seen[0], 0, 2 * n * sizeof(unsigned));

	long ms, me;
	int r = find(&v, &ms, &me, nmatch == 0);
	int ret = REG_NOMATCH;
	if (r > 0) {
		ret = 0;
		if (nmatch > 0) {
			pmatch[0].rm_so = ms;
			pmatch[0].rm_eo = me;
			for (size_t i = 1; i < nmatch; i++)
				pmatch[i].rm_so = pmatch[i].rm_eo = -1;
			if (nmatch > 1)
				assign(&v, p->root, ms, me, nmatch, pmatch);
		}
	}
	if (r < 0 || v.oom)
		ret = REG_ESPACE;
	free(mem);
	free(v.spc);
	free(v.stag);
	return ret;
}
