/*
 * error.c - diagnostics in mksh's format ("E: name[line]: msg"), catch
 * points for non-local exits (errors, exit, interrupts) and shell exit.
 */
#include "qsh.h"
#include "shell.h"
#include "lex.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct catchpt *catch_top;
const char *bi_name;
int bi_special_running;
static int err_status = 1;

/* Install catch point c (the caller then does sigsetjmp(c->jb, 0)). */
void catch_push(struct catchpt *c)
{
	c->prev = catch_top;
	stmark(&c->mark);
	c->scope_depth = scope_depth();
	c->redir_depth = redir_depth();
	c->src_depth = sh.src_depth;
	c->func_depth = sh.func_depth;
	c->loop_depth = sh.loop_depth;
	c->noerrexit = sh.noerrexit;
	c->in_trap = sh.in_trap;
	c->exec_depth = sh.exec_depth;
	c->pool_depth = tree_pool_depth();
	catch_top = c;
}

/* Remove catch point c (must be the innermost). */
void catch_pop(struct catchpt *c)
{
	catch_top = c->prev;
}

/* After landing at c: undo everything done since it was installed. */
void catch_restore(struct catchpt *c)
{
	catch_top = c;
	redir_restore(c->redir_depth);
	while (sh.src_depth > c->src_depth)
		src_pop();
	scope_pop_to(c->scope_depth);
	strelease(&c->mark);
	sh.func_depth = c->func_depth;
	sh.loop_depth = c->loop_depth;
	sh.noerrexit = c->noerrexit;
	sh.in_trap = c->in_trap;
	sh.breaking = sh.continuing = sh.returning = 0;
	sh.exec_depth = c->exec_depth;
	tree_pool_unwind(c->pool_depth);
}

/*
 * After landing at a function's catch point: undo redirections, sources
 * and temporary memory, but leave scopes and positional parameters to the
 * function's own cleanup.
 */
void catch_restore_partial(struct catchpt *c)
{
	catch_top = c;
	redir_restore(c->redir_depth);
	while (sh.src_depth > c->src_depth)
		src_pop();
	scope_pop_to(c->scope_depth);
	strelease(&c->mark);
	sh.noerrexit = c->noerrexit;
	sh.in_trap = c->in_trap;
	sh.breaking = sh.continuing = sh.returning = 0;
	sh.exec_depth = c->exec_depth;
	tree_pool_unwind(c->pool_depth);
}

/* Jump to the innermost catch point (or exit if there is none). */
_Noreturn void unwind(int how)
{
	if (catch_top)
		siglongjmp(catch_top->jb, how);
	shell_exit(how == UW_EXIT ? sh.status : err_status);
}

/* Status the shell exits with after an error (1 unless set otherwise). */
int error_status(void)
{
	int s = err_status;
	err_status = 1;
	return s;
}

/*
 * Message prefix: "E: " / "W: " (kind 'E'/'W', 0 for none), then "$0: "
 * unless the current source file is $0, then "file[line]: " for files.
 */
void msg_prefix(struct sbuf *b, int kind, int with_src)
{
	if (kind)
		sb_printf(b, "%c: ", kind);
	const char *name = sh.src.name;
	if (!with_src)
		name = NULL;
	if (!name || !sh.kshname || strcmp(name, sh.kshname) != 0)
		sb_printf(b, "%s: ", sh.kshname ? sh.kshname : "qsh");
	if (name)
		sb_printf(b, "%s[%d]: ", name, sh.src.line);
}

/* Format and print a diagnostic line to standard error. */
void vmsgf(int kind, int with_src, const char *fmt, va_list ap)
{
	struct sbuf b;
	sb_init(&b);
	msg_prefix(&b, kind, with_src);
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n > 0) {
		char *s = xmalloc((size_t)n + 1);
		vsnprintf(s, (size_t)n + 1, fmt, ap);
		sb_addn(&b, s, (size_t)n);
		free(s);
	}
	sb_addc(&b, '\n');
	out_n(2, b.s, b.len);
	sb_free(&b);
}

/* Print "E: ..." and unwind with status 1 (fatal unless interactive). */
void errorf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsgf('E', 1, fmt, ap);
	va_end(ap);
	err_status = 1;
	unwind(UW_ERROR);
}

/* errorf with a given exit status. */
void errorfx(int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsgf('E', 1, fmt, ap);
	va_end(ap);
	err_status = status;
	unwind(UW_ERROR);
}

/* Print "W: ..." and continue. */
void warningf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vmsgf('W', 1, fmt, ap);
	va_end(ap);
}

/*
 * "E: ...: builtin: msg" for a failing builtin. In a special builtin (not
 * run through "command") the error is fatal: the shell unwinds.
 */
void bi_errorf(const char *fmt, ...)
{
	struct sbuf b;
	sb_init(&b);
	if (bi_name) {
		sb_adds(&b, bi_name);
		sb_adds(&b, ": ");
	}
	sb_adds(&b, fmt);
	va_list ap;
	va_start(ap, fmt);
	vmsgf('E', 1, b.s, ap);
	va_end(ap);
	sb_free(&b);
	if (bi_special_running) {
		bi_special_running = 0;
		err_status = 1;
		unwind(UW_ERROR);
	}
}

/* "W: ...: builtin: msg". */
void bi_warnf(const char *fmt, ...)
{
	struct sbuf b;
	sb_init(&b);
	if (bi_name) {
		sb_adds(&b, bi_name);
		sb_adds(&b, ": ");
	}
	sb_adds(&b, fmt);
	va_list ap;
	va_start(ap, fmt);
	vmsgf('W', 1, b.s, ap);
	va_end(ap);
	sb_free(&b);
}

/* An impossible state: report and abort the shell. */
_Noreturn void internal_error(const char *what)
{
	out_fmt(2, "qsh: internal error: %s\n", what);
	_exit(70);
}

/* Leave the shell: EXIT trap, history, then exit(status). */
_Noreturn void shell_exit(int status)
{
	static int exiting;
	if (!exiting) {
		exiting = 1;
		sh.status = status;
		catch_top = NULL;
		struct catchpt c;
		catch_push(&c);
		int k = sigsetjmp(c.jb, 0);
		if (!k)
			trap_exit();
		catch_pop(&c);
		if (sh.interactive)
			hist_save();
		if (sh.interactive && Flag(O_MONITOR))
			jobs_hup();
	}
	flush_out();
	exit(status & 0xff);
}

/* Print an already formatted message with the usual prefix. */
void vmsgf_str(int kind, const char *msg)
{
	struct sbuf b;
	sb_init(&b);
	msg_prefix(&b, kind, 1);
	sb_adds(&b, msg);
	sb_addc(&b, '\n');
	out_n(2, b.s, b.len);
	sb_free(&b);
}
