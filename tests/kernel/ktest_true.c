/* ktest_true - does nothing and exits 0 (process create/teardown cycles, spawn benchmarks). */
#include "ktest.h"

int kt_main(int argc, char **argv)
{
	return 0;
}
