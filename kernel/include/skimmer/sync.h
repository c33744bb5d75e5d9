/*
 * sync.h - the kernel half of QNX mutexes, condition variables and
 * semaphores (kernel/sync/).
 *
 * User space owns the objects: a sync_t in its memory, locked and released
 * with atomic operations on the words (<qsoe/syncfast.h>). The kernel is
 * entered only on contention. It keys its state by the PHYSICAL address of
 * the sync_t, so an object in memory shared between processes is one object
 * whatever its virtual address; the state lives in hash buckets of per-key
 * entries that exist only while threads wait on the key or the kernel
 * tracks the owner of a mutex (priority inheritance, robust and ceiling
 * mutexes). Nothing here involves any user process.
 *
 * This header is what the rest of the kernel needs: the per-thread state
 * embedded in struct thread and the hooks the thread code calls.
 */
#ifndef SKIMMER_SYNC_H
#define SKIMMER_SYNC_H

#include <skimmer/list.h>
#include <skimmer/types.h>

struct page;
struct thread;
struct sync_entry;

/*
 * A pinned user sync_t: the physical address of its first word (__count,
 * the key) and of its __owner word, which is on the next page when the
 * object straddles a page boundary. Each page holds a reference, so the
 * words stay valid memory for the kernel even if the user unmaps them.
 */
struct ukey {
	paddr_t pa;         /* __count: the key */
	paddr_t pa_owner;   /* __owner */
	struct page *pg[2]; /* pinned pages (pg[1] only if the object straddles) */
};

/* Per-thread state (struct thread .sync). */
struct sync_thread {
	uint32_t owner_id;        /* system-wide owner id, the TLS __owner value (never 0) */
	uint8_t mutex_prio;       /* priority inherited through mutexes; 0 = none (pi lock) */
	bool reacquire;           /* blocked on a mutex to finish a SyncCondvarWait */
	int32_t result;           /* what that SyncCondvarWait returns once it has the mutex */
	uint32_t depth;           /* recursion count of the mutex, restored on re-acquire */
	struct list held;         /* mutex entries it owns that the kernel tracks (pi lock) */
	struct list link;         /* on entry->waiters while blocked */
	struct sync_entry *entry; /* the entry it is blocked on */
	struct ukey mkey;         /* SyncCondvarWait: the mutex to re-acquire (pinned) */
	struct sync_entry *spare; /* entry kept for the condvar -> mutex requeue */
};

/* Sets up the hash tables and caches (boot, once). */
void sync_init(void);

/*
 * Gives a new thread its owner id. Returns 0 or -EAGAIN when the id space
 * (_QSOE_SYNC_OWNER_MAX ids) or memory is exhausted.
 */
int sync_thread_init(struct thread *t);

/* Undoes sync_thread_init for a thread that never ran. */
void sync_thread_release(struct thread *t);

/*
 * A thread is ending (home hart, no longer blocked): its owner id is
 * retired and every mutex the kernel knows it holds is dealt with (robust:
 * the next owner gets EOWNERDEAD; otherwise the waiters stay blocked, and
 * if the whole process is going the mutex enters the DEAD state).
 */
void sync_thread_exit(struct thread *t);

/* The priority t should run at: its own, or a higher one it inherits. */
int sync_thread_prio(const struct thread *t);

/* t's base priority changed: re-propagate inheritance through what it waits for. */
void sync_prio_changed(struct thread *t);

#endif
