/*
 * regex_impl.h - private structures of QSOE's POSIX regex.
 *
 * regcomp() parses the pattern into a syntax tree (counted repetitions
 * expanded into copies, so only ?, * and + remain), then compiles the tree
 * into a program for a Thompson-NFA simulation. Every tree node keeps the
 * range of the program it compiled to; regexec() first finds the
 * leftmost-longest match with the NFA and then assigns the subexpressions
 * top-down by the POSIX rules, running the NFA on program ranges. Patterns
 * with back-references are matched by a bounded backtracker on the tree.
 */
#ifndef QSOE_REGEX_IMPL_H
#define QSOE_REGEX_IMPL_H

#include <regex.h>
#include <stdint.h>

/* Limits (each reached limit is reported as REG_ESPACE, see docs/libc.md). */
#define RX_MAX_NODES 100000   /* syntax tree nodes after expanding {m,n} */
#define RX_MAX_INSTS 100000   /* program instructions */
#define RX_BT_STEPS  20000000 /* backtracker steps per regexec() call */
#define RX_MAX_DEPTH 256      /* nested parentheses, and repetitions applied to one atom */

/* Tree node types. */
enum {
	N_EMPTY,   /* matches the empty string */
	N_SET,     /* one byte in set a */
	N_ASSERT,  /* zero-width assertion a (A_*) */
	N_CAT,     /* children in sequence */
	N_ALT,     /* one of the children */
	N_REP,     /* child repeated a..b times: (0,1), (0,-1) or (1,-1) */
	N_GROUP,   /* subexpression a around the child */
	N_BACKREF, /* the text subexpression a matched */
};

/* Assertions. */
enum {
	A_BOL,    /* ^ */
	A_EOL,    /* $ */
	A_WORDB,  /* \b */
	A_NWORDB, /* \B */
	A_WBEG,   /* \< */
	A_WEND,   /* \> */
	A_BUFBEG, /* \` */
	A_BUFEND, /* \' */
};

struct rnode {
	int type;
	int a, b;      /* see the node types */
	int child;     /* first child, or -1 */
	int next;      /* next sibling, or -1 */
	int pc, pcend; /* program range: entered at pc, left at pcend */
	int groups;    /* the subtree contains a group */
	int width;     /* fixed match length, or -1 */
	int loop;      /* N_REP: pc of the instruction after one iteration */
	int copy;      /* N_REP: a later copy from expanding x{m,n} (not the first) */
};

/* Program opcodes. */
enum {
	OP_SET,    /* consume a byte of set x */
	OP_SPLIT,  /* continue at x and at y */
	OP_JMP,    /* continue at x */
	OP_ASSERT, /* continue if assertion x holds */
	OP_MATCH,  /* the whole expression matched */
	/* backtracker only */
	OP_SAVE,    /* register x = position (capture boundaries) */
	OP_BACKREF, /* match the text of subexpression x again */
	OP_MARK,    /* loop register x = position */
	OP_CHECK,   /* fail unless the position moved since loop register x was set */
};

struct rinst {
	int op;
	int x, y;
};

/* A compiled expression (regex_t.re_g). */
struct rprog {
	int cflags;
	struct rnode *nodes;
	int nnodes, root;
	struct rinst *code;
	int ncode;
	uint8_t (*sets)[32]; /* byte sets as bitmaps */
	int nsets;
	int backrefs;      /* the pattern uses back-references (code is the backtracker's) */
	int nloops;        /* backtracker loop registers */
	int anchored;      /* every match starts at the subject start (^ without REG_NEWLINE) */
	uint8_t first[32]; /* bytes a match can start with */
	int first_any;     /* a match may start with anything (or be empty) */
	size_t nsub;
};

#define RX_MAGIC 0x52784d67

/* Parses pattern[0..len) into prog->nodes; returns 0 or a REG_* error. */
int __rx_parse(struct rprog *prog, const char *pattern, size_t len, int cflags);
/* Tests a byte against set i. */
static inline int rx_inset(const struct rprog *p, int i, unsigned char c)
{
	return (p->sets[i][c >> 3] >> (c & 7)) & 1;
}

/* Compiles the tree for the backtracker (regback.c); 0 or REG_ESPACE. */
int __rx_bt_compile(struct rprog *p);
/* The backtracker for patterns with back-references (regback.c). */
int __rx_backtrack(const struct rprog *p, const char *s, long beg, long end, int eflags,
                   size_t nmatch, regmatch_t *pm);

/* 1 if assertion kind holds at position pos of s[beg..end). */
int __rx_assert(int kind, const unsigned char *s, long beg, long end, long pos, int cflags,
                int eflags);

#endif /* QSOE_REGEX_IMPL_H */
