/*
 * kill - terminate or signal processes.
 *
 * kill -s signal_name pid...
 * kill -l [exit_status]
 * kill [-signal_name | -signal_number] pid...
 * Names are accepted with or without the SIG prefix, in any case. A negative
 * pid signals a process group (after "--" or an explicit signal).
 */
#include "qu.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

QU_USAGE("Usage: kill -s signal_name pid...\n"
         "       kill -l [exit_status]\n"
         "       kill [-signal_name | -signal_number] pid...\n");

static const struct {
	const char *name;
	int num;
} sigs[] = {
        {"HUP", SIGHUP},       {"INT", SIGINT},   {"QUIT", SIGQUIT}, {"ILL", SIGILL},
        {"TRAP", SIGTRAP},     {"ABRT", SIGABRT}, {"BUS", SIGBUS},   {"FPE", SIGFPE},
        {"KILL", SIGKILL},     {"USR1", SIGUSR1}, {"SEGV", SIGSEGV}, {"USR2", SIGUSR2},
        {"PIPE", SIGPIPE},     {"ALRM", SIGALRM}, {"TERM", SIGTERM}, {"CHLD", SIGCHLD},
        {"CONT", SIGCONT},     {"STOP", SIGSTOP}, {"TSTP", SIGTSTP}, {"TTIN", SIGTTIN},
        {"TTOU", SIGTTOU},     {"URG", SIGURG},   {"XCPU", SIGXCPU}, {"XFSZ", SIGXFSZ},
        {"VTALRM", SIGVTALRM}, {"PROF", SIGPROF}, {"SYS", SIGSYS},
#ifdef SIGWINCH
        {"WINCH", SIGWINCH},
#endif
#ifdef SIGPOLL
        {"POLL", SIGPOLL},
#endif
};
#define NSIGS (sizeof(sigs) / sizeof(sigs[0]))

/* Returns the signal number for a name ("TERM", "SIGTERM", "term") or
 * decimal number, or -1. */
static int sig_lookup(const char *s)
{
	size_t i;
	char *end;
	long n;

	if (*s >= '0' && *s <= '9') {
		n = strtol(s, &end, 10);
		if (*end || n < 0 || n > 255)
			return -1;
		return (int)n;
	}
	if (!strncasecmp(s, "SIG", 3))
		s += 3;
	if (!strcmp(s, "0"))
		return 0;
	for (i = 0; i < NSIGS; i++)
		if (!strcasecmp(s, sigs[i].name))
			return sigs[i].num;
	return -1;
}

/* Returns the name of signal n, or NULL. */
static const char *sig_name(int n)
{
	size_t i;

	for (i = 0; i < NSIGS; i++)
		if (sigs[i].num == n)
			return sigs[i].name;
	return NULL;
}

/* kill -l: all names, or the name for an exit status or number. */
static int list(int argc, char **argv, int first)
{
	int i, n, status = 0;
	long v;
	char *end;

	if (first >= argc) {
		for (n = 1; n < 128; n++) {
			const char *nm = sig_name(n);
			if (nm)
				printf("%s%s", n > 1 ? " " : "", nm);
		}
		putchar('\n');
		return 0;
	}
	for (i = first; i < argc; i++) {
		v = strtol(argv[i], &end, 10);
		if (*argv[i] && !*end) {
			n = (int)(v > 128 ? v - 128 : v);
			if (v < 0 || !sig_name(n)) {
				qu_err("%s: invalid signal", qu_quote(argv[i]));
				status = 1;
				continue;
			}
			puts(sig_name(n));
		} else {
			n = sig_lookup(argv[i]);
			if (n <= 0) {
				qu_err("%s: invalid signal", qu_quote(argv[i]));
				status = 1;
				continue;
			}
			printf("%d\n", n);
		}
	}
	return status;
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, status = 0;
	long pid;
	char *end;

	qu_init(argv[0]);
	if (argc < 2)
		qu_usage(1, "not enough arguments");
	if (!strcmp(argv[1], "-l") || !strcmp(argv[1], "-L"))
		return list(argc, argv, 2);
	if (!strcmp(argv[1], "-s") || !strcmp(argv[1], "-n")) {
		if (argc < 3)
			qu_usage(1, "option requires an argument -- 's'");
		sig = argv[1][1] == 's' ? sig_lookup(argv[2]) : (int)strtol(argv[2], &end, 10);
		if (sig < 0 || (argv[1][1] == 'n' && *end))
			qu_die(1, "%s: invalid signal", qu_quote(argv[2]));
		i = 3;
	} else if (!strncmp(argv[1], "-s", 2) && argv[1][2]) {
		sig = sig_lookup(argv[1] + 2);
		if (sig < 0)
			qu_die(1, "%s: invalid signal", qu_quote(argv[1] + 2));
		i = 2;
	} else if (!strcmp(argv[1], "--")) {
		i = 2;
	} else if (argv[1][0] == '-' && argv[1][1] && !(argv[1][1] == '-' && !argv[1][2])) {
		sig = sig_lookup(argv[1] + 1);
		if (sig < 0)
			qu_die(1, "%s: invalid signal", qu_quote(argv[1] + 1));
		i = 2;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i >= argc)
		qu_usage(1, "no process ID specified");
	for (; i < argc; i++) {
		pid = strtol(argv[i], &end, 10);
		if (!*argv[i] || *end || pid != (long)(pid_t)pid) {
			qu_err("%s: arguments must be process or job IDs", qu_quote(argv[i]));
			status = 1;
			continue;
		}
		if (kill((pid_t)pid, sig) != 0) {
			qu_errno(errno, "(%ld)", pid);
			status = 1;
		}
	}
	return status;
}
