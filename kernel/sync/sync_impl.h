/*
 * sync_impl.h - internals of kernel/sync (see skimmer/sync.h).
 *
 * Three hash tables of buckets, one per object class, keyed by the physical
 * address of the sync_t: condition variables, mutexes, semaphores. A bucket
 * has a lock, the entries of its keys, and ONE waitq on which every thread
 * blocked on any of its keys sits (so a waitq is never freed; the entries
 * list each key's waiters in arrival order).
 *
 * Lock order:
 *     condvar bucket -> mutex bucket -> sync_pi_lock -> (page allocator)
 * Semaphore buckets are never held with another bucket. sync_pi_lock is
 * global: it protects the owner-id table, every thread's sync.held list and
 * sync.mutex_prio, and of every MUTEX entry its owner, held_link, ceiling and
 * waiter list (mutex waiter lists change under both the bucket lock and
 * sync_pi_lock, so the inheritance walk may read them under sync_pi_lock
 * alone). Condvar and semaphore entries are protected by their bucket lock.
 *
 * User words are read and written with atomic operations through the
 * physmap: every key is pinned (struct ukey) by whoever uses it.
 */
#ifndef KERNEL_SYNC_IMPL_H
#define KERNEL_SYNC_IMPL_H

#include <skimmer/list.h>
#include <skimmer/spinlock.h>
#include <skimmer/sync.h>
#include <skimmer/waitq.h>
#include <qsoe/abi/neutrino.h>
#include <arch/memlayout.h>

struct aspace;

enum sync_kind { SYNC_COND = 1, SYNC_MUTEX = 2, SYNC_SEM = 3 };

struct sync_bucket {
	spinlock_t lock;
	struct list entries; /* struct sync_entry */
	struct waitq wq;     /* every thread blocked on a key of this bucket */
	uint8_t kind;
};

struct sync_entry {
	struct list link; /* bucket->entries */
	struct sync_bucket *b;
	struct ukey key; /* pinned while the entry exists */
	uint8_t kind;
	struct list waiters; /* struct thread (sync.link), arrival order */
	unsigned nwaiters;
	/* Mutexes only (sync_pi_lock). */
	struct thread *owner;  /* tracked owner, NULL if none */
	struct list held_link; /* on owner->sync.held */
	uint32_t mflags;       /* _NTO_SYNC_* flags of __count when last locked */
	uint8_t ceiling;       /* priority ceiling (_NTO_SYNC_PRIOCEILING), else 0 */
	bool inconsistent;     /* robust: the owner died; consistency not restored yet */
};

extern spinlock_t sync_pi_lock;

/* ---- keys and words (key.c) ---- */

/*
 * Pins the sync_t at user address va of as. Returns 0, -EFAULT (not a
 * mapped, user-writable address) or -EINVAL (misaligned, or not ordinary
 * RAM).
 */
int ukey_get(struct aspace *as, uaddr_t va, struct ukey *k);
void ukey_put(struct ukey *k);
void ukey_dup(struct ukey *dst, const struct ukey *src);

static inline uint32_t *uk_count(const struct ukey *k)
{
	return (uint32_t *)pa_to_kva(k->pa);
}

static inline uint32_t *uk_owner(const struct ukey *k)
{
	return (uint32_t *)pa_to_kva(k->pa_owner);
}

static inline uint32_t uw_load(uint32_t *w)
{
	return __atomic_load_n(w, __ATOMIC_ACQUIRE);
}

static inline bool uw_cas(uint32_t *w, uint32_t old, uint32_t neu)
{
	return __atomic_compare_exchange_n(w, &old, neu, false, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

static inline void uw_store(uint32_t *w, uint32_t v)
{
	__atomic_store_n(w, v, __ATOMIC_RELEASE);
}

/* ---- buckets and entries (key.c) ---- */

struct sync_bucket *sync_bucket(enum sync_kind kind, paddr_t pa);

/* The entry of key pa in b, or NULL. Caller holds b->lock. */
struct sync_entry *entry_find(struct sync_bucket *b, paddr_t pa);

/*
 * The entry of key k in b, created if absent (from *spare if spare and
 * *spare are non-NULL, which is then consumed). NULL when out of memory.
 * Caller holds b->lock (and sync_pi_lock for a mutex bucket).
 */
struct sync_entry *entry_get(struct sync_bucket *b, const struct ukey *k,
                             struct sync_entry **spare);

/* Frees e if nobody waits on it and it tracks no owner. Same locks as entry_get. */
void entry_put(struct sync_entry *e);

/* Like entry_put, but keeps the memory in *spare if that is empty. */
void entry_put_spare(struct sync_entry *e, struct sync_entry **spare);

/* Allocates an unused entry (for thread->sync.spare); NULL when out of memory. */
struct sync_entry *entry_alloc(void);
void entry_free(struct sync_entry *e);

void entry_add_waiter(struct sync_entry *e, struct thread *t);
void entry_del_waiter(struct sync_entry *e, struct thread *t);

/* The waiter to wake first: highest priority, then longest waiting. */
struct thread *entry_best_waiter(struct sync_entry *e);

/*
 * Moves blocked thread t from bucket 'from's queue to bucket 'to's queue in
 * blocking state 'state'. Caller holds both bucket locks.
 */
void sync_move(struct sync_bucket *from, struct sync_bucket *to, struct thread *t, int state);

/* ---- priority inheritance and owners (pi.c) ---- */

/* The priority t contributes to and receives from inheritance. */
int sync_eff_prio(const struct thread *t);

/* The live thread with owner id id, or NULL. Caller holds sync_pi_lock. */
struct thread *sync_owner_lookup(uint32_t id);

/* Makes t the tracked owner of mutex entry e (untracking a previous one). */
void pi_track(struct sync_entry *e, struct thread *t);
/* Forgets e's tracked owner. */
void pi_untrack(struct sync_entry *e);

/*
 * Recomputes the inherited priority of t and of the owners down the chain
 * of mutexes t waits for (at most SYNC_PI_DEPTH links), and applies the
 * changes on each thread's home hart. Caller holds sync_pi_lock.
 */
void pi_recompute(struct thread *t);

#define SYNC_PI_DEPTH 32 /* mutex owner chain links a priority change follows */

/* ---- mutexes (mutex.c), used by the condvar and thread-exit code ---- */

/* True if the kernel must track this mutex's owner even without waiters. */
static inline bool mutex_tracked_flags(uint32_t count)
{
	return (count & (_NTO_SYNC_ROBUST | _NTO_SYNC_PRIOCEILING)) != 0;
}

/* Mask of the recursion count in a mutex __count value. */
static inline uint32_t mutex_depth_mask(uint32_t count)
{
	return (count & _NTO_SYNC_PRIOCEILING) ? _QSOE_SYNC_CEIL_COUNTMASK : _NTO_SYNC_COUNTMASK;
}

/* Priority ceiling in a mutex __count value, 0 if it has none. */
static inline int mutex_ceiling(uint32_t count)
{
	if (!(count & _NTO_SYNC_PRIOCEILING))
		return 0;
	return (int)((count & _QSOE_SYNC_CEILING_MASK) >> _QSOE_SYNC_CEILING_SHIFT);
}

/* What a mutex __owner value means. */
enum mstate { M_FREE, M_INIT, M_OWNED, M_DEAD, M_NOTREC, M_BAD };
enum mstate mutex_state(uint32_t v);

/*
 * Releases the mutex k, owned by self, completely (whatever its recursion
 * count) for SyncCondvarWait: hands it to the best waiter or frees it.
 * Returns the recursion count it had. Caller holds mb->lock.
 */
uint32_t mutex_release_all(struct sync_bucket *mb, const struct ukey *k, struct thread *self);

/*
 * Second half of a condvar wait: w (blocked, on bucket 'from's queue, off
 * every entry, w->sync.mkey/result/depth set) gets its mutex, or is moved
 * to the mutex's queue to wait for it. Caller holds from->lock and mb->lock.
 */
void mutex_reacquire(struct sync_bucket *from, struct sync_bucket *mb, struct thread *w);

/*
 * t, the tracked owner of mutex entry e, is ending (see sync_thread_exit()).
 * Caller holds e's bucket lock and sync_pi_lock.
 */
void mutex_owner_died(struct sync_entry *e, struct thread *t);

extern const struct waitq_ops sync_cond_ops, sync_mutex_ops, sync_sem_ops;

#endif
