/*
 * pthread.h - threads (POSIX). Object layouts are QNX's (sys/types.h);
 * constants are QNX's. The implementation lives in libc's thread code.
 */
#ifndef _PTHREAD_H
#define _PTHREAD_H

#include <sys/cdefs.h>
#include <sys/types.h>
#include <qsoe/abi/time.h>
#include <qsoe/abi/sched.h>

__BEGIN_DECLS

#define PTHREAD_CREATE_JOINABLE       0x00
#define PTHREAD_CREATE_DETACHED       0x01
#define PTHREAD_INHERIT_SCHED         0x00
#define PTHREAD_EXPLICIT_SCHED        0x02
#define PTHREAD_SCOPE_SYSTEM          0x00
#define PTHREAD_SCOPE_PROCESS         0x04
#define PTHREAD_CANCEL_ENABLE         0x00
#define PTHREAD_CANCEL_DISABLE        0x01
#define PTHREAD_CANCEL_DEFERRED       0x00
#define PTHREAD_CANCEL_ASYNCHRONOUS   0x02
#define PTHREAD_CANCELED              ((void *)-1)

#define PTHREAD_MUTEX_DEFAULT         0
#define PTHREAD_MUTEX_ERRORCHECK      1
#define PTHREAD_MUTEX_RECURSIVE       2
#define PTHREAD_MUTEX_NORMAL          3
#define PTHREAD_MUTEX_STALLED         0x00
#define PTHREAD_MUTEX_ROBUST          0x10
#define PTHREAD_PROCESS_PRIVATE       0x00
#define PTHREAD_PROCESS_SHARED        0x01
#define PTHREAD_PRIO_INHERIT          0
#define PTHREAD_PRIO_NONE             1
#define PTHREAD_PRIO_PROTECT          2

#define PTHREAD_BARRIER_SERIAL_THREAD (-1)
#define PTHREAD_ONCE_INIT                          \
	{                                          \
		0,                                 \
		{                                  \
			{0x80000000u}, 0xffffffffu \
		}                                  \
	}

#define PTHREAD_MUTEX_INITIALIZER          \
	{                                  \
		{0x80000000u}, 0xffffffffu \
	}
#define PTHREAD_RMUTEX_INITIALIZER \
	{                          \
		{0}, 0xffffffffu   \
	}
#define PTHREAD_RECURSIVE_MUTEX_INITIALIZER PTHREAD_RMUTEX_INITIALIZER
#define PTHREAD_COND_INITIALIZER \
	{                        \
		{0}, 0xfffffffbu \
	}
#define PTHREAD_RWLOCK_INITIALIZER                                               \
	{                                                                        \
		0, 0, 0, 0, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER, \
		        PTHREAD_COND_INITIALIZER, 0xfffffffeu, 0                 \
	}

int pthread_create(pthread_t *__restrict thread, const pthread_attr_t *__restrict attr,
                   void *(*start)(void *), void *__restrict arg);
__QSOE_NORETURN void pthread_exit(void *value);
int pthread_join(pthread_t thread, void **value);
int pthread_detach(pthread_t thread);
pthread_t pthread_self(void);
int pthread_equal(pthread_t a, pthread_t b);
int pthread_once(pthread_once_t *once, void (*fn)(void));
int pthread_cancel(pthread_t thread);
int pthread_setcancelstate(int state, int *oldstate);
int pthread_setcanceltype(int type, int *oldtype);
void pthread_testcancel(void);
int pthread_getschedparam(pthread_t thread, int *__restrict policy,
                          struct sched_param *__restrict param);
int pthread_setschedparam(pthread_t thread, int policy, const struct sched_param *param);
int pthread_setschedprio(pthread_t thread, int prio);
int pthread_getconcurrency(void);
int pthread_setconcurrency(int level);
int pthread_getcpuclockid(pthread_t thread, clockid_t *clock);
int pthread_setname_np(pthread_t thread, const char *name);
int pthread_getname_np(pthread_t thread, char *name, int len);
int pthread_atfork(void (*prepare)(void), void (*parent)(void), void (*child)(void));

/* Cleanup handlers: push and pop must be used in the same lexical scope. */
struct __pthread_cleanup {
	struct __pthread_cleanup *__next;
	void (*__fn)(void *);
	void *__arg;
};
void __pthread_cleanup_push(struct __pthread_cleanup *c, void (*fn)(void *), void *arg);
void __pthread_cleanup_pop(struct __pthread_cleanup *c, int execute);
#define pthread_cleanup_push(fn, arg)           \
	do {                                    \
		struct __pthread_cleanup __cln; \
		__pthread_cleanup_push(&__cln, (fn), (arg));
#define pthread_cleanup_pop(execute)              \
	__pthread_cleanup_pop(&__cln, (execute)); \
	}                                         \
	while (0)

int pthread_attr_init(pthread_attr_t *attr);
int pthread_attr_destroy(pthread_attr_t *attr);
int pthread_attr_getdetachstate(const pthread_attr_t *attr, int *state);
int pthread_attr_setdetachstate(pthread_attr_t *attr, int state);
int pthread_attr_getguardsize(const pthread_attr_t *__restrict attr, size_t *__restrict size);
int pthread_attr_setguardsize(pthread_attr_t *attr, size_t size);
int pthread_attr_getinheritsched(const pthread_attr_t *__restrict attr, int *__restrict inherit);
int pthread_attr_setinheritsched(pthread_attr_t *attr, int inherit);
int pthread_attr_getschedparam(const pthread_attr_t *__restrict attr,
                               struct sched_param *__restrict param);
int pthread_attr_setschedparam(pthread_attr_t *__restrict attr,
                               const struct sched_param *__restrict param);
int pthread_attr_getschedpolicy(const pthread_attr_t *__restrict attr, int *__restrict policy);
int pthread_attr_setschedpolicy(pthread_attr_t *attr, int policy);
int pthread_attr_getscope(const pthread_attr_t *__restrict attr, int *__restrict scope);
int pthread_attr_setscope(pthread_attr_t *attr, int scope);
int pthread_attr_getstack(const pthread_attr_t *__restrict attr, void **__restrict addr,
                          size_t *__restrict size);
int pthread_attr_setstack(pthread_attr_t *attr, void *addr, size_t size);
int pthread_attr_getstacksize(const pthread_attr_t *__restrict attr, size_t *__restrict size);
int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size);

int pthread_mutex_init(pthread_mutex_t *__restrict m, const pthread_mutexattr_t *__restrict attr);
int pthread_mutex_destroy(pthread_mutex_t *m);
int pthread_mutex_lock(pthread_mutex_t *m);
int pthread_mutex_trylock(pthread_mutex_t *m);
int pthread_mutex_timedlock(pthread_mutex_t *__restrict m, const struct timespec *__restrict abs);
int pthread_mutex_clocklock(pthread_mutex_t *__restrict m, clockid_t clock,
                            const struct timespec *__restrict abs);
int pthread_mutex_unlock(pthread_mutex_t *m);
int pthread_mutex_consistent(pthread_mutex_t *m);
int pthread_mutex_getprioceiling(const pthread_mutex_t *__restrict m, int *__restrict ceiling);
int pthread_mutex_setprioceiling(pthread_mutex_t *__restrict m, int ceiling, int *__restrict old);
int pthread_mutexattr_init(pthread_mutexattr_t *attr);
int pthread_mutexattr_destroy(pthread_mutexattr_t *attr);
int pthread_mutexattr_gettype(const pthread_mutexattr_t *__restrict attr, int *__restrict type);
int pthread_mutexattr_settype(pthread_mutexattr_t *attr, int type);
int pthread_mutexattr_getpshared(const pthread_mutexattr_t *__restrict attr,
                                 int *__restrict pshared);
int pthread_mutexattr_setpshared(pthread_mutexattr_t *attr, int pshared);
int pthread_mutexattr_getprotocol(const pthread_mutexattr_t *__restrict attr,
                                  int *__restrict protocol);
int pthread_mutexattr_setprotocol(pthread_mutexattr_t *attr, int protocol);
int pthread_mutexattr_getprioceiling(const pthread_mutexattr_t *__restrict attr,
                                     int *__restrict ceiling);
int pthread_mutexattr_setprioceiling(pthread_mutexattr_t *attr, int ceiling);
int pthread_mutexattr_getrobust(const pthread_mutexattr_t *__restrict attr, int *__restrict robust);
int pthread_mutexattr_setrobust(pthread_mutexattr_t *attr, int robust);

int pthread_cond_init(pthread_cond_t *__restrict c, const pthread_condattr_t *__restrict attr);
int pthread_cond_destroy(pthread_cond_t *c);
int pthread_cond_wait(pthread_cond_t *__restrict c, pthread_mutex_t *__restrict m);
int pthread_cond_timedwait(pthread_cond_t *__restrict c, pthread_mutex_t *__restrict m,
                           const struct timespec *__restrict abs);
int pthread_cond_clockwait(pthread_cond_t *__restrict c, pthread_mutex_t *__restrict m,
                           clockid_t clock, const struct timespec *__restrict abs);
int pthread_cond_signal(pthread_cond_t *c);
int pthread_cond_broadcast(pthread_cond_t *c);
int pthread_condattr_init(pthread_condattr_t *attr);
int pthread_condattr_destroy(pthread_condattr_t *attr);
int pthread_condattr_getclock(const pthread_condattr_t *__restrict attr,
                              clockid_t *__restrict clock);
int pthread_condattr_setclock(pthread_condattr_t *attr, clockid_t clock);
int pthread_condattr_getpshared(const pthread_condattr_t *__restrict attr, int *__restrict pshared);
int pthread_condattr_setpshared(pthread_condattr_t *attr, int pshared);

int pthread_rwlock_init(pthread_rwlock_t *__restrict rw,
                        const pthread_rwlockattr_t *__restrict attr);
int pthread_rwlock_destroy(pthread_rwlock_t *rw);
int pthread_rwlock_rdlock(pthread_rwlock_t *rw);
int pthread_rwlock_tryrdlock(pthread_rwlock_t *rw);
int pthread_rwlock_timedrdlock(pthread_rwlock_t *__restrict rw,
                               const struct timespec *__restrict abs);
int pthread_rwlock_wrlock(pthread_rwlock_t *rw);
int pthread_rwlock_trywrlock(pthread_rwlock_t *rw);
int pthread_rwlock_timedwrlock(pthread_rwlock_t *__restrict rw,
                               const struct timespec *__restrict abs);
int pthread_rwlock_unlock(pthread_rwlock_t *rw);
int pthread_rwlockattr_init(pthread_rwlockattr_t *attr);
int pthread_rwlockattr_destroy(pthread_rwlockattr_t *attr);
int pthread_rwlockattr_getpshared(const pthread_rwlockattr_t *__restrict attr,
                                  int *__restrict pshared);
int pthread_rwlockattr_setpshared(pthread_rwlockattr_t *attr, int pshared);

int pthread_spin_init(pthread_spinlock_t *lock, int pshared);
int pthread_spin_destroy(pthread_spinlock_t *lock);
int pthread_spin_lock(pthread_spinlock_t *lock);
int pthread_spin_trylock(pthread_spinlock_t *lock);
int pthread_spin_unlock(pthread_spinlock_t *lock);

int pthread_barrier_init(pthread_barrier_t *__restrict b,
                         const pthread_barrierattr_t *__restrict attr, unsigned count);
int pthread_barrier_destroy(pthread_barrier_t *b);
int pthread_barrier_wait(pthread_barrier_t *b);
int pthread_barrierattr_init(pthread_barrierattr_t *attr);
int pthread_barrierattr_destroy(pthread_barrierattr_t *attr);
int pthread_barrierattr_getpshared(const pthread_barrierattr_t *__restrict attr,
                                   int *__restrict pshared);
int pthread_barrierattr_setpshared(pthread_barrierattr_t *attr, int pshared);

int pthread_key_create(pthread_key_t *key, void (*destructor)(void *));
int pthread_key_delete(pthread_key_t key);
void *pthread_getspecific(pthread_key_t key);
int pthread_setspecific(pthread_key_t key, const void *value);

__END_DECLS

#endif /* _PTHREAD_H */
