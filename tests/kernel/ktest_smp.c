/*
 * ktest_smp - threads of one process spread over every hart: each thread
 * reports its hart, does floating-point work interleaved with yields (the
 * FP registers must survive every switch), and returns a checksum that the
 * main thread verifies after ThreadJoin.
 */
#include <errno.h>
#include "ktest.h"

#define MAX_THREADS 64

static volatile unsigned seen_cpu[MAX_THREADS];

static double work(unsigned k, int yields)
{
	double x = 1.0 + k;

	for (int i = 0; i < 2000; i++) {
		x = x * 1.0000001 + 0.5 / (i + 1);
		if (yields && i % 100 == 0)
			SchedYield_r();
	}
	return x;
}

static void *thread_fn(void *arg)
{
	unsigned k = (unsigned)(uintptr_t)arg;

	seen_cpu[k] = SchedGetCpuNum();
	double a = work(k, 1);
	double b = work(k, 0);
	return (void *)(uintptr_t)(a == b ? 1000 + k : 1);
}

int kt_main(int argc, char **argv)
{
	struct sysinfo_cpus ci;
	int tids[MAX_THREADS];

	KT_CHECK(SysInfo_r(SYSINFO_CPUS, &ci, sizeof(ci)) > 0);
	unsigned n = ci.ncpu * 2;
	if (n > MAX_THREADS)
		n = MAX_THREADS;
	for (unsigned k = 0; k < n; k++) {
		seen_cpu[k] = ~0u;
		tids[k] = kt_thread_create(thread_fn, (void *)(uintptr_t)k);
		KT_CHECK(tids[k] > 0);
	}
	uint64_t cpumask = 0;
	for (unsigned k = 0; k < n; k++) {
		void *v = NULL;
		if (tids[k] <= 0)
			continue;
		KT_EQ(ThreadJoin_r(tids[k], &v), 0);
		KT_EQ((long)(uintptr_t)v, 1000 + k);
		if (seen_cpu[k] < 64)
			cpumask |= 1UL << seen_cpu[k];
	}
	unsigned harts = 0;
	for (unsigned i = 0; i < 64; i++)
		harts += (cpumask >> i) & 1;
	kt_printf("%s: %u threads ran on %u of %u hart(s)\n", kt_name, n, harts, ci.ncpu);
	KT_EQ(harts, ci.ncpu);
	/* Joining again fails: the thread is gone. */
	if (n > 0 && tids[0] > 0)
		KT_EQ(ThreadJoin_r(tids[0], NULL), -ESRCH);
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures;
}
