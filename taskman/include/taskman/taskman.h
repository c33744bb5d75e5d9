/*
 * taskman.h - taskman's internal interfaces (kernel independent): logging,
 * locks, the message loop and the request handlers it dispatches to.
 *
 * Lock order (a thread holding one lock may take only locks to its right):
 *   lib cache -> proc table -> path tree -> OCB table -> OCB -> shm -> log
 * No lock is ever held across anything that can block on another process:
 * taskman's kernel calls never wait for a server (MsgReply and MsgError
 * only copy to a REPLY-blocked client, so they may be made under a lock),
 * and a request that must wait (a blocking TM_WAIT, a held TM_SPAWN) keeps
 * its rcvid and is answered later (deferred reply).
 */
#ifndef TASKMAN_TASKMAN_H
#define TASKMAN_TASKMAN_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/neutrino.h>
#include <qsoe/syncfast.h>
#include <qsoe/taskman.h>

#define TM_PAGE          4096UL
#define TM_ALIGN_DOWN(x) ((x) & ~(TM_PAGE - 1))
#define TM_ALIGN_UP(x)   TM_ALIGN_DOWN((x) + TM_PAGE - 1)

#define TM_STACK_SIZE    (256 * 1024) /* main-thread stack of a spawned program */
#define TM_DEFAULT_PRIO  10
#define TM_PATH_MAX      1024 /* PATH_MAX, with the NUL */
#define TM_NAME_MAX      255  /* NAME_MAX */

/* ---- log.c ---------------------------------------------------------------- */

/* Formatted output on the console, prefixed "taskman: "; whole lines, thread safe. */
void tm_log(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A broken internal invariant: says so and powers off with status 70. */
__attribute__((noreturn)) void tm_panic(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- locks: QNX mutexes (<qsoe/syncfast.h>), kernel slow path --------------- */
typedef struct {
	sync_t s;
} tm_lock_t;

#define TM_LOCK_INIT                                                   \
	{                                                              \
		{                                                      \
			{_NTO_SYNC_NONRECURSIVE}, _NTO_SYNC_MUTEX_FREE \
		}                                                      \
	}

static inline void tm_lock_init(tm_lock_t *l)
{
	l->s.__u.__count = _NTO_SYNC_NONRECURSIVE;
	l->s.__owner = _NTO_SYNC_MUTEX_FREE;
}

/* Takes l (not recursive). */
static inline void tm_lock(tm_lock_t *l)
{
	int r = __qsoe_mutex_lock(&l->s);
	if (r != 0)
		tm_panic("lock %p failed: error %d", (void *)l, r);
}

/* Releases l, which the caller holds. */
static inline void tm_unlock(tm_lock_t *l)
{
	int r = __qsoe_mutex_unlock(&l->s);
	if (r != 0)
		tm_panic("unlock %p failed: error %d", (void *)l, r);
}

/* ---- server.c: the message loop ---------------------------------------------- */

/* One received message, as the handlers see it. */
struct tm_msg {
	rcvid_t rcvid;
	struct _msg_info info; /* sender, lengths (srcmsglen, dstmsglen) */
	void *buf;             /* the message (at least len bytes) */
	size_t len;            /* bytes of it in buf */
	void *heap;            /* buf, when tm_msg_fetch had to allocate it */
};

/*
 * Checks that a TM_* request is exactly 'size' bytes (hdr.size) and has
 * all of them in m->buf. On failure replies EINVAL (shorter) or EMSGSIZE
 * (longer) and returns -1; else 0.
 */
int tm_req_fixed(struct tm_msg *m, size_t size);

/* The sender's process and, for fd messages, its connection. */
static inline pid_t tm_sender(const struct tm_msg *m)
{
	return m->info.pid;
}

/*
 * Makes sure the first 'need' bytes of the message are in m->buf, reading
 * the rest from the client into a heap buffer if the receive buffer was too
 * small (freed by the loop). Returns 0, -EINVAL if the client sent fewer,
 * -ENOMEM or -EFAULT.
 */
int tm_msg_fetch(struct tm_msg *m, size_t need);

/* Replies status with len bytes of data; errors (a dead client) are ignored. */
void tm_reply(rcvid_t rcvid, long status, const void *data, size_t len);

/* Replies with an errno (positive). */
void tm_error(rcvid_t rcvid, int err);

/*
 * True if the client of rcvid (still REPLY-blocked) has asked to unblock
 * (_NTO_MI_UNBLOCK_REQ): a request kept for later checks this after it is
 * recorded, since the unblock pulse may have been handled before.
 */
int tm_unblock_requested(rcvid_t rcvid);

/*
 * Creates taskman's channel (it must be the first: SYSMGR_CHID) and starts
 * the pool of receiving threads. Returns 0 or a negative errno.
 */
int tm_server_start(void);

/* ---- request handlers (each replies or keeps the rcvid for later) ----------- */
void tm_do_spawn(struct tm_msg *m);    /* spawn.c */
void tm_do_wait(struct tm_msg *m);     /* wait.c */
void tm_do_pgrp(struct tm_msg *m);     /* pgrp.c: SETPGID, GETPGID, SETSID, GETSID */
void tm_do_set_ctty(struct tm_msg *m); /* pgrp.c */
void tm_do_setcred(struct tm_msg *m);  /* cred.c */
void tm_do_kill(struct tm_msg *m);     /* kill.c */
void tm_do_daemon(struct tm_msg *m);   /* proc.c: TM_DAEMON and TM_STARTED */
void tm_do_proclist(struct tm_msg *m); /* proclist.c */
void tm_do_shutdown(struct tm_msg *m); /* proclist.c */
void tm_do_path(struct tm_msg *m);     /* pathreq.c: ATTACH, DETACH, LINK */
void tm_do_resolve(struct tm_msg *m);  /* pathreq.c: _IO_CONNECT on SYSMGR_COID */
void tm_do_io(struct tm_msg *m);       /* io.c: _IO_* to taskman's own files */

/* ---- boot hooks (per kernel: taskman/<kernel>/boot.c) ------------------------ */

/* A process taskman itself started (run=, spawnloop=, init) ended. */
void tm_boot_child_ended(pid_t pid, int status);

#endif
