/*
 * server.c - taskman's message loop: a pool of threads receiving on
 * SYSMGR_CHID, each dispatching one request at a time.
 *
 * The pool starts with TM_POOL_MIN threads and grows (up to TM_POOL_MAX)
 * whenever the last idle thread takes a message, so a request that takes a
 * while (loading a large image) never stops the others from being served.
 * Handlers never block on another process (see taskman.h).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/iomsg.h>
#include <taskman/proc.h>
#include <taskman/taskman.h>

#define TM_RECV_BUF   2048
#define TM_POOL_MIN   2
#define TM_POOL_MAX   16
#define TM_POOL_STACK (128 * 1024)

static int tm_chid;
static int pool_threads; /* threads started (atomic) */
static int pool_idle;    /* threads waiting in MsgReceive (atomic) */

int tm_msg_fetch(struct tm_msg *m, size_t need)
{
	if (need <= m->len)
		return 0;
	if (m->info.srcmsglen < 0 || (size_t)m->info.srcmsglen < need)
		return -EINVAL;
	void *b = malloc(need);
	if (b == NULL)
		return -ENOMEM;
	long r = MsgRead_r(m->rcvid, b, need, 0);
	if (r < 0 || (size_t)r != need) {
		free(b);
		return r < 0 ? (int)r : -EFAULT;
	}
	free(m->heap);
	m->heap = b;
	m->buf = b;
	m->len = need;
	return 0;
}

/* See taskman.h. */
int tm_req_fixed(struct tm_msg *m, size_t size)
{
	const struct tm_hdr *h = m->buf;

	if (h->size < size) {
		tm_error(m->rcvid, EINVAL);
		return -1;
	}
	if (h->size > size) {
		tm_error(m->rcvid, EMSGSIZE);
		return -1;
	}
	int r = tm_msg_fetch(m, size);
	if (r < 0) {
		tm_error(m->rcvid, -r);
		return -1;
	}
	return 0;
}

/* See taskman.h. */
void tm_reply(rcvid_t rcvid, long status, const void *data, size_t len)
{
	MsgReply_r(rcvid, status, data, len);
}

/* See taskman.h. */
void tm_error(rcvid_t rcvid, int err)
{
	MsgError_r(rcvid, err);
}

/* See taskman.h. */
int tm_unblock_requested(rcvid_t rcvid)
{
	struct _msg_info info;

	return MsgInfo_r(rcvid, &info) == 0 && (info.flags & _NTO_MI_UNBLOCK_REQ);
}

/* Sends a TM_* request to its handler after the checks common to all. */
static void dispatch_tm(struct tm_msg *m, unsigned type)
{
	const struct tm_hdr *h = m->buf;

	if (m->len < sizeof(*h) || h->size < sizeof(*h)) {
		tm_error(m->rcvid, EINVAL);
		return;
	}
	if ((size_t)m->info.srcmsglen < h->size) {
		tm_error(m->rcvid, EINVAL); /* claims more than was sent */
		return;
	}
	switch (type) {
	case TM_SPAWN:
		tm_do_spawn(m);
		break;
	case TM_WAIT:
		tm_do_wait(m);
		break;
	case TM_SETPGID:
	case TM_GETPGID:
	case TM_SETSID:
	case TM_GETSID:
		tm_do_pgrp(m);
		break;
	case TM_SETCRED:
		tm_do_setcred(m);
		break;
	case TM_PATH_ATTACH:
	case TM_PATH_DETACH:
	case TM_PATH_LINK:
		tm_do_path(m);
		break;
	case TM_DAEMON:
	case TM_STARTED:
		tm_do_daemon(m);
		break;
	case TM_PROCLIST:
		tm_do_proclist(m);
		break;
	case TM_SHUTDOWN:
		tm_do_shutdown(m);
		break;
	case TM_SET_CTTY:
		tm_do_set_ctty(m);
		break;
	case TM_KILL:
		tm_do_kill(m);
		break;
	default:
		tm_error(m->rcvid, ENOSYS);
		break;
	}
}

/* Routes one message: TM_* requests, path resolution, or I/O on taskman's files. */
static void dispatch(struct tm_msg *m)
{
	if (m->len < sizeof(uint16_t)) {
		tm_error(m->rcvid, EINVAL);
		return;
	}
	uint16_t type;
	memcpy(&type, m->buf, sizeof(type));
	if (type >= _IO_BASE && type <= _IO_MAX) {
		if (m->info.coid != SYSMGR_COID)
			tm_do_io(m);
		else if (type == _IO_CONNECT)
			tm_do_resolve(m);
		else
			tm_error(m->rcvid, EBADF); /* SYSMGR_COID is not a file */
		return;
	}
	if (type == 0 || type > 0xff) {
		tm_error(m->rcvid, ENOSYS);
		return;
	}
	dispatch_tm(m, type);
}

static int pool_grow(void);

/* A pool thread: receive, dispatch, repeat. */
static void *worker(void *arg)
{
	_Alignas(16) char buf[TM_RECV_BUF];

	(void)arg;
	for (;;) {
		struct tm_msg m;
		memset(&m, 0, sizeof(m));
		rcvid_t rcvid = MsgReceive_r(tm_chid, buf, sizeof(buf), &m.info);
		if (rcvid < 0) {
			if (rcvid != -EINTR && rcvid != -ETIMEDOUT)
				tm_log("receive failed: error %d\n", (int)-rcvid);
			continue;
		}
		if (__atomic_sub_fetch(&pool_idle, 1, __ATOMIC_ACQ_REL) == 0)
			pool_grow();
		if (rcvid > 0) {
			m.rcvid = rcvid;
			m.buf = buf;
			m.len = m.info.msglen < 0 ? 0 : (size_t)m.info.msglen;
			if (m.len > sizeof(buf))
				m.len = sizeof(buf);
			dispatch(&m);
			free(m.heap);
		}
		if (rcvid == 0 && m.info.msglen >= (ssize_t)sizeof(struct _pulse)) {
			struct _pulse pl;
			memcpy(&pl, buf, sizeof(pl));
			if (pl.code == _PULSE_CODE_UNBLOCK || pl.code == _PULSE_CODE_UNBLOCK_TIMER)
				tm_unblock((rcvid_t)pl.value.sival_long);
		}
		__atomic_add_fetch(&pool_idle, 1, __ATOMIC_ACQ_REL);
	}
	return NULL;
}

/* Starts one more pool thread unless the pool is at its maximum. */
static int pool_grow(void)
{
	int n = __atomic_load_n(&pool_threads, __ATOMIC_ACQUIRE);

	do {
		if (n >= TM_POOL_MAX)
			return -EAGAIN;
	} while (!__atomic_compare_exchange_n(&pool_threads, &n, n + 1, 0, __ATOMIC_ACQ_REL,
	                                      __ATOMIC_ACQUIRE));
	struct _thread_attr attr;
	memset(&attr, 0, sizeof(attr));
	attr.__stacksize = TM_POOL_STACK;
	__atomic_add_fetch(&pool_idle, 1, __ATOMIC_ACQ_REL);
	int r = ThreadCreate_r(0, worker, NULL, &attr);
	if (r < 0) {
		__atomic_sub_fetch(&pool_idle, 1, __ATOMIC_ACQ_REL);
		__atomic_sub_fetch(&pool_threads, 1, __ATOMIC_ACQ_REL);
		tm_log("cannot start a server thread: error %d\n", -r);
		return r;
	}
	return 0;
}

/* See taskman.h. */
int tm_server_start(void)
{
	/* _NTO_CHF_UNBLOCK: a client interrupted while its request waits (a blocking
	   TM_WAIT) stays blocked until taskman answers the unblock pulse */
	int chid = ChannelCreate_r(_NTO_CHF_SENDER_LEN | _NTO_CHF_REPLY_LEN | _NTO_CHF_UNBLOCK);

	if (chid < 0)
		return chid;
	if (chid != SYSMGR_CHID) {
		tm_log("taskman's channel is %d, not SYSMGR_CHID\n", chid);
		return -EINVAL;
	}
	tm_chid = chid;
	for (int i = 0; i < TM_POOL_MIN; i++) {
		int r = pool_grow();
		if (r < 0)
			return r;
	}
	return 0;
}
