/*
 * g_stdio.c - group "stdio": the console through descriptors 0-2 (write
 * to fd 1 works, fstat of it), stdio streams over it, and a file stream
 * over /dev/null and /dev/zero.
 */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include "suite.h"

SUITE_GROUP(stdio)
{
	static const char msg[] = "stdio: a line written with write(1)\n";
	CHECK_EQ(write(1, msg, sizeof(msg) - 1), sizeof(msg) - 1);
	struct stat st;
	CHECK_OK(fstat(1, &st));
	CHECK(S_ISCHR(st.st_mode), "standard output is a character device (mode %o)", st.st_mode);
	CHECK(fcntl(0, F_GETFD) >= 0, "descriptor 0 is open");
	CHECK(fcntl(2, F_GETFD) >= 0, "descriptor 2 is open");
	CHECK(printf("stdio: a line written with printf (%d)\n", 42) > 0, "printf");
	CHECK_EQ(fflush(stdout), 0);
	CHECK(fprintf(stderr, "stdio: a line on stderr\n") > 0, "fprintf(stderr)");

	FILE *f = fopen("/dev/null", "w");
	CHECK(f != NULL, "fopen /dev/null (errno %d)", errno);
	if (f) {
		CHECK(fprintf(f, "%s", "gone") == 4, "fprintf to /dev/null");
		CHECK_EQ(fclose(f), 0);
	}
	f = fopen("/dev/zero", "r");
	CHECK(f != NULL, "fopen /dev/zero (errno %d)", errno);
	if (f) {
		char buf[100];
		memset(buf, 1, sizeof(buf));
		CHECK_EQ(fread(buf, 1, sizeof(buf), f), sizeof(buf));
		int zero = 1;
		for (size_t i = 0; i < sizeof(buf); i++)
			zero &= buf[i] == 0;
		CHECK(zero, "/dev/zero reads zeros");
		fclose(f);
	}
}
