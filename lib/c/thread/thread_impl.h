/*
 * thread_impl.h - private state of libc's thread library.
 *
 * Every thread has a descriptor. Its first member is the array of
 * thread-specific values, so the QNX TLS block's __keydata (which points
 * at the descriptor) still points at "the pthread_key_t values" as QNX
 * defines it. pthread_t is the kernel's thread id (QNX), so other threads'
 * descriptors are found through a registry of live threads.
 */
#ifndef QSOE_THREAD_IMPL_H
#define QSOE_THREAD_IMPL_H

#include <pthread.h>
#include "qsoe_os.h"

struct __qsoe_thread {
	void *keys[PTHREAD_KEYS_MAX];       /* must be first (TLS __keydata) */
	unsigned key_seq[PTHREAD_KEYS_MAX]; /* generation each value was set in */
	int tid;
	void *(*start)(void *);
	void *arg;
	int cancel_pending; /* atomic: pthread_cancel was called (state and type: TLS __flags) */
	int is_static;      /* the main thread's descriptor (never freed) */
	void *tls_area;     /* static TLS area (freed at exit), if any */
	struct __qsoe_thread *next; /* registry */
};

/* The calling thread's descriptor (created on first use for foreign threads). */
struct __qsoe_thread *__qsoe_self(void) QSOE_HIDDEN;

/* The descriptor of thread tid with the registry locked; NULL if unknown. */
struct __qsoe_thread *__qsoe_thread_find_locked(int tid) QSOE_HIDDEN;
void __qsoe_registry_lock(void) QSOE_HIDDEN;
void __qsoe_registry_unlock(void) QSOE_HIDDEN;

/* Nanoseconds of an absolute timespec (EINVAL if invalid; negative times are 0). */
int __qsoe_abs_ns(const struct timespec *ts, uint64_t *ns) QSOE_HIDDEN;

#endif /* QSOE_THREAD_IMPL_H */
