/*
 * tmtest_dynmin - the smallest dynamically linked test program (a PIE
 * using libtmt.so and, through it, libtmt2.so): exits 0 if a call through
 * both libraries gives the right answer. Used for spawn/exit cycles and as
 * the raw material of the malformed images (mkbad.py).
 */
#include "ktest.h"

int tmt_lib_add(int a, int b);

int kt_main(int argc, char **argv)
{
	return tmt_lib_add(2, 3) == 7 ? 0 : 1;
}
