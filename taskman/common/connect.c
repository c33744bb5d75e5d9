/*
 * connect.c - _IO_CONNECT on a connection to taskman's own files (not
 * SYSMGR_COID, which is resolution): opens (and the combine forms that
 * carry one more I/O message), unlink for /dev/shmem, readlink for the
 * archive's symbolic links. Everything else is read-only (EROFS) or not
 * supported (ENOSYS).
 *
 * The I/O message of _IO_CONNECT_COMBINE(_CLOSE) starts at the first
 * 8-byte boundary after the path and the extra data.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/fs.h>
#include <taskman/proc.h>

void tm_io_message(struct tm_msg *m, size_t off, struct tm_ocb *ocb, int close_after);

/* The prefix each of taskman's handles was attached at. */
static const char *prefix_of(uint32_t handle)
{
	switch (handle) {
	case TMH_BOOT:
		return "/";
	case TMH_PROC:
		return "/proc";
	case TMH_SYS:
		return "/sys";
	case TMH_NULL:
		return "/dev/null";
	case TMH_ZERO:
		return "/dev/zero";
	case TMH_URANDOM:
		return "/dev/urandom";
	case TMH_TTY:
		return "/dev/tty";
	case TMH_SHMEM:
		return "/dev/shmem";
	default:
		return NULL;
	}
}

/* Replies "start again at o->link" (nentries 0). */
static void reply_link(rcvid_t rcvid, const char *link)
{
	struct _io_connect_link_reply lr;
	size_t n = strlen(link) + 1;
	char *out = malloc(sizeof(lr) + n);

	if (out == NULL) {
		tm_error(rcvid, ENOMEM);
		return;
	}
	memset(&lr, 0, sizeof(lr));
	lr.path_len = (uint16_t)n;
	memcpy(out, &lr, sizeof(lr));
	memcpy(out + sizeof(lr), link, n);
	tm_reply(rcvid, (long)(_IO_CONNECT_RET_FLAG | _IO_CONNECT_RET_LINK), out, sizeof(lr) + n);
	free(out);
}

/* Calls the open handler of the file system behind handle. */
static int fs_open(struct tm_open *o, uint32_t handle)
{
	switch (handle) {
	case TMH_BOOT:
		return fs_boot_open(o);
	case TMH_PROC:
		return fs_proc_open(o);
	case TMH_SYS:
		return fs_sys_open(o);
	case TMH_SHMEM:
		return fs_shm_open(o);
	default:
		return fs_dev_open(o, (int)handle);
	}
}

/* An open (possibly combined with one I/O message). */
static void do_open(struct tm_msg *m, struct tm_open *o, uint32_t handle)
{
	const struct _io_connect *c = o->c;
	int r = fs_open(o, handle);

	if (r < 0) {
		tm_error(m->rcvid, -r);
		return;
	}
	if (o->link) {
		reply_link(m->rcvid, o->link);
		free(o->link);
		return;
	}
	struct tm_ocb *ocb = o->ocb;
	ocb->ioflag = c->ioflag;
	ocb->path = strdup(o->full);
	r = tm_ocb_bind(ocb, m->info.pid, m->info.coid);
	if (r < 0) {
		tm_ocb_put(ocb);
		tm_error(m->rcvid, -r);
		return;
	}
	size_t off = (sizeof(*c) + c->path_len + c->extra_len + 7) & ~(size_t)7;
	if (c->subtype == _IO_CONNECT_OPEN || (size_t)m->info.srcmsglen <= off) {
		tm_reply(m->rcvid, 0, NULL, 0);
	} else {
		tm_io_message(m, off, ocb, c->subtype == _IO_CONNECT_COMBINE_CLOSE);
	}
	tm_ocb_put(ocb);
}

/* readlink of an archive symbolic link: reply status = length, data = the target. */
static void do_readlink(struct tm_msg *m, struct tm_open *o, uint32_t handle)
{
	const struct bootfs_ent *e = handle == TMH_BOOT ? bootfs_find(o->path) : NULL;

	if (e == NULL)
		tm_error(m->rcvid, handle == TMH_BOOT ? ENOENT : EINVAL);
	else if (!S_ISLNK(e->mode))
		tm_error(m->rcvid, EINVAL);
	else
		tm_reply(m->rcvid, (long)e->size, e->data, e->size);
}

/*
 * For a rename into the boot archive: does the old name (the extra data,
 * relative to "/") exist, in the archive or as a node of the path space?
 * A malformed extra counts as existing (the answer is then EROFS).
 */
static int rename_source_exists(struct tm_msg *m)
{
	const struct _io_connect *c = m->buf;
	char old[TM_PATH_MAX + 2], full[TM_PATH_MAX];

	if (c->extra_len == 0 || tm_msg_fetch(m, sizeof(*c) + c->path_len + c->extra_len) < 0)
		return 1;
	c = m->buf; /* the fetch may have moved the message */
	const char *x = c->path + c->path_len;
	size_t n = strnlen(x, c->extra_len);
	if (n == c->extra_len || n > TM_PATH_MAX)
		return 1;
	old[0] = '/';
	memcpy(old + 1, x, n + 1);
	if (tm_path_normalize(old, full, sizeof(full)) < 0)
		return 1;
	return bootfs_find(full + 1) != NULL || pm_exists(full);
}

/*
 * _IO_CONNECT on a connection to taskman's own files: the handle picks
 * the file system, the path is normalised below its prefix, then the
 * subtype is dispatched. Replies in every case.
 */
void tm_do_connect(struct tm_msg *m)
{
	char full[TM_PATH_MAX], joined[TM_PATH_MAX + 2];
	int err = tm_connect_check(m);

	if (err) {
		tm_error(m->rcvid, err);
		return;
	}
	const struct _io_connect *c = m->buf;
	const char *prefix = prefix_of(c->handle);
	if (prefix == NULL) {
		tm_error(m->rcvid, ENOENT);
		return;
	}
	/* the path below the prefix, as the client sent it */
	size_t pl = strlen(prefix);
	memcpy(joined, prefix, pl);
	joined[pl] = '/';
	strcpy(joined + pl + 1, c->path);
	int r = tm_path_normalize(joined, full, sizeof(full));
	if (r < 0) {
		tm_error(m->rcvid, -r);
		return;
	}
	struct tm_open o = {.m = m, .c = c, .full = full, .pid = m->info.pid};
	if (strncmp(full, prefix, pl) != 0 || (pl > 1 && full[pl] != 0 && full[pl] != '/')) {
		tm_error(m->rcvid, ENOENT); /* ".." climbed out of the prefix */
		return;
	}
	o.path = full + pl;
	while (*o.path == '/')
		o.path++;
	if (tm_proc_cred(o.pid, &o.cred) < 0) {
		tm_error(m->rcvid, ESRCH);
		return;
	}
	switch (c->subtype) {
	case _IO_CONNECT_OPEN:
	case _IO_CONNECT_COMBINE:
	case _IO_CONNECT_COMBINE_CLOSE:
		do_open(m, &o, c->handle);
		break;
	case _IO_CONNECT_UNLINK:
		if (c->handle == TMH_SHMEM)
			r = fs_shm_unlink(&o);
		else if (c->handle == TMH_BOOT)
			r = bootfs_find(o.path) || pm_exists(full) ? -EROFS : -ENOENT;
		else
			r = c->handle == TMH_PROC || c->handle == TMH_SYS ? -EROFS : -EPERM;
		if (r < 0)
			tm_error(m->rcvid, -r);
		else
			tm_reply(m->rcvid, 0, NULL, 0);
		break;
	case _IO_CONNECT_READLINK:
		do_readlink(m, &o, c->handle);
		break;
	case _IO_CONNECT_MKNOD:
	case _IO_CONNECT_LINK:
		if (c->handle == TMH_BOOT && !bootfs_find(o.path) && !pm_exists(full) &&
		    !fs_boot_parent_exists(&o)) {
			tm_error(m->rcvid, ENOENT); /* no directory for the new name */
			break;
		}
		tm_error(m->rcvid, c->handle == TMH_SHMEM ? ENOSYS : EROFS);
		break;
	case _IO_CONNECT_RENAME: {
		int h = c->handle; /* rename_source_exists() may move the message */
		if (h == TMH_BOOT && !rename_source_exists(m))
			tm_error(m->rcvid, ENOENT); /* nothing to rename */
		else
			tm_error(m->rcvid, h == TMH_SHMEM ? ENOSYS : EROFS);
		break;
	}
	default:
		tm_error(m->rcvid, ENOSYS);
		break;
	}
}
