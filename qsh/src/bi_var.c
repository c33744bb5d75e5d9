/*
 * bi_var.c - variable builtins: typeset (and its aliases local, integer,
 * nameref), export, readonly, unset, let.
 */
#include "qsh.h"
#include "shell.h"
#include "builtins.h"

#include <stdlib.h>
#include <string.h>

#define V_SHOWN (V_EXPORT | V_READONLY | V_FMTMASK | V_TAG | V_NAMEREF)

/* Append the "-i -x -r ..." attribute flags of v. */
static void flagstr(struct sbuf *b, const struct var *v)
{
	int f = v->flags;
	if (f & V_INTEGER)
		sb_adds(b, "-i ");
	if (f & V_NAMEREF)
		sb_adds(b, "-n ");
	if (f & V_EXPORT)
		sb_adds(b, "-x ");
	if (f & V_READONLY)
		sb_adds(b, "-r ");
	if (f & V_TAG)
		sb_adds(b, "-t ");
	if (f & V_LOWER)
		sb_adds(b, "-l ");
	if (f & V_UPPER)
		sb_adds(b, "-u ");
	if (f & V_LJUST)
		sb_printf(b, "-L%d ", v->width);
	if ((f & V_RJUST) || ((f & V_ZEROFILL) && !(f & V_LJUST)))
		sb_printf(b, "-R%d ", v->width);
	if (f & V_ZEROFILL)
		sb_adds(b, "-Z ");
	if (f & V_UNSIGNED)
		sb_adds(b, "-U ");
}

struct listopt {
	int mode;   /* 0: typeset [flags] name; 1: with values (-p); 2: name=value; 3: names */
	int filter; /* only variables with these flags */
	const char *cmd;
};

/* Print one variable in the chosen listing format. */
static void list_var(struct var *v, void *arg)
{
	struct listopt *lo = arg;
	if (lo->filter && (v->flags & lo->filter) != lo->filter)
		return;
	if (v->special == SV_LINENO)
		return; /* mksh does not list it */
	int set = var_isset(v);
	if (!set && !(v->flags & V_SHOWN))
		return;
	struct sbuf b;
	sb_init(&b);
	if (lo->mode == 3) {
		sb_adds(&b, v->name);
		sb_addc(&b, '\n');
	} else if (lo->mode == 2) {
		if (v->flags & V_ARRAY) {
			for (size_t i = 0; i < v->n; i++) {
				sb_printf(&b, "%s[%lu]=", v->name, (unsigned long)v->el[i].idx);
				str_quote_sb(&b, v->el[i].val);
				sb_addc(&b, '\n');
			}
		} else {
			sb_adds(&b, v->name);
			const char *val = var_elem(v, 0);
			if (val) {
				sb_addc(&b, '=');
				str_quote_sb(&b, val);
			}
			sb_addc(&b, '\n');
		}
	} else if (!strcmp(lo->cmd, "typeset")) {
		if ((v->flags & V_ARRAY) && v->n) {
			sb_printf(&b, "set -A %s\n", v->name);
			for (size_t i = 0; i < v->n; i++) {
				sb_adds(&b, "typeset ");
				flagstr(&b, v);
				sb_printf(&b, "%s[%lu]", v->name, (unsigned long)v->el[i].idx);
				if (lo->mode == 1) {
					sb_addc(&b, '=');
					str_quote_sb(&b, v->el[i].val);
				}
				sb_addc(&b, '\n');
			}
		} else {
			sb_adds(&b, "typeset ");
			flagstr(&b, v);
			sb_adds(&b, v->name);
			const char *val = var_elem(v, 0);
			if (lo->mode == 1 && val) {
				sb_addc(&b, '=');
				if (v->flags & V_INTEGER)
					sb_adds(&b, val);
				else
					str_quote_sb(&b, val);
			}
			sb_addc(&b, '\n');
		}
	} else {
		/* export -p / readonly -p */
		sb_printf(&b, "%s %s", lo->cmd, v->name);
		const char *val = var_elem(v, 0);
		if (val) {
			sb_addc(&b, '=');
			str_quote_sb(&b, val);
		}
		sb_addc(&b, '\n');
	}
	out_n(1, b.s, b.len);
	sb_free(&b);
}

static void print_func(struct func *f, void *arg)
{
	int names = *(int *)arg;
	struct sbuf b;
	sb_init(&b);
	if (names) {
		sb_adds(&b, f->name);
		sb_addc(&b, '\n');
	} else {
		struct node fn;
		memset(&fn, 0, sizeof fn);
		fn.type = N_FUNC;
		fn.str = f->name;
		fn.left = f->body;
		fn.flags = f->ksh ? NF_KSHFUNC : 0;
		unparse_node(&b, &fn, 0);
		sb_addc(&b, '\n');
	}
	out_n(1, b.s, b.len);
	sb_free(&b);
}

/* typeset -f / +f handling. */
static int typeset_func(int argc, char **argv, int i, int names, int set, int clear)
{
	if (i >= argc) {
		func_foreach(print_func, &names);
		return 0;
	}
	int st = 0;
	for (; i < argc; i++) {
		struct func *f = func_find(argv[i]);
		if (!f) {
			st = 1;
			continue;
		}
		if (set || clear) {
			if (set & V_TAG)
				f->flags |= FN_TRACE;
			if (clear & V_TAG)
				f->flags &= ~FN_TRACE;
			if (set & V_EXPORT)
				f->flags |= FN_EXPORT;
			if (clear & V_EXPORT)
				f->flags &= ~FN_EXPORT;
			continue;
		}
		print_func(f, &names);
	}
	return st;
}

/*
 * Declare/assign name[=value] with attribute changes; local: in the
 * current function scope. Returns 0 or 1.
 */
static int declare(const char *arg, int set, int clear, int base, int width, int local, int array)
{
	const char *eq = strchr(arg, '=');
	char *lhs = eq ? ststrndup(arg, (size_t)(eq - arg)) : ststrdup(arg);
	int append = 0;
	size_t ll = strlen(lhs);
	if (eq && ll && lhs[ll - 1] == '+') {
		append = 1;
		lhs[ll - 1] = 0;
	}
	char *name, *sub;
	if (!var_name_split(lhs, &name, &sub) ||
	    (sub && !eq && strcmp(sub, "*") && strcmp(sub, "@"))) {
		if (!var_name_split(lhs, &name, &sub)) {
			bi_errorf("%s: not an identifier", arg);
			return 1;
		}
	}
	struct var *v;
	if (local) {
		v = var_lookup_scope(scope_top, name);
		if (!v)
			v = var_create(scope_top, name);
	} else if (set & V_NAMEREF) {
		v = var_lookup_raw(name);
		if (!v)
			v = var_create(scope_global, name);
	} else {
		v = var_lookup(name);
		if (!v)
			v = var_create(scope_global, name);
	}
	if ((set & V_NAMEREF) && eq) {
		if (!strcmp(eq + 1, name)) {
			bi_errorf("%s: self reference not allowed", name);
			return 1;
		}
		/* (re)bind the reference itself */
		var_clear(v);
		v->flags = (v->flags | V_NAMEREF) & ~V_FMTMASK;
		var_raw_set(v, 0, xstrdup(eq + 1));
		return 0;
	}
	if ((v->flags & V_READONLY) && (eq || (clear & V_READONLY)))
		errorfx(2, "%s: read-only: %s", bi_name, v->name);
	int ro = set & V_READONLY;
	set &= ~V_READONLY;
	if (set & V_FMTMASK || clear & V_FMTMASK) {
		int keep = set & V_FMTMASK;
		clear |= (V_FMTMASK & ~keep) & ~(set);
		if (!(set & (V_INTEGER | V_LJUST | V_RJUST | V_ZEROFILL | V_UPPER | V_LOWER |
		             V_UNSIGNED)))
			clear &= ~V_FMTMASK | clear;
	}
	if ((set & V_ZEROFILL) && !(set & V_LJUST))
		set |= V_RJUST;
	var_chflags(v, set, clear, base, width);
	if (array)
		v->flags |= V_ARRAY;
	if (eq) {
		uint32_t idx = sub ? arr_index(sub, lhs) : 0;
		var_assign(v, idx, eq + 1, append);
	}
	if (ro)
		v->flags |= V_READONLY;
	return 0;
}

/* Parse a width/base number attached to an option letter. */
static int opt_num(const char **p)
{
	int n = 0, any = 0;
	while (c_isdigit((unsigned char)**p)) {
		n = n * 10 + (**p - '0');
		(*p)++;
		any = 1;
	}
	return any ? n : -1;
}

/* typeset [-+aglpnrtUux] [-L[n] -R[n] -Z[n] -i[n]] [name[=value] ...] */
int b_typeset(int argc, char **argv)
{
	int set = 0, clear = 0, base = 0, width = -1;
	int fmode = 0, global = 0, pmode = 0, plus_only = 0, any_opt = 0, array = 0;
	int i = 1;
	for (; i < argc; i++) {
		const char *a = argv[i];
		if ((a[0] != '-' && a[0] != '+'))
			break;
		if (!strcmp(a, "--")) {
			i++;
			break;
		}
		int plus = a[0] == '+';
		if (!a[1]) {
			any_opt = 1;
			plus_only = plus;
			continue;
		}
		for (const char *p = a + 1; *p;) {
			char c = *p++;
			int f = 0;
			switch (c) {
			case 'a':
				array = 1;
				break;
			case 'f':
				fmode = 1;
				break;
			case 'g':
				global = 1;
				break;
			case 'p':
				pmode = 1;
				break;
			case 'i':
				f = V_INTEGER;
				{
					int n = opt_num(&p);
					if (n >= 0) {
						if (n < 2 || n > 36) {
							bi_errorf("bad integer base: %d", n);
							return 1;
						}
						base = n;
					}
				}
				break;
			case 'L':
			case 'R':
			case 'Z': {
				f = c == 'L' ? V_LJUST : c == 'R' ? V_RJUST : V_ZEROFILL;
				int n = opt_num(&p);
				if (n >= 0)
					width = n;
				break;
			}
			case 'l':
				f = V_LOWER;
				break;
			case 'u':
				f = V_UPPER;
				break;
			case 'n':
				f = V_NAMEREF;
				break;
			case 'r':
				f = V_READONLY;
				break;
			case 't':
				f = V_TAG;
				break;
			case 'U':
				f = V_UNSIGNED;
				break;
			case 'x':
				f = V_EXPORT;
				break;
			default:
				bi_errorf("%c%c: unknown option", plus ? '+' : '-', c);
				return 1;
			}
			if (plus)
				clear |= f;
			else
				set |= f;
			any_opt = 1;
			plus_only = plus;
		}
	}
	if (fmode)
		return typeset_func(argc, argv, i, plus_only, set, clear);
	if (i >= argc) {
		struct listopt lo = {0, 0, "typeset"};
		if (pmode)
			lo.mode = 1;
		else if (any_opt && plus_only)
			lo.mode = 3, lo.filter = clear;
		else if (any_opt)
			lo.mode = 2, lo.filter = set;
		var_foreach(list_var, &lo, 1);
		return 0;
	}
	if (pmode && !set && !clear) {
		struct listopt lo = {1, 0, "typeset"};
		for (; i < argc; i++) {
			struct var *v = var_lookup(argv[i]);
			if (v)
				list_var(v, &lo);
		}
		return 0;
	}
	int local = sh.func_depth > 0 && !global;
	for (; i < argc; i++)
		if (declare(argv[i], set, clear, base, width, local, array))
			return 1; /* like mksh, stop at the first bad argument */
	return 0;
}

static int export_ro(int argc, char **argv, int flag, const char *cmd)
{
	int i = 1, p = 0;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		if (!strcmp(argv[i], "-p"))
			p = 1;
		else {
			bi_errorf("%s: unknown option", argv[i]);
			return 1;
		}
	}
	if (i >= argc) {
		struct listopt lo = {p ? 1 : 3, flag, cmd};
		var_foreach(list_var, &lo, 1);
		return 0;
	}
	int st = 0;
	for (; i < argc; i++)
		st |= declare(argv[i], flag, 0, 0, -1, 0, 0);
	return st;
}

/* export [-p] [name[=value] ...] */
int b_export(int argc, char **argv)
{
	return export_ro(argc, argv, V_EXPORT, "export");
}

/* readonly [-p] [name[=value] ...] */
int b_readonly(int argc, char **argv)
{
	return export_ro(argc, argv, V_READONLY, "readonly");
}

/* unset [-fv] name ... */
int b_unset(int argc, char **argv)
{
	int i = 1, funcs = 0;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'f')
				funcs = 1;
			else if (*o == 'v')
				funcs = 0;
			else {
				bi_errorf("-%c: unknown option", *o);
				return 1;
			}
		}
	}
	int st = 0;
	for (; i < argc; i++) {
		if (funcs) {
			func_remove(argv[i]);
			continue;
		}
		char *name, *sub;
		if (!var_name_split(argv[i], &name, &sub)) {
			bi_errorf("%s: is not an identifier", argv[i]);
			st = 1;
			continue;
		}
		if (sub) {
			struct var *v = var_lookup(name);
			if (!v)
				continue;
			if (v->flags & V_READONLY) {
				warningf("read-only: %s", name);
				st = 1;
				continue;
			}
			if (!strcmp(sub, "*") || !strcmp(sub, "@"))
				var_clear(v);
			else
				var_unset_elem(v, arr_index(sub, argv[i]));
			continue;
		}
		st |= var_unset(name, 1);
	}
	return st;
}

/* let expr ... : status 0 if the last value is non-zero. */
int b_let(int argc, char **argv)
{
	if (argc < 2) {
		bi_errorf("missing argument");
		return 1;
	}
	long v = 0;
	for (int i = 1; i < argc; i++)
		if (arith_try(argv[i], &v) < 0)
			return 2;
	return v == 0;
}
