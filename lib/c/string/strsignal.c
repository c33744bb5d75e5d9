/*
 * strsignal.c - signal descriptions for QNX signal numbers.
 */
#include <string.h>
#include <signal.h>
#include "libc.h"

static const char *const names[] = {
        [SIGHUP] = "Hangup",
        [SIGINT] = "Interrupt",
        [SIGQUIT] = "Quit",
        [SIGILL] = "Illegal instruction",
        [SIGTRAP] = "Trace/breakpoint trap",
        [SIGABRT] = "Aborted",
        [SIGEMT] = "EMT trap",
        [SIGFPE] = "Floating point exception",
        [SIGKILL] = "Killed",
        [SIGBUS] = "Bus error",
        [SIGSEGV] = "Segmentation fault",
        [SIGSYS] = "Bad system call",
        [SIGPIPE] = "Broken pipe",
        [SIGALRM] = "Alarm clock",
        [SIGTERM] = "Terminated",
        [SIGUSR1] = "User defined signal 1",
        [SIGUSR2] = "User defined signal 2",
        [SIGCHLD] = "Child exited",
        [SIGPWR] = "Power failure",
        [SIGWINCH] = "Window changed",
        [SIGURG] = "Urgent I/O condition",
        [SIGPOLL] = "I/O possible",
        [SIGSTOP] = "Stopped (signal)",
        [SIGTSTP] = "Stopped",
        [SIGCONT] = "Continued",
        [SIGTTIN] = "Stopped (tty input)",
        [SIGTTOU] = "Stopped (tty output)",
        [SIGVTALRM] = "Virtual timer expired",
        [SIGPROF] = "Profiling timer expired",
        [SIGXCPU] = "CPU time limit exceeded",
        [SIGXFSZ] = "File size limit exceeded",
};

/* Append the decimal value of n to buf. */
static void append_num(char *buf, size_t size, int n)
{
	char tmp[16], *p = tmp + sizeof(tmp);
	unsigned u = n < 0 ? 0u - (unsigned)n : (unsigned)n;

	*--p = '\0';
	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (n < 0)
		*--p = '-';
	strlcat(buf, p, size);
}

/*
 * A description of signal sig. Unknown and real-time numbers are formatted
 * into a static buffer (not thread safe, as POSIX permits).
 */
char *strsignal(int sig)
{
	static char buf[40];

	if (sig > 0 && (unsigned)sig < sizeof(names) / sizeof(names[0]) && names[sig])
		return (char *)names[sig];
	if (sig >= SIGRTMIN && sig <= SIGRTMAX) {
		strlcpy(buf, "Real-time signal ", sizeof(buf));
		append_num(buf, sizeof(buf), sig - SIGRTMIN);
	} else {
		strlcpy(buf, "Unknown signal ", sizeof(buf));
		append_num(buf, sizeof(buf), sig);
	}
	return buf;
}
