/*
 * ktest_hello - a busy program: reports the hart it runs on, computes for a
 * while (so several instances overlap in time), and exits 0.
 */
#include "ktest.h"

int kt_main(int argc, char **argv)
{
	unsigned cpu = SchedGetCpuNum();
	volatile uint64_t x = 0;

	kt_printf("%s: running on cpu %u\n", kt_name, cpu);
	for (uint64_t i = 0; i < 3000000; i++)
		x += i ^ (x >> 3);
	kt_printf("%s: done on cpu %u\n", kt_name, SchedGetCpuNum());
	return 0;
}
