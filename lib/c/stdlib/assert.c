/*
 * assert.c - the failure path of assert().
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include "libc.h"

/* Print "file:line: func: Assertion `expr' failed." on stderr and abort. */
void __assert_fail(const char *expr, const char *file, int line, const char *func)
{
	fprintf(stderr, "%s:%d: %s: Assertion `%s' failed.\n", file, line, func ? func : "?", expr);
	fflush(stderr);
	abort();
}
