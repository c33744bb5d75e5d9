/*
 * iofunc_open.c - opening and closing: permission checks of an open, OCB
 * allocation and binding, the open counts of the attribute, and the
 * default open/openfd/close handlers.
 */
#include <sys/iofunc.h>

#include <errno.h>
#include "rm_priv.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>

/*
 * Checks an open of attr (NULL: the path does not exist; dattr is the
 * directory it would be created in) by the client of info (NULL: the
 * current client): O_CREAT/O_EXCL, directories, permissions for the access
 * asked; O_TRUNC of a regular file empties it. Returns EOK (with attr NULL:
 * the caller may create the file) or an errno.
 */
int iofunc_open(resmgr_context_t *ctp, io_open_t *msg, iofunc_attr_t *attr, iofunc_attr_t *dattr,
                struct _client_info *info)
{
	struct _client_info mine;
	uint32_t ioflag = msg->connect.ioflag;

	if (info == NULL) {
		int r = iofunc_client_info(ctp, (int)ioflag, &mine);
		if (r != EOK)
			return r;
		info = &mine;
	}
	if (attr == NULL) {
		if (!(ioflag & O_CREAT) || dattr == NULL)
			return ENOENT;
		return iofunc_check_access(ctp, dattr, S_IWRITE | S_IEXEC, info);
	}
	if ((ioflag & (O_CREAT | O_EXCL)) == (O_CREAT | O_EXCL))
		return EEXIST;
	if ((ioflag & O_DIRECTORY) && !S_ISDIR(attr->mode))
		return ENOTDIR;
	if (S_ISDIR(attr->mode) && (ioflag & _IO_FLAG_WR))
		return EISDIR;
	mode_t want = 0;
	if (ioflag & _IO_FLAG_RD)
		want |= S_IREAD;
	if (ioflag & _IO_FLAG_WR)
		want |= S_IWRITE;
	if (ioflag & _IO_FLAG_EX)
		want |= S_IEXEC;
	int r = iofunc_check_access(ctp, attr, want, info);
	if (r != EOK)
		return r;
	if ((ioflag & O_TRUNC) && (ioflag & _IO_FLAG_WR) && S_ISREG(attr->mode) && attr->nbytes) {
		attr->nbytes = 0;
		attr->flags |= IOFUNC_ATTR_MTIME | IOFUNC_ATTR_CTIME | IOFUNC_ATTR_DIRTY_SIZE;
	}
	return EOK;
}

/* Allocates a zeroed OCB (the default ocb_calloc). Returns it or NULL. */
iofunc_ocb_t *iofunc_ocb_calloc(resmgr_context_t *ctp, iofunc_attr_t *attr)
{
	return calloc(1, sizeof(iofunc_ocb_t));
}

/* Frees an OCB from iofunc_ocb_calloc() (the default ocb_free). */
void iofunc_ocb_free(iofunc_ocb_t *ocb)
{
	free(ocb);
}

/* The mount's OCB allocator functions, if attr has a mount with them. */
static iofunc_funcs_t *mount_funcs(iofunc_attr_t *attr)
{
	iofunc_mount_t *m = attr->mount;

	return m != NULL && m->funcs != NULL ? m->funcs : NULL;
}

/*
 * Sets up ocb (allocating it when NULL) for attr with open flags ioflag,
 * counts it in attr and binds the client's connection to it. Returns EOK,
 * ENFILE (65535 opens of one attr), ENOMEM.
 */
static int attach_flags(resmgr_context_t *ctp, uint32_t ioflag, uint16_t sflag, iofunc_ocb_t *ocb,
                        iofunc_attr_t *attr, const resmgr_io_funcs_t *io_funcs)
{
	iofunc_funcs_t *mf = mount_funcs(attr);
	int mine = ocb == NULL;

	if (attr->count == UINT16_MAX || attr->rcount == UINT16_MAX || attr->wcount == UINT16_MAX)
		return ENFILE;
	if (mine) {
		if (mf != NULL && mf->nfuncs >= 1 && mf->ocb_calloc != NULL)
			ocb = mf->ocb_calloc(ctp, attr);
		else
			ocb = iofunc_ocb_calloc(ctp, attr);
		if (ocb == NULL)
			return ENOMEM;
	}
	ocb->attr = attr;
	ocb->ioflag = (int32_t)ioflag;
	ocb->sflag = sflag;
	ocb->offset = 0;
	attr->count++;
	if (ioflag & _IO_FLAG_RD)
		attr->rcount++;
	if (ioflag & _IO_FLAG_WR)
		attr->wcount++;
	if (resmgr_open_bind(ctp, ocb, io_funcs) < 0) {
		int e = errno;
		iofunc_ocb_detach(ctp, ocb);
		if (mine) {
			if (mf != NULL && mf->nfuncs >= 2 && mf->ocb_free != NULL)
				mf->ocb_free(ocb);
			else
				iofunc_ocb_free(ocb);
		}
		return e;
	}
	return EOK;
}

/*
 * Sets up ocb (NULL: allocate one through the mount's ocb_calloc or
 * iofunc_ocb_calloc()) for an open of attr described by msg and binds the
 * client's connection to it with io_funcs (NULL: the link's). Returns EOK
 * or an errno.
 */
int iofunc_ocb_attach(resmgr_context_t *ctp, io_open_t *msg, iofunc_ocb_t *ocb, iofunc_attr_t *attr,
                      const resmgr_io_funcs_t *io_funcs)
{
	return attach_flags(ctp, msg->connect.ioflag, msg->connect.sflag, ocb, attr, io_funcs);
}

/*
 * Takes ocb out of its attribute's open counts (and updates the times
 * flagged for update). Returns IOFUNC_OCB_LAST_* bits.
 */
int iofunc_ocb_detach(resmgr_context_t *ctp, iofunc_ocb_t *ocb)
{
	iofunc_attr_t *attr = ocb->attr;
	int last = 0;

	if (attr == NULL)
		return 0;
	if ((ocb->ioflag & _IO_FLAG_RD) && attr->rcount > 0 && --attr->rcount == 0)
		last |= IOFUNC_OCB_LAST_READER;
	if ((ocb->ioflag & _IO_FLAG_WR) && attr->wcount > 0 && --attr->wcount == 0)
		last |= IOFUNC_OCB_LAST_WRITER;
	if (attr->count > 0 && --attr->count == 0)
		last |= IOFUNC_OCB_LAST_INUSE;
	if (attr->flags & (IOFUNC_ATTR_ATIME | IOFUNC_ATTR_MTIME | IOFUNC_ATTR_CTIME))
		iofunc_time_update(attr);
	return last;
}

/*
 * Closes ocb: detaches it from attr and frees it (mount's ocb_free or
 * iofunc_ocb_free()). Returns IOFUNC_OCB_LAST_* bits.
 */
int iofunc_close_ocb(resmgr_context_t *ctp, iofunc_ocb_t *ocb, iofunc_attr_t *attr)
{
	iofunc_funcs_t *mf = attr ? mount_funcs(attr) : NULL;

	if (attr != NULL)
		iofunc_attr_lock(attr);
	int last = iofunc_ocb_detach(ctp, ocb);
	if (attr != NULL)
		iofunc_attr_unlock(attr);
	if (mf != NULL && mf->nfuncs >= 2 && mf->ocb_free != NULL)
		mf->ocb_free(ocb);
	else
		iofunc_ocb_free(ocb);
	return last;
}

/* Default open: iofunc_open() checks, then a new OCB bound to the client. */
int iofunc_open_default(resmgr_context_t *ctp, io_open_t *msg, iofunc_attr_t *attr, void *extra)
{
	if (attr == NULL)
		return ENOENT;
	iofunc_attr_lock(attr);
	int r = iofunc_open(ctp, msg, attr, NULL, NULL);
	if (r == EOK)
		r = iofunc_ocb_attach(ctp, msg, NULL, attr, NULL);
	iofunc_attr_unlock(attr);
	return r;
}

/* Default close_ocb: iofunc_close_ocb(). Returns EOK. */
int iofunc_close_ocb_default(resmgr_context_t *ctp, void *reserved, iofunc_ocb_t *ocb)
{
	iofunc_close_ocb(ctp, ocb, ocb->attr);
	return EOK;
}

/*
 * Default close of one connection (the OCB may have others): the closing
 * process's record locks on the file go (POSIX: any close releases them).
 */
int iofunc_close_dup_default(resmgr_context_t *ctp, io_close_t *msg, iofunc_ocb_t *ocb)
{
	if (ocb != NULL && ocb->attr != NULL)
		__iofunc_lock_release(ocb->attr, ctp->info.pid);
	return EOK;
}

/*
 * _IO_OPENFD: a new OCB on ocb's attribute for the requesting connection,
 * with msg's open flags; the access asked must be one ocb has. Returns EOK
 * or an errno (EACCES).
 */
int iofunc_openfd(resmgr_context_t *ctp, io_openfd_t *msg, iofunc_ocb_t *ocb, iofunc_attr_t *attr)
{
	uint32_t want = msg->i.ioflag & _IO_FLAG_MASK;

	if ((want & (uint32_t)ocb->ioflag) != want)
		return EACCES;
	return attach_flags(ctp, msg->i.ioflag, msg->i.sflag, NULL, attr, NULL);
}

/* Default openfd: iofunc_openfd() with the attribute locked. */
int iofunc_openfd_default(resmgr_context_t *ctp, io_openfd_t *msg, iofunc_ocb_t *ocb)
{
	iofunc_attr_lock(ocb->attr);
	int r = iofunc_openfd(ctp, msg, ocb, ocb->attr);
	iofunc_attr_unlock(ocb->attr);
	return r;
}
