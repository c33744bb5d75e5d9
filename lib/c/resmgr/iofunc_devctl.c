/*
 * iofunc_devctl.c - the devctl() commands every resource manager answers
 * the same way: DCMD_ALL_GETFLAGS / DCMD_ALL_SETFLAGS (fcntl F_GETFL /
 * F_SETFL), and the helper to fetch a devctl's input data.
 */
#include <sys/iofunc.h>
#include <sys/dcmd_all.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>

/* The O_* flags fcntl(F_SETFL) may change. */
#define O_SETFLAG (O_APPEND | O_DSYNC | O_SYNC | O_RSYNC | O_NONBLOCK | O_LARGEFILE | O_ASYNC)

/*
 * Copies the devctl input data (n bytes after the header) into buf, from
 * the receive buffer or, if it did not all arrive, from the client.
 * Returns EOK or an errno (EINVAL if the client sent less than n bytes).
 */
static int devctl_in(resmgr_context_t *ctp, io_devctl_t *msg, void *buf, size_t n)
{
	if (msg->i.nbytes < n)
		return EINVAL;
	size_t at = sizeof(msg->i);
	if (ctp->offset + at + n <= (size_t)ctp->info.msglen) {
		memcpy(buf, _DEVCTL_DATA(msg->i), n);
		return EOK;
	}
	ssize_t got = resmgr_msgread(ctp, buf, n, at);
	if (got < 0)
		return errno;
	return (size_t)got == n ? EOK : EINVAL;
}

/*
 * Handles the generic devctl commands for ocb (GETFLAGS, SETFLAGS).
 * Returns the reply result, or _RESMGR_DEFAULT for any other command (the
 * resource manager's own devctl handler goes on with it).
 */
int iofunc_devctl(resmgr_context_t *ctp, io_devctl_t *msg, iofunc_ocb_t *ocb, iofunc_attr_t *attr)
{
	int v;

	switch (msg->i.dcmd) {
	case DCMD_ALL_GETFLAGS: {
		uint32_t io = (uint32_t)ocb->ioflag;
		uint32_t acc = io & _IO_FLAG_MASK;
		v = (int)((io & ~(uint32_t)O_ACCMODE) | ((acc ? acc - 1 : 0) & O_ACCMODE));
		memset(&msg->o, 0, sizeof(msg->o));
		msg->o.nbytes = sizeof(v);
		memcpy(_DEVCTL_DATA(msg->o), &v, sizeof(v));
		return _RESMGR_PTR(ctp, &msg->o, sizeof(msg->o) + sizeof(v));
	}
	case DCMD_ALL_SETFLAGS: {
		int r = devctl_in(ctp, msg, &v, sizeof(v));
		if (r != EOK)
			return r;
		iofunc_mount_t *m = attr != NULL ? attr->mount : NULL;
		if ((v & (O_DSYNC | O_SYNC | O_RSYNC)) &&
		    (m == NULL || !(m->conf & IOFUNC_PC_SYNC_IO)))
			return EINVAL;
		ocb->ioflag = (int32_t)(((uint32_t)ocb->ioflag & ~(uint32_t)O_SETFLAG) |
		                        ((uint32_t)v & O_SETFLAG));
		memset(&msg->o, 0, sizeof(msg->o));
		return _RESMGR_PTR(ctp, &msg->o, sizeof(msg->o));
	}
	default:
		return _RESMGR_DEFAULT;
	}
}

/* Default devctl: the generic commands; anything else is ENOSYS (ENOTTY for ioctl()). */
int iofunc_devctl_default(resmgr_context_t *ctp, io_devctl_t *msg, iofunc_ocb_t *ocb)
{
	return iofunc_devctl(ctp, msg, ocb, ocb->attr);
}
