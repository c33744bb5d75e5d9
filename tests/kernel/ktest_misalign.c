/*
 * ktest_misalign - a misaligned access the machine does not emulate: an
 * atomic memory operation on an address that is not a multiple of 4.
 * (OpenSBI emulates misaligned plain loads and stores, which then succeed;
 * a misaligned AMO always traps.) The kernel must end only this process
 * with a report naming the fault.
 */
#include "ktest.h"

static int words[4] __attribute__((aligned(16)));

int kt_main(int argc, char **argv)
{
	unsigned long p = (unsigned long)words + 2;
	int old;

	kt_printf("%s: about to make a misaligned atomic access\n", kt_name);
	__asm__ volatile("amoadd.w %0, %2, (%1)" : "=r"(old) : "r"(p), "r"(1) : "memory");
	kt_printf("%s: FAIL: survived a misaligned atomic access (%d)\n", kt_name, old);
	return 1;
}
