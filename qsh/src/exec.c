/*
 * exec.c - execution of parse trees: lists, and-or lists, compound
 * commands (if, loops, case, groups, [[ ]], (( ))), function definitions,
 * errexit and the ERR trap. Simple commands are in simple.c, processes
 * (pipelines, subshells, background jobs) in subsh.c.
 */
#include "qsh.h"
#include "shell.h"
#include "lex.h"

#include <stdlib.h>
#include <string.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>

/* After a command that may fail the shell: ERR trap, then errexit. */
void check_errexit(int status, int flags)
{
	if (!status || (flags & EX_COND) || sh.noerrexit || sh.in_trap)
		return;
	trap_err();
	if (Flag(O_ERREXIT))
		shell_exit(status);
}

static int pending_flow(void)
{
	return sh.breaking || sh.continuing || sh.returning;
}

/* Run a compound command body with its redirections. */
static int with_redirs(struct node *n, int flags, int (*fn)(struct node *, int))
{
	if (!n->redirs)
		return fn(n, flags);
	int depth = redir_depth();
	int err = 0;
	if (redir_apply(n->redirs, 1, &err) < 0) {
		redir_restore(depth);
		return 1;
	}
	int st = fn(n, flags);
	redir_restore(depth);
	return st;
}

static int x_list(struct node *n, int flags)
{
	int st = 0;
	for (struct node *k = n->left; k; k = k->next) {
		st = exec_node(k, k->next ? flags & ~EX_NOFORK : flags);
		if (pending_flow())
			break;
	}
	return st;
}

static int x_if(struct node *n, int flags)
{
	for (;;) {
		sh.noerrexit++;
		int c = exec_node(n->left, EX_COND);
		sh.noerrexit--;
		if (pending_flow())
			return c;
		if (c == 0)
			return exec_node(n->right, flags);
		if (!n->third)
			return 0;
		if (n->third->type == N_IF && (n->third->flags & NF_ELIF)) {
			n = n->third;
			continue;
		}
		return exec_node(n->third, flags);
	}
}

/* Handle break/continue after a loop body; returns 1 to leave the loop. */
static int loop_flow(void)
{
	if (sh.breaking) {
		sh.breaking--;
		return 1;
	}
	if (sh.continuing) {
		if (--sh.continuing > 0)
			return 1;
		return 0;
	}
	return sh.returning;
}

static int x_while(struct node *n, int flags)
{
	(void)flags;
	int st = 0;
	sh.loop_depth++;
	for (;;) {
		sh.noerrexit++;
		int c = exec_node(n->left, EX_COND);
		sh.noerrexit--;
		if (pending_flow()) {
			if (loop_flow())
				break;
			continue;
		}
		if ((n->type == N_WHILE) != (c == 0))
			break;
		st = exec_node(n->right, 0);
		if (pending_flow() && loop_flow())
			break;
		run_pending_traps();
	}
	sh.loop_depth--;
	return st;
}

static int x_for(struct node *n, int flags)
{
	(void)flags;
	struct stv items;
	stv_init(&items);
	if (n->flags & NF_HASIN)
		expand_word_list(n->words, &items, EXP_FULL);
	else
		for (int i = 0; i < sh.posc; i++)
			stv_push(&items, sh.posv[i]);
	int st = 0;
	sh.loop_depth++;
	for (size_t i = 0; i < items.n; i++) {
		var_setstr(n->str, items.v[i]);
		st = exec_node(n->right, 0);
		if (pending_flow() && loop_flow())
			break;
	}
	sh.loop_depth--;
	return st;
}

static int x_case(struct node *n, int flags)
{
	char *w = expand_str(n->words, EXP_TILDE);
	int st = 0;
	int fall = 0;
	for (struct caseitem *ci = n->items; ci; ci = ci->next) {
		int hit = fall;
		for (struct word *p = ci->pats; p && !hit; p = p->next) {
			char *pat = expand_pattern(p);
			if (pat_match(pat, w))
				hit = 1;
		}
		if (!hit)
			continue;
		st = ci->body ? exec_node(ci->body, flags) : 0;
		if (pending_flow())
			return st;
		if (ci->term == CT_BREAK)
			return st;
		fall = ci->term == CT_FALL;
	}
	return st;
}

static int x_brace(struct node *n, int flags)
{
	return n->left ? exec_node(n->left, flags) : 0;
}

static int x_arith(struct node *n, int flags)
{
	(void)flags;
	char *e = expand_str(n->words, 0);
	if (Flag(O_XTRACE)) {
		struct sbuf b;
		sb_init(&b);
		sb_adds(&b, expand_prompt_ps4());
		sb_adds(&b, "let ");
		str_quote_sb(&b, e);
		sb_addc(&b, '\n');
		out_n(2, b.s, b.len);
		sb_free(&b);
	}
	long v;
	if (arith_try(e, &v) < 0)
		return 2;
	return v == 0;
}

static int x_dbrack(struct node *n, int flags)
{
	(void)flags;
	return exec_dbrack(n);
}

static int x_select(struct node *n, int flags)
{
	return exec_select(n, flags);
}

static void print_time(double real, double u, double s, int posix)
{
	struct sbuf b;
	sb_init(&b);
	if (posix) {
		sb_printf(&b, "real %.2f\nuser %.2f\nsys  %.2f\n", real, u, s);
	} else {
		char t[3][32];
		double v[3] = {real, u, s};
		for (int i = 0; i < 3; i++)
			snprintf(t[i], sizeof t[i], "%dm%05.2fs", (int)(v[i] / 60),
			         v[i] - 60 * (int)(v[i] / 60));
		sb_printf(&b, "%12s real %12s user %12s system\n", t[0], t[1], t[2]);
	}
	out_n(2, b.s, b.len);
	sb_free(&b);
}

static int x_time(struct node *n, int flags)
{
	struct tms t0, t1;
	struct timespec r0, r1;
	clock_gettime(CLOCK_MONOTONIC, &r0);
	times(&t0);
	int st = n->left ? exec_node(n->left, flags & ~EX_NOFORK) : 0;
	times(&t1);
	clock_gettime(CLOCK_MONOTONIC, &r1);
	double hz = (double)sysconf(_SC_CLK_TCK);
	double real = (double)(r1.tv_sec - r0.tv_sec) + (double)(r1.tv_nsec - r0.tv_nsec) / 1e9;
	double u, s;
	if (n->left) {
		u = (double)(t1.tms_cutime - t0.tms_cutime + t1.tms_utime - t0.tms_utime) / hz;
		s = (double)(t1.tms_cstime - t0.tms_cstime + t1.tms_stime - t0.tms_stime) / hz;
	} else {
		u = (double)(t1.tms_utime + t1.tms_cutime) / hz;
		s = (double)(t1.tms_stime + t1.tms_cstime) / hz;
		real = 0;
	}
	print_time(real, u, s, n->flags & NF_TIMEP);
	return st;
}

/* Define function n->str with body n->left. */
static int x_func(struct node *n)
{
	if (!n->left)
		return 0;
	struct pool *pool = tree_pool_current();
	func_define(n->str, n->left, pool, (n->flags & NF_KSHFUNC) != 0);
	return 0;
}

/*
 * Execute tree n and return its exit status (also stored in $?).
 * flags: EX_COND (status is tested), EX_NOFORK (last command of a child).
 */
int exec_node(struct node *n, int flags)
{
	if (!n)
		return sh.status = 0;
	if (++sh.exec_depth > QSH_MAX_EXEC_DEPTH || stack_exhausted()) {
		sh.exec_depth = 0;
		errorf("too deep recursion");
	}
	int st = 0;
	if (n->line > 0)
		sh.lineno = n->line;
	switch (n->type) {
	case N_SIMPLE:
		st = exec_simple(n, flags);
		break;
	case N_PIPE:
		st = exec_pipeline(n, flags);
		if (n->flags & NF_NEGATE) {
			st = !st;
		} else {
			sh.status = st;
			check_errexit(st, flags);
		}
		break;
	case N_LIST:
		st = x_list(n, flags);
		break;
	case N_AND:
	case N_OR: {
		sh.noerrexit++;
		st = exec_node(n->left, EX_COND);
		sh.noerrexit--;
		if (pending_flow())
			break;
		if ((n->type == N_AND) == (st == 0))
			st = exec_node(n->right, flags);
		break;
	}
	case N_ASYNC:
	case N_COPROC:
		st = exec_async(n->left, n->type == N_COPROC);
		break;
	case N_SUBSHELL:
		st = exec_subshell(n, flags);
		sh.status = st;
		check_errexit(st, flags);
		break;
	case N_BRACE:
		st = with_redirs(n, flags, x_brace);
		break;
	case N_IF:
		st = with_redirs(n, flags, x_if);
		break;
	case N_WHILE:
	case N_UNTIL:
		st = with_redirs(n, flags, x_while);
		break;
	case N_FOR:
		st = with_redirs(n, flags, x_for);
		break;
	case N_SELECT:
		st = with_redirs(n, flags, x_select);
		break;
	case N_CASE:
		st = with_redirs(n, flags, x_case);
		break;
	case N_FUNC:
		st = x_func(n);
		break;
	case N_DBRACK:
		st = with_redirs(n, flags, x_dbrack);
		sh.status = st;
		if (st > 1 || !(flags & EX_COND))
			check_errexit(st, flags);
		break;
	case N_ARITH:
		st = with_redirs(n, flags, x_arith);
		sh.status = st;
		check_errexit(st, flags);
		break;
	case N_TIME:
		st = x_time(n, flags);
		break;
	default:
		break;
	}
	sh.exec_depth--;
	if (trap_pending())
		run_pending_traps();
	sh.status = st;
	return st;
}

/* Parse and run every command of string s (eval, traps, -c). */
int exec_list_string(const char *s, const char *name, int line, int inherit)
{
	(void)inherit;
	src_push_string(s, strlen(s), name, line);
	int depth = sh.src_depth;
	int st = 0;
	int saw = 0;
	for (;;) {
		struct pool *pool = pool_new();
		int eof = 0;
		struct node *n;
		tree_pool_push(pool);
		n = parse_line(pool, &eof);
		if (n) {
			if (!Flag(O_NOEXEC) || sh.interactive)
				st = exec_node(n, 0);
			saw = 1;
		}
		tree_pool_pop();
		pool_unref(pool);
		if (eof || pending_flow())
			break;
	}
	while (sh.src_depth >= depth)
		src_pop();
	if (!saw)
		st = 0;
	return st;
}
