/*
 * resmgr_attach.c - attaching a path to the pathname space.
 *
 * resmgr_attach() records a link (path, handler tables, handle) in the
 * dispatch handle and asks taskman (TM_PATH_ATTACH on SYSMGR_COID) to send
 * opens below the path to our channel with the link id as the handle;
 * every _IO_CONNECT then names its link by msg->connect.handle.
 */
#include "rm_priv.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
/* <qsoe/taskman.h> names a field si_status, which <signal.h> defines as a macro. */
#include <qsoe/abi/signal.h>
#undef si_status
#include <qsoe/taskman.h>

/* TM_PATH_* flags for _RESMGR_FLAG_* flags. */
static unsigned tm_flags(unsigned f)
{
	unsigned t = 0;

	if (f & _RESMGR_FLAG_DIR)
		t |= TM_PATH_DIR;
	if (f & _RESMGR_FLAG_BEFORE)
		t |= TM_PATH_BEFORE;
	if (f & _RESMGR_FLAG_AFTER)
		t |= TM_PATH_AFTER;
	if (f & _RESMGR_FLAG_OPAQUE)
		t |= TM_PATH_OPAQUE;
	return t;
}

/* path made absolute (relative paths are below the current directory); malloc'd. */
static char *absolute(const char *path)
{
	if (path[0] == '/')
		return strdup(path);
	char cwd[PATH_MAX];
	if (getcwd(cwd, sizeof(cwd)) == NULL)
		return NULL;
	size_t n = strlen(cwd) + strlen(path) + 2;
	char *a = malloc(n);
	if (a != NULL) {
		strcpy(a, cwd);
		if (n > 2 && cwd[strlen(cwd) - 1] != '/')
			strcat(a, "/");
		strcat(a, path);
	}
	return a;
}

/* Asks taskman to route path to link id of d. Returns taskman's attach id or -errno. */
static int tm_attach(dispatch_t *d, int id, const char *path, unsigned flags, int file_type)
{
	size_t len = strlen(path) + 1;
	size_t size = sizeof(struct tm_path_attach) + len;
	struct tm_path_attach *a = malloc(size);

	if (a == NULL)
		return -ENOMEM;
	memset(a, 0, sizeof(*a));
	a->hdr.type = TM_PATH_ATTACH;
	a->hdr.size = (uint32_t)size;
	a->chid = d->chid;
	a->handle = (uint32_t)id;
	a->flags = tm_flags(flags);
	a->file_type = (uint32_t)file_type;
	a->path_len = (uint32_t)len;
	memcpy(a->path, path, len);
	long r = MsgSendnc_r(SYSMGR_COID, a, size, NULL, 0);
	free(a);
	return (int)r;
}

/* Asks taskman to forget attach tm_id. */
static void tm_detach(int tm_id, unsigned flags)
{
	struct tm_path_detach m;

	memset(&m, 0, sizeof(m));
	m.hdr.type = TM_PATH_DETACH;
	m.hdr.size = sizeof(m);
	m.id = tm_id;
	m.flags = flags;
	MsgSendnc_r(SYSMGR_COID, &m, sizeof(m), NULL, 0);
}

/*
 * Attaches path (NULL: an unnamed link, for OCBs bound by hand) to d with
 * the given handler tables and handle. Returns the link id, or -1 with
 * errno (EINVAL, ENOMEM, or taskman's error: EEXIST, EPERM, ...).
 */
int resmgr_attach(dispatch_t *d, resmgr_attr_t *attr, const char *path, enum _file_type file_type,
                  unsigned flags, const resmgr_connect_funcs_t *connect_funcs,
                  const resmgr_io_funcs_t *io_funcs, RESMGR_HANDLE_T *handle)
{
	if (d == NULL || (flags & ~_RESMGR_FLAG_MASK) || (path != NULL && path[0] == '\0')) {
		errno = EINVAL;
		return -1;
	}
	struct rm_link *l = calloc(1, sizeof(*l));
	char *abs = path != NULL ? absolute(path) : NULL;
	if (l == NULL || (path != NULL && abs == NULL)) {
		free(l);
		free(abs);
		errno = ENOMEM;
		return -1;
	}
	l->tm_id = -1;
	l->flags = flags;
	l->file_type = (int)file_type;
	l->path = abs;
	l->connect = connect_funcs;
	l->io = io_funcs;
	l->handle = handle;
	if (attr != NULL && (attr->flags & RESMGR_FLAG_ATTACH_OTHERFUNC))
		l->other_func = attr->other_func;

	__rm_lock(d);
	int id = 0;
	while (id < d->nlinks && d->links[id] != NULL)
		id++;
	if (id == d->nlinks) {
		struct rm_link **n = realloc(d->links, (size_t)(d->nlinks + 8) * sizeof(*n));
		if (n == NULL) {
			__rm_unlock(d);
			free(abs);
			free(l);
			errno = ENOMEM;
			return -1;
		}
		memset(n + d->nlinks, 0, 8 * sizeof(*n));
		d->links = n;
		d->nlinks += 8;
	}
	l->id = id;
	d->links[id] = l;
	d->resmgr = 1;
	if (attr != NULL)
		__rm_grow_sizes(d, attr->msg_max_size, attr->nparts_max);
	__rm_unlock(d);

	if (abs != NULL) {
		int t = tm_attach(d, id, abs, flags, (int)file_type);
		if (t < 0) {
			__rm_lock(d);
			d->links[id] = NULL;
			__rm_unlock(d);
			free(abs);
			free(l);
			errno = -t;
			return -1;
		}
		l->tm_id = t;
	}
	return id;
}

/*
 * Detaches link id: its path leaves the pathname space (new opens fail).
 * With _RESMGR_DETACH_PATHNAME the link stays for the OCBs already open;
 * otherwise the link is freed too (OCBs keep their own handler tables).
 * Returns 0, or -1 with errno EINVAL.
 */
int resmgr_detach(dispatch_t *d, int id, unsigned flags)
{
	if (d == NULL) {
		errno = EINVAL;
		return -1;
	}
	__rm_lock(d);
	struct rm_link *l = id >= 0 && id < d->nlinks ? d->links[id] : NULL;
	if (l == NULL || (l->detached && (flags & _RESMGR_DETACH_PATHNAME))) {
		__rm_unlock(d);
		errno = EINVAL;
		return -1;
	}
	int tm_id = l->tm_id;
	l->tm_id = -1;
	l->detached = 1;
	if (!(flags & _RESMGR_DETACH_PATHNAME))
		d->links[id] = NULL;
	__rm_unlock(d);
	if (tm_id >= 0)
		tm_detach(tm_id, 0);
	if (!(flags & _RESMGR_DETACH_PATHNAME)) {
		free(l->path);
		free(l);
	}
	return 0;
}

/*
 * Copies the path of link id (of the last dispatch handle that attached
 * it) into path. QSOE keeps no global link table: this needs the handle,
 * so it is not supported; returns -1 with errno ENOSYS.
 */
int resmgr_pathname(int id, unsigned flags, char *path, int maxbuf)
{
	errno = ENOSYS;
	return -1;
}

/*
 * The device and inode numbers the library would give link id's
 * resources: dev 0 and the link id + 1 as inode (resource managers set
 * attr->inode themselves when it matters). Returns 0.
 */
int resmgr_devino(int id, dev_t *pdevno, ino_t *pino)
{
	if (pdevno != NULL)
		*pdevno = 0;
	if (pino != NULL)
		*pino = (ino_t)id + 1;
	return 0;
}
