/*
 * unit.c - unit tests of qsh's pure parts, built with ASan + UBSan:
 * pattern matching, arithmetic, quoting for re-entry, the parser, and the
 * versioned state serialisation (round trips of trees and of the whole
 * shell state, rejection of malformed input).
 */
#include "qsh.h"
#include "shell.h"
#include "lex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int failures, checks;

#define CHECK(cond, ...)                                            \
	do {                                                        \
		checks++;                                           \
		if (!(cond)) {                                      \
			failures++;                                 \
			printf("FAIL %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__);                        \
			printf("\n");                               \
		}                                                   \
	} while (0)

static void test_patterns(void)
{
	static const struct {
		const char *pat, *str;
		int match;
	} t[] = {
	        {"*", "", 1},
	        {"*", "abc", 1},
	        {"a*c", "abbbc", 1},
	        {"a*c", "abbb", 0},
	        {"?", "x", 1},
	        {"?", "", 0},
	        {"[abc]", "b", 1},
	        {"[!abc]", "b", 0},
	        {"[a-c]x", "bx", 1},
	        {"[[:digit:]]*", "7z", 1},
	        {"@(foo|bar)", "bar", 1},
	        {"@(foo|bar)", "baz", 0},
	        {"*(ab)", "ababab", 1},
	        {"*(ab)", "aba", 0},
	        {"+(a)", "", 0},
	        {"+(a)", "aaa", 1},
	        {"?(x)y", "y", 1},
	        {"?(x)y", "xy", 1},
	        {"!(one)", "two", 1},
	        {"!(one)", "one", 0},
	        {"!(?)*", "anything", 1},
	        {"\x01*", "*", 1},
	        {"\x01*", "x", 0},
	        {"a\\*", "a\\bcd", 1},
	        {"[", "[", 1},
	        {"[^2]", "2", 1},
	        {"[^2]", "^", 1},
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		CHECK(pat_match(t[i].pat, t[i].str) == t[i].match, "pattern %s vs %s", t[i].pat,
		      t[i].str);
	CHECK(pat_has_magic("a*") && !pat_has_magic("abc") && !pat_has_magic("a\x01*"),
	      "pat_has_magic");
	/* pathological pattern: must terminate (budget) */
	char big[200];
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = 0;
	(void)pat_match("*(a|aa|aaa)*(a|aa)b", big);
	CHECK(1, "budget");
}

static long ar(const char *e)
{
	long v = 0;
	if (arith_try(e, &v) < 0)
		return -999999;
	return v;
}

static void test_arith(void)
{
	CHECK(ar("1+2*3") == 7, "precedence");
	CHECK(ar("2147483647+1") == -2147483648L, "wrap");
	CHECK(ar("-7%3") == -1, "remainder sign");
	CHECK(ar("16#ff") == 255, "base");
	CHECK(ar("1<<33") == 2, "shift masked");
	CHECK(ar("#-1") == 4294967295L, "unsigned mode");
	CHECK(ar("x=5, x*=2, x") == 10, "assignment");
	CHECK(ar("1/0") == -999999, "zero divisor is an error");
	CHECK(ar("1 2") == -999999, "unexpected token is an error");
	CHECK(ar("((((((((((1))))))))))") == 1, "parentheses");
}

static void test_quote(void)
{
	static const struct {
		const char *in, *out;
	} t[] = {{"", "''"},   {"abc", "abc"},       {"a b", "'a b'"},   {"it's", "'it'\\''s'"},
	         {"'", "\\'"}, {"a\tb", "$'a\\tb'"}, {"a,b:c", "a,b:c"}, {"#x", "'#x'"}};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *q = str_quote(t[i].in);
		CHECK(!strcmp(q, t[i].out), "quote [%s] -> [%s] want [%s]", t[i].in, q, t[i].out);
		free(q);
	}
}

/* Parse s completely (a list of command lines) into pool; NULL on error. */
static struct node *parse_all(const char *s, struct pool *pool)
{
	struct catchpt c;
	catch_push(&c);
	if (sigsetjmp(c.jb, 0)) {
		catch_restore(&c);
		catch_pop(&c);
		error_status();
		return NULL;
	}
	struct node *n = parse_string(pool, s, NULL, 1);
	catch_pop(&c);
	return n;
}

static void test_tree_roundtrip(void)
{
	static const char *const scripts[] = {
	        "echo hello 'world' \"$x\" ${y:-d} $((1+2)) $(ls /) `pwd`",
	        "if true; then echo a; elif false; then echo b; else echo c; fi",
	        "for i in 1 2 3; do echo $i; done; while :; do break; done",
	        "case $x in a|b) echo ab;; (*) echo other;& esac",
	        "f() { local v=1; return $v; }; function g { echo ${a[@]} ${#b}; }",
	        "a | b | c && d || ! e; (sub; shell) & { group; } >out 2>&1 <in",
	        "cat <<EOF\nbody $x\nEOF\ncat <<'Q'\nraw $x\nQ\n",
	        "[[ -n $a && ( $b = c* || ! -f x ) ]]; (( i++ )); x=(1 2 3)",
	        "echo ${x/a/b} ${x//c} ${x#p} ${x%%s} ${x:1:2} ${x@Q} ${!x} ${#x[*]}",
	        "time -p sleep 1 | cat; select s in a b; do :; done",
	};
	for (size_t i = 0; i < sizeof scripts / sizeof scripts[0]; i++) {
		struct pool *p1 = pool_new();
		struct node *n = parse_all(scripts[i], p1);
		CHECK(n != NULL, "parse %zu", i);
		if (!n) {
			pool_unref(p1);
			continue;
		}
		struct sbuf a, b;
		sb_init(&a);
		sb_init(&b);
		ser_node(&a, n);
		struct pool *p2 = pool_new();
		const char *pos = a.s;
		struct node *m = deser_node(&pos, a.s + a.len, p2);
		CHECK(m != NULL && pos == a.s + a.len, "deserialize %zu", i);
		if (m) {
			ser_node(&b, m);
			CHECK(a.len == b.len && !memcmp(a.s, b.s, a.len), "round trip %zu", i);
			struct sbuf u1, u2;
			sb_init(&u1);
			sb_init(&u2);
			unparse_node(&u1, n, 0);
			unparse_node(&u2, m, 0);
			CHECK(u1.len == u2.len && !memcmp(u1.s, u2.s, u1.len), "unparse %zu", i);
			sb_free(&u1);
			sb_free(&u2);
		}
		/* every truncation of a valid encoding is rejected, never a crash */
		for (size_t cut = 0; cut < a.len; cut += 1 + a.len / 64) {
			struct pool *p3 = pool_new();
			const char *q = a.s;
			struct node *x = deser_node(&q, a.s + cut, p3);
			CHECK(x == NULL || q <= a.s + cut, "truncated %zu at %zu", i, cut);
			pool_unref(p3);
		}
		sb_free(&a);
		sb_free(&b);
		pool_unref(p1);
		pool_unref(p2);
	}
	/* garbage is rejected */
	static const char *const bad[] = {"", "x", "1 ", "1 99 ", "-5 ", "1 0 0 0 7:abc"};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct pool *p = pool_new();
		const char *q = bad[i];
		CHECK(deser_node(&q, bad[i] + strlen(bad[i]), p) == NULL || !*bad[i],
		      "garbage %zu rejected", i);
		pool_unref(p);
	}
}

static void test_state_roundtrip(void)
{
	var_setstr("plain", "value with spaces\nand newline");
	struct var *v = var_need("arr");
	char *vals[] = {"a", "b c", ""};
	var_set_array(v, vals, 3, 0);
	var_chflags(var_need("num"), V_INTEGER, 0, 16, -1);
	var_setstr("num", "255");
	alias_set("ll", "ls -l");
	struct pool *fp = pool_new();
	struct node *fb = parse_all("{ echo in function $1; }", fp);
	func_define("myfunc", fb, fp, 1);
	pool_unref(fp);
	trap_set(0, "echo bye");
	struct pool *cp = pool_new();
	struct node *cmd = parse_all("echo $plain ${arr[1]} $num", cp);
	struct sbuf s1;
	sb_init(&s1);
	state_build(&s1, cmd);
	CHECK(!strncmp(s1.s, "QSH-STATE 1\n", 12), "state magic and version");
	/* a fresh shell state would normally read it; re-reading into this one
	 * must give the same encoding again */
	struct node *c2 = NULL;
	struct pool *p2 = NULL;
	int r = state_parse(s1.s, s1.len, &c2, &p2);
	CHECK(r == 0 && c2 != NULL, "state parses");
	if (r == 0) {
		CHECK(!strcmp(var_getstr("plain"), "value with spaces\nand newline"), "scalar");
		CHECK(!strcmp(var_elem(var_lookup("arr"), 1), "b c"), "array element");
		CHECK(!strcmp(var_getstr("num"), "16#ff"), "integer with base");
		CHECK(func_find("myfunc") && func_find("myfunc")->ksh, "function");
		CHECK(alias_find("ll") != NULL, "alias");
		struct sbuf s2;
		sb_init(&s2);
		sh.nest--; /* the state carries the child's depth (one more) */
		state_build(&s2, c2);
		CHECK(s1.len == s2.len && !memcmp(s1.s, s2.s, s1.len), "state round trip");
		sb_free(&s2);
		pool_unref(p2);
	}
	/* wrong version and truncations are rejected */
	struct sbuf bad;
	sb_init(&bad);
	sb_adds(&bad, "QSH-STATE 99\n");
	sb_addn(&bad, s1.s + 12, s1.len - 12);
	CHECK(state_parse(bad.s, bad.len, &c2, &p2) < 0, "version mismatch rejected");
	for (size_t cut = 0; cut + 1 < s1.len; cut += 1 + s1.len / 50)
		CHECK(state_parse(s1.s, cut, &c2, &p2) < 0, "truncated state at %zu", cut);
	sb_free(&bad);
	sb_free(&s1);
	pool_unref(cp);
}

int main(void)
{
	sh.kshname = xstrdup("qsh-unit");
	sh.argv0 = xstrdup("qsh-unit");
	sh.selfpath = xstrdup("/nonexistent");
	sh.tty_fd = -1;
	sh.posv = xcalloc(1, sizeof *sh.posv);
	trap_init();
	var_init(NULL);
	alias_init();
	opts[O_BRACEEXPAND] = 1;
	test_patterns();
	test_arith();
	test_quote();
	test_tree_roundtrip();
	test_state_roundtrip();
	printf("%d checks, %d failures\n", checks, failures);
	return failures ? 1 : 0;
}
