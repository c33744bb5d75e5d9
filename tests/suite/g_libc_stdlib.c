/*
 * g_libc_stdlib.c - group "libc_stdlib": stdlib.h inside QSOE: number
 * conversions (strtol family with errno, strtod exactly rounded, long
 * double), qsort/bsearch, the environment, malloc (many sizes, contents
 * kept, memory returned, absurd sizes), rand/random/drand48 sequences,
 * abs/div, realpath, mkstemp, atexit in a child, getentropy, setjmp, and
 * <search.h> (tsearch, hsearch) with the program name.
 */
#include <limits.h>
#include <math.h>
#include <search.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "suite.h"

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

static void conversions(void)
{
	char *end;

	errno = 0;
	CHECK(strtol("  -0x7fffffffffffffff", &end, 0) == -LONG_MAX && *end == 0 && errno == 0,
	      "strtol hex, base 0");
	errno = 0;
	CHECK(strtol("9223372036854775808", &end, 10) == LONG_MAX && errno == ERANGE,
	      "strtol overflow: LONG_MAX, ERANGE");
	errno = 0;
	CHECK(strtoul("-1", NULL, 10) == ULONG_MAX && errno == 0, "strtoul(-1) wraps");
	CHECK(strtoull("zz", &end, 36) == 35 * 36 + 35 && *end == 0, "base 36");
	CHECK(strtol("0x", &end, 16) == 0 && *end == 'x', "\"0x\" converts only the 0");
	errno = 0;
	CHECK(strtol("12", NULL, 1) == 0 && errno == EINVAL, "base 1: EINVAL");
	CHECK(atoi("  42abc") == 42 && atol("-7") == -7 && atoll("123456789012") == 123456789012LL,
	      "atoi/atol/atoll");

	/* strtod: exact results fixed by IEEE 754 */
	CHECK(strtod("0.1", NULL) == 0x1.999999999999ap-4, "strtod(0.1)");
	CHECK(strtod("2.2250738585072011e-308", NULL) == 0x0.fffffffffffffp-1022,
	      "strtod of the hard subnormal boundary");
	CHECK(strtod("9007199254740993", NULL) == 9007199254740992.0,
	      "a halfway point rounds to even");
	CHECK(strtod("9007199254740993.00000000000000000000000001", NULL) == 9007199254740994.0,
	      "just above a halfway point rounds up");
	CHECK(strtod("0x1.8p1", &end) == 3.0 && *end == 0, "hexadecimal floating input");
	errno = 0;
	CHECK(strtod("1e400", NULL) == HUGE_VAL && errno == ERANGE, "overflow: HUGE_VAL, ERANGE");
	errno = 0;
	CHECK(strtod("4e-324", NULL) == 0x1p-1074, "the smallest subnormal");
	CHECK(strtod("inf", NULL) == HUGE_VAL && strtod("-Infinity", NULL) == -HUGE_VAL, "inf");
	double nan = strtod("nan", &end);
	CHECK(nan != nan && *end == 0, "nan");
	CHECK(strtof("16777217", NULL) == 16777216.0f, "strtof rounds to even");
	CHECK(strtold("0.1", NULL) == 0.1L && strtold("0.1", NULL) != 0.1,
	      "strtold is more precise than double");
	/* a 5000-digit number: no crash, the right value */
	char *big = malloc(5003);
	if (big) {
		memset(big, '0', 5002);
		big[0] = '0';
		big[1] = '.';
		big[5001] = '5';
		big[5002] = 0;
		errno = 0;
		double v = strtod(big, &end);
		CHECK(v == 0 && errno == ERANGE && *end == 0,
		      "5e-5000 (5000 digits) underflows to 0");
		big[0] = '5';
		big[1] = '0';
		errno = 0;
		v = strtod(big, &end);
		CHECK(v == HUGE_VAL && errno == ERANGE && *end == 0,
		      "5000-digit integer overflows");
		free(big);
	}
}

static void sorting(void)
{
	enum { N = 5000 };
	int *a = malloc(N * sizeof(int));
	if (!a) {
		CHECK(0, "malloc for qsort");
		return;
	}
	srand(7);
	for (int i = 0; i < N; i++)
		a[i] = rand() % 1000;
	qsort(a, N, sizeof(int), cmp_int);
	int sorted = 1;
	for (int i = 1; i < N; i++)
		sorted &= a[i - 1] <= a[i];
	CHECK(sorted, "qsort sorts 5000 ints");
	int key = a[N / 2];
	int *hit = bsearch(&key, a, N, sizeof(int), cmp_int);
	CHECK(hit && *hit == key, "bsearch finds a present key");
	key = 1000;
	CHECK(bsearch(&key, a, N, sizeof(int), cmp_int) == NULL, "bsearch of an absent key");
	free(a);
}

static void environment(void)
{
	CHECK_OK(setenv("SUITE_VAR", "one", 1));
	CHECK(getenv("SUITE_VAR") && strcmp(getenv("SUITE_VAR"), "one") == 0, "setenv/getenv");
	CHECK_OK(setenv("SUITE_VAR", "two", 0));
	CHECK(strcmp(getenv("SUITE_VAR"), "one") == 0, "setenv without overwrite keeps it");
	static char pe[] = "SUITE_VAR=three";
	CHECK_OK(putenv(pe));
	CHECK(strcmp(getenv("SUITE_VAR"), "three") == 0, "putenv");
	CHECK_OK(unsetenv("SUITE_VAR"));
	CHECK(getenv("SUITE_VAR") == NULL, "unsetenv");
	CHECK_ERR(setenv("A=B", "x", 1), -1, EINVAL);
	CHECK_ERR(setenv("", "x", 1), -1, EINVAL);
}

static void memory(void)
{
	enum { N = 2000 };
	static unsigned char *p[N];
	static size_t sz[N];
	int bad = 0;
	uint32_t x = 12345;

	for (int round = 0; round < 3; round++) {
		for (int i = 0; i < N; i++) {
			x = x * 1103515245 + 12345;
			sz[i] = (x >> 8) % (i % 50 == 0 ? 70000 : 300) + 1;
			p[i] = malloc(sz[i]);
			if (!p[i]) {
				bad++;
				continue;
			}
			memset(p[i], (int)(i + round), sz[i]);
		}
		for (int i = 0; i < N; i += 2) {
			unsigned char *q = p[i] ? realloc(p[i], sz[i] * 2) : NULL;
			if (q) {
				p[i] = q;
				memset(q + sz[i], (int)(i + round), sz[i]);
				sz[i] *= 2;
			}
		}
		for (int i = 0; i < N; i++) {
			for (size_t j = 0; p[i] && j < sz[i]; j++)
				if (p[i][j] != (unsigned char)(i + round)) {
					bad++;
					break;
				}
			free(p[i]);
		}
	}
	CHECK(bad == 0, "malloc/realloc keep every byte (%d blocks wrong)", bad);
	void *al = aligned_alloc(4096, 8192);
	CHECK(al && ((uintptr_t)al & 4095) == 0, "aligned_alloc(4096)");
	free(al);
	void *pm = NULL;
	CHECK(posix_memalign(&pm, 3, 10) == EINVAL, "posix_memalign with a bad alignment");
	errno = 0;
	CHECK(malloc(SIZE_MAX - 100) == NULL && errno == ENOMEM, "an absurd malloc: NULL, ENOMEM");
	errno = 0;
	CHECK(calloc(SIZE_MAX / 2, 4) == NULL && errno == ENOMEM, "calloc overflow: NULL, ENOMEM");
	unsigned char *z = calloc(1000, 100);
	int nz = 0;
	for (int i = 0; z && i < 100000; i++)
		nz += z[i] != 0;
	CHECK(z && nz == 0, "calloc gives zeros");
	free(z);
	/* a large block is given back to the system and can be had again */
	for (int i = 0; i < 8; i++) {
		void *b = malloc(32 << 20);
		if (!b) {
			CHECK(0, "32 MiB block %d (memory not returned?)", i);
			break;
		}
		memset(b, 1, 32 << 20);
		free(b);
	}
}

static void numbers(void)
{
	CHECK(abs(-5) == 5 && labs(-5L) == 5 && llabs(-5LL) == 5, "abs family");
	div_t d = div(-7, 2);
	CHECK(d.quot == -3 && d.rem == -1, "div truncates toward zero");
	ldiv_t ld = ldiv(7, -2);
	CHECK(ld.quot == -3 && ld.rem == 1, "ldiv");
	srand(1);
	int r1 = rand(), r2 = rand();
	srand(1);
	CHECK(rand() == r1 && rand() == r2, "srand repeats the sequence");
	CHECK(RAND_MAX >= 32767 && r1 >= 0 && r1 <= RAND_MAX, "rand in range");
	srandom(5);
	long a = random();
	srandom(5);
	CHECK(random() == a && a >= 0 && a <= 0x7fffffff, "srandom/random");
	srand48(1);
	double e = drand48();
	CHECK(e >= 0.0 && e < 1.0, "drand48 in [0, 1)");
	unsigned char ent[64], ent2[64];
	memset(ent, 0, sizeof(ent));
	memset(ent2, 0, sizeof(ent2));
	CHECK(getentropy(ent, sizeof(ent)) == 0 && getentropy(ent2, sizeof(ent2)) == 0 &&
	              memcmp(ent, ent2, sizeof(ent)) != 0,
	      "getentropy gives different bytes each time");
	CHECK_ERR(getentropy(ent, 257), -1, EINVAL);
}

static jmp_buf jb;
static void jump(int v)
{
	longjmp(jb, v);
}

static int walked;
static void walker(const void *node, VISIT v, int depth)
{
	(void)depth;
	if (v == postorder || v == leaf)
		walked += **(int *const *)node;
}

static void misc(void)
{
	char rp[PATH_MAX];
	CHECK(realpath("/bin/../bin/./suite", rp) && strcmp(rp, "/bin/suite") == 0,
	      "realpath resolves . and .. (%s)", rp);
	CHECK(realpath("/no/such/file", rp) == NULL && errno == ENOENT,
	      "realpath of a missing file");
	if (access("/tmp", W_OK) == 0) {
		char tmpl[] = "/tmp/suiteXXXXXX";
		int fd = mkstemp(tmpl);
		CHECK(fd >= 0 && strncmp(tmpl, "/tmp/suite", 10) == 0 && strchr(tmpl, 'X') == NULL,
		      "mkstemp (%s)", tmpl);
		struct stat st;
		CHECK(fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		              (st.st_mode & 0777) == 0600,
		      "mkstemp makes a 0600 file");
		if (fd >= 0) {
			close(fd);
			unlink(tmpl);
		}
		char bad[] = "/tmp/suiteXX";
		CHECK_ERR(mkstemp(bad), -1, EINVAL);
	} else {
		suite_note("no writable /tmp: mkstemp not tested");
	}

	volatile int count = 0;
	int v = setjmp(jb);
	count++;
	if (v == 0)
		jump(0);
	CHECK(v == 1 && count == 2, "longjmp(0) returns 1 from setjmp (%d, %d)", v, count);

	/* atexit handlers run in reverse order at exit: in a child */
	int pid = suite_spawn_child((const char *[]){"atexit", NULL});
	int st = pid > 0 ? suite_wait(pid) : -1;
	CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 21,
	      "atexit handlers run last-registered first (status %#x)", st);

	/* search.h */
	static int keys[100];
	void *root = NULL;
	int sum = 0;
	for (int i = 0; i < 100; i++) {
		keys[i] = (i * 37) % 100;
		sum += keys[i];
		tsearch(&keys[i], &root, cmp_int);
	}
	walked = 0;
	twalk(root, walker);
	CHECK(walked == sum, "twalk visits every tsearch key once (%d of %d)", walked, sum);
	int k = 42;
	CHECK(tfind(&k, &root, cmp_int) && **(int **)tfind(&k, &root, cmp_int) == 42, "tfind");
	CHECK(tdelete(&k, &root, cmp_int) != NULL && tfind(&k, &root, cmp_int) == NULL, "tdelete");
	tdestroy(root, NULL);
	CHECK(hcreate(4), "hcreate");
	char names[300][8];
	int ok = 1;
	for (int i = 0; i < 300; i++) {
		snprintf(names[i], sizeof(names[i]), "k%d", i);
		ok &= hsearch((ENTRY){names[i], (void *)(intptr_t)i}, ENTER) != NULL;
	}
	ENTRY *e = hsearch((ENTRY){"k250", NULL}, FIND);
	CHECK(ok && e && (intptr_t)e->data == 250, "hsearch past the size hint");
	hdestroy();
	CHECK(strcmp(getprogname(), "suite") == 0, "getprogname from argv[0] (%s)", getprogname());
}

SUITE_GROUP(libc_stdlib)
{
	conversions();
	sorting();
	environment();
	memory();
	numbers();
	misc();
}
