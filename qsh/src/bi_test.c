/*
 * bi_test.c - test / [ and the evaluation of [[ ]] expressions: file,
 * string, numeric (arithmetic) and option tests.
 */
#include "qsh.h"
#include "shell.h"
#include "builtins.h"

#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef S_ISVTX
#define QSH_S_ISVTX S_ISVTX
#else
#define QSH_S_ISVTX 01000 /* sticky bit: XSI, same value everywhere */
#endif

static const char *const t_unops = "abcdefgGhHkLOoprsStuvwxnz";

/* Is s a unary test operator ("-f" ...)? */
static int is_unop(const char *s)
{
	return s[0] == '-' && s[1] && !s[2] && strchr(t_unops, s[1]);
}

static const char *const t_binops[] = {"=",   "==",  "!=",  "<",   ">",   "-eq", "-ne", "-lt",
                                       "-le", "-gt", "-ge", "-nt", "-ot", "-ef", NULL};

static int is_binop(const char *s)
{
	for (int i = 0; t_binops[i]; i++)
		if (!strcmp(s, t_binops[i]))
			return 1;
	return 0;
}

/* Evaluate a unary file/string/option test. */
int test_unary(const char *op, const char *a)
{
	struct stat st;
	switch (op[1]) {
	case 'n':
		return *a != 0;
	case 'z':
		return *a == 0;
	case 'v': {
		char *name, *sub;
		if (!var_name_split(a, &name, &sub))
			return 0;
		struct var *v = var_lookup(name);
		if (!sub)
			return var_isset(v);
		return var_elem(v, arr_index(sub, a)) != NULL;
	}
	case 'o': {
		if (!*a)
			return 0;
		int neg = 0;
		if (a[0] == '!') {
			neg = 1;
			a++;
		} else if (a[0] == '?') {
			return opt_byname(a + 1) >= 0;
		}
		int o;
		if ((a[0] == '-' || a[0] == '+') && a[1] && !a[2])
			o = opt_byletter((unsigned char)a[1]);
		else
			o = opt_byname(a);
		if (o < 0)
			return 0;
		return opts[o] ? !neg : neg;
	}
	case 't': {
		long fd = 1;
		if (*a && parse_int(a, &fd) < 0)
			return 0;
		return isatty((int)fd);
	}
	case 'h':
	case 'L':
		return lstat(a, &st) == 0 && S_ISLNK(st.st_mode);
	}
	if (stat(a, &st) != 0)
		return 0;
	switch (op[1]) {
	case 'a':
	case 'e':
		return 1;
	case 'b':
		return S_ISBLK(st.st_mode);
	case 'c':
		return S_ISCHR(st.st_mode);
	case 'd':
		return S_ISDIR(st.st_mode);
	case 'f':
		return S_ISREG(st.st_mode);
	case 'g':
		return (st.st_mode & S_ISGID) != 0;
	case 'G':
		return st.st_gid == getegid();
	case 'H':
		return 0;
	case 'k':
		return (st.st_mode & QSH_S_ISVTX) != 0;
	case 'O':
		return st.st_uid == geteuid();
	case 'p':
		return S_ISFIFO(st.st_mode);
	case 'r':
		return access(a, R_OK) == 0;
	case 's':
		return st.st_size > 0;
	case 'S':
		return S_ISSOCK(st.st_mode);
	case 'u':
		return (st.st_mode & S_ISUID) != 0;
	case 'w':
		return access(a, W_OK) == 0;
	case 'x':
		return access(a, X_OK) == 0 && (geteuid() != 0 || S_ISDIR(st.st_mode) ||
		                                (st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)));
	}
	return 0;
}

static int mtime_cmp(const char *a, const char *b, int *ok)
{
	struct stat sa, sb;
	int ea = stat(a, &sa) == 0, eb = stat(b, &sb) == 0;
	*ok = 1;
	if (ea && !eb)
		return 1;
	if (!ea && eb)
		return -1;
	if (!ea && !eb) {
		*ok = 0;
		return 0;
	}
	if (sa.st_mtime != sb.st_mtime)
		return sa.st_mtime > sb.st_mtime ? 1 : -1;
	return 0;
}

static int test_failed; /* an operand was a bad arithmetic expression */

/* Evaluate a binary test; pat: the right side of = / != is a pattern. */
int test_binary(const char *op, const char *a, const char *b, int pat)
{
	if (!strcmp(op, "=") || !strcmp(op, "=="))
		return pat ? pat_match(b, a) : !strcmp(a, b);
	if (!strcmp(op, "!="))
		return pat ? !pat_match(b, a) : strcmp(a, b) != 0;
	if (!strcmp(op, "<"))
		return strcmp(a, b) < 0;
	if (!strcmp(op, ">"))
		return strcmp(a, b) > 0;
	if (!strcmp(op, "-nt") || !strcmp(op, "-ot")) {
		int ok;
		int c = mtime_cmp(a, b, &ok);
		return op[1] == 'n' ? c > 0 : c < 0;
	}
	if (!strcmp(op, "-ef")) {
		struct stat sa, sb;
		return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
		       sa.st_ino == sb.st_ino;
	}
	long x, y;
	if (arith_try(a, &x) < 0 || arith_try(b, &y) < 0) {
		test_failed = 1;
		return 0;
	}
	if (!strcmp(op, "-eq"))
		return x == y;
	if (!strcmp(op, "-ne"))
		return x != y;
	if (!strcmp(op, "-lt"))
		return x < y;
	if (!strcmp(op, "-le"))
		return x <= y;
	if (!strcmp(op, "-gt"))
		return x > y;
	if (!strcmp(op, "-ge"))
		return x >= y;
	return 0;
}

/* ------------------------------------------------------------------ test(1) */

struct targs {
	char **v;
	int n, i;
	int err;
};

static int t_or(struct targs *t);

static void t_error(struct targs *t, const char *fmt, const char *arg)
{
	if (!t->err) {
		if (arg)
			bi_errorf(fmt, arg);
		else
			bi_errorf("%s", fmt);
	}
	t->err = 1;
}

static int t_primary(struct targs *t)
{
	if (t->i >= t->n) {
		t_error(t, "expression expected", NULL);
		return 0;
	}
	char *a = t->v[t->i++];
	if (!strcmp(a, "!"))
		return !t_primary(t);
	if (!strcmp(a, "(")) {
		int r = t_or(t);
		if (t->i >= t->n || strcmp(t->v[t->i], ")")) {
			t_error(t, "missing )", NULL);
			return 0;
		}
		t->i++;
		return r;
	}
	if (is_unop(a) && t->i < t->n) {
		char *b = t->v[t->i];
		if (!(t->i + 1 < t->n && is_binop(t->v[t->i + 1]) && 0)) {
			t->i++;
			return test_unary(a, b);
		}
	}
	if (t->i < t->n && is_binop(t->v[t->i])) {
		char *op = t->v[t->i++];
		if (t->i >= t->n) {
			t_error(t, "%s: missing second argument", op);
			return 0;
		}
		char *b = t->v[t->i++];
		return test_binary(op, a, b, 0);
	}
	return *a != 0;
}

static int t_and(struct targs *t)
{
	int r = t_primary(t);
	while (t->i < t->n && !strcmp(t->v[t->i], "-a")) {
		t->i++;
		int s = t_primary(t);
		r = r && s;
	}
	return r;
}

static int t_or(struct targs *t)
{
	int r = t_and(t);
	while (t->i < t->n && !strcmp(t->v[t->i], "-o")) {
		t->i++;
		int s = t_and(t);
		r = r || s;
	}
	return r;
}

/* POSIX rules for 1 to 4 arguments; -1 if the general parser must decide. */
static int t_small(char **v, int n)
{
	switch (n) {
	case 0:
		return 0;
	case 1:
		return *v[0] != 0;
	case 2:
		if (!strcmp(v[0], "!"))
			return *v[1] == 0;
		if (is_unop(v[0]))
			return test_unary(v[0], v[1]);
		return -1;
	case 3:
		if (is_binop(v[1]))
			return test_binary(v[1], v[0], v[2], 0);
		if (!strcmp(v[1], "-a"))
			return *v[0] && *v[2];
		if (!strcmp(v[1], "-o"))
			return *v[0] || *v[2];
		if (!strcmp(v[0], "!")) {
			int r = t_small(v + 1, 2);
			return r < 0 ? -1 : !r;
		}
		if (!strcmp(v[0], "(") && !strcmp(v[2], ")"))
			return *v[1] != 0;
		return -1;
	case 4:
		if (!strcmp(v[0], "!")) {
			int r = t_small(v + 1, 3);
			return r < 0 ? -1 : !r;
		}
		if (!strcmp(v[0], "(") && !strcmp(v[3], ")"))
			return t_small(v + 1, 2);
		return -1;
	}
	return -1;
}

/* test expr / [ expr ] */
int b_test(int argc, char **argv)
{
	int n = argc - 1;
	if (!strcmp(argv[0], "[")) {
		if (n < 1 || strcmp(argv[argc - 1], "]")) {
			bi_errorf("missing ]");
			return 2;
		}
		n--;
	}
	char **v = argv + 1;
	test_failed = 0;
	int r = t_small(v, n);
	if (test_failed)
		return 2;
	if (r >= 0)
		return !r;
	struct targs t = {v, n, 0, 0};
	r = t_or(&t);
	if (!t.err && t.i < t.n)
		t_error(&t, "%s: unexpected operator/operand", t.v[t.i]);
	if (t.err || test_failed)
		return 2;
	return !r;
}

/* ------------------------------------------------------------------ [[ ]] */

static int db_eval(struct node *n)
{
	switch (n->type) {
	case DB_AND:
		return db_eval(n->left) && db_eval(n->right);
	case DB_OR:
		return db_eval(n->left) || db_eval(n->right);
	case DB_NOT:
		return !db_eval(n->left);
	case DB_PAREN:
		return db_eval(n->left);
	case DB_WORD:
		return *expand_str(n->words, EXP_TILDE) != 0;
	case DB_UNARY:
		return test_unary(n->str, expand_str(n->words, EXP_TILDE));
	case DB_BINARY: {
		char *a = expand_str(n->words, EXP_TILDE);
		int pat = !strcmp(n->str, "=") || !strcmp(n->str, "==") || !strcmp(n->str, "!=");
		char *b = pat ? expand_pattern(n->words->next)
		              : expand_str(n->words->next, EXP_TILDE);
		return test_binary(n->str, a, b, pat);
	}
	}
	return 0;
}

/* Evaluate [[ ]] node n: status 0 (true) or 1. */
int exec_dbrack(struct node *n)
{
	if (!n->left)
		return 1;
	test_failed = 0;
	int r = db_eval(n->left);
	return test_failed ? 2 : !r;
}
