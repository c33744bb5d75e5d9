/*
 * pthread.c - thread life cycle: pthread_create, pthread_exit,
 * pthread_join, pthread_detach, pthread_self, pthread_equal, the registry
 * of live threads, and the cleanup-handler stack.
 *
 * A thread is a kernel thread made with ThreadCreate (stack and TLS block
 * by the kernel, or the caller's stack from the attribute); it starts in
 * thread_start(), which sets up its descriptor and static TLS, runs the
 * start routine and ends through pthread_exit. Joining and detaching are
 * the kernel's (ThreadJoin / ThreadDetach), so the exit value needs no
 * storage here.
 */
#include <stdlib.h>
#include <string.h>
#include "thread_impl.h"

size_t __qsoe_tls_area_size(void) QSOE_HIDDEN;

static struct __qsoe_thread main_thread = {.is_static = 1};
static struct __qsoe_thread *registry = &main_thread;
static qsoe_lock_t registry_lock = QSOE_LOCK_INIT;
static int nthreads = 1; /* live threads (for pthread_exit of the last one) */

void __qsoe_registry_lock(void)
{
	qsoe_lock(&registry_lock);
}

void __qsoe_registry_unlock(void)
{
	qsoe_unlock(&registry_lock);
}

struct __qsoe_thread *__qsoe_thread_find_locked(int tid)
{
	for (struct __qsoe_thread *t = registry; t; t = t->next)
		if (t->tid == tid)
			return t;
	return NULL;
}

/* Called from __libc_start_main: the main thread's descriptor. */
void __qsoe_thread_init(void)
{
	struct _thread_local_storage *tls = __tls();

	main_thread.tid = tls->__tid ? tls->__tid : 1;
	tls->__keydata = (void **)&main_thread;
	tls->__numkeys = PTHREAD_KEYS_MAX;
}

struct __qsoe_thread *__qsoe_self(void)
{
	struct _thread_local_storage *tls = __tls();
	struct __qsoe_thread *t = (struct __qsoe_thread *)tls->__keydata;

	if (t != NULL)
		return t;
	/* A thread made with ThreadCreate directly: give it a descriptor now. */
	t = calloc(1, sizeof(*t));
	if (t == NULL)
		__qsoe_fatal("libc: no memory for a thread descriptor\n");
	t->tid = tls->__tid;
	tls->__keydata = (void **)t;
	tls->__numkeys = PTHREAD_KEYS_MAX;
	qsoe_lock(&registry_lock);
	t->next = registry;
	registry = t;
	nthreads++;
	qsoe_unlock(&registry_lock);
	return t;
}

pthread_t pthread_self(void)
{
	return __tls()->__tid;
}

int pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

/* Where a new thread begins: descriptor and TLS, then its start routine. */
static void *thread_start(void *arg)
{
	struct __qsoe_thread *t = arg;
	struct _thread_local_storage *tls = __tls();

	tls->__keydata = (void **)t;
	tls->__numkeys = PTHREAD_KEYS_MAX;
	if (t->tls_area)
		__qsoe_tls_setup(t->tls_area);
	pthread_exit(t->start(t->arg));
}

/* A thread function that returns comes here (the TLS block's __exitfunc). */
static void thread_return(void *value)
{
	pthread_exit(value);
}

int pthread_create(pthread_t *__restrict thread, const pthread_attr_t *__restrict attr,
                   void *(*start)(void *), void *__restrict arg)
{
	struct _thread_attr a;
	size_t tls = __qsoe_tls_area_size();

	if (start == NULL)
		return EINVAL;
	struct __qsoe_thread *t = calloc(1, sizeof(*t));
	if (t == NULL)
		return EAGAIN;
	if (tls && (t->tls_area = malloc(tls)) == NULL) {
		free(t);
		return EAGAIN;
	}
	t->start = start;
	t->arg = arg;
	if (attr)
		a = *attr;
	else
		memset(&a, 0, sizeof(a));
	a.__exitfunc = thread_return;
	qsoe_lock(&registry_lock);
	int tid = ThreadCreate_r(0, thread_start, t, &a);
	if (tid < 0) {
		qsoe_unlock(&registry_lock);
		free(t->tls_area);
		free(t);
		return tid == -ENOMEM ? EAGAIN : -tid;
	}
	t->tid = tid;
	t->next = registry;
	registry = t;
	nthreads++;
	qsoe_unlock(&registry_lock);
	if (thread)
		*thread = tid;
	return 0;
}

/* Runs and pops the calling thread's cleanup handlers, newest first. */
static void run_cleanup(void)
{
	struct _thread_local_storage *tls = __tls();
	struct __pthread_cleanup *c;

	while ((c = tls->__cleanup) != NULL) {
		tls->__cleanup = c->__next;
		c->__fn(c->__arg);
	}
}

__attribute__((noreturn)) void pthread_exit(void *value)
{
	struct __qsoe_thread *t = __qsoe_self();

	__tls()->__flags |= _QSOE_TLS_CANCEL_DISABLE; /* no cancellation from here on */
	run_cleanup();
	__qsoe_tsd_run_destructors();
	qsoe_lock(&registry_lock);
	for (struct __qsoe_thread **p = &registry; *p; p = &(*p)->next)
		if (*p == t) {
			*p = t->next;
			break;
		}
	int last = --nthreads == 0;
	qsoe_unlock(&registry_lock);
	if (last)
		exit(0); /* POSIX: the process ends as if exit(0) when its last thread ends */
	/* Nothing below touches the descriptor or the TLS area. */
	void *area = t->tls_area;
	if (!t->is_static)
		free(t);
	free(area);
	for (;;)
		ThreadDestroy_r(0, -1, value);
}

/* Waits for thread to end and stores its exit value. Cancellation point. */
int pthread_join(pthread_t thread, void **value)
{
	void *v;

	__qsoe_testcancel();
	for (;;) {
		int r = ThreadJoin_r(thread, &v);
		if (r == -EINTR) {
			__qsoe_testcancel();
			continue;
		}
		if (r < 0)
			return r == -EBUSY ? EINVAL : -r;
		break;
	}
	if (value)
		*value = v;
	return 0;
}

int pthread_detach(pthread_t thread)
{
	int r = ThreadDetach_r(thread);
	return r < 0 ? -r : 0;
}

void __pthread_cleanup_push(struct __pthread_cleanup *c, void (*fn)(void *), void *arg)
{
	struct _thread_local_storage *tls = __tls();

	c->__fn = fn;
	c->__arg = arg;
	c->__next = tls->__cleanup;
	tls->__cleanup = c;
}

void __pthread_cleanup_pop(struct __pthread_cleanup *c, int execute)
{
	__tls()->__cleanup = c->__next;
	if (execute)
		c->__fn(c->__arg);
}

/* QSOE has no fork(): the handlers would never run, so none are kept. */
int pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void))
{
	(void)prepare, (void)parent, (void)child;
	return 0;
}

int pthread_getconcurrency(void)
{
	return 0;
}

/* Every thread is a kernel thread: the level is only remembered. */
int pthread_setconcurrency(int level)
{
	return level < 0 ? EINVAL : 0;
}

/*
 * Thread names live in the kernel (ThreadCtl _NTO_TCTL_NAME), where pidin
 * and /proc see them. Names are at most _NTO_THREAD_NAME_MAX - 1 bytes
 * (longer: ERANGE). Returns 0 or an errno (ESRCH: no such thread).
 */
int pthread_setname_np(pthread_t thread, const char *name)
{
	struct {
		struct _thread_name h;
		char buf[_NTO_THREAD_NAME_MAX];
	} n;

	if (name == NULL)
		return EINVAL;
	size_t len = strlen(name);
	if (len >= _NTO_THREAD_NAME_MAX)
		return ERANGE;
	n.h.new_name_len = (int)len;
	n.h.name_buf_len = 0;
	memcpy(n.h.name_buf, name, len);
	return -ThreadCtlExt_r(0, thread, _NTO_TCTL_NAME, &n);
}

/* Copies thread's name ("" if it has none) into name[len]; ERANGE if it does not fit. */
int pthread_getname_np(pthread_t thread, char *name, int len)
{
	struct {
		struct _thread_name h;
		char buf[_NTO_THREAD_NAME_MAX];
	} n;

	if (name == NULL || len <= 0)
		return EINVAL;
	n.h.new_name_len = -1;
	n.h.name_buf_len = _NTO_THREAD_NAME_MAX;
	int r = -ThreadCtlExt_r(0, thread, _NTO_TCTL_NAME, &n);
	if (r)
		return r;
	if (strlen(n.h.name_buf) >= (size_t)len)
		return ERANGE;
	strcpy(name, n.h.name_buf);
	return 0;
}
