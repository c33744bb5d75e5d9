/*
 * bi_set.c - shell options (the table, $-, set -o listings) and the set
 * builtin (options, positional parameters, set -A arrays).
 */
#include "qsh.h"
#include "shell.h"
#include "builtins.h"

#include <stdlib.h>
#include <string.h>

const struct optdesc optdescs[NOPTS] = {
        [O_ALLEXPORT] = {"allexport", 'a'},
        [O_ASIS] = {"asis", 0},
        [O_BGNICE] = {"bgnice", 0},
        [O_BRACEEXPAND] = {"braceexpand", 0},
        [O_EMACS] = {"emacs", 0},
        [O_ERREXIT] = {"errexit", 'e'},
        [O_GMACS] = {"gmacs", 0},
        [O_IGNOREEOF] = {"ignoreeof", 0},
        [O_INHERIT_XTRACE] = {"inherit-xtrace", 0},
        [O_INTERACTIVE] = {"interactive", 'i'},
        [O_KEYWORD] = {"keyword", 'k'},
        [O_LOGIN] = {"login", 'l'},
        [O_MARKDIRS] = {"markdirs", 'X'},
        [O_MONITOR] = {"monitor", 'm'},
        [O_NOCLOBBER] = {"noclobber", 'C'},
        [O_NOEXEC] = {"noexec", 'n'},
        [O_NOGLOB] = {"noglob", 'f'},
        [O_NOHUP] = {"nohup", 0},
        [O_NOLOG] = {"nolog", 0},
        [O_NOTIFY] = {"notify", 'b'},
        [O_NOUNSET] = {"nounset", 'u'},
        [O_PHYSICAL] = {"physical", 0},
        [O_PIPEFAIL] = {"pipefail", 0},
        [O_POSIX] = {"posix", 0},
        [O_PRIVILEGED] = {"privileged", 'p'},
        [O_RESTRICTED] = {"restricted", 'r'},
        [O_SH] = {"sh", 0},
        [O_STDIN] = {"stdin", 's'},
        [O_TRACKALL] = {"trackall", 'h'},
        [O_UTF8] = {"utf8-mode", 'U'},
        [O_VERBOSE] = {"verbose", 'v'},
        [O_VI] = {"vi", 0},
        [O_VIESCCOMPLETE] = {"vi-esccomplete", 0},
        [O_VITABCOMPLETE] = {"vi-tabcomplete", 0},
        [O_VIRAW] = {"viraw", 0},
        [O_XTRACE] = {"xtrace", 'x'},
        [O_COMMAND] = {NULL, 'c'},
};

unsigned char opts[NOPTS];

/* Option index by long name, -1 if unknown. */
int opt_byname(const char *name)
{
	for (int i = 0; i < NOPTS; i++)
		if (optdescs[i].name && !strcmp(optdescs[i].name, name))
			return i;
	return -1;
}

/* Option index by letter, -1 if unknown. */
int opt_byletter(int c)
{
	for (int i = 0; i < NOPTS; i++)
		if (optdescs[i].letter == c)
			return i;
	return -1;
}

/* Change option o, with its side effects. */
void opt_set(int o, int on)
{
	if (o < 0 || o >= NOPTS)
		return;
	int old = opts[o];
	opts[o] = (unsigned char)(on != 0);
	switch (o) {
	case O_EMACS:
	case O_GMACS:
	case O_VI:
		if (on) {
			opts[O_EMACS] = opts[O_GMACS] = opts[O_VI] = 0;
			opts[o] = 1;
		}
		break;
	case O_POSIX:
	case O_SH:
		if (on && !old)
			opts[O_BRACEEXPAND] = 0;
		break;
	case O_MONITOR:
		if (on != old && sh.interactive) {
			jobs_init();
			signals_interactive(1);
		}
		break;
	}
}

/* The value of $- (static buffer). */
char *opt_dollar_minus(void)
{
	static char buf[NOPTS + 1];
	int n = 0;
	for (int i = 0; i < NOPTS; i++)
		if (opts[i] && optdescs[i].letter)
			buf[n++] = optdescs[i].letter;
	buf[n] = 0;
	return buf;
}

/* set -o: the option table in four columns. */
static void list_opts_long(void)
{
	const char *names[NOPTS];
	int vals[NOPTS], n = 0;
	for (int i = 0; i < NOPTS; i++)
		if (optdescs[i].name) {
			names[n] = optdescs[i].name;
			vals[n++] = opts[i];
		}
	struct sbuf b;
	sb_init(&b);
	sb_adds(&b, "Current option settings\n");
	int cols = 4, rows = (n + cols - 1) / cols;
	for (int r = 0; r < rows; r++) {
		size_t start = b.len;
		for (int c = 0; c < cols; c++) {
			int k = c * rows + r;
			if (k >= n)
				break;
			if (c)
				sb_adds(&b, "  ");
			sb_printf(&b, "%-14s %-3s", names[k], vals[k] ? "on" : "off");
		}
		while (b.len > start && b.s[b.len - 1] == ' ')
			b.len--;
		sb_addc(&b, '\n');
	}
	out_n(1, b.s, b.len);
	sb_free(&b);
}

/* set +o: a command restoring the settable options. */
static void list_opts_cmd(void)
{
	static const int skip[] = {O_EMACS,         O_INHERIT_XTRACE, O_NOHUP,   O_TRACKALL,
	                           O_VITABCOMPLETE, O_INTERACTIVE,    O_LOGIN,   O_PRIVILEGED,
	                           O_RESTRICTED,    O_STDIN,          O_COMMAND, O_MONITOR};
	struct sbuf b;
	sb_init(&b);
	sb_adds(&b, "set -o .reset");
	for (int i = 0; i < NOPTS; i++) {
		int s = 0;
		for (size_t k = 0; k < sizeof skip / sizeof skip[0]; k++)
			if (skip[k] == i)
				s = 1;
		if (!s && opts[i] && optdescs[i].name)
			sb_printf(&b, " -o %s", optdescs[i].name);
	}
	sb_addc(&b, '\n');
	out_n(1, b.s, b.len);
	sb_free(&b);
}

static void list_vars(struct var *v, void *arg)
{
	(void)arg;
	if (v->special == SV_LINENO)
		return;
	if (!var_isset(v)) {
		if (v->flags & (V_EXPORT | V_READONLY | V_FMTMASK | V_TAG))
			out_fmt(1, "%s\n", v->name);
		return;
	}
	struct sbuf b;
	sb_init(&b);
	if (v->flags & V_ARRAY) {
		for (size_t i = 0; i < v->n; i++) {
			sb_printf(&b, "%s[%lu]=", v->name, (unsigned long)v->el[i].idx);
			str_quote_sb(&b, v->el[i].val);
			sb_addc(&b, '\n');
		}
	} else {
		sb_printf(&b, "%s=", v->name);
		str_quote_sb(&b, var_elem(v, 0));
		sb_addc(&b, '\n');
	}
	out_n(1, b.s, b.len);
	sb_free(&b);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Apply a long option name (-o name / +o name); 0 or -1 (unknown). */
static int set_long(const char *name, int on)
{
	if (!strcmp(name, ".reset")) {
		for (int i = 0; i < NOPTS; i++)
			if (i != O_INTERACTIVE && i != O_LOGIN && i != O_PRIVILEGED &&
			    i != O_RESTRICTED && i != O_STDIN && i != O_COMMAND && i != O_MONITOR &&
			    i != O_TRACKALL && i != O_NOHUP && i != O_INHERIT_XTRACE &&
			    i != O_EMACS && i != O_VITABCOMPLETE)
				opts[i] = 0;
		return 0;
	}
	int o = opt_byname(name);
	if (o < 0)
		return -1;
	if (o == O_INTERACTIVE || o == O_LOGIN)
		return 0;
	opt_set(o, on);
	return 0;
}

/*
 * Parse option arguments of set (or the shell's command line when
 * invocation). Returns the index of the first non-option argument, or -1
 * after an error. arrname and arrmode report -A/+A, sort -s, dashdash "--".
 */
int parse_set_options(int argc, char **argv, int invocation, char **arrname, int *arrmode,
                      int *sort, int *dashdash)
{
	int i = 1;
	*dashdash = 0;
	for (; i < argc; i++) {
		const char *a = argv[i];
		if (a[0] != '-' && a[0] != '+')
			break;
		int on = a[0] == '-';
		if (!a[1]) {
			if (on) {
				opts[O_VERBOSE] = 0;
				opts[O_XTRACE] = 0;
			}
			i++;
			*dashdash = 1;
			break;
		}
		if (!strcmp(a, "--")) {
			i++;
			*dashdash = 1;
			break;
		}
		for (const char *p = a + 1; *p; p++) {
			if (*p == 'o') {
				if (i + 1 >= argc) {
					if (on)
						list_opts_long();
					else
						list_opts_cmd();
					continue;
				}
				const char *name = argv[++i];
				if (set_long(name, on) < 0) {
					bi_errorf("%s: unknown option", name);
					return -1;
				}
				continue;
			}
			if (*p == 'A') {
				if (i + 1 >= argc) {
					bi_errorf("-A: missing argument");
					return -1;
				}
				*arrname = argv[++i];
				*arrmode = on ? 0 : 1;
				continue;
			}
			if (*p == 's' && !invocation) {
				*sort = on;
				continue;
			}
			int o = opt_byletter((unsigned char)*p);
			if (o < 0 || (!invocation && (o == O_INTERACTIVE || o == O_COMMAND ||
			                              o == O_LOGIN || o == O_STDIN))) {
				bi_errorf("%c%c: unknown option", on ? '-' : '+', *p);
				return -1;
			}
			opt_set(o, on);
		}
	}
	return i;
}

/* set [options] [--] [args] */
int b_set(int argc, char **argv)
{
	if (argc == 1) {
		var_foreach(list_vars, NULL, 1);
		return 0;
	}
	char *arrname = NULL;
	int arrmode = 0, sort = 0, dd = 0;
	int i = parse_set_options(argc, argv, 0, &arrname, &arrmode, &sort, &dd);
	if (i < 0)
		return 2;
	char **rest = argv + i;
	int n = argc - i;
	if (sort && n > 1) {
		char **c = stalloc((size_t)n * sizeof *c);
		memcpy(c, rest, (size_t)n * sizeof *c);
		qsort(c, (size_t)n, sizeof *c, cmp_str);
		rest = c;
	}
	if (arrname) {
		char *an = arrname;
		int mode = arrmode;
		size_t l = strlen(an);
		if (l && an[l - 1] == '+') {
			an = ststrndup(an, l - 1);
			mode = 2;
		}
		if (!is_valid_name(an)) {
			bi_errorf("%s: is not an identifier", an);
			return 1;
		}
		var_set_array(var_need(an), rest, (size_t)n, mode);
		return 0;
	}
	if (n > 0 || dd) {
		for (int k = 0; k < sh.posc; k++)
			free(sh.posv[k]);
		free(sh.posv);
		sh.posv = xmalloc(((size_t)n + 1) * sizeof *sh.posv);
		for (int k = 0; k < n; k++)
			sh.posv[k] = xstrdup(rest[k]);
		sh.posc = n;
	}
	return 0;
}
