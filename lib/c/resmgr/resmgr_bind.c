/*
 * resmgr_bind.c - which OCB each client connection is bound to.
 *
 * A client connection is named by the pair (scoid, coid) the kernel puts
 * in every message: scoid identifies the client process's connection to
 * our channel, coid its descriptor. Bindings live in a hash table of the
 * dispatch handle. Several bindings may share one OCB (_IO_DUP: dup(),
 * inheritance across spawn); the OCB's close_ocb handler runs when the
 * last binding and the last running handler are gone.
 */
#include "rm_priv.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Bucket of (scoid, coid) in a table of n buckets (a power of two). */
static unsigned bucket(int scoid, int coid, unsigned n)
{
	uint32_t h = (uint32_t)scoid * 0x9e3779b1u ^ (uint32_t)coid * 0x85ebca77u;

	return (h ^ (h >> 15)) & (n - 1);
}

/* Doubles the hash table (d->lock held). Returns 0 or ENOMEM. */
static int grow(dispatch_t *d)
{
	unsigned n = d->nbuckets ? d->nbuckets * 2 : 64;
	struct rm_bind **t = calloc(n, sizeof(*t));

	if (t == NULL)
		return ENOMEM;
	for (unsigned b = 0; b < d->nbuckets; b++) {
		struct rm_bind *next;
		for (struct rm_bind *e = d->bhash[b]; e != NULL; e = next) {
			next = e->next;
			unsigned nb = bucket(e->scoid, e->coid, n);
			e->next = t[nb];
			t[nb] = e;
		}
	}
	free(d->bhash);
	d->bhash = t;
	d->nbuckets = n;
	return 0;
}

/* The binding of (scoid, coid), or NULL. d->lock held. */
struct rm_bind *__rm_bind_find(dispatch_t *d, int scoid, int coid)
{
	if (d->nbuckets == 0)
		return NULL;
	for (struct rm_bind *e = d->bhash[bucket(scoid, coid, d->nbuckets)]; e; e = e->next)
		if (e->scoid == scoid && e->coid == coid)
			return e;
	return NULL;
}

/*
 * Binds (scoid, coid) to o, taking a reference on o. The pair must not be
 * bound already. d->lock held. Returns 0 or ENOMEM.
 */
int __rm_bind_add(dispatch_t *d, int scoid, int coid, struct rm_ocb *o)
{
	if ((d->nbinds + 1 > 2 * d->nbuckets) && grow(d) != 0 && d->nbuckets == 0)
		return ENOMEM;
	struct rm_bind *e = malloc(sizeof(*e));
	if (e == NULL)
		return ENOMEM;
	unsigned b = bucket(scoid, coid, d->nbuckets);
	e->scoid = scoid;
	e->coid = coid;
	e->o = o;
	e->next = d->bhash[b];
	d->bhash[b] = e;
	d->nbinds++;
	o->refs++;
	return 0;
}

/*
 * Removes the binding of (scoid, coid) and returns its OCB, whose binding
 * reference the caller now owns (give it back with __rm_ocb_put(..., 1)),
 * or NULL if the pair was not bound. d->lock held.
 */
struct rm_ocb *__rm_bind_remove(dispatch_t *d, int scoid, int coid)
{
	if (d->nbuckets == 0)
		return NULL;
	for (struct rm_bind **pp = &d->bhash[bucket(scoid, coid, d->nbuckets)]; *pp;
	     pp = &(*pp)->next) {
		struct rm_bind *e = *pp;
		if (e->scoid == scoid && e->coid == coid) {
			struct rm_ocb *o = e->o;
			*pp = e->next;
			d->nbinds--;
			free(e);
			return o;
		}
	}
	return NULL;
}

/*
 * The OCB bound to (scoid, coid), marked busy so it cannot be closed under
 * the caller (give it back with __rm_ocb_put(..., 0)), or NULL. Takes d->lock.
 */
struct rm_ocb *__rm_ocb_get(dispatch_t *d, int scoid, int coid)
{
	__rm_lock(d);
	struct rm_bind *e = __rm_bind_find(d, scoid, coid);
	struct rm_ocb *o = e ? e->o : NULL;
	if (o != NULL)
		o->busy++;
	__rm_unlock(d);
	return o;
}

/*
 * Gives back a busy mark (drop_ref 0) or a binding reference (drop_ref 1)
 * on o. If that was the last, calls the OCB's close_ocb handler with ctp
 * and frees the library's record. Takes d->lock (not held on entry).
 */
void __rm_ocb_put(resmgr_context_t *ctp, struct rm_ocb *o, int drop_ref)
{
	dispatch_t *d = ctp->dpp;

	__rm_lock(d);
	if (drop_ref)
		o->refs--;
	else
		o->busy--;
	int last = o->refs == 0 && o->busy == 0;
	__rm_unlock(d);
	if (!last)
		return;
	const resmgr_io_funcs_t *io = o->io;
	if (io != NULL && io->nfuncs >= 3 && io->close_ocb != NULL) {
		int saved = ctp->id;
		ctp->id = o->link_id;
		io->close_ocb(ctp, NULL, o->ocb);
		ctp->id = saved;
	}
	free(o->path);
	free(o);
}

/*
 * The client connection scoid is gone (disconnect pulse): every binding of
 * it goes, OCBs whose last binding that was are closed, and the scoid is
 * released with ConnectDetach().
 */
void __rm_scoid_gone(resmgr_context_t *ctp, int scoid)
{
	dispatch_t *d = ctp->dpp;

	for (;;) {
		struct rm_ocb *o = NULL;
		int coid = -1;
		__rm_lock(d);
		for (unsigned b = 0; b < d->nbuckets && o == NULL; b++)
			for (struct rm_bind *e = d->bhash[b]; e != NULL; e = e->next)
				if (e->scoid == scoid) {
					coid = e->coid;
					o = __rm_bind_remove(d, scoid, coid);
					break;
				}
		__rm_unlock(d);
		if (o == NULL)
			break;
		ctp->info.scoid = scoid;
		ctp->info.coid = coid;
		__rm_ocb_put(ctp, o, 1);
	}
	__iofunc_lock_scoid_gone(scoid); /* its record locks, wherever they are */
	ConnectDetach(scoid | (int)_NTO_CONNECTION_SCOID);
}

/*
 * Binds the connection of the message being handled to ocb, with the I/O
 * handlers iofuncs (NULL: those of the link the open came through). A
 * stale binding of the same connection is dropped first. Returns 0, or -1
 * with errno ENOMEM.
 */
int resmgr_open_bind(resmgr_context_t *ctp, RESMGR_OCB_T *ocb, const resmgr_io_funcs_t *iofuncs)
{
	dispatch_t *d = ctp->dpp;
	struct rm_ocb *o = calloc(1, sizeof(*o));

	if (o == NULL) {
		errno = ENOMEM;
		return -1;
	}
	o->ocb = ocb;
	o->link_id = ctp->id;
	struct rm_ctx *rc = RM_CTX(ctp);
	const char *path = rc->open_path ? rc->open_path : rc->cur ? rc->cur->path : NULL;
	if (path != NULL && (o->path = strdup(path)) == NULL) {
		free(o);
		errno = ENOMEM;
		return -1;
	}
	__rm_lock(d);
	if (iofuncs == NULL && ctp->id >= 0 && ctp->id < d->nlinks && d->links[ctp->id] != NULL)
		iofuncs = d->links[ctp->id]->io;
	o->io = iofuncs;
	struct rm_ocb *stale = __rm_bind_remove(d, ctp->info.scoid, ctp->info.coid);
	int r = __rm_bind_add(d, ctp->info.scoid, ctp->info.coid, o);
	__rm_unlock(d);
	if (stale != NULL)
		__rm_ocb_put(ctp, stale, 1);
	if (r != 0) {
		free(o->path);
		free(o);
		errno = r;
		return -1;
	}
	return 0;
}

/*
 * Copies the absolute path the OCB of the current message was opened by
 * into buf (n bytes, NUL-terminated, cut if longer). Returns the path's
 * full length, 0 if unknown.
 */
size_t __rm_ocb_path(resmgr_context_t *ctp, char *buf, size_t n)
{
	struct rm_ctx *rc = RM_CTX(ctp);
	const char *p = rc->cur ? rc->cur->path : NULL;

	if (n > 0)
		buf[0] = 0;
	if (p == NULL)
		return 0;
	size_t len = strlen(p);
	if (n > 0) {
		size_t k = len < n - 1 ? len : n - 1;
		memcpy(buf, p, k);
		buf[k] = 0;
	}
	return len;
}

/* The OCB bound to the connection of the message being handled, or NULL. */
RESMGR_OCB_T *resmgr_ocb(resmgr_context_t *ctp)
{
	struct rm_ctx *rc = RM_CTX(ctp);

	if (rc->cur != NULL)
		return rc->cur->ocb;
	__rm_lock(ctp->dpp);
	struct rm_bind *e = __rm_bind_find(ctp->dpp, ctp->info.scoid, ctp->info.coid);
	void *ocb = e ? e->o->ocb : NULL;
	__rm_unlock(ctp->dpp);
	return ocb;
}

/* The I/O handlers of the connection of the message being handled, or NULL. */
const resmgr_io_funcs_t *resmgr_iofuncs(resmgr_context_t *ctp)
{
	__rm_lock(ctp->dpp);
	struct rm_bind *e = __rm_bind_find(ctp->dpp, ctp->info.scoid, ctp->info.coid);
	const resmgr_io_funcs_t *io = e ? e->o->io : NULL;
	__rm_unlock(ctp->dpp);
	return io;
}

/*
 * Removes the binding of the connection of the message being handled,
 * without calling close_ocb (the caller owns the OCB now). Returns 0, or
 * -1 with errno EINVAL if it was not bound.
 */
int resmgr_unbind(resmgr_context_t *ctp)
{
	dispatch_t *d = ctp->dpp;

	__rm_lock(d);
	struct rm_ocb *o = __rm_bind_remove(d, ctp->info.scoid, ctp->info.coid);
	int gone = 0;
	if (o != NULL) {
		o->refs--;
		if (o->refs == 0 && o->busy == 0)
			gone = 1;
		else if (o->refs == 0)
			o->io = NULL; /* the running handler's put must not close it */
	}
	__rm_unlock(d);
	if (o == NULL) {
		errno = EINVAL;
		return -1;
	}
	if (gone) {
		free(o->path);
		free(o);
	}
	return 0;
}
