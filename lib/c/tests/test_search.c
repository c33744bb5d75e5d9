/*
 * test_search.c - <search.h>, <err.h> and the program name of QSOE libc:
 * trees under random insertions and deletions against a reference set
 * (balance checked through twalk's depths), hash tables growing far past
 * their hint with stable entries, linear search and queues compared with
 * glibc, and the exact text err/warn write to standard error.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <search.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "qtest.h"

void *q_tsearch(const void *, void **, int (*)(const void *, const void *));
void *q_tfind(const void *, void *const *, int (*)(const void *, const void *));
void *q_tdelete(const void *, void **, int (*)(const void *, const void *));
void q_twalk(const void *, void (*)(const void *, VISIT, int));
void q_tdestroy(void *, void (*)(void *));
int q_hcreate(size_t);
void q_hdestroy(void);
ENTRY *q_hsearch(ENTRY, ACTION);
/* struct hsearch_data of QSOE: a table pointer and 4 unsigned (24 bytes). */
struct q_hdata {
	void *tab;
	unsigned r[4];
};
int q_hcreate_r(size_t, struct q_hdata *);
void q_hdestroy_r(struct q_hdata *);
int q_hsearch_r(ENTRY, ACTION, ENTRY **, struct q_hdata *);
void *q_lsearch(const void *, void *, size_t *, size_t, int (*)(const void *, const void *));
void *q_lfind(const void *, const void *, size_t *, size_t, int (*)(const void *, const void *));
void q_insque(void *, void *);
void q_remque(void *);
void q_warn(const char *, ...);
void q_warnx(const char *, ...);
void q_err(int, const char *, ...);
void q_errx(int, const char *, ...);
const char *q_getprogname(void);
void q_setprogname(const char *);
void q___qsoe_set_progname(char *);
extern char *q_program_invocation_name, *q_program_invocation_short_name;

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

/* ---- trees ---- */

#define NKEYS 4096
static int keys[NKEYS];
static int walk_last, walk_count, walk_maxdepth, walk_sorted;

static void walker(const void *node, VISIT v, int depth)
{
	if (depth > walk_maxdepth)
		walk_maxdepth = depth;
	if (v == postorder || v == leaf) {
		int k = **(int *const *)node;
		if (walk_count && k <= walk_last)
			walk_sorted = 0;
		walk_last = k;
		walk_count++;
	}
}

static int freed_keys;
static void count_free(void *k)
{
	(void)k;
	freed_keys++;
}

static void test_tree(void)
{
	void *root = NULL;
	static char present[NKEYS];
	int n = 0;

	for (int i = 0; i < NKEYS; i++)
		keys[i] = i;
	CHECK(q_tfind(&keys[1], &root, cmp_int) == NULL, "tfind in an empty tree");
	CHECK(q_tdelete(&keys[1], &root, cmp_int) == NULL, "tdelete in an empty tree");
	for (int round = 0; round < 200000; round++) {
		int k = (int)(qt_rand() % NKEYS);
		int op = (int)(qt_rand() % 3);
		if (op < 2) {
			void *r = q_tsearch(&keys[k], &root, cmp_int);
			if (r == NULL || *(int **)r != &keys[k]) {
				CHECK(0, "tsearch(%d) returns the node of that key", k);
				return;
			}
			if (!present[k])
				n++;
			present[k] = 1;
		} else {
			void *r = q_tdelete(&keys[k], &root, cmp_int);
			if ((r != NULL) != present[k]) {
				CHECK(0, "tdelete(%d) finds it iff present (%d)", k, present[k]);
				return;
			}
			if (present[k])
				n--;
			present[k] = 0;
		}
		if (round % 10007 == 0) {
			walk_count = walk_maxdepth = 0;
			walk_sorted = 1;
			q_twalk(root, walker);
			CHECK(walk_count == n && walk_sorted,
			      "twalk visits the %d keys in order (%d)", n, walk_count);
			double bound = n ? 1.45 * log2((double)n + 2) : 0;
			CHECK(walk_maxdepth <= bound,
			      "the tree stays balanced: depth %d for %d keys", walk_maxdepth, n);
		}
	}
	int errors = 0;
	for (int k = 0; k < NKEYS; k++) {
		void *r = q_tfind(&keys[k], &root, cmp_int);
		errors += (r != NULL) != present[k] || (r && *(int **)r != &keys[k]);
	}
	CHECK(errors == 0, "tfind agrees with the reference set (%d errors)", errors);
	/* ascending insertion must not degenerate */
	void *r2 = NULL;
	for (int k = 0; k < NKEYS; k++)
		q_tsearch(&keys[k], &r2, cmp_int);
	walk_count = walk_maxdepth = 0;
	walk_sorted = 1;
	q_twalk(r2, walker);
	CHECK(walk_count == NKEYS && walk_maxdepth <= 13, "sorted insertion: depth %d",
	      walk_maxdepth);
	/* deleting the root returns a non-NULL pointer, every time */
	int roots = 0;
	while (r2) {
		int *rk = *(int **)r2;
		roots += q_tdelete(rk, &r2, cmp_int) != NULL;
	}
	CHECK(roots == NKEYS, "deleting the root %d times", roots);
	freed_keys = 0;
	q_tdestroy(root, count_free);
	CHECK(freed_keys == n, "tdestroy frees every node (%d of %d)", freed_keys, n);
	q_twalk(NULL, walker); /* nothing to do, no crash */
	CHECK(q_tsearch(&keys[0], NULL, cmp_int) == NULL, "tsearch without a root pointer");
}

/* ---- hash tables ---- */

static void test_hash(void)
{
	char name[32];
	enum { N = 50000 };
	static char *names[N];

	CHECK(q_hcreate(10) != 0, "hcreate");
	CHECK(q_hcreate(10) == 0, "a second hcreate fails while one exists");
	char first_key[] = "first";
	ENTRY *first = q_hsearch((ENTRY){first_key, (void *)1}, ENTER);
	CHECK(first && first->data == (void *)1, "ENTER");
	for (int i = 0; i < N; i++) {
		snprintf(name, sizeof(name), "key%d", i);
		names[i] = strdup(name);
		ENTRY *e = q_hsearch((ENTRY){names[i], (void *)(long)(i + 10)}, ENTER);
		if (!e) {
			CHECK(0, "ENTER %d past the hint", i);
			break;
		}
	}
	int bad = 0;
	for (int i = 0; i < N; i++) {
		snprintf(name, sizeof(name), "key%d", i);
		ENTRY *e = q_hsearch((ENTRY){name, NULL}, FIND);
		bad += !e || e->data != (void *)(long)(i + 10) || strcmp(e->key, name);
	}
	CHECK(bad == 0, "every key found with its data (%d bad)", bad);
	ENTRY *again = q_hsearch((ENTRY){"first", (void *)2}, ENTER);
	CHECK(again == first && again->data == (void *)1,
	      "the first entry never moved and ENTER of a present key keeps its data");
	q_errno = 0;
	CHECK(q_hsearch((ENTRY){"absent", NULL}, FIND) == NULL && q_errno == 3 /* ESRCH */,
	      "FIND of an absent key: NULL, ESRCH (%d)", q_errno);
	q_hdestroy();
	CHECK(q_hcreate(0) != 0, "hcreate after hdestroy");
	q_hdestroy();
	for (int i = 0; i < N; i++)
		free(names[i]);

	struct q_hdata a, b;
	memset(&a, 0, sizeof(a));
	memset(&b, 0, sizeof(b));
	ENTRY *ea, *eb;
	CHECK(q_hcreate_r(4, &a) && q_hcreate_r(4, &b), "two re-entrant tables");
	CHECK(q_hsearch_r((ENTRY){"x", (void *)1}, ENTER, &ea, &a) &&
	              q_hsearch_r((ENTRY){"x", (void *)2}, ENTER, &eb, &b) && ea != eb,
	      "the same key in both");
	CHECK(q_hsearch_r((ENTRY){"x", NULL}, FIND, &ea, &a) && ea->data == (void *)1 &&
	              q_hsearch_r((ENTRY){"x", NULL}, FIND, &eb, &b) && eb->data == (void *)2,
	      "each table keeps its own");
	q_hdestroy_r(&a);
	q_hdestroy_r(&b);
	CHECK(q_hsearch_r((ENTRY){"x", NULL}, FIND, &ea, &a) == 0 && q_errno == QE_INVAL,
	      "a destroyed table: EINVAL");
}

/* ---- linear search, queues ---- */

static void test_linear(void)
{
	int qa[64], ga[64];
	size_t qn = 0, gn = 0;
	int same = 1;

	for (int i = 0; i < 500; i++) {
		int k = (int)(qt_rand() % 40);
		int *qr = q_lsearch(&k, qa, &qn, sizeof(int), cmp_int);
		int *gr = lsearch(&k, ga, &gn, sizeof(int), cmp_int);
		same &= qn == gn && (qr - qa) == (gr - ga) && *qr == k;
	}
	CHECK(same && qn == gn && !memcmp(qa, ga, qn * sizeof(int)), "lsearch as glibc (%zu)", qn);
	int k = 1000;
	CHECK(q_lfind(&k, qa, &qn, sizeof(int), cmp_int) == NULL, "lfind of an absent key");
	k = qa[qn - 1];
	CHECK(q_lfind(&k, qa, &qn, sizeof(int), cmp_int) == &qa[qn - 1], "lfind of the last");

	struct el {
		struct el *next, *prev;
		int v;
	} e[4] = {{0, 0, 0}, {0, 0, 1}, {0, 0, 2}, {0, 0, 3}};
	q_insque(&e[0], NULL);
	q_insque(&e[1], &e[0]);
	q_insque(&e[3], &e[1]);
	q_insque(&e[2], &e[1]); /* 0 1 2 3 */
	int order = 1;
	struct el *p = &e[0];
	for (int i = 0; i < 4; i++, p = p->next)
		order &= p && p->v == i && (i == 0 ? p->prev == NULL : p->prev->v == i - 1);
	CHECK(order && e[3].next == NULL, "insque builds 0 1 2 3");
	q_remque(&e[2]);
	q_remque(&e[0]);
	CHECK(e[1].prev == NULL && e[1].next == &e[3] && e[3].prev == &e[1], "remque");
	/* a circular queue */
	struct el h = {&h, &h, 9}, x = {0, 0, 5};
	q_insque(&x, &h);
	CHECK(h.next == &x && h.prev == &x && x.next == &h && x.prev == &h, "circular insque");
	q_remque(&x);
	CHECK(h.next == &h && h.prev == &h, "circular remque");
}

/* ---- err.h and the program name ---- */

/* Runs f with descriptor 2 sent to a file; returns what was written. */
static char *capture(void (*f)(void))
{
	static char buf[512];
	char tmpl[] = "/tmp/qerrXXXXXX";
	int fd = mkstemp(tmpl);
	int saved = dup(2);
	unlink(tmpl);
	dup2(fd, 2);
	f();
	dup2(saved, 2);
	close(saved);
	ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	return buf;
}

static void do_warn(void)
{
	q_errno = QE_NOENT;
	q_warn("open %s", "x");
	q_errno = QE_NOENT;
	q_warnx("plain %d", 7);
	q_errno = QE_INVAL;
	q_warn(NULL);
}

static void test_err(void)
{
	char argv0[] = "/bin/some/prog";
	q___qsoe_set_progname(argv0);
	CHECK(!strcmp(q_getprogname(), "prog") && !strcmp(q_program_invocation_name, argv0) &&
	              !strcmp(q_program_invocation_short_name, "prog"),
	      "the program name from argv[0] (%s)", q_getprogname());
	const char *out = capture(do_warn);
	CHECK(!strcmp(out, "prog: open x: No such file or directory\n"
	                   "prog: plain 7\n"
	                   "prog: Invalid argument\n"),
	      "warn/warnx text: [%s]", out);
	q_setprogname("/x/other");
	CHECK(!strcmp(q_getprogname(), "other"), "setprogname keeps the last component");
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		int nul = open("/dev/null", O_WRONLY);
		dup2(nul, 2);
		q_errx(42, "bye");
	}
	int st;
	waitpid(pid, &st, 0);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 42, "errx exits with its status (%x)", st);
	pid = fork();
	if (pid == 0) {
		int nul = open("/dev/null", O_WRONLY);
		dup2(nul, 2);
		q_err(7, "bye %d", 1);
	}
	waitpid(pid, &st, 0);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7, "err exits with its status (%x)", st);
}

int main(void)
{
	test_tree();
	test_hash();
	test_linear();
	test_err();
	return qt_done("libc-search");
}
