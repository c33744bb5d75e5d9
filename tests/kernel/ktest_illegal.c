/* ktest_illegal - executes an illegal instruction; the kernel must end only this process. */
#include "ktest.h"

int kt_main(int argc, char **argv)
{
	kt_printf("%s: about to execute an illegal instruction\n", kt_name);
	__asm__ volatile(".word 0x00000000");
	kt_printf("%s: FAIL: survived an illegal instruction\n", kt_name);
	return 1;
}
