/*
 * resmgr_dup.c - _IO_DUP and _IO_OPENFD: a client connection asks to share
 * (dup) or to open anew (openfd) the OCB of another connection, named by
 * the struct _msg_info32 in the message (pid, scoid, coid of the original
 * connection: dup() in the same process, the child side of spawn naming
 * its parent's descriptor -- see struct tm_fd in <qsoe/taskman.h>).
 *
 * What is checked (the security limits are in docs/resmgr.md):
 *  - the named connection is bound here to an OCB;
 *  - its scoid really belongs to the claimed pid (ConnectClientInfo), so a
 *    client cannot pass off another process's connection as its parent's
 *    by lying about the pid;
 *  - the requester is that process itself, or root, or has the same real
 *    user id as it (a spawned child keeps its parent's real uid).
 * A client that knows another same-user process's (pid, scoid, coid) can
 * therefore share its OCB; it could open the file itself anyway, since the
 * permission bits are the same for both.
 */
#include "rm_priv.h"

#include <errno.h>
#include <stdlib.h>

/*
 * Finds the OCB the original connection in info is bound to and checks
 * that the requester (ctp's client) may use it. Returns it busy (give it
 * back with __rm_ocb_put(ctp, o, 0)) in *op, or an errno.
 */
static int lookup_original(resmgr_context_t *ctp, const struct _msg_info32 *info,
                           struct rm_ocb **op)
{
	struct _client_info owner, me;

	if (info->nd != ND_LOCAL_NODE || info->scoid <= 0)
		return EBADF;
	struct rm_ocb *o = __rm_ocb_get(ctp->dpp, info->scoid, info->coid);
	if (o == NULL)
		return EBADF;
	int e = 0;
	if (ConnectClientInfo(info->scoid, &owner, 0) < 0 || owner.pid != info->pid)
		e = EBADF;
	else if (owner.pid != ctp->info.pid) {
		if (ConnectClientInfo(ctp->info.scoid, &me, 0) < 0)
			e = EPERM;
		else if (me.cred.euid != 0 && me.cred.ruid != owner.cred.ruid)
			e = EPERM;
	}
	if (e != 0) {
		__rm_ocb_put(ctp, o, 0);
		return e;
	}
	*op = o;
	return 0;
}

/*
 * _IO_DUP: binds the requester's connection to the original's OCB (after
 * the OCB's dup handler, if any, agrees). Returns the reply result.
 */
int __rm_dup(resmgr_context_t *ctp, io_dup_t *msg)
{
	dispatch_t *d = ctp->dpp;
	struct rm_ocb *o;
	int e = lookup_original(ctp, &msg->i.info, &o);

	if (e != 0)
		return e;
	int r = EOK;
	ctp->id = o->link_id;
	if (o->io != NULL && o->io->nfuncs >= 21 && o->io->dup != NULL) {
		r = o->io->dup(ctp, msg, o->ocb);
		if (r == _RESMGR_DEFAULT)
			r = EOK;
	}
	if (r == EOK) {
		__rm_lock(d);
		struct rm_ocb *stale = __rm_bind_remove(d, ctp->info.scoid, ctp->info.coid);
		if (stale == o)
			o->refs--; /* re-dup onto the same connection: keep one binding */
		e = __rm_bind_add(d, ctp->info.scoid, ctp->info.coid, o);
		__rm_unlock(d);
		if (stale != NULL && stale != o)
			__rm_ocb_put(ctp, stale, 1);
		r = e;
	}
	__rm_ocb_put(ctp, o, 0);
	return r;
}

/*
 * _IO_OPENFD: the OCB's openfd handler makes a new OCB (usually bound to
 * the requester with resmgr_open_bind()). Returns the reply result.
 */
int __rm_openfd(resmgr_context_t *ctp, io_openfd_t *msg)
{
	struct rm_ocb *o;
	int e = lookup_original(ctp, &msg->i.info, &o);

	if (e != 0)
		return e;
	int r = ENOSYS;
	ctp->id = o->link_id;
	struct rm_ctx *rc = RM_CTX(ctp);
	rc->cur = o; /* the new OCB inherits its path */
	if (o->io != NULL && o->io->nfuncs >= 13 && o->io->openfd != NULL)
		r = o->io->openfd(ctp, msg, o->ocb);
	rc->cur = NULL;
	if (r == _RESMGR_DEFAULT)
		r = ENOSYS;
	__rm_ocb_put(ctp, o, 0);
	return r;
}
