/*
 * tmtest_dynexec - a fixed-address (ET_EXEC) program, compiled without
 * PIC, linked against libtmt.so: its direct references to the libraries'
 * data become R_RISCV_COPY relocations, and the libraries must then use
 * the program's copies (the program comes first in the lookup order).
 */
#include "ktest.h"

extern int tmt_lib_counter;
extern int tmt_lib2_data[4];
extern int *tmt_lib_data_ptr;
int tmt_lib_get_counter(void);
int tmt_lib_add(int a, int b);

int kt_main(int argc, char **argv)
{
	KT_EQ(tmt_lib_counter, 5); /* copied from libtmt.so */
	tmt_lib_counter = 77;
	KT_EQ(tmt_lib_get_counter(), 77); /* libtmt.so uses the program's copy */
	KT_CHECK(tmt_lib2_data[0] == 1 && tmt_lib2_data[3] == 4);
	KT_CHECK(tmt_lib_data_ptr == &tmt_lib2_data[2]);
	KT_EQ(tmt_lib_add(1, 1), 4);
	KT_CHECK((uintptr_t)&kt_main < 0x1000000);
	kt_printf("tmtest_dynexec: %d failure(s)\n", kt_failures);
	return kt_failures ? 1 : 0;
}
