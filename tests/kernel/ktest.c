/*
 * ktest.c - the kernel tests' runtime (see ktest.h).
 */
#include <stdarg.h>
#include <qsoe/abi/tls.h>
#include "ktest.h"

int kvsnprintf(char *buf, size_t size, const char *fmt, va_list ap);

const char *kt_name = "ktest";
int kt_failures;

int *__get_errno_ptr(void)
{
	return __tls()->__errptr;
}

void kt_printf(const char *fmt, ...)
{
	char buf[512];
	va_list ap;

	va_start(ap, fmt);
	int n = kvsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	DebugPrint_r(buf, (size_t)n);
}

void kt_exit(int status)
{
	ThreadDestroy_r(-1, 0, (void *)(long)status);
	for (;;)
		;
}

/* Entry from start.S: a0 points at the start-up block (argc, argv...). */
__attribute__((noreturn)) void kt_start(uint64_t *block)
{
	int argc = (int)block[0];
	char **argv = (char **)&block[1];

	if (argc > 0)
		kt_name = argv[0];
	int r = kt_main(argc, argv);
	kt_exit(r);
}

/* Where a thread function returns to: end the thread with its result. */
static void kt_thread_exit(void *value)
{
	ThreadDestroy_r(0, 0, value);
	for (;;)
		;
}

int kt_thread_create(void *(*fn)(void *), void *arg)
{
	struct _thread_attr attr;

	memset(&attr, 0, sizeof(attr));
	attr.__exitfunc = kt_thread_exit;
	attr.__stacksize = 64 * 1024;
	return ThreadCreate_r(0, fn, arg, &attr);
}
