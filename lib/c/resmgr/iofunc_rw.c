/*
 * iofunc_rw.c - reading, writing and positioning: the verify helpers and
 * the default read/write/lseek/sync/space handlers.
 */
#include <sys/iofunc.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <unistd.h>
#include "rm_priv.h"

/* True if the read or write of this OCB should not block (message flags win). */
static int nonblocking(uint32_t xtype, const iofunc_ocb_t *ocb)
{
	if (xtype & _IO_XFLAG_NONBLOCK)
		return 1;
	if (xtype & _IO_XFLAG_BLOCK)
		return 0;
	return (ocb->ioflag & O_NONBLOCK) != 0;
}

/*
 * Checks a read: the OCB must be open for reading and the xtype one the
 * iofunc layer knows (NONE, OFFSET, READCOND, READDIR). *nonblock (if
 * given) says whether the client wants no waiting. Returns EOK, EBADF or
 * EINVAL.
 */
int iofunc_read_verify(resmgr_context_t *ctp, io_read_t *msg, iofunc_ocb_t *ocb, int *nonblock)
{
	if (!(ocb->ioflag & _IO_FLAG_RD))
		return EBADF;
	switch (msg->i.xtype & _IO_XTYPE_MASK) {
	case _IO_XTYPE_NONE:
	case _IO_XTYPE_OFFSET:
	case _IO_XTYPE_READCOND:
	case _IO_XTYPE_READDIR:
		break;
	default:
		return EINVAL;
	}
	if (nonblock != NULL)
		*nonblock = nonblocking(msg->i.xtype, ocb);
	return EOK;
}

/*
 * Checks a write: the OCB must be open for writing and the xtype NONE or
 * OFFSET. Returns EOK, EBADF or EINVAL.
 */
int iofunc_write_verify(resmgr_context_t *ctp, io_write_t *msg, iofunc_ocb_t *ocb, int *nonblock)
{
	if (!(ocb->ioflag & _IO_FLAG_WR))
		return EBADF;
	switch (msg->i.xtype & _IO_XTYPE_MASK) {
	case _IO_XTYPE_NONE:
	case _IO_XTYPE_OFFSET:
		break;
	default:
		return EINVAL;
	}
	if (nonblock != NULL)
		*nonblock = nonblocking(msg->i.xtype, ocb);
	return EOK;
}

/* Default read: after the checks, end of file (0 bytes), like /dev/null. */
int iofunc_read_default(resmgr_context_t *ctp, io_read_t *msg, iofunc_ocb_t *ocb)
{
	int r = iofunc_read_verify(ctp, msg, ocb, NULL);

	if (r != EOK)
		return r;
	_IO_SET_READ_NBYTES(ctp, 0);
	return _RESMGR_NPARTS(0);
}

/* Default write: after the checks, every byte is "written" and dropped. */
int iofunc_write_default(resmgr_context_t *ctp, io_write_t *msg, iofunc_ocb_t *ocb)
{
	int r = iofunc_write_verify(ctp, msg, ocb, NULL);

	if (r != EOK)
		return r;
	uint64_t n = _IO_WRITE_GET_NBYTES(msg);
	_IO_SET_WRITE_NBYTES(ctp, (long)(n > LONG_MAX ? LONG_MAX : n));
	return _RESMGR_NPARTS(0);
}

/*
 * Moves ocb's position as lseek() does (SEEK_END is relative to
 * attr->nbytes). Replies with the new offset. Returns EINVAL for a bad
 * whence or a negative result, EOVERFLOW past the largest offset
 * (2^31-1 on an IOFUNC_MOUNT_32BIT mount), ESPIPE for FIFOs.
 */
int iofunc_lseek(resmgr_context_t *ctp, io_lseek_t *msg, iofunc_ocb_t *ocb, iofunc_attr_t *attr)
{
	int64_t base;

	if (S_ISFIFO(attr->mode))
		return ESPIPE;
	if (__iofunc_whence_base(msg->i.whence, ocb, attr, &base) != 0)
		return EINVAL;
	int64_t off = msg->i.offset;
	int64_t max = INT64_MAX;
	if (attr->mount != NULL && (attr->mount->flags & IOFUNC_MOUNT_32BIT))
		max = INT32_MAX;
	if ((off > 0 && base > max - off) || base + off > max)
		return EOVERFLOW;
	if (base + off < 0)
		return EINVAL;
	ocb->offset = base + off;
	msg->o = (uint64_t)ocb->offset;
	return _RESMGR_PTR(ctp, &msg->o, sizeof(msg->o));
}

/* Default lseek: iofunc_lseek() on the OCB's attribute. */
int iofunc_lseek_default(resmgr_context_t *ctp, io_lseek_t *msg, iofunc_ocb_t *ocb)
{
	return iofunc_lseek(ctp, msg, ocb, ocb->attr);
}

/*
 * Checks an fsync/fdatasync: the OCB must be open for reading or writing.
 * Returns -1 when synchronised I/O is not supported by the mount (the
 * handler then just returns EOK: nothing is cached), else the flags to
 * sync with, or EBADF as a positive errno.
 */
int iofunc_sync(resmgr_context_t *ctp, iofunc_ocb_t *ocb, int ioflag)
{
	if (!(ocb->ioflag & (_IO_FLAG_RD | _IO_FLAG_WR)))
		return EBADF;
	iofunc_mount_t *m = ocb->attr ? ocb->attr->mount : NULL;
	if (m == NULL || !(m->conf & IOFUNC_PC_SYNC_IO))
		return -1;
	return ioflag;
}

/* Default sync: nothing is cached, so there is nothing to write back. */
int iofunc_sync_default(resmgr_context_t *ctp, io_sync_t *msg, iofunc_ocb_t *ocb)
{
	if (!(ocb->ioflag & (_IO_FLAG_RD | _IO_FLAG_WR)))
		return EBADF;
	return EOK;
}

/*
 * Checks an _IO_SPACE (F_ALLOCSP/F_FREESP): write access, a known
 * subtype and whence. Returns EOK, EBADF or EINVAL.
 */
int iofunc_space_verify(resmgr_context_t *ctp, io_space_t *msg, iofunc_ocb_t *ocb, int *nonblock)
{
	if (!(ocb->ioflag & _IO_FLAG_WR))
		return EBADF;
	if (msg->i.subtype != F_ALLOCSP && msg->i.subtype != F_FREESP)
		return EINVAL;
	if (msg->i.whence != SEEK_SET && msg->i.whence != SEEK_CUR && msg->i.whence != SEEK_END)
		return EINVAL;
	if (nonblock != NULL)
		*nonblock = (ocb->ioflag & O_NONBLOCK) != 0;
	return EOK;
}

/* Default space: checked, then not supported (the resource has no storage). */
int iofunc_space_default(resmgr_context_t *ctp, io_space_t *msg, iofunc_ocb_t *ocb)
{
	int r = iofunc_space_verify(ctp, msg, ocb, NULL);

	return r != EOK ? r : ENOSYS;
}
