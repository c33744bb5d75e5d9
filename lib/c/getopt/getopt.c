/*
 * getopt.c - getopt(), getopt_long() and getopt_long_only().
 *
 * One scanner serves all three. getopt() is POSIX's: it stops at the first
 * operand. The long variants follow GNU: operands are skipped and, when
 * scanning ends, moved after the options (argv is permuted), unless the
 * option string starts with '+' or POSIXLY_CORRECT is set; a leading '-'
 * returns each operand in optarg as option 1. A ':' at the start (after
 * any '+' or '-') makes a missing argument return ':' and silences the
 * messages. Long options may be abbreviated to any unique prefix.
 * Setting optind to 0 (GNU) or optreset to 1 (BSD) restarts the scan.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *optarg;
int optind = 1, opterr = 1, optopt = '?', optreset;

enum { REQUIRE_ORDER, PERMUTE, RETURN_IN_ORDER };

static struct {
	const char *next; /* the rest of the current option cluster */
	int first_nonopt; /* skipped operands: argv[first_nonopt..last_nonopt) */
	int last_nonopt;
	int initialized;
} st;

/* Swaps the skipped operands [first_nonopt, last_nonopt) with the options after them. */
static void exchange(char **argv)
{
	int a = st.first_nonopt, m = st.last_nonopt, b = optind;
	/* rotate argv[a..b) left by m - a, by three reversals */
	for (int i = a, j = m - 1; i < j; i++, j--) {
		char *t = argv[i];
		argv[i] = argv[j];
		argv[j] = t;
	}
	for (int i = m, j = b - 1; i < j; i++, j--) {
		char *t = argv[i];
		argv[i] = argv[j];
		argv[j] = t;
	}
	for (int i = a, j = b - 1; i < j; i++, j--) {
		char *t = argv[i];
		argv[i] = argv[j];
		argv[j] = t;
	}
	st.first_nonopt += b - m;
	st.last_nonopt = b;
}

static int is_operand(char *const argv[], int i)
{
	return argv[i][0] != '-' || argv[i][1] == 0;
}

/* Handles one long option (name at st.next, '=' ends it); returns getopt's result. */
static int long_option(int argc, char *const argv[], const char *optstring,
                       const struct option *longopts, int *longindex, int long_only, int colon,
                       const char *prefix)
{
	const char *name = st.next;
	size_t len = strcspn(name, "=");
	const struct option *found = NULL;
	int idx = -1, ambiguous = 0;
	for (int i = 0; longopts[i].name; i++) {
		if (strncmp(longopts[i].name, name, len))
			continue;
		if (strlen(longopts[i].name) == len) { /* exact match */
			found = &longopts[i];
			idx = i;
			ambiguous = 0;
			break;
		}
		if (!found) {
			found = &longopts[i];
			idx = i;
		} else if (long_only || found->has_arg != longopts[i].has_arg ||
		           found->flag != longopts[i].flag || found->val != longopts[i].val) {
			ambiguous =
			        1; /* entries alike are one option, except for long_only (as glibc) */
		}
	}
	if (ambiguous) {
		if (opterr && !colon) {
			fprintf(stderr, "%s: option '%s%.*s' is ambiguous; possibilities:", argv[0],
			        prefix, (int)len, name);
			for (int i = 0; longopts[i].name; i++)
				if (!strncmp(longopts[i].name, name, len))
					fprintf(stderr, " '%s%s'", prefix, longopts[i].name);
			fputc('\n', stderr);
		}
		st.next = NULL;
		optind++;
		optopt = 0;
		return '?';
	}
	if (!found) {
		/* getopt_long_only: "-x" that is no long option may still be short options */
		if (long_only && prefix[1] != '-' && strchr(optstring, *st.next))
			return -2;
		if (opterr && !colon)
			fprintf(stderr, "%s: unrecognized option '%s%s'\n", argv[0], prefix, name);
		st.next = NULL;
		optind++;
		optopt = 0;
		return '?';
	}
	optind++;
	st.next = NULL;
	if (name[len] == '=') {
		if (found->has_arg == no_argument) {
			if (opterr && !colon)
				fprintf(stderr, "%s: option '%s%s' doesn't allow an argument\n",
				        argv[0], prefix, found->name);
			optopt = found->val;
			return '?';
		}
		optarg = (char *)name + len + 1;
	} else if (found->has_arg == required_argument) {
		if (optind < argc) {
			optarg = argv[optind++];
		} else {
			if (opterr && !colon)
				fprintf(stderr, "%s: option '%s%s' requires an argument\n", argv[0],
				        prefix, found->name);
			optopt = found->val;
			return colon ? ':' : '?';
		}
	} else {
		optarg = NULL;
	}
	if (longindex)
		*longindex = idx;
	if (found->flag) {
		*found->flag = found->val;
		return 0;
	}
	return found->val;
}

/* The scanner; see the file comment. */
static int scan(int argc, char *const argv[], const char *optstring, const struct option *longopts,
                int *longindex, int long_only, int posix)
{
	if (optind == 0 || optreset || !st.initialized) {
		if (optind == 0)
			optind = 1;
		st.next = NULL;
		st.first_nonopt = st.last_nonopt = optind;
		st.initialized = 1;
		optreset = 0;
	}
	int ordering = PERMUTE;
	if (*optstring == '-') {
		ordering = RETURN_IN_ORDER;
		optstring++;
	} else if (*optstring == '+') {
		ordering = REQUIRE_ORDER;
		optstring++;
	} else if (posix || getenv("POSIXLY_CORRECT")) {
		ordering = REQUIRE_ORDER;
	}
	int colon = *optstring == ':';
	optarg = NULL;

	if (!st.next || !*st.next) {
		/* the next argv element */
		if (st.last_nonopt > optind)
			st.last_nonopt = optind;
		if (st.first_nonopt > optind)
			st.first_nonopt = optind;
		if (ordering == PERMUTE) {
			if (st.first_nonopt != st.last_nonopt && st.last_nonopt != optind)
				exchange((char **)argv);
			else if (st.last_nonopt != optind)
				st.first_nonopt = optind;
			while (optind < argc && is_operand(argv, optind))
				optind++;
			st.last_nonopt = optind;
		}
		if (optind < argc && !strcmp(argv[optind], "--")) {
			optind++;
			if (st.first_nonopt != st.last_nonopt && st.last_nonopt != optind)
				exchange((char **)argv);
			else if (st.first_nonopt == st.last_nonopt)
				st.first_nonopt = optind;
			st.last_nonopt = argc;
			optind = argc;
		}
		if (optind >= argc) {
			if (st.first_nonopt != st.last_nonopt)
				optind = st.first_nonopt;
			return -1;
		}
		if (is_operand(argv, optind)) {
			if (ordering == REQUIRE_ORDER)
				return -1;
			optarg = argv[optind++];
			return 1;
		}
		if (longopts && argv[optind][1] == '-') {
			st.next = argv[optind] + 2;
			return long_option(argc, argv, optstring, longopts, longindex, long_only,
			                   colon, "--");
		}
		st.next = argv[optind] + 1;
		if (longopts && long_only &&
		    (argv[optind][2] || !strchr(optstring, argv[optind][1]))) {
			int r = long_option(argc, argv, optstring, longopts, longindex, 1, colon,
			                    "-");
			if (r != -2)
				return r;
		}
	}

	/* a short option */
	int c = (unsigned char)*st.next++;
	const char *spec = c == ':' ? NULL : strchr(optstring, c);
	if (!*st.next) {
		optind++;
		st.next = NULL;
	}
	if (!spec) {
		if (opterr && !colon)
			fprintf(stderr, "%s: invalid option -- '%c'\n", argv[0], c);
		optopt = c;
		return '?';
	}
	if (spec[1] == ':') {
		if (spec[2] == ':') { /* optional: only in the same argument */
			if (st.next) {
				optarg = (char *)st.next;
				optind++;
			}
			st.next = NULL;
		} else if (st.next) {
			optarg = (char *)st.next;
			optind++;
			st.next = NULL;
		} else if (optind >= argc) {
			if (opterr && !colon)
				fprintf(stderr, "%s: option requires an argument -- '%c'\n",
				        argv[0], c);
			optopt = c;
			return colon ? ':' : '?';
		} else {
			optarg = argv[optind++];
		}
	}
	return c;
}

/*
 * The next option character of argv (POSIX: scanning stops at the first
 * operand or "--"); -1 when there are no more options.
 */
int getopt(int argc, char *const argv[], const char *optstring)
{
	return scan(argc, argv, optstring, NULL, NULL, 0, 1);
}

/* getopt() with GNU long options ("--name", "--name=value", "--name value"). */
int getopt_long(int argc, char *const argv[], const char *optstring, const struct option *longopts,
                int *longindex)
{
	return scan(argc, argv, optstring, longopts, longindex, 0, 0);
}

/* getopt_long() that also takes long options after a single '-'. */
int getopt_long_only(int argc, char *const argv[], const char *optstring,
                     const struct option *longopts, int *longindex)
{
	return scan(argc, argv, optstring, longopts, longindex, 1, 0);
}
