/*
 * complete.c - tab completion for the line editor: command names (at the
 * start of a command: builtins, functions, aliases, keywords and programs
 * in PATH) and file names; a unique match is completed (with '/' or ' '),
 * several matches are completed to their common prefix and listed.
 */
#include "qsh.h"
#include "shell.h"
#include "editint.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int tty_columns(void);
int is_keyword(const char *s);

struct cands {
	char **v;
	size_t n, cap;
};

static void add(struct cands *c, const char *s)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->v[i], s))
			return;
	if (c->n == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 32;
		c->v = xrealloc(c->v, c->cap * sizeof *c->v);
	}
	c->v[c->n++] = xstrdup(s);
}

static void free_cands(struct cands *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->v[i]);
	free(c->v);
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Characters that must be escaped when inserted. */
static int special(char c)
{
	return c && strchr(" \t\n\"#$&'()*;<=>?[\\]`{|}~", c) != NULL;
}

/* Unescape the word being completed (backslashes and simple quotes). */
static char *unescape(const char *s, size_t n)
{
	struct sbuf b;
	sb_init(&b);
	int q = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!q && c == '\\' && i + 1 < n) {
			sb_addc(&b, s[++i]);
			continue;
		}
		if ((c == '\'' || c == '"') && (!q || q == c)) {
			q = q ? 0 : c;
			continue;
		}
		sb_addc(&b, c);
	}
	return sb_take(&b);
}

struct fa {
	struct cands *c;
	const char *prefix;
};

static void add_alias(struct alias *a, void *arg)
{
	struct fa *f = arg;
	if (!strncmp(alias_name(a), f->prefix, strlen(f->prefix)))
		add(f->c, alias_name(a));
}

static void add_func(struct func *fn, void *arg)
{
	struct fa *f = arg;
	if (!strncmp(fn->name, f->prefix, strlen(f->prefix)))
		add(f->c, fn->name);
}

static void commands(struct cands *c, const char *prefix)
{
	size_t pl = strlen(prefix), nb;
	const struct builtin *b = builtin_all(&nb);
	for (size_t i = 0; i < nb; i++)
		if (!strncmp(b[i].name, prefix, pl) && b[i].name[0] != '\\')
			add(c, b[i].name);
	static const char *const kw[] = {"case", "do",   "done",     "elif",  "else", "esac",
	                                 "fi",   "for",  "function", "if",    "in",   "select",
	                                 "then", "time", "until",    "while", NULL};
	for (int i = 0; kw[i]; i++)
		if (!strncmp(kw[i], prefix, pl))
			add(c, kw[i]);
	struct fa fa = {c, prefix};
	alias_foreach(add_alias, &fa);
	func_foreach(add_func, &fa);
	const char *path = var_getstr("PATH");
	if (!path)
		return;
	char *ps = xstrdup(path);
	for (char *dir = ps, *next; dir; dir = next) {
		next = strchr(dir, ':');
		if (next)
			*next++ = 0;
		DIR *d = opendir(*dir ? dir : ".");
		if (!d)
			continue;
		struct dirent *de;
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.' || strncmp(de->d_name, prefix, pl))
				continue;
			struct sbuf f;
			sb_init(&f);
			sb_printf(&f, "%s/%s", *dir ? dir : ".", de->d_name);
			if (is_executable(f.s))
				add(c, de->d_name);
			sb_free(&f);
		}
		closedir(d);
	}
	free(ps);
}

/* File names completing word; entries keep the directory part. */
static void files(struct cands *c, const char *word)
{
	const char *slash = strrchr(word, '/');
	char *dir, *base;
	if (slash) {
		dir = xstrndup(word, (size_t)(slash - word) + 1);
		base = xstrdup(slash + 1);
	} else {
		dir = xstrdup("");
		base = xstrdup(word);
	}
	char *opendirname = *dir ? xstrdup(dir) : xstrdup(".");
	if (dir[0] == '~') {
		const char *home = var_getstr("HOME");
		if (home && (dir[1] == '/' || !dir[1])) {
			free(opendirname);
			struct sbuf b;
			sb_init(&b);
			sb_adds(&b, home);
			sb_adds(&b, dir + 1);
			opendirname = sb_take(&b);
		}
	}
	DIR *d = opendir(opendirname);
	if (d) {
		size_t bl = strlen(base);
		struct dirent *de;
		while ((de = readdir(d)) != NULL) {
			const char *n = de->d_name;
			if (!strcmp(n, ".") || !strcmp(n, ".."))
				continue;
			if (n[0] == '.' && base[0] != '.')
				continue;
			if (strncmp(n, base, bl))
				continue;
			struct sbuf f;
			sb_init(&f);
			sb_printf(&f, "%s%s", dir, n);
			struct sbuf p;
			sb_init(&p);
			sb_printf(&p, "%s/%s", opendirname, n);
			struct stat st;
			if (stat(p.s, &st) == 0 && S_ISDIR(st.st_mode))
				sb_addc(&f, '/');
			add(c, f.s);
			sb_free(&f);
			sb_free(&p);
		}
		closedir(d);
	}
	free(dir);
	free(base);
	free(opendirname);
}

/* Is the word starting at pos in a command-name position? */
static int command_position(const char *buf, size_t start)
{
	size_t i = start;
	while (i > 0 && (buf[i - 1] == ' ' || buf[i - 1] == '\t'))
		i--;
	if (i == 0)
		return 1;
	char c = buf[i - 1];
	return c == ';' || c == '|' || c == '&' || c == '(' || c == '`';
}

/* Print candidates in columns below the line, then redraw it. */
static void list_cands(struct ed *e, struct cands *c)
{
	size_t w = 0;
	for (size_t i = 0; i < c->n; i++) {
		size_t l = strlen(c->v[i]);
		if (l > w)
			w = l;
	}
	size_t colw = w + 2;
	size_t ncol = (size_t)tty_columns() / colw;
	if (ncol < 1)
		ncol = 1;
	size_t rows = (c->n + ncol - 1) / ncol;
	struct sbuf b;
	sb_init(&b);
	sb_addc(&b, '\n');
	for (size_t r = 0; r < rows; r++) {
		size_t start = b.len;
		for (size_t k = 0; k < ncol; k++) {
			size_t i = k * rows + r;
			if (i >= c->n)
				break;
			sb_printf(&b, "%-*s", (int)colw, c->v[i]);
		}
		while (b.len > start && b.s[b.len - 1] == ' ')
			b.len--;
		sb_addc(&b, '\n');
	}
	ed_write(e, b.s, b.len);
	sb_free(&b);
	ed_refresh(e);
}

static void insert_escaped(struct ed *e, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (special(s[i]) && !(s[i] == '~' && i == 0))
			ed_insert(e, "\\", 1);
		ed_insert(e, s + i, 1);
	}
}

/*
 * Complete the word before the cursor. mode 1: complete and list if
 * ambiguous, 2: only list. Returns the number of candidates.
 */
int complete_word(struct ed *e, int mode)
{
	size_t start = e->pos;
	while (start > 0) {
		char c = e->buf[start - 1];
		if ((c == ' ' || c == '\t' || c == ';' || c == '|' || c == '&' || c == '(' ||
		     c == '<' || c == '>' || c == '`') &&
		    !(start >= 2 && e->buf[start - 2] == '\\'))
			break;
		start--;
	}
	char *word = unescape(e->buf + start, e->pos - start);
	struct cands c = {0};
	int cmdpos = command_position(e->buf, start) && !strchr(word, '/');
	if (cmdpos)
		commands(&c, word);
	if (!cmdpos || !c.n)
		files(&c, word);
	if (c.n > 1)
		qsort(c.v, c.n, sizeof *c.v, cmp);
	int n = (int)c.n;
	if (!n) {
		ed_write(e, "\a", 1);
	} else if (mode == 2) {
		list_cands(e, &c);
	} else {
		size_t common = strlen(c.v[0]);
		for (size_t i = 1; i < c.n; i++) {
			size_t k = 0;
			while (k < common && c.v[i][k] == c.v[0][k])
				k++;
			common = k;
		}
		size_t wl = strlen(word);
		if (common > wl)
			insert_escaped(e, c.v[0] + wl, common - wl);
		if (n > 1) {
			/* complete-list: show the candidates (mksh's Tab) */
			if (common > wl)
				ed_refresh(e);
			list_cands(e, &c);
		}
		if (n == 1) {
			size_t l = strlen(c.v[0]);
			if (!l || c.v[0][l - 1] != '/')
				ed_insert(e, " ", 1);
		}
	}
	free_cands(&c);
	free(word);
	return n;
}
