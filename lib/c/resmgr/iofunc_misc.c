/*
 * iofunc_misc.c - the remaining defaults (unblock, OCB locking, record
 * locks, mmap) and the permission checks of path-based requests that
 * filesystems use (iofunc_link/unlink/mknod/rename/readlink).
 */
#include <sys/iofunc.h>

#include <errno.h>
#include "rm_priv.h"

/*
 * Default unblock: a waiting record lock request (F_SETLKW, iofunc_lock.c)
 * ends with EINTR; anything else is left waiting for the reply its request
 * gets anyway. A resource manager that keeps other requests pending
 * (NOREPLY) must have its own unblock handler that replies EINTR.
 */
int iofunc_unblock_default(resmgr_context_t *ctp, io_pulse_t *msg, iofunc_ocb_t *ocb)
{
	return __iofunc_lock_unblock(ctp->rcvid) ? EINTR : _RESMGR_DEFAULT;
}

/* Default lock_ocb: locks the OCB's attribute for the duration of a handler. */
int iofunc_lock_ocb_default(resmgr_context_t *ctp, void *reserved, iofunc_ocb_t *ocb)
{
	return ocb->attr != NULL ? iofunc_attr_lock(ocb->attr) : EOK;
}

/* Default unlock_ocb: unlocks what iofunc_lock_ocb_default() locked. */
int iofunc_unlock_ocb_default(resmgr_context_t *ctp, void *reserved, iofunc_ocb_t *ocb)
{
	return ocb->attr != NULL ? iofunc_attr_unlock(ocb->attr) : EOK;
}

/* Default mmap: resources of the iofunc layer cannot be mapped (ENOSYS). */
int iofunc_mmap_default(resmgr_context_t *ctp, io_mmap_t *msg, iofunc_ocb_t *ocb)
{
	return ENOSYS;
}

/* Client info in *mine unless info is given. Returns the info to use or NULL. */
static const struct _client_info *who(resmgr_context_t *ctp, struct _client_info *info,
                                      struct _client_info *mine, int *err)
{
	if (info != NULL)
		return info;
	*err = iofunc_client_info(ctp, 0, mine);
	return *err == EOK ? mine : NULL;
}

/* May the client remove or replace entry attr in sticky directory dattr? */
static int sticky_ok(const iofunc_attr_t *attr, const iofunc_attr_t *dattr,
                     const struct _client_info *ci)
{
	if (!(dattr->mode & S_ISVTX) || ci->cred.euid == 0)
		return 1;
	return ci->cred.euid == dattr->uid || (attr != NULL && ci->cred.euid == attr->uid);
}

/*
 * Checks an unlink/rmdir of attr from directory dattr: write and search
 * permission in dattr, the sticky-bit rule, and that rmdir (msg mode
 * S_IFDIR) names a directory and unlink does not. Returns EOK or an errno.
 */
int iofunc_unlink(resmgr_context_t *ctp, io_unlink_t *msg, iofunc_attr_t *attr,
                  iofunc_attr_t *dattr, struct _client_info *info)
{
	struct _client_info mine;
	int e = EOK;
	const struct _client_info *ci = who(ctp, info, &mine, &e);

	if (ci == NULL)
		return e;
	if (attr == NULL)
		return ENOENT;
	int rmdir = S_ISDIR(msg->connect.mode);
	if (rmdir && !S_ISDIR(attr->mode))
		return ENOTDIR;
	if (!rmdir && S_ISDIR(attr->mode) &&
	    (attr->mount == NULL || !(attr->mount->conf & IOFUNC_PC_LINK_DIR)))
		return EPERM;
	if (dattr != NULL) {
		if ((e = iofunc_check_access(ctp, dattr, S_IWRITE | S_IEXEC, ci)) != EOK)
			return e;
		if (!sticky_ok(attr, dattr, ci))
			return EPERM;
	}
	return EOK;
}

/* Checks a mknod/mkdir of a new entry in dattr (attr: an existing one). */
int iofunc_mknod(resmgr_context_t *ctp, io_mknod_t *msg, iofunc_attr_t *attr, iofunc_attr_t *dattr,
                 struct _client_info *info)
{
	struct _client_info mine;
	int e = EOK;
	const struct _client_info *ci = who(ctp, info, &mine, &e);

	if (ci == NULL)
		return e;
	if (attr != NULL)
		return EEXIST;
	if (dattr == NULL)
		return ENOENT;
	return iofunc_check_access(ctp, dattr, S_IWRITE | S_IEXEC, ci);
}

/* Checks a link/symlink creating a new entry in dattr (attr: an existing one). */
int iofunc_link(resmgr_context_t *ctp, io_link_t *msg, iofunc_attr_t *attr, iofunc_attr_t *dattr,
                struct _client_info *info)
{
	return iofunc_mknod(ctp, (io_mknod_t *)msg, attr, dattr, info);
}

/*
 * Checks a rename of oldattr (in olddattr) to a name in newdattr that may
 * exist (newattr): write and search permission in both directories, the
 * sticky-bit rule for both entries, and matching types if the target
 * exists. Returns EOK or an errno.
 */
int iofunc_rename(resmgr_context_t *ctp, io_rename_t *msg, iofunc_attr_t *oldattr,
                  iofunc_attr_t *olddattr, iofunc_attr_t *newattr, iofunc_attr_t *newdattr,
                  struct _client_info *info)
{
	struct _client_info mine;
	int e = EOK;
	const struct _client_info *ci = who(ctp, info, &mine, &e);

	if (ci == NULL)
		return e;
	if (oldattr == NULL)
		return ENOENT;
	if (newattr != NULL && S_ISDIR(oldattr->mode) && !S_ISDIR(newattr->mode))
		return ENOTDIR;
	if (newattr != NULL && !S_ISDIR(oldattr->mode) && S_ISDIR(newattr->mode))
		return EISDIR;
	if (olddattr != NULL) {
		if ((e = iofunc_check_access(ctp, olddattr, S_IWRITE | S_IEXEC, ci)) != EOK)
			return e;
		if (!sticky_ok(oldattr, olddattr, ci))
			return EPERM;
	}
	if (newdattr != NULL) {
		if ((e = iofunc_check_access(ctp, newdattr, S_IWRITE | S_IEXEC, ci)) != EOK)
			return e;
		if (newattr != NULL && !sticky_ok(newattr, newdattr, ci))
			return EPERM;
	}
	return EOK;
}

/* Checks a readlink of attr: it must be a symbolic link. Returns EOK, ENOENT or EINVAL. */
int iofunc_readlink(resmgr_context_t *ctp, io_readlink_t *msg, iofunc_attr_t *attr,
                    struct _client_info *info)
{
	if (attr == NULL)
		return ENOENT;
	return S_ISLNK(attr->mode) ? EOK : EINVAL;
}
