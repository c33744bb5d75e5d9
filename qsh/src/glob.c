/*
 * glob.c - pathname expansion of a pattern (QC-quoted, see pattern.c) into
 * the sorted list of matching paths, and brace expansion.
 */
#include "qsh.h"
#include "shell.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct gres {
	char **v;
	size_t n, cap;
};

static void gres_add(struct gres *g, const char *s)
{
	if (g->n + 1 >= g->cap) {
		size_t nc = g->cap ? g->cap * 2 : 16;
		char **nv = stalloc(nc * sizeof *nv);
		if (g->n)
			memcpy(nv, g->v, g->n * sizeof *nv);
		g->v = nv;
		g->cap = nc;
	}
	g->v[g->n++] = ststrdup(s);
}

/* Does the pattern component start with a literal '.'? */
static int starts_with_dot(const char *p)
{
	if (*p == QC)
		p++;
	return *p == '.';
}

/* Recursively expand: base path so far, remaining pattern components. */
static void glob_rec(struct gres *g, struct xstr *base, const char *rest, int markdirs)
{
	while (*rest == '/') {
		xs_addc(base, '/');
		rest++;
	}
	if (!*rest) {
		char *path = xs_str(base);
		struct stat st;
		if (lstat(path, &st) == 0) {
			if (markdirs && stat(path, &st) == 0 && S_ISDIR(st.st_mode) && base->len &&
			    path[base->len - 1] != '/') {
				struct xstr t = *base;
				xs_addc(&t, '/');
				gres_add(g, xs_str(&t));
			} else {
				gres_add(g, path);
			}
		}
		return;
	}
	const char *slash = rest;
	while (*slash && *slash != '/') {
		if (*slash == QC && slash[1])
			slash++;
		slash++;
	}
	char *comp = ststrndup(rest, (size_t)(slash - rest));
	if (!pat_has_magic(comp)) {
		struct xstr nb = *base;
		xs_adds(&nb, pat_unquote(comp));
		if (*slash) {
			/* must be a directory to continue */
			struct stat st;
			if (stat(xs_str(&nb), &st) != 0 || !S_ISDIR(st.st_mode))
				return;
		}
		glob_rec(g, &nb, slash, markdirs);
		return;
	}
	const char *dir = base->len ? xs_str(base) : ".";
	DIR *d = opendir(dir);
	if (!d)
		return;
	int dot = starts_with_dot(comp);
	struct gres names = {0};
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		const char *n = de->d_name;
		if (n[0] == '.' && (!n[1] || (n[1] == '.' && !n[2])))
			continue;
		if (n[0] == '.' && !dot)
			continue;
		if (pat_match(comp, n))
			gres_add(&names, n);
	}
	closedir(d);
	for (size_t i = 0; i < names.n; i++) {
		struct xstr nb = *base;
		/* copy so siblings do not share the arena buffer */
		struct xstr c;
		xs_init(&c);
		xs_addn(&c, nb.s, nb.len);
		xs_adds(&c, names.v[i]);
		if (*slash) {
			struct stat st;
			if (stat(xs_str(&c), &st) != 0 || !S_ISDIR(st.st_mode))
				continue;
		}
		glob_rec(g, &c, slash, markdirs);
	}
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * Expand pattern pat; appends matches (sorted) to out and returns their
 * number (0: no match, caller keeps the word).
 */
size_t glob_expand(const char *pat, struct stv *out)
{
	struct gres g = {0};
	struct xstr base;
	xs_init(&base);
	glob_rec(&g, &base, pat, Flag(O_MARKDIRS));
	if (g.n > 1)
		qsort(g.v, g.n, sizeof *g.v, cmp_str);
	for (size_t i = 0; i < g.n; i++)
		stv_push(out, g.v[i]);
	return g.n;
}

/* ------------------------------------------------------------------ braces */

/* Find a brace group {a,b} in s (QC-quoted); returns 1 with positions. */
static int find_brace(const char *s, const char **open, const char **close)
{
	for (const char *p = s; *p; p++) {
		if (*p == QC) {
			if (p[1])
				p++;
			continue;
		}
		if (*p != '{')
			continue;
		int depth = 0, comma = 0;
		const char *q;
		for (q = p; *q; q++) {
			if (*q == QC) {
				if (q[1])
					q++;
				continue;
			}
			if (*q == '{')
				depth++;
			else if (*q == '}') {
				if (--depth == 0)
					break;
			} else if (*q == ',' && depth == 1)
				comma = 1;
		}
		if (*q != '}')
			return 0; /* an unmatched '{' ends brace expansion (mksh) */
		if (comma) {
			*open = p;
			*close = q;
			return 1;
		}
		p = q; /* "{word}" without a comma stays; look after it */
	}
	return 0;
}

/* Expand csh-style braces in the QC-quoted word s into out (in order). */
void brace_expand(const char *s, struct stv *out)
{
	const char *op, *cl;
	if (!find_brace(s, &op, &cl)) {
		stv_push(out, (char *)s);
		return;
	}
	const char *item = op + 1;
	int depth = 0;
	for (const char *q = op + 1; q <= cl; q++) {
		if (*q == QC && q < cl) {
			q++;
			continue;
		}
		if (*q == '{')
			depth++;
		else if (*q == '}' && q != cl)
			depth--;
		if ((*q == ',' && depth == 0) || q == cl) {
			struct xstr x;
			xs_init(&x);
			xs_addn(&x, s, (size_t)(op - s));
			xs_addn(&x, item, (size_t)(q - item));
			xs_adds(&x, cl + 1);
			brace_expand(xs_str(&x), out);
			item = q + 1;
		}
	}
}
