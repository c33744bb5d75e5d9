/*
 * ftw.c - file tree walks: nftw (FTW_PHYS, FTW_MOUNT, FTW_DEPTH,
 * FTW_CHDIR) and ftw.
 *
 * Each directory's names are read completely and the directory closed
 * before its entries are visited, so a walk holds at most one directory
 * descriptor whatever its depth (fd_limit is always respected). Entries
 * are visited in the order the server returns them, "." and ".." never.
 * A directory that is one of its own ancestors (a loop through symbolic
 * links) is reported but not entered again. The walk stops at the first
 * nonzero value the callback returns and returns that value; otherwise 0,
 * or -1 with errno if the starting point cannot be examined or memory or
 * the current directory fail.
 */
#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef int (*nftw_fn)(const char *, const struct stat *, int, struct FTW *);
typedef int (*ftw_fn)(const char *, const struct stat *, int);

struct anc {
	const struct anc *up;
	dev_t dev;
	ino_t ino;
};

struct walk {
	char *path; /* the object's path as the caller sees it */
	size_t cap;
	int flags;
	nftw_fn fn;
	ftw_fn oldfn; /* ftw: called instead of fn */
	dev_t dev;    /* the starting point's (FTW_MOUNT) */
	char *cwd;    /* FTW_CHDIR: the absolute directory the walk started in */
	int err;      /* errno of a failure that ends the walk */
};

/* Calls the user's function for the current path. */
static int report(struct walk *w, const struct stat *st, int type, int base, int level)
{
	if (w->oldfn) {
		if (type == FTW_SLN)
			type = FTW_NS;
		return w->oldfn(w->path, st, type);
	}
	struct FTW f = {base, level};
	return w->fn(w->path, st, type, &f);
}

/* Makes room for n bytes in w->path; 0, or -1 (ENOMEM recorded). */
static int room(struct walk *w, size_t n)
{
	if (n <= w->cap)
		return 0;
	size_t cap = w->cap * 2 > n ? w->cap * 2 : n;
	char *p = realloc(w->path, cap);
	if (!p) {
		w->err = ENOMEM;
		return -1;
	}
	w->path = p;
	w->cap = cap;
	return 0;
}

/* Changes to the directory of path[0..len) (absolute through w->cwd); 0 or -1. */
static int enter(struct walk *w, size_t len)
{
	char save = w->path[len];
	int r;

	w->path[len] = 0;
	if (w->path[0] == '/' || len == 0) {
		r = chdir(len ? w->path : w->cwd);
	} else {
		size_t n = strlen(w->cwd) + 1 + len + 1;
		char *abs = malloc(n);
		if (!abs) {
			w->path[len] = save;
			w->err = ENOMEM;
			return -1;
		}
		strcpy(abs, w->cwd);
		strcat(abs, "/");
		strcat(abs, w->path);
		r = chdir(abs);
		free(abs);
	}
	w->path[len] = save;
	if (r < 0)
		w->err = errno;
	return r;
}

/* Reads the names of the directory name (see visit) into a NULL-terminated array. */
static char **read_names(struct walk *w, const char *name)
{
	DIR *d = opendir(name);

	if (!d)
		return NULL; /* w->err stays 0: the caller reports FTW_DNR */
	size_t n = 0, cap = 16;
	char **names = malloc(cap * sizeof(*names));
	struct dirent *e;
	while (names && (e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if (n + 1 >= cap) {
			char **nn = realloc(names, (cap *= 2) * sizeof(*names));
			if (!nn)
				goto nomem;
			names = nn;
		}
		if (!(names[n] = strdup(e->d_name)))
			goto nomem;
		names[++n] = NULL;
	}
	closedir(d);
	if (!names)
		w->err = ENOMEM;
	else
		names[n] = NULL;
	return names;
nomem:
	while (n--)
		free(names[n]);
	free(names);
	closedir(d);
	w->err = ENOMEM;
	return NULL;
}

static void free_names(char **names)
{
	for (char **p = names; *p; p++)
		free(*p);
	free(names);
}

/*
 * Visits the object at w->path (length len, last component at base) and,
 * for a directory, everything below it. Returns the callback's nonzero
 * value, -1 for a failure recorded in w->err, or 0.
 */
static int visit(struct walk *w, size_t len, int base, int level, const struct anc *up)
{
	struct stat st;
	int r, type;
	/* With FTW_CHDIR the current directory is the object's parent below the top. */
	const char *name = (w->flags & FTW_CHDIR) && level > 0 ? w->path + base : w->path;

	if ((w->flags & FTW_PHYS ? lstat(name, &st) : stat(name, &st)) < 0) {
		int e = errno;
		if (level == 0) {
			w->err = e;
			return -1;
		}
		if (!(w->flags & FTW_PHYS) && lstat(name, &st) == 0 && S_ISLNK(st.st_mode))
			type = FTW_SLN;
		else
			type = FTW_NS;
		return report(w, &st, type, base, level);
	}
	if (level == 0)
		w->dev = st.st_dev;
	else if ((w->flags & FTW_MOUNT) && st.st_dev != w->dev)
		return 0;
	if (S_ISLNK(st.st_mode))
		return report(w, &st, FTW_SL, base, level);
	if (!S_ISDIR(st.st_mode))
		return report(w, &st, FTW_F, base, level);

	for (const struct anc *a = up; a; a = a->up)
		if (a->dev == st.st_dev && a->ino == st.st_ino)
			return report(w, &st, w->flags & FTW_DEPTH ? FTW_DP : FTW_D, base, level);
	char **names = read_names(w, name);
	if (!names) {
		if (w->err)
			return -1;
		return report(w, &st, FTW_DNR, base, level);
	}
	if (!(w->flags & FTW_DEPTH) && (r = report(w, &st, FTW_D, base, level)) != 0)
		goto out;
	if ((w->flags & FTW_CHDIR) && (r = enter(w, len)) != 0)
		goto out;
	struct anc me = {up, st.st_dev, st.st_ino};
	int slash = len > 0 && w->path[len - 1] != '/';
	r = 0;
	for (char **p = names; *p && r == 0; p++) {
		size_t nl = strlen(*p);
		if (room(w, len + slash + nl + 1) < 0) {
			r = -1;
			break;
		}
		if (slash)
			w->path[len] = '/';
		memcpy(w->path + len + slash, *p, nl + 1);
		r = visit(w, len + slash + nl, (int)(len + slash), level + 1, &me);
	}
	w->path[len] = 0;
	if ((w->flags & FTW_CHDIR) && r != -1) {
		/* Back to the directory that holds this one. */
		size_t pl = (size_t)base;
		while (pl > 1 && w->path[pl - 1] == '/')
			pl--;
		if (enter(w, level == 0 ? 0 : pl) < 0)
			r = -1;
	}
	if (r == 0 && (w->flags & FTW_DEPTH))
		r = report(w, &st, FTW_DP, base, level);
out:
	free_names(names);
	return r;
}

/* Walks path (see the file comment); fd_limit is accepted and never exceeded. */
static int walk(const char *path, struct walk *w)
{
	size_t len = strlen(path);

	if (len == 0) {
		errno = ENOENT;
		return -1;
	}
	w->cap = len + 256;
	w->path = malloc(w->cap);
	if (!w->path) {
		errno = ENOMEM;
		return -1;
	}
	memcpy(w->path, path, len + 1);
	w->err = 0;
	w->cwd = NULL;
	if (w->flags & FTW_CHDIR) {
		w->cwd = getcwd(NULL, 0);
		if (!w->cwd) {
			free(w->path);
			return -1;
		}
	}
	/* The last component starts after the last slash that is not trailing. */
	size_t end = len;
	while (end > 1 && path[end - 1] == '/')
		end--;
	int base = (int)end;
	while (base > 0 && path[base - 1] != '/')
		base--;
	int r = visit(w, len, base, 0, NULL);
	int e = w->err;
	if (w->cwd) {
		if (chdir(w->cwd) < 0 && r != -1) {
			e = errno;
			r = -1;
		}
		free(w->cwd);
	}
	free(w->path);
	if (r == -1 && e)
		errno = e;
	return r;
}

int nftw(const char *path, int (*fn)(const char *, const struct stat *, int, struct FTW *),
         int fd_limit, int flags)
{
	struct walk w = {.flags = flags, .fn = fn};

	(void)fd_limit;
	return walk(path, &w);
}

int ftw(const char *path, int (*fn)(const char *, const struct stat *, int), int fd_limit)
{
	struct walk w = {.flags = 0, .oldfn = fn};

	(void)fd_limit;
	return walk(path, &w);
}
