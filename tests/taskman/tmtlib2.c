/*
 * tmtlib2.c - libtmt2.so, needed by libtmt.so: found breadth-first, looked
 * up through its DT_GNU_HASH table (it has no DT_HASH).
 */
int tmt_lib2_data[4] = {1, 2, 3, 4};

int tmt_lib2_double(int x)
{
	return 2 * x;
}
