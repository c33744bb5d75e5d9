/*
 * test_regex.c - QSOE's <regex.h> (linked as q_reg*) against POSIX and glibc.
 *
 * 1. A table of over 300 patterns and subjects with the expected match
 *    offsets (or error). Where glibc gives the same answer the table says so
 *    and glibc is checked too, which guards the table itself; the entries
 *    where glibc departs from POSIX's leftmost-longest subexpression rules
 *    (or from QSOE's documented choices: RE_DUP_MAX 255) carry glibc's answer
 *    in a comment.
 * 2. Random extended and basic expressions over a small alphabet against
 *    glibc: the whole match must be identical; the subexpressions too for
 *    patterns where POSIX leaves glibc no room to differ (no repeated or
 *    alternated groups).
 * 3. Flags: REG_NOSUB, REG_STARTEND, REG_NOSPEC, REG_PEND, REG_NOTBOL/EOL,
 *    regerror().
 * 4. Hostile patterns: exponential backtracking shapes and huge nested
 *    repetitions finish quickly, with a match or REG_ESPACE/REG_BADBR.
 */
#define _GNU_SOURCE
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qtest.h"

/* QSOE's regex_t and regmatch_t (QNX layout) and flag values. */
typedef struct {
	int re_magic;
	size_t re_nsub;
	const char *re_endp;
	void *re_g;
} q_regex_t;
typedef struct {
	long rm_so, rm_eo;
} q_regmatch_t;
enum {
	Q_EXTENDED = 1,
	Q_ICASE = 2,
	Q_NOSUB = 4,
	Q_NEWLINE = 8,
	Q_NOSPEC = 16,
	Q_PEND = 32,
	Q_NOTBOL = 1,
	Q_NOTEOL = 2,
	Q_STARTEND = 4,
};
int q_regcomp(q_regex_t *, const char *, int);
int q_regexec(const q_regex_t *, const char *, size_t, q_regmatch_t *, int);
size_t q_regerror(int, const q_regex_t *, char *, size_t);
void q_regfree(q_regex_t *);

static const char *const enames[] = {"0",       "NOMATCH", "BADPAT", "ECOLLATE", "ECTYPE",
                                     "EESCAPE", "ESUBREG", "EBRACK", "EPAREN",   "EBRACE",
                                     "BADBR",   "ERANGE",  "ESPACE", "BADRPT",   "EEND",
                                     "ESIZE",   "ERPAREN"};

struct tcase {
	const char *flags, *pattern, *subject, *eflags, *want;
	int glibc_agrees;
};

/* flags: E extended, B basic, i icase, n newline; eflags: b notbol, e noteol. */
static const struct tcase table[] = {
        {"E", "abc", "xabcy", "", "(1,4)", 1},
        {"E", "abc", "xaby", "", "NOMATCH", 1},
        {"E", "a.c", "abc", "", "(0,3)", 1},
        {"E", "a.c", "a\nc", "", "(0,3)", 1},
        {"En", "a.c", "a\nc", "", "NOMATCH", 1},
        {"E", "a[bc]d", "acd", "", "(0,3)", 1},
        {"E", "a[^bc]d", "aed", "", "(0,3)", 1},
        {"E", "a[^bc]d", "abd", "", "NOMATCH", 1},
        {"E", "^abc$", "abc", "", "(0,3)", 1},
        {"E", "^abc$", "abcd", "", "NOMATCH", 1},
        {"E", "^abc", "xabc", "", "NOMATCH", 1},
        {"E", "abc$", "abcx", "", "NOMATCH", 1},
        {"E", "^$", "", "", "(0,0)", 1},
        {"E", "^$", "x", "", "NOMATCH", 1},
        {"E", "a*", "aaa", "", "(0,3)", 1},
        {"E", "a*", "baaa", "", "(0,0)", 1},
        {"E", "a+", "baaa", "", "(1,4)", 1},
        {"E", "a?", "baaa", "", "(0,0)", 1},
        {"E", "ba*", "baaa", "", "(0,4)", 1},
        {"E", "ba+c", "bac", "", "(0,3)", 1},
        {"E", "ba?c", "bc", "", "(0,2)", 1},
        {"E", "a{2}", "aaaa", "", "(0,2)", 1},
        {"E", "a{2,}", "aaaa", "", "(0,4)", 1},
        {"E", "a{2,3}", "aaaa", "", "(0,3)", 1},
        {"E", "a{0,1}b", "aab", "", "(1,3)", 1},
        {"E", "(a)(b)(c)", "abc", "", "(0,3)(0,1)(1,2)(2,3)", 1},
        {"E", "(a|b)*c", "abac", "", "(0,4)(2,3)", 1},
        {"E", "(a|ab)(c|bcd)(d*)", "abcd", "", "(0,4)(0,2)(2,3)(3,4)",
         0}, /* glibc: (0,4)(0,1)(1,4)(4,4) */
        {"E", "(a|ab)(bcd|c)(d*)", "abcd", "", "(0,4)(0,2)(2,3)(3,4)",
         0}, /* glibc: (0,4)(0,1)(1,4)(4,4) */
        {"E", "(ab|a)(bcd|c)(d*)", "abcd", "", "(0,4)(0,2)(2,3)(3,4)", 1},
        {"E", "(a*)(b*)", "aabb", "", "(0,4)(0,2)(2,4)", 1},
        {"E", "(a*)(a*)", "aaa", "", "(0,3)(0,3)(3,3)", 1},
        {"E", "(a*)*", "b", "", "(0,0)(0,0)", 1},
        {"E", "(a*)+", "b", "", "(0,0)(0,0)", 1},
        {"E", "(a*|b)*", "b", "", "(0,1)(0,1)", 1},
        {"E", "(a+|b)*", "ab", "", "(0,2)(1,2)", 1},
        {"E", "(a+|b)+", "ab", "", "(0,2)(1,2)", 1},
        {"E", "(a+|b)?", "ab", "", "(0,1)(0,1)", 1},
        {"E", "([ab]*)(b*)", "abb", "", "(0,3)(0,3)(3,3)", 1},
        {"E", "(a|b)(c|d)", "bd", "", "(0,2)(0,1)(1,2)", 1},
        {"E", "((a)|b)*", "ab", "", "(0,2)(1,2)(-1,-1)", 0}, /* glibc: (0,2)(1,2)(0,1) */
        {"E", "((a)|b)+", "ba", "", "(0,2)(1,2)(1,2)", 1},
        {"E", "(a(b)?)+", "aba", "", "(0,3)(2,3)(-1,-1)", 0}, /* glibc: (0,3)(2,3)(1,2) */
        {"E", "(a(b)?)+", "aab", "", "(0,3)(1,3)(2,3)", 1},
        {"E", "(.*)(.*)", "xyz", "", "(0,3)(0,3)(3,3)", 1},
        {"E", "(.*)c(.*)", "abcde", "", "(0,5)(0,2)(3,5)", 1},
        {"E", "(.*)c(.*)", "abcdce", "", "(0,6)(0,4)(5,6)", 1},
        {"E", "x(a|b)*y", "xababy", "", "(0,6)(4,5)", 1},
        {"E", "(a|b|c|d|e)f", "ef", "", "(0,2)(0,1)", 1},
        {"E", "(ab|cd)+", "abcdab", "", "(0,6)(4,6)", 1},
        {"E", "(ab|abc)c", "abcc", "", "(0,4)(0,3)", 1},
        {"E", "(a*)b(c*)", "aabcc", "", "(0,5)(0,2)(3,5)", 1},
        {"E", "(a+)+b", "aaab", "", "(0,4)(0,3)", 1},
        {"E", "(a|ab)*bc", "ababc", "", "(0,5)(2,3)", 1},
        {"E", "a(b|c)*d", "abcbcd", "", "(0,6)(4,5)", 1},
        {"E", "((a)(b)c)(d)", "abcd", "", "(0,4)(0,3)(0,1)(1,2)(3,4)", 1},
        {"E", "(((a)))", "a", "", "(0,1)(0,1)(0,1)(0,1)", 1},
        {"E", "()", "x", "", "(0,0)(0,0)", 1},
        {"E", "(|a)", "a", "", "(0,1)(0,1)", 1},
        {"E", "(a|)", "a", "", "(0,1)(0,1)", 1},
        {"E", "a", "", "", "NOMATCH", 1},
        {"E", "a", "b", "", "NOMATCH", 1},
        {"E", "ab", "ba", "", "NOMATCH", 1},
        {"E", "[[:alpha:]]+", "12abc34", "", "(2,5)", 1},
        {"E", "[[:digit:]]+", "ab123cd", "", "(2,5)", 1},
        {"E", "[[:alnum:]]+", "--ab12--", "", "(2,6)", 1},
        {"E", "[[:space:]]+", "a \t b", "", "(1,4)", 1},
        {"E", "[[:upper:]]+", "abCDef", "", "(2,4)", 1},
        {"E", "[[:lower:]]+", "ABcdEF", "", "(2,4)", 1},
        {"E", "[[:punct:]]+", "ab!?.cd", "", "(2,5)", 1},
        {"E", "[[:xdigit:]]+", "xyz0fAgh", "", "(3,6)", 1},
        {"E", "[[:blank:]]+", "a \t b", "", "(1,4)", 1},
        {"E", "[[:cntrl:]]", "a\tb", "", "(1,2)", 1},
        {"E", "[[:print:]]+", "\tab c\t", "", "(1,5)", 1},
        {"E", "[[:graph:]]+", " ab c", "", "(1,3)", 1},
        {"E", "[[:alpha:][:digit:]]+", "--a1b2--", "", "(2,6)", 1},
        {"E", "[^[:alpha:]]+", "ab12cd", "", "(2,4)", 1},
        {"E", "[]a]+", "a]a]b", "", "(0,4)", 1},
        {"E", "[^]a]+", "a]bcd]", "", "(2,5)", 1},
        {"E", "[a-]+", "x-a-y", "", "(1,4)", 1},
        {"E", "[-a]+", "x-a-y", "", "(1,4)", 1},
        {"E", "[a-c-e]+", "xdbxe", "", "ERANGE", 1},
        {"E", "[%--]+", "x%,-y", "", "(1,4)", 1},
        {"E", "[a-z]+", "ABcdeFG", "", "(2,5)", 1},
        {"E", "[[.a.]]", "bab", "", "(1,2)", 1},
        {"E", "[[.-.]]", "a-b", "", "(1,2)", 1},
        {"E", "[[=a=]]", "bab", "", "(1,2)", 1},
        {"E", "[[.a.]-c]+", "xabcdx", "", "(1,4)", 1},
        {"E", "\\.", "a.b", "", "(1,2)", 1},
        {"E", "\\*", "a*b", "", "(1,2)", 1},
        {"E", "\\[", "a[b", "", "(1,2)", 1},
        {"E", "\\\\", "a\\b", "", "(1,2)", 1},
        {"E", "a\\+", "aa+", "", "(1,3)", 1},
        {"E", "\\(", "a(b", "", "(1,2)", 1},
        {"E", "a)", "a)", "", "(0,2)", 1},
        {"E", "\\{", "a{b", "", "(1,2)", 1},
        {"E", "a{", "a{", "", "EBRACE", 1},
        {"E", "a{,2}", "aaa", "", "(0,2)", 1},
        {"E", "a{1}{2}", "aaa", "", "(0,2)", 1},
        {"E", "a**", "aaa", "", "(0,3)", 1},
        {"E", "a+?", "aaa", "", "(0,3)", 1},
        {"E", "(a{2}){2}", "aaaaa", "", "(0,4)(2,4)", 1},
        {"E", "(ab){1,3}", "ababababab", "", "(0,6)(4,6)", 1},
        {"E", "(ab){0}c", "abc", "", "(2,3)(-1,-1)", 1},
        {"E", "x(ab){0}", "xab", "", "(0,1)(-1,-1)", 1},
        {"E", "(a)", "b", "", "NOMATCH", 1},
        {"E", "[a]", "b", "", "NOMATCH", 1},
        {"E", "\\w+", "--ab_1--", "", "(2,6)", 1},
        {"E", "\\W+", "ab--_cd", "", "(2,4)", 1},
        {"E", "\\s+", "ab \t cd", "", "(2,5)", 1},
        {"E", "\\S+", "  ab  ", "", "(2,4)", 1},
        {"E", "\\bab", "cab ab", "", "(4,6)", 1},
        {"E", "ab\\b", "abc ab", "", "(4,6)", 1},
        {"E", "\\Bb", "ab b", "", "(1,2)", 1},
        {"E", "\\<a", "ba a", "", "(3,4)", 1},
        {"E", "a\\>", "ab a", "", "(3,4)", 1},
        {"E", "\\`a", "aa", "", "(0,1)", 1},
        {"E", "a\\'", "aa", "", "(1,2)", 1},
        {"E", "(a)\\1", "aa", "", "(0,2)(0,1)", 1},
        {"E", "(a)\\1", "ab", "", "NOMATCH", 1},
        {"E", "(a*)\\1", "aaaa", "", "(0,4)(0,2)", 1},
        {"E", "(a*)b\\1", "aabaa", "", "(0,5)(0,2)", 1},
        {"E", "(a|b)\\1", "abba", "", "(1,3)(1,2)", 1},
        {"E", "(.)(.)\\2\\1", "xabba", "", "(1,5)(1,2)(2,3)", 1},
        {"E", "((a)b)\\2", "aba", "", "(0,3)(0,2)(0,1)", 1},
        {"E", "(a)(b)(c)(d)(e)(f)(g)(h)(i)\\9", "abcdefghii", "",
         "(0,10)(0,1)(1,2)(2,3)(3,4)(4,5)(5,6)(6,7)(7,8)(8,9)", 1},
        {"Ei", "abc", "ABC", "", "(0,3)", 1},
        {"Ei", "[a-c]+", "xABCx", "", "(1,4)", 1},
        {"Ei", "[^a]+", "AAAbbb", "", "(3,6)", 1},
        {"Ei", "(a)\\1", "aA", "", "(0,2)(0,1)", 1},
        {"Ei", "[[:lower:]]+", "ABC", "", "(0,3)", 1},
        {"Ei", "[[:upper:]]+", "abc", "", "(0,3)", 1},
        {"En", "^b", "a\nb", "", "(2,3)", 1},
        {"E", "^b", "a\nb", "", "NOMATCH", 1},
        {"En", "a$", "a\nb", "", "(0,1)", 1},
        {"E", "a$", "a\nb", "", "NOMATCH", 1},
        {"En", "^$", "a\n\nb", "", "(2,2)", 1},
        {"En", "[^a]", "\nb", "", "(1,2)", 1},
        {"E", "[^a]", "\nb", "", "(0,1)", 1},
        {"En", ".*", "ab\ncd", "", "(0,2)", 1},
        {"E", ".*", "ab\ncd", "", "(0,5)", 1},
        {"E", "^a", "a", "b", "NOMATCH", 1},
        {"E", "a$", "a", "e", "NOMATCH", 1},
        {"En", "^a", "a\na", "b", "(2,3)", 1},
        {"En", "a$", "a\na", "e", "(0,1)", 1},
        {"E", "^", "x", "b", "NOMATCH", 1},
        {"E", "$", "x", "e", "NOMATCH", 1},
        {"E", "x*", "bbb", "", "(0,0)", 1},
        {"E", "(x*)(y*)", "bbb", "", "(0,0)(0,0)(0,0)", 1},
        {"E", "a", "aaa", "", "(0,1)", 1},
        {"B", "abc", "xabcy", "", "(1,4)", 1},
        {"B", "a\\(b\\)c", "abc", "", "(0,3)(1,2)", 1},
        {"B", "\\(a\\)\\(b\\)", "ab", "", "(0,2)(0,1)(1,2)", 1},
        {"B", "a*", "aaa", "", "(0,3)", 1},
        {"B", "*a", "*a", "", "(0,2)", 1},
        {"B", "^*a", "*a", "", "(0,2)", 1},
        {"B", "\\(*a\\)", "*a", "", "(0,2)(0,2)", 1},
        {"B", "a\\{2\\}", "aaaa", "", "(0,2)", 1},
        {"B", "a\\{2,\\}", "aaaa", "", "(0,4)", 1},
        {"B", "a\\{1,2\\}", "aaaa", "", "(0,2)", 1},
        {"B", "a\\+", "aa", "", "(0,2)", 1},
        {"B", "a\\?b", "ab", "", "(0,2)", 1},
        {"B", "a\\|b", "b", "", "(0,1)", 1},
        {"B", "\\(a\\)\\1", "aa", "", "(0,2)(0,1)", 1},
        {"B", "\\(a*\\)\\1", "aaaa", "", "(0,4)(0,2)", 1},
        {"B", "\\(a\\)*\\1", "aa", "", "(0,2)(0,1)", 1},
        {"B", "^a", "a", "", "(0,1)", 1},
        {"B", "a^", "a^", "", "(0,2)", 1},
        {"B", "a$", "a", "", "(0,1)", 1},
        {"B", "$a", "$a", "", "(0,2)", 1},
        {"B", "a$b", "a$b", "", "(0,3)", 1},
        {"B", "\\(^a\\)", "a", "", "(0,1)(0,1)", 1},
        {"B", "\\(a$\\)", "a", "", "(0,1)(0,1)", 1},
        {"B", "a+", "a+", "", "(0,2)", 1},
        {"B", "a?", "a?", "", "(0,2)", 1},
        {"B", "a{2}", "a{2}", "", "(0,4)", 1},
        {"B", "a|b|a", "b", "", "NOMATCH", 1},
        {"B", "(a)", "(a)", "", "(0,3)", 1},
        {"B", "\\.", ".", "", "(0,1)", 1},
        {"B", "[.]", ".", "", "(0,1)", 1},
        {"B", "a\\{0\\}b", "ab", "", "(1,2)", 1},
        {"B", "\\(ab\\)*c", "ababc", "", "(0,5)(2,4)", 1},
        {"B", "\\(a\\|b\\)*c", "abac", "", "(0,4)(2,3)", 1},
        {"B", ".*", "xyz", "", "(0,3)", 1},
        {"B", "\\(.*\\)\\(.*\\)", "xy", "", "(0,2)(0,2)(2,2)", 1},
        {"B", "x\\(a*\\)\\(b*\\)y", "xaabby", "", "(0,6)(1,3)(3,5)", 1},
        {"B", "\\(a\\(b\\)*\\)*", "abab", "", "(0,4)(2,4)(3,4)", 1},
        {"B", "[[:alpha:]]*", "abc1", "", "(0,3)", 1},
        {"B", "\\w\\+", "--ab--", "", "(2,4)", 1},
        {"B", "a\\{,2\\}", "aaa", "", "(0,2)", 1},
        {"Bi", "ABC", "abc", "", "(0,3)", 1},
        {"E", "*a", "a", "", "BADRPT", 1},
        {"E", "(*a)", "a", "", "BADRPT", 1},
        {"E", "a|*b", "b", "", "BADRPT", 1},
        {"E", "+a", "a", "", "BADRPT", 1},
        {"E", "?a", "a", "", "BADRPT", 1},
        {"E", "{1}a", "a", "", "BADRPT", 1},
        {"E", "^*", "a", "", "BADRPT", 1},
        {"E", "a{", "a", "", "EBRACE", 1},
        {"E", "a{x", "a", "", "EBRACE", 1},
        {"E", "a{1", "a", "", "EBRACE", 1},
        {"E", "a{1,", "a", "", "EBRACE", 1},
        {"E", "a{2,1}", "a", "", "BADBR", 1},
        {"E", "a{256}", "a", "", "BADBR", 0}, /* glibc: NOMATCH */
        {"E", "a{1}{2}{3}", "a", "", "NOMATCH", 1},
        {"E", "[a", "a", "", "EBRACK", 1},
        {"E", "[]", "a", "", "EBRACK", 1},
        {"E", "[z-a]", "a", "", "ERANGE", 1},
        {"E", "[[:foo:]]", "a", "", "ECTYPE", 1},
        {"E", "[[.ab.]]", "a", "", "ECOLLATE", 1},
        {"E", "[[.a", "a", "", "EBRACK", 1},
        {"E", "[[:alpha:]-z]", "a", "", "ERANGE", 1},
        {"E", "[a-[:alpha:]]", "a", "", "ERANGE", 1},
        {"E", "\\", "a", "", "EESCAPE", 1},
        {"E", "a\\", "a", "", "EESCAPE", 1},
        {"E", "(a", "a", "", "EPAREN", 1},
        {"E", "((a)", "a", "", "EPAREN", 1},
        {"E", "\\1", "a", "", "ESUBREG", 1},
        {"E", "(a)\\2", "a", "", "ESUBREG", 1},
        {"E", "(a\\1)", "a", "", "ESUBREG", 1},
        {"B", "\\(a", "a", "", "EPAREN", 1},
        {"B", "a\\)", "a", "", "EPAREN", 1},
        {"B", "\\1", "a", "", "ESUBREG", 1},
        {"B", "a\\{1", "a", "", "EBRACE", 1},
        {"B", "a\\{1,2", "a", "", "EBRACE", 1},
        {"B", "a\\{2,1\\}", "a", "", "BADBR", 1},
        {"B", "a**", "a", "", "BADRPT", 1},
        {"B", "\\{1\\}a", "a", "", "BADRPT", 1},
        {"E", "(a)", "a", "", "(0,1)(0,1)", 1},
        {"E", "a(b)?c", "ac", "", "(0,2)(-1,-1)", 1},
        {"E", "a(b)?c", "abc", "", "(0,3)(1,2)", 1},
        {"E", "a(b*)c", "ac", "", "(0,2)(1,1)", 1},
        {"E", "a(b*)?c", "ac", "", "(0,2)(1,1)", 1},
        {"E", "(a(b)?)*", "a", "", "(0,1)(0,1)(-1,-1)", 1},
        {"E", "(a)*", "aaa", "", "(0,3)(2,3)", 1},
        {"E", "(a|b)*", "abab", "", "(0,4)(3,4)", 1},
        {"E", "((a|b)c)*", "acbc", "", "(0,4)(2,4)(2,3)", 1},
        {"E", "(a*)*(b)", "aab", "", "(0,3)(0,2)(2,3)", 1},
        {"E", "(a*)+(b)", "aab", "", "(0,3)(0,2)(2,3)", 1},
        {"E", "(a*|b)+", "aab", "", "(0,3)(2,3)", 1},
        {"E", "(a|b)*b", "aab", "", "(0,3)(1,2)", 1},
        {"E", "(a*)(ab)*(b*)", "abab", "", "(0,4)(0,0)(2,4)(4,4)", 1},
        {"E", "(a*)(ab)*b", "abab", "", "(0,2)(0,1)(-1,-1)", 1},
        {"E", "(a+)(b+)(c+)", "aabbcc", "", "(0,6)(0,2)(2,4)(4,6)", 1},
        {"E", "(.)(.)(.)", "abc", "", "(0,3)(0,1)(1,2)(2,3)", 1},
        {"E", "([abc])*d", "abcd", "", "(0,4)(2,3)", 1},
        {"E", "([abc])*bcd", "abcd", "", "(0,4)(0,1)", 1},
        {"E", "(a|ab|abc)(c|bc|)", "abc", "", "(0,3)(0,3)(3,3)", 0}, /* glibc: (0,3)(0,1)(1,3) */
        {"E", "(wee|week)(knights|night)", "weeknights", "", "(0,10)(0,3)(3,10)", 1},
        {"E", "(we|wee|week|frob)(knights|night|day)", "weeknights", "", "(0,10)(0,3)(3,10)", 1},
        {"E", "a(bc|b)c", "abcc", "", "(0,4)(1,3)", 1},
        {"E", "a(bc|b)(c|)", "abcc", "", "(0,4)(1,3)(3,4)", 1},
        {"E", "(abc|ab|a)*", "abcab", "", "(0,5)(3,5)", 1},
        {"E", "(a|ab)(bc|c)", "abc", "", "(0,3)(0,2)(2,3)", 0}, /* glibc: (0,3)(0,1)(1,3) */
        {"E", "(ab|a)(bc|c)", "abc", "", "(0,3)(0,2)(2,3)", 1},
        {"E", "((ab)|(a))((bc)|(c))", "abc", "", "(0,3)(0,2)(0,2)(-1,-1)(2,3)(-1,-1)(2,3)", 1},
        {"E", "xy*", "xyyy", "", "(0,4)", 1},
        {"E", "(xy)*", "xyxyx", "", "(0,4)(2,4)", 1},
        {"E", "(xy)*x", "xyxyx", "", "(0,5)(2,4)", 1},
        {"E", "(xy|x)*", "xyxyx", "", "(0,5)(4,5)", 1},
        {"E", "[0-9]+(\\.[0-9]*)?", "x3.14y", "", "(1,5)(2,5)", 1},
        {"E", "[0-9]+(\\.[0-9]*)?", "x3y", "", "(1,2)(-1,-1)", 1},
        {"E", "([a-z]+)@([a-z]+)\\.com", "mail bob@host.com now", "", "(5,17)(5,8)(9,13)", 1},
        {"E", "^([^:]*):([^:]*):([0-9]*)", "root:x:0:0", "", "(0,8)(0,4)(5,6)(7,8)", 1},
        {"E", "(a|b)?b", "b", "", "(0,1)(-1,-1)", 1},
        {"E", "(a?)((ab)?)(b?)", "ab", "", "(0,2)(0,1)(1,1)(-1,-1)(1,2)", 1},
        {"E", "(a?)((ab)?)b", "ab", "", "(0,2)(0,1)(1,1)(-1,-1)", 1},
        {"E", "((a?)((ab)?))(b?)", "ab", "", "(0,2)(0,2)(0,0)(0,2)(0,2)(2,2)",
         0}, /* glibc: (0,2)(0,1)(0,1)(1,1)(-1,-1)(1,2) */
        {"E", "(.?)(.?)(.?)", "ab", "", "(0,2)(0,1)(1,2)(2,2)", 1},
        {"E", "(.*)x", "xxx", "", "(0,3)(0,2)", 1},
        {"E", "a.*b", "aXbYb", "", "(0,5)", 1},
        {"E", "a.*?b", "aXbYb", "", "(0,5)", 1},
        {"E", "(a+|b+)*", "aabba", "", "(0,5)(4,5)", 1},
        {"E", "(a|b|ab)*c", "abc", "", "(0,3)(0,2)", 0}, /* glibc: (0,3)(1,2) */
        {"E", "(ab|a|b)*c", "abc", "", "(0,3)(0,2)", 1},
        {"E", "(a|[ab])*b", "abab", "", "(0,4)(2,3)", 1},
        {"E", "(aa|a)*", "aaa", "", "(0,3)(2,3)", 1},
        {"E", "(a|aa)*", "aaa", "", "(0,3)(2,3)", 1},
        {"E", "(aa|a)(a*)", "aaa", "", "(0,3)(0,2)(2,3)", 1},
        {"E", "(a|aa)(a*)", "aaa", "", "(0,3)(0,2)(2,3)", 0}, /* glibc: (0,3)(0,1)(1,3) */
        {"E", "(a*)(a|aa)", "aaa", "", "(0,3)(0,2)(2,3)", 1},
        {"E", "(a*)(aa|a)", "aaa", "", "(0,3)(0,2)(2,3)", 1},
        {"E", "(a?)(a?)(a?)", "aa", "", "(0,2)(0,1)(1,2)(2,2)", 1},
        {"E", "(a{0,2})(a*)", "aaa", "", "(0,3)(0,2)(2,3)", 1},
        {"E", "(a{1,2}){2}", "aaa", "", "(0,3)(2,3)", 1},
        {"E", "(a{1,2}){2}", "aaaa", "", "(0,4)(2,4)", 1},
        {"E", "(a|b)*(b+)", "abbb", "", "(0,4)(2,3)(3,4)", 1},
        {"E", "(ab)?(b*)", "abbb", "", "(0,4)(0,2)(2,4)", 1},
        {"E", "([^x]*)x([^x]*)", "axbxc", "", "(0,3)(0,1)(2,3)", 1},
        {"E", "x(y|yz)(z*)w", "xyzzw", "", "(0,5)(1,3)(3,4)", 0}, /* glibc (0,5)(1,2)(2,4) */
        {"E", "(a|ab)(c|bcd)(d*)", "abcd", "", "(0,4)(0,2)(2,3)(3,4)",
         0}, /* glibc (0,4)(0,1)(1,4)(4,4) */
        {"E", "[[:digit:]]+\\.[[:digit:]]*", "pi=3.14159", "", "(3,10)", 1},
        {"E", "[[:upper:]][[:lower:]]+", "hello World", "", "(6,11)", 1},
        {"E", "[[:space:]]+", "a \t b", "", "(1,4)", 1},
        {"E", "[[:punct:]]{2,}", "ab!?.cd", "", "(2,5)", 1},
        {"B", "\\(a*\\)\\{2\\}", "aaaa", "", "(0,4)(4,4)", 1},
        {"B", "a\\{2,3\\}", "aaaaa", "", "(0,3)", 1},
        {"B", "^\\(.*\\)\\1$", "abcabc", "", "(0,6)(0,3)", 1},
        {"B", "\\(ab\\)*c", "ababc", "", "(0,5)(2,4)", 1},
        {"Ei", "HeLLo", "say hello", "", "(4,9)", 1},
        {"Ei", "[a-c]+", "xBCAy", "", "(1,4)", 1},
        {"En", "^b", "a\nb", "", "(2,3)", 1},
        {"En", "a$", "a\nb", "", "(0,1)", 1},
        {"E", "(^|x)y", "xy", "b", "(0,2)(0,1)", 1},
        {"E", "y($|z)", "y", "e", "NOMATCH", 1},
        {"E", "(a+)(b+)?c", "aac", "", "(0,3)(0,2)(-1,-1)", 1},
        {"E", "(wee|week)(knights|night)", "weeknights", "", "(0,10)(0,3)(3,10)", 1},
        {"B", "a*b*c*", "xabc", "", "(0,0)", 1},
        {"E", "[]a]+", "]a]b", "", "(0,3)", 1},
};

/* Runs pattern on subject with QSOE (q != 0) or glibc; writes "(so,eo)..." or an error name. */
static void run_one(int q, const struct tcase *t, char *out, size_t outsz)
{
	int ere = strchr(t->flags, 'E') != NULL, icase = strchr(t->flags, 'i') != NULL;
	int nl = strchr(t->flags, 'n') != NULL;
	int ef = (strchr(t->eflags, 'b') ? REG_NOTBOL : 0) |
	         (strchr(t->eflags, 'e') ? REG_NOTEOL : 0);
	out[0] = 0;
	if (q) {
		q_regex_t r;
		int e = q_regcomp(&r, t->pattern,
		                  (ere ? Q_EXTENDED : 0) | (icase ? Q_ICASE : 0) |
		                          (nl ? Q_NEWLINE : 0));
		if (e) {
			snprintf(out, outsz, "%s", enames[e]);
			return;
		}
		q_regmatch_t m[10];
		if (q_regexec(&r, t->subject, 10, m, ef)) {
			snprintf(out, outsz, "NOMATCH");
		} else {
			for (size_t i = 0; i <= r.re_nsub && i < 10; i++)
				snprintf(out + strlen(out), outsz - strlen(out), "(%ld,%ld)",
				         m[i].rm_so, m[i].rm_eo);
		}
		q_regfree(&r);
	} else {
		regex_t r;
		int e = regcomp(&r, t->pattern,
		                (ere ? REG_EXTENDED : 0) | (icase ? REG_ICASE : 0) |
		                        (nl ? REG_NEWLINE : 0));
		if (e) {
			snprintf(out, outsz, "%s", enames[e]);
			return;
		}
		regmatch_t m[10];
		if (regexec(&r, t->subject, 10, m, ef)) {
			snprintf(out, outsz, "NOMATCH");
		} else {
			for (size_t i = 0; i <= r.re_nsub && i < 10; i++)
				snprintf(out + strlen(out), outsz - strlen(out), "(%d,%d)",
				         m[i].rm_so, m[i].rm_eo);
		}
		regfree(&r);
	}
}

static void test_table(void)
{
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		char a[256], b[256];
		run_one(1, &table[i], a, sizeof(a));
		CHECK(!strcmp(a, table[i].want), "/%s/ [%s] on \"%s\": %s, expected %s",
		      table[i].pattern, table[i].flags, table[i].subject, a, table[i].want);
		if (table[i].glibc_agrees) {
			run_one(0, &table[i], b, sizeof(b));
			CHECK(!strcmp(b, table[i].want), "glibc /%s/ on \"%s\": %s, table %s",
			      table[i].pattern, table[i].subject, b, table[i].want);
		}
	}
}

/* ---- random expressions against glibc ---- */

struct gen {
	char *b;
	int n, cap;
};

static void emit(struct gen *g, const char *s)
{
	while (*s && g->n < g->cap - 1)
		g->b[g->n++] = *s++;
	g->b[g->n] = 0;
}

/*
 * Appends a random extended expression. Inside a repeated group nothing
 * may match the empty string (glibc loops forever on some such patterns).
 */
static void gen_ere(struct gen *g, int depth, int nonempty)
{
	int k = (int)(qt_rand() % (depth > 3 ? 4 : 10));
	switch (k) {
	case 0:
	case 1:
		emit(g, qt_rand() % 2 ? "a" : "b");
		break;
	case 2:
		emit(g, ".");
		break;
	case 3: {
		static const char *const sets[] = {"[ab]", "[^a]", "[a-c]", "[[:alpha:]]"};
		emit(g, sets[qt_rand() % 4]);
		break;
	}
	case 4:
		emit(g, "(");
		gen_ere(g, depth + 1, nonempty);
		emit(g, ")");
		break;
	case 5:
		gen_ere(g, depth + 1, nonempty);
		emit(g, "|");
		gen_ere(g, depth + 1, nonempty);
		break;
	case 6:
		emit(g, "(");
		gen_ere(g, depth + 1, 1);
		emit(g, ")");
		emit(g, nonempty ? "+" : (const char *[]){"*", "+", "?"}[qt_rand() % 3]);
		break;
	case 7:
		gen_ere(g, depth + 1, nonempty);
		gen_ere(g, depth + 1, nonempty);
		break;
	case 8: {
		char iv[16];
		int lo = nonempty ? 1 : (int)(qt_rand() % 2);
		snprintf(iv, sizeof(iv), "){%d,%d}", lo, lo + (int)(qt_rand() % 2));
		emit(g, "(");
		gen_ere(g, depth + 1, 1);
		emit(g, iv);
		break;
	}
	default:
		emit(g, nonempty ? "b" : (qt_rand() % 2 ? "a*" : "b?"));
		break;
	}
}

/* 1 if no group is repeated or contains '|': POSIX then fixes every group's match. */
static int simple_groups(const char *p)
{
	if (strchr(p, '|'))
		return 0;
	for (const char *s = p; *s; s++)
		if (*s == ')' && s[1] && strchr("*+?{", s[1]))
			return 0;
	return 1;
}

/* Converts an extended expression over a/b/./[] and ()*+?{} to basic syntax. */
static void to_bre(const char *e, char *b)
{
	for (; *e; e++) {
		if (strchr("(){}+?|", *e))
			*b++ = '\\';
		*b++ = *e;
	}
	*b = 0;
}

static void test_random(void)
{
	long n = 30000, whole = 0, subs = 0;
	for (long it = 0; it < n; it++) {
		char pat[128], bre[256], subj[24];
		struct gen g = {pat, 0, 60};
		pat[0] = 0;
		gen_ere(&g, 0, 0);
		int len = (int)(qt_rand() % 14);
		for (int i = 0; i < len; i++)
			subj[i] = "abcA\n"[qt_rand() % (it % 4 == 0 ? 5 : 3)];
		subj[len] = 0;
		int basic = it % 3 == 1, icase = it % 5 == 2, nl = it % 7 == 3;
		const char *p = pat;
		if (basic) {
			to_bre(pat, bre);
			p = bre;
		}
		int qf = (basic ? 0 : Q_EXTENDED) | (icase ? Q_ICASE : 0) | (nl ? Q_NEWLINE : 0);
		int gf = (basic ? 0 : REG_EXTENDED) | (icase ? REG_ICASE : 0) |
		         (nl ? REG_NEWLINE : 0);
		q_regex_t qr;
		regex_t gr;
		int eq = q_regcomp(&qr, p, qf), eg = regcomp(&gr, p, gf);
		CHECK((eq == 0) == (eg == 0), "regcomp(\"%s\") %d, glibc %d", p, eq, eg);
		if (eq || eg) {
			if (!eq)
				q_regfree(&qr);
			if (!eg)
				regfree(&gr);
			continue;
		}
		q_regmatch_t qm[10];
		regmatch_t gm[10];
		int ef = it % 11 == 5 ? REG_NOTBOL : 0;
		int rq = q_regexec(&qr, subj, 10, qm, ef), rg = regexec(&gr, subj, 10, gm, ef);
		int same = (rq == 0) == (rg == 0) &&
		           (rq || (qm[0].rm_so == gm[0].rm_so && qm[0].rm_eo == gm[0].rm_eo));
		CHECK(same, "/%s/ flags %d on \"%s\": %d (%ld,%ld), glibc %d (%d,%d)", p, qf, subj,
		      rq, qm[0].rm_so, qm[0].rm_eo, rg, gm[0].rm_so, gm[0].rm_eo);
		whole++;
		if (same && !rq && simple_groups(pat)) {
			int ok = 1;
			for (size_t i = 1; i <= gr.re_nsub && i < 10; i++)
				ok &= qm[i].rm_so == gm[i].rm_so && qm[i].rm_eo == gm[i].rm_eo;
			CHECK(ok, "/%s/ on \"%s\": subexpressions differ from glibc", p, subj);
			subs++;
		}
		q_regfree(&qr);
		regfree(&gr);
	}
	printf("random: %ld whole-match comparisons, %ld with subexpressions\n", whole, subs);
}

/* ---- flags ---- */

static void test_flags(void)
{
	q_regex_t r;
	q_regmatch_t m[4];
	/* REG_NOSUB: success/failure only, pmatch untouched */
	CHECK(q_regcomp(&r, "a(b)c", Q_EXTENDED | Q_NOSUB) == 0, "NOSUB compile");
	m[0].rm_so = 77;
	CHECK(q_regexec(&r, "xabc", 4, m, 0) == 0 && m[0].rm_so == 77, "NOSUB match");
	CHECK(q_regexec(&r, "xab", 4, m, 0) == REG_NOMATCH, "NOSUB no match");
	q_regfree(&r);
	/* REG_STARTEND: the subject is [rm_so, rm_eo), NULs included, offsets absolute */
	CHECK(q_regcomp(&r, "^b.c$", Q_EXTENDED) == 0, "STARTEND compile");
	static const char s[] = "xxb\0cyy";
	m[0].rm_so = 2;
	m[0].rm_eo = 5;
	CHECK(q_regexec(&r, s, 1, m, Q_STARTEND) == 0 && m[0].rm_so == 2 && m[0].rm_eo == 5,
	      "STARTEND match (%ld,%ld)", m[0].rm_so, m[0].rm_eo);
	m[0].rm_so = 2;
	m[0].rm_eo = 5;
	CHECK(q_regexec(&r, s, 1, m, Q_STARTEND | Q_NOTBOL) == REG_NOMATCH, "STARTEND NOTBOL");
	m[0].rm_so = 5;
	m[0].rm_eo = 2;
	CHECK(q_regexec(&r, s, 1, m, Q_STARTEND) != 0, "STARTEND backwards range refused");
	q_regfree(&r);
	/* REG_NOSPEC: a literal string */
	CHECK(q_regcomp(&r, "a.*(b", Q_NOSPEC) == 0 && r.re_nsub == 0, "NOSPEC compile");
	CHECK(q_regexec(&r, "xa.*(by", 1, m, 0) == 0 && m[0].rm_so == 1 && m[0].rm_eo == 6,
	      "NOSPEC match");
	CHECK(q_regexec(&r, "xaaab", 1, m, 0) == REG_NOMATCH, "NOSPEC no match");
	q_regfree(&r);
	/* REG_PEND: the pattern ends at re_endp (so it may contain NUL) */
	static const char pat[] = "a\0b";
	r.re_endp = pat + 3;
	CHECK(q_regcomp(&r, pat, Q_PEND) == 0, "PEND compile");
	m[0].rm_so = 0;
	m[0].rm_eo = 3;
	CHECK(q_regexec(&r, "a\0b", 1, m, Q_STARTEND) == 0 && m[0].rm_eo == 3, "PEND match");
	q_regfree(&r);
	/* re_nsub and unused pmatch slots */
	CHECK(q_regcomp(&r, "(a)|(b)", Q_EXTENDED) == 0 && r.re_nsub == 2, "re_nsub");
	CHECK(q_regexec(&r, "b", 4, m, 0) == 0 && m[1].rm_so == -1 && m[2].rm_so == 0 &&
	              m[3].rm_so == -1,
	      "unused slots");
	q_regfree(&r);
	/* regerror: full length returned, truncated copy */
	char buf[8];
	size_t need = q_regerror(REG_EBRACK, NULL, NULL, 0);
	size_t n2 = q_regerror(REG_EBRACK, NULL, buf, sizeof(buf));
	CHECK(need > 8 && n2 == need && strlen(buf) == 7, "regerror truncation");
	char big[128];
	for (int e = 0; e <= 17; e++)
		CHECK(q_regerror(e, NULL, big, sizeof(big)) == strlen(big) + 1 && big[0],
		      "regerror %d", e);
	CHECK(q_regerror(1234, NULL, big, sizeof(big)) > 1, "regerror unknown code");
	/* regexec on an uncompiled regex_t */
	q_regex_t z = {0};
	CHECK(q_regexec(&z, "a", 0, NULL, 0) != 0, "regexec of a bad regex_t");
	q_regfree(&z);
}

/* ---- hostile patterns ---- */

/* CPU time, so that a loaded machine does not fail the time limits. */
static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void test_hostile(void)
{
	static char text[200001];
	memset(text, 'a', 200000);
	text[200000] = 0;
	static const struct {
		const char *pattern;
		int flags;
		int comp; /* expected regcomp result */
	} cases[] = {
	        {"(a*)*b", Q_EXTENDED, 0},
	        {"(a|aa)*b", Q_EXTENDED, 0},
	        {"(a+a+)+b", Q_EXTENDED, 0},
	        {"((a*)*)*((a*)*)*b", Q_EXTENDED, 0},
	        {"(a?){30}a{30}", Q_EXTENDED, 0},
	        {"(.*a){12}", Q_EXTENDED, 0},
	        {"(x+x+)+y", Q_EXTENDED, 0},
	        {"a{255}{255}{255}", Q_EXTENDED, REG_ESPACE},
	        {"(((a{100}){100}){100})", Q_EXTENDED, REG_ESPACE},
	        {"a{1000}", Q_EXTENDED, REG_BADBR},
	        {"a{1000}{1000}", Q_EXTENDED, REG_BADBR},
	        {"\\(a*\\)*\\1b", 0, 0},
	        {"\\(a*\\)\\(a*\\)*\\2\\1b", 0, 0},
	        {"(a*)*(b)\\1", Q_EXTENDED, 0},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		q_regex_t r;
		double t0 = now();
		int e = q_regcomp(&r, cases[i].pattern, cases[i].flags);
		CHECK(e == cases[i].comp, "hostile regcomp(\"%s\") = %d, expected %d",
		      cases[i].pattern, e, cases[i].comp);
		if (!e) {
			q_regmatch_t m[4];
			int x = q_regexec(&r, text, 4, m, 0);
			CHECK(x == 0 || x == REG_NOMATCH || x == REG_ESPACE,
			      "hostile regexec result %d", x);
			q_regfree(&r);
		}
		double dt = now() - t0;
		CHECK(dt < 5.0, "hostile \"%s\" took %.2f s", cases[i].pattern, dt);
	}
	/* nesting */
	static char deep[4100];
	for (int i = 0; i < 2000; i++) {
		deep[i] = '(';
		deep[2050 + i] = ')';
	}
	memset(deep + 2000, 'a', 50);
	deep[4050] = 0;
	q_regex_t r;
	CHECK(q_regcomp(&r, deep, Q_EXTENDED) == REG_ESPACE, "2000 nested groups");
	char stars[1100];
	stars[0] = 'a';
	memset(stars + 1, '*', 1000);
	stars[1001] = 0;
	int e = q_regcomp(&r, stars, Q_EXTENDED);
	CHECK(e == REG_ESPACE, "1000 stacked stars: %d", e);
	/* a long match on a long text is linear */
	double t0 = now();
	CHECK(q_regcomp(&r, "(a|b)*c|a*$", Q_EXTENDED) == 0, "linear compile");
	q_regmatch_t m[2];
	CHECK(q_regexec(&r, text, 2, m, 0) == 0 && m[0].rm_so == 0 && m[0].rm_eo == 200000,
	      "linear match");
	q_regfree(&r);
	CHECK(now() - t0 < 5.0, "linear match time");
}

int main(void)
{
	test_table();
	test_random();
	test_flags();
	test_hostile();
	printf("table: %zu patterns/subjects\n", sizeof(table) / sizeof(table[0]));
	return qt_done("libc-regex");
}
