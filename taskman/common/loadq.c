/*
 * loadq.c - the loader threads: the only taskman threads that send
 * messages to other processes. A spawn whose program, "#!" interpreter or
 * library lives on another resource manager is queued here by the pool
 * thread that received it (which goes back to receiving at once); a loader
 * takes it, reads the files as a client of their servers, creates the
 * process and replies. A loader holds no lock while a message is out.
 *
 * Loaders are started on demand, one per waiting load while fewer than
 * the maximum exist (TM_LOADERS_MAX, or the loaders= boot option), and
 * then stay. Beyond the maximum, loads wait in the queue (memory only).
 * lq_lock covers the queue, the list of running loads and the counters;
 * it is a leaf (nothing else is taken while it is held).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/imgfile.h>
#include <taskman/spawn.h>

#define LOADER_STACK (128 * 1024)

struct job {
	struct job *next;
	rcvid_t rcvid;
	pid_t sender;
	int prio;
	int state; /* TM_LOAD_* (imgfile.h), atomic: who answers the spawner */
	void *req; /* a copy of the TM_SPAWN request */
	size_t len;
};

static tm_lock_t lq_lock = TM_LOCK_INIT;
static struct job *queue, **queue_tail = &queue; /* waiting for a loader */
static struct job *running;                      /* being loaded */
static int nqueued, nloaders, nidle;
static int max_loaders = TM_LOADERS_MAX;
static sync_t lq_sem = {{0}, _NTO_SYNC_SEM}; /* one unit per queued job */

/* See spawn.h. */
void tm_loadq_set_max(int n)
{
	if (n >= 1)
		__atomic_store_n(&max_loaders, n, __ATOMIC_RELEASE);
}

/* The next queued job, now on the running list; NULL if the queue is empty. */
static struct job *take(void)
{
	tm_lock(&lq_lock);
	nidle--;
	struct job *j = queue;
	if (j) {
		queue = j->next;
		if (queue == NULL)
			queue_tail = &queue;
		nqueued--;
		j->next = running;
		running = j;
	}
	tm_unlock(&lq_lock);
	return j;
}

/* Takes a finished job off the running list and frees it. */
static void finish(struct job *j)
{
	tm_lock(&lq_lock);
	for (struct job **pj = &running; *pj; pj = &(*pj)->next)
		if (*pj == j) {
			*pj = j->next;
			break;
		}
	nidle++;
	tm_unlock(&lq_lock);
	free(j->req);
	free(j);
}

/* A loader thread: waits for a job, runs the spawn with blocking I/O allowed, repeats. */
static void *loader(void *arg)
{
	(void)arg;
	for (;;) {
		int r = __qsoe_sem_wait(&lq_sem);
		if (r != 0) {
			if (r != EINTR)
				tm_panic("loader semaphore failed: error %d", r);
			continue;
		}
		struct job *j = take();
		if (j == NULL) {
			tm_lock(&lq_lock);
			nidle++;
			tm_unlock(&lq_lock);
			continue; /* a job cancelled while queued left its unit behind */
		}
		struct sched_param sp = {.sched_priority = j->prio};
		if (j->prio > 0)
			SchedSet_r(0, 0, SCHED_NOCHANGE, &sp); /* work at the spawner's priority */
		struct tm_io io = {.may_block = 1, .state = &j->state, .waiter = j->sender};
		tm_spawn_request(j->req, j->len, j->rcvid, j->sender, j->prio, &io);
		finish(j);
	}
	return NULL;
}

/* Starts one more loader thread; 0 or a negative errno. */
static int start_loader(void)
{
	struct _thread_attr attr;

	memset(&attr, 0, sizeof(attr));
	attr.__stacksize = LOADER_STACK;
	int r = ThreadCreate_r(0, loader, NULL, &attr);
	return r < 0 ? r : 0;
}

/* Takes j off the queue if it is there (lq_lock held); 1 if it was. */
static int unlink_queued_locked(struct job *j)
{
	for (struct job **pj = &queue; *pj; pj = &(*pj)->next)
		if (*pj == j) {
			*pj = j->next;
			if (queue_tail == &j->next)
				queue_tail = pj;
			nqueued--;
			return 1;
		}
	return 0;
}

/* See spawn.h. */
int tm_loadq_submit(rcvid_t rcvid, pid_t sender, int prio, const void *req, size_t len)
{
	struct job *j = calloc(1, sizeof(*j));

	if (j == NULL || (j->req = malloc(len)) == NULL) {
		free(j);
		return -ENOMEM;
	}
	memcpy(j->req, req, len);
	j->len = len;
	j->rcvid = rcvid;
	j->sender = sender;
	j->prio = prio;
	tm_lock(&lq_lock);
	*queue_tail = j;
	queue_tail = &j->next;
	nqueued++;
	int grow = nqueued > nidle && nloaders < __atomic_load_n(&max_loaders, __ATOMIC_ACQUIRE);
	if (grow) {
		nloaders++;
		nidle++; /* counted idle until it takes a job */
	}
	tm_unlock(&lq_lock);
	if (grow && start_loader() < 0) {
		tm_log("cannot start a loader thread\n");
		tm_lock(&lq_lock);
		nloaders--;
		nidle--;
		int none = nloaders == 0 && unlink_queued_locked(j);
		tm_unlock(&lq_lock);
		if (none) { /* nobody would ever take it */
			free(j->req);
			free(j);
			return -EAGAIN;
		}
	}
	__qsoe_sem_post(&lq_sem);
	/* an unblock pulse handled before the job was queued found nothing */
	if (tm_unblock_requested(rcvid))
		tm_loadq_cancel(rcvid);
	return 0;
}

/* See spawn.h. */
int tm_loadq_cancel(rcvid_t rcvid)
{
	int found = 0;

	tm_lock(&lq_lock);
	for (struct job *j = queue; j; j = j->next)
		if (j->rcvid == rcvid) {
			unlink_queued_locked(j);
			tm_error(rcvid, EINTR); /* copies to a REPLY-blocked client: never blocks */
			free(j->req);
			free(j);
			found = 1;
			break;
		}
	for (struct job *j = running; j && !found; j = j->next)
		if (j->rcvid == rcvid) {
			/* answered now, unless the loader has claimed the reply (the
			   process exists or its error is on the way); the loader
			   notices at its next step and drops the load */
			int busy = TM_LOAD_BUSY;
			if (__atomic_compare_exchange_n(&j->state, &busy, TM_LOAD_CANCELLED, 0,
			                                __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
				tm_error(rcvid, EINTR);
			found = 1;
		}
	tm_unlock(&lq_lock);
	return found;
}
