/*
 * simple.c - simple commands: expansion of words and assignments,
 * xtrace, command lookup (special builtins, functions, builtins, PATH),
 * temporary assignments, running builtins and external programs.
 */
#include "qsh.h"
#include "shell.h"
#include "lex.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int out_error;
static int cur_redir_base;
static struct redir *cur_redirs;

/* Is name a declaration utility (assignment arguments are not split)? */
static int is_decl(const char *name)
{
	return !strcmp(name, "typeset") || !strcmp(name, "export") || !strcmp(name, "readonly") ||
	       !strcmp(name, "local") || !strcmp(name, "integer") || !strcmp(name, "nameref");
}

/* Expand the argument words of a simple command into argv. */
static void expand_args(struct node *n, struct stv *argv)
{
	int decl = 0;
	for (struct word *w = n->words; w; w = w->next) {
		if (decl && word_is_assign(w)) {
			stv_push(argv, expand_str(w, EXP_ASSIGN | EXP_TILDE));
			continue;
		}
		expand_word(w, argv, EXP_FULL);
		if (!decl && argv->n) {
			size_t i = 0;
			while (i < argv->n &&
			       (!strcmp(argv->v[i], "builtin") ||
			        !strcmp(argv->v[i], "\\builtin") || !strcmp(argv->v[i], "command")))
				i++;
			decl = i < argv->n && is_decl(argv->v[i]);
		}
	}
}

/* "name=value" of an assignment word, expanded (arena). */
static char *expand_assign(struct word *w)
{
	return expand_str(w, EXP_ASSIGN | EXP_TILDE);
}

/* Append the xtrace form of a string (quoted if needed). */
static void trace_word(struct sbuf *b, const char *s)
{
	str_quote_sb(b, s);
}

/* Print the xtrace line for assignments and arguments. */
void xtrace_args(char **assigns, size_t na, char **argv, size_t argc)
{
	struct sbuf b;
	sb_init(&b);
	sb_adds(&b, expand_prompt_ps4());
	for (size_t i = 0; i < na; i++) {
		const char *eq = strchr(assigns[i], '=');
		sb_addn(&b, assigns[i], (size_t)(eq - assigns[i]) + 1);
		trace_word(&b, eq + 1);
		sb_addc(&b, ' ');
	}
	for (size_t i = 0; i < argc; i++) {
		if (i)
			sb_addc(&b, ' ');
		trace_word(&b, argv[i]);
	}
	sb_addc(&b, '\n');
	out_n(2, b.s, b.len);
	sb_free(&b);
}

/*
 * Perform assignment text "name=value", "name+=value", "name[sub]=value"
 * or the array form (from the word w) in the current scope chain.
 */
void do_assign(struct word *w, const char *text, int local)
{
	const char *eq = strchr(text, '=');
	int append = eq > text && eq[-1] == '+';
	char *lhs = ststrndup(text, (size_t)(eq - text) - (size_t)append);
	char *name, *sub;
	if (!var_name_split(lhs, &name, &sub))
		errorf("%s: bad identifier", lhs);
	struct var *v;
	if (local) {
		v = var_lookup_scope(scope_top, name);
		if (!v) {
			struct var *outer = var_lookup(name);
			v = var_create(scope_top, name);
			if (outer) {
				v->flags = outer->flags & ~V_SPECIAL;
				v->base = outer->base;
				v->width = outer->width;
				if (append && outer->n)
					var_assign(v, 0, var_elem(outer, 0), 0);
			}
		}
	} else {
		v = var_need(name);
	}
	/* array list: name=( ... ) */
	const struct wpart *last = NULL;
	if (w)
		for (const struct wpart *p = w->parts; p; p = p->next)
			last = p;
	if (last && last->type == WP_ARRAY) {
		struct stv vals;
		stv_init(&vals);
		expand_word_list(last->list, &vals, EXP_FULL);
		var_set_array(v, vals.v, vals.n, append ? 2 : 0);
		return;
	}
	uint32_t idx = sub ? arr_index(sub, lhs) : 0;
	var_assign(v, idx, eq + 1, append);
}

/* Path of an external command, or NULL (err: errno-like reason). */
char *command_path(const char *name, int *err)
{
	*err = ENOENT;
	if (strchr(name, '/'))
		return ststrdup(name);
	const char *h = hash_lookup(name);
	if (h && is_executable(h))
		return ststrdup(h);
	const char *path = var_getstr("PATH");
	char *p = path_search(name, path ? path : "/bin:/usr/bin", err);
	if (p && Flag(O_TRACKALL))
		hash_add(name, p);
	return p;
}

/* Report a command that could not be run; returns its status. */
int report_cant_run(const char *name, int err)
{
	struct sbuf b;
	sb_init(&b);
	if (err == ENOENT) {
		sb_printf(&b, "%s: inaccessible or not found", name);
		vmsgf_str('E', b.s);
		sb_free(&b);
		return 127;
	}
	if (err == EACCES && is_directory(name))
		err = EISDIR;
	sb_printf(&b, "%s: can't execute: %s", name, strerror(err));
	vmsgf_str('E', b.s);
	sb_free(&b);
	return 126;
}

/* Run a builtin with argv; handles write errors and special status. */
int run_builtin(const struct builtin *bi, int argc, char **argv, int special)
{
	const char *save = bi_name;
	int save_sp = bi_special_running;
	bi_name = argv[0];
	bi_special_running = special;
	out_error = 0;
	int st = bi->fn(argc, argv);
	if (out_error) {
		bi_errorf("write: %s", strerror(out_error));
		st = 1;
		out_error = 0;
	}
	bi_name = save;
	bi_special_running = save_sp;
	return st;
}

/* Spawn external program path and wait for it (foreground job). */
static int run_external(const char *path, char **argv, struct strv *extra, int flags)
{
	struct strv ex;
	sv_init(&ex);
	for (size_t i = 0; extra && i < extra->n; i++)
		sv_push(&ex, extra->v[i]);
	sv_push(&ex, xs_cat2("_=", path)); /* mksh: the program's path in $_ */
	char **envp = var_environ(&ex);
	sv_free(&ex);
	if ((flags & EX_NOFORK) && !trap_any_set()) {
		int r = exec_replace(path, argv, envp);
		if (r == ENOEXEC)
			goto spawn;
		return report_cant_run(argv[0], r);
	}
spawn:;
	struct spawnspec sp;
	memset(&sp, 0, sizeof sp);
	sp.argv = argv;
	sp.envp = envp;
	sp.path = path;
	sp.fdin = sp.fdout = -1;
	sp.pgrp = -1;
	struct job *j = job_new(NULL, 0);
	if (Flag(O_MONITOR)) {
		sp.pgrp = 0;
		sp.fg = 1;
	}
	int err = 0;
	pid_t pid = spawn_cmd(&sp, &err);
	if (pid < 0) {
		job_discard(j);
		return report_cant_run(argv[0], err);
	}
	job_add_proc(j, pid, argv[0]);
	job_set_cmd_argv(j, argv);
	return job_fg_wait(j);
}

/*
 * Execute a simple command. Returns the exit status; errors in special
 * builtins unwind (fatal in scripts).
 */
int exec_simple(struct node *n, int flags)
{
	struct stmark m;
	stmark(&m);
	sh.had_cmdsub = 0;
	sh.lastcmdsub = 0;
	struct stv argv;
	stv_init(&argv);
	expand_args(n, &argv);
	int st = 0;
	int depth = redir_depth();
	int err = 0;

	/* assignments only */
	if (argv.n == 0) {
		struct stv as;
		stv_init(&as);
		if (redir_apply(n->redirs, 1, &err) < 0) {
			redir_restore(depth);
			strelease(&m);
			sh.status = 1;
			check_errexit(1, flags);
			return 1;
		}
		for (struct word *w = n->assigns; w; w = w->next) {
			char *t = expand_assign(w);
			stv_push(&as, t);
			if (Flag(O_XTRACE) && !w->next)
				xtrace_args(as.v, as.n, NULL, 0);
			do_assign(w, t, 0);
		}
		redir_restore(depth);
		st = sh.had_cmdsub ? sh.lastcmdsub : 0;
		strelease(&m);
		pipestatus_set1(st);
		sh.status = st;
		check_errexit(st, flags);
		return st;
	}

	const char *name = argv.v[0];
	const struct builtin *bi = builtin_find(name);
	struct func *fn = NULL;
	int special = bi && (bi->flags & BI_SPECIAL);
	if (!special) {
		fn = func_find(name);
		if (!fn && bi && (bi->flags & BI_DEFER)) {
			int e;
			if (command_path(name, &e))
				bi = NULL;
		}
	}
	/* expand assignments (after the arguments, like mksh) */
	struct stv as;
	stv_init(&as);
	for (struct word *w = n->assigns; w; w = w->next)
		stv_push(&as, expand_assign(w));
	if (Flag(O_XTRACE))
		xtrace_args(as.v, as.n, argv.v, argv.n);

	int save_base = cur_redir_base;
	struct redir *save_redirs = cur_redirs;
	cur_redir_base = depth;
	cur_redirs = n->redirs;
	if (redir_apply(n->redirs, 1, &err) < 0) {
		redir_restore(depth);
		strelease(&m);
		cur_redir_base = save_base;
		cur_redirs = save_redirs;
		if (special && !sh.interactive) {
			errorf("redirection failure");
		}
		sh.status = 1;
		check_errexit(1, flags);
		return 1;
	}

	int external = 1;
	if (special) {
		external = 0;
		size_t i = 0;
		for (struct word *w = n->assigns; w; w = w->next)
			do_assign(w, as.v[i++], 0);
		st = run_builtin(bi, (int)argv.n, argv.v, 1);
	} else if (fn || bi) {
		external = 0;
		int pushed = 0;
		if (as.n) {
			scope_push();
			pushed = 1;
			size_t i = 0;
			for (struct word *w = n->assigns; w; w = w->next) {
				do_assign(w, as.v[i++], 1);
				const char *eq = strchr(as.v[i - 1], '=');
				char *nm = ststrndup(as.v[i - 1], (size_t)(eq - as.v[i - 1]));
				char *bn, *sb;
				if (var_name_split(nm, &bn, &sb)) {
					struct var *v = var_lookup_scope(scope_top, bn);
					if (v)
						var_chflags(v, V_EXPORT, 0, 0, -1);
				}
			}
		}
		if (fn)
			st = run_function(fn, argv.v, (int)argv.n);
		else
			st = run_builtin(bi, (int)argv.n, argv.v, 0);
		if (pushed)
			scope_pop();
	} else {
		if (Flag(O_RESTRICTED) && strchr(name, '/')) {
			vmsgf_str('E', "restricted");
			st = 1;
		} else {
			int e;
			char *path = command_path(name, &e);
			if (!path) {
				st = report_cant_run(name, e);
				external = 0;
			} else {
				struct strv extra;
				sv_init(&extra);
				for (size_t i = 0; i < as.n; i++)
					sv_push(&extra, as.v[i]);
				st = run_external(path, argv.v, &extra, flags);
				sv_free(&extra);
			}
		}
	}
	redir_restore(depth);
	cur_redir_base = save_base;
	cur_redirs = save_redirs;
	strelease(&m);
	if (!external)
		pipestatus_set1(st);
	sh.status = st;
	if (!sh.returning)
		check_errexit(st, flags);
	return st;
}

/* Redirection stack depth below the running simple command's redirections. */
int exec_redir_base(void)
{
	return cur_redir_base;
}

/* Redirections of the running simple command (for exec). */
struct redir *exec_current_redirs(void)
{
	return cur_redirs;
}

/* An empty environment (exec -c). */
char **exec_clear_env(void)
{
	char **e = stalloc(sizeof *e);
	e[0] = NULL;
	return e;
}

/* command name args: run a builtin or external program, never a function. */
int run_command_external(int argc, char **argv, int defpath)
{
	(void)argc;
	int e;
	char *path;
	if (defpath && !strchr(argv[0], '/'))
		path = path_search(argv[0], "/bin:/usr/bin", &e);
	else
		path = command_path(argv[0], &e);
	if (!path)
		return report_cant_run(argv[0], e);
	return run_external(path, argv, NULL, 0);
}
