/*
 * ktest_oom - allocates memory until the kernel refuses, checks that the
 * refusal is ENOMEM, frees everything and checks the memory came back.
 */
#include <errno.h>
#include <qsoe/abi/mman.h>
#include "ktest.h"

#define CHUNK      (1UL << 20)
#define MAX_CHUNKS 8192

static void *chunks[MAX_CHUNKS];

int kt_main(int argc, char **argv)
{
	struct sysinfo_mem before, during, after;
	long err = 0;
	int n = 0;

	KT_CHECK(SysInfo_r(SYSINFO_MEM, &before, sizeof(before)) > 0);
	while (n < MAX_CHUNKS) {
		long a = (long)VmMap_r(0, NULL, CHUNK, PROT_READ | PROT_WRITE, MAP_ANON, 0);
		if (a < 0) {
			err = a;
			break;
		}
		chunks[n++] = (void *)a;
	}
	KT_CHECK(SysInfo_r(SYSINFO_MEM, &during, sizeof(during)) > 0);
	kt_printf("%s: refused after %d MiB with error %ld; %lu pages were free\n", kt_name, n,
	          -err, (unsigned long)during.free_pages);
	KT_EQ(err, -ENOMEM);
	KT_CHECK(n > 16);
	KT_CHECK(during.free_pages < 512);
	/* The kernel must still work while memory is short. */
	uint64_t t;
	KT_EQ(ClockTime_r(2, NULL, &t), 0);
	for (int i = 0; i < n; i++)
		KT_EQ(VmUnmap_r(0, chunks[i], CHUNK), 0);
	KT_CHECK(SysInfo_r(SYSINFO_MEM, &after, sizeof(after)) > 0);
	/* Page-table pages stay until the process ends: allow for them. */
	unsigned long slack = (unsigned long)n / 2 + 16;
	kt_printf("%s: free pages before %lu, after %lu\n", kt_name,
	          (unsigned long)before.free_pages, (unsigned long)after.free_pages);
	KT_CHECK(after.free_pages + slack >= before.free_pages);
	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures;
}
