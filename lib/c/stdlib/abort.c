/*
 * abort.c - abnormal termination and the fatal-error reporters used inside
 * libc (which must not depend on stdio or malloc).
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libc.h"
#include "malloc_impl.h"

/* Weak: the host test harness has no signal library (lib/c/signal has it). */
#pragma weak sigprocmask

/*
 * Raise SIGABRT even if it is blocked (POSIX); if it is caught and the
 * handler returns, or it is ignored, force the default action.
 */
void abort(void)
{
	if (sigprocmask) {
		sigset_t s;
		memset(&s, 0, sizeof(s));
		s.__bits[(SIGABRT - 1) / 32] = 1u << ((SIGABRT - 1) % 32);
		sigprocmask(SIG_UNBLOCK, &s, NULL);
	}
	raise(SIGABRT);
	signal(SIGABRT, SIG_DFL);
	raise(SIGABRT);
	for (;;)
		__builtin_trap();
}

/* Write msg to stderr and abort. */
QSOE_HIDDEN __attribute__((noreturn)) void __qsoe_fatal(const char *msg)
{
	write(2, msg, strlen(msg));
	abort();
}

/* Report a heap error "malloc: <what> 0x<p>" and abort. */
void __m_abort(const char *what, const void *p)
{
	char buf[160], hex[2 + 16 + 1];
	uintptr_t v = (uintptr_t)p;
	int i = (int)sizeof(hex) - 1;

	hex[i] = '\0';
	do {
		hex[--i] = "0123456789abcdef"[v & 15];
		v >>= 4;
	} while (v);
	hex[--i] = 'x';
	hex[--i] = '0';
	strlcpy(buf, "malloc: ", sizeof(buf));
	strlcat(buf, what, sizeof(buf));
	strlcat(buf, " ", sizeof(buf));
	strlcat(buf, hex + i, sizeof(buf));
	strlcat(buf, "\n", sizeof(buf));
	__qsoe_fatal(buf);
}
