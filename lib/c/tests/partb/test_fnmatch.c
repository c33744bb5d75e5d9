/*
 * test_fnmatch.c - fnmatch(), glob() and wordexp() against glibc.
 *
 * fnmatch: hand-picked patterns for every flag plus random patterns and
 * strings over a small alphabet, all flag combinations. glob: a temporary
 * directory tree (hidden files, nested directories, names with special
 * characters) and many patterns and flags. wordexp: quoting, parameter and
 * arithmetic expansion, field splitting, tilde, pathname expansion and the
 * error cases (WRDE_CMDSUB is refused always, even without WRDE_NOCMD).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fnmatch.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wordexp.h>

#include "qtest.h"

int q_fnmatch(const char *, const char *, int);

/* QSOE's glob_t (QNX layout); the flag values equal glibc's. */
typedef struct {
	size_t gl_pathc;
	int gl_matchc;
	char **gl_pathv;
	size_t gl_offs;
	int gl_flags;
	int (*gl_errfunc)(const char *, int);
	void *unused[5];
} q_glob_t;
int q_glob(const char *, int, int (*)(const char *, int), q_glob_t *);
void q_globfree(q_glob_t *);
int q_wordexp(const char *, wordexp_t *, int);
void q_wordfree(wordexp_t *);
int q_setenv(const char *, const char *, int);
int q_unsetenv(const char *);
extern int partb_open_dirs;

static const int fflags[] = {0,
                             FNM_NOESCAPE,
                             FNM_PATHNAME,
                             FNM_PERIOD,
                             FNM_PATHNAME | FNM_PERIOD,
                             FNM_CASEFOLD,
                             FNM_LEADING_DIR,
                             FNM_PATHNAME | FNM_LEADING_DIR,
                             FNM_PATHNAME | FNM_PERIOD | FNM_NOESCAPE | FNM_CASEFOLD};
#define NFLAGS (int)(sizeof(fflags) / sizeof(fflags[0]))

/*
 * Where QSOE differs from glibc on purpose, sets *want to QSOE's answer and
 * returns 1: a pattern ending in an unescaped backslash matches nothing
 * (POSIX; glibc matches it literally without flags); a quoted slash "\/"
 * matches '/' under FNM_PATHNAME (as in the shell); FNM_CASEFOLD applies to
 * [=c=] and [.c.] too.
 */
static int known_difference(const char *p, int flags, int *want)
{
	size_t n = strlen(p), bs = 0;
	while (bs < n && p[n - 1 - bs] == '\\')
		bs++;
	if (!(flags & FNM_NOESCAPE) && bs % 2 == 1) {
		*want = 0;
		return 1;
	}
	if (!(flags & FNM_NOESCAPE) && (flags & FNM_PATHNAME) && strstr(p, "\\/"))
		return 2;
	if ((flags & FNM_CASEFOLD) && (strstr(p, "[=") || strstr(p, "[.")))
		return 2;
	return 0;
}

static void test_fnmatch(void)
{
	static const char *const pats[] = {
	        "*",
	        "?",
	        "a*",
	        "*a",
	        "a*b",
	        "a?b",
	        "[ab]",
	        "[!ab]",
	        "[^ab]",
	        "[]]",
	        "[!]]",
	        "[a-c]x",
	        "[[:alpha:]]*",
	        "[[:digit:][:upper:]]",
	        "\\*",
	        "\\a",
	        "a\\",
	        "[",
	        "[a",
	        "a[",
	        "*/*",
	        "*/b",
	        "a/*",
	        ".*",
	        "*.c",
	        "?a",
	        "[.]a",
	        "\\.a",
	        "a*/b*",
	        "**",
	        "*a*a*a*",
	        "[a-]",
	        "[]-]",
	        "[!-]",
	        "[[.a.]]",
	        "[[=a=]]",
	        "[[:foo:]]",
	        "A*",
	        "[A-Z]*",
	        "*/",
	        "a/",
	        "[/]",
	        "a?/b",
	        "*\\/*",
	        "[\\]]",
	        "[a\\-z]",
	        "x*y*z",
	        "[[:space:]]",
	        "[*]",
	};
	static const char *const strs[] = {
	        "",   "a",  "b",   "ab",  "ba", "a/b", ".a", "a/.b", "abc", "a]",    "]",     "x",
	        "*",  "\\", "a\\", "[",   "a[", "ax",  "bx", "A",    "Abc", "a/b/c", "ab/c",  "x.c",
	        ".c", "a/", "/",   "aaa", "-",  "a-",  "9",  "Z",    " ",   "xyz",   "xaybz", "a.b",
	};
	for (size_t i = 0; i < sizeof(pats) / sizeof(pats[0]); i++)
		for (size_t j = 0; j < sizeof(strs) / sizeof(strs[0]); j++)
			for (int k = 0; k < NFLAGS; k++) {
				int a = q_fnmatch(pats[i], strs[j], fflags[k]) == 0;
				int b = fnmatch(pats[i], strs[j], fflags[k]) == 0;
				if (known_difference(pats[i], fflags[k], &b) == 2)
					continue;
				CHECK(a == b, "fnmatch(\"%s\", \"%s\", %#x) = %d, expected %d",
				      pats[i], strs[j], fflags[k], a, b);
			}
	/* random patterns and strings */
	static const char palpha[] = "ab*?/.[]!-\\";
	static const char salpha[] = "ab/.-";
	for (int it = 0; it < 100000; it++) {
		char p[12], s[12];
		int pl = (int)(qt_rand() % 8), sl = (int)(qt_rand() % 8);
		for (int i = 0; i < pl; i++)
			p[i] = palpha[qt_rand() % (sizeof(palpha) - 1)];
		for (int i = 0; i < sl; i++)
			s[i] = salpha[qt_rand() % (sizeof(salpha) - 1)];
		p[pl] = s[sl] = 0;
		int fl = fflags[qt_rand() % NFLAGS];
		int a = q_fnmatch(p, s, fl) == 0, b = fnmatch(p, s, fl) == 0;
		if (known_difference(p, fl, &b) == 2)
			continue;
		CHECK(a == b, "fnmatch(\"%s\", \"%s\", %#x) = %d, glibc %d", p, s, fl, a, b);
	}
	/* a long string against many stars stays fast (no exponential backtracking) */
	char big[4001];
	memset(big, 'a', 4000);
	big[4000] = 0;
	CHECK(q_fnmatch("*a*a*a*a*a*a*a*a*a*b", big, 0) == FNM_NOMATCH, "many stars");
}

/* ---- glob on a temporary tree ---- */

static char root[96];

static void mk(const char *rel, int dir)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", root, rel);
	if (dir) {
		mkdir(path, 0755);
	} else {
		FILE *f = fopen(path, "w");
		if (f)
			fclose(f);
	}
}

static int errfunc_calls;
static int q_errfunc(const char *path, int e)
{
	(void)path;
	(void)e;
	errfunc_calls++;
	return 0;
}

static void same_glob(const char *pat, int flags)
{
	glob_t g;
	q_glob_t q;
	memset(&g, 0, sizeof(g));
	memset(&q, 0, sizeof(q));
	if (flags & GLOB_DOOFFS)
		q.gl_offs = 2;
	/* glibc without GLOB_DOOFFS: ASan's glob interceptor cannot walk the NULL slots */
	int rg = glob(pat, flags & ~GLOB_DOOFFS, NULL, &g), rq = q_glob(pat, flags, NULL, &q);
	CHECK(rg == rq, "glob(\"%s\", %#x) = %d, glibc %d", pat, flags, rq, rg);
	if (!rg && !rq) {
		int ok = g.gl_pathc == q.gl_pathc;
		size_t offs = (flags & GLOB_DOOFFS) ? 2 : 0;
		for (size_t i = 0; ok && i < offs; i++)
			ok = q.gl_pathv[i] == NULL;
		for (size_t i = 0; ok && i < g.gl_pathc; i++) {
			/* GLOB_MARK on "dir/": glibc appends a second slash, QSOE does not */
			const char *gp = g.gl_pathv[i], *qp = q.gl_pathv[offs + i];
			size_t gl = strlen(gp);
			if (gl >= 2 && gp[gl - 1] == '/' && gp[gl - 2] == '/')
				ok = strlen(qp) == gl - 1 && !strncmp(gp, qp, gl - 1);
			else
				ok = !strcmp(gp, qp);
		}
		ok = ok && q.gl_pathv[offs + q.gl_pathc] == NULL;
		CHECK(ok, "glob(\"%s\", %#x): %zu paths, glibc %zu (first %s vs %s)", pat, flags,
		      q.gl_pathc, g.gl_pathc, q.gl_pathc ? q.gl_pathv[offs] : "-",
		      g.gl_pathc ? g.gl_pathv[0] : "-");
	}
	if (!rg)
		globfree(&g);
	if (!rq)
		q_globfree(&q);
}

static void test_glob(void)
{
	/* the tree is a level down, so that globbing the parent sees only this test's files */
	char top[64];
	snprintf(top, sizeof(top), "/tmp/qsoe-glob-%d", (int)getpid());
	mkdir(top, 0755);
	snprintf(root, sizeof(root), "%s/w", top);
	mkdir(root, 0755);
	static const char *const dirs[] = {"d1",   "d2", "d1/sub", "d1/.hid",
	                                   "d2/x", "e",  "e/f",    "e/f/g"};
	static const char *const files[] = {
	        "a.c",     "b.c",       "ab.h",     ".hidden", "d1/one",  "d1/two",
	        "d1/.dot", "d1/sub/z",  "d2/x/y",   "d2/w.c",  "e/f/g/h", "star*",
	        "q?mark",  "brack[et]", "back\\sl", "sp ace",  "A.C",     "d1/.hid/k",
	};
	for (size_t i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++)
		mk(dirs[i], 1);
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		mk(files[i], 0);
	if (chdir(root) < 0) {
		CHECK(0, "chdir %s", root);
		return;
	}
	static const char *const pats[] = {
	        "*",          "*.c",     "?.c",     "[ab]*",    "*/*",       "*/*/*",
	        ".*",         "d1/*",    "d1/.*",   "d*/*",     "*/.*",      "e/*/g/*",
	        "nomatch*",   "a.c",     "missing", "d1",       "*/",        "d1/",
	        "d*/",        "star\\*", "star*",   "q\\?mark", "brack[e]t", "brack\\[et]",
	        "back\\\\sl", "sp ace",  "[A-Z]*",  "*.[ch]",   "d1//one",   "./*.c",
	        "../*",       "e/f/g/h", "e/*/*/*", "[!a]*",    "d?",        "",
	        "d1/sub/",    "*/x/y",   "**",      "d1/[ot]*", "\\a.c",
	};
	static const int gflags[] = {0,
	                             GLOB_MARK,
	                             GLOB_NOSORT,
	                             GLOB_NOCHECK,
	                             GLOB_NOESCAPE,
	                             GLOB_DOOFFS,
	                             GLOB_MARK | GLOB_NOCHECK,
	                             GLOB_PERIOD};
	for (size_t i = 0; i < sizeof(pats) / sizeof(pats[0]); i++)
		for (size_t k = 0; k < sizeof(gflags) / sizeof(gflags[0]); k++) {
			if (gflags[k] & GLOB_NOSORT)
				continue; /* readdir order is the same, but compare sorted runs only */
			same_glob(pats[i], gflags[k]);
		}
	/* GLOB_NOSORT: the same set */
	q_glob_t q;
	glob_t g;
	CHECK(q_glob("*", GLOB_NOSORT, NULL, &q) == 0 && glob("*", 0, NULL, &g) == 0 &&
	              q.gl_pathc == g.gl_pathc,
	      "GLOB_NOSORT count");
	q_globfree(&q);
	globfree(&g);
	/* GLOB_APPEND after GLOB_DOOFFS */
	memset(&q, 0, sizeof(q));
	q.gl_offs = 1;
	CHECK(q_glob("*.c", GLOB_DOOFFS, NULL, &q) == 0, "append 1");
	size_t first = q.gl_pathc;
	CHECK(q_glob("d1/*", GLOB_DOOFFS | GLOB_APPEND, NULL, &q) == 0, "append 2");
	CHECK(q.gl_pathv[0] == NULL && q.gl_pathc == first + 3 &&
	              !strcmp(q.gl_pathv[first + 1], "d1/one") &&
	              q.gl_pathv[q.gl_pathc + 1] == NULL,
	      "GLOB_APPEND keeps the earlier paths");
	q_globfree(&q);
	/* errors: an unreadable directory calls errfunc; GLOB_ERR aborts */
	mk("locked", 1);
	mk("locked/in", 0);
	chmod("locked", 0);
	if (access("locked/.", R_OK) != 0) { /* not when running as root */
		errfunc_calls = 0;
		int r = q_glob("locked/*", 0, q_errfunc, &q);
		CHECK(r == GLOB_NOMATCH && errfunc_calls == 1, "errfunc called: %d %d", r,
		      errfunc_calls);
		r = q_glob("locked/*", GLOB_ERR, NULL, &q);
		CHECK(r == GLOB_ABORTED, "GLOB_ERR: %d", r);
	}
	chmod("locked", 0755);
	CHECK(partb_open_dirs == 0, "every directory closed (%d open)", partb_open_dirs);
	if (chdir("/") < 0)
		CHECK(0, "chdir /");
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", top);
	if (system(cmd) != 0)
		CHECK(0, "cleanup");
}

/* ---- wordexp ---- */

static void set_both(const char *name, const char *value)
{
	if (value) {
		setenv(name, value, 1);
		q_setenv(name, value, 1);
	} else {
		unsetenv(name);
		q_unsetenv(name);
	}
}

static void same_wordexp(const char *words, int flags)
{
	wordexp_t g, q;
	memset(&g, 0, sizeof(g));
	memset(&q, 0, sizeof(q));
	int rg = wordexp(words, &g, flags | WRDE_NOCMD);
	int rq = q_wordexp(words, &q, flags);
	CHECK(rg == rq, "wordexp(\"%s\", %#x) = %d, glibc %d", words, flags, rq, rg);
	if (!rg && !rq) {
		int ok = g.we_wordc == q.we_wordc;
		for (size_t i = 0; ok && i < g.we_wordc; i++)
			ok = !strcmp(g.we_wordv[g.we_offs + i], q.we_wordv[q.we_offs + i]);
		CHECK(ok, "wordexp(\"%s\"): %zu words [%s], glibc %zu [%s]", words, q.we_wordc,
		      q.we_wordc ? q.we_wordv[q.we_offs] : "", g.we_wordc,
		      g.we_wordc ? g.we_wordv[g.we_offs] : "");
	}
	if (!rg)
		wordfree(&g);
	if (!rq)
		q_wordfree(&q);
}

static void test_wordexp(void)
{
	set_both("FOO", "foo");
	set_both("SPACED", "  a  b\tc  ");
	set_both("EMPTY", "");
	set_both("NUM", "12");
	set_both("STARS", "*.c");
	set_both("PATHV", "/usr/local/lib/libx.so.1");
	set_both("HOME", "/home/tester");
	set_both("UNSETVAR", NULL);
	set_both("IFS", NULL);
	static const char *const words[] = {
	        "a b c",
	        "  a   b  ",
	        "'a b' c",
	        "\"a b\" c",
	        "a\\ b",
	        "\"\"",
	        "''",
	        "a''b",
	        "$FOO",
	        "${FOO}bar",
	        "\"$SPACED\"",
	        "$SPACED",
	        "$EMPTY",
	        "a$EMPTY b",
	        "$UNSETVAR",
	        "${UNSETVAR:-default value}",
	        "${UNSETVAR-dflt}",
	        "${EMPTY:-was empty}",
	        "${EMPTY-notused}",
	        "${FOO:+alt}",
	        "${UNSETVAR:+alt}",
	        "${#FOO}",
	        "${#PATHV}",
	        "${PATHV%/*}",
	        "${PATHV%%.*}",
	        "${PATHV#*/}",
	        "${PATHV##*/}",
	        "${PATHV%.so*}",
	        "$((1+2*3))",
	        "$(( (1+2)*3 ))",
	        "$(($NUM-20))",
	        "~",
	        "~/x",
	        "a~",
	        "\"~\"",
	        "\\$FOO",
	        "'$FOO'",
	        "\"a\\\"b\"",
	        "\"a\\xb\"",
	        "*.c",
	        "\"*.c\"",
	        "\\*.c",
	        "\"$STARS\"",
	        "nomatch*",
	        "a\\\nb",
	        "x=$FOO",
	        "$",
	        "a$",
	        "$$$",
	        "\"${FOO}\"${FOO}",
	};
	/* a directory with known names for the pathname expansions */
	char dir[64];
	snprintf(dir, sizeof(dir), "/tmp/qsoe-wordexp-%d", (int)getpid());
	mkdir(dir, 0755);
	char cwd[512];
	if (!getcwd(cwd, sizeof(cwd)) || chdir(dir) < 0) {
		CHECK(0, "wordexp directory");
		return;
	}
	fclose(fopen("x.c", "w"));
	fclose(fopen("y.c", "w"));
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		same_wordexp(words[i], 0);
	/*
	 * Where glibc departs from the shell (POSIX 2.6): field splitting next
	 * to text, "" from an empty variable, variables and ?: in arithmetic,
	 * pathname expansion of an unquoted expansion's result.
	 */
	static const struct {
		const char *words;
		const char *want[6];
	} posix[] = {
	        {"x${SPACED}y", {"x", "a", "b", "c", "y"}},
	        {"\"$EMPTY\"", {""}},
	        {"$((NUM*2))", {"24"}},
	        {"$((7/2)) $((7%3)) $((1<<4)) $((5>3)) $((!0)) $((-3+1))",
	         {"3", "1", "16", "1", "1", "-2"}},
	        {"$((1?2:3)) $((0?2:3))", {"2", "3"}},
	        {"$STARS", {"x.c", "y.c"}},
	};
	for (size_t i = 0; i < sizeof(posix) / sizeof(posix[0]); i++) {
		wordexp_t q;
		int r = q_wordexp(posix[i].words, &q, 0);
		size_t n = 0;
		while (n < 6 && posix[i].want[n])
			n++;
		int ok = r == 0 && q.we_wordc == n;
		for (size_t k = 0; ok && k < n; k++)
			ok = !strcmp(q.we_wordv[k], posix[i].want[k]);
		CHECK(ok, "wordexp(\"%s\"): %d, %zu words, first [%s]", posix[i].words, r,
		      r ? 0 : q.we_wordc, !r && q.we_wordc ? q.we_wordv[0] : "");
		if (!r)
			q_wordfree(&q);
	}
	set_both("IFS", ":");
	set_both("COLON", "a:b::c:");
	same_wordexp("$COLON", 0);
	same_wordexp("x$COLON", 0);
	same_wordexp("a b", 0);
	set_both("IFS", " :");
	same_wordexp("$COLON", 0);
	set_both("IFS", NULL);
	/* errors */
	static const struct {
		const char *words;
		int flags, want;
	} errs[] = {
	        {"a|b", 0, WRDE_BADCHAR},
	        {"a;b", 0, WRDE_BADCHAR},
	        {"a&", 0, WRDE_BADCHAR},
	        {"<x", 0, WRDE_BADCHAR},
	        {"(a)", 0, WRDE_BADCHAR},
	        {"{a}", 0, WRDE_BADCHAR},
	        {"a\nb", 0, WRDE_BADCHAR},
	        {"$(ls)", 0, WRDE_CMDSUB},
	        {"`ls`", 0, WRDE_CMDSUB},
	        {"\"$(ls)\"", 0, WRDE_CMDSUB},
	        {"'abc", 0, WRDE_SYNTAX},
	        {"\"abc", 0, WRDE_SYNTAX},
	        {"${FOO", 0, WRDE_SYNTAX},
	        {"$UNSETVAR", WRDE_UNDEF, WRDE_BADVAL},
	        {"${UNSETVAR}", WRDE_UNDEF, WRDE_BADVAL},
	        {"${UNSETVAR:?}", 0, WRDE_BADVAL},
	        {"$((1/0))", 0, WRDE_SYNTAX},
	        {"$((1+))", 0, WRDE_SYNTAX},
	};
	for (size_t i = 0; i < sizeof(errs) / sizeof(errs[0]); i++) {
		wordexp_t q;
		int r = q_wordexp(errs[i].words, &q, errs[i].flags);
		CHECK(r == errs[i].want, "wordexp(\"%s\") = %d, expected %d", errs[i].words, r,
		      errs[i].want);
		if (!r)
			q_wordfree(&q);
	}
	/* the flags: DOOFFS, APPEND, REUSE */
	wordexp_t q;
	q.we_offs = 2;
	CHECK(q_wordexp("a b", &q, WRDE_DOOFFS) == 0 && q.we_wordc == 2 && !q.we_wordv[0] &&
	              !q.we_wordv[1] && !strcmp(q.we_wordv[2], "a"),
	      "WRDE_DOOFFS");
	CHECK(q_wordexp("c", &q, WRDE_DOOFFS | WRDE_APPEND) == 0 && q.we_wordc == 3 &&
	              !strcmp(q.we_wordv[4], "c") && !q.we_wordv[5],
	      "WRDE_APPEND");
	CHECK(q_wordexp("d e f g", &q, WRDE_REUSE) == 0 && q.we_wordc == 4 && q.we_offs == 0,
	      "WRDE_REUSE");
	q_wordfree(&q);
	/* ${x:=y} assigns */
	CHECK(q_wordexp("${NEWVAR:=assigned} $NEWVAR", &q, 0) == 0 && q.we_wordc == 2 &&
	              !strcmp(q.we_wordv[1], "assigned"),
	      "${x:=y}");
	q_wordfree(&q);
	unlink("x.c");
	unlink("y.c");
	if (chdir(cwd) < 0)
		CHECK(0, "chdir back");
	rmdir(dir);
}

int main(void)
{
	test_fnmatch();
	test_glob();
	test_wordexp();
	return qt_done("libc-fnmatch");
}
