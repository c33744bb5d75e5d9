/*
 * trap.c - signal names, the trap table (EXIT, ERR and signals), signal
 * dispositions of the shell and of the programs it starts, and running
 * pending traps at safe points.
 */
#include "qsh.h"
#include "shell.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#define TRAP_EXIT 0
#define TRAP_ERR  NSIGS

struct signame {
	int sig;
	const char *name;
	const char *desc;
};

static const struct signame signames[] = {
        {SIGHUP, "HUP", "Hangup"},
        {SIGINT, "INT", "Interrupt"},
        {SIGQUIT, "QUIT", "Quit"},
        {SIGILL, "ILL", "Illegal instruction"},
        {SIGTRAP, "TRAP", "Trace/breakpoint trap"},
        {SIGABRT, "ABRT", "Aborted"},
        {SIGBUS, "BUS", "Bus error"},
        {SIGFPE, "FPE", "Floating point exception"},
        {SIGKILL, "KILL", "Killed"},
        {SIGUSR1, "USR1", "User defined signal 1"},
        {SIGSEGV, "SEGV", "Segmentation fault"},
        {SIGUSR2, "USR2", "User defined signal 2"},
        {SIGPIPE, "PIPE", "Broken pipe"},
        {SIGALRM, "ALRM", "Alarm clock"},
        {SIGTERM, "TERM", "Terminated"},
#ifdef SIGSTKFLT
        {SIGSTKFLT, "STKFLT", "Stack fault"},
#endif
        {SIGCHLD, "CHLD", "Child exited"},
        {SIGCONT, "CONT", "Continued"},
        {SIGSTOP, "STOP", "Stopped (signal)"},
        {SIGTSTP, "TSTP", "Stopped"},
        {SIGTTIN, "TTIN", "Stopped (tty input)"},
        {SIGTTOU, "TTOU", "Stopped (tty output)"},
        {SIGURG, "URG", "Urgent I/O condition"},
        {SIGXCPU, "XCPU", "CPU time limit exceeded"},
        {SIGXFSZ, "XFSZ", "File size limit exceeded"},
        {SIGVTALRM, "VTALRM", "Virtual timer expired"},
        {SIGPROF, "PROF", "Profiling timer expired"},
#ifdef SIGWINCH
        {SIGWINCH, "WINCH", "Window changed"},
#endif
#ifdef SIGIO
        {SIGIO, "IO", "I/O possible"},
#endif
#ifdef SIGPWR
        {SIGPWR, "PWR", "Power failure"},
#endif
        {SIGSYS, "SYS", "Bad system call"},
};

static char *traps[NSIGS + 1];
static volatile sig_atomic_t pending[NSIGS];
static volatile sig_atomic_t any_pending;
static unsigned char ign_at_start[NSIGS];
static unsigned char shell_handled[NSIGS]; /* disposition changed by the shell */
volatile sig_atomic_t got_sigint;
volatile sig_atomic_t got_sigchld;
static int interactive_sigs;

/* Name of signal sig without SIG ("EXIT" for 0), or its number as text. */
const char *sig_name(int sig)
{
	static char buf[16];
	if (sig == 0)
		return "EXIT";
	if (sig == TRAP_ERR)
		return "ERR";
	for (size_t i = 0; i < sizeof signames / sizeof signames[0]; i++)
		if (signames[i].sig == sig)
			return signames[i].name;
	snprintf(buf, sizeof buf, "%d", sig);
	return buf;
}

/* Description of signal sig ("Terminated"). */
const char *sig_desc(int sig)
{
	static char buf[32];
	for (size_t i = 0; i < sizeof signames / sizeof signames[0]; i++)
		if (signames[i].sig == sig)
			return signames[i].desc;
	snprintf(buf, sizeof buf, "Signal %d", sig);
	return buf;
}

/* Signal number for a name (with or without SIG), a number, EXIT or ERR; -1. */
int sig_byname(const char *name)
{
	if (c_isdigit((unsigned char)name[0])) {
		long n;
		if (parse_int(name, &n) < 0 || n < 0 || n >= NSIGS)
			return -1;
		return (int)n;
	}
	char up[32];
	size_t i;
	for (i = 0; name[i] && i < sizeof up - 1; i++)
		up[i] = (char)c_toupper((unsigned char)name[i]);
	up[i] = 0;
	const char *n = up;
	if (!strncmp(n, "SIG", 3))
		n += 3;
	if (!strcmp(n, "EXIT"))
		return 0;
	if (!strcmp(n, "ERR"))
		return TRAP_ERR;
	for (size_t k = 0; k < sizeof signames / sizeof signames[0]; k++)
		if (!strcmp(signames[k].name, n))
			return signames[k].sig;
	return -1;
}

static volatile sig_atomic_t last_sig;

static void on_signal(int sig)
{
	last_sig = sig;
	if (sig > 0 && sig < NSIGS) {
		pending[sig] = 1;
		any_pending = 1;
	}
	if (sig == SIGINT)
		got_sigint = 1;
}

static void set_disp(int sig, void (*h)(int))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = h;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0; /* no SA_RESTART: waits are interrupted */
	sigaction(sig, &sa, NULL);
}

/* The disposition a signal should have given traps and interactivity. */
static void apply(int sig)
{
	if (sig <= 0 || sig >= NSIGS || sig == SIGKILL || sig == SIGSTOP)
		return;
	const char *t = traps[sig];
	if (t) {
		set_disp(sig, *t ? on_signal : SIG_IGN);
		shell_handled[sig] = *t ? 1 : 0;
		return;
	}
	if (interactive_sigs) {
		if (sig == SIGINT) {
			set_disp(sig, on_signal);
			shell_handled[sig] = 1;
			return;
		}
		if (sig == SIGQUIT || sig == SIGTERM ||
		    (Flag(O_MONITOR) && (sig == SIGTSTP || sig == SIGTTIN || sig == SIGTTOU))) {
			set_disp(sig, SIG_IGN);
			shell_handled[sig] = 1;
			return;
		}
	}
#ifdef SIGWINCH
	if (sig == SIGWINCH && interactive_sigs) {
		set_disp(sig, on_signal);
		shell_handled[sig] = 1;
		return;
	}
#endif
	if (ign_at_start[sig]) {
		set_disp(sig, SIG_IGN);
		shell_handled[sig] = 0;
		return;
	}
	set_disp(sig, SIG_DFL);
	shell_handled[sig] = 0;
}

/* Record which signals were ignored when the shell started. */
void trap_init(void)
{
	for (int sig = 1; sig < NSIGS; sig++) {
		struct sigaction sa;
		if (sigaction(sig, NULL, &sa) == 0 && sa.sa_handler == SIG_IGN)
			ign_at_start[sig] = 1;
	}
}

/* Was sig ignored when the shell started (cannot be trapped then)? */
int trap_ignored_at_start(int sig)
{
	return sig > 0 && sig < NSIGS && ign_at_start[sig];
}

/* Switch the interactive signal handling (SIGINT caught, QUIT/TERM ignored). */
void signals_interactive(int on)
{
	interactive_sigs = on;
	for (int sig = 1; sig < NSIGS; sig++)
		if (sig == SIGINT || sig == SIGQUIT || sig == SIGTERM || sig == SIGTSTP ||
		    sig == SIGTTIN || sig == SIGTTOU
#ifdef SIGWINCH
		    || sig == SIGWINCH
#endif
		)
			apply(sig);
}

/* Set the action for sig: NULL default, "" ignore, else a command. 0 ok. */
int trap_set(int sig, const char *action)
{
	if (sig < 0 || sig > TRAP_ERR)
		return -1;
	if (sig > 0 && sig < NSIGS && ign_at_start[sig] && !sh.interactive)
		return 0;
	free(traps[sig]);
	traps[sig] = action ? xstrdup(action) : NULL;
	if (sig > 0 && sig < NSIGS)
		apply(sig);
	return 0;
}

/* The action for sig (NULL: default). */
const char *trap_get(int sig)
{
	if (sig < 0 || sig > TRAP_ERR)
		return NULL;
	return traps[sig];
}

/* Is any trap command set (exec must not replace the shell then)? */
int trap_any_set(void)
{
	for (int i = 0; i <= TRAP_ERR; i++)
		if (traps[i] && *traps[i])
			return 1;
	return 0;
}

/* Is a trapped signal waiting to be handled? */
int trap_pending(void)
{
	return any_pending;
}

static void run_trap(int sig)
{
	const char *t = traps[sig];
	if (!t || !*t)
		return;
	char *cmd = xstrdup(t);
	int save = sh.status;
	sh.in_trap++;
	exec_list_string(cmd, NULL, sh.src.line, 1);
	sh.in_trap--;
	free(cmd);
	if (!sh.returning)
		sh.status = save;
}

/* Run the traps of signals received since the last call. */
void run_pending_traps(void)
{
	if (!any_pending || sh.in_trap)
		return;
	any_pending = 0;
	for (int sig = 1; sig < NSIGS; sig++) {
		if (!pending[sig])
			continue;
		pending[sig] = 0;
#ifdef SIGWINCH
		if (sig == SIGWINCH)
			tty_update_size();
#endif
		if (traps[sig])
			run_trap(sig);
	}
}

/* Run the EXIT trap once. */
void trap_exit(void)
{
	if (!traps[TRAP_EXIT])
		return;
	char *t = traps[TRAP_EXIT];
	traps[TRAP_EXIT] = NULL;
	if (*t) {
		sh.in_trap++;
		exec_list_string(t, NULL, sh.src.line, 1);
		sh.in_trap--;
	}
	free(t);
}

/* Run the ERR trap (not from within itself). */
void trap_err(void)
{
	if (!traps[TRAP_ERR] || !*traps[TRAP_ERR] || sh.in_trap)
		return;
	run_trap(TRAP_ERR);
}

/* Add to def the signals a spawned program must get at their default. */
void sig_reset_for_child(sigset_t *def)
{
	for (int sig = 1; sig < NSIGS; sig++)
		if (shell_handled[sig] && sig != SIGKILL && sig != SIGSTOP)
			sigaddset(def, sig);
}

/* In a subshell: traps are reset, except ignored ones. */
void trap_subshell_reset(void)
{
	for (int sig = 0; sig <= TRAP_ERR; sig++) {
		if (traps[sig] && *traps[sig]) {
			free(traps[sig]);
			traps[sig] = NULL;
			if (sig > 0 && sig < NSIGS)
				apply(sig);
		}
	}
}

/* Print the trap table as "trap -- 'cmd' NAME" lines. */
void trap_list(int fd)
{
	struct sbuf b;
	sb_init(&b);
	for (int i = 0; i <= TRAP_ERR; i++) {
		int sig = i;
		if (!traps[sig])
			continue;
		sb_adds(&b, "trap -- ");
		str_quote_sb(&b, traps[sig]);
		sb_printf(&b, " %s\n", sig_name(sig));
	}
	out_n(fd, b.s ? b.s : "", b.len);
	sb_free(&b);
}

/* Iterate the signal table (for kill -l): returns 0 at the end. */
int sig_table(int i, int *sig, const char **name, const char **desc)
{
	if (i < 0 || (size_t)i >= sizeof signames / sizeof signames[0])
		return 0;
	*sig = signames[i].sig;
	*name = signames[i].name;
	*desc = signames[i].desc;
	return 1;
}

/* The most recent trapped signal (for wait's status). */
int trap_last_signal(void)
{
	return last_sig;
}
