/*
 * ktest_badcall - bad pointers, bad numbers and bad flags to kernel calls
 * must come back as errors (EFAULT, ENOSYS, EINVAL, EPERM, ESRCH), and the
 * kernel must stay up.
 */
#include <errno.h>
#include <qsoe/abi/mman.h>
#include <qsoe/abi/sched.h>
#include <qsoe/abi/time.h>
#include "ktest.h"

#define KERNEL_VA   ((void *)0xffffffff80000000UL)
#define UNMAPPED_VA ((void *)0x3000000000UL)

static long raw_call(long num)
{
	register long a0 __asm__("a0") = 0;
	register long a7 __asm__("a7") = num;
	__asm__ volatile("ecall" : "+r"(a0) : "r"(a7) : "memory");
	return a0;
}

static void *thread_fn(void *arg)
{
	return arg;
}

int kt_main(int argc, char **argv)
{
	char buf[64];
	uint64_t t;

	/* Unknown kernel call numbers. */
	KT_EQ(raw_call(5), -ENOSYS);
	KT_EQ(raw_call(999), -ENOSYS);
	KT_EQ(raw_call(-1), -ENOSYS);
	KT_EQ(raw_call(1L << 40), -ENOSYS);

	/* Bad pointers. */
	KT_EQ(DebugPrint_r((const char *)1, 10), -EFAULT);
	KT_EQ(DebugPrint_r(KERNEL_VA, 10), -EFAULT);
	KT_EQ(DebugPrint_r(UNMAPPED_VA, 4), -EFAULT);
	KT_EQ(SysInfo_r(SYSINFO_MEM, (void *)0x10, 64), -EFAULT);
	KT_EQ(SysInfo_r(SYSINFO_MEM, KERNEL_VA, 64), -EFAULT);
	KT_EQ(ClockTime_r(CLOCK_MONOTONIC, NULL, (uint64_t *)0xffffffc000000000UL), -EFAULT);
	KT_EQ(ClockTime_r(CLOCK_MONOTONIC, NULL, (uint64_t *)UNMAPPED_VA), -EFAULT);
	KT_EQ(ThreadCreate_r(0, thread_fn, NULL, (const struct _thread_attr *)5), -EFAULT);
	KT_EQ(SchedGet_r(0, 0, (struct sched_param *)UNMAPPED_VA), -EFAULT);
	KT_EQ(ThreadJoin_r(1, (void **)UNMAPPED_VA), -EDEADLK);

	/* Bad values and flags. */
	KT_EQ(SysInfo_r(99, buf, sizeof(buf)), -EINVAL);
	KT_EQ(SysInfo_r(SYSINFO_MEM, buf, 4), -EINVAL);
	KT_EQ(ClockTime_r(77, NULL, &t), -EINVAL);
	KT_EQ(ClockTime_r(CLOCK_MONOTONIC, &t, NULL), -EINVAL);
	KT_EQ((long)VmMap_r(0, NULL, 4096, PROT_READ | PROT_WRITE, 0x7fffffff, 0), -EINVAL);
	KT_EQ((long)VmMap_r(0, NULL, 0, PROT_READ, MAP_ANON, 0), -EINVAL);
	KT_EQ((long)VmMap_r(0, (void *)0x1001, 4096, PROT_READ, MAP_ANON | MAP_FIXED, 0), -EINVAL);
	KT_EQ((long)VmMap_r(0, KERNEL_VA, 4096, PROT_READ, MAP_ANON | MAP_FIXED, 0), -EINVAL);
	KT_EQ((long)VmMap_r(0, NULL, 4096, 0x1234, MAP_ANON, 0), -EINVAL);
	KT_EQ((long)VmMap_r(0, NULL, 1UL << 50, PROT_READ, MAP_ANON, 0), -EINVAL);
	KT_EQ(VmUnmap_r(0, (void *)0x1001, 4096), -EINVAL);
	KT_EQ(VmProtect_r(0, UNMAPPED_VA, 4096, PROT_READ), -ENOMEM);
	KT_EQ(ThreadCreate_r(0, NULL, NULL, NULL), -EINVAL);
	KT_EQ(ThreadJoin_r(9999, NULL), -ESRCH);
	KT_EQ(ThreadDetach_r(9999), -ESRCH);
	KT_EQ(ThreadCtl_r(12345, NULL), -EINVAL);
	struct sched_param sp = {.sched_priority = 300};
	KT_EQ(SchedSet_r(0, 0, SCHED_FIFO, &sp), -EINVAL);
	sp.sched_priority = 10;
	KT_EQ(SchedSet_r(0, 0, 99, &sp), -EINVAL);
	KT_EQ(SchedGet_r(0, 9999, &sp), -ESRCH);
	KT_EQ(SchedGet_r(77777, 1, &sp), -ESRCH);

	/* Privilege. */
	KT_EQ(ProcCreate_r("x", 0), -EPERM);
	KT_EQ(ProcDestroy_r(1, 0), -EPERM);
	KT_EQ(SysCtl_r(SYSCTL_POWEROFF, 0), -EPERM);
	KT_EQ(SysInfo_r(SYSINFO_BOOT, buf, sizeof(buf)), -EPERM);
	KT_EQ((long)VmMap_r(0, NULL, 4096, PROT_READ, MAP_PHYS, 0x10000000), -EPERM);
	KT_EQ((long)VmMap_r(1, NULL, 4096, PROT_READ, MAP_ANON, 0), -EPERM);

	/* Still working after all that: a mapping, a write, a protection change. */
	long a = (long)VmMap_r(0, NULL, 8192, PROT_READ | PROT_WRITE, MAP_ANON, 0);
	KT_CHECK(a > 0);
	if (a > 0) {
		volatile char *p = (volatile char *)a;
		KT_EQ(p[100], 0);
		p[100] = 7;
		KT_EQ(VmProtect_r(0, (void *)a, 4096, PROT_READ), 0);
		KT_EQ(p[100], 7);
		KT_EQ(DebugPrint_r((const char *)a, 0), 0);
		KT_EQ(VmUnmap_r(0, (void *)a, 8192), 0);
		KT_EQ(DebugPrint_r((const char *)a, 1), -EFAULT);
	}
	KT_EQ(ClockTime_r(CLOCK_MONOTONIC, NULL, &t), 0);
	KT_CHECK(t > 0);

	kt_printf("%s: %d failure(s)\n", kt_name, kt_failures);
	return kt_failures;
}
