/*
 * g_libc_match.c - group "libc_match": regex.h (BRE and ERE, submatches,
 * back-references, flags, hostile patterns failing fast), fnmatch, glob
 * over the real /bin, wordexp, and getopt/getopt_long inside QSOE.
 */
#include <fnmatch.h>
#include <getopt.h>
#include <glob.h>
#include <regex.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <wordexp.h>
#include "suite.h"

/* Matches re (cflags) against s; returns the span of group g as "so-eo", or "nomatch"/"error". */
static const char *span(const char *re, int cflags, const char *s, int g)
{
	static char out[32];
	regex_t r;
	regmatch_t m[10];

	if (regcomp(&r, re, cflags) != 0)
		return "error";
	int e = regexec(&r, s, 10, m, 0);
	regfree(&r);
	if (e == REG_NOMATCH)
		return "nomatch";
	if (e != 0)
		return "error";
	snprintf(out, sizeof(out), "%d-%d", (int)m[g].rm_so, (int)m[g].rm_eo);
	return out;
}

static void regexes(void)
{
	static const struct {
		const char *re;
		int flags;
		const char *s;
		int g;
		const char *want;
	} t[] = {
	        {"a*b", 0, "xaaab", 0, "1-5"},
	        {"^[[:digit:]]\\{2,3\\}$", 0, "123", 0, "0-3"},
	        {"^[[:digit:]]\\{2,3\\}$", 0, "1234", 0, "nomatch"},
	        {"\\(ab\\)*c", 0, "ababc", 1, "2-4"},
	        {"\\(a\\)\\1", 0, "xaa", 0, "1-3"},
	        {"\\([a-z]*\\) \\1", 0, "hello hello", 1, "0-5"},
	        {"(a|ab)(c|bcd)(d*)", REG_EXTENDED, "abcd", 0, "0-4"},
	        {"(a|ab)(c|bcd)(d*)", REG_EXTENDED, "abcd", 1, "0-2"},
	        {"x+y?z{2}", REG_EXTENDED, "axxzz", 0, "1-5"},
	        {"HELLO", REG_ICASE, "say hello", 0, "4-9"},
	        {"^b", REG_NEWLINE, "a\nb", 0, "2-3"},
	        {"^b", 0, "a\nb", 0, "nomatch"},
	        {"[^a-c]+", REG_EXTENDED, "abcxyzabc", 0, "3-6"},
	        {"(", REG_EXTENDED, "x", 0, "error"},
	        {"a{3,2}", REG_EXTENDED, "x", 0, "error"},
	};
	int bad = 0;
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		const char *got = span(t[i].re, t[i].flags, t[i].s, t[i].g);
		if (strcmp(got, t[i].want) != 0) {
			suite_note("regex %s on \"%s\": group %d %s, expected %s", t[i].re, t[i].s,
			           t[i].g, got, t[i].want);
			bad++;
		}
	}
	CHECK(bad == 0, "%zu regex cases (%d wrong)", sizeof(t) / sizeof(t[0]), bad);

	regex_t r;
	CHECK(regcomp(&r, "a{256}", REG_EXTENDED) == REG_BADBR, "a{256} is REG_BADBR");
	char eb[64];
	CHECK(regerror(REG_BADBR, NULL, eb, sizeof(eb)) > 0 && strlen(eb) > 0, "regerror (%s)", eb);
	/* hostile: nested repetitions compile and match without hanging */
	unsigned long long t0 = suite_now_ns();
	if (regcomp(&r, "(a*)*b", REG_EXTENDED) == 0) {
		char s[200];
		memset(s, 'a', sizeof(s) - 1);
		s[sizeof(s) - 1] = 0;
		CHECK(regexec(&r, s, 0, NULL, 0) == REG_NOMATCH, "(a*)*b on 199 a's: no match");
		regfree(&r);
	}
	int e = regcomp(&r, "(((((((((((((((((((((a*)*)*)*)*)*)*)*)*)*)*)*)*)*)*)*)*)*)*)*)*){255}",
	                REG_EXTENDED);
	CHECK(e == 0 || e == REG_ESPACE, "a huge repetition compiles or fails with REG_ESPACE (%d)",
	      e);
	if (e == 0)
		regfree(&r);
	unsigned long long ms = (suite_now_ns() - t0) / 1000000;
	CHECK(ms < 10000, "hostile patterns take %llu ms", ms);
	CHECK(regcomp(&r, "x", REG_NOSUB) == 0 && regexec(&r, "axb", 0, NULL, 0) == 0, "REG_NOSUB");
	regfree(&r);
}

static void patterns(void)
{
	CHECK(fnmatch("*.c", "main.c", 0) == 0 && fnmatch("*.c", "main.h", 0) == FNM_NOMATCH,
	      "fnmatch *");
	CHECK(fnmatch("[!a-c]?[[:digit:]]", "dx7", 0) == 0, "fnmatch brackets");
	CHECK(fnmatch("*", ".hidden", FNM_PERIOD) == FNM_NOMATCH, "FNM_PERIOD");
	CHECK(fnmatch("a*b", "a/b", FNM_PATHNAME) == FNM_NOMATCH && fnmatch("a*b", "a/b", 0) == 0,
	      "FNM_PATHNAME");
	CHECK(fnmatch("\\*", "*", 0) == 0 && fnmatch("\\*", "x", 0) == FNM_NOMATCH, "escapes");
	CHECK(fnmatch("ABC", "abc", FNM_CASEFOLD) == 0, "FNM_CASEFOLD");

	/* glob over /bin: every result exists and matches, in sorted order */
	glob_t g;
	int r = glob("/bin/s*", GLOB_MARK, NULL, &g);
	CHECK(r == 0 && g.gl_pathc >= 2, "glob /bin/s* (r %d, %zu paths)", r,
	      r == 0 ? g.gl_pathc : 0);
	if (r == 0) {
		int bad = 0, self = 0;
		struct stat st;
		for (size_t i = 0; i < g.gl_pathc; i++) {
			bad += strncmp(g.gl_pathv[i], "/bin/s", 6) != 0;
			bad += stat(g.gl_pathv[i], &st) != 0;
			bad += i > 0 && strcmp(g.gl_pathv[i - 1], g.gl_pathv[i]) >= 0;
			self += strcmp(g.gl_pathv[i], "/bin/suite") == 0;
		}
		CHECK(bad == 0 && self == 1, "each path exists, sorted, /bin/suite among them");
		globfree(&g);
	}
	CHECK(glob("/bin/no-such-*", 0, NULL, &g) == GLOB_NOMATCH, "GLOB_NOMATCH");
	CHECK(glob("/bin/no-such-*", GLOB_NOCHECK, NULL, &g) == 0 && g.gl_pathc == 1 &&
	              strcmp(g.gl_pathv[0], "/bin/no-such-*") == 0,
	      "GLOB_NOCHECK returns the pattern");
	globfree(&g);

	wordexp_t w;
	setenv("SUITE_W", "one two", 1);
	CHECK(wordexp("a $SUITE_W '$SUITE_W' ${SUITE_W#one } $((3*4))", &w, 0) == 0 &&
	              w.we_wordc == 6 && strcmp(w.we_wordv[2], "two") == 0 &&
	              strcmp(w.we_wordv[3], "$SUITE_W") == 0 && strcmp(w.we_wordv[4], "two") == 0 &&
	              strcmp(w.we_wordv[5], "12") == 0,
	      "wordexp: fields, quoting, ${%%#}, arithmetic");
	wordfree(&w);
	CHECK(wordexp("$(echo hi)", &w, 0) == WRDE_CMDSUB, "no command substitution");
	unsetenv("SUITE_W");
}

static void options(void)
{
	char *argv1[] = {"prog", "-ab", "-c", "val", "--", "-d", NULL};
	optind = 1;
	opterr = 0;
	int a = 0, b = 0, c;
	const char *cval = NULL;
	while ((c = getopt(6, argv1, "abc:")) != -1) {
		if (c == 'a')
			a++;
		else if (c == 'b')
			b++;
		else if (c == 'c')
			cval = optarg;
	}
	CHECK(a == 1 && b == 1 && cval && strcmp(cval, "val") == 0 && optind == 5,
	      "getopt: grouped flags, an argument, -- (optind %d)", optind);

	static const struct option longs[] = {{"verbose", no_argument, NULL, 'v'},
	                                      {"output", required_argument, NULL, 'o'},
	                                      {"level", optional_argument, NULL, 'l'},
	                                      {NULL, 0, NULL, 0}};
	char *argv2[] = {"prog", "file1", "--verb", "--output=x", "--level",
	                 "-o",   "y",     "file2",  NULL};
	optind = 1;
	int v = 0, lv = 0, idx;
	const char *out = NULL;
	while ((c = getopt_long(8, argv2, "vo:l::", longs, &idx)) != -1) {
		if (c == 'v')
			v++;
		else if (c == 'o')
			out = optarg;
		else if (c == 'l')
			lv = optarg == NULL;
	}
	CHECK(v == 1 && lv == 1 && out && strcmp(out, "y") == 0 && optind == 6 &&
	              strcmp(argv2[6], "file1") == 0 && strcmp(argv2[7], "file2") == 0,
	      "getopt_long: abbreviation, =value, optional argument, operands permuted last");
	char *argv3[] = {"prog", "-x", NULL};
	optind = 1;
	CHECK(getopt(2, argv3, "ab") == '?' && optopt == 'x', "an unknown option: '?', optopt");
	optind = 1;
	opterr = 1;
}

SUITE_GROUP(libc_match)
{
	regexes();
	patterns();
	options();
}
