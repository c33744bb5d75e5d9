/*
 * msg.c - MsgSend, MsgReceive, MsgReply and friends (QNX semantics).
 *
 * A client's message goes straight from its buffers into a receiving
 * server thread's buffers (as_copy between the two address spaces). If no
 * server thread is receiving, the client waits SEND-blocked on the channel
 * and the next MsgReceive takes it. Once received, the client is
 * REPLY-blocked and identified by an rcvid until MsgReply/MsgError.
 *
 * The receiving thread runs at the priority of the message (the client's
 * priority, or the pulse's), unless the channel has _NTO_CHF_FIXED_PRIORITY.
 */
#include <skimmer/cpu.h>
#include <skimmer/ipc.h>
#include <skimmer/kcall.h>
#include <skimmer/kmem.h>
#include <skimmer/kstring.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <arch/arch.h>
#include "kcall_protos.h"

bool pulse_give(struct channel *c, struct thread *r, const struct _pulse *pl, int prio);
int pulse_queue_locked(struct channel *c, int prio, int code, union sigval value, int scoid,
                       bool head);

/* Outcome of handing a message to a receiver. */
enum deliver {
	DELIVERED,
	SEND_FAULT, /* the client's buffer is bad: it gets EFAULT */
	RECV_FAULT, /* the receiver's buffer is bad: it gets EFAULT */
	NO_SLOT,    /* too many pending messages on the channel */
};

void msg_fill_info(struct _msg_info *info, struct channel *c, struct thread *s, size_t msglen)
{
	*info = (struct _msg_info){0};
	info->pid = s->proc->pid;
	info->tid = s->tid;
	info->chid = c->chid;
	info->scoid = s->blk.send.scoid;
	info->coid = s->blk.send.coid;
	info->priority = (int16_t)s->blk.send.prio;
	info->flags = _NTO_MI_BITS_64;
	if (s->blk.send.unblock_req)
		info->flags |= _NTO_MI_UNBLOCK_REQ;
	info->msglen = (ssize_t)msglen;
	info->srcmsglen =
	        (c->flags & _NTO_CHF_SENDER_LEN) ? (ssize_t)s->blk.send.slen : (ssize_t)msglen;
	info->dstmsglen = (c->flags & _NTO_CHF_REPLY_LEN) ? (ssize_t)s->blk.send.rlen : 0;
}

/*
 * Copies client s's message to receiver r, assigns the rcvid and writes
 * r's results. Neither thread changes queues here. Caller holds c->lock.
 */
/*
 * Stages a small message from the current thread s for receiver r (not
 * running): the bytes are copied from s with plain loads now and copied out
 * into r's address space when r returns to user mode (xfer.h). Returns the
 * byte count, or -EFAULT if s's buffer is bad.
 */
static long stage(struct thread *s, struct thread *r)
{
	size_t n = MIN(s->blk.send.slen, (size_t)-r->blk.recv.rmsg.parts);

	if (copyin(r->xfer.data, s->blk.send.smsg.ptr, n) < 0)
		return -EFAULT;
	r->xfer.len = (uint32_t)n;
	r->xfer.dst = r->blk.recv.rmsg.ptr;
	return (long)n;
}

static bool can_stage(struct thread *s, struct thread *r)
{
	return s == this_cpu()->cur && r != s && s->blk.send.smsg.parts <= 0 &&
	       r->blk.recv.rmsg.parts <= 0 && s->blk.send.slen <= XFER_MAX;
}

static enum deliver deliver(struct channel *c, struct thread *s, struct thread *r)
{
	bool fault_dst = false;
	bool staged = can_stage(s, r);
	long n;

	if (staged)
		n = stage(s, r);
	else
		n = iodesc_copy(r->proc->as, r->blk.recv.rmsg, 0, s->proc->as, s->blk.send.smsg, 0,
		                s->blk.send.slen, &fault_dst);
	if (n < 0)
		return fault_dst ? RECV_FAULT : SEND_FAULT;
	int slot = idtab_alloc(&c->pending, s, 1);
	if (slot < 0)
		return NO_SLOT;
	rcvid_t rcvid = RCVID_MAKE(s->blk.send.scoid, slot, ++c->gen);
	if (staged) {
		r->xfer.flags = XF_DATA;
		r->xfer.rcvid = rcvid;
		if (r->blk.recv.info) {
			msg_fill_info(&r->xfer.info, c, s, (size_t)n);
			r->xfer.info_dst = r->blk.recv.info;
			r->xfer.flags |= XF_INFO;
		}
	} else if (r->blk.recv.info) {
		struct _msg_info info;
		msg_fill_info(&info, c, s, (size_t)n);
		if (as_write(r->proc->as, r->blk.recv.info, &info, sizeof(info)) < 0) {
			idtab_remove(&c->pending, (uint32_t)slot);
			return RECV_FAULT;
		}
	}
	s->blk.send.rcvid = rcvid;
	arch_set_retval(r, rcvid);
	return DELIVERED;
}

/* The received client s becomes REPLY-blocked (it was taken off senders). Holds c->lock. */
static void to_reply_blocked(struct channel *c, struct thread *s)
{
	if (s->blk.send.tmo_expired && !(c->flags & _NTO_CHF_UNBLOCK)) {
		/* Its REPLY timeout already passed while it waited to be received. */
		idtab_remove(&c->pending, RCVID_SLOT(s->blk.send.rcvid));
		arch_set_retval(s, -ETIMEDOUT);
		sched_wake(s);
		return;
	}
	list_add_tail(&c->repliers.head, &s->wq_link);
	__atomic_store_n(&s->wq, &c->repliers, __ATOMIC_RELEASE);
	s->state = STATE_REPLY;
	if (s->blk.send.tmo_expired) {
		union sigval v = {.sival_long = s->blk.send.rcvid};
		s->blk.send.unblock_req = true;
		pulse_queue_locked(c, s->prio, _PULSE_CODE_UNBLOCK, v, s->blk.send.scoid, true);
	}
}

static long do_send(int coid, uaddr_t smsg, long sparts, uaddr_t rmsg, long rparts, bool nc)
{
	struct thread *t = kcall_self();
	struct process *p = t->proc;
	struct connection *cn = connection_get(p, coid);

	if (cn == NULL)
		return -EBADF;
	struct channel *c = cn->sc->chan;
	kobj_get(&c->kobj);
	t->blk.send.coid = coid;
	t->blk.send.scoid = cn->sc->scoid;
	connection_put(cn);

	long r;
	struct iodesc sd = {smsg, sparts}, rd = {rmsg, rparts};
	long slen = iodesc_len(p->as, sd), rlen = iodesc_len(p->as, rd);
	if (slen < 0 || rlen < 0) {
		r = slen < 0 ? slen : rlen;
		goto out;
	}
	if ((size_t)slen > IPC_MSG_MAX) {
		r = -EMSGSIZE;
		goto out;
	}
	t->blk.send.smsg = sd;
	t->blk.send.rmsg = rd;
	t->blk.send.slen = (size_t)slen;
	t->blk.send.rlen = (size_t)rlen;
	t->blk.send.rcvid = 0;
	t->blk.send.prio = t->prio;
	t->blk.send.unblock_req = false;
	t->blk.send.tmo_expired = false;
	t->blk.send.nc = nc;
	t->ipc_peer_pid = c->owner_pid;
	t->ipc_peer_chid = c->chid;

	spin_lock(&c->lock);
	if (c->dead) {
		spin_unlock(&c->lock);
		r = -EBADF;
		goto out;
	}
	struct thread *rt;
	while ((rt = waitq_pop(&c->receivers)) != NULL) {
		enum deliver d = deliver(c, t, rt);
		if (d == DELIVERED) {
			msgprio_inherit(c, rt, t->blk.send.prio);
			sched_wake(rt);
			waitq_block(&c->repliers, t, STATE_REPLY);
			spin_unlock(&c->lock);
			r = KCALL_BLOCKED;
			goto out;
		}
		if (d == RECV_FAULT) {
			arch_set_retval(rt, -EFAULT);
			sched_wake(rt);
			continue;
		}
		/* Our own buffer is bad, or the channel is full: the receiver waits on. */
		list_add_head(&c->receivers.head, &rt->wq_link);
		__atomic_store_n(&rt->wq, &c->receivers, __ATOMIC_RELEASE);
		spin_unlock(&c->lock);
		r = d == SEND_FAULT ? -EFAULT : -EAGAIN;
		goto out;
	}
	msgprio_boost(c, t->blk.send.prio); /* nobody receives: hurry those who will */
	waitq_block(&c->senders, t, STATE_SEND);
	spin_unlock(&c->lock);
	r = KCALL_BLOCKED;
out:
	channel_put(c);
	return r;
}

long kc_MsgSendv(int coid, uaddr_t smsg, long sparts, uaddr_t rmsg, long rparts)
{
	return do_send(coid, smsg, sparts, rmsg, rparts, false);
}

long kc_MsgSendvnc(int coid, uaddr_t smsg, long sparts, uaddr_t rmsg, long rparts)
{
	return do_send(coid, smsg, sparts, rmsg, rparts, true);
}

static long do_receive(int chid, uaddr_t rmsg, long rparts, uaddr_t info, bool pulse_only)
{
	struct thread *t = kcall_self();
	struct channel *c = channel_get(t->proc, chid);

	if (c == NULL)
		return -ESRCH;
	t->blk.recv.chan = c;
	t->blk.recv.rmsg = (struct iodesc){rmsg, rparts};
	t->blk.recv.info = info;
	t->blk.recv.pulse_only = pulse_only;
	msgprio_associate(t, c);
	t->ipc_peer_pid = c->owner_pid;
	t->ipc_peer_chid = c->chid;

	long r;
	spin_lock(&c->lock);
	for (;;) {
		struct pulse_rec *pr = list_first(&c->pulses, struct pulse_rec, link);
		struct thread *s = pulse_only ? NULL : waitq_peek(&c->senders);
		if (pr && (!s || pr->prio >= s->blk.send.prio)) {
			list_del(&pr->link);
			c->npulses--;
			bool ok = pulse_give(c, t, &pr->pulse, pr->prio);
			if (!ok) {
				list_add_head(&c->pulses, &pr->link);
				c->npulses++;
				r = -EFAULT;
				break;
			}
			kfree(pr);
			r = 0;
			break;
		}
		if (s) {
			waitq_remove(&c->senders, s);
			enum deliver d = deliver(c, s, t);
			if (d == DELIVERED) {
				if (c->boost)
					msgprio_rebalance(c);
				msgprio_inherit(c, t, s->blk.send.prio);
				to_reply_blocked(c, s);
				r = (long)t->tf.regs[REG_A0];
				break;
			}
			if (d == SEND_FAULT) {
				arch_set_retval(s, -EFAULT);
				sched_wake(s);
				continue;
			}
			/* Our buffer is bad, or the channel is full: the client waits on. */
			list_add_head(&c->senders.head, &s->wq_link);
			__atomic_store_n(&s->wq, &c->senders, __ATOMIC_RELEASE);
			r = d == RECV_FAULT ? -EFAULT : -EAGAIN;
			break;
		}
		if (c->dead) {
			r = -ESRCH;
			break;
		}
		/* Nothing to receive: wait at our own priority. */
		msgprio_drop(t);
		waitq_block(&c->receivers, t, STATE_RECEIVE);
		r = KCALL_BLOCKED;
		break;
	}
	spin_unlock(&c->lock);
	channel_put(c);
	return r;
}

long kc_MsgReceivev(int chid, uaddr_t rmsg, long rparts, uaddr_t info)
{
	return do_receive(chid, rmsg, rparts, info, false);
}

long kc_MsgReceivePulsev(int chid, uaddr_t rmsg, long rparts, uaddr_t info)
{
	return do_receive(chid, rmsg, rparts, info, true);
}

/*
 * Finds the REPLY-blocked client of rcvid for the calling server: returns
 * it with its channel locked (*cp, referenced), or NULL with the error.
 */
static struct thread *pending_lookup_in(struct process *p, rcvid_t rcvid, struct channel **cp,
                                        long *err)
{
	*err = -ESRCH;
	if (rcvid <= 0)
		return NULL;
	struct sconn *sc = sconn_get(p, RCVID_SCOID(rcvid));
	if (sc == NULL)
		return NULL;
	struct channel *c = sc->chan;
	kobj_get(&c->kobj);
	sconn_put(sc);
	spin_lock(&c->lock);
	struct thread *s = idtab_get(&c->pending, RCVID_SLOT(rcvid));
	if (s == NULL || s->blk.send.rcvid != rcvid || s->wq != &c->repliers) {
		spin_unlock(&c->lock);
		channel_put(c);
		return NULL;
	}
	*cp = c;
	return s;
}

static struct thread *pending_lookup(rcvid_t rcvid, struct channel **cp, long *err)
{
	return pending_lookup_in(kcall_self()->proc, rcvid, cp, err);
}

/* Ends client s's MsgSend with 'result'. Caller holds c->lock (released here). */
static void complete(struct channel *c, struct thread *s, long result)
{
	waitq_remove(&c->repliers, s);
	idtab_remove(&c->pending, RCVID_SLOT(s->blk.send.rcvid));
	arch_set_retval(s, result);
	sched_wake(s);
	spin_unlock(&c->lock);
	channel_put(c);
}

long kc_MsgReplyv(rcvid_t rcvid, long status, uaddr_t msg, long parts)
{
	struct thread *t = kcall_self();
	struct channel *c;
	long err;
	struct thread *s = pending_lookup(rcvid, &c, &err);

	if (s == NULL)
		return err;
	struct iodesc src = {msg, parts};
	long len = iodesc_len(t->proc->as, src);
	if (len < 0 || (size_t)len > IPC_MSG_MAX) {
		spin_unlock(&c->lock);
		channel_put(c);
		return len < 0 ? len : -EMSGSIZE;
	}
	bool fault_dst = false;
	long n;
	if (parts <= 0 && s->blk.send.rmsg.parts <= 0 && (size_t)len <= XFER_MAX) {
		/* Small reply: stage it; the client copies it out when it runs. */
		n = MIN((size_t)len, (size_t)-s->blk.send.rmsg.parts);
		if (copyin(s->xfer.data, msg, (size_t)n) < 0) {
			n = -EFAULT;
		} else {
			s->xfer.len = (uint32_t)n;
			s->xfer.dst = s->blk.send.rmsg.ptr;
			s->xfer.rcvid = 0;
			s->xfer.flags = XF_DATA;
		}
	} else {
		n = iodesc_copy(s->proc->as, s->blk.send.rmsg, 0, t->proc->as, src, 0, (size_t)len,
		                &fault_dst);
	}
	if (n < 0 && !fault_dst) {
		/* The server's own reply buffer is bad: the client keeps waiting. */
		spin_unlock(&c->lock);
		channel_put(c);
		return -EFAULT;
	}
	complete(c, s, n < 0 ? -EFAULT : status);
	return 0;
}

/*
 * A staged message could not be copied into the receiving thread t (its
 * buffer went away): answer the client EFAULT so it does not wait forever.
 */
static void xfer_failed(struct thread *t, rcvid_t rcvid)
{
	struct channel *c;
	long e;
	struct thread *s = pending_lookup_in(t->proc, rcvid, &c, &e);

	if (s != NULL)
		complete(c, s, -EFAULT);
}

void xfer_complete(struct thread *t)
{
	struct xfer *x = &t->xfer;
	uint32_t f = x->flags;
	int r = 0;

	x->flags = 0;
	if (f & XF_DATA)
		r = copyout(x->dst, x->data, x->len);
	if (r == 0 && (f & XF_INFO))
		r = copyout(x->info_dst, &x->info, sizeof(x->info));
	if (r < 0) {
		arch_set_retval(t, -EFAULT);
		if (x->rcvid > 0)
			xfer_failed(t, x->rcvid);
	}
}

long kc_MsgError(rcvid_t rcvid, int err)
{
	struct channel *c;
	long e;
	struct thread *s = pending_lookup(rcvid, &c, &e);

	if (s == NULL)
		return e;
	if (err < 0)
		err = -err;
	complete(c, s, -(long)err);
	return 0;
}

long kc_MsgReadv(rcvid_t rcvid, uaddr_t msg, long parts, size_t offset)
{
	struct thread *t = kcall_self();
	struct channel *c;
	long err;
	struct thread *s = pending_lookup(rcvid, &c, &err);

	if (s == NULL)
		return err;
	long n = 0;
	if (offset < s->blk.send.slen) {
		bool fault_dst;
		n = iodesc_copy(t->proc->as, (struct iodesc){msg, parts}, 0, s->proc->as,
		                s->blk.send.smsg, offset, s->blk.send.slen - offset, &fault_dst);
	}
	spin_unlock(&c->lock);
	channel_put(c);
	return n;
}

long kc_MsgWritev(rcvid_t rcvid, uaddr_t msg, long parts, size_t offset)
{
	struct thread *t = kcall_self();
	struct channel *c;
	long err;
	struct thread *s = pending_lookup(rcvid, &c, &err);

	if (s == NULL)
		return err;
	long n = 0;
	if (offset < s->blk.send.rlen) {
		bool fault_dst;
		n = iodesc_copy(s->proc->as, s->blk.send.rmsg, offset, t->proc->as,
		                (struct iodesc){msg, parts}, 0, s->blk.send.rlen - offset,
		                &fault_dst);
	}
	spin_unlock(&c->lock);
	channel_put(c);
	return n;
}

long kc_MsgInfo(rcvid_t rcvid, uaddr_t info_u)
{
	struct channel *c;
	long err;
	struct thread *s = pending_lookup(rcvid, &c, &err);

	if (s == NULL)
		return err;
	struct _msg_info info;
	msg_fill_info(&info, c, s, s->blk.send.slen);
	spin_unlock(&c->lock);
	channel_put(c);
	return copyout(info_u, &info, sizeof(info)) < 0 ? -EFAULT : 0;
}

long kc_MsgCurrent(rcvid_t rcvid)
{
	struct thread *t = kcall_self();
	struct channel *c;
	long err;
	struct thread *s = pending_lookup(rcvid, &c, &err);

	if (s == NULL)
		return err;
	msgprio_inherit(c, t, s->blk.send.prio);
	spin_unlock(&c->lock);
	channel_put(c);
	return 0;
}
