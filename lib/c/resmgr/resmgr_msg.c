/*
 * resmgr_msg.c - reading from and writing to the client of the message
 * being handled. Offsets are relative to the current message: in a
 * combined message ctp->offset is added, so a handler reads its own data.
 */
#include "rm_priv.h"

#include <errno.h>

/*
 * Reads nbytes of the client's message from offset (relative to the
 * current message) into msg. Returns the bytes read, or -1 with errno.
 */
ssize_t resmgr_msgread(resmgr_context_t *ctp, void *msg, size_t nbytes, size_t offset)
{
	return MsgRead(ctp->rcvid, msg, nbytes, ctp->offset + offset);
}

/* Like resmgr_msgread() into the parts of iov. */
ssize_t resmgr_msgreadv(resmgr_context_t *ctp, const iov_t *iov, int parts, size_t offset)
{
	if (parts < 0) {
		errno = EINVAL;
		return -1;
	}
	return MsgReadv(ctp->rcvid, iov, (size_t)parts, ctp->offset + offset);
}

/*
 * Writes nbytes from msg into the client's reply buffer at offset. The
 * client sees the data once the message is replied to. Returns the bytes
 * written, or -1 with errno.
 */
ssize_t resmgr_msgwrite(resmgr_context_t *ctp, const void *msg, size_t nbytes, size_t offset)
{
	return MsgWrite(ctp->rcvid, msg, nbytes, offset);
}

/* Like resmgr_msgwrite() from the parts of iov. */
ssize_t resmgr_msgwritev(resmgr_context_t *ctp, const iov_t *iov, int parts, size_t offset)
{
	if (parts < 0) {
		errno = EINVAL;
		return -1;
	}
	return MsgWritev(ctp->rcvid, iov, (size_t)parts, offset);
}

/*
 * Replies to the client now with status ctp->status and nbytes of msg.
 * The handler must then return _RESMGR_NOREPLY. Returns 0 or -1 with errno.
 */
int resmgr_msgreply(resmgr_context_t *ctp, void *msg, size_t nbytes)
{
	return MsgReply(ctp->rcvid, ctp->status, msg, nbytes);
}

/* Like resmgr_msgreply() with the parts of iov. */
int resmgr_msgreplyv(resmgr_context_t *ctp, iov_t *iov, int parts)
{
	if (parts < 0) {
		errno = EINVAL;
		return -1;
	}
	return MsgReplyv(ctp->rcvid, ctp->status, iov, (size_t)parts);
}
