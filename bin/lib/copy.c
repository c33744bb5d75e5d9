/*
 * copy.c - copying regular files, links, FIFOs and directory trees for cp
 * and mv (see copy.h).
 */
#include "copy.h"
#include "qu.h"
#include "walk.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct copy_state {
	const struct qu_copy_opts *o;
	const char *src, *dst;
	size_t srclen;
	char *path; /* current destination path */
	size_t cap;
	int status;
	mode_t umask;
	dev_t newdev; /* the directory created for the copy root, to avoid */
	ino_t newino;
	int have_new;
};

/* See copy.h. */
char *qu_path_into(const char *dir, const char *src)
{
	size_t n = strlen(src), dl = strlen(dir);
	const char *b;
	char *r;

	while (n > 1 && src[n - 1] == '/')
		n--;
	b = src + n;
	while (b > src && b[-1] != '/')
		b--;
	r = qu_malloc(dl + (size_t)(src + n - b) + 2);
	memcpy(r, dir, dl);
	if (dl && dir[dl - 1] != '/')
		r[dl++] = '/';
	memcpy(r + dl, b, (size_t)(src + n - b));
	r[dl + (size_t)(src + n - b)] = 0;
	return r;
}

/* See copy.h. */
int qu_is_inside(const char *dir, const char *dst)
{
	struct stat d, a, up;
	char *p;
	size_t n;
	int depth, r = 0;

	if (stat(dir, &d) != 0)
		return 0;
	n = strlen(dst);
	p = qu_malloc(n + 4);
	strcpy(p, dst);
	while (n > 1 && p[n - 1] == '/')
		p[--n] = 0;
	/* start from dst's parent directory */
	{
		char *s = strrchr(p, '/');
		if (!s)
			strcpy(p, ".");
		else if (s == p)
			p[1] = 0;
		else
			*s = 0;
	}
	for (depth = 0; depth < 4096; depth++) {
		if (stat(p, &a) != 0)
			break;
		if (a.st_dev == d.st_dev && a.st_ino == d.st_ino) {
			r = 1;
			break;
		}
		p = qu_realloc(p, strlen(p) + 4);
		strcat(p, "/..");
		if (stat(p, &up) != 0 || (up.st_dev == a.st_dev && up.st_ino == a.st_ino))
			break;
	}
	free(p);
	return r;
}

/* Applies -p: owner, mode and times of st to path (a link: owner only). */
static void preserve(struct copy_state *cs, const char *path, const struct stat *st)
{
	struct timespec ts[2];

	ts[0] = st->st_atim;
	ts[1] = st->st_mtim;
	if (S_ISLNK(st->st_mode)) {
		if (lchown(path, st->st_uid, st->st_gid) != 0)
			(void)0;
		utimensat(AT_FDCWD, path, ts, AT_SYMLINK_NOFOLLOW);
		return;
	}
	if (chown(path, st->st_uid, st->st_gid) != 0 && errno != EPERM) {
		qu_errno(errno, "failed to preserve ownership for %s", qu_quoteaf(path));
		cs->status = 1;
	}
	if (chmod(path, st->st_mode & 07777) != 0) {
		qu_errno(errno, "preserving permissions for %s", qu_quoteaf(path));
		cs->status = 1;
	}
	if (utimensat(AT_FDCWD, path, ts, 0) != 0) {
		qu_errno(errno, "preserving times for %s", qu_quoteaf(path));
		cs->status = 1;
	}
}

/* Copies the data of regular file src to dst. Returns 0 or -1 (reported). */
static int copy_data(struct copy_state *cs, const char *src, const char *dst, const struct stat *st)
{
	static char buf[65536];
	int in, out, e;
	ssize_t n;

	in = open(src, O_RDONLY);
	if (in < 0) {
		qu_errno(errno, "cannot open %s for reading", qu_quoteaf(src));
		return -1;
	}
	out = open(dst, O_WRONLY | O_TRUNC);
	if (out < 0 && errno != ENOENT && cs->o->force) {
		if (unlink(dst) == 0)
			errno = ENOENT;
	}
	if (out < 0 && errno == ENOENT)
		out = open(dst, O_WRONLY | O_CREAT | O_EXCL,
		           S_ISREG(st->st_mode) ? st->st_mode & 0777 : 0666);
	if (out < 0) {
		qu_errno(errno, "cannot create regular file %s", qu_quoteaf(dst));
		close(in);
		return -1;
	}
	for (;;) {
		n = read(in, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			qu_errno(errno, "error reading %s", qu_quoteaf(src));
			goto fail;
		}
		if (n == 0)
			break;
		if (qu_write_all(out, buf, (size_t)n) != 0) {
			qu_errno(errno, "error writing %s", qu_quoteaf(dst));
			goto fail;
		}
	}
	close(in);
	if (close(out) != 0) {
		qu_errno(errno, "error writing %s", qu_quoteaf(dst));
		return -1;
	}
	return 0;
fail:
	e = errno;
	close(in);
	close(out);
	errno = e;
	return -1;
}

/* Copies one non-directory src to dst. Returns 0 or -1 (reported). */
static int copy_nondir(struct copy_state *cs, const char *src, const char *dst,
                       const struct stat *st)
{
	struct stat d;
	int have_d = lstat(dst, &d) == 0;

	if (have_d && S_ISDIR(d.st_mode)) {
		qu_err("cannot overwrite directory %s with non-directory", qu_quoteaf(dst));
		return -1;
	}
	if (have_d && d.st_dev == st->st_dev && d.st_ino == st->st_ino) {
		qu_err("%s and %s are the same file", qu_quoteaf(src), qu_quoteaf(dst));
		return -1;
	}
	if (have_d && cs->o->interactive) {
		fprintf(stderr, "%s: overwrite %s? ", qu_prog, qu_quoteaf(dst));
		fflush(stderr);
		if (!qu_yes())
			return 0;
	}
	if (S_ISREG(st->st_mode) || (!cs->o->recursive && !S_ISLNK(st->st_mode))) {
		/* without -R the contents of special files are copied as data */
		if (copy_data(cs, src, dst, st) != 0)
			return -1;
	} else {
		if (have_d && unlink(dst) != 0) {
			qu_errno(errno, "cannot remove %s", qu_quoteaf(dst));
			return -1;
		}
		if (S_ISLNK(st->st_mode)) {
			char *t = qu_malloc((size_t)st->st_size + 1);
			ssize_t n = readlink(src, t, (size_t)st->st_size + 1);
			if (n < 0 || n > st->st_size) {
				qu_errno(n < 0 ? errno : ERANGE, "cannot read symbolic link %s",
				         qu_quoteaf(src));
				free(t);
				return -1;
			}
			t[n] = 0;
			if (symlink(t, dst) != 0) {
				qu_errno(errno, "cannot create symbolic link %s", qu_quoteaf(dst));
				free(t);
				return -1;
			}
			free(t);
		} else if (S_ISFIFO(st->st_mode)) {
			if (mkfifo(dst, st->st_mode & 07777) != 0) {
				qu_errno(errno, "cannot create fifo %s", qu_quoteaf(dst));
				return -1;
			}
		} else {
			qu_err("cannot create special file %s: not supported", qu_quoteaf(dst));
			return -1;
		}
	}
	if (cs->o->preserve)
		preserve(cs, dst, st);
	return 0;
}

/* Sets cs->path to the destination of source path p. */
static const char *dest_of(struct copy_state *cs, const char *p)
{
	size_t dl = strlen(cs->dst), rest = strlen(p + cs->srclen);

	if (dl + rest + 1 > cs->cap) {
		cs->cap = (dl + rest + 1) * 2;
		cs->path = qu_realloc(cs->path, cs->cap);
	}
	memcpy(cs->path, cs->dst, dl);
	memcpy(cs->path + dl, p + cs->srclen, rest + 1);
	return cs->path;
}

/* Tree walk callback for recursive copies. */
static int visit(struct qu_walk_ent *e, void *arg)
{
	struct copy_state *cs = arg;
	const char *dst = dest_of(cs, e->path);
	struct stat d;

	switch (e->type) {
	case QU_NS:
	case QU_SLN:
		qu_errno(e->err, "cannot stat %s", qu_quoteaf(e->path));
		cs->status = 1;
		return QU_WALK_CONTINUE;
	case QU_DNR:
		qu_errno(e->err, "cannot access %s", qu_quoteaf(e->path));
		cs->status = 1;
		return QU_WALK_CONTINUE;
	case QU_DC:
		qu_err("%s: directory cycle", qu_quotef(e->path));
		cs->status = 1;
		return QU_WALK_CONTINUE;
	case QU_F:
		if (copy_nondir(cs, e->path, dst, &e->st) != 0)
			cs->status = 1;
		return QU_WALK_CONTINUE;
	case QU_D:
		if (cs->have_new && e->st.st_dev == cs->newdev && e->st.st_ino == cs->newino)
			return QU_WALK_SKIP;
		if (lstat(dst, &d) == 0) {
			if (!S_ISDIR(d.st_mode)) {
				qu_err("cannot overwrite non-directory %s with directory %s",
				       qu_quoteaf(dst), qu_quoteaf(e->path));
				cs->status = 1;
				return QU_WALK_SKIP;
			}
		} else if (mkdir(dst, (e->st.st_mode & 07777) | S_IRWXU) != 0) {
			qu_errno(errno, "cannot create directory %s", qu_quoteaf(dst));
			cs->status = 1;
			return QU_WALK_SKIP;
		} else if (e->depth == 0 && stat(dst, &d) == 0) {
			cs->newdev = d.st_dev;
			cs->newino = d.st_ino;
			cs->have_new = 1;
		}
		return QU_WALK_CONTINUE;
	case QU_DP:
		if (cs->o->preserve)
			preserve(cs, dst, &e->st);
		else if (chmod(dst, e->st.st_mode & 07777 & ~cs->umask) != 0) {
			qu_errno(errno, "setting permissions for %s", qu_quoteaf(dst));
			cs->status = 1;
		}
		return QU_WALK_CONTINUE;
	}
	return QU_WALK_CONTINUE;
}

/* See copy.h. */
int qu_copy(const char *src, const char *dst, const struct qu_copy_opts *o)
{
	struct copy_state cs;
	struct stat st;
	int follow = o->deref == 1 || o->deref == 2;
	int flags = QU_WALK_POST;

	memset(&cs, 0, sizeof(cs));
	cs.o = o;
	cs.src = src;
	cs.dst = dst;
	cs.srclen = strlen(src);
	cs.umask = umask(0);
	umask(cs.umask);
	if ((follow ? stat(src, &st) : lstat(src, &st)) != 0) {
		qu_errno(errno, "cannot stat %s", qu_quoteaf(src));
		return 1;
	}
	if (!S_ISDIR(st.st_mode))
		return copy_nondir(&cs, src, dst, &st) != 0;
	if (!o->recursive) {
		qu_err("-r not specified; omitting directory %s", qu_quoteaf(src));
		return 1;
	}
	if (qu_is_inside(src, dst)) {
		/* as coreutils: copy what can be copied without recursing into the
		 * new directory, and report the problem */
		qu_err("cannot copy a directory, %s, into itself, %s", qu_quoteaf(src),
		       qu_quoteaf(dst));
		cs.status = 1;
	}
	if (o->deref == 1)
		flags |= QU_WALK_FOLLOW;
	else if (o->deref == 2)
		flags |= QU_WALK_FOLLOW_ARGS;
	qu_walk(src, flags, visit, &cs);
	free(cs.path);
	return cs.status;
}
