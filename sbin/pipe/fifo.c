/*
 * fifo.c - the FIFO directory of the pipe manager: mkfifo() (mknod with
 * S_IFIFO) makes a named pipe in it, open() of a name opens that pipe
 * (with FIFO open semantics), unlink() removes the name (the pipe lives on
 * while open), and reading the directory lists the names.
 *
 * Until QSOE has a writable filesystem that can redirect FIFO nodes here,
 * FIFOs exist only in this directory (default /dev/fifo, option -d).
 */
#include "pipe.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

static struct pipe *fifos; /* the directory, newest first */
static int nfifos;
static struct pipe dirattr;
static resmgr_connect_funcs_t dir_connect;
static resmgr_io_funcs_t dir_io;

/* The FIFO named name, or NULL. */
static struct pipe *lookup(const char *name)
{
	for (struct pipe *p = fifos; p != NULL; p = p->next)
		if (strcmp(p->name, name) == 0)
			return p;
	return NULL;
}

/* A valid single-component name (no '/', not "." or "..", at most NAME_MAX). */
static int valid_name(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= NAME_MAX && strchr(s, '/') == NULL && strcmp(s, ".") != 0 &&
	       strcmp(s, "..") != 0;
}

static int dir_open(resmgr_context_t *ctp, io_open_t *msg, struct pipe *handle, void *extra)
{
	const char *name = msg->connect.path;

	if (name[0] == '\0')
		return iofunc_open_default(ctp, msg, &dirattr.attr, extra);
	struct pipe *p = lookup(name);
	if (p == NULL)
		return (msg->connect.ioflag & O_CREAT) ? ENOTSUP : ENOENT;
	if ((msg->connect.ioflag & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return EEXIST;
	return pipe_open_ocb(ctp, msg, p, 1);
}

static int dir_mknod(resmgr_context_t *ctp, io_mknod_t *msg, struct pipe *handle, void *reserved)
{
	const char *name = msg->connect.path;
	struct _client_info ci;

	if (name[0] == '\0')
		return EEXIST;
	if (!valid_name(name))
		return strlen(name) > NAME_MAX ? ENAMETOOLONG : EINVAL;
	if (!S_ISFIFO(msg->connect.mode))
		return EPERM; /* only FIFOs live here */
	int r = iofunc_client_info(ctp, 0, &ci);
	if (r == EOK)
		r = iofunc_mknod(ctp, msg, lookup(name) ? &lookup(name)->attr : NULL, &dirattr.attr,
		                 &ci);
	if (r != EOK)
		return r;
	struct pipe *p = pipe_new(msg->connect.mode & 07777, &ci);
	if (p == NULL || (p->name = strdup(name)) == NULL) {
		if (p != NULL)
			pipe_free_if_unused(p); /* name NULL: freed at once */
		return ENOMEM;
	}
	p->next = fifos;
	fifos = p;
	nfifos++;
	dirattr.attr.flags |= IOFUNC_ATTR_MTIME | IOFUNC_ATTR_CTIME;
	return EOK;
}

static int dir_unlink(resmgr_context_t *ctp, io_unlink_t *msg, struct pipe *handle, void *reserved)
{
	struct pipe *p = lookup(msg->connect.path);

	if (p == NULL)
		return ENOENT;
	int r = iofunc_unlink(ctp, msg, &p->attr, &dirattr.attr, NULL);
	if (r != EOK)
		return r;
	for (struct pipe **pp = &fifos; *pp != NULL; pp = &(*pp)->next)
		if (*pp == p) {
			*pp = p->next;
			break;
		}
	nfifos--;
	p->unlinked = 1;
	dirattr.attr.flags |= IOFUNC_ATTR_MTIME | IOFUNC_ATTR_CTIME;
	pipe_free_if_unused(p);
	return EOK;
}

/* readdir: the names, one struct dirent each, from the OCB offset (an index) on. */
static int dir_read(resmgr_context_t *ctp, io_read_t *msg, iofunc_ocb_t *ocb)
{
	int r = iofunc_read_verify(ctp, msg, ocb, NULL);

	if (r != EOK)
		return r;
	size_t want = _IO_READ_GET_NBYTES(msg), used = 0;
	char *buf = malloc(want > 65536 ? 65536 : want);
	if (buf == NULL && want > 0)
		return ENOMEM;
	if (want > 65536)
		want = 65536;
	off_t i = 0;
	for (struct pipe *p = fifos; p != NULL; p = p->next, i++) {
		if (i < ocb->offset)
			continue;
		size_t len = strlen(p->name);
		size_t rec = (offsetof(struct dirent, d_name) + len + 1 + 7) & ~(size_t)7;
		if (used + rec > want)
			break;
		struct dirent *d = (struct dirent *)(buf + used);
		memset(d, 0, rec);
		d->d_ino = p->attr.inode;
		d->d_offset = i;
		d->d_reclen = (short)rec;
		d->d_namelen = (short)len;
		memcpy(d->d_name, p->name, len + 1);
		used += rec;
		ocb->offset = i + 1;
	}
	if (used == 0 && i > ocb->offset && want > 0) {
		free(buf);
		return EMSGSIZE; /* the next entry does not fit in the buffer */
	}
	r = MsgReply(ctp->rcvid, (long)used, buf, used);
	free(buf);
	return r < 0 ? errno : _RESMGR_NOREPLY;
}

/* Attaches the FIFO directory dir. Returns 0 or -1 with errno. */
int fifo_attach(dispatch_t *dpp, const char *dir)
{
	iofunc_func_init(_RESMGR_CONNECT_NFUNCS, &dir_connect, _RESMGR_IO_NFUNCS, &dir_io);
	dir_connect.open = dir_open;
	dir_connect.mknod = dir_mknod;
	dir_connect.unlink = dir_unlink;
	dir_io.read = (int (*)(resmgr_context_t *, io_read_t *, struct pipe_ocb *))dir_read;
	iofunc_attr_init(&dirattr.attr, S_IFDIR | 01777, NULL, NULL);
	return resmgr_attach(dpp, NULL, dir, _FTYPE_ANY, _RESMGR_FLAG_DIR, &dir_connect, &dir_io,
	                     &dirattr) < 0
	               ? -1
	               : 0;
}

/* The number of FIFOs in the directory. */
int fifo_count(void)
{
	return nfifos;
}
