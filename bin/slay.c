/*
 * slay - QNX's "kill by name": signal every process whose program name
 * (or pid) matches an operand.
 *
 * slay [-signal] [-s signal] [-fhpqQSu] [-m name|pid] [-t tty] name|pid...
 *   -s sig, -sig   the signal (name or number; default SIGTERM)
 *   -f   no confirmation when several processes match (else slay asks)
 *   -h   SIGSTOP (hold)      -u  SIGCONT (resume)
 *   -m   match only the name, or only the pid (default: both)
 *   -p   print the matching pids instead of signalling them
 *   -q   ask before each process      -Q  quiet (no message when none match)
 *   -S   leave processes that have children alone
 *   -t   only processes with this controlling terminal
 * Exit status: 0 if at least one process matched and every signal was
 * delivered, 1 otherwise.
 */
#include "procinfo.h"
#include "qu.h"
#include "signame.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

QU_USAGE("Usage: slay [-signal] [-s signal] [-fhpqQSu] [-m name|pid] [-t tty] name|pid...\n"
         "  -s sig  signal to send (default TERM)   -f  no confirmation for several matches\n"
         "  -h  stop (SIGSTOP)   -u  continue (SIGCONT)   -p  print the pids only\n"
         "  -m name|pid  match only names or only pids   -q  ask for each process\n"
         "  -Q  quiet   -S  skip processes with children   -t tty  only on this terminal\n");

/* Sends sig to pid (prints it in the test build). 0 or -1 with errno. */
static int send_sig(pid_t pid, int sig)
{
#ifdef QU_PROC_TEST
	printf("kill %ld %d\n", (long)pid, sig);
	return 0;
#else
	return kill(pid, sig);
#endif
}

/* Asks a yes/no question on the terminal (or stdin). */
static int ask(const char *fmt, long a, const char *b)
{
	fprintf(stderr, fmt, a, b);
	fflush(stderr);
	return qu_yes();
}

int main(int argc, char **argv)
{
	int sig = SIGTERM, force = 0, print = 0, query = 0, quiet = 0, skip_parents = 0, c;
	int match_name = 1, match_pid = 1, status = 0;
	const char *tty = NULL;
	char *ttypath = NULL;
	struct qu_proc *ps;
	size_t n;

	qu_init(argv[0]);
	/* -NUMBER / -NAME as the first argument, as kill accepts it */
	if (argc > 1 && argv[1][0] == '-' && argv[1][1] && strchr("0123456789", argv[1][1])) {
		sig = qu_sig_lookup(argv[1] + 1);
		if (sig < 0)
			qu_die(1, "%s: invalid signal", qu_quote(argv[1] + 1));
		argv[1] = argv[0];
		argv++;
		argc--;
	} else if (argc > 1 && argv[1][0] == '-' && argv[1][1] && argv[1][2] &&
	           qu_sig_lookup(argv[1] + 1) > 0) {
		sig = qu_sig_lookup(argv[1] + 1);
		argv[1] = argv[0];
		argv++;
		argc--;
	}
	while ((c = qu_getopt(argc, argv, "s:fhpqQSum:t:")) != -1) {
		switch (c) {
		case 's':
			sig = qu_sig_lookup(qu_optarg);
			if (sig < 0)
				qu_die(1, "%s: invalid signal", qu_quote(qu_optarg));
			break;
		case 'f':
			force = 1;
			break;
		case 'h':
			sig = SIGSTOP;
			break;
		case 'u':
			sig = SIGCONT;
			break;
		case 'p':
			print = 1;
			break;
		case 'q':
			query = 1;
			break;
		case 'Q':
			quiet = 1;
			break;
		case 'S':
			skip_parents = 1;
			break;
		case 'm':
			if (!strcmp(qu_optarg, "name"))
				match_pid = 0;
			else if (!strcmp(qu_optarg, "pid"))
				match_name = 0;
			else
				qu_usage(1, "-m takes name or pid");
			break;
		case 't':
			tty = qu_optarg;
			break;
		}
	}
	if (qu_optind >= argc)
		qu_usage(1, "missing process name");
	if (tty && tty[0] != '/') {
		ttypath = qu_malloc(strlen(tty) + 6);
		sprintf(ttypath, "/dev/%s", tty);
		tty = ttypath;
	}
	if (qu_proc_all(&ps, &n) < 0)
		qu_die_errno(1, errno, "%s", qu_proc_root());
	pid_t self = qu_proc_self();
	for (int a = qu_optind; a < argc; a++) {
		const char *want = argv[a];
		char *end;
		long wpid = strtol(want, &end, 10);
		int is_num = *want && !*end;
		size_t *hits = qu_malloc(n * sizeof(*hits) + 1), nh = 0;
		for (size_t i = 0; i < n; i++) {
			const struct qu_proc *p = &ps[i];
			const char *base = strrchr(p->name, '/');
			base = base ? base + 1 : p->name;
			int m = (match_pid && is_num && p->pid == wpid) ||
			        (match_name && (!strcmp(p->name, want) || !strcmp(base, want)));
			if (!m || p->pid == self || !strcmp(p->state, "zombie"))
				continue;
			if (tty && strcmp(p->tty, tty))
				continue;
			if (skip_parents) {
				int kids = 0;
				for (size_t j = 0; j < n && !kids; j++)
					kids = ps[j].ppid == p->pid;
				if (kids)
					continue;
			}
			hits[nh++] = i;
		}
		if (nh == 0) {
			if (!quiet)
				qu_err("unable to find process %s", qu_quote(want));
			status = 1;
			free(hits);
			continue;
		}
		if (print) {
			for (size_t h = 0; h < nh; h++)
				printf("%ld\n", (long)ps[hits[h]].pid);
			free(hits);
			continue;
		}
		if (nh > 1 && !force && !query &&
		    !ask("slay: %ld processes match %s; signal them all (y/n)? ", (long)nh, want)) {
			free(hits);
			continue;
		}
		for (size_t h = 0; h < nh; h++) {
			const struct qu_proc *p = &ps[hits[h]];
			if (query &&
			    !ask("slay: signal pid %ld (%s) (y/n)? ", (long)p->pid, p->name))
				continue;
			if (send_sig(p->pid, sig) != 0) {
				if (!quiet)
					qu_errno(errno, "pid %ld (%s)", (long)p->pid, p->name);
				status = 1;
			}
		}
		free(hits);
	}
	free(ttypath);
	qu_proc_free_all(ps, n);
	return status;
}
