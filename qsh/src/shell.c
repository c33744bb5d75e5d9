/*
 * shell.c - the global shell state and the stack of parse-tree pools in
 * use (kept apart from main.c so unit tests can link everything else).
 */
#include "qsh.h"
#include "shell.h"
#include "lex.h"

#include <stdlib.h>
#include <sys/resource.h>

struct shell sh;

/* The pool of the tree being executed (function definitions keep it). */
static struct pool *pool_stack[QSH_MAX_DEPTH + 64];
static int pool_sp;

/* Make p the current tree pool. */
void tree_pool_push(struct pool *p)
{
	if (pool_sp < (int)(sizeof pool_stack / sizeof pool_stack[0]))
		pool_stack[pool_sp] = p;
	pool_sp++;
}

/* Leave the current tree pool (the caller drops its reference). */
void tree_pool_pop(void)
{
	if (pool_sp > 0)
		pool_sp--;
}

/* Current tree pool (for function definitions). */
struct pool *tree_pool_current(void)
{
	int i = pool_sp - 1;
	if (i >= (int)(sizeof pool_stack / sizeof pool_stack[0]))
		i = (int)(sizeof pool_stack / sizeof pool_stack[0]) - 1;
	return i >= 0 ? pool_stack[i] : NULL;
}

/* Number of pools on the stack. */
int tree_pool_depth(void)
{
	return pool_sp;
}

/* Drop pools above depth (after an error unwound their users). */
void tree_pool_unwind(int depth)
{
	while (pool_sp > depth) {
		pool_sp--;
		if (pool_sp < (int)(sizeof pool_stack / sizeof pool_stack[0]))
			pool_unref(pool_stack[pool_sp]);
	}
}

/*
 * Run every command from the current (file/string) source until EOF.
 * Errors unwind to the caller's catch point.
 */
int run_source(void)
{
	int st = 0;
	for (;;) {
		struct pool *pool = pool_new();
		tree_pool_push(pool);
		int eof = 0;
		struct node *n = parse_line(pool, &eof);
		if (n)
			sh.src.line = parse_last_line;
		if (n && !Flag(O_NOEXEC))
			st = exec_node(n, 0);
		tree_pool_pop();
		pool_unref(pool);
		if (eof || sh.returning || sh.breaking || sh.continuing)
			break;
	}
	return st;
}

/* Run a script already opened on fd (for "." and the main script). */
int exec_file_fd(int fd, const char *name)
{
	src_push_file(fd, name, S_FILE);
	int depth = sh.src_depth;
	int st = run_source();
	while (sh.src_depth >= depth)
		src_pop();
	return st;
}

/* Read a line for the lexer: prompts and the line editor (interactive). */
char *interactive_read(int first)
{
	run_pending_traps();
	if (first) {
		jobs_notify(0);
		hist_pending_flush();
	}
	char *prompt = first ? expand_prompt(var_getstr("PS1")) : expand_prompt(var_getstr("PS2"));
	char *line = edit_read_line(prompt);
	free(prompt);
	return line;
}

static int stopped_warned;

/* "exit" with stopped jobs: warn once, the second attempt exits. */
int exit_warned(void)
{
	if (stopped_warned)
		return 1;
	stopped_warned = 1;
	return 0;
}

static char *stack_base;
static size_t stack_budget;

/* Remember where the stack starts and how much of it recursion may use. */
void stack_init(void *base)
{
	stack_base = base;
	size_t lim = 8u << 20;
#ifdef RLIMIT_STACK
	struct rlimit rl;
	if (getrlimit(RLIMIT_STACK, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY && rl.rlim_cur > 0)
		lim = (size_t)rl.rlim_cur;
#endif
	if (lim > (64u << 20))
		lim = 64u << 20;
	stack_budget = lim / 4 * 3;
}

/* Is the stack deeper than the budget (recursion must stop)? */
int stack_exhausted(void)
{
	char here;
	if (!stack_base)
		return 0;
	size_t used =
	        stack_base > &here ? (size_t)(stack_base - &here) : (size_t)(&here - stack_base);
	return used > stack_budget;
}
