/* ktest_fault - stores through a NULL pointer; the kernel must end only this process. */
#include "ktest.h"

int kt_main(int argc, char **argv)
{
	kt_printf("%s: about to store to address 0\n", kt_name);
	*(volatile int *)0 = 42;
	kt_printf("%s: FAIL: survived a store to address 0\n", kt_name);
	return 1;
}
