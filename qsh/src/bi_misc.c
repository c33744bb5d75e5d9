/*
 * bi_misc.c - cd/chdir, pwd, umask, alias, unalias, whence (and
 * command -v/-V), getopts, trap, realpath, rename, ulimit, fc, bind.
 */
#include "qsh.h"
#include "shell.h"
#include "builtins.h"
#include "lex.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Is path a directory? */
int is_directory(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Remove "." and ".." components of an absolute path textually (arena). */
static char *normalize(const char *path)
{
	size_t n = strlen(path);
	char *out = stalloc(n + 2);
	size_t o = 0;
	const char *p = path;
	while (*p) {
		while (*p == '/')
			p++;
		const char *e = p;
		while (*e && *e != '/')
			e++;
		size_t l = (size_t)(e - p);
		if (l == 1 && p[0] == '.') {
			/* skip */
		} else if (l == 2 && p[0] == '.' && p[1] == '.') {
			while (o > 0 && out[o - 1] != '/')
				o--;
			if (o > 0)
				o--;
		} else if (l) {
			out[o++] = '/';
			memcpy(out + o, p, l);
			o += l;
		}
		p = e;
	}
	if (!o)
		out[o++] = '/';
	out[o] = 0;
	return out;
}

/* The current directory from the system (arena), or NULL. */
static char *sys_cwd(void)
{
	size_t sz = 256;
	for (;;) {
		char *b = stalloc(sz);
		if (getcwd(b, sz))
			return b;
		if (errno != ERANGE || sz > 1 << 20)
			return NULL;
		sz *= 2;
	}
}

/* Try to change to dir (logical unless physical); updates PWD/OLDPWD. */
static int try_cd(const char *dir, int physical)
{
	const char *pwd = var_getstr("PWD");
	char *target;
	if (!physical) {
		if (dir[0] == '/')
			target = normalize(dir);
		else {
			struct xstr x;
			xs_init(&x);
			xs_adds(&x, pwd && pwd[0] == '/' ? pwd : (sys_cwd() ? sys_cwd() : "/"));
			xs_addc(&x, '/');
			xs_adds(&x, dir);
			target = normalize(xs_str(&x));
		}
		if (chdir(target) < 0) {
			int e = errno;
			if (chdir(dir) < 0) {
				errno = e;
				return -1;
			}
			target = sys_cwd();
		}
	} else {
		if (chdir(dir) < 0)
			return -1;
		target = sys_cwd();
	}
	if (pwd)
		var_setstr("OLDPWD", pwd);
	else
		var_unset("OLDPWD", 0);
	if (target)
		var_setstr("PWD", target);
	return 0;
}

/* cd [-LP] [dir] / cd old new */
int b_cd(int argc, char **argv)
{
	int physical = Flag(O_PHYSICAL), i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'L')
				physical = 0;
			else if (*p == 'P')
				physical = 1;
			else if (*p == 'e')
				;
			else {
				bi_errorf("-%c: unknown option", *p);
				return 2;
			}
		}
	}
	if (Flag(O_RESTRICTED)) {
		bi_errorf("restricted shell - can't cd");
		return 2;
	}
	const char *dir;
	int print = 0;
	if (argc - i > 2) {
		bi_errorf("too many arguments");
		return 2;
	}
	if (argc - i == 2) {
		const char *pwd = var_getstr("PWD");
		const char *pos = pwd ? strstr(pwd, argv[i]) : NULL;
		if (!pos) {
			bi_errorf("bad substitution");
			return 2;
		}
		struct xstr x;
		xs_init(&x);
		xs_addn(&x, pwd, (size_t)(pos - pwd));
		xs_adds(&x, argv[i + 1]);
		xs_adds(&x, pos + strlen(argv[i]));
		dir = xs_str(&x);
		print = 1;
	} else if (argc - i == 1) {
		dir = argv[i];
		if (!strcmp(dir, "-")) {
			dir = var_getstr("OLDPWD");
			if (!dir) {
				bi_errorf("no OLDPWD");
				return 2;
			}
			print = 1;
		}
	} else {
		dir = var_getstr("HOME");
		if (!dir) {
			bi_errorf("no home directory (HOME not set)");
			return 2;
		}
	}
	const char *cdpath = var_getstr("CDPATH");
	if (cdpath && dir[0] != '/' && strncmp(dir, "./", 2) && strncmp(dir, "../", 3) &&
	    strcmp(dir, ".") && strcmp(dir, "..")) {
		const char *p = cdpath;
		for (;;) {
			const char *e = strchr(p, ':');
			size_t n = e ? (size_t)(e - p) : strlen(p);
			struct xstr x;
			xs_init(&x);
			if (n) {
				xs_addn(&x, p, n);
				xs_addc(&x, '/');
			}
			xs_adds(&x, dir);
			char *cand = xs_str(&x);
			if (is_directory(cand) && try_cd(cand, physical) == 0) {
				if (n)
					out_fmt(1, "%s\n", var_getstr("PWD"));
				return 0;
			}
			if (!e)
				break;
			p = e + 1;
		}
	}
	if (try_cd(dir, physical) < 0) {
		const char *shown = dir;
		if (!physical && dir[0] != '/') {
			const char *pwd = var_getstr("PWD");
			if (pwd && pwd[0] == '/')
				shown = normalize(xs_cat2(xs_cat2(pwd, "/"), dir));
		}
		bi_errorf("%s: %s", shown, strerror(errno));
		return 2;
	}
	if (print)
		out_fmt(1, "%s\n", var_getstr("PWD"));
	return 0;
}

/* pwd [-LP] */
int b_pwd(int argc, char **argv)
{
	int physical = Flag(O_PHYSICAL);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-P"))
			physical = 1;
		else if (!strcmp(argv[i], "-L"))
			physical = 0;
		else {
			bi_errorf("%s: unknown option", argv[i]);
			return 1;
		}
	}
	const char *pwd = var_getstr("PWD");
	char *cwd = NULL;
	if (physical || !pwd || pwd[0] != '/')
		cwd = sys_cwd();
	else {
		struct stat a, b;
		if (stat(pwd, &a) != 0 || stat(".", &b) != 0 || a.st_ino != b.st_ino ||
		    a.st_dev != b.st_dev)
			cwd = sys_cwd();
	}
	const char *r = cwd ? cwd : pwd;
	if (!r) {
		bi_errorf("can't determine current directory");
		return 1;
	}
	out_fmt(1, "%s\n", r);
	return 0;
}

/* umask [-S] [mask] */
int b_umask(int argc, char **argv)
{
	int i = 1, sym = 0;
	if (i < argc && !strcmp(argv[i], "-S")) {
		sym = 1;
		i++;
	}
	mode_t old = umask(0);
	umask(old);
	if (i >= argc) {
		if (sym) {
			mode_t m = ~old & 0777;
			struct sbuf b;
			sb_init(&b);
			const char *who = "ugo";
			for (int k = 0; k < 3; k++) {
				int sh3 = 6 - 3 * k;
				sb_printf(&b, "%s%c=", k ? "," : "", who[k]);
				if (m & (4u << sh3))
					sb_addc(&b, 'r');
				if (m & (2u << sh3))
					sb_addc(&b, 'w');
				if (m & (1u << sh3))
					sb_addc(&b, 'x');
			}
			sb_addc(&b, '\n');
			out_n(1, b.s, b.len);
			sb_free(&b);
		} else {
			out_fmt(1, "%03o\n", (unsigned)old);
		}
		return 0;
	}
	const char *a = argv[i];
	if (c_isdigit((unsigned char)a[0])) {
		unsigned long v = 0;
		for (const char *p = a; *p; p++) {
			if (*p < '0' || *p > '7') {
				bi_errorf("bad number: %s", a);
				return 1;
			}
			v = v * 8 + (unsigned long)(*p - '0');
		}
		umask((mode_t)(v & 0777));
		return 0;
	}
	/* symbolic: operate on the permissions allowed (complement of the mask) */
	mode_t perm = ~old & 0777;
	const char *p = a;
	while (*p) {
		mode_t who = 0;
		while (*p && strchr("ugoa", *p)) {
			who |= *p == 'u' ? 0700 : *p == 'g' ? 070 : *p == 'o' ? 07 : 0777;
			p++;
		}
		if (!who)
			who = 0777;
		if (!*p || !strchr("=+-", *p)) {
			bi_errorf("bad mask");
			return 1;
		}
		while (*p && strchr("=+-", *p)) {
			char op = *p++;
			mode_t bits = 0;
			while (*p && strchr("rwx", *p)) {
				bits |= *p == 'r' ? 0444 : *p == 'w' ? 0222 : 0111;
				p++;
			}
			bits &= who;
			if (op == '=')
				perm = (perm & ~who) | bits;
			else if (op == '+')
				perm |= bits;
			else
				perm &= ~bits;
		}
		if (*p == ',')
			p++;
		else if (*p) {
			bi_errorf("bad mask");
			return 1;
		}
	}
	umask(~perm & 0777);
	return 0;
}

/* ------------------------------------------------------------------ alias */

static void print_alias(struct alias *a, void *arg)
{
	int prefix = *(int *)arg;
	struct sbuf b;
	sb_init(&b);
	if (prefix)
		sb_adds(&b, "alias ");
	sb_adds(&b, alias_name(a));
	sb_addc(&b, '=');
	str_quote_sb(&b, alias_value(a));
	sb_addc(&b, '\n');
	out_n(1, b.s, b.len);
	sb_free(&b);
}

static void print_hashed(const char *n, const char *p, void *arg)
{
	(void)arg;
	out_fmt(1, "%s=%s\n", n, p);
}

/* alias [-t [-r]] [-p] [name[=value] ...] */
int b_alias(int argc, char **argv)
{
	int i = 1, tracked = 0, reset = 0, prefix = 0;
	for (; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 't')
				tracked = 1;
			else if (*p == 'r')
				reset = 1;
			else if (*p == 'p')
				prefix = 1;
			else if (*p == 'x' || *p == 'd')
				;
			else {
				bi_errorf("-%c: unknown option", *p);
				return 1;
			}
		}
	}
	if (tracked) {
		if (reset) {
			hash_clear();
			return 0;
		}
		if (i >= argc) {
			hash_foreach(print_hashed, NULL);
			return 0;
		}
		int st = 0;
		for (; i < argc; i++) {
			int e;
			const char *path = var_getstr("PATH");
			char *p = path_search(argv[i], path ? path : "", &e);
			if (p)
				hash_add(argv[i], p);
			else
				st = 1;
		}
		return st;
	}
	if (i >= argc) {
		alias_foreach(print_alias, &prefix);
		return 0;
	}
	int st = 0;
	for (; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		if (eq) {
			char *name = ststrndup(argv[i], (size_t)(eq - argv[i]));
			alias_set(name, eq + 1);
			continue;
		}
		struct alias *a = alias_find(argv[i]);
		if (!a) {
			out_fmt(1, "%s alias not found\n", argv[i]);
			st = 1;
			continue;
		}
		print_alias(a, &prefix);
	}
	return st;
}

/* unalias [-a] name ... */
int b_unalias(int argc, char **argv)
{
	int i = 1;
	if (i < argc && !strcmp(argv[i], "-a")) {
		alias_clear();
		return 0;
	}
	if (i < argc && !strcmp(argv[i], "-t")) {
		hash_clear();
		return 0;
	}
	int st = 0;
	for (; i < argc; i++)
		if (alias_remove(argv[i]))
			st = 1;
	return st;
}

/* ------------------------------------------------------------------ whence */

/*
 * Describe each name as whence/command -v do (verbose: -V form, pathonly:
 * -p, cmdv: "command -v" alias format). Returns 0 if all were found.
 */
int whence_names(int argc, char **argv, int verbose, int pathonly, int cmdv)
{
	int st = 0;
	for (int i = 0; i < argc; i++) {
		const char *n = argv[i];
		struct sbuf b;
		sb_init(&b);
		struct alias *a;
		struct func *f;
		const struct builtin *bi;
		if (!pathonly && is_keyword(n)) {
			if (verbose)
				sb_printf(&b, "%s is a reserved word\n", n);
			else
				sb_printf(&b, "%s\n", n);
		} else if (!pathonly && (a = alias_find(n))) {
			if (verbose) {
				sb_printf(&b, "%s is an alias for ", n);
				str_quote_sb(&b, alias_value(a));
				sb_addc(&b, '\n');
			} else {
				if (cmdv)
					sb_printf(&b, "alias %s=", n);
				str_quote_sb(&b, alias_value(a));
				sb_addc(&b, '\n');
			}
		} else if (!pathonly && (f = func_find(n))) {
			if (verbose)
				sb_printf(&b, "%s is a function\n", n);
			else
				sb_printf(&b, "%s\n", n);
		} else if (!pathonly && (bi = builtin_find(n)) && !(bi->flags & BI_DEFER)) {
			if (verbose)
				sb_printf(&b, "%s is a %sshell builtin\n", n,
				          (bi->flags & BI_SPECIAL) ? "special " : "");
			else
				sb_printf(&b, "%s\n", n);
		} else {
			int e;
			const char *h = strchr(n, '/') ? NULL : hash_lookup(n);
			char *path = NULL;
			int tracked = 0;
			if (h && is_executable(h)) {
				path = ststrdup(h);
				tracked = 1;
			} else if (strchr(n, '/')) {
				if (is_executable(n))
					path = ststrdup(n);
			} else {
				const char *ps = var_getstr("PATH");
				path = path_search(n, ps ? ps : "", &e);
				if (path && Flag(O_TRACKALL)) {
					hash_add(n, path);
					tracked = 1;
				}
			}
			if (!path && (bi = builtin_find(n)) && !pathonly) {
				if (verbose)
					sb_printf(&b, "%s is a shell builtin\n", n);
				else
					sb_printf(&b, "%s\n", n);
			} else if (!path) {
				st = 1;
				if (!verbose) {
					/* like mksh, whence/command -v stop at the first miss */
					sb_free(&b);
					return st;
				}
				sb_printf(&b, "%s not found\n", n);
			} else if (verbose) {
				if (tracked)
					sb_printf(&b, "%s is a tracked alias for %s\n", n, path);
				else
					sb_printf(&b, "%s is %s\n", n, path);
			} else {
				sb_printf(&b, "%s\n", path);
			}
		}
		out_n(1, b.s ? b.s : "", b.len);
		sb_free(&b);
	}
	return st;
}

/* whence [-pv] name ... */
int b_whence(int argc, char **argv)
{
	int i = 1, v = 0, p = 0;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *o = argv[i] + 1; *o; o++) {
			if (*o == 'v')
				v = 1;
			else if (*o == 'p')
				p = 1;
			else {
				bi_errorf("-%c: unknown option", *o);
				return 1;
			}
		}
	}
	return whence_names(argc - i, argv + i, v, p, 0);
}

/* ------------------------------------------------------------------ getopts */

static int go_sub;     /* position inside the current argument */
static int go_setting; /* getopts itself is assigning OPTIND */

/* Forget getopts' position (OPTIND was assigned by the user). */
void getopts_reset(void)
{
	if (!go_setting)
		go_sub = 0;
}

static void set_optind(long v)
{
	go_setting = 1;
	var_setint("OPTIND", v);
	go_setting = 0;
}

/* getopts optstring name [args...] */
int b_getopts(int argc, char **argv)
{
	if (argc < 3) {
		bi_errorf("options: missing argument");
		return 1;
	}
	const char *opts = argv[1];
	const char *name = argv[2];
	char **args = argc > 3 ? argv + 3 : sh.posv;
	int nargs = argc > 3 ? argc - 3 : sh.posc;
	const char *oi = var_getstr("OPTIND");
	long optind = oi ? atol(oi) : 1;
	if (optind < 1)
		optind = 1;
	int silent = opts[0] == ':';
	if (silent)
		opts++;
	if (optind > nargs) {
		var_setstr(name, "?");
		var_unset("OPTARG", 0);
		go_sub = 0;
		return 1;
	}
	const char *a = args[optind - 1];
	if (!go_sub) {
		if ((a[0] != '-' && a[0] != '+') || !a[1] || (a[0] == '+' && 1)) {
			if (!(a[0] == '+' && a[1])) {
				var_setstr(name, "?");
				go_sub = 0;
				return 1;
			}
		}
		if (!strcmp(a, "--")) {
			set_optind(optind + 1);
			go_sub = 0;
			var_setstr(name, "?");
			return 1;
		}
		go_sub = 1;
	}
	int plus = a[0] == '+';
	char c = a[go_sub++];
	const char *o = c != ':' ? strchr(opts, c) : NULL;
	char buf[3] = {plus ? '+' : 0, c, 0};
	const char *optname = plus ? buf : buf + 1;
	if (!a[go_sub]) {
		go_sub = 0;
		optind++;
	}
	if (!o) {
		char m[3] = {plus ? '+' : '-', c, 0};
		if (silent) {
			var_setstr(name, "?");
			var_setstr("OPTARG", m + 1);
		} else {
			vmsgf_str('E', xs_cat2(m, ": unknown option"));
			var_setstr(name, "?");
			var_unset("OPTARG", 0);
		}
		set_optind(optind);
		return 0;
	}
	if (o[1] == ':') {
		const char *val = NULL;
		if (go_sub) {
			val = a + go_sub;
			go_sub = 0;
			optind++;
		} else if (optind <= nargs) {
			val = args[optind - 1];
			optind++;
		}
		if (!val) {
			char m[3] = {plus ? '+' : '-', c, 0};
			set_optind(optind);
			if (silent) {
				var_setstr(name, ":");
				var_setstr("OPTARG", m + 1);
			} else {
				vmsgf_str('E', xs_cat2(m, ": requires an argument"));
				var_setstr(name, "?");
				var_unset("OPTARG", 0);
			}
			return 0;
		}
		var_setstr("OPTARG", val);
	} else {
		var_unset("OPTARG", 0);
	}
	set_optind(optind);
	var_setstr(name, optname);
	return 0;
}

/* ------------------------------------------------------------------ trap */

/* trap [action] [signal ...] */
int b_trap(int argc, char **argv)
{
	int i = 1;
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "-") != 0) {
		bi_errorf("%s: unknown option", argv[i]);
		return 1;
	}
	if (i >= argc) {
		trap_list(1);
		return 0;
	}
	const char *action = argv[i];
	int reset = 0;
	if (!strcmp(action, "-"))
		reset = 1;
	else if (is_digits(action))
		reset = 1, i--;
	i++;
	int st = 0;
	for (; i < argc; i++) {
		int sig = sig_byname(argv[i]);
		if (sig < 0 || sig == SIGKILL || sig == SIGSTOP) {
			bi_warnf("bad signal: %s", argv[i]);
			st = 1;
			continue;
		}
		trap_set(sig, reset ? NULL : action);
	}
	return st;
}

/* ------------------------------------------------------------------ misc */

/* realpath [--] name */
int b_realpath(int argc, char **argv)
{
	int i = 1;
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i >= argc) {
		bi_errorf("missing argument");
		return 1;
	}
	const char *n = argv[i];
	struct xstr x;
	xs_init(&x);
	if (n[0] != '/') {
		char *c = sys_cwd();
		xs_adds(&x, c ? c : "/");
		xs_addc(&x, '/');
	}
	xs_adds(&x, n);
	char *r = resolve_path(xs_str(&x));
	if (!r) {
		bi_errorf("%s: %s", n, strerror(errno));
		return 1;
	}
	out_fmt(1, "%s\n", r);
	return 0;
}

/* rename [--] from to */
int b_rename(int argc, char **argv)
{
	int i = 1;
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (argc - i != 2) {
		bi_errorf("usage: rename [--] from to");
		return 1;
	}
	if (rename(argv[i], argv[i + 1]) < 0) {
		bi_errorf("failed: %s", strerror(errno));
		return 1;
	}
	return 0;
}

/* ulimit: only the file size limit is portable enough to report. */
int b_ulimit(int argc, char **argv)
{
	(void)argv;
	if (argc > 1 && strcmp(argv[1], "-f") && strcmp(argv[1], "-a") && strcmp(argv[1], "-H") &&
	    strcmp(argv[1], "-S")) {
		bi_errorf("%s: unsupported", argv[1]);
		return 1;
	}
	return ulimit_builtin(argc, argv);
}

/* fc -l / -s: history listing and re-execution. */
int b_fc(int argc, char **argv)
{
	return fc_builtin(argc, argv);
}

/* bind: key bindings are fixed in qsh; lists nothing. */
int b_bind(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}
