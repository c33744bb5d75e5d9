/*
 * sys/dispatch.h - the QNX dispatch layer: one receive loop for resource
 * manager messages, other messages, pulses and fd readiness, and the
 * thread pool that runs it (QNX C Library Reference: dispatch_create(),
 * message_attach(), pulse_attach(), select_attach(), thread_pool_create()).
 *
 * A dispatch handle owns a channel. Contexts (dispatch_context_t) hold one
 * thread's receive buffer and reply iov; dispatch_block() receives into a
 * context and dispatch_handler() calls the handler the message is for.
 * How it all works is in docs/resmgr.md.
 */
#ifndef _SYS_DISPATCH_H
#define _SYS_DISPATCH_H

#include <sys/cdefs.h>
#include <sys/types.h>
#include <stddef.h>
#include <stdint.h>
#include <pthread.h>
#include <sys/neutrino.h>

__BEGIN_DECLS

/* The dispatch handle (opaque). */
typedef struct _dispatch dispatch_t;

union _resmgr_iomsgs; /* <sys/resmgr.h>: every message a resource manager receives */

/*
 * One thread's context: what the last dispatch_block() received and what
 * the handler replies. resmgr_context_t, message_context_t and
 * select_context_t are the same structure. iov has nparts_max entries.
 */
typedef struct _resmgr_context {
	rcvid_t rcvid;             /* receive id; 0 for a pulse */
	struct _msg_info info;     /* who sent it */
	union _resmgr_iomsgs *msg; /* the receive buffer (msg_max_size bytes) */
	dispatch_t *dpp;           /* the dispatch handle */
	int id;                    /* resmgr link id, message_attach()/pulse code, or fd */
	unsigned tid;              /* reserved */
	size_t msg_max_size;       /* bytes of the receive buffer */
	long status;               /* reply status (_RESMGR_STATUS()) */
	size_t offset;             /* offset of the current message in a combined one */
	size_t size;               /* bytes of the received message in msg */
	iov_t iov[1];              /* reply parts (_RESMGR_NPARTS()) */
} resmgr_context_t;
typedef struct _resmgr_context message_context_t;
typedef struct _resmgr_context select_context_t;

typedef union _dispatch_context {
	resmgr_context_t resmgr_context;
	message_context_t message_context;
	select_context_t select_context;
} dispatch_context_t;

/* dispatch_create_channel() flags. */
#define DISPATCH_FLAG_NOLOCK 0x00000001u /* the caller serialises attach/detach itself */

dispatch_t *dispatch_create(void);
dispatch_t *dispatch_create_channel(int chid, unsigned flags);
int dispatch_destroy(dispatch_t *dpp);
dispatch_context_t *dispatch_context_alloc(dispatch_t *dpp);
void dispatch_context_free(dispatch_context_t *ctp);
dispatch_context_t *dispatch_block(dispatch_context_t *ctp);
int dispatch_handler(dispatch_context_t *ctp);
void dispatch_unblock(dispatch_context_t *ctp);
int dispatch_timeout(dispatch_t *dpp, struct timespec *reltime);

/* ---- messages and pulses ------------------------------------------------ */

typedef struct _message_attr {
	unsigned flags;      /* MSG_FLAG_* */
	unsigned nparts_max; /* reply parts the handlers need (0: default) */
	size_t msg_max_size; /* receive buffer bytes the handlers need (0: default) */
	unsigned reserved[4];
} message_attr_t;

#define MSG_FLAG_ALLOC_PULSE  0x00000001u /* pulse_attach(): allocate a free code */
#define MSG_FLAG_TYPE_PULSE   0x00000002u /* message_attach(): the range is pulse codes */
#define MSG_FLAG_DEFAULT_FUNC 0x00000100u /* message_attach(): handler for unmatched types */
#define MSG_FLAG_CROSS_ENDIAN 0x00000200u /* accepted, ignored (one endianness) */
#define MSG_FLAG_MATCH_PULSE  0x00000400u /* message_detach(): the range was pulses */
#define MSG_FLAG_SIDE_CHANNEL 0x00000800u /* message_connect(): a side-channel coid */

int message_attach(dispatch_t *dpp, message_attr_t *attr, int low, int high,
                   int (*func)(message_context_t *ctp, int code, unsigned flags, void *handle),
                   void *handle);
int message_detach(dispatch_t *dpp, int low, int high, int flags);
int message_connect(dispatch_t *dpp, int flags);
int pulse_attach(dispatch_t *dpp, int flags, int code,
                 int (*func)(message_context_t *ctp, int code, unsigned flags, void *handle),
                 void *handle);
int pulse_detach(dispatch_t *dpp, int code, int flags);

/* ---- fd readiness (select_attach) ---------------------------------------- */

typedef struct _select_attr {
	unsigned flags;
	unsigned reserved[3];
} select_attr_t;

#define SELECT_FLAG_READ      0x00000001u /* data to read */
#define SELECT_FLAG_WRITE     0x00000002u /* room to write */
#define SELECT_FLAG_EXCEPT    0x00000004u /* out-of-band data */
#define SELECT_FLAG_REARM     0x00000008u /* re-arm after each call of the handler */
#define SELECT_FLAG_SRVEXCEPT 0x00000010u /* the fd's server went away */

int select_attach(void *dpp, select_attr_t *attr, int fd, unsigned flags,
                  int (*func)(select_context_t *ctp, int fd, unsigned flags, void *handle),
                  void *handle);
int select_detach(void *dpp, int fd);
int select_query(select_context_t *ctp, int *fd, unsigned *flags);

/* ---- thread pools ------------------------------------------------------- */

#ifndef THREAD_POOL_HANDLE_T
#define THREAD_POOL_HANDLE_T dispatch_t
#endif
#ifndef THREAD_POOL_PARAM_T
#define THREAD_POOL_PARAM_T dispatch_context_t
#endif

typedef struct _thread_pool_attr {
	THREAD_POOL_HANDLE_T *handle;
	THREAD_POOL_PARAM_T *(*block_func)(THREAD_POOL_PARAM_T *ctp);
	void (*unblock_func)(THREAD_POOL_PARAM_T *ctp);
	int (*handler_func)(THREAD_POOL_PARAM_T *ctp);
	THREAD_POOL_PARAM_T *(*context_alloc)(THREAD_POOL_HANDLE_T *handle);
	void (*context_free)(THREAD_POOL_PARAM_T *ctp);
	pthread_attr_t *attr;     /* attributes of the pool's threads (NULL: defaults) */
	unsigned short lo_water;  /* fewer threads than this blocked: create more */
	unsigned short increment; /* how many to create then */
	unsigned short hi_water;  /* more threads than this blocked: the extra ones end */
	unsigned short maximum;   /* most threads in the pool */
	unsigned reserved[8];
} thread_pool_attr_t;

typedef struct _thread_pool thread_pool_t;

/* thread_pool_create() flags. */
#define POOL_FLAG_EXIT_SELF 0x00000001u /* thread_pool_start() ends the calling thread */
#define POOL_FLAG_USE_SELF  0x00000002u /* the calling thread joins the pool */

/* thread_pool_control() flags. */
#define THREAD_POOL_CONTROL_LOWATER   0x0001u
#define THREAD_POOL_CONTROL_HIWATER   0x0002u
#define THREAD_POOL_CONTROL_INCREMENT 0x0004u
#define THREAD_POOL_CONTROL_MAXIMUM   0x0008u
#define THREAD_POOL_CONTROL_NONBLOCK  0x0010u

thread_pool_t *thread_pool_create(thread_pool_attr_t *pool_attr, unsigned flags);
int thread_pool_start(void *pool);
int thread_pool_destroy(thread_pool_t *pool);
int thread_pool_control(thread_pool_t *pool, thread_pool_attr_t *attr, uint16_t lower,
                        uint16_t upper, unsigned flags);
int thread_pool_limits(thread_pool_t *pool, int lowater, int hiwater, int maximum, int increment,
                       unsigned flags);

/*
 * Names (QNX): a server attaches a name under /dev/name/local (or, with
 * NAME_FLAG_ATTACH_GLOBAL, /dev/name/global); clients name_open() it and
 * talk to the server's channel. Implemented in lib/c/process/name.c.
 */
#define NAME_FLAG_ATTACH_GLOBAL  0x00000002 /* attach a global name */
#define NAME_FLAG_DETACH_SAVEDPP 0x00000001 /* name_detach keeps the dispatch/channel */

typedef struct _name_attach {
	dispatch_t *dpp;
	int chid;
	int mntid;
	int zero[2];
} name_attach_t;

name_attach_t *name_attach(dispatch_t *dpp, const char *path, unsigned flags);
int name_detach(name_attach_t *attach, unsigned flags);
int name_open(const char *name, int flags);
int name_close(int fd);

__END_DECLS

#endif /* _SYS_DISPATCH_H */
