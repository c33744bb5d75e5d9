/*
 * iofunc_attr.c - the attribute structure: initialisation, its lock and
 * its time stamps; and iofunc_func_init(), which fills the handler tables
 * with the default handlers.
 */
#include <sys/iofunc.h>

#include <errno.h>
#include <stddef.h>
#include <string.h>
#include <time.h>

/*
 * Initialises attr for a resource of type and permissions mode, owned by
 * the client of info (or by dattr's owner, or root if both are NULL), with
 * a recursive lock, one link and all times now.
 */
void iofunc_attr_init(iofunc_attr_t *attr, mode_t mode, iofunc_attr_t *dattr,
                      struct _client_info *info)
{
	memset(attr, 0, sizeof(*attr));
	pthread_mutexattr_t ma;
	pthread_mutexattr_init(&ma);
	pthread_mutexattr_settype(&ma, PTHREAD_MUTEX_RECURSIVE);
	pthread_mutex_init(&attr->lock, &ma);
	pthread_mutexattr_destroy(&ma);
	if ((mode & S_IFMT) == 0)
		mode |= S_IFREG;
	attr->mode = mode;
	attr->nlink = 1;
	if (info != NULL) {
		attr->uid = info->cred.euid;
		attr->gid = info->cred.egid;
	} else if (dattr != NULL) {
		attr->uid = dattr->uid;
		attr->gid = dattr->gid;
	}
	if (dattr != NULL) {
		attr->mount = dattr->mount;
		if (dattr->mode & S_ISGID) /* BSD group semantics of set-gid directories */
			attr->gid = dattr->gid;
	}
	attr->flags = IOFUNC_ATTR_ATIME | IOFUNC_ATTR_MTIME | IOFUNC_ATTR_CTIME;
	iofunc_time_update(attr);
}

/*
 * Locks attr (recursively: the same thread may lock it again). Uses the
 * mount's attr_lock function if it has one. Returns 0 or an errno.
 */
int iofunc_attr_lock(iofunc_attr_t *attr)
{
	iofunc_mount_t *m = attr->mount;

	if (m != NULL && m->funcs != NULL && m->funcs->nfuncs >= 3 && m->funcs->attr_lock)
		return m->funcs->attr_lock(attr);
	return pthread_mutex_lock(&attr->lock);
}

/* Unlocks attr. Returns 0 or an errno (EPERM if the caller does not hold it). */
int iofunc_attr_unlock(iofunc_attr_t *attr)
{
	iofunc_mount_t *m = attr->mount;

	if (m != NULL && m->funcs != NULL && m->funcs->nfuncs >= 4 && m->funcs->attr_unlock)
		return m->funcs->attr_unlock(attr);
	return pthread_mutex_unlock(&attr->lock);
}

/* Locks attr if that needs no waiting. Returns 0 or EBUSY. */
int iofunc_attr_trylock(iofunc_attr_t *attr)
{
	iofunc_mount_t *m = attr->mount;

	if (m != NULL && m->funcs != NULL && m->funcs->nfuncs >= 5 && m->funcs->attr_trylock)
		return m->funcs->attr_trylock(attr);
	return pthread_mutex_trylock(&attr->lock);
}

/*
 * Sets the times flagged IOFUNC_ATTR_ATIME/MTIME/CTIME to now, clears
 * those flags and marks the times dirty. Returns 0.
 */
int iofunc_time_update(iofunc_attr_t *attr)
{
	uint32_t f = attr->flags & (IOFUNC_ATTR_ATIME | IOFUNC_ATTR_MTIME | IOFUNC_ATTR_CTIME);

	if (f == 0)
		return 0;
	struct timespec now;
	if (clock_gettime(CLOCK_REALTIME, &now) != 0) {
		now.tv_sec = 0;
		now.tv_nsec = 0;
	}
	if (f & IOFUNC_ATTR_ATIME) {
		attr->atime = now.tv_sec;
		attr->atime_ns = (unsigned)now.tv_nsec;
	}
	if (f & IOFUNC_ATTR_MTIME) {
		attr->mtime = now.tv_sec;
		attr->mtime_ns = (unsigned)now.tv_nsec;
	}
	if (f & IOFUNC_ATTR_CTIME) {
		attr->ctime = now.tv_sec;
		attr->ctime_ns = (unsigned)now.tv_nsec;
	}
	attr->flags = (attr->flags & ~f) | IOFUNC_ATTR_DIRTY_TIME;
	return 0;
}

/*
 * Fills the first nconnect connect handlers and the first nio I/O
 * handlers with the iofunc defaults (entries without a default are NULL:
 * the library answers ENOSYS), and sets the tables' nfuncs.
 */
void iofunc_func_init(unsigned nconnect, resmgr_connect_funcs_t *connect, unsigned nio,
                      resmgr_io_funcs_t *io)
{
	if (connect != NULL) {
		resmgr_connect_funcs_t c;
		memset(&c, 0, sizeof(c));
		c.open = iofunc_open_default;
		if (nconnect > _RESMGR_CONNECT_NFUNCS)
			nconnect = _RESMGR_CONNECT_NFUNCS;
		memset(connect, 0,
		       offsetof(resmgr_connect_funcs_t, open) + nconnect * sizeof(void (*)(void)));
		memcpy((char *)connect + offsetof(resmgr_connect_funcs_t, open),
		       (char *)&c + offsetof(resmgr_connect_funcs_t, open),
		       nconnect * sizeof(void (*)(void)));
		connect->nfuncs = nconnect;
	}
	if (io != NULL) {
		resmgr_io_funcs_t f;
		memset(&f, 0, sizeof(f));
		f.read = iofunc_read_default;
		f.write = iofunc_write_default;
		f.close_ocb = iofunc_close_ocb_default;
		f.stat = iofunc_stat_default;
		f.notify = iofunc_notify_default;
		f.devctl = iofunc_devctl_default;
		f.unblock = iofunc_unblock_default;
		f.pathconf = iofunc_pathconf_default;
		f.lseek = iofunc_lseek_default;
		f.chmod = iofunc_chmod_default;
		f.chown = iofunc_chown_default;
		f.utime = iofunc_utime_default;
		f.openfd = iofunc_openfd_default;
		f.fdinfo = iofunc_fdinfo_default;
		f.lock = iofunc_lock_default;
		f.space = iofunc_space_default;
		f.mmap = iofunc_mmap_default;
		f.close_dup = iofunc_close_dup_default;
		f.lock_ocb = iofunc_lock_ocb_default;
		f.unlock_ocb = iofunc_unlock_ocb_default;
		f.sync = iofunc_sync_default;
		if (nio > _RESMGR_IO_NFUNCS)
			nio = _RESMGR_IO_NFUNCS;
		memset(io, 0, offsetof(resmgr_io_funcs_t, read) + nio * sizeof(void (*)(void)));
		memcpy((char *)io + offsetof(resmgr_io_funcs_t, read),
		       (char *)&f + offsetof(resmgr_io_funcs_t, read),
		       nio * sizeof(void (*)(void)));
		io->nfuncs = nio;
	}
}
