/*
 * fs_boot.c - "/": the boot archive as a read-only file system. A
 * directory lists the archive's entries and, merged in, the names the
 * pathname space has below it (so "ls /" shows proc, sys and dev, and
 * "ls /dev" works although no server owns "/dev"). The archive's symbolic
 * links send the client back to resolution with the link followed.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/fs.h>

struct list_ctx {
	struct tm_ocb *ocb;
	int err;
};

/* bootfs_list callback: one archive entry into the directory OCB. */
static void add_ent(const struct bootfs_ent *e, void *arg)
{
	struct list_ctx *l = arg;
	const char *name = strrchr(e->path, '/');
	name = name ? name + 1 : e->path;
	if (l->err == 0)
		l->err = tm_ocb_add_dirent(l->ocb, name, e->ino, e->mode);
}

/* pm_list callback: one pathname-space name into the directory OCB. */
static void add_name(const char *name, void *arg)
{
	struct list_ctx *l = arg;
	if (l->err == 0)
		l->err = tm_ocb_add_dirent(l->ocb, name, 0, S_IFDIR | 0755);
}

/* A directory OCB for path (archive entries plus pathname-space names). */
static int open_dir(struct tm_open *o, const struct bootfs_ent *e)
{
	struct list_ctx l = {.ocb = tm_ocb_new(TM_OCB_DIR)};

	if (l.ocb == NULL)
		return -ENOMEM;
	if (e)
		bootfs_list(o->path, add_ent, &l);
	pm_list(o->full, add_name, &l);
	if (l.err) {
		tm_ocb_put(l.ocb);
		return l.err;
	}
	if (e)
		tm_stat_fill(&l.ocb->st, e->ino, e->mode, l.ocb->ndirents, e->uid, e->gid,
		             e->mtime);
	else
		tm_stat_fill(&l.ocb->st, 1, S_IFDIR | 0755, l.ocb->ndirents, 0, 0, 0);
	o->ocb = l.ocb;
	return 0;
}

/*
 * See fs.h. A new name at o->path would go in the archive's directory or
 * in a node of the path space.
 */
int fs_boot_parent_exists(const struct tm_open *o)
{
	const char *slash = strrchr(o->path, '/');
	if (slash == NULL)
		return 1; /* directly in the archive's root */
	char dir[TM_PATH_MAX], link[TM_PATH_MAX];
	size_t n = (size_t)(slash - o->path);
	if (n >= sizeof(dir))
		return 0;
	memcpy(dir, o->path, n);
	dir[n] = '\0';
	const struct bootfs_ent *e = NULL;
	int r = bootfs_walk(dir, 0, &e, link, sizeof(link));
	if (r == 1 || (r == 0 && (e == NULL || S_ISDIR(e->mode))))
		return 1;
	/* the same in the path space: the full path without its last component */
	const char *fs = strrchr(o->full, '/');
	if (fs == NULL || fs == o->full)
		return 1;
	n = (size_t)(fs - o->full);
	if (n >= sizeof(dir))
		return 0;
	memcpy(dir, o->full, n);
	dir[n] = '\0';
	return pm_exists(dir);
}

/* Opens path in the archive: a file, a directory, or a link redirect. */
int fs_boot_open(struct tm_open *o)
{
	uint32_t ioflag = o->c->ioflag;

	/* walk the components: a link on the way (or at the end) redirects */
	const struct bootfs_ent *e = NULL;
	char link[TM_PATH_MAX];
	int r = bootfs_walk(o->path, (ioflag & O_NOFOLLOW) != 0, &e, link, sizeof(link));
	if (r == 1) {
		o->link = strdup(link);
		return o->link ? 0 : -ENOMEM;
	}
	if (r < 0 && r != -ENOENT)
		return r;
	if (e == NULL && !pm_exists(o->full))
		return (ioflag & O_CREAT) && fs_boot_parent_exists(o) ? -EROFS : -ENOENT;
	if (ioflag & (_IO_FLAG_WR | O_TRUNC))
		return -EROFS;
	if ((ioflag & O_CREAT) && (ioflag & O_EXCL))
		return -EEXIST;
	/* the open's read access, and what access()/chdir() ask to have checked */
	uint32_t want = (ioflag & _IO_FLAG_RD) | ((o->c->access & S_IREAD) ? _IO_FLAG_RD : 0) |
	                ((o->c->access & S_IEXEC) ? _IO_FLAG_EX : 0);
	if (e && tm_access(&o->cred, e->mode, e->uid, e->gid, want) < 0)
		return -EACCES;
	if (o->c->access & S_IWRITE)
		return -EROFS;
	if (e == NULL || S_ISDIR(e->mode))
		return open_dir(o, e);
	if (ioflag & O_DIRECTORY)
		return -ENOTDIR;
	struct tm_ocb *ocb = tm_ocb_new(TM_OCB_DATA);
	if (ocb == NULL)
		return -ENOMEM;
	ocb->data = e->data;
	ocb->size = e->size;
	tm_stat_fill(&ocb->st, e->ino, e->mode, e->size, e->uid, e->gid, e->mtime);
	o->ocb = ocb;
	return 0;
}
