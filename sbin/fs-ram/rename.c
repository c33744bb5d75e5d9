/*
 * rename.c - fs-ram's _IO_CONNECT_RENAME: the message's path is the new
 * name, the extra data (_IO_CONNECT_EXTRA_RENAME) the old one, both
 * relative to the prefix (libc checked that the old name lives under the
 * same prefix, else EXDEV). The rules are POSIX rename()'s.
 */
#include "fsram.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

/*
 * Walks the old name path (not following a last link), following links
 * on the way here in the server: a link may only lead to another place of
 * this filesystem (else EXDEV), since the client cannot be sent to
 * resolve the old name again. buf (PATH_MAX bytes) keeps the path w's
 * name points into. Returns 0 or an errno.
 */
static int walk_old(struct fsram_req *q, struct fsnode *root, const char *path, struct fsr_walk *w,
                    char *buf)
{
	const char *p = path;
	char tmp[PATH_MAX], abs[2 * PATH_MAX + 2];

	for (int links = 0;; links++) {
		int r = fsr_walk(root, p, 0, fsram_may_search, q, w);
		if (r != 0 || w->link == NULL)
			return r;
		if (links == SYMLOOP_MAX)
			return ELOOP;
		const struct fsr_link *l = &w->link->u.link;
		if ((r = fsr_link_path(p, w, l->target, l->len, tmp, sizeof(tmp))) != 0)
			return r;
		if (tmp[0] == '/')
			snprintf(abs, sizeof(abs), "%s", tmp);
		else
			snprintf(abs, sizeof(abs), "%s/%s", q->fs->prefix, tmp);
		fsr_path_normalise(abs);
		const char *pre = q->fs->prefix;
		size_t pl = strlen(pre);
		const char *rel;
		if (strcmp(pre, "/") == 0)
			rel = abs;
		else if (strncmp(abs, pre, pl) == 0 && (abs[pl] == '/' || abs[pl] == 0))
			rel = abs + pl;
		else
			return EXDEV;
		if (strlen(rel) >= PATH_MAX)
			return ENAMETOOLONG;
		strcpy(buf, rel);
		p = buf;
	}
}

/* Checks rename() of ow's entry to nw's name. Returns 0, or an errno to answer. */
static int check(struct fsram_req *q, io_rename_t *msg, const struct fsr_walk *ow,
                 const struct fsr_walk *nw)
{
	if (ow->dot || nw->dot)
		return EINVAL;
	if (ow->node == NULL)
		return ENOENT;
	if (ow->dir == NULL || nw->dir == NULL)
		return EBUSY; /* the root of the filesystem */
	struct fsnode *n = ow->node, *v = nw->node;
	int isdir = S_ISDIR(n->attr.mode);
	if ((msg->connect.eflag & _IO_CONNECT_EFLAG_DIR) && !isdir)
		return ENOTDIR;
	if (v != NULL) {
		if (isdir && !S_ISDIR(v->attr.mode))
			return ENOTDIR;
		if (!isdir && S_ISDIR(v->attr.mode))
			return EISDIR;
		if (S_ISDIR(v->attr.mode) && v->u.dir.count != 0)
			return ENOTEMPTY;
	}
	if (isdir && fsr_dir_contains(n, nw->dir))
		return EINVAL; /* into itself */
	int r = iofunc_rename(q->ctp, msg, &n->attr, &ow->dir->attr, v ? &v->attr : NULL,
	                      &nw->dir->attr, &q->ci);
	if (r != 0)
		return r;
	if (isdir && ow->dir != nw->dir) {
		/* its ".." changes: the directory itself must be writable */
		if ((r = iofunc_check_access(q->ctp, &n->attr, S_IWRITE, &q->ci)) != 0)
			return r;
		if (v == NULL && nw->dir->attr.nlink >= LINK_MAX)
			return EMLINK;
	}
	if (nw->dir->attr.nlink == 0)
		return ENOENT; /* the new directory was removed */
	return 0;
}

/* The rename handler (fsram.h). */
int fsram_rename(resmgr_context_t *ctp, io_rename_t *msg, struct fsnode *root,
                 io_rename_extra_t *extra)
{
	struct fsram_req q;
	struct fsr_walk nw, ow;
	char buf[PATH_MAX];
	size_t xlen = msg->connect.extra_len;
	int r = fsram_begin(ctp, msg, root, &q);

	if (r != 0)
		return r;
	size_t olen = xlen ? strnlen(extra->path, xlen) : 0;
	if (olen == xlen)
		return EINVAL; /* no old name, or not NUL-terminated in the message */
	if (olen >= PATH_MAX)
		return ENAMETOOLONG;
	if ((r = fsr_walk(root, msg->connect.path, 0, fsram_may_search, &q, &nw)) != 0)
		return r;
	if (nw.link != NULL)
		return fsram_reply_link(ctp, msg->connect.path, &nw);
	if ((r = walk_old(&q, root, extra->path, &ow, buf)) != 0)
		return r;
	if (ow.node != NULL && ow.node == nw.node && !ow.dot && !nw.dot)
		return EOK; /* the same file: nothing to do */
	if ((r = check(&q, msg, &ow, &nw)) != 0)
		return r;
	struct fsnode *n = ow.node, *v = nw.node;
	r = fsr_dir_move(&q.fs->budget, ow.dir, ow.ent, nw.dir, nw.name, nw.namelen, nw.ent);
	if (r != 0)
		return r;
	fsram_touch(ow.dir);
	if (nw.dir != ow.dir)
		fsram_touch(nw.dir);
	n->attr.flags |= IOFUNC_ATTR_CTIME;
	iofunc_time_update(&n->attr);
	if (v != NULL) {
		v->attr.flags |= IOFUNC_ATTR_CTIME;
		iofunc_time_update(&v->attr);
		fsr_node_put(&q.fs->budget, v);
	}
	return EOK;
}
