/*
 * thread_create.c - ThreadCreate for Skimmer.
 *
 * The kernel does all of QNX's work here (stack if none is given, the TLS
 * block at the top of the stack, tp), so this is the raw call; it is
 * written by hand only because its function-pointer parameter does not fit
 * the generator's simple parameter syntax.
 */
#include <errno.h>
#include <sys/neutrino.h>
#include "kcall_numbers.h"

int ThreadCreate_r(pid_t pid, void *(*func)(void *), void *arg, const struct _thread_attr *attr)
{
	register long a0 __asm__("a0") = pid;
	register long a1 __asm__("a1") = (long)func;
	register long a2 __asm__("a2") = (long)arg;
	register long a3 __asm__("a3") = (long)attr;
	register long a7 __asm__("a7") = __KER_THREAD_CREATE;

	__asm__ volatile("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a3), "r"(a7) : "memory");
	return (int)a0;
}

int ThreadCreate(pid_t pid, void *(*func)(void *), void *arg, const struct _thread_attr *attr)
{
	int r = ThreadCreate_r(pid, func, arg, attr);

	if (r < 0) {
		errno = -r;
		return -1;
	}
	return r;
}
