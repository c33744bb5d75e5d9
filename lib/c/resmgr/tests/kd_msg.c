/*
 * kd_msg.c - kernel double, message passing: MsgSend/Receive/Reply/Read/
 * Write, pulses (including _PULSE_CODE_UNBLOCK), MsgDeliverEvent,
 * TimerTimeout and signals (counted), all inside one test program. The
 * shared state and helpers are in kd_priv.h; channels, connections and
 * taskman's requests in kd_conn.c.
 *
 * One global lock and one condition variable (broadcast on every change)
 * keep it simple; speed does not matter here. Semantics follow Skimmer's
 * (kernel/ipc): rcvid = scoid << 32 | slot << 12 | generation.
 */
#define _GNU_SOURCE
#include "kd_priv.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

_Static_assert(sizeof(struct q_msg_info) == 64, "_msg_info layout");
_Static_assert(sizeof(struct q_client_info) == 76, "_client_info layout");
_Static_assert(sizeof(struct q_pulse) == 24, "_pulse layout");
_Static_assert(sizeof(struct q_sigevent) == 32, "sigevent layout");

pthread_mutex_t G = PTHREAD_MUTEX_INITIALIZER;
pthread_cond_t Gcv;
static pthread_once_t once = PTHREAD_ONCE_INIT;
struct kchan chans[NCHAN];
struct kconn conns[NCONN];
struct kscoid scoids[NSCOID];
struct kmsg *pend[NPEND];
unsigned gen;
struct kproc procs[NPROC];

/* Path attaches (taskman's TM_PATH_ATTACH), for kd_resolve(). */
struct kpath paths[NPATH];

static void init_once(void)
{
	pthread_condattr_t a;
	pthread_condattr_init(&a);
	pthread_condattr_setclock(&a, CLOCK_MONOTONIC);
	pthread_cond_init(&Gcv, &a);
	pthread_condattr_destroy(&a);
}

void kd_lock(void)
{
	pthread_once(&once, init_once);
	pthread_mutex_lock(&G);
}

void kd_unlock(void)
{
	pthread_cond_broadcast(&Gcv);
	pthread_mutex_unlock(&G);
}

/* Waits for a change; deadline (monotonic ns) or 0. Returns 1 on timeout. */
int kd_wait_until(int64_t deadline)
{
	pthread_cond_broadcast(&Gcv); /* whatever the caller changed is seen by the others */
	if (deadline == 0) {
		pthread_cond_wait(&Gcv, &G);
		return 0;
	}
	if (kd_now() >= deadline)
		return 1;
	struct timespec ts = {deadline / 1000000000, deadline % 1000000000};
	pthread_cond_timedwait(&Gcv, &G, &ts);
	return kd_now() >= deadline;
}

/* The process record of pid (created on first use). G held. */
struct kproc *kd_proc(int pid)
{
	for (int i = 0; i < NPROC; i++)
		if (procs[i].pid == pid)
			return &procs[i];
	for (int i = 0; i < NPROC; i++)
		if (procs[i].pid == 0) {
			memset(&procs[i], 0, sizeof(procs[i]));
			procs[i].pid = pid;
			return &procs[i];
		}
	return &procs[0];
}

/* Consumes the thread's TimerTimeout for a blocking state; returns a deadline or 0. */
int64_t kd_take_timeout(uint32_t state)
{
	if (!kd_tmo_set || !(kd_tmo_flags & state))
		return 0;
	kd_tmo_set = 0;
	if (kd_tmo_flags & TMO_NO_WAIT)
		return 1;
	return kd_now() + (kd_tmo_ns > 0 ? kd_tmo_ns : 1);
}

struct kconn *kd_conn_of(int pid, int coid)
{
	for (int i = 0; i < NCONN; i++)
		if (conns[i].used && conns[i].pid == pid && conns[i].coid == coid)
			return &conns[i];
	return NULL;
}

void kd_queue_pulse(int chid, int code, long value, int scoid)
{
	struct kpulse *p = calloc(1, sizeof(*p)), **pp;

	if (p == NULL || chid <= 0 || chid >= NCHAN || !chans[chid].used) {
		free(p);
		return;
	}
	p->code = code;
	p->value = value;
	p->scoid = scoid;
	for (pp = &chans[chid].pulseq; *pp; pp = &(*pp)->next)
		;
	*pp = p;
}

size_t kd_iov_total(const struct q_iov *v, size_t n)
{
	size_t t = 0;
	for (size_t i = 0; i < n; i++)
		t += v[i].len;
	return t;
}

/* Copies up to max bytes from src (at soff) to dst (at doff). Returns bytes copied. */
size_t kd_iov_copy(const struct q_iov *dst, size_t dn, size_t doff, const struct q_iov *src,
                   size_t sn, size_t soff, size_t max)
{
	size_t done = 0, di = 0, si = 0;

	while (di < dn && doff >= dst[di].len)
		doff -= dst[di++].len;
	while (si < sn && soff >= src[si].len)
		soff -= src[si++].len;
	while (done < max && di < dn && si < sn) {
		size_t n = dst[di].len - doff;
		if (src[si].len - soff < n)
			n = src[si].len - soff;
		if (max - done < n)
			n = max - done;
		memcpy((char *)dst[di].base + doff, (const char *)src[si].base + soff, n);
		done += n;
		doff += n;
		soff += n;
		if (doff == dst[di].len) {
			di++;
			doff = 0;
		}
		if (soff == src[si].len) {
			si++;
			soff = 0;
		}
	}
	return done;
}

struct kmsg *kd_pending(int64_t rcvid)
{
	unsigned slot = (unsigned)((rcvid >> 12) & 0xfffff);

	if (rcvid <= 0 || slot >= NPEND || pend[slot] == NULL || pend[slot]->rcvid != rcvid)
		return NULL;
	return pend[slot];
}

void kd_finish(struct kmsg *m, long status, int err)
{
	unsigned slot = (unsigned)((m->rcvid >> 12) & 0xfffff);

	if (m->state == RECEIVED && slot < NPEND && pend[slot] == m)
		pend[slot] = NULL;
	m->status = status;
	m->err = err;
	m->state = DONE;
}

/* ---- messages ---- */

static long send_common(int coid, const struct q_iov *siov, size_t sparts, const struct q_iov *riov,
                        size_t rparts)
{
	if (coid == Q_SIDE_CHANNEL) /* SYSMGR_COID: taskman */
		return kd_taskman(siov, sparts);
	kd_lock();
	struct kconn *k = kd_conn_of(kd_pid, coid);
	if (k == NULL || !chans[k->chid].used || chans[k->chid].dead) {
		kd_unlock();
		return -QE_BADF;
	}
	struct kmsg m = {0};
	m.state = QUEUED;
	m.pid = kd_pid;
	m.tid = kd_tid;
	m.coid = coid;
	m.scoid = k->scoid;
	m.chid = k->chid;
	m.siov = siov;
	m.sparts = sparts;
	m.slen = kd_iov_total(siov, sparts);
	m.riov = riov;
	m.rparts = rparts;
	m.rlen = kd_iov_total(riov, rparts);
	struct kmsg **pp;
	for (pp = &chans[k->chid].sendq; *pp; pp = &(*pp)->next)
		;
	*pp = &m;
	int64_t deadline = kd_take_timeout(TMO_SEND | TMO_REPLY);
	while (m.state != DONE) {
		if (!kd_wait_until(deadline))
			continue;
		deadline = 0;
		if (m.state == QUEUED) {
			for (pp = &chans[m.chid].sendq; *pp && *pp != &m; pp = &(*pp)->next)
				;
			if (*pp)
				*pp = m.next;
			kd_finish(&m, -1, QE_TIMEDOUT);
		} else if (m.state == RECEIVED && (chans[m.chid].flags & CHF_UNBLOCK)) {
			m.unblock_req = 1;
			kd_queue_pulse(m.chid, PULSE_UNBLOCK, (long)m.rcvid, m.scoid);
			pthread_cond_broadcast(&Gcv);
		} else if (m.state == RECEIVED) {
			kd_finish(&m, -1, QE_TIMEDOUT);
		}
	}
	kd_unlock();
	return m.err ? -m.err : m.status;
}

long q_MsgSendv_r(int coid, const struct q_iov *s, size_t sp, const struct q_iov *r, size_t rp)
{
	return send_common(coid, s, sp, r, rp);
}

long q_MsgSendv(int coid, const struct q_iov *s, size_t sp, const struct q_iov *r, size_t rp)
{
	long v = send_common(coid, s, sp, r, rp);
	return v < 0 ? kd_fail((int)-v) : v;
}

/* The nc forms: the double has no thread cancellation, so they are the plain sends. */
long q_MsgSendvnc_r(int coid, const struct q_iov *s, size_t sp, const struct q_iov *r, size_t rp)
{
	return send_common(coid, s, sp, r, rp);
}

long q_MsgSendnc_r(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes)
{
	struct q_iov s = {(void *)smsg, sbytes}, r = {rmsg, rbytes};
	return send_common(coid, &s, 1, &r, 1);
}

long q_MsgSend_r(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes)
{
	struct q_iov s = {(void *)smsg, sbytes}, r = {rmsg, rbytes};
	return send_common(coid, &s, 1, &r, 1);
}

long q_MsgSend(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes)
{
	long v = q_MsgSend_r(coid, smsg, sbytes, rmsg, rbytes);
	return v < 0 ? kd_fail((int)-v) : v;
}

long q_MsgSendvs(int coid, const struct q_iov *s, size_t sp, void *rmsg, size_t rbytes)
{
	struct q_iov r = {rmsg, rbytes};
	long v = send_common(coid, s, sp, &r, 1);
	return v < 0 ? kd_fail((int)-v) : v;
}

long q_MsgSendsv(int coid, const void *smsg, size_t sbytes, const struct q_iov *r, size_t rp)
{
	struct q_iov s = {(void *)smsg, sbytes};
	long v = send_common(coid, &s, 1, r, rp);
	return v < 0 ? kd_fail((int)-v) : v;
}

int64_t q_MsgReceivev(int chid, const struct q_iov *riov, size_t rparts, struct q_msg_info *info)
{
	kd_lock();
	int64_t deadline = kd_take_timeout(TMO_RECEIVE);
	for (;;) {
		struct kchan *c = chid > 0 && chid < NCHAN ? &chans[chid] : NULL;
		if (c == NULL || !c->used || c->pid != kd_pid) {
			kd_unlock();
			return kd_fail(QE_INVAL);
		}
		if (c->pulseq) {
			struct kpulse *p = c->pulseq;
			c->pulseq = p->next;
			struct q_pulse pl = {0};
			pl.code = (int8_t)p->code;
			pl.value = p->value;
			pl.scoid = p->scoid;
			struct q_iov s = {&pl, sizeof(pl)};
			kd_iov_copy(riov, rparts, 0, &s, 1, 0, sizeof(pl));
			if (info) {
				memset(info, 0, sizeof(*info));
				info->chid = chid;
				info->scoid = p->scoid;
				info->msglen = sizeof(pl);
			}
			free(p);
			kd_unlock();
			return 0;
		}
		if (c->sendq) {
			struct kmsg *m = c->sendq;
			unsigned slot;
			for (slot = 1; slot < NPEND && pend[slot]; slot++)
				;
			if (slot == NPEND) {
				kd_unlock();
				return kd_fail(QE_AGAIN);
			}
			c->sendq = m->next;
			m->rcvid =
			        ((int64_t)m->scoid << 32) | ((int64_t)slot << 12) | (++gen & 0xfff);
			pend[slot] = m;
			m->state = RECEIVED;
			size_t n = kd_iov_copy(riov, rparts, 0, m->siov, m->sparts, 0, m->slen);
			if (info) {
				memset(info, 0, sizeof(*info));
				info->pid = m->pid;
				info->tid = m->tid;
				info->chid = chid;
				info->scoid = m->scoid;
				info->coid = m->coid;
				info->priority = 10;
				info->flags = 0x1000;
				info->msglen = (int64_t)n;
				info->srcmsglen =
				        (c->flags & CHF_SENDER_LEN) ? (int64_t)m->slen : (int64_t)n;
				info->dstmsglen = (c->flags & CHF_REPLY_LEN) ? (int64_t)m->rlen : 0;
			}
			int64_t r = m->rcvid;
			kd_unlock();
			return r;
		}
		if (kd_wait_until(deadline)) {
			kd_unlock();
			return kd_fail(QE_TIMEDOUT);
		}
	}
}

int64_t q_MsgReceive(int chid, void *msg, size_t bytes, struct q_msg_info *info)
{
	struct q_iov r = {msg, bytes};
	return q_MsgReceivev(chid, &r, 1, info);
}

int q_MsgReplyv(int64_t rcvid, long status, const struct q_iov *iov, size_t parts)
{
	kd_lock();
	struct kmsg *m = kd_pending(rcvid);
	if (m == NULL) {
		kd_unlock();
		return kd_fail(QE_SRCH);
	}
	kd_iov_copy(m->riov, m->rparts, 0, iov, parts, 0, kd_iov_total(iov, parts));
	kd_finish(m, status, 0);
	kd_unlock();
	return 0;
}

int q_MsgReply(int64_t rcvid, long status, const void *msg, size_t bytes)
{
	struct q_iov r = {(void *)msg, bytes};
	return q_MsgReplyv(rcvid, status, &r, 1);
}

int q_MsgError(int64_t rcvid, int err)
{
	kd_lock();
	struct kmsg *m = kd_pending(rcvid);
	if (m == NULL) {
		kd_unlock();
		return kd_fail(QE_SRCH);
	}
	kd_finish(m, -1, err);
	kd_unlock();
	return 0;
}

long q_MsgReadv(int64_t rcvid, const struct q_iov *iov, size_t parts, size_t offset)
{
	kd_lock();
	struct kmsg *m = kd_pending(rcvid);
	if (m == NULL) {
		kd_unlock();
		return kd_fail(QE_SRCH);
	}
	size_t n = offset >= m->slen ? 0
	                             : kd_iov_copy(iov, parts, 0, m->siov, m->sparts, offset,
	                                           kd_iov_total(iov, parts));
	kd_unlock();
	return (long)n;
}

long q_MsgRead(int64_t rcvid, void *msg, size_t bytes, size_t offset)
{
	struct q_iov r = {msg, bytes};
	return q_MsgReadv(rcvid, &r, 1, offset);
}

long q_MsgWritev(int64_t rcvid, const struct q_iov *iov, size_t parts, size_t offset)
{
	kd_lock();
	struct kmsg *m = kd_pending(rcvid);
	if (m == NULL) {
		kd_unlock();
		return kd_fail(QE_SRCH);
	}
	size_t n = offset >= m->rlen ? 0
	                             : kd_iov_copy(m->riov, m->rparts, offset, iov, parts, 0,
	                                           kd_iov_total(iov, parts));
	kd_unlock();
	return (long)n;
}

long q_MsgWrite(int64_t rcvid, const void *msg, size_t bytes, size_t offset)
{
	struct q_iov r = {(void *)msg, bytes};
	return q_MsgWritev(rcvid, &r, 1, offset);
}

int q_MsgInfo(int64_t rcvid, struct q_msg_info *info)
{
	kd_lock();
	struct kmsg *m = kd_pending(rcvid);
	if (m == NULL) {
		kd_unlock();
		return kd_fail(QE_SRCH);
	}
	memset(info, 0, sizeof(*info));
	info->pid = m->pid;
	info->tid = m->tid;
	info->chid = m->chid;
	info->scoid = m->scoid;
	info->coid = m->coid;
	info->flags = (int16_t)(0x1000 | (m->unblock_req ? 0x100 : 0));
	info->msglen = info->srcmsglen = (int64_t)m->slen;
	info->dstmsglen = (int64_t)m->rlen;
	kd_unlock();
	return 0;
}

int q_MsgSendPulse(int coid, int prio, int code, long value)
{
	if (code < 0 || code > 127)
		return kd_fail(QE_INVAL);
	kd_lock();
	struct kconn *k = kd_conn_of(kd_pid, coid);
	if (k == NULL) {
		kd_unlock();
		return kd_fail(QE_BADF);
	}
	kd_queue_pulse(k->chid, code, value, k->scoid);
	kd_unlock();
	return 0;
}

/* Checks (and with deliver, delivers) ev for the client of rcvid. G held. */
static int event(int64_t rcvid, const struct q_sigevent *ev, int deliver)
{
	int sc = (int)((rcvid >> 32) & 0x7fffffff);

	if (sc <= 0 || sc >= NSCOID || !scoids[sc].used || scoids[sc].server_pid != kd_pid)
		return QE_SRCH;
	int client = scoids[sc].client_pid;
	int type = ev->notify & 0xff;
	if (type == 0)
		return 0;
	if (type == SIGEV_PULSE_T) {
		struct kconn *k = kd_conn_of(client, ev->un1.coid);
		if (k == NULL)
			return QE_BADF;
		if (deliver)
			kd_queue_pulse(k->chid, ev->un2.st.code, ev->value, k->scoid);
		return 0;
	}
	if (type >= (SIGEV_SIGNALS | 1) && type <= (SIGEV_SIGNALS | 3)) {
		if (ev->un1.signo < 1 || ev->un1.signo >= NSIG)
			return QE_INVAL;
		if (deliver)
			kd_proc(client)->signals[ev->un1.signo]++;
		return 0;
	}
	return QE_INVAL;
}

int q_MsgDeliverEvent(int64_t rcvid, const struct q_sigevent *ev)
{
	kd_lock();
	int r = event(rcvid, ev, 1);
	kd_unlock();
	return r ? kd_fail(r) : 0;
}

int q_MsgVerifyEvent(int64_t rcvid, const struct q_sigevent *ev)
{
	kd_lock();
	int r = event(rcvid, ev, 0);
	kd_unlock();
	return r ? kd_fail(r) : 0;
}

int q_TimerTimeout(int clk, uint32_t flags, const void *notify, const uint64_t *ntime,
                   uint64_t *otime)
{
	kd_tmo_set = 1;
	kd_tmo_flags = flags;
	kd_tmo_ns = ntime ? (int64_t)*ntime : 0;
	if ((flags & TMO_ABSTIME) && ntime)
		kd_tmo_ns -= kd_now();
	return 0;
}

int q_TimerTimeout_r(int clk, uint32_t flags, const void *notify, const uint64_t *ntime,
                     uint64_t *otime)
{
	return q_TimerTimeout(clk, flags, notify, ntime, otime);
}

/* Signals are counted per (process, signal); negative pids are process groups. */
int q_SignalKill(uint32_t nd, int pid, int tid, int signo, int code, int value)
{
	if (signo < 0 || signo >= NSIG)
		return kd_fail(QE_INVAL);
	kd_lock();
	kd_proc(pid)->signals[signo]++;
	kd_unlock();
	return 0;
}

int q_kill(int pid, int signo)
{
	return q_SignalKill(0, pid, 0, signo, 0, 0);
}
