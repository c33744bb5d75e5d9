/*
 * signal.c - posting signals to processes and threads.
 *
 * This first part implements the default actions: a signal whose default
 * action is to terminate ends the process with that signal as its wait
 * status; signals whose default is to be ignored are dropped. Handlers,
 * masks, SignalAction/SignalProcmask/SignalSuspend/SignalWaitinfo and
 * job-control stops build on signal_post().
 */
#include <skimmer/ipc.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/thread.h>
#include <qsoe/abi/signal.h>

/* True if the default action of signo is to ignore it (POSIX). */
static bool default_ignore(int signo)
{
	return signo == SIGCHLD || signo == SIGURG || signo == SIGWINCH || signo == SIGPWR ||
	       signo == SIGCONT;
}

int signal_post(struct process *p, struct thread *t, int signo, int code, union sigval value,
                pid_t from)
{
	(void)t;
	(void)code;
	(void)value;
	(void)from;
	if (signo < 1 || signo > _SIGMAX)
		return -EINVAL;
	if (default_ignore(signo))
		return 0;
	proc_terminate(p, signo & 0x7f);
	return 0;
}
