/*
 * walk.c - the recursive tree walk (see walk.h).
 */
#include "walk.h"
#include "qu.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* One directory on the current path, for cycle detection. */
struct ancestor {
	dev_t dev;
	ino_t ino;
	struct ancestor *up;
};

struct walk {
	int flags;
	qu_walk_fn fn;
	void *arg;
	char *path; /* growable path buffer */
	size_t cap;
	dev_t rootdev;
};

/* Compares two strings through pointers, for qsort. */
static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads all entry names of the directory at path except "." and "..".
 * Returns the array (count in *n), or NULL with errno on failure. */
static char **read_names(const char *path, size_t *n, int sort)
{
	DIR *d = opendir(path);
	struct dirent *de;
	char **v = NULL;
	size_t cnt = 0, cap = 0;

	if (!d)
		return NULL;
	for (;;) {
		errno = 0;
		de = readdir(d);
		if (!de)
			break;
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (cnt == cap) {
			cap = cap ? cap * 2 : 16;
			v = qu_realloc(v, cap * sizeof(*v));
		}
		v[cnt++] = qu_strdup(de->d_name);
	}
	if (errno) {
		int e = errno;
		while (cnt)
			free(v[--cnt]);
		free(v);
		closedir(d);
		errno = e;
		return NULL;
	}
	closedir(d);
	if (sort && cnt > 1)
		qsort(v, cnt, sizeof(*v), cmp_names);
	*n = cnt;
	if (!v)
		v = qu_malloc(sizeof(*v));
	return v;
}

/* Makes sure the path buffer holds n bytes. */
static void path_reserve(struct walk *w, size_t n)
{
	if (n > w->cap) {
		w->cap = n * 2;
		w->path = qu_realloc(w->path, w->cap);
	}
}

/* Visits the entry whose path is w->path[0..len) and, for a directory,
 * everything below it. Returns 1 to stop the walk. */
static int visit(struct walk *w, size_t len, size_t namepos, int depth, struct ancestor *up)
{
	struct qu_walk_ent e;
	struct ancestor me, *a;
	int follow =
	        (w->flags & QU_WALK_FOLLOW) || (depth == 0 && (w->flags & QU_WALK_FOLLOW_ARGS));
	int r;

	memset(&e, 0, sizeof(e));
	e.path = w->path;
	e.name = w->path + namepos;
	e.depth = depth;
	if ((follow ? stat(w->path, &e.st) : lstat(w->path, &e.st)) != 0) {
		e.err = errno;
		if (follow && lstat(w->path, &e.st) == 0) {
			e.type = QU_SLN;
		} else {
			e.type = QU_NS;
		}
		return w->fn(&e, w->arg) == QU_WALK_STOP;
	}
	if (!S_ISDIR(e.st.st_mode)) {
		e.type = QU_F;
		return w->fn(&e, w->arg) == QU_WALK_STOP;
	}
	if (depth == 0)
		w->rootdev = e.st.st_dev;
	for (a = up; a; a = a->up) {
		if (a->dev == e.st.st_dev && a->ino == e.st.st_ino) {
			e.type = QU_DC;
			return w->fn(&e, w->arg) == QU_WALK_STOP;
		}
	}
	e.type = QU_D;
	r = w->fn(&e, w->arg);
	if (r == QU_WALK_STOP)
		return 1;
	if (r == QU_WALK_SKIP)
		return 0;
	if ((w->flags & QU_WALK_XDEV) && depth > 0 && e.st.st_dev != w->rootdev)
		goto post;
	{
		size_t n = 0, i;
		char **names = read_names(w->path, &n, w->flags & QU_WALK_SORT);
		struct stat saved = e.st;
		if (!names) {
			e.type = QU_DNR;
			e.err = errno;
			if (w->fn(&e, w->arg) == QU_WALK_STOP)
				return 1;
			goto post;
		}
		me.dev = saved.st_dev;
		me.ino = saved.st_ino;
		me.up = up;
		for (i = 0; i < n; i++) {
			size_t nl = strlen(names[i]);
			size_t base = len;
			int stop;
			if (len > 0 && w->path[len - 1] != '/')
				base++;
			path_reserve(w, base + nl + 1);
			if (base > len)
				w->path[len] = '/';
			memcpy(w->path + base, names[i], nl + 1);
			stop = visit(w, base + nl, base, depth + 1, &me);
			w->path[len] = 0;
			if (stop) {
				while (i < n)
					free(names[i++]);
				free(names);
				return 1;
			}
			free(names[i]);
		}
		free(names);
		e.st = saved;
	}
post:
	if (w->flags & QU_WALK_POST) {
		e.path = w->path;
		e.name = w->path + namepos;
		e.type = QU_DP;
		return w->fn(&e, w->arg) == QU_WALK_STOP;
	}
	return 0;
}

/* See walk.h. */
int qu_walk(const char *root, int flags, qu_walk_fn fn, void *arg)
{
	struct walk w;
	size_t len = strlen(root);
	int r;

	memset(&w, 0, sizeof(w));
	w.flags = flags;
	w.fn = fn;
	w.arg = arg;
	path_reserve(&w, len + 1);
	memcpy(w.path, root, len + 1);
	r = visit(&w, len, 0, 0, NULL);
	free(w.path);
	return r;
}
