/*
 * ktest_sync_stress - 16 threads over all harts hammer one mutex, then run
 * a bounded producer/consumer through a mutex and two condition variables
 * (with timed waits mixed in), then pass tokens through semaphore pairs.
 * Every value is checked; a lost wake-up shows as a hang, which the boot
 * test's timeout catches. Iteration counts are bounded because under
 * contention every operation may be a cross-hart hand-off.
 */
#include "ktsync.h"

#define NTHREADS 16

/* ---- one mutex, sixteen threads ---- */

#define MX_ITERS 300

static sync_t mx;
static volatile unsigned long mx_counter, mx_per[NTHREADS];

static void *mx_fn(void *arg)
{
	unsigned k = (unsigned)(uintptr_t)arg;
	long bad = 0;

	for (int i = 0; i < MX_ITERS; i++) {
		bad |= __qsoe_mutex_lock(&mx);
		unsigned long c = mx_counter;
		if ((i + k) % 50 == 0)
			SchedYield_r();
		mx_counter = c + 1;
		mx_per[k]++;
		bad |= __qsoe_mutex_unlock(&mx);
	}
	return (void *)bad;
}

static void phase_mutex(void)
{
	int tids[NTHREADS];

	kts_mutex(&mx, (int)_NTO_SYNC_NONRECURSIVE);
	for (int k = 0; k < NTHREADS; k++)
		tids[k] = kts_spawn(mx_fn, (void *)(uintptr_t)k, 0);
	for (int k = 0; k < NTHREADS; k++) {
		void *v = (void *)-1;
		KT_CHECK(tids[k] > 0);
		KT_EQ(kts_join(tids[k], &v), 0);
		KT_EQ((long)v, 0);
		KT_EQ(mx_per[k], MX_ITERS);
	}
	KT_EQ(mx_counter, NTHREADS * MX_ITERS);
	KT_EQ(mx.__owner, 0);
}

/* ---- producer/consumer: mutex + two condvars ---- */

#define PRODUCERS 8
#define CONSUMERS 8
#define ITEMS     250 /* per producer */
#define CAP       8

static sync_t pc_m, not_full, not_empty;
static unsigned buf[CAP];
static unsigned head, count, taken, timeouts;
static int last_seq[PRODUCERS];
static unsigned char seen[PRODUCERS][ITEMS];
static volatile long pc_bad;

static void *producer(void *arg)
{
	unsigned p = (unsigned)(uintptr_t)arg;

	for (unsigned i = 0; i < ITEMS; i++) {
		long bad = __qsoe_mutex_lock(&pc_m);
		while (count == CAP)
			bad |= __qsoe_cond_wait(&not_full, &pc_m);
		buf[(head + count) % CAP] = (p << 16) | i;
		count++;
		bad |= __qsoe_cond_signal(&not_empty);
		bad |= __qsoe_mutex_unlock(&pc_m);
		if (bad)
			pc_bad = bad;
	}
	return NULL;
}

static void *consumer(void *arg)
{
	(void)arg;
	long bad = __qsoe_mutex_lock(&pc_m);

	for (;;) {
		while (count == 0 && taken < PRODUCERS * ITEMS) {
			/* Timed waits too: a timeout must come back with the mutex held. */
			int r = __qsoe_cond_timedwait(&not_empty, &pc_m, CLOCK_MONOTONIC,
			                              kts_now() + 20 * MS);
			if (r == ETIMEDOUT)
				timeouts++;
			else
				bad |= r;
			if ((pc_m.__owner & _NTO_SYNC_OWNER_MASK) != __tls()->__owner)
				bad |= 0x1000;
		}
		if (count == 0)
			break; /* everything was taken */
		unsigned v = buf[head];
		head = (head + 1) % CAP;
		count--;
		taken++;
		unsigned p = v >> 16, i = v & 0xffff;
		if (p >= PRODUCERS || i >= ITEMS || seen[p][i] || (int)i <= last_seq[p])
			bad |= 0x2000; /* unknown, duplicate or out of order */
		else {
			seen[p][i] = 1;
			last_seq[p] = (int)i;
		}
		bad |= __qsoe_cond_signal(&not_full);
		if (taken == PRODUCERS * ITEMS)
			bad |= __qsoe_cond_broadcast(&not_empty); /* the others can stop */
	}
	bad |= __qsoe_mutex_unlock(&pc_m);
	if (bad)
		pc_bad = bad;
	return NULL;
}

static void phase_condvar(void)
{
	int tids[PRODUCERS + CONSUMERS];

	kts_mutex(&pc_m, (int)_NTO_SYNC_NONRECURSIVE);
	kts_cond(&not_full);
	kts_cond(&not_empty);
	for (int p = 0; p < PRODUCERS; p++)
		last_seq[p] = -1;
	for (int k = 0; k < CONSUMERS; k++)
		tids[k] = kts_spawn(consumer, NULL, 0);
	for (int p = 0; p < PRODUCERS; p++)
		tids[CONSUMERS + p] = kts_spawn(producer, (void *)(uintptr_t)p, 0);
	for (int k = 0; k < PRODUCERS + CONSUMERS; k++) {
		KT_CHECK(tids[k] > 0);
		KT_EQ(kts_join(tids[k], NULL), 0);
	}
	KT_EQ(pc_bad, 0);
	KT_EQ(taken, PRODUCERS * ITEMS);
	KT_EQ(count, 0);
	unsigned missing = 0;
	for (int p = 0; p < PRODUCERS; p++)
		for (int i = 0; i < ITEMS; i++)
			missing += !seen[p][i];
	KT_EQ(missing, 0);
	KT_EQ(pc_m.__owner, 0);
	kt_printf("%s: %u items through %d-slot buffer, %u wait timeouts\n", kt_name, taken, CAP,
	          timeouts);
}

/* ---- semaphore ping-pong ---- */

#define PAIRS  (NTHREADS / 2)
#define ROUNDS 200

static struct pair {
	sync_t ping, pong;
	volatile unsigned ball;
} pairs[PAIRS];

static void *pinger(void *arg)
{
	struct pair *pr = arg;
	long bad = 0;

	for (unsigned i = 0; i < ROUNDS; i++) {
		if (pr->ball != 2 * i)
			bad |= 1;
		pr->ball++;
		bad |= __qsoe_sem_post(&pr->ping);
		bad |= __qsoe_sem_wait(&pr->pong);
	}
	return (void *)bad;
}

static void *ponger(void *arg)
{
	struct pair *pr = arg;
	long bad = 0;

	for (unsigned i = 0; i < ROUNDS; i++) {
		bad |= __qsoe_sem_wait(&pr->ping);
		if (pr->ball != 2 * i + 1)
			bad |= 1;
		pr->ball++;
		bad |= __qsoe_sem_post(&pr->pong);
	}
	return (void *)bad;
}

static void phase_sem(void)
{
	int tids[NTHREADS];

	for (int k = 0; k < PAIRS; k++) {
		kts_sem(&pairs[k].ping, 0);
		kts_sem(&pairs[k].pong, 0);
		pairs[k].ball = 0;
		tids[2 * k] = kts_spawn(ponger, &pairs[k], 0);
		tids[2 * k + 1] = kts_spawn(pinger, &pairs[k], 0);
	}
	for (int k = 0; k < NTHREADS; k++) {
		void *v = (void *)-1;
		KT_CHECK(tids[k] > 0);
		KT_EQ(kts_join(tids[k], &v), 0);
		KT_EQ((long)v, 0);
	}
	for (int k = 0; k < PAIRS; k++) {
		KT_EQ(pairs[k].ball, 2 * ROUNDS);
		KT_EQ(__qsoe_sem_value(&pairs[k].ping), 0);
		KT_EQ(__qsoe_sem_value(&pairs[k].pong), 0);
	}
}

int kt_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	struct sysinfo_cpus ci;

	KT_CHECK(SysInfo_r(SYSINFO_CPUS, &ci, sizeof(ci)) > 0);
	static const struct {
		const char *name;
		void (*fn)(void);
	} phases[] = {
	        {"mutex", phase_mutex},
	        {"condvar", phase_condvar},
	        {"semaphore", phase_sem},
	};
	for (unsigned i = 0; i < sizeof(phases) / sizeof(phases[0]); i++) {
		int before = kt_failures;
		uint64_t t0 = kts_now();
		phases[i].fn();
		kt_printf("%s: %s: %d threads on %u hart(s): %s (%lu ms)\n", kt_name,
		          phases[i].name, NTHREADS, ci.ncpu,
		          kt_failures == before ? "ok" : "FAILED",
		          (unsigned long)((kts_now() - t0) / MS));
	}
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures;
}
