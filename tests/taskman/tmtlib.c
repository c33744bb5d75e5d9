/*
 * tmtlib.c - libtmt.so, the taskman tests' shared library: data with
 * pointers (R_RISCV_RELATIVE, R_RISCV_64 against another library), calls
 * through the PLT (R_RISCV_JUMP_SLOT), a function the program interposes,
 * a weak reference nobody defines, and a text address to compare the
 * physical pages of two processes. Linked with a System V DT_HASH only;
 * it needs libtmt2.so (DT_NEEDED).
 */
int tmt_lib2_double(int x);
extern int tmt_lib2_data[4];

int tmt_lib_counter = 5;
const char *tmt_lib_name = "libtmt";
int (*tmt_lib_fp)(int) = tmt_lib2_double;
int *tmt_lib_data_ptr = &tmt_lib2_data[2];

extern int tmt_weak_missing(void) __attribute__((weak));

/* The program defines one too, which wins (System V lookup order). */
int tmt_interposed(void)
{
	return 1;
}

int tmt_lib_call_interposed(void)
{
	return tmt_interposed();
}

int tmt_lib_weak(void)
{
	int (*volatile f)(void) = tmt_weak_missing;
	return f != 0;
}

int tmt_lib_add(int a, int b)
{
	return a + b + tmt_lib2_double(1);
}

int tmt_lib_get_counter(void)
{
	return tmt_lib_counter;
}

static int marker(int x)
{
	return x * 3;
}

/* An address inside this library's text (not a PLT entry of the caller). */
void *tmt_lib_text(void)
{
	return (void *)marker;
}
