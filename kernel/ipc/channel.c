/*
 * channel.c - channels: creation, destruction, pulses, and the queue hooks
 * that make timeouts, signals and kills behave as QNX documents.
 */
#include <skimmer/cpu.h>
#include <skimmer/ipc.h>
#include <skimmer/kmem.h>
#include <skimmer/kstring.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <arch/arch.h>

#define CHF_KNOWN                                                               \
	(_NTO_CHF_FIXED_PRIORITY | _NTO_CHF_UNBLOCK | _NTO_CHF_THREAD_DEATH |   \
	 _NTO_CHF_DISCONNECT | _NTO_CHF_SENDER_LEN | _NTO_CHF_COID_DISCONNECT | \
	 _NTO_CHF_REPLY_LEN | _NTO_CHF_PRIVATE)

int pulse_queue_locked(struct channel *c, int prio, int code, union sigval value, int scoid,
                       bool head);

static struct kmem_cache channel_cache;
static bool cache_ready;

static void channel_release(struct kobj *o)
{
	struct channel *c = container_of(o, struct channel, kobj);

	idtab_destroy(&c->pending);
	kmem_free(&channel_cache, c);
}

struct channel *channel_get(struct process *p, int chid)
{
	if (chid <= 0)
		return NULL;
	spin_lock(&p->lock);
	struct channel *c = idtab_get(&p->channels, (uint32_t)chid);
	if (c)
		kobj_get(&c->kobj);
	spin_unlock(&p->lock);
	return c;
}

void channel_put(struct channel *c)
{
	kobj_put(&c->kobj);
}

/* ---- Queue hooks ---------------------------------------------------------- */

static bool covered(struct thread *t)
{
	return t->tmo_states & (1u << t->state);
}

/*
 * A SEND-blocked client leaves at once for a signal or a covered timeout.
 * If only its REPLY state is covered, the deadline is remembered and
 * applied when the message is received.
 */
static bool senders_may_cancel(struct waitq *wq, struct thread *t, enum wq_reason why)
{
	if (why != WQ_TIMEOUT)
		return true;
	if (covered(t))
		return true;
	if (t->tmo_states & _NTO_TIMEOUT_REPLY)
		t->blk.send.tmo_expired = true;
	return false;
}

/*
 * A REPLY-blocked client on an _NTO_CHF_UNBLOCK channel stays blocked and
 * the server gets an _PULSE_CODE_UNBLOCK pulse (ahead of everything else);
 * otherwise it leaves at once and its rcvid becomes invalid.
 */
static bool repliers_may_cancel(struct waitq *wq, struct thread *t, enum wq_reason why)
{
	struct channel *c = container_of(wq, struct channel, repliers);

	if (why == WQ_TIMEOUT && !covered(t))
		return false;
	if (!(c->flags & _NTO_CHF_UNBLOCK))
		return true;
	if (!t->blk.send.unblock_req) {
		t->blk.send.unblock_req = true;
		union sigval v = {.sival_long = t->blk.send.rcvid};
		pulse_queue_locked(c, t->prio, _PULSE_CODE_UNBLOCK, v,
		                   RCVID_SCOID(t->blk.send.rcvid), true);
	}
	return false;
}

static void repliers_cancelled(struct waitq *wq, struct thread *t, enum wq_reason why)
{
	struct channel *c = container_of(wq, struct channel, repliers);

	idtab_remove(&c->pending, RCVID_SLOT(t->blk.send.rcvid));
}

static const struct waitq_ops senders_ops = {.may_cancel = senders_may_cancel};
static const struct waitq_ops repliers_ops = {
        .may_cancel = repliers_may_cancel,
        .cancelled = repliers_cancelled,
};

/* ---- Creation and destruction --------------------------------------------- */

long channel_create(struct process *p, unsigned flags)
{
	if (flags & ~CHF_KNOWN)
		return -EINVAL;
	if (!cache_ready) {
		kmem_cache_init(&channel_cache, "channel", sizeof(struct channel), 8);
		cache_ready = true;
	}
	struct channel *c = kmem_alloc(&channel_cache);
	if (c == NULL)
		return -EAGAIN;
	kobj_init(&c->kobj, channel_release);
	spin_init(&c->lock);
	c->owner = p;
	c->owner_pid = p->pid;
	c->flags = flags;
	list_init(&c->assoc);
	c->boost = 0;
	waitq_init(&c->receivers, &c->kobj, &c->lock, NULL);
	waitq_init(&c->senders, &c->kobj, &c->lock, &senders_ops);
	waitq_init(&c->repliers, &c->kobj, &c->lock, &repliers_ops);
	list_init(&c->pulses);
	idtab_init(&c->pending, PENDING_MAX);

	spin_lock(&p->lock);
	long r;
	if ((flags & _NTO_CHF_COID_DISCONNECT) && p->coid_death_chid) {
		r = -EBUSY;
	} else if ((flags & _NTO_CHF_THREAD_DEATH) && p->thread_death_chid) {
		r = -EBUSY;
	} else {
		r = idtab_alloc(&p->channels, c, 1);
		if (r == -ENOMEM)
			r = -EAGAIN;
	}
	if (r > 0) {
		c->chid = (int)r;
		if (flags & _NTO_CHF_COID_DISCONNECT)
			p->coid_death_chid = c->chid;
		if (flags & _NTO_CHF_THREAD_DEATH)
			p->thread_death_chid = c->chid;
	}
	spin_unlock(&p->lock);
	if (r < 0)
		channel_put(c);
	return r;
}

/* Unblocks every thread of q with result err. Caller holds the channel lock. */
static void flush_queue(struct waitq *q, long err)
{
	struct thread *t;

	while ((t = waitq_pop(q)) != NULL) {
		arch_set_retval(t, err);
		sched_wake(t);
	}
}

void sconn_channel_died(struct channel *c);

/*
 * Kills channel c (already removed from its process's table): every
 * blocked thread is released with an error, pulses are dropped, and the
 * clients are told (COIDDEATH). Drops the table's reference.
 */
void channel_kill(struct channel *c)
{
	spin_lock(&c->lock);
	c->dead = true;
	c->owner = NULL;
	flush_queue(&c->receivers, -ESRCH);
	flush_queue(&c->senders, -ESRCH);
	struct thread *t;
	while ((t = waitq_pop(&c->repliers)) != NULL) {
		idtab_remove(&c->pending, RCVID_SLOT(t->blk.send.rcvid));
		arch_set_retval(t, -ESRCH);
		sched_wake(t);
	}
	while (!list_empty(&c->pulses)) {
		struct pulse_rec *pr = list_entry(c->pulses.next, struct pulse_rec, link);
		list_del(&pr->link);
		kfree(pr);
	}
	c->npulses = 0;
	spin_unlock(&c->lock);
	sconn_channel_died(c);
	channel_put(c);
}

long channel_destroy(struct process *p, int chid)
{
	if (chid <= 0)
		return -EINVAL;
	spin_lock(&p->lock);
	struct channel *c = idtab_remove(&p->channels, (uint32_t)chid);
	if (c) {
		if (p->coid_death_chid == chid)
			p->coid_death_chid = 0;
		if (p->thread_death_chid == chid)
			p->thread_death_chid = 0;
	}
	spin_unlock(&p->lock);
	if (c == NULL)
		return -EINVAL;
	channel_kill(c);
	return 0;
}

/* ---- Pulses ------------------------------------------------------------------ */

long iodesc_write(struct aspace *as, struct iodesc d, const void *src, size_t len);

/*
 * Hands a pulse to receiver r (taken off c->receivers by the caller).
 * Returns false if r's buffer faulted (r was released with EFAULT).
 * Caller holds c->lock.
 */
bool pulse_give(struct channel *c, struct thread *r, const struct _pulse *pl, int prio)
{
	struct aspace *as = r->proc->as;
	/* The receiver itself found the pulse. (A timer that expires in the scheduler
	 * loop may deliver to the thread that has just blocked and is still cur.) */
	bool running = r == this_cpu()->cur && r->state == STATE_RUNNING;

	if (!running && r->blk.recv.rmsg.parts <= 0) {
		/* Stage it: the receiver copies it out when it runs (xfer.h). */
		size_t n = MIN(sizeof(*pl), (size_t)-r->blk.recv.rmsg.parts);
		memcpy(r->xfer.data, pl, n);
		r->xfer.len = (uint32_t)n;
		r->xfer.dst = r->blk.recv.rmsg.ptr;
		r->xfer.rcvid = 0;
		r->xfer.flags = XF_DATA;
		if (r->blk.recv.info) {
			memset(&r->xfer.info, 0, sizeof(r->xfer.info));
			r->xfer.info.scoid = pl->scoid;
			r->xfer.info.chid = c->chid;
			r->xfer.info.priority = (int16_t)prio;
			r->xfer.info.msglen = sizeof(*pl);
			r->xfer.info.srcmsglen = sizeof(*pl);
			r->xfer.info_dst = r->blk.recv.info;
			r->xfer.flags |= XF_INFO;
		}
		goto delivered;
	}
	/* The receiver is running (its address space is live) or has an iov. */
	long w = running && r->blk.recv.rmsg.parts <= 0
	                 ? copyout(r->blk.recv.rmsg.ptr, pl,
	                           MIN(sizeof(*pl), (size_t)-r->blk.recv.rmsg.parts))
	                 : iodesc_write(as, r->blk.recv.rmsg, pl, sizeof(*pl));
	if (w < 0) {
		if (!running) {
			arch_set_retval(r, -EFAULT);
			sched_wake(r);
		}
		return false;
	}
	if (r->blk.recv.info) {
		struct _msg_info info = {0};
		info.scoid = pl->scoid;
		info.chid = c->chid;
		info.priority = (int16_t)prio;
		info.msglen = sizeof(*pl);
		info.srcmsglen = sizeof(*pl);
		if ((running ? copyout(r->blk.recv.info, &info, sizeof(info))
		             : as_write(as, r->blk.recv.info, &info, sizeof(info))) < 0) {
			if (!running) {
				arch_set_retval(r, -EFAULT);
				sched_wake(r);
			}
			return false;
		}
	}
delivered:
	if (c->boost)
		msgprio_rebalance(c);
	msgprio_inherit(c, r, prio);
	arch_set_retval(r, 0);
	if (!running)
		sched_wake(r);
	return true;
}

/* Queues or delivers a pulse; caller holds c->lock. */
int pulse_queue_locked(struct channel *c, int prio, int code, union sigval value, int scoid,
                       bool head)
{
	struct _pulse pl = {0};

	if (c->dead)
		return -EBADF;
	pl.type = _PULSE_TYPE;
	pl.subtype = _PULSE_SUBTYPE;
	pl.code = (int8_t)code;
	pl.value = value;
	pl.scoid = scoid;
	struct thread *r;
	while ((r = waitq_pop(&c->receivers)) != NULL)
		if (pulse_give(c, r, &pl, prio))
			return 0;
	if (c->npulses >= IPC_PULSES_MAX)
		return -EAGAIN;
	struct pulse_rec *pr = kmalloc(sizeof(*pr));
	if (pr == NULL)
		return -EAGAIN;
	pr->pulse = pl;
	pr->prio = prio;
	struct list *l;
	if (head) {
		list_add_head(&c->pulses, &pr->link);
	} else {
		list_for_each(l, &c->pulses)
		{
			if (list_entry(l, struct pulse_rec, link)->prio < prio)
				break;
		}
		list_add_before(l, &pr->link);
	}
	c->npulses++;
	msgprio_boost(c, prio); /* nobody receives: hurry those who will */
	return 0;
}

int pulse_send(struct channel *c, int prio, int code, union sigval value, int scoid, bool head)
{
	spin_lock(&c->lock);
	int r = pulse_queue_locked(c, prio, code, value, scoid, head);
	spin_unlock(&c->lock);
	return r;
}
