/*
 * getopt.c - POSIX option parsing with identical behaviour on every C
 * library, and the usage messages printed on a bad option.
 */
#include "qu.h"

#include <stdlib.h>
#include <string.h>

int qu_optind = 1;
char *qu_optarg;
int qu_optopt;
int qu_usage_status = 1;
static int optpos = 1; /* position inside the current option cluster */

/* Prints the first line of the usage text to stderr, then exits. */
void qu_usage(int status, const char *msg)
{
	const char *nl = strchr(qu_usage_text, '\n');
	int len = nl ? (int)(nl - qu_usage_text) : (int)strlen(qu_usage_text);

	fflush(stdout);
	if (msg)
		fprintf(stderr, "%s: %s\n", qu_prog, msg);
	fprintf(stderr, "%.*s\n", len, qu_usage_text);
	exit(status);
}

/* Prints the complete usage text to f. */
void qu_print_usage(FILE *f)
{
	fputs(qu_usage_text, f);
}

/* Parses the next option in argv as POSIX getopt() does. Options end at the
 * first argument that does not start with '-', at "-" and after "--". With a
 * leading ':' in opts, errors return '?' or ':' silently; otherwise they are
 * reported with the usage line and the program exits with qu_usage_status. */
int qu_getopt(int argc, char *const argv[], const char *opts)
{
	int quiet = opts[0] == ':';
	const char *arg, *p;
	char msg[64];
	int c;

	qu_optarg = NULL;
	if (qu_optind < 1) {
		qu_optind = 1;
		optpos = 1;
	}
	if (optpos == 1) {
		if (qu_optind >= argc)
			return -1;
		arg = argv[qu_optind];
		if (arg[0] != '-' || arg[1] == '\0')
			return -1;
		if (strcmp(arg, "--") == 0) {
			qu_optind++;
			return -1;
		}
	}
	arg = argv[qu_optind];
	c = (unsigned char)arg[optpos];
	qu_optopt = c;
	p = (c == ':') ? NULL : strchr(opts + quiet, c);
	if (!p) {
		if (!arg[++optpos]) {
			qu_optind++;
			optpos = 1;
		}
		if (quiet)
			return '?';
		snprintf(msg, sizeof(msg), "invalid option -- '%c'", c);
		qu_usage(qu_usage_status, msg);
	}
	if (p[1] == ':') {
		if (arg[optpos + 1]) {
			qu_optarg = (char *)&arg[optpos + 1];
		} else if (qu_optind + 1 >= argc) {
			qu_optind++;
			optpos = 1;
			if (quiet)
				return ':';
			snprintf(msg, sizeof(msg), "option requires an argument -- '%c'", c);
			qu_usage(qu_usage_status, msg);
		} else {
			qu_optarg = argv[++qu_optind];
		}
		qu_optind++;
		optpos = 1;
	} else if (!arg[++optpos]) {
		qu_optind++;
		optpos = 1;
	}
	return c;
}
