/*
 * tmtslowlib.c - libtmslow.so, a library that is not in /lib: tmtest_slow
 * has tmslowfs serve it (slowly) below /usr/lib, so taskman reads it from
 * a resource manager while it loads /tmslow/slowlib.
 */
int tmt_slow_data = 40;

int tmt_slow_value(int x)
{
	return tmt_slow_data + x;
}
