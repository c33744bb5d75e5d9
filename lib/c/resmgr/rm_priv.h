/*
 * rm_priv.h - private structures of the dispatch / resource-manager /
 * iofunc library (lib/c/resmgr). Not installed.
 *
 * Locking: a dispatch handle's tables (links, bindings, message and pulse
 * handlers, selects) are protected by its lock `d->lock`, held only for
 * table updates and lookups, never while a handler runs. An OCB known to
 * the library (struct rm_ocb) stays alive while a binding or a running
 * handler holds it (refs + busy); whoever drops the last of them calls the
 * OCB's close_ocb handler (outside the lock).
 */
#ifndef QSOE_RM_PRIV_H
#define QSOE_RM_PRIV_H

#include <sys/iofunc.h>
#include <sys/dispatch.h>
#include <stddef.h>
#include <errno.h>
#include <stdint.h>
#include <unistd.h>

#define RM_MSG_MIN       2048u  /* smallest receive buffer of a context */
#define RM_NPARTS_MIN    4u     /* smallest reply iov of a context */
#define RM_CONNECT_MAX   65536u /* largest connect message (path + extra) accepted */
#define RM_COMBINE_ALIGN 8u     /* a combined message starts at a multiple of 8 bytes */

/* A resmgr_attach()ed link (path or unnamed). */
struct rm_link {
	int id;
	int tm_id;      /* taskman's attach id; -1 without a path */
	unsigned flags; /* _RESMGR_FLAG_* */
	int file_type;  /* _FTYPE_* */
	char *path;     /* absolute path (NULL: unnamed) */
	const resmgr_connect_funcs_t *connect;
	const resmgr_io_funcs_t *io;
	void *handle;
	int (*other_func)(resmgr_context_t *ctp, void *msg);
	int detached; /* no new opens; existing OCBs go on */
};

/* An OCB the library knows (bound to one or more client connections). */
struct rm_ocb {
	void *ocb;
	const resmgr_io_funcs_t *io;
	int link_id;
	unsigned refs; /* bindings */
	unsigned busy; /* handlers running on it */
	char *path;    /* the absolute path it was opened by (NULL: unknown) */
};

/* One client connection (scoid, coid) bound to an OCB. */
struct rm_bind {
	struct rm_bind *next;
	int scoid;
	int coid;
	struct rm_ocb *o;
};

/* A message_attach() range or a pulse_attach() code. */
struct rm_msgh {
	int low, high;
	unsigned flags; /* MSG_FLAG_TYPE_PULSE, MSG_FLAG_DEFAULT_FUNC */
	int (*func)(message_context_t *ctp, int code, unsigned flags, void *handle);
	void *handle;
};

/* A select_attach()ed descriptor. */
struct rm_select {
	int fd;
	unsigned flags; /* SELECT_FLAG_* asked for */
	int code;       /* the pulse code its notification comes with */
	int (*func)(select_context_t *ctp, int fd, unsigned flags, void *handle);
	void *handle;
};

struct _dispatch {
	int chid;
	int own_chid; /* the channel was created by dispatch_create() */
	unsigned flags;
	pthread_mutex_t lock;
	size_t msg_max_size;
	unsigned nparts_max;
	int self_coid;       /* message_connect(); -1 until needed */
	int resmgr;          /* a link was attached */
	uint64_t timeout_ns; /* dispatch_timeout(); 0: none */
	/* links, indexed by id */
	struct rm_link **links;
	int nlinks;
	/* bindings, hashed by (scoid, coid) */
	struct rm_bind **bhash;
	unsigned nbuckets;
	unsigned nbinds;
	/* message and pulse handlers */
	struct rm_msgh *msgh;
	int nmsgh;
	uint64_t codes_used[2]; /* pulse codes 0..127 taken by pulse_attach() */
	/* select_attach() */
	struct rm_select *sel;
	int nsel;
};

/* A context with the library's own fields in front of the public part. */
struct rm_ctx {
	unsigned nparts; /* entries of ctp.iov */
	void *bigbuf;    /* a larger receive buffer for the current message (or NULL) */
	void *defbuf;    /* the context's own receive buffer */
	size_t defsize;
	struct rm_ocb *cur;   /* the OCB of the message being handled */
	char *open_path;      /* during a connect message: the absolute path opened */
	resmgr_context_t ctp; /* last: its iov array continues beyond the struct */
};

#define RM_CTX(c) ((struct rm_ctx *)((char *)(c)-offsetof(struct rm_ctx, ctp)))

/* dispatch.c */
int __rm_lock(dispatch_t *d);
void __rm_unlock(dispatch_t *d);
void __rm_reply(resmgr_context_t *ctp, int r);
void __rm_grow_sizes(dispatch_t *d, size_t msg_max_size, unsigned nparts_max);

/* resmgr_bind.c (d->lock held unless noted) */
struct rm_bind *__rm_bind_find(dispatch_t *d, int scoid, int coid);
int __rm_bind_add(dispatch_t *d, int scoid, int coid, struct rm_ocb *o);
struct rm_ocb *__rm_bind_remove(dispatch_t *d, int scoid, int coid);
struct rm_ocb *__rm_ocb_get(dispatch_t *d, int scoid, int coid);
void __rm_ocb_put(resmgr_context_t *ctp, struct rm_ocb *o, int drop_ref);
void __rm_scoid_gone(resmgr_context_t *ctp, int scoid);

/* Record locks (iofunc_lock.c): release on close, on disconnect, on unblock. */
void __iofunc_lock_release(const iofunc_attr_t *attr, pid_t pid);
void __iofunc_lock_scoid_gone(int scoid);
int __iofunc_lock_unblock(rcvid_t rcvid);

/*
 * The offset whence (SEEK_SET, SEEK_CUR, SEEK_END) counts from for ocb, an
 * open file of attr (lseek and record locks). Returns 0, or EINVAL for an
 * unknown whence.
 */
static inline int __iofunc_whence_base(int whence, const iofunc_ocb_t *ocb,
                                       const iofunc_attr_t *attr, int64_t *base)
{
	switch (whence) {
	case SEEK_SET:
		*base = 0;
		return 0;
	case SEEK_CUR:
		*base = ocb->offset;
		return 0;
	case SEEK_END:
		*base = (int64_t)attr->nbytes;
		return 0;
	default:
		return EINVAL;
	}
}
size_t __rm_ocb_path(resmgr_context_t *ctp, char *buf, size_t n);

/* resmgr_handler.c */
int __rm_connect(resmgr_context_t *ctp);
int __rm_io(resmgr_context_t *ctp);
void __rm_unblock(resmgr_context_t *ctp, rcvid_t rcvid);

/* resmgr_dup.c */
int __rm_dup(resmgr_context_t *ctp, io_dup_t *msg);
int __rm_openfd(resmgr_context_t *ctp, io_openfd_t *msg);

/* message.c */
int __rm_message(resmgr_context_t *ctp, int type);
int __rm_pulse(resmgr_context_t *ctp);

#endif /* QSOE_RM_PRIV_H */
