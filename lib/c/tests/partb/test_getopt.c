/*
 * test_getopt.c - getopt(), getopt_long() and getopt_long_only() against
 * glibc over many generated argument vectors: every return value, optarg,
 * optind and optopt, and the final order of argv (the GNU permutation),
 * must be the same. QSOE's getopt() is POSIX's (no permutation), which is
 * glibc's getopt() with a '+' option string. The diagnostics are compared
 * too, by sending both to a file.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "qtest.h"

int q_getopt(int, char *const[], const char *);
int q_getopt_long(int, char *const[], const char *, const struct option *, int *);
int q_getopt_long_only(int, char *const[], const char *, const struct option *, int *);
extern char *q_optarg;
extern int q_optind, q_opterr, q_optopt, q_optreset;
int q_fflush(void *);
extern void *q_stderr;

static int flag_val;
static const struct option longopts[] = {
        {"alpha", no_argument, NULL, 'a'},
        {"beta", required_argument, NULL, 'b'},
        {"gamma", optional_argument, NULL, 'g'},
        {"delta", no_argument, &flag_val, 42},
        {"alphabet", no_argument, NULL, 'A'},
        {"dup", no_argument, NULL, 'd'},
        {"dupe", no_argument, NULL, 'd'},
        {"c", no_argument, NULL, 'C'},
        {NULL, 0, NULL, 0},
};

static const char *const pool[] = {
        "-a",   "-b",      "-c",         "-abc",    "-cfoo",     "-bval",      "-x",       "--",
        "-",    "file",    "other",      "--alpha", "--alp",     "--al",       "--beta=1", "--beta",
        "val",  "--gamma", "--gamma=g",  "--delta", "--unknown", "--alpha=no", "-alpha",   "-beta",
        "-gam", "--dup",   "--du",       "--c",     "-c",        "--",         "-ab",      "-ba",
        "-:",   "-?",      "--alphabet", "x y",     "",
};

static const char *const optstrings[] = {
        "ab:c::", ":ab:c::", "+ab:c::", "-ab:c::", "abc", "a:b:",  "+:ab:",
        "-:ab:c", "W;ab",    "ab:c::x", "",        ":",   "cba::", "abAg::",
};

/* One run: every result of the scanner as a string, and the final argv. */
static void run(int which, int q, int argc, char **argv, const char *optstring, char *out,
                size_t cap)
{
	size_t n = 0;
	out[0] = 0;
	if (q) {
		q_optind = 0;
		q_opterr = 0;
	} else {
		optind = 0;
		opterr = 0;
	}
	for (int guard = 0; guard < 64; guard++) {
		int idx = -1, c;
		flag_val = 0;
		if (q) {
			c = which == 0 ? q_getopt(argc, argv, optstring)
			    : which == 1
			            ? q_getopt_long(argc, argv, optstring, longopts, &idx)
			            : q_getopt_long_only(argc, argv, optstring, longopts, &idx);
		} else {
			char plus[64];
			snprintf(plus, sizeof(plus), "+%s", optstring);
			/* glibc's getopt() permutes; QSOE's is POSIX's: give glibc a '+' */
			const char *os = which == 0 && optstring[0] != '+' && optstring[0] != '-'
			                         ? plus
			                         : optstring;
			c = which == 0   ? getopt(argc, argv, os)
			    : which == 1 ? getopt_long(argc, argv, optstring, longopts, &idx)
			                 : getopt_long_only(argc, argv, optstring, longopts, &idx);
		}
		const char *arg = q ? q_optarg : optarg;
		int ind = q ? q_optind : optind, opt = q ? q_optopt : optopt;
		n += (size_t)snprintf(out + n, cap - n, "[%d %s %d %d %d %d]", c, arg ? arg : "-",
		                      ind, c == '?' || c == ':' ? opt : 0, idx, flag_val);
		if (c == -1 || n >= cap - 64)
			break;
	}
	for (int i = 0; i < argc && n < cap - 64; i++)
		n += (size_t)snprintf(out + n, cap - n, " %s", argv[i]);
}

static void test_vectors(void)
{
	for (int it = 0; it < 60000; it++) {
		char *a1[12], *a2[12];
		int argc = 1 + (int)(qt_rand() % 8);
		a1[0] = a2[0] = (char *)"prog";
		for (int i = 1; i < argc; i++)
			a1[i] = a2[i] = (char *)pool[qt_rand() % (sizeof(pool) / sizeof(pool[0]))];
		a1[argc] = a2[argc] = NULL;
		const char *os =
		        optstrings[qt_rand() % (sizeof(optstrings) / sizeof(optstrings[0]))];
		int which = (int)(qt_rand() % 3);
		if (which == 0 && strchr(os, 'W'))
			continue; /* glibc's -W extension */
		if (strchr(os, 'W'))
			continue;
		char r1[4096], r2[4096];
		run(which, 1, argc, a1, os, r1, sizeof(r1));
		run(which, 0, argc, a2, os, r2, sizeof(r2));
		CHECK(!strcmp(r1, r2), "%s \"%s\":\n  qsoe  %s\n  glibc %s",
		      which == 0   ? "getopt"
		      : which == 1 ? "getopt_long"
		                   : "getopt_long_only",
		      os, r1, r2);
	}
}

/* The diagnostics: both implementations write to the same file, compared afterwards. */
static void test_messages(void)
{
	static const char *const cases[][4] = {
	        {"-x", NULL},        {"-b", NULL},  {"--unknown", NULL}, {"--beta", NULL},
	        {"--alpha=1", NULL}, {"--d", NULL}, {"-axb", NULL},      {"--gam", "--beta", NULL},
	};
	char path[64];
	snprintf(path, sizeof(path), "/tmp/qsoe-getopt-%d", (int)getpid());
	for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		char text[2][1024];
		for (int q = 0; q < 2; q++) {
			char *argv[6] = {(char *)"prog"};
			int argc = 1;
			for (int i = 0; cases[k][i]; i++)
				argv[argc++] = (char *)cases[k][i];
			argv[argc] = NULL;
			fflush(stderr);
			int saved = dup(2), fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
			dup2(fd, 2);
			close(fd);
			if (q) {
				q_optind = 0;
				q_opterr = 1;
				while (q_getopt_long(argc, argv, "ab:", longopts, NULL) != -1)
					;
				q_fflush(q_stderr);
			} else {
				optind = 0;
				opterr = 1;
				while (getopt_long(argc, argv, "ab:", longopts, NULL) != -1)
					;
				fflush(stderr);
			}
			dup2(saved, 2);
			close(saved);
			FILE *f = fopen(path, "r");
			size_t n = f ? fread(text[q], 1, sizeof(text[q]) - 1, f) : 0;
			text[q][n] = 0;
			if (f)
				fclose(f);
		}
		CHECK(text[1][0] && !strcmp(text[0], text[1]),
		      "message for %s:\n  qsoe  %s  glibc %s", cases[k][0], text[1], text[0]);
	}
	unlink(path);
}

/* POSIX details of getopt() that need no comparison. */
static void test_posix(void)
{
	char *argv[] = {(char *)"prog", (char *)"-a", (char *)"op", (char *)"-b", NULL};
	q_optind = 1;
	q_opterr = 0;
	CHECK(q_getopt(4, argv, "ab") == 'a' && q_getopt(4, argv, "ab") == -1 && q_optind == 2,
	      "getopt stops at the first operand");
	q_optreset = 1;
	q_optind = 1;
	CHECK(q_getopt(4, argv, "ab") == 'a', "optreset restarts");
	char *argv2[] = {(char *)"prog", (char *)"-b", NULL};
	q_optind = 0;
	CHECK(q_getopt(2, argv2, ":b:") == ':' && q_optopt == 'b', "missing argument with ':'");
	q_optind = 0;
	CHECK(q_getopt(2, argv2, "b:") == '?' && q_optopt == 'b', "missing argument without ':'");
}

int main(void)
{
	test_vectors();
	test_messages();
	test_posix();
	return qt_done("libc-getopt");
}
