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
#include "signame.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

QU_USAGE("Usage: kill -s signal_name pid...\n"
         "       kill -l [exit_status]\n"
         "       kill [-signal_name | -signal_number] pid...\n");

/* kill -l: all names, or the name for an exit status or number. */
static int list(int argc, char **argv, int first)
{
	int i, n, status = 0;
	long v;
	char *end;

	if (first >= argc) {
		for (n = 1; n < 128; n++) {
			const char *nm = qu_sig_name(n);
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
			if (v < 0 || !qu_sig_name(n)) {
				qu_err("%s: invalid signal", qu_quote(argv[i]));
				status = 1;
				continue;
			}
			puts(qu_sig_name(n));
		} else {
			n = qu_sig_lookup(argv[i]);
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
		sig = argv[1][1] == 's' ? qu_sig_lookup(argv[2]) : (int)strtol(argv[2], &end, 10);
		if (sig < 0 || (argv[1][1] == 'n' && *end))
			qu_die(1, "%s: invalid signal", qu_quote(argv[2]));
		i = 3;
	} else if (!strncmp(argv[1], "-s", 2) && argv[1][2]) {
		sig = qu_sig_lookup(argv[1] + 2);
		if (sig < 0)
			qu_die(1, "%s: invalid signal", qu_quote(argv[1] + 2));
		i = 2;
	} else if (!strcmp(argv[1], "--")) {
		i = 2;
	} else if (argv[1][0] == '-' && argv[1][1] && !(argv[1][1] == '-' && !argv[1][2])) {
		sig = qu_sig_lookup(argv[1] + 1);
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
