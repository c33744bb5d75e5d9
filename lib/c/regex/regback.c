/*
 * regback.c - matching patterns with back-references: a backtracking
 * machine with an explicit stack (no recursion, so the text length does not
 * bound the C stack), exploring every way to match from each start position
 * and keeping the longest; among equally long matches the first found in
 * the greedy order (earlier alternatives, more iterations) gives the
 * subexpressions. Loops refuse empty iterations. The work is bounded by
 * RX_BT_STEPS machine steps per regexec() call: past it regexec() returns
 * REG_ESPACE instead of running for an unbounded time.
 */
#include <stdlib.h>
#include <string.h>
#include "regex_impl.h"

struct bc {
	struct rprog *p;
	int cap;
	int err;
};

static int bemit(struct bc *b, int op, int x, int y)
{
	struct rprog *p = b->p;
	if (p->ncode >= RX_MAX_INSTS) {
		b->err = REG_ESPACE;
		return -1;
	}
	if (p->ncode == b->cap) {
		int cap = b->cap ? b->cap * 2 : 64;
		struct rinst *c = realloc(p->code, sizeof(*c) * (size_t)cap);
		if (!c) {
			b->err = REG_ESPACE;
			return -1;
		}
		p->code = c;
		b->cap = cap;
	}
	p->code[p->ncode] = (struct rinst){op, x, y};
	return p->ncode++;
}

/* Compiles node n for the backtracker. */
static void bcompile(struct bc *b, int n)
{
	const struct rnode *nd = &b->p->nodes[n];
	switch (nd->type) {
	case N_EMPTY:
		break;
	case N_SET:
		bemit(b, OP_SET, nd->a, 0);
		break;
	case N_ASSERT:
		bemit(b, OP_ASSERT, nd->a, 0);
		break;
	case N_BACKREF:
		bemit(b, OP_BACKREF, nd->a, 0);
		break;
	case N_GROUP:
		bemit(b, OP_SAVE, 2 * nd->a, 0);
		bcompile(b, nd->child);
		bemit(b, OP_SAVE, 2 * nd->a + 1, 0);
		break;
	case N_CAT:
		for (int c = nd->child; c >= 0; c = b->p->nodes[c].next)
			bcompile(b, c);
		break;
	case N_ALT: {
		/* SPLIT L1,N1; L1: c1; JMP end; N1: ... (jumps chained through x) */
		int chain = -1;
		for (int c = nd->child; c >= 0 && !b->err; c = b->p->nodes[c].next) {
			int last = b->p->nodes[c].next < 0;
			int split = last ? -1 : bemit(b, OP_SPLIT, b->p->ncode + 1, 0);
			bcompile(b, c);
			if (!last) {
				int j = bemit(b, OP_JMP, chain, 0);
				chain = j;
				if (split >= 0 && !b->err)
					b->p->code[split].y = b->p->ncode;
			}
		}
		while (chain >= 0 && !b->err) {
			int prev = b->p->code[chain].x;
			b->p->code[chain].x = b->p->ncode;
			chain = prev;
		}
		break;
	}
	case N_REP: {
		int min = nd->a, max = nd->b, child = nd->child;
		if (max == 1) { /* SPLIT L1,L2; L1: child; L2: */
			int split = bemit(b, OP_SPLIT, b->p->ncode + 1, 0);
			bcompile(b, child);
			if (!b->err)
				b->p->code[split].y = b->p->ncode;
			break;
		}
		/*
		 * [SPLIT L1,end;] L1: MARK r; child; SPLIT chk,end; chk: CHECK r; JMP L1; end:
		 * (the leading SPLIT only for x*; an empty iteration may end the loop
		 * but never starts another)
		 */
		int reg = b->p->nloops++;
		int skip = min == 0 ? bemit(b, OP_SPLIT, b->p->ncode + 1, 0) : -1;
		int l1 = bemit(b, OP_MARK, reg, 0);
		bcompile(b, child);
		int split = bemit(b, OP_SPLIT, b->p->ncode + 1, 0);
		bemit(b, OP_CHECK, reg, 0);
		bemit(b, OP_JMP, l1, 0);
		if (!b->err) {
			b->p->code[split].y = b->p->ncode;
			if (skip >= 0)
				b->p->code[skip].y = b->p->ncode;
		}
		break;
	}
	}
}

/* Compiles the tree for the backtracker; see regex_impl.h. */
int __rx_bt_compile(struct rprog *p)
{
	struct bc b = {p, 0, 0};
	p->nloops = 0;
	bcompile(&b, p->root);
	bemit(&b, OP_MATCH, 0, 0);
	return b.err;
}

/* A stack entry: a choice to resume (reg < 0) or a register value to restore. */
struct frame {
	int pc;   /* choice: where to resume; restore: the register */
	int reg;  /* -1 for a choice, else 1 (a restore) */
	long val; /* choice: position; restore: old value */
};

struct machine {
	const struct rprog *p;
	const unsigned char *s;
	long beg, end;
	int eflags;
	long *regs; /* captures 0..2*nsub+1, then loop registers */
	int ncap;
	struct frame *st;
	size_t sp, cap;
	long steps;
};

static int push(struct machine *m, int pc, int reg, long val)
{
	if (m->sp == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 256;
		struct frame *f = realloc(m->st, sizeof(*f) * cap);
		if (!f)
			return -1;
		m->st = f;
		m->cap = cap;
	}
	m->st[m->sp++] = (struct frame){pc, reg, val};
	return 0;
}

/* Sets register r to v, remembering the old value for backtracking. */
static int set_reg(struct machine *m, int r, long v)
{
	if (push(m, r, 1, m->regs[r]) < 0)
		return -1;
	m->regs[r] = v;
	return 0;
}

static unsigned char fold(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/*
 * Explores every match starting at start. Returns 1 if one was found (best
 * captures in best[], its end in *best_end), 0 if none, -1 when out of
 * steps or memory.
 */
static int run_from(struct machine *m, long start, long *best, long *best_end)
{
	const struct rprog *p = m->p;
	int found = 0;
	int nregs = m->ncap + p->nloops;
	for (int i = 0; i < nregs; i++)
		m->regs[i] = -1;
	m->sp = 0;
	int pc = 0;
	long pos = start;
	for (;;) {
		if (++m->steps > RX_BT_STEPS)
			return -1;
		const struct rinst *in = &p->code[pc];
		int ok = 1;
		switch (in->op) {
		case OP_SET:
			if (pos < m->end && rx_inset(p, in->x, m->s[pos])) {
				pos++;
				pc++;
			} else {
				ok = 0;
			}
			break;
		case OP_ASSERT:
			if (__rx_assert(in->x, m->s, m->beg, m->end, pos, p->cflags, m->eflags))
				pc++;
			else
				ok = 0;
			break;
		case OP_JMP:
			pc = in->x;
			break;
		case OP_SPLIT:
			if (push(m, in->y, -1, pos) < 0)
				return -1;
			pc = in->x;
			break;
		case OP_SAVE:
			if (set_reg(m, in->x, pos) < 0)
				return -1;
			pc++;
			break;
		case OP_MARK:
			if (set_reg(m, m->ncap + in->x, pos) < 0)
				return -1;
			pc++;
			break;
		case OP_CHECK:
			if (m->regs[m->ncap + in->x] == pos)
				ok = 0;
			else
				pc++;
			break;
		case OP_BACKREF: {
			long so = m->regs[2 * in->x], eo = m->regs[2 * in->x + 1];
			if (so < 0 || eo < so) {
				ok = 0;
				break;
			}
			long len = eo - so;
			if (len > m->end - pos) {
				ok = 0;
				break;
			}
			if (p->cflags & REG_ICASE) {
				for (long i = 0; i < len && ok; i++)
					ok = fold(m->s[so + i]) == fold(m->s[pos + i]);
			} else {
				ok = !memcmp(m->s + so, m->s + pos, (size_t)len);
			}
			if (ok) {
				pos += len;
				pc++;
			}
			break;
		}
		case OP_MATCH:
			if (!found || pos > *best_end) {
				found = 1;
				*best_end = pos;
				memcpy(best, m->regs, sizeof(long) * (size_t)m->ncap);
				if (pos == m->end)
					return 1; /* nothing can be longer */
			}
			ok = 0; /* look for a longer one */
			break;
		}
		if (ok)
			continue;
		/* backtrack: undo register changes up to the last choice */
		for (;;) {
			if (m->sp == 0)
				return found;
			struct frame f = m->st[--m->sp];
			if (f.reg < 0) {
				pc = f.pc;
				pos = f.val;
				break;
			}
			m->regs[f.pc] = f.val;
		}
	}
}

/* regexec() for a pattern with back-references; see regex_impl.h. */
int __rx_backtrack(const struct rprog *p, const char *s, long beg, long end, int eflags,
                   size_t nmatch, regmatch_t *pm)
{
	struct machine m = {0};
	m.p = p;
	m.s = (const unsigned char *)s;
	m.beg = beg;
	m.end = end;
	m.eflags = eflags;
	m.ncap = 2 * ((int)p->nsub + 1);
	m.regs = malloc(sizeof(long) * (size_t)(m.ncap + p->nloops));
	long *best = malloc(sizeof(long) * (size_t)m.ncap);
	int ret = REG_NOMATCH;
	if (!m.regs || !best) {
		ret = REG_ESPACE;
		goto out;
	}
	for (long start = beg; start <= end; start++) {
		long best_end = -1;
		int r = run_from(&m, start, best, &best_end);
		if (r < 0) {
			ret = REG_ESPACE;
			break;
		}
		if (r > 0) {
			ret = 0;
			if (nmatch > 0) {
				pm[0].rm_so = start;
				pm[0].rm_eo = best_end;
				for (size_t i = 1; i < nmatch; i++) {
					if (i <= p->nsub && best[2 * i] >= 0 &&
					    best[2 * i + 1] >= 0) {
						pm[i].rm_so = best[2 * i];
						pm[i].rm_eo = best[2 * i + 1];
					} else {
						pm[i].rm_so = pm[i].rm_eo = -1;
					}
				}
			}
			break;
		}
	}
out:
	free(m.regs);
	free(best);
	free(m.st);
	return ret;
}
