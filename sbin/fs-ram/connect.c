/*
 * connect.c - fs-ram's path requests (_IO_CONNECT): open (with O_CREAT,
 * O_EXCL, O_TRUNC, O_NOFOLLOW, O_DIRECTORY, and access() checks), mknod
 * and mkdir, unlink and rmdir, readlink, symlink and link. rename is in
 * rename.c.
 *
 * The path of a message is relative to the attached prefix and was
 * normalised by the client (libc); anything else a client may send is
 * still handled safely (fsr_walk). A symbolic link met on the way is
 * answered with _IO_CONNECT_RET_LINK and the path to resolve instead, so
 * links may point anywhere in the pathname space. The last component's
 * link is followed for opens unless O_NOFOLLOW; the name operations act
 * on the link itself.
 */
#include "fsram.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Search permission in dir for the request's client. */
int fsram_may_search(void *ctx, struct fsnode *dir)
{
	struct fsram_req *q = ctx;

	return iofunc_check_access(q->ctp, &dir->attr, S_IEXEC, &q->ci);
}

/* Checks the path and gets the client's credentials (fsram.h). */
int fsram_begin(resmgr_context_t *ctp, io_open_t *msg, struct fsnode *root, struct fsram_req *q)
{
	q->ctp = ctp;
	q->fs = FSRAM_OF(root);
	if (strlen(msg->connect.path) >= PATH_MAX)
		return ENAMETOOLONG;
	return iofunc_client_info(ctp, 0, &q->ci);
}

/* Replies with the path to resolve instead of w's link (fsram.h). */
int fsram_reply_link(resmgr_context_t *ctp, const char *path, const struct fsr_walk *w)
{
	struct _io_connect_link_reply lr;
	char *out = malloc(PATH_MAX);

	if (out == NULL)
		return ENOMEM;
	int r = fsr_link_path(path, w, w->link->u.link.target, w->link->u.link.len, out, PATH_MAX);
	if (r != 0) {
		free(out);
		return r;
	}
	memset(&lr, 0, sizeof(lr));
	size_t n = strlen(out) + 1;
	lr.path_len = (uint16_t)n;
	iov_t iov[2];
	SETIOV(&iov[0], &lr, sizeof(lr));
	SETIOV(&iov[1], out, n);
	MsgReplyv(ctp->rcvid, (long)(_IO_CONNECT_RET_FLAG | _IO_CONNECT_RET_LINK), iov, 2);
	free(out);
	return _RESMGR_NOREPLY;
}

/* Creates the regular file named by w for an open with O_CREAT; *out gets it. */
static int open_create(struct fsram_req *q, io_open_t *msg, struct fsr_walk *w, struct fsnode **out)
{
	struct fsnode *n;
	int r;

	if (w->dot || w->dir == NULL)
		return EISDIR;
	if (msg->connect.eflag & _IO_CONNECT_EFLAG_DIR)
		return EISDIR; /* "name/" cannot be a new regular file */
	if ((r = iofunc_check_access(q->ctp, &w->dir->attr, S_IWRITE | S_IEXEC, &q->ci)) != 0)
		return r;
	if (w->dir->attr.nlink == 0)
		return ENOENT; /* the directory was removed */
	r = fsram_node_create(q->fs, w->dir, S_IFREG | (msg->connect.mode & 07777), &q->ci, &n);
	if (r != 0)
		return r;
	if ((r = fsr_dir_add(&q->fs->budget, w->dir, w->name, w->namelen, n)) != 0) {
		fsr_node_put(&q->fs->budget, n);
		return r;
	}
	fsram_touch(w->dir);
	*out = n;
	return 0;
}

/* Checks an open of existing node n (permissions, type, access(), O_TRUNC). */
static int open_existing(struct fsram_req *q, io_open_t *msg, struct fsnode *n)
{
	uint32_t ioflag = msg->connect.ioflag;
	int r;

	if ((ioflag & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return EEXIST;
	if (S_ISLNK(n->attr.mode) && (ioflag & _IO_FLAG_MASK))
		return ELOOP; /* O_NOFOLLOW on a link: only its attributes can be had */
	if ((msg->connect.eflag & _IO_CONNECT_EFLAG_DIR) && !S_ISDIR(n->attr.mode))
		return ENOTDIR;
	if ((r = iofunc_open(q->ctp, msg, &n->attr, NULL, &q->ci)) != 0)
		return r;
	mode_t acc = msg->connect.access & (S_IREAD | S_IWRITE | S_IEXEC);
	if (acc != 0 && (r = iofunc_check_access(q->ctp, &n->attr, acc, &q->ci)) != 0)
		return r;
	if (S_ISREG(n->attr.mode) && (uint64_t)n->attr.nbytes == 0 && n->u.data.root != NULL) {
		/* iofunc_open() truncated it (O_TRUNC): free the data too */
		fsr_data_cut(&q->fs->budget, &n->u.data, 0);
		fsram_touch(n);
	}
	return 0;
}

/* lookup(): the start of the handler went through, go on. */
#define GO_ON INT_MIN

/*
 * The start every connect handler shares: the client's identity (q) and the
 * walk of the message's path (w), following a final symbolic link if follow.
 * Returns GO_ON, or what the handler returns at once: an errno, or the
 * redirect reply for a symbolic link met on the way.
 */
static int lookup(resmgr_context_t *ctp, void *msg, struct fsnode *root, int follow,
                  struct fsram_req *q, struct fsr_walk *w)
{
	const char *path = ((io_open_t *)msg)->connect.path;
	int r = fsram_begin(ctp, msg, root, q);

	if (r == 0)
		r = fsr_walk(root, path, follow, fsram_may_search, q, w);
	if (r == 0 && w->link != NULL)
		return fsram_reply_link(ctp, path, w);
	return r == 0 ? GO_ON : r;
}

/* _IO_CONNECT open (and the open of combined messages: stat, chdir, access, ...). */
static int fs_open(resmgr_context_t *ctp, io_open_t *msg, struct fsnode *root, void *extra)
{
	struct fsram_req q;
	struct fsr_walk w;
	uint32_t ioflag = msg->connect.ioflag;
	int follow = !(ioflag & O_NOFOLLOW) || (msg->connect.eflag & _IO_CONNECT_EFLAG_DIR);
	int r = lookup(ctp, msg, root, follow, &q, &w);

	if (r != GO_ON)
		return r;
	struct fsnode *n = w.node;
	int created = 0;
	if (n == NULL) {
		if (!(ioflag & O_CREAT))
			return ENOENT;
		if ((r = open_create(&q, msg, &w, &n)) != 0)
			return r;
		created = 1;
	} else if ((r = open_existing(&q, msg, n)) != 0) {
		return r;
	}
	r = iofunc_ocb_attach(ctp, msg, NULL, &n->attr, NULL);
	if (r != 0 && created) {
		fsr_dir_remove(&q.fs->budget, w.dir,
		               w.ent ? w.ent : fsr_dir_find(w.dir, w.name, w.namelen));
		fsr_node_put(&q.fs->budget, n);
	}
	return r;
}

/* _IO_CONNECT_MKNOD: mkdir, and mknod of a regular file. */
static int fs_mknod(resmgr_context_t *ctp, io_mknod_t *msg, struct fsnode *root, void *reserved)
{
	struct fsram_req q;
	struct fsr_walk w;
	int r = lookup(ctp, msg, root, 0, &q, &w);

	if (r != GO_ON)
		return r;
	if (w.node != NULL || w.dot || w.dir == NULL)
		return EEXIST;
	mode_t type = msg->connect.mode & S_IFMT;
	if (type == 0)
		type = S_IFREG;
	if (type == S_IFIFO || type == S_IFSOCK)
		return ENOTSUP; /* FIFOs live in the pipe manager's /dev/fifo */
	if (type != S_IFDIR && type != S_IFREG)
		return q.ci.cred.euid == 0 ? ENOTSUP : EPERM; /* no device nodes */
	if (type != S_IFDIR && (msg->connect.eflag & _IO_CONNECT_EFLAG_DIR))
		return ENOENT;
	if ((r = iofunc_mknod(ctp, msg, NULL, &w.dir->attr, &q.ci)) != 0)
		return r;
	if (w.dir->attr.nlink == 0)
		return ENOENT;
	if (type == S_IFDIR && w.dir->attr.nlink >= LINK_MAX)
		return EMLINK;
	struct fsnode *n;
	if ((r = fsram_node_create(q.fs, w.dir, type | (msg->connect.mode & 07777), &q.ci, &n)) !=
	    0)
		return r;
	if ((r = fsr_dir_add(&q.fs->budget, w.dir, w.name, w.namelen, n)) != 0) {
		if (S_ISDIR(n->attr.mode))
			n->attr.nlink = 0;
		fsr_node_put(&q.fs->budget, n);
		return r;
	}
	fsram_touch(w.dir);
	return EOK;
}

/* _IO_CONNECT_UNLINK: unlink, or rmdir when the message's mode is S_IFDIR. */
static int fs_unlink(resmgr_context_t *ctp, io_unlink_t *msg, struct fsnode *root, void *reserved)
{
	struct fsram_req q;
	struct fsr_walk w;
	int r = lookup(ctp, msg, root, 0, &q, &w);

	if (r != GO_ON)
		return r;
	int rmdir = S_ISDIR(msg->connect.mode);
	uint8_t ef = msg->connect.eflag;
	if (w.dot || (ef & (_IO_CONNECT_EFLAG_DOT | _IO_CONNECT_EFLAG_DOTDOT)))
		return rmdir ? EINVAL : EISDIR;
	if (w.node == NULL)
		return ENOENT;
	if (w.dir == NULL)
		return EBUSY; /* the root of the filesystem */
	struct fsnode *n = w.node;
	if ((ef & _IO_CONNECT_EFLAG_DIR) && !S_ISDIR(n->attr.mode))
		return ENOTDIR;
	if ((r = iofunc_unlink(ctp, msg, &n->attr, &w.dir->attr, &q.ci)) != 0)
		return r;
	if (S_ISDIR(n->attr.mode) && n->u.dir.count != 0)
		return ENOTEMPTY;
	fsr_dir_remove(&q.fs->budget, w.dir, w.ent);
	fsram_touch(w.dir);
	n->attr.flags |= IOFUNC_ATTR_CTIME;
	iofunc_time_update(&n->attr);
	fsr_node_put(&q.fs->budget, n);
	return EOK;
}

/* _IO_CONNECT_READLINK: the target of a symbolic link; the status is its length. */
static int fs_readlink(resmgr_context_t *ctp, io_readlink_t *msg, struct fsnode *root,
                       void *reserved)
{
	struct fsram_req q;
	struct fsr_walk w;
	int r = lookup(ctp, msg, root, 0, &q, &w);

	if (r != GO_ON)
		return r;
	if (w.node == NULL)
		return ENOENT;
	if (!S_ISLNK(w.node->attr.mode))
		return EINVAL;
	struct fsr_link *l = &w.node->u.link;
	w.node->attr.flags |= IOFUNC_ATTR_ATIME;
	ctp->status = (long)l->len;
	return _RESMGR_PTR(ctp, l->target, l->len);
}

/*
 * The node a hard link is asked for: the client's descriptor named in
 * info must be one of its connections to this channel, bound to a node of
 * this filesystem. Returns it, or NULL with *err (EXDEV otherwise).
 */
static struct fsnode *link_source(resmgr_context_t *ctp, struct fsram *fs,
                                  const struct _msg_info *info, int *err)
{
	*err = EXDEV;
	if (info->pid != getpid() || info->chid != ctp->info.chid || info->scoid != ctp->info.scoid)
		return NULL;
	int coid = ctp->info.coid;
	ctp->info.coid = info->coid; /* resmgr_ocb() finds the binding of (scoid, coid) */
	iofunc_ocb_t *ocb = resmgr_ocb(ctp);
	ctp->info.coid = coid;
	if (ocb == NULL || ocb->attr == NULL || ocb->attr->attr.mount != &fs->mount)
		return NULL;
	return ocb->attr;
}

/* _IO_CONNECT_LINK: symlink (_IO_CONNECT_EXTRA_SYMLINK) or link (_IO_CONNECT_EXTRA_LINK). */
static int fs_link(resmgr_context_t *ctp, io_link_t *msg, struct fsnode *root,
                   io_link_extra_t *extra)
{
	struct fsram_req q;
	struct fsr_walk w;
	size_t xlen = msg->connect.extra_len;
	int type = msg->connect.extra_type;
	if (type != _IO_CONNECT_EXTRA_SYMLINK && type != _IO_CONNECT_EXTRA_LINK)
		return ENOSYS;
	int r = lookup(ctp, msg, root, 0, &q, &w);

	if (r != GO_ON)
		return r;
	if (w.node != NULL || w.dot || w.dir == NULL)
		return EEXIST;
	if (msg->connect.eflag & _IO_CONNECT_EFLAG_DIR)
		return ENOENT; /* "name/" of something that does not exist */
	struct fsnode *n;
	if (type == _IO_CONNECT_EXTRA_SYMLINK) {
		size_t tlen = xlen ? strnlen(extra->path, xlen) : 0;
		if (tlen == xlen)
			return EINVAL; /* not NUL-terminated in the message */
		if (tlen == 0)
			return ENOENT;
		if (tlen > SYMLINK_MAX)
			return ENAMETOOLONG;
		if ((r = iofunc_link(ctp, msg, NULL, &w.dir->attr, &q.ci)) != 0)
			return r;
		if (w.dir->attr.nlink == 0)
			return ENOENT;
		if ((r = fsram_node_create(q.fs, w.dir, S_IFLNK | 0777, &q.ci, &n)) != 0)
			return r;
		if ((r = fsr_link_set(&q.fs->budget, n, extra->path, tlen)) != 0 ||
		    (r = fsr_dir_add(&q.fs->budget, w.dir, w.name, w.namelen, n)) != 0) {
			fsr_node_put(&q.fs->budget, n);
			return r;
		}
	} else {
		if (xlen < sizeof(struct _msg_info))
			return EINVAL;
		struct _msg_info info;
		memcpy(&info, extra, sizeof(info));
		if ((n = link_source(ctp, q.fs, &info, &r)) == NULL)
			return r;
		if (S_ISDIR(n->attr.mode))
			return EPERM;
		if (n->attr.nlink == 0)
			return ENOENT; /* removed while open */
		if (n->attr.nlink >= LINK_MAX)
			return EMLINK;
		if ((r = iofunc_link(ctp, msg, NULL, &w.dir->attr, &q.ci)) != 0)
			return r;
		if (w.dir->attr.nlink == 0)
			return ENOENT;
		if ((r = fsr_dir_add(&q.fs->budget, w.dir, w.name, w.namelen, n)) != 0)
			return r;
		n->attr.flags |= IOFUNC_ATTR_CTIME;
		iofunc_time_update(&n->attr);
	}
	fsram_touch(w.dir);
	return EOK;
}

/* Fills the connect handler table. */
void fsram_connect_init(resmgr_connect_funcs_t *cf)
{
	memset(cf, 0, sizeof(*cf));
	cf->nfuncs = _RESMGR_CONNECT_NFUNCS;
	cf->open = fs_open;
	cf->unlink = fs_unlink;
	cf->rename = fsram_rename;
	cf->mknod = fs_mknod;
	cf->readlink = fs_readlink;
	cf->link = fs_link;
}
