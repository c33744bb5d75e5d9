/*
 * thread_pool.c - QNX thread pools: threads that each loop block_func ->
 * handler_func on a context of their own, with the number of threads
 * blocked kept between lo_water and hi_water (never more than maximum in
 * all).
 *
 * Locking: pool->lock protects the counters and the list of contexts; it
 * is never held while a thread blocks or handles.
 */
#include <sys/dispatch.h>

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct _thread_pool {
	thread_pool_attr_t attr;
	unsigned flags;
	pthread_mutex_t lock;
	pthread_cond_t gone; /* a thread ended */
	unsigned nthreads;   /* threads alive (created and not yet ended) */
	unsigned nwaiting;   /* of them, blocked in block_func */
	int destroying;
	THREAD_POOL_PARAM_T **ctps; /* each live thread's context (for unblock_func) */
	unsigned nctps;
};

static void *pool_thread(void *arg);

/* Records (add) or forgets (!add) a thread's context. pool->lock held. */
static void track(thread_pool_t *p, THREAD_POOL_PARAM_T *ctp, int add)
{
	if (add) {
		THREAD_POOL_PARAM_T **n = realloc(p->ctps, (p->nctps + 1) * sizeof(*n));
		if (n != NULL) {
			p->ctps = n;
			p->ctps[p->nctps++] = ctp;
		}
		return;
	}
	for (unsigned i = 0; i < p->nctps; i++)
		if (p->ctps[i] == ctp) {
			p->ctps[i] = p->ctps[--p->nctps];
			return;
		}
}

/* Starts n more threads (the counts were raised by the caller already). */
static void spawn(thread_pool_t *p, unsigned n)
{
	pthread_attr_t a;

	if (p->attr.attr != NULL)
		a = *p->attr.attr;
	else
		pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	for (unsigned i = 0; i < n; i++) {
		pthread_t t;
		if (pthread_create(&t, &a, pool_thread, p) != 0) {
			pthread_mutex_lock(&p->lock);
			p->nthreads--;
			pthread_cond_broadcast(&p->gone);
			pthread_mutex_unlock(&p->lock);
		}
	}
	if (p->attr.attr == NULL)
		pthread_attr_destroy(&a);
}

/* One pool thread's life: block, grow the pool if needed, handle, maybe end. */
static void pool_loop(thread_pool_t *p)
{
	THREAD_POOL_PARAM_T *ctp = p->attr.context_alloc(p->attr.handle);

	pthread_mutex_lock(&p->lock);
	if (ctp != NULL)
		track(p, ctp, 1);
	pthread_mutex_unlock(&p->lock);
	while (ctp != NULL) {
		pthread_mutex_lock(&p->lock);
		if (p->destroying) {
			pthread_mutex_unlock(&p->lock);
			break;
		}
		p->nwaiting++;
		pthread_mutex_unlock(&p->lock);

		THREAD_POOL_PARAM_T *got = p->attr.block_func(ctp);
		int err = got == NULL ? errno : 0;

		pthread_mutex_lock(&p->lock);
		p->nwaiting--;
		unsigned more = 0;
		if (!p->destroying && p->nwaiting < p->attr.lo_water &&
		    p->nthreads < p->attr.maximum) {
			more = p->attr.increment ? p->attr.increment : 1;
			if (more > p->attr.maximum - p->nthreads)
				more = p->attr.maximum - p->nthreads;
			p->nthreads += more;
		}
		int stop = p->destroying;
		pthread_mutex_unlock(&p->lock);
		if (more)
			spawn(p, more);
		if (stop)
			break;
		if (got == NULL) {
			if (err == EINTR || err == ETIMEDOUT)
				continue;
			break; /* the channel is gone or unusable */
		}
		if (got != ctp) { /* block_func may hand back another context */
			pthread_mutex_lock(&p->lock);
			track(p, ctp, 0);
			track(p, got, 1);
			pthread_mutex_unlock(&p->lock);
			ctp = got;
		}
		p->attr.handler_func(ctp);

		pthread_mutex_lock(&p->lock);
		stop = p->nwaiting >= p->attr.hi_water && p->nthreads > p->attr.lo_water;
		pthread_mutex_unlock(&p->lock);
		if (stop)
			break;
	}
	pthread_mutex_lock(&p->lock);
	if (ctp != NULL)
		track(p, ctp, 0);
	pthread_mutex_unlock(&p->lock);
	if (ctp != NULL && p->attr.context_free != NULL)
		p->attr.context_free(ctp);
	pthread_mutex_lock(&p->lock);
	p->nthreads--;
	pthread_cond_broadcast(&p->gone);
	pthread_mutex_unlock(&p->lock);
}

/* Entry point of a pool thread. */
static void *pool_thread(void *arg)
{
	pool_loop(arg);
	return NULL;
}

/*
 * Creates a thread pool (no thread yet; thread_pool_start() starts them).
 * Returns it, or NULL with errno EINVAL (missing functions, inconsistent
 * limits) or ENOMEM.
 */
thread_pool_t *thread_pool_create(thread_pool_attr_t *pool_attr, unsigned flags)
{
	if (pool_attr == NULL || pool_attr->block_func == NULL || pool_attr->handler_func == NULL ||
	    pool_attr->context_alloc == NULL || pool_attr->maximum == 0 ||
	    pool_attr->lo_water > pool_attr->hi_water || pool_attr->hi_water > pool_attr->maximum) {
		errno = EINVAL;
		return NULL;
	}
	thread_pool_t *p = calloc(1, sizeof(*p));
	if (p == NULL) {
		errno = ENOMEM;
		return NULL;
	}
	p->attr = *pool_attr;
	p->flags = flags;
	pthread_condattr_t ca;
	pthread_condattr_init(&ca);
	pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->gone, &ca);
	pthread_condattr_destroy(&ca);
	return p;
}

/*
 * Starts the pool's first threads (lo_water of them, at least one). With
 * POOL_FLAG_USE_SELF the caller becomes one of them and returns only after
 * thread_pool_destroy(); with POOL_FLAG_EXIT_SELF the calling thread ends.
 * Returns 0, or -1 with errno.
 */
int thread_pool_start(void *pool)
{
	thread_pool_t *p = pool;

	if (p == NULL) {
		errno = EINVAL;
		return -1;
	}
	unsigned n = p->attr.lo_water ? p->attr.lo_water : 1;
	if (n > p->attr.maximum)
		n = p->attr.maximum;
	pthread_mutex_lock(&p->lock);
	p->nthreads += n;
	pthread_mutex_unlock(&p->lock);
	if (p->flags & POOL_FLAG_USE_SELF) {
		spawn(p, n - 1);
		pool_loop(p);
		return 0;
	}
	spawn(p, n);
	if (p->flags & POOL_FLAG_EXIT_SELF)
		pthread_exit(NULL);
	return 0;
}

/*
 * Stops the pool: every thread ends once its current handler returns
 * (blocked threads are woken with unblock_func), then the pool is freed.
 * Waits for the threads, so it must not be called from one of them.
 * Returns 0, or -1 with errno EINVAL.
 */
int thread_pool_destroy(thread_pool_t *p)
{
	if (p == NULL) {
		errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&p->lock);
	p->destroying = 1;
	for (;;) {
		unsigned waiting = p->nwaiting;
		if (p->attr.unblock_func != NULL)
			for (unsigned i = 0; i < p->nctps && waiting > 0; i++, waiting--)
				p->attr.unblock_func(p->ctps[i]);
		if (p->nthreads == 0)
			break;
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		ts.tv_nsec += 50000000;
		if (ts.tv_nsec >= 1000000000) {
			ts.tv_sec++;
			ts.tv_nsec -= 1000000000;
		}
		pthread_cond_timedwait(&p->gone, &p->lock, &ts);
	}
	pthread_mutex_unlock(&p->lock);
	pthread_cond_destroy(&p->gone);
	pthread_mutex_destroy(&p->lock);
	free(p->ctps);
	free(p);
	return 0;
}

/*
 * Waits until the number of threads is between lower and upper (with
 * THREAD_POOL_CONTROL_NONBLOCK: just reports). attr (if given) receives
 * the pool's attributes. Returns 0, or -1 with errno EWOULDBLOCK.
 */
int thread_pool_control(thread_pool_t *p, thread_pool_attr_t *attr, uint16_t lower, uint16_t upper,
                        unsigned flags)
{
	if (p == NULL) {
		errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&p->lock);
	if (attr != NULL)
		*attr = p->attr;
	while (!(p->nthreads >= lower && p->nthreads <= upper)) {
		if (flags & THREAD_POOL_CONTROL_NONBLOCK) {
			pthread_mutex_unlock(&p->lock);
			errno = EWOULDBLOCK;
			return -1;
		}
		pthread_cond_wait(&p->gone, &p->lock);
	}
	pthread_mutex_unlock(&p->lock);
	return 0;
}

/* Changes the pool's limits (ignoring negative values). Returns 0, or -1 with errno EINVAL. */
int thread_pool_limits(thread_pool_t *p, int lowater, int hiwater, int maximum, int increment,
                       unsigned flags)
{
	if (p == NULL) {
		errno = EINVAL;
		return -1;
	}
	pthread_mutex_lock(&p->lock);
	thread_pool_attr_t a = p->attr;
	if (lowater >= 0)
		a.lo_water = (unsigned short)lowater;
	if (hiwater >= 0)
		a.hi_water = (unsigned short)hiwater;
	if (maximum > 0)
		a.maximum = (unsigned short)maximum;
	if (increment >= 0)
		a.increment = (unsigned short)increment;
	int ok = a.lo_water <= a.hi_water && a.hi_water <= a.maximum;
	if (ok)
		p->attr = a;
	pthread_mutex_unlock(&p->lock);
	if (!ok) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}
