/*
 * glob.c - glob() and globfree(): pathname expansion (POSIX 2.13.3).
 *
 * The pattern is expanded one '/'-separated component at a time: a
 * component without *, ? or [ is appended as it is; one with them is
 * matched against the names read from the directory (fnmatch with
 * FNM_PERIOD, so only an explicit '.' matches a leading period). The last
 * component must exist (lstat). Results are sorted with strcoll() unless
 * GLOB_NOSORT; GLOB_MARK appends '/' to directories. A directory that
 * cannot be read is reported to errfunc, and aborts the expansion with
 * GLOB_ABORTED if errfunc returns non-zero or GLOB_ERR is set.
 */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <glob.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct gstate {
	int flags;
	int (*errfunc)(const char *, int);
	char **v; /* matches found by this call */
	size_t n, cap;
	int err; /* GLOB_NOSPACE or GLOB_ABORTED */
};

/* 1 if s has an unquoted *, ? or [ (with a closing ]). */
static int has_magic(const char *s, size_t len, int noescape)
{
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\\' && !noescape && i + 1 < len) {
			i++;
			continue;
		}
		if (s[i] == '*' || s[i] == '?')
			return 1;
		if (s[i] == '[') {
			for (size_t j = i + 1; j < len; j++)
				if (s[j] == ']' && j > i + 1)
					return 1;
		}
	}
	return 0;
}

/* Adds a copy of path to the results; 0 or -1 (GLOB_NOSPACE). */
static int add(struct gstate *g, const char *path)
{
	if (g->n == g->cap) {
		size_t cap = g->cap ? g->cap * 2 : 16;
		char **v = realloc(g->v, sizeof(char *) * cap);
		if (!v) {
			g->err = GLOB_NOSPACE;
			return -1;
		}
		g->v = v;
		g->cap = cap;
	}
	size_t len = strlen(path);
	int mark = 0;
	struct stat st;
	if ((g->flags & GLOB_MARK) && (len == 0 || path[len - 1] != '/') && !stat(path, &st) &&
	    S_ISDIR(st.st_mode))
		mark = 1;
	char *c = malloc(len + 1 + (size_t)mark);
	if (!c) {
		g->err = GLOB_NOSPACE;
		return -1;
	}
	memcpy(c, path, len);
	if (mark)
		c[len++] = '/';
	c[len] = 0;
	g->v[g->n++] = c;
	return 0;
}

/* Removes the quoting backslashes from s[0..len) into d; returns d's length. */
static size_t unquote(char *d, const char *s, size_t len, int noescape)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] == '\\' && !noescape && i + 1 < len)
			i++;
		d[n++] = s[i];
	}
	return n;
}

/*
 * Expands pattern rest (a tail of the whole pattern) below the directory
 * path buf[0..blen); buf has room for blen + strlen(rest) + 1 bytes.
 */
static void expand(struct gstate *g, char *buf, size_t blen, const char *rest)
{
	int noesc = (g->flags & GLOB_NOESCAPE) != 0;
	/* copy the slashes, then take one component */
	while (*rest == '/')
		buf[blen++] = *rest++;
	buf[blen] = 0;
	if (!*rest) { /* the pattern ended in '/': only directories */
		struct stat st;
		if (!stat(blen ? buf : ".", &st) && S_ISDIR(st.st_mode))
			add(g, buf);
		return;
	}
	const char *end = rest;
	while (*end && *end != '/')
		end++;
	size_t clen = (size_t)(end - rest);
	if (!has_magic(rest, clen, noesc)) {
		size_t n = unquote(buf + blen, rest, clen, noesc);
		buf[blen + n] = 0;
		if (!*end) {
			struct stat st;
			if (!lstat(buf, &st))
				add(g, buf);
			return;
		}
		expand(g, buf, blen + n, end);
		return;
	}
	/* a component with wildcards: read the directory */
	char *comp = malloc(clen + 1);
	if (!comp) {
		g->err = GLOB_NOSPACE;
		return;
	}
	memcpy(comp, rest, clen);
	comp[clen] = 0;
	DIR *d = opendir(blen ? buf : ".");
	if (!d) {
		int e = errno;
		if (e != ENOENT && e != ENOTDIR &&
		    ((g->errfunc && g->errfunc(blen ? buf : ".", e)) || (g->flags & GLOB_ERR)))
			g->err = GLOB_ABORTED;
		free(comp);
		return;
	}
	/* GLOB_PERIOD (an extension) lets wildcards match a leading '.' in the last component */
	int fflags =
	        (noesc ? FNM_NOESCAPE : 0) | ((g->flags & GLOB_PERIOD) && !*end ? 0 : FNM_PERIOD);
	struct dirent *de;
	while (!g->err && (de = readdir(d))) {
		const char *name = de->d_name;
		/* "." and ".." only as the last component (never to descend through) */
		if ((!strcmp(name, ".") || !strcmp(name, "..")) && *end && comp[0] != '.')
			continue;
		if (fnmatch(comp, name, fflags))
			continue;
		size_t nl = strlen(name);
		char *nb = malloc(blen + nl + strlen(end) + 1);
		if (!nb) {
			g->err = GLOB_NOSPACE;
			break;
		}
		memcpy(nb, buf, blen);
		memcpy(nb + blen, name, nl + 1);
		if (!*end)
			add(g, nb);
		else
			expand(g, nb, blen + nl, end);
		free(nb);
	}
	closedir(d);
	free(comp);
}

static int cmp(const void *a, const void *b)
{
	return strcoll(*(char *const *)a, *(char *const *)b);
}

/*
 * Expands pattern into the path names that match it, adding them to
 * *pglob (after any earlier ones with GLOB_APPEND). Returns 0,
 * GLOB_NOMATCH, GLOB_NOSPACE or GLOB_ABORTED.
 */
int glob(const char *restrict pattern, int flags, int (*errfunc)(const char *epath, int eerrno),
         glob_t *restrict pglob)
{
	struct gstate g = {0};
	g.flags = flags;
	g.errfunc = errfunc;
	if (!(flags & GLOB_APPEND)) {
		pglob->gl_pathc = 0;
		pglob->gl_pathv = NULL;
		if (!(flags & GLOB_DOOFFS))
			pglob->gl_offs = 0;
	}
	pglob->gl_flags = flags;
	pglob->gl_errfunc = errfunc;
	size_t plen = strlen(pattern);
	char *buf = malloc(plen + 1);
	if (!buf)
		return GLOB_NOSPACE;
	buf[0] = 0;
	if (*pattern) /* the empty pattern matches nothing */
		expand(&g, buf, 0, pattern);
	free(buf);
	if (g.err == GLOB_NOSPACE)
		goto fail;
	if (g.n == 0 && !g.err) {
		if (!(flags & GLOB_NOCHECK)) {
			free(g.v);
			pglob->gl_matchc = 0;
			return GLOB_NOMATCH;
		}
		g.err = 0;
		g.flags &= ~GLOB_MARK;
		if (add(&g, pattern) < 0)
			goto fail;
	}
	if (!(flags & GLOB_NOSORT))
		qsort(g.v, g.n, sizeof(char *), cmp);
	/* append to gl_pathv: offs NULLs, the old paths, the new ones, NULL */
	size_t offs = (flags & GLOB_DOOFFS) ? pglob->gl_offs : 0;
	size_t old = pglob->gl_pathv ? pglob->gl_pathc : 0;
	char **v = realloc(pglob->gl_pathv, sizeof(char *) * (offs + old + g.n + 1));
	if (!v)
		goto fail;
	if (!pglob->gl_pathv)
		for (size_t i = 0; i < offs; i++)
			v[i] = NULL;
	memcpy(v + offs + old, g.v, sizeof(char *) * g.n);
	v[offs + old + g.n] = NULL;
	pglob->gl_pathv = v;
	pglob->gl_pathc = old + g.n;
	pglob->gl_matchc = (int)g.n;
	free(g.v);
	return g.err;
fail:
	for (size_t i = 0; i < g.n; i++)
		free(g.v[i]);
	free(g.v);
	return GLOB_NOSPACE;
}

/* Frees the paths glob() stored in *pglob. */
void globfree(glob_t *pglob)
{
	if (!pglob->gl_pathv)
		return;
	size_t offs = (pglob->gl_flags & GLOB_DOOFFS) ? pglob->gl_offs : 0;
	for (size_t i = 0; i < pglob->gl_pathc; i++)
		free(pglob->gl_pathv[offs + i]);
	free(pglob->gl_pathv);
	pglob->gl_pathv = NULL;
	pglob->gl_pathc = 0;
}
