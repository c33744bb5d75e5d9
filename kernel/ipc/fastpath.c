/*
 * fastpath.c - the short way through MsgSend, for the common case.
 *
 * As in seL4, the fast path is a straight line with an explicit list of
 * preconditions. When one of them does not hold, nothing has been changed
 * and the general code (msg.c) handles the call. The result is the same
 * either way; only the number of instructions differs (docs/ipc-fastpath.md
 * says where they go).
 *
 * MsgSend (kernel call MsgSendv/MsgSendvnc) takes the fast path when:
 *   1. the message and the reply buffer are single buffers (parts <= 0)
 *      and the message is at most XFER_MAX bytes;
 *   2. no TimerTimeout is pending for the call;
 *   3. no reschedule is pending on this hart and its IPI queue is empty;
 *   4. coid names a connection, its channel is alive, and a thread is
 *      RECEIVE-blocked on it, on this hart, receiving into a single buffer
 *      with MsgReceive (not MsgReceivePulse);
 *   5. that thread, at the priority it gets from the message, is at least
 *      as important as everything on this hart's run queue, and the
 *      channel has no server boost to re-evaluate (msgprio.c);
 *   6. the sender's buffer is readable and the channel's table of pending
 *      messages has room.
 * Then the message is staged in the receiver (xfer.h), the sender becomes
 * REPLY-blocked, and the hart switches straight to the receiver: no run
 * queue operation, no timer reprogramming, no page-table walk.
 */
#include <skimmer/cpu.h>
#include <skimmer/ipc.h>
#include <skimmer/kcall.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <arch/arch.h>

void ipc_fast_send(struct cpu *cpu, struct thread *t)
{
	const uint64_t *a = &t->tf.regs[REG_A0];
	int coid = (int)a[0];
	uaddr_t smsg = a[1], rmsg = a[3];
	long sparts = (long)a[2], rparts = (long)a[4];

	/* 1-3 */
	if (sparts > 0 || rparts > 0 || (size_t)-sparts > XFER_MAX || t->timeout_states ||
	    cpu->need_resched || __atomic_load_n(&cpu->ipiq.head, __ATOMIC_RELAXED) != NULL)
		return;

	/* 4 */
	struct connection *cn = connection_get(t->proc, coid);
	if (cn == NULL)
		return;
	struct channel *c = cn->sc->chan;
	spin_lock(&c->lock);
	struct thread *r = waitq_peek(&c->receivers);
	if (c->dead || r == NULL || r->cpu != cpu || r->blk.recv.pulse_only ||
	    r->blk.recv.rmsg.parts > 0)
		goto slow;

	/* 5: the receiver's priority as msgprio_inherit() sets it; no server boost to undo. */
	int msg_prio = r->msg_prio;
	if (!(c->flags & _NTO_CHF_FIXED_PRIORITY) && t->prio > 0)
		msg_prio = t->prio;
	int prio = thread_prio_with(r, msg_prio >= 0 ? msg_prio : r->base_prio);
	if (prio < runq_top(&cpu->rq) || c->boost)
		goto slow;

	/* 6 */
	size_t slen = (size_t)-sparts;
	size_t n = MIN(slen, (size_t)-r->blk.recv.rmsg.parts);
	if (copyin(r->xfer.data, smsg, n) < 0)
		goto slow;
	int slot = idtab_alloc(&c->pending, t, 1);
	if (slot < 0)
		goto slow;

	/* Commit: nothing below can fail. */
	waitq_pop(&c->receivers);
	rcvid_t rcvid = RCVID_MAKE(cn->sc->scoid, slot, ++c->gen);
	t->blk.send.coid = coid;
	t->blk.send.scoid = cn->sc->scoid;
	t->blk.send.smsg = (struct iodesc){smsg, sparts};
	t->blk.send.rmsg = (struct iodesc){rmsg, rparts};
	t->blk.send.slen = slen;
	t->blk.send.rlen = (size_t)-rparts;
	t->blk.send.rcvid = rcvid;
	t->blk.send.prio = t->prio;
	t->blk.send.unblock_req = false;
	t->blk.send.tmo_expired = false;
	t->blk.send.nc = t->tf.regs[REG_A7] == __KER_MSG_SENDVNC;
	t->ipc_peer_pid = c->owner_pid;
	t->ipc_peer_chid = c->chid;

	r->xfer.len = (uint32_t)n;
	r->xfer.dst = r->blk.recv.rmsg.ptr;
	r->xfer.rcvid = rcvid;
	r->xfer.flags = XF_DATA;
	if (r->blk.recv.info) {
		msg_fill_info(&r->xfer.info, c, t, n);
		r->xfer.info_dst = r->blk.recv.info;
		r->xfer.flags |= XF_INFO;
	}
	arch_set_retval(r, rcvid);
	r->msg_prio = (int16_t)msg_prio;
	r->prio = (uint8_t)prio;

	/* The sender waits for the reply; the receiver's hold on c becomes the sender's. */
	list_add_tail(&c->repliers.head, &t->wq_link);
	__atomic_store_n(&t->wq, &c->repliers, __ATOMIC_RELEASE);
	t->blocked_ref = r->blocked_ref;
	r->blocked_ref = NULL;
	t->tmo_states = 0;
	t->state = STATE_REPLY;
	ktimer_cancel(&r->timeout);
	r->nowq_block = false;
	spin_unlock(&c->lock);
	connection_put(cn);
	sched_handoff(cpu, r);

slow:
	spin_unlock(&c->lock);
	connection_put(cn);
}
