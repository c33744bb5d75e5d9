/*
 * kbench - kernel micro-benchmarks, counted in retired guest instructions
 * (rdinstret; deterministic under QEMU -icount shift=0). Each metric is
 * sampled 32 times; one JSON line per metric gives min, median and max of
 * the per-operation count.
 *
 *   null_kcall     one Nop kernel call, entry to return
 *   thread_switch  one SchedYield that switches to another thread of the
 *                  same process on the same hart (two threads ping-pong)
 */
#include "ktest.h"

#define SAMPLES 32
#define ITERS   1000

static void sort(uint64_t *v, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && v[j] < v[j - 1]; j--) {
			uint64_t t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
}

static void emit(const char *metric, uint64_t *s)
{
	sort(s, SAMPLES);
	kt_printf("BENCH {\"metric\":\"%s\",\"unit\":\"instructions\",\"n\":%d,\"min\":%lu,"
	          "\"median\":%lu,\"max\":%lu}\n",
	          metric, SAMPLES, (unsigned long)s[0], (unsigned long)s[SAMPLES / 2],
	          (unsigned long)s[SAMPLES - 1]);
}

static volatile int stop;

static void *yielder(void *arg)
{
	while (!stop)
		SchedYield_r();
	return NULL;
}

int kt_main(int argc, char **argv)
{
	uint64_t s[SAMPLES];

	for (int k = 0; k < SAMPLES; k++) {
		uint64_t t0 = kt_instret();
		for (int i = 0; i < ITERS; i++)
			Nop_r();
		s[k] = (kt_instret() - t0) / ITERS;
	}
	emit("null_kcall", s);

	/* Thread switch: ping-pong with a partner thread (make bench runs -smp 1,
	 * so both threads share the one hart). */
	int tid = kt_thread_create(yielder, NULL);
	KT_CHECK(tid > 0);
	for (int k = 0; k < SAMPLES; k++) {
		uint64_t t0 = kt_instret();
		for (int i = 0; i < ITERS; i++)
			SchedYield_r();
		/* Each of our yields is two switches (to the partner and back). */
		s[k] = (kt_instret() - t0) / (2 * ITERS);
	}
	emit("thread_switch", s);
	stop = 1;
	ThreadJoin_r(tid, NULL);
	return kt_failures;
}
