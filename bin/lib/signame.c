/*
 * signame.c - signal names (see signame.h).
 */
#include "signame.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
#ifdef SIGPWR
        {"PWR", SIGPWR},
#endif
};
#define NSIGS (sizeof(sigs) / sizeof(sigs[0]))

/* See signame.h. */
int qu_sig_lookup(const char *s)
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

/* See signame.h. */
const char *qu_sig_name(int n)
{
	size_t i;

	for (i = 0; i < NSIGS; i++)
		if (sigs[i].num == n)
			return sigs[i].name;
	return NULL;
}
