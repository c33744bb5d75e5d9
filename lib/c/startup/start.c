/*
 * start.c - process start-up: __libc_start_main, called by crt1's _start.
 *
 * The start-up block (docs/abi.md, docs/taskman.md) gives argc, argv, envp
 * and the auxiliary vector, whose AT_QSOE_* entries describe what the
 * process inherits. In order:
 *   1. environ, the auxiliary vector, pid/ppid, credentials, umask, cwd;
 *   2. the thread library (the main thread's descriptor) and static TLS;
 *   3. the signal mask and the signals that start ignored;
 *   4. inherited descriptors (attached at exactly their numbers, sharing
 *      the parent's open file descriptions through _IO_DUP), then the
 *      posix_spawn file actions in order -- a failing action ends the
 *      child with status 127 -- and the report to taskman that start-up
 *      is done (inherit.c);
 *   5. the initialisers of every loaded object (init.c);
 *   6. exit(main(argc, argv, envp)).
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>
#include "libc.h"
#include "qsoe_os.h"

extern char **environ;

struct __qsoe_process __qsoe_proc = {
        .cred_lock = QSOE_LOCK_INIT,
        .umask = 022,
};
const unsigned long *__qsoe_auxv;

/* Start-up pieces in other files. */
void __qsoe_inherit(const unsigned long *auxv) QSOE_HIDDEN;
void __qsoe_run_init(void (**pre)(void), void (**pre_end)(void), void (**init)(void),
                     void (**init_end)(void), void (**fini)(void),
                     void (**fini_end)(void)) QSOE_HIDDEN;

/* Signal set-up uses the signal library if it is there (weak: it may not be yet). */
#pragma weak sigprocmask
#pragma weak sigaction

unsigned long getauxval(unsigned long type)
{
	for (const unsigned long *a = __qsoe_auxv; a && a[0] != AT_NULL; a += 2)
		if (a[0] == type)
			return a[1];
	errno = ENOENT;
	return 0;
}

/* The start-up block's AT_QSOE_SIGMASK / AT_QSOE_SIGIGN sets, applied. */
static void setup_signals(const sigset_t *mask, const sigset_t *ign)
{
	if (ign && sigaction) {
		struct sigaction sa;
		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = SIG_IGN;
		for (int s = 1; s < NSIG; s++)
			if (ign->__bits[(s - 1) / 32] & (1u << ((s - 1) % 32)))
				sigaction(s, &sa, NULL);
	}
	if (mask && sigprocmask)
		sigprocmask(SIG_SETMASK, mask, NULL);
}

__attribute__((noreturn)) void __libc_start_main(long *block, int (*main)(int, char **, char **),
                                                 void (**pre)(void), void (**pre_end)(void),
                                                 void (**init)(void), void (**init_end)(void),
                                                 void (**fini)(void), void (**fini_end)(void))
{
	int argc = (int)block[0];
	char **argv = (char **)(block + 1);
	char **envp = argv + argc + 1;
	char **e = envp;
	const sigset_t *mask = NULL, *ign = NULL;
	const char *cwd = NULL;

	while (*e)
		e++;
	environ = envp;
	if (argc > 0)
		__qsoe_set_progname(argv[0]);
	__qsoe_auxv = (const unsigned long *)(e + 1);
	__qsoe_proc.pid = __tls()->__pid;
	__qsoe_proc.cred.ruid = __qsoe_proc.cred.euid = __qsoe_proc.cred.suid = 0;
	for (const unsigned long *a = __qsoe_auxv; a[0] != AT_NULL; a += 2) {
		switch (a[0]) {
		case AT_QSOE_PID:
			__qsoe_proc.pid = (pid_t)a[1];
			break;
		case AT_QSOE_PPID:
			__qsoe_proc.ppid = (pid_t)a[1];
			break;
		case AT_QSOE_CRED:
			if (a[1])
				__qsoe_proc.cred = *(const struct tm_cred *)a[1];
			break;
		case AT_QSOE_UMASK:
			__qsoe_proc.umask = (unsigned)a[1] & 0777;
			break;
		case AT_QSOE_CWD:
			cwd = (const char *)a[1];
			break;
		case AT_QSOE_LINKMAP:
			__qsoe_proc.lm = (const struct tm_linkmap *)a[1];
			break;
		case AT_QSOE_SIGMASK:
			mask = (const sigset_t *)a[1];
			break;
		case AT_QSOE_SIGIGN:
			ign = (const sigset_t *)a[1];
			break;
		case AT_UID:
			if (!getauxval(AT_QSOE_CRED))
				__qsoe_proc.cred.ruid = __qsoe_proc.cred.suid = (uid_t)a[1];
			break;
		case AT_EUID:
			if (!getauxval(AT_QSOE_CRED))
				__qsoe_proc.cred.euid = (uid_t)a[1];
			break;
		case AT_GID:
			if (!getauxval(AT_QSOE_CRED))
				__qsoe_proc.cred.rgid = __qsoe_proc.cred.sgid = (gid_t)a[1];
			break;
		case AT_EGID:
			if (!getauxval(AT_QSOE_CRED))
				__qsoe_proc.cred.egid = (gid_t)a[1];
			break;
		default:
			break;
		}
	}
	errno = 0;
	if (cwd && cwd[0] == '/' && strlen(cwd) < PATH_MAX) {
		char norm[PATH_MAX];
		strcpy(norm, cwd);
		if (__qsoe_normalise(norm, sizeof(norm)) == 0)
			__qsoe_cwd_set(norm);
	}
	__qsoe_thread_init();
	if (__qsoe_tls_init_main() < 0) {
		static const char msg[] = "libc: cannot set up thread-local storage\n";
		write(2, msg, sizeof(msg) - 1);
		_exit(127);
	}
	setup_signals(mask, ign);
	__qsoe_inherit(__qsoe_auxv);
	__qsoe_run_init(pre, pre_end, init, init_end, fini, fini_end);
	exit(main(argc, argv, environ));
}
