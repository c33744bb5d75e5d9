/*
 * tmtest_slowlib - a program whose library (libtmslow.so) taskman must
 * find through the pathname space on another resource manager: exits 0
 * if the call into it gives the right answer.
 */
#include "ktest.h"

int tmt_slow_value(int x);

int kt_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return tmt_slow_value(2) == 42 ? 0 : 1;
}
