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

/* The link target for a symbolic link entry e met at path prefix cut (rest follows). */
static int follow(struct tm_open *o, const struct bootfs_ent *e, const char *rest)
{
	char target[TM_PATH_MAX], dir[TM_PATH_MAX], out[TM_PATH_MAX];

	if (e->size == 0 || e->size >= TM_PATH_MAX)
		return -ENOENT;
	memcpy(target, e->data, e->size);
	target[e->size] = 0;
	dir[0] = '/';
	strcpy(dir + 1, e->path);
	*strrchr(dir, '/') = 0;
	int r = tm_path_join(dir[0] ? dir : "/", target, out, sizeof(out));
	if (r < 0)
		return r;
	if (strlen(out) + strlen(rest) + 2 > TM_PATH_MAX)
		return -ENAMETOOLONG;
	o->link = malloc(TM_PATH_MAX);
	if (o->link == NULL)
		return -ENOMEM;
	strcpy(o->link, out);
	if (*rest) {
		strcat(o->link, "/");
		strcat(o->link, rest);
	}
	return 0;
}

/* Opens path in the archive: a file, a directory, or a link redirect. */
int fs_boot_open(struct tm_open *o)
{
	char cur[TM_PATH_MAX];
	uint32_t ioflag = o->c->ioflag;

	/* walk the components: a link on the way (or at the end) redirects */
	strcpy(cur, o->path);
	for (char *p = cur; *p;) {
		char *slash = strchr(p, '/');
		if (slash)
			*slash = 0;
		const struct bootfs_ent *e = bootfs_find(cur);
		if (e && S_ISLNK(e->mode) && (slash || !(ioflag & O_NOFOLLOW)))
			return follow(o, e, slash ? o->path + (slash - cur) + 1 : "");
		if (slash == NULL)
			break;
		if (e && !S_ISDIR(e->mode))
			return -ENOTDIR;
		*slash = '/';
		p = slash + 1;
	}
	const struct bootfs_ent *e = bootfs_find(o->path);
	if (e == NULL && !pm_exists(o->full))
		return (ioflag & O_CREAT) ? -EROFS : -ENOENT;
	if (ioflag & (_IO_FLAG_WR | O_TRUNC))
		return -EROFS;
	if ((ioflag & O_CREAT) && (ioflag & O_EXCL))
		return -EEXIST;
	if (e && tm_access(&o->cred, e->mode, e->uid, e->gid, ioflag & _IO_FLAG_RD) < 0)
		return -EACCES;
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
