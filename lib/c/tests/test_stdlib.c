/*
 * test_stdlib.c - stdlib.h of QSOE libc: the strtol family, abs/div,
 * qsort/bsearch, the 48-bit generators, environment, atexit lists,
 * getsubopt, a64l, realpath and mkstemp, compared with glibc where the
 * standards fix the answer.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "qtest.h"

long q_strtol(const char *, char **, int);
long long q_strtoll(const char *, char **, int);
unsigned long q_strtoul(const char *, char **, int);
unsigned long long q_strtoull(const char *, char **, int);
intmax_t q_strtoimax(const char *, char **, int);
uintmax_t q_strtoumax(const char *, char **, int);
int q_atoi(const char *);
long q_atol(const char *);
int q_abs(int);
long q_labs(long);
ldiv_t q_ldiv(long, long);
div_t q_div(int, int);
void q_qsort(void *, size_t, size_t, int (*)(const void *, const void *));
void q_qsort_r(void *, size_t, size_t, int (*)(const void *, const void *, void *), void *);
void *q_bsearch(const void *, const void *, size_t, size_t, int (*)(const void *, const void *));
double q_drand48(void);
long q_lrand48(void);
long q_mrand48(void);
void q_srand48(long);
double q_erand48(unsigned short[3]);
long q_nrand48(unsigned short[3]);
long q_jrand48(unsigned short[3]);
unsigned short *q_seed48(unsigned short[3]);
void q_lcong48(unsigned short[7]);
int q_rand(void);
void q_srand(unsigned);
int q_rand_r(unsigned *);
long q_random(void);
void q_srandom(unsigned);
char *q_initstate(unsigned, char *, size_t);
char *q_setstate(char *);
char *q_getenv(const char *);
int q_setenv(const char *, const char *, int);
int q_unsetenv(const char *);
int q_putenv(char *);
int q_clearenv(void);
extern char **q_environ;
int q_atexit(void (*)(void));
int q_at_quick_exit(void (*)(void));
void q___libc_run_atexit(void);
void q___libc_run_quick_exit(void);
int q_getsubopt(char **, char *const *, char **);
long q_a64l(const char *);
char *q_l64a(long);
char *q_realpath(const char *, char *);
int q_mkstemp(char *);
int q_mkstemps(char *, int);
char *q_mkdtemp(char *);
char *q_mktemp(char *);
void q_free(void *);

static void cmp_int(const char *s, int base)
{
	char *e1 = (char *)s, *e2 = (char *)s; /* glibc leaves them alone for a bad base */
	errno = 0;
	q_errno = 0;
	long a = q_strtol(s, &e1, base);
	int ge = errno;
	long b = strtol(s, &e2, base);
	ge = errno;
	if (base < 0 || base == 1 || base > 36) {
		/* The end pointer is unspecified for a bad base (glibc moves it). */
		CHECK(a == 0 && b == 0 && q_errno == QE_INVAL && ge == EINVAL, "bad base %d", base);
		return;
	}
	CHECK(a == b && e1 == e2 && q_errno == ge,
	      "strtol(\"%s\", %d) = %ld/%ld/%d, glibc %ld/%ld/%d", s, base, a, (long)(e1 - s),
	      q_errno, b, (long)(e2 - s), ge);
	errno = 0;
	q_errno = 0;
	unsigned long ua = q_strtoul(s, &e1, base), ub = strtoul(s, &e2, base);
	CHECK(ua == ub && e1 == e2 && q_errno == errno, "strtoul(\"%s\", %d) = %lu, glibc %lu", s,
	      base, ua, ub);
	errno = 0;
	q_errno = 0;
	long long la = q_strtoll(s, &e1, base), lb = strtoll(s, &e2, base);
	CHECK(la == lb && e1 == e2 && q_errno == errno, "strtoll(\"%s\", %d)", s, base);
	errno = 0;
	q_errno = 0;
	unsigned long long ula = q_strtoull(s, &e1, base), ulb = strtoull(s, &e2, base);
	CHECK(ula == ulb && e1 == e2 && q_errno == errno, "strtoull(\"%s\", %d)", s, base);
	errno = 0;
	q_errno = 0;
	CHECK(q_strtoimax(s, &e1, base) == strtoimax(s, &e2, base) && e1 == e2 && q_errno == errno,
	      "strtoimax");
	errno = 0;
	q_errno = 0;
	CHECK(q_strtoumax(s, &e1, base) == strtoumax(s, &e2, base) && e1 == e2 && q_errno == errno,
	      "strtoumax");
}

static void test_strtol(void)
{
	static const char *fixed[] = {"",
	                              " ",
	                              "0",
	                              "-0",
	                              "+",
	                              "-",
	                              "0x",
	                              "0X",
	                              "0x1g",
	                              "0xg",
	                              "08",
	                              "0b1",
	                              "  \t+42xyz",
	                              "-42",
	                              "2147483647",
	                              "2147483648",
	                              "9223372036854775807",
	                              "9223372036854775808",
	                              "-9223372036854775808",
	                              "-9223372036854775809",
	                              "18446744073709551615",
	                              "18446744073709551616",
	                              "-18446744073709551615",
	                              "-18446744073709551616",
	                              "99999999999999999999999999",
	                              "zz",
	                              "ZZ",
	                              "0777",
	                              "-0x10",
	                              "1e5",
	                              "  +0x",
	                              "0x7fffffffffffffff",
	                              "0xffffffffffffffff"};
	static const int bases[] = {0, 2, 8, 10, 16, 36, 1, 37, -1};
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		for (size_t j = 0; j < sizeof(bases) / sizeof(bases[0]); j++)
			cmp_int(fixed[i], bases[j]);
	char buf[80];
	for (int i = 0; i < 5000; i++) {
		int base = (int)(qt_rand() % 37);
		if (base == 1)
			base = 0;
		int n = (int)(qt_rand() % 25), k = 0;
		if (qt_rand() % 3 == 0)
			buf[k++] = qt_rand() % 2 ? '-' : '+';
		if (qt_rand() % 4 == 0) {
			buf[k++] = '0';
			buf[k++] = 'x';
		}
		for (int j = 0; j < n; j++)
			buf[k++] = "0123456789abcdefghijklmnopqrstuvwxyzABCXYZ"[qt_rand() % 42];
		buf[k] = 0;
		cmp_int(buf, base);
	}
	CHECK(q_atoi(" -17") == -17 && q_atol("123456789012") == 123456789012L, "atoi/atol");
	CHECK(q_abs(-5) == 5 && q_labs(LONG_MIN + 1) == LONG_MAX, "abs");
	ldiv_t d = q_ldiv(-7, 2);
	div_t d2 = q_div(7, -2);
	CHECK(d.quot == -3 && d.rem == -1 && d2.quot == -3 && d2.rem == 1,
	      "div truncates toward 0");
}

static long ncmp;
static int cmp_int_fn(const void *a, const void *b)
{
	ncmp++;
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

struct rec {
	int key;
	char pad[13];
};

static int cmp_rec(const void *a, const void *b, void *arg)
{
	int x = ((const struct rec *)a)->key, y = ((const struct rec *)b)->key;
	(*(long *)arg)++;
	return (x > y) - (x < y);
}

static void test_qsort(void)
{
	static int a[100000], b[100000];
	for (int iter = 0; iter < 300; iter++) {
		size_t n = qt_rand() % (iter < 290 ? 300 : 100000);
		int kind = (int)(qt_rand() % 5);
		for (size_t i = 0; i < n; i++) {
			switch (kind) {
			case 0:
				a[i] = (int)qt_rand();
				break;
			case 1:
				a[i] = (int)i; /* sorted */
				break;
			case 2:
				a[i] = (int)(n - i); /* reversed */
				break;
			case 3:
				a[i] = (int)(qt_rand() % 4); /* many equal keys */
				break;
			default:
				a[i] = (int)(i % 2 ? i : n - i); /* organ pipe */
			}
		}
		memcpy(b, a, n * sizeof(int));
		ncmp = 0;
		q_qsort(a, n, sizeof(int), cmp_int_fn);
		qsort(b, n, sizeof(int), cmp_int_fn);
		CHECK(memcmp(a, b, n * sizeof(int)) == 0, "qsort n=%zu kind=%d", n, kind);
		for (int t = 0; t < 20 && n; t++) {
			int key = a[qt_rand() % n];
			int *r = q_bsearch(&key, a, n, sizeof(int), cmp_int_fn);
			CHECK(r && *r == key, "bsearch finds %d", key);
			key = (int)qt_rand();
			r = q_bsearch(&key, a, n, sizeof(int), cmp_int_fn);
			CHECK((r != NULL) == (bsearch(&key, b, n, sizeof(int), cmp_int_fn) != NULL),
			      "bsearch absent");
		}
	}
	/* No quadratic behaviour: sorted and reversed 100000 elements. */
	for (int kind = 0; kind < 3; kind++) {
		for (int i = 0; i < 100000; i++)
			a[i] = kind == 0 ? i : kind == 1 ? 100000 - i : 7;
		ncmp = 0;
		q_qsort(a, 100000, sizeof(int), cmp_int_fn);
		CHECK(ncmp < 100000L * 17 * 3, "qsort comparisons %ld on pattern %d", ncmp, kind);
	}
	/* Odd element size through qsort_r. */
	static struct rec r[5000];
	for (int i = 0; i < 5000; i++)
		r[i].key = (int)(qt_rand() % 1000);
	long c = 0;
	q_qsort_r(r, 5000, sizeof(struct rec), cmp_rec, &c);
	int ok = 1;
	for (int i = 1; i < 5000; i++)
		ok &= r[i - 1].key <= r[i].key;
	CHECK(ok && c > 0, "qsort_r with 16-byte records");
}

static void test_rand48(void)
{
	q_srand48(12345);
	srand48(12345);
	for (int i = 0; i < 1000; i++) {
		CHECK(q_lrand48() == lrand48(), "lrand48");
		CHECK(q_mrand48() == mrand48(), "mrand48");
		CHECK(q_drand48() == drand48(), "drand48");
	}
	unsigned short x1[3] = {1, 2, 3}, x2[3] = {1, 2, 3};
	for (int i = 0; i < 300; i++) {
		CHECK(q_nrand48(x1) == nrand48(x2), "nrand48");
		CHECK(q_jrand48(x1) == jrand48(x2), "jrand48");
		CHECK(q_erand48(x1) == erand48(x2), "erand48");
	}
	unsigned short s[3] = {0x1234, 0x5678, 0x9abc};
	q_seed48(s);
	seed48(s);
	CHECK(q_lrand48() == lrand48(), "seed48");
	unsigned short p[7] = {1, 2, 3, 5, 0, 0, 7};
	q_lcong48(p);
	lcong48(p);
	for (int i = 0; i < 100; i++)
		CHECK(q_mrand48() == mrand48(), "lcong48");

	q_srand(7);
	int r1 = q_rand(), r2 = q_rand();
	q_srand(7);
	CHECK(q_rand() == r1 && q_rand() == r2, "srand repeats");
	unsigned seed = 1;
	int inrange = 1;
	for (int i = 0; i < 10000; i++) {
		int v = q_rand();
		inrange &= v >= 0 && v <= RAND_MAX;
		v = q_rand_r(&seed);
		inrange &= v >= 0 && v <= RAND_MAX;
		long w = q_random();
		inrange &= w >= 0 && w <= 0x7fffffff;
	}
	CHECK(inrange, "rand ranges");
	static char st1[256], st2[64];
	q_initstate(5, st1, sizeof(st1));
	long v1 = q_random();
	char *old = q_initstate(9, st2, sizeof(st2));
	q_random();
	q_setstate(old);
	long v2 = q_random();
	q_initstate(5, st1, sizeof(st1));
	CHECK(q_random() == v1 && v2 != v1, "initstate/setstate");
}

static int order[64], norder;
static void h1(void)
{
	order[norder++] = 1;
}
static void h2(void)
{
	order[norder++] = 2;
	q_atexit(h1); /* registered while running: runs too */
}
static void h3(void)
{
	order[norder++] = 3;
}

static void test_env_atexit(void)
{
	char *env0[] = {"A=1", "PATH=/bin", "B=", NULL};
	q_environ = env0;
	CHECK(q_getenv("A") && strcmp(q_getenv("A"), "1") == 0, "getenv A");
	CHECK(q_getenv("B") && *q_getenv("B") == 0, "getenv empty");
	CHECK(q_getenv("C") == NULL && q_getenv("A=") == NULL, "getenv missing");
	CHECK(q_setenv("A", "2", 0) == 0 && strcmp(q_getenv("A"), "1") == 0, "setenv no overwrite");
	CHECK(q_setenv("A", "3", 1) == 0 && strcmp(q_getenv("A"), "3") == 0, "setenv overwrite");
	CHECK(strcmp(env0[0], "A=1") == 0, "original environ untouched");
	for (int i = 0; i < 200; i++) {
		char name[16], val[16];
		snprintf(name, sizeof(name), "V%d", i);
		snprintf(val, sizeof(val), "%d", i * 7);
		q_setenv(name, val, 1);
		q_setenv(name, val, 1);
	}
	CHECK(strcmp(q_getenv("V150"), "1050") == 0, "many setenv");
	CHECK(q_setenv("", "x", 1) == -1 && q_errno == QE_INVAL, "setenv empty name");
	CHECK(q_setenv("X=Y", "x", 1) == -1 && q_errno == QE_INVAL, "setenv name with =");
	CHECK(q_unsetenv("V10") == 0 && q_getenv("V10") == NULL, "unsetenv");
	static char put[] = "P=q";
	CHECK(q_putenv(put) == 0 && q_getenv("P") == put + 2, "putenv uses the string");
	put[2] = 'z';
	CHECK(strcmp(q_getenv("P"), "z") == 0, "putenv string is live");
	CHECK(q_clearenv() == 0 && q_getenv("PATH") == NULL && q_environ == NULL, "clearenv");
	CHECK(q_setenv("N", "1", 0) == 0 && strcmp(q_environ[0], "N=1") == 0, "setenv after clear");
	q_clearenv();

	for (int i = 0; i < 40; i++) /* more than one block */
		q_atexit(h3);
	q_atexit(h1);
	q_atexit(h2);
	q___libc_run_atexit();
	CHECK(norder == 43 && order[0] == 2 && order[1] == 1 && order[2] == 1 && order[3] == 3,
	      "atexit order: %d %d %d %d (%d)", order[0], order[1], order[2], order[3], norder);
	norder = 0;
	q_at_quick_exit(h3);
	q_at_quick_exit(h1);
	q___libc_run_quick_exit();
	CHECK(norder == 2 && order[0] == 1 && order[1] == 3, "at_quick_exit order");
}

static void test_misc(void)
{
	char *keys[] = {"ro", "rw", "size", NULL};
	char opts1[] = "ro,size=512,bogus,rw=,", opts2[] = "ro,size=512,bogus,rw=,";
	char *p1 = opts1, *p2 = opts2, *v1, *v2;
	while (*p1 || *p2) {
		int a = q_getsubopt(&p1, keys, &v1), b = getsubopt(&p2, keys, &v2);
		CHECK(a == b && (v1 == NULL) == (v2 == NULL) && (!v1 || strcmp(v1, v2) == 0),
		      "getsubopt %d %d", a, b);
		if (!*p1 || !*p2)
			break;
	}
	for (int i = 0; i < 1000; i++) {
		long v = (long)(uint32_t)qt_rand();
		if (i < 5)
			v = i;
		char s1[8], s2[8];
		strcpy(s1, q_l64a(v));
		strcpy(s2, l64a(v));
		CHECK(strcmp(s1, s2) == 0, "l64a(%ld) %s %s", v, s1, s2);
		/* POSIX sign-extends the 32-bit result; glibc does not. */
		CHECK(q_a64l(s1) == (long)(int32_t)a64l(s2), "a64l(%s)", s1);
	}

	/* realpath against glibc on real directories and symlinks. */
	char dir[] = "/tmp/qlibc-rpXXXXXX";
	CHECK(mkdtemp(dir) != NULL, "mkdtemp (glibc)");
	char path[512], want[4096], got[4096];
	snprintf(path, sizeof(path), "%s/a", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/a/b", dir);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/link", dir);
	symlink("a/b", path);
	snprintf(path, sizeof(path), "%s/abs", dir);
	symlink(dir, path);
	snprintf(path, sizeof(path), "%s/loop", dir);
	symlink("loop", path);
	const char *rel[] = {"",           "/.",          "/a/b/..",     "/link",
	                     "/link/../b", "/abs/link/.", "/a/./b//",    "/nonexist",
	                     "/link/x",    "/loop",       "/a/b/../../a"};
	for (size_t i = 0; i < sizeof(rel) / sizeof(rel[0]); i++) {
		snprintf(path, sizeof(path), "%s%s", dir, rel[i]);
		errno = 0;
		q_errno = 0;
		char *r1 = q_realpath(path, got), *r2 = realpath(path, want);
		CHECK((r1 == NULL) == (r2 == NULL) && (!r1 || strcmp(got, want) == 0) &&
		              (r1 || q_errno == (errno == ELOOP ? 90 : errno)),
		      "realpath(%s): %s vs %s (%d/%d)", rel[i], r1 ? got : "NULL",
		      r2 ? want : "NULL", q_errno, errno);
	}
	char *m = q_realpath(".", NULL);
	CHECK(m && getcwd(want, sizeof(want)) && strcmp(m, want) == 0, "realpath malloc");
	q_free(m);

	/* mkstemp family. */
	char t1[600];
	snprintf(t1, sizeof(t1), "%s/fileXXXXXX", dir);
	int fd = q_mkstemp(t1);
	struct stat st;
	CHECK(fd >= 0 && strstr(t1, "XXXXXX") == NULL && fstat(fd, &st) == 0 &&
	              (st.st_mode & 0777) == 0600,
	      "mkstemp %s", t1);
	close(fd);
	snprintf(t1, sizeof(t1), "%s/fileXXXXXX.txt", dir);
	fd = q_mkstemps(t1, 4);
	CHECK(fd >= 0 && strcmp(t1 + strlen(t1) - 4, ".txt") == 0, "mkstemps");
	close(fd);
	snprintf(t1, sizeof(t1), "%s/bad", dir);
	CHECK(q_mkstemp(t1) == -1 && q_errno == QE_INVAL, "mkstemp bad template");
	snprintf(t1, sizeof(t1), "%s/dXXXXXX", dir);
	CHECK(q_mkdtemp(t1) == t1 && stat(t1, &st) == 0 && S_ISDIR(st.st_mode), "mkdtemp");
	snprintf(t1, sizeof(t1), "%s/tXXXXXX", dir);
	CHECK(*q_mktemp(t1) && access(t1, F_OK) != 0, "mktemp");
	char cmd[700];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	CHECK(system(cmd) == 0, "cleanup");
}

int main(void)
{
	test_strtol();
	test_qsort();
	test_rand48();
	test_env_atexit();
	test_misc();
	return qt_done("libc-stdlib");
}
