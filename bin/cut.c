/*
 * cut - cut out selected fields of each line of a file (POSIX: -b -c -f
 * with -d and -s, -n).
 *
 * Lists are comma- or blank-separated positions and ranges (N, N-M, N-, -M),
 * counted from 1. -c counts bytes (the C locale's characters).
 */
#include "qu.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

QU_USAGE("Usage: cut -b list [-n] [file...]\n"
         "       cut -c list [file...]\n"
         "       cut -f list [-d delim] [-s] [file...]\n"
         "  list: N, N-M, N-, -M separated by commas\n");

struct range {
	size_t lo, hi; /* inclusive, 1-based; hi = SIZE_MAX for "N-" */
};

static struct range *ranges;
static size_t nranges;
static char mode; /* 'b' or 'f' */
static char delim = '\t';
static int only_delimited;

/* Parses a list into ranges; exits with a message on error. */
static void parse_list(const char *s)
{
	const char *p = s;
	size_t cap = 0;
	int had_lo;

	while (*p) {
		struct range r;
		char *end;
		if (*p == ',' || *p == ' ' || *p == '\t') {
			p++;
			continue;
		}
		r.lo = 1;
		had_lo = *p != '-';
		if (had_lo) {
			if (*p < '0' || *p > '9')
				qu_die(1, "invalid %s list",
				       mode == 'f' ? "field" : "byte/character");
			r.lo = strtoul(p, &end, 10);
			p = end;
			if (r.lo == 0)
				qu_die(1, "%s",
				       mode == 'f'
				               ? "fields are numbered from 1"
				               : "byte/character positions are numbered from 1");
		}
		r.hi = r.lo;
		if (*p == '-') {
			p++;
			if (*p >= '0' && *p <= '9') {
				r.hi = strtoul(p, &end, 10);
				p = end;
				if (r.hi == 0)
					qu_die(1, "invalid range with no endpoint: -");
				if (r.hi < r.lo)
					qu_die(1, "invalid decreasing range");
			} else {
				if (!had_lo)
					qu_die(1, "invalid range with no endpoint: -");
				r.hi = (size_t)-1;
			}
		}
		if (*p && *p != ',' && *p != ' ' && *p != '\t')
			qu_die(1, "invalid %s list", mode == 'f' ? "field" : "byte/character");
		if (nranges == cap) {
			cap = cap ? cap * 2 : 8;
			ranges = qu_realloc(ranges, cap * sizeof(*ranges));
		}
		ranges[nranges++] = r;
	}
	if (!nranges)
		qu_die(1, "missing list of %s", mode == 'f' ? "fields" : "positions");
}

/* Returns 1 if position i (1-based) is selected. */
static int selected(size_t i)
{
	size_t k;

	for (k = 0; k < nranges; k++)
		if (i >= ranges[k].lo && i <= ranges[k].hi)
			return 1;
	return 0;
}

/* Processes one line (without its newline). */
static void cut_line(const char *line, size_t len)
{
	size_t i, field = 1, start = 0;
	int printed = 0;

	if (mode == 'b') {
		for (i = 0; i < len; i++)
			if (selected(i + 1))
				putchar(line[i]);
		putchar('\n');
		return;
	}
	if (!memchr(line, delim, len)) {
		if (!only_delimited) {
			fwrite(line, 1, len, stdout);
			putchar('\n');
		}
		return;
	}
	for (i = 0; i <= len; i++) {
		if (i < len && line[i] != delim)
			continue;
		if (selected(field)) {
			if (printed)
				putchar(delim);
			fwrite(line + start, 1, i - start, stdout);
			printed = 1;
		}
		field++;
		start = i + 1;
	}
	putchar('\n');
}

int main(int argc, char **argv)
{
	int c, i, status = 0;
	const char *list = NULL;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "b:c:f:d:sn")) != -1) {
		switch (c) {
		case 'b':
		case 'c':
		case 'f':
			if (list)
				qu_usage(1, "only one type of list may be specified");
			list = qu_optarg;
			mode = c == 'f' ? 'f' : 'b';
			break;
		case 'd':
			/* an empty delimiter means NUL (as coreutils) */
			if (strlen(qu_optarg) > 1)
				qu_usage(1, "the delimiter must be a single character");
			delim = qu_optarg[0];
			break;
		case 's':
			only_delimited = 1;
			break;
		case 'n':
			break;
		}
	}
	if (!list)
		qu_usage(1, "you must specify a list of bytes, characters, or fields");
	parse_list(list);
	if (qu_optind >= argc)
		argv[--qu_optind] = "-";
	for (i = qu_optind; i < argc; i++) {
		FILE *f = stdin;
		if (strcmp(argv[i], "-")) {
			f = fopen(argv[i], "r");
			if (!f) {
				qu_errno(errno, "%s", qu_quotef(argv[i]));
				status = 1;
				continue;
			}
		}
		while ((n = getline(&line, &cap, f)) > 0) {
			if (line[n - 1] == '\n')
				n--;
			cut_line(line, (size_t)n);
		}
		if (ferror(f)) {
			qu_errno(errno, "%s", qu_quotef(argv[i]));
			status = 1;
		}
		if (f != stdin)
			fclose(f);
		else
			clearerr(f);
	}
	free(line);
	return status;
}
