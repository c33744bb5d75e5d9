/*
 * ipc.h - QNX message passing: channels, connections, messages, pulses.
 *
 * Objects and their locks:
 *   struct channel     owned by a server process (chid in p->channels).
 *                      chan->lock protects its three thread queues
 *                      (receivers, senders, repliers), its pulse queue and
 *                      its table of pending (received, unreplied) messages.
 *   struct sconn       a server connection: one per (client process,
 *                      channel); its scoid is in the server's p->scoids.
 *   struct connection  a client's coid (p->coids or p->side_coids); holds
 *                      a reference on its sconn.
 * Process tables are protected by p->lock. Lock order: process lock, then
 * channel lock, then address-space locks (inside as_copy), then the page
 * allocator. A kernel call looks objects up under the process lock, takes a
 * reference, drops the process lock and only then locks the channel.
 *
 * Messages are copied directly between the two address spaces by the
 * kernel (as_copy), never through a third process.
 */
#ifndef SKIMMER_IPC_H
#define SKIMMER_IPC_H

#include <skimmer/idtab.h>
#include <skimmer/kobj.h>
#include <skimmer/list.h>
#include <skimmer/waitq.h>
#include <qsoe/abi/neutrino.h>
#include <qsoe/abi/signal.h>

struct process;
struct thread;
struct aspace;

#define IPC_MSG_MAX       (64UL << 20) /* largest message or reply, in bytes (EMSGSIZE above) */
#define IPC_PULSES_MAX    65536        /* queued pulses per channel (EAGAIN above) */
#define SIDE_CHANNEL_BASE _NTO_SIDE_CHANNEL /* first side-channel coid */

/* A user buffer: an iov array of 'parts' entries, or (parts < 0) one buffer of -parts bytes. */
struct iodesc {
	uaddr_t ptr;
	long parts;
};

struct pulse_rec {
	struct list link;
	struct _pulse pulse;
	int prio;
};

struct channel {
	struct kobj kobj;
	spinlock_t lock;
	pid_t owner_pid;
	struct process *owner; /* valid while !dead */
	int chid;
	uint32_t flags; /* _NTO_CHF_* */
	bool dead;
	struct waitq receivers; /* RECEIVE-blocked server threads */
	struct waitq senders;   /* SEND-blocked clients, by priority */
	struct waitq repliers;  /* REPLY-blocked clients (their messages were received) */
	struct list pulses;     /* struct pulse_rec, by priority */
	unsigned npulses;
	struct idtab pending; /* rcvid slot -> REPLY-blocked client thread */
	uint32_t gen;         /* generation stamped into rcvids */
	struct list assoc;    /* threads that last received here (server boost, msgprio.c) */
	uint8_t boost;        /* priority those threads are boosted to, 0 if none */
};

struct sconn {
	struct kobj kobj;
	struct channel *chan; /* reference */
	pid_t client_pid;
	int scoid;         /* in the server process's scoid table */
	unsigned ncoids;   /* client connections using it (server process lock) */
	bool disconnected; /* every client coid gone; scoid kept until ConnectDetach */
};

struct connection {
	struct kobj kobj;
	int coid;
	uint32_t flags; /* _NTO_COF_* */
	pid_t client_pid;
	struct sconn *sc; /* reference */
};

/* Per-thread state of a blocked IPC call (in struct thread's blk union). */
struct ipc_send {
	int coid, scoid; /* the client's coid and its server connection */
	struct iodesc smsg, rmsg;
	size_t slen, rlen; /* total bytes of the send and reply buffers */
	rcvid_t rcvid;     /* once received */
	int prio;          /* message priority */
	bool unblock_req;  /* an unblock pulse was sent for it */
	bool tmo_expired;  /* its REPLY timeout passed while still SEND-blocked */
	bool nc;           /* MsgSendnc: not a cancellation point */
};

struct ipc_recv {
	struct channel *chan;
	struct iodesc rmsg;
	uaddr_t info;
	bool pulse_only;
};

/* rcvid encoding: scoid (bits 62..32), pending slot (31..12), generation (11..0). */
#define RCVID_MAKE(scoid, slot, gen) \
	(((rcvid_t)(scoid) << 32) | ((rcvid_t)(slot) << 12) | ((gen)&0xfff))
#define RCVID_SCOID(r) ((int)(((r) >> 32) & 0x7fffffff))
#define RCVID_SLOT(r)  ((uint32_t)(((r) >> 12) & 0xfffff))
#define RCVID_GEN(r)   ((uint32_t)((r)&0xfff))
#define PENDING_MAX    (1u << 20)

/* Process set-up and teardown (proc.c). */
void ipc_proc_init(struct process *p);
void ipc_proc_cleanup(struct process *p);
void ipc_attach_sysmgr(struct process *p);
void ipc_thread_died(struct process *p, int tid);

/* Looks up a channel of p (any hart); takes a reference. NULL if none. */
struct channel *channel_get(struct process *p, int chid);
void channel_put(struct channel *c);

/* Looks up a coid of p; takes a reference. NULL if none. */
struct connection *connection_get(struct process *p, int coid);
void connection_put(struct connection *c);

/* Server side of an rcvid: the sconn (reference) or NULL. */
struct sconn *sconn_get(struct process *server, int scoid);
void sconn_put(struct sconn *sc);

/*
 * Queues (or hands to a waiting receiver) a pulse on channel c. Any
 * context that holds no channel lock. Returns 0, -EAGAIN if the queue is
 * full or memory is short, -EBADF if the channel is dead.
 */
int pulse_send(struct channel *c, int prio, int code, union sigval value, int scoid, bool head);

/*
 * Delivers a sigevent on behalf of process 'target' (the one the event
 * belongs to: its coids and threads). 't' is the thread for thread-directed
 * events (may be NULL). Returns 0 or a negative errno.
 */
int event_deliver(const struct sigevent *ev, struct process *target, struct thread *t);

/* Checks an event for delivery to 'target' without delivering it. */
int event_verify(const struct sigevent *ev, struct process *target);

/*
 * Fills the _msg_info a receiver gets for client s's message of msglen
 * bytes on c (msg.c). Caller holds c->lock.
 */
void msg_fill_info(struct _msg_info *info, struct channel *c, struct thread *s, size_t msglen);

/*
 * Priorities of receiving threads (msgprio.c): QNX message inheritance and
 * the server boost. msgprio_inherit: r receives a message or pulse of
 * priority prio on c (c->lock; r is current or blocked and being woken).
 * msgprio_drop: the current thread waits to receive at its own priority.
 * msgprio_associate: the current thread receives on c (no locks held).
 * msgprio_boost: something of priority prio waits on c with no receiver
 * (c->lock). msgprio_rebalance: after a receive on a boosted c (c->lock).
 * msgprio_thread_exit: t is ending (no locks held).
 */
void msgprio_inherit(struct channel *c, struct thread *r, int prio);
void msgprio_drop(struct thread *t);
void msgprio_associate(struct thread *t, struct channel *c);
void msgprio_boost(struct channel *c, int prio);
void msgprio_rebalance(struct channel *c);
void msgprio_thread_exit(struct thread *t);

/*
 * The MsgSend fast path (fastpath.c): returns only if one of its
 * preconditions does not hold, having changed nothing; otherwise the hart
 * has switched to the receiver.
 */
struct cpu;
void ipc_fast_send(struct cpu *cpu, struct thread *t);

/* Copies between two user buffers in two address spaces (iodesc.c). */
long iodesc_write(struct aspace *as, struct iodesc d, const void *src, size_t len);
long iodesc_copy(struct aspace *das, struct iodesc d, size_t doff, struct aspace *sas,
                 struct iodesc s, size_t soff, size_t max, bool *fault_dst);
/* Total bytes of a user buffer; negative errno if its iov array is unreadable or too big. */
long iodesc_iov_len(struct aspace *as, struct iodesc d);
static inline long iodesc_len(struct aspace *as, struct iodesc d)
{
	return d.parts < 0 ? -d.parts : iodesc_iov_len(as, d);
}

#endif
