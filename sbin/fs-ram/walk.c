/*
 * walk.c - path names in fs-ram (node.h): walking a path from the root,
 * the path that replaces one when a symbolic link on it is followed, and
 * lexical normalisation of absolute paths.
 */
#include "node.h"

#include <errno.h>
#include <string.h>

/* Walks path from root (node.h). Returns 0 or an errno. */
int fsr_walk(struct fsnode *root, const char *path, int follow, fsr_search_fn *may_search,
             void *ctx, struct fsr_walk *w)
{
	struct fsnode *cur = root;
	const char *p = path;

	memset(w, 0, sizeof(*w));
	while (*p == '/')
		p++;
	w->node = root;
	w->name = p;
	while (*p != 0) {
		const char *s = p;
		while (*p != 0 && *p != '/')
			p++;
		size_t len = (size_t)(p - s);
		while (*p == '/')
			p++;
		int last = *p == 0;
		if (len > FSR_NAME_MAX)
			return ENAMETOOLONG;
		if (!S_ISDIR(cur->attr.mode))
			return ENOTDIR;
		if (may_search != NULL) {
			int r = may_search(ctx, cur);
			if (r != 0)
				return r;
		}
		w->name = s;
		w->namelen = len;
		if (len == 1 && s[0] == '.') {
			w->dir = NULL;
			w->ent = NULL;
			w->node = cur;
			w->dot = 1;
			continue;
		}
		if (len == 2 && s[0] == '.' && s[1] == '.') {
			cur = cur->u.dir.parent;
			w->dir = NULL;
			w->ent = NULL;
			w->node = cur;
			w->dot = 1;
			continue;
		}
		w->dot = 0;
		struct fsr_dirent *e = fsr_dir_find(cur, s, len);
		w->dir = cur;
		w->ent = e;
		if (e == NULL) {
			w->node = NULL;
			return last ? 0 : ENOENT;
		}
		w->node = e->node;
		if (S_ISLNK(e->node->attr.mode) && (!last || follow)) {
			w->link = e->node;
			w->link_dir = (size_t)(s - path);
			w->link_rest = (size_t)(p - path);
			return 0;
		}
		cur = e->node;
	}
	return 0;
}

/* Appends the n bytes at s to out (at *len, size bytes). Returns 0 or ENAMETOOLONG. */
static int put(char *out, size_t size, size_t *len, const char *s, size_t n)
{
	if (n >= size - *len)
		return ENAMETOOLONG;
	memcpy(out + *len, s, n);
	*len += n;
	out[*len] = 0;
	return 0;
}

/* The path that replaces path once w->link (target, tlen bytes) is followed (node.h). */
int fsr_link_path(const char *path, const struct fsr_walk *w, const char *target, size_t tlen,
                  char *out, size_t size)
{
	size_t len = 0;
	const char *rest = path + w->link_rest;
	int r = 0;

	if (size == 0)
		return ENAMETOOLONG;
	out[0] = 0;
	if (tlen == 0 || target[0] != '/')
		r = put(out, size, &len, path, w->link_dir);
	if (r == 0)
		r = put(out, size, &len, target, tlen);
	if (r == 0 && *rest != 0) {
		if (len > 0 && out[len - 1] != '/')
			r = put(out, size, &len, "/", 1);
		if (r == 0)
			r = put(out, size, &len, rest, strlen(rest));
	}
	return r;
}

/* Normalises the absolute path p in place (node.h). Returns 0 or EINVAL. */
int fsr_path_normalise(char *p)
{
	if (p[0] != '/')
		return EINVAL;
	size_t out = 0; /* bytes of the result (after its leading '/') */
	const char *s = p + 1;
	char *base = p + 1;
	while (*s != 0) {
		const char *c = s;
		while (*s != 0 && *s != '/')
			s++;
		size_t n = (size_t)(s - c);
		while (*s == '/')
			s++;
		if (n == 0 || (n == 1 && c[0] == '.'))
			continue;
		if (n == 2 && c[0] == '.' && c[1] == '.') {
			while (out > 0 && base[out - 1] != '/')
				out--;
			if (out > 0)
				out--; /* the '/' before the removed component */
			continue;
		}
		if (out > 0)
			base[out++] = '/';
		memmove(base + out, c, n);
		out += n;
	}
	base[out] = 0;
	return 0;
}
