/*
 * ktsync.h - helpers shared by the synchronisation kernel tests
 * (ktest_sync, ktest_sync_pi, ktest_sync_stress): threads with a chosen
 * priority on stacks the test owns, sleeping, bounded waiting, and the
 * sync_t constructors.
 */
#ifndef KTSYNC_H
#define KTSYNC_H

#include <errno.h>
#include <qsoe/abi/mman.h>
#include <qsoe/abi/sched.h>
#include <qsoe/abi/time.h>
#include <qsoe/syncfast.h>
#include "ktest.h"

#define KERNEL_VA      ((void *)0xffffffff80000000UL)
#define UNMAPPED_VA    ((void *)0x3000000000UL)

#define MS             (1000000ULL) /* nanoseconds */

#define KTS_STACKS     24
#define KTS_STACK_SIZE (32 * 1024)

/*
 * Thread stacks live in the test's .bss, so creating and joining threads
 * changes no kernel memory mapping (the leak checks count kernel objects).
 */
static char kts_stacks[KTS_STACKS][KTS_STACK_SIZE] __attribute__((aligned(16)));
static int kts_stack_tid[KTS_STACKS]; /* 0 = free */

static inline void kts_exit(void *value)
{
	ThreadDestroy_r(0, 0, value);
	for (;;)
		;
}

/*
 * Starts fn(arg) at priority prio (0: the caller's) with SCHED_FIFO on a
 * test-owned stack. Returns the tid or a negative errno.
 */
static inline int kts_spawn(void *(*fn)(void *), void *arg, int prio)
{
	int slot = -1;

	for (int i = 0; i < KTS_STACKS; i++)
		if (kts_stack_tid[i] == 0) {
			slot = i;
			break;
		}
	if (slot < 0)
		return -EAGAIN;
	struct _thread_attr attr;
	memset(&attr, 0, sizeof(attr));
	attr.__exitfunc = kts_exit;
	attr.__stackaddr = kts_stacks[slot];
	attr.__stacksize = KTS_STACK_SIZE;
	if (prio > 0) {
		attr.__flags = _QSOE_TATTR_EXPLICIT_SCHED;
		attr.__policy = SCHED_FIFO;
		attr.__param.sched_priority = prio;
	}
	int tid = ThreadCreate_r(0, fn, arg, &attr);
	if (tid > 0)
		kts_stack_tid[slot] = tid;
	return tid;
}

/* Joins tid and frees its stack. Returns ThreadJoin's result; *value gets the exit value. */
static inline int kts_join(int tid, void **value)
{
	int r = ThreadJoin_r(tid, value);

	for (int i = 0; i < KTS_STACKS; i++)
		if (kts_stack_tid[i] == tid)
			kts_stack_tid[i] = 0;
	return r;
}

static inline uint64_t kts_now(void)
{
	uint64_t t = 0;

	ClockTime_r(CLOCK_MONOTONIC, NULL, &t);
	return t;
}

/* Blocks for ns nanoseconds (a semaphore wait that times out). */
static inline void kts_sleep(uint64_t ns)
{
	sync_t s;

	SyncTypeCreate_r(_NTO_SYNC_SEM, &s, NULL);
	TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEM, NULL, &ns, NULL);
	SyncSemWait_r(&s, 0);
}

/* Waits (sleeping 1 ms at a time, so any priority may run) until cond holds or ms pass. */
#define KTS_WAIT_UNTIL(cond, ms)                                \
	do {                                                    \
		uint64_t __end = kts_now() + (uint64_t)(ms)*MS; \
		while (!(cond) && kts_now() < __end)            \
			kts_sleep(MS);                          \
	} while (0)

static inline void kts_mutex(sync_t *m, int flags)
{
	struct _sync_attr a;

	memset(&a, 0, sizeof(a));
	a.__flags = flags;
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_MUTEX_FREE, m, &a), 0);
}

static inline void kts_sem(sync_t *s, int value)
{
	struct _sync_attr a;

	memset(&a, 0, sizeof(a));
	a.__count = value;
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_SEM, s, &a), 0);
}

static inline void kts_cond(sync_t *c)
{
	KT_EQ(SyncTypeCreate_r(_NTO_SYNC_COND, c, NULL), 0);
}

/* The current (inherited) and base priority of thread tid of this process. */
static inline int kts_curprio(int tid)
{
	struct sched_param sp;

	memset(&sp, 0, sizeof(sp));
	if (SchedGet_r(0, tid, &sp) < 0)
		return -1;
	return sp.sched_curpriority;
}

static inline int kts_self_tid(void)
{
	return __tls()->__tid;
}

static inline unsigned kts_kernel_objects(void)
{
	struct sysinfo_mem mi;

	memset(&mi, 0, sizeof(mi));
	SysInfo_r(SYSINFO_MEM, &mi, sizeof(mi));
	return (unsigned)mi.kernel_objects;
}

#endif
