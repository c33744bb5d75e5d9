/*
 * builtins.c - the table of builtin utilities and the option parser they
 * share.
 */
#include "qsh.h"
#include "shell.h"
#include "builtins.h"

#include <string.h>

static const struct builtin table[] = {
        {".", b_dot, BI_SPECIAL | BI_ASSIGN},
        {":", b_true, BI_SPECIAL | BI_ASSIGN},
        {"[", b_test, 0},
        {"\\builtin", b_builtin, BI_DECL},
        {"alias", b_alias, 0},
        {"bg", b_bg, 0},
        {"bind", b_bind, 0},
        {"break", b_break, BI_SPECIAL | BI_ASSIGN},
        {"builtin", b_builtin, 0},
        {"cd", b_cd, 0},
        {"chdir", b_cd, 0},
        {"command", b_command, BI_DECL},
        {"continue", b_continue, BI_SPECIAL | BI_ASSIGN},
        {"echo", b_echo, 0},
        {"eval", b_eval, BI_SPECIAL | BI_ASSIGN},
        {"exec", b_exec, BI_SPECIAL | BI_ASSIGN},
        {"exit", b_exit, BI_SPECIAL | BI_ASSIGN},
        {"export", b_export, BI_SPECIAL | BI_ASSIGN | BI_DECL},
        {"false", b_false, 0},
        {"fc", b_fc, 0},
        {"fg", b_fg, 0},
        {"getopts", b_getopts, 0},
        {"jobs", b_jobs, 0},
        {"kill", b_kill, 0},
        {"let", b_let, 0},
        {"print", b_print, 0},
        {"printf", b_printf, BI_DEFER},
        {"pwd", b_pwd, 0},
        {"read", b_read, 0},
        {"readonly", b_readonly, BI_SPECIAL | BI_ASSIGN | BI_DECL},
        {"realpath", b_realpath, 0},
        {"rename", b_rename, 0},
        {"return", b_return, BI_SPECIAL | BI_ASSIGN},
        {"set", b_set, BI_SPECIAL | BI_ASSIGN},
        {"shift", b_shift, BI_SPECIAL | BI_ASSIGN},
        {"source", b_source, BI_ASSIGN},
        {"suspend", b_suspend, 0},
        {"test", b_test, 0},
        {"times", b_times, BI_SPECIAL | BI_ASSIGN},
        {"trap", b_trap, BI_SPECIAL | BI_ASSIGN},
        {"true", b_true, 0},
        {"typeset", b_typeset, BI_ASSIGN | BI_DECL},
        {"ulimit", b_ulimit, 0},
        {"umask", b_umask, 0},
        {"unalias", b_unalias, 0},
        {"unset", b_unset, BI_SPECIAL | BI_ASSIGN},
        {"wait", b_wait, 0},
        {"whence", b_whence, 0},
};

/* The builtin called name, or NULL. */
const struct builtin *builtin_find(const char *name)
{
	size_t lo = 0, hi = sizeof table / sizeof table[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(name, table[mid].name);
		if (!c)
			return &table[mid];
		if (c < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

/* All builtins (sorted by name); *n gets their number. */
const struct builtin *builtin_all(size_t *n)
{
	*n = sizeof table / sizeof table[0];
	return table;
}

/*
 * Minimal getopt for builtins: options are single letters from opts (a
 * letter followed by ':' takes an argument, by ';' an optional attached
 * argument). Options may start with '-' or, if opts starts with '+', also
 * '+'. Returns the option letter (negative for '+x'), 0 at the end, or '?'
 * after printing "unknown option" / "missing argument".
 */
int bi_getopt(int argc, char **argv, const char *opts, int *optind, int *opt, char **optarg)
{
	static int sub;
	static char **last;
	if (last != argv || *optind == 1) {
		if (*optind == 1)
			sub = 0;
		last = argv;
	}
	int plus_ok = opts[0] == '+';
	if (plus_ok)
		opts++;
	*optarg = NULL;
	if (!sub) {
		if (*optind >= argc)
			return 0;
		char *a = argv[*optind];
		if ((a[0] != '-' && !(plus_ok && a[0] == '+')) || !a[1])
			return 0;
		if (!strcmp(a, "--")) {
			(*optind)++;
			return 0;
		}
		sub = 1;
	}
	char *a = argv[*optind];
	int plus = a[0] == '+';
	int c = (unsigned char)a[sub++];
	const char *o = c != ':' && c != ';' ? strchr(opts, c) : NULL;
	if (!o) {
		char buf[3] = {plus ? '+' : '-', (char)c, 0};
		bi_errorf("%s: unknown option", buf);
		if (!a[sub]) {
			sub = 0;
			(*optind)++;
		}
		*opt = c;
		return '?';
	}
	if (o[1] == ':' || o[1] == ';') {
		if (a[sub]) {
			*optarg = a + sub;
		} else if (o[1] == ':') {
			if (*optind + 1 >= argc) {
				char buf[3] = {plus ? '+' : '-', (char)c, 0};
				bi_errorf("%s: missing argument", buf);
				sub = 0;
				(*optind)++;
				*opt = c;
				return '?';
			}
			*optarg = argv[++*optind];
		}
		sub = 0;
		(*optind)++;
	} else if (!a[sub]) {
		sub = 0;
		(*optind)++;
	}
	*opt = c;
	return plus ? -c : c;
}

/* Reset bi_getopt for a new argument vector. */
void bi_getopt_reset(void)
{
	int oi = 1, o;
	char *oa;
	char *v[] = {"x", NULL};
	bi_getopt(1, v, "", &oi, &o, &oa);
}
