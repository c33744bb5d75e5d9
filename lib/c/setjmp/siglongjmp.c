/*
 * siglongjmp.c - siglongjmp: restore the signal mask sigsetjmp saved (if
 * it did), then longjmp.
 */
#include <setjmp.h>
#include <signal.h>
#include <string.h>

/* Jump back to sigsetjmp, which returns val (1 if val is 0). */
void siglongjmp(sigjmp_buf env, int val)
{
	if (env->__masked) {
		sigset_t set;
		memcpy(&set, &env->__mask, sizeof(set));
		sigprocmask(SIG_SETMASK, &set, NULL);
	}
	longjmp(env, val);
}
