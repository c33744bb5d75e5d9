/*
 * test_malloc.c - QSOE's allocator under a randomised stress with every
 * byte checked, alignment requests, absurd sizes, memory returned to the
 * system, concurrent threads, and the heap-error aborts (each in a child
 * process whose stderr and termination signal are checked).
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "qtest.h"

void *q_malloc(size_t);
void *q_calloc(size_t, size_t);
void *q_realloc(void *, size_t);
void *q_reallocarray(void *, size_t, size_t);
void q_free(void *);
void *q_aligned_alloc(size_t, size_t);
int q_posix_memalign(void **, size_t, size_t);
void *q_memalign(size_t, size_t);
void *q_valloc(size_t);
size_t q_malloc_usable_size(void *);
int q_malloc_trim(size_t);
char *q_strdup(const char *);
extern long seam_mapped_bytes, seam_mmap_limit;

#define SLOTS 2000

struct slot {
	unsigned char *p;
	size_t n;
	unsigned tag;
};

static void fillp(struct slot *s)
{
	for (size_t i = 0; i < s->n; i++)
		s->p[i] = (unsigned char)(s->tag + i * 31);
}

static int checkp(const struct slot *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->p[i] != (unsigned char)(s->tag + i * 31))
			return 0;
	return 1;
}

static size_t rand_size(void)
{
	unsigned r = (unsigned)(qt_rand() % 100);
	if (r < 60)
		return qt_rand() % 129;
	if (r < 90)
		return qt_rand() % 4097;
	if (r < 99)
		return qt_rand() % 40000;
	return qt_rand() % 300000;
}

static void stress(void)
{
	static struct slot s[SLOTS];
	long ops = 0, bad = 0;

	for (int iter = 0; iter < 120000; iter++) {
		struct slot *x = &s[qt_rand() % SLOTS];
		int op = (int)(qt_rand() % 10);
		if (x->p && op >= 4 && !checkp(x)) /* every byte is checked before its free */
			bad++;
		if (!x->p) {
			x->n = rand_size();
			x->tag = (unsigned)qt_rand();
			switch (op % 4) {
			case 0:
				x->p = q_calloc(1, x->n);
				for (size_t i = 0; i < x->n; i++)
					if (x->p[i])
						bad++;
				break;
			case 1: {
				size_t al = (size_t)1 << (qt_rand() % 14);
				if (al < sizeof(void *))
					al = sizeof(void *);
				void *p = NULL;
				if (q_posix_memalign(&p, al, x->n) || ((uintptr_t)p & (al - 1)))
					bad++;
				x->p = p;
				break;
			}
			case 2: {
				size_t al = (size_t)1 << (qt_rand() % 17);
				x->p = q_aligned_alloc(al, x->n);
				if ((uintptr_t)x->p & (al - 1))
					bad++;
				break;
			}
			default:
				x->p = q_malloc(x->n);
				if ((uintptr_t)x->p & 15)
					bad++;
			}
			if (!x->p)
				bad++;
			else if (q_malloc_usable_size(x->p) != x->n)
				bad++;
			fillp(x);
		} else if (op < 4) {
			/* realloc, keeping the old prefix */
			size_t n = rand_size();
			unsigned char *p = q_realloc(x->p, n);
			if (n == 0) {
				if (p)
					bad++;
				x->p = NULL;
				continue;
			}
			if (!p) {
				bad++;
				continue;
			}
			size_t keep = n < x->n ? n : x->n;
			for (size_t i = 0; i < keep; i++)
				if (p[i] != (unsigned char)(x->tag + i * 31))
					bad++;
			x->p = p;
			x->n = n;
			fillp(x);
		} else {
			q_free(x->p);
			x->p = NULL;
		}
		ops++;
	}
	for (int i = 0; i < SLOTS; i++) {
		if (s[i].p && !checkp(&s[i]))
			bad++;
		q_free(s[i].p);
		s[i].p = NULL;
	}
	CHECK(bad == 0, "stress: %ld bad bytes/results in %ld operations", bad, ops);
	q_malloc_trim(0);
	/* Only the registry table may stay mapped. */
	CHECK(seam_mapped_bytes <= 256 * 1024, "memory returned: %ld bytes still mapped",
	      seam_mapped_bytes);
}

static void edges(void)
{
	void *p;
	q_errno = 0;
	CHECK(q_malloc(SIZE_MAX) == NULL && q_errno == QE_NOMEM, "malloc(SIZE_MAX)");
	q_errno = 0;
	CHECK(q_malloc(SIZE_MAX / 2) == NULL && q_errno == QE_NOMEM, "malloc(SIZE_MAX/2)");
	q_errno = 0;
	CHECK(q_calloc(SIZE_MAX / 2, 3) == NULL && q_errno == QE_NOMEM, "calloc overflow");
	q_errno = 0;
	CHECK(q_calloc((size_t)1 << 33, (size_t)1 << 33) == NULL && q_errno == QE_NOMEM,
	      "calloc overflow 2^66");
	CHECK(q_reallocarray(NULL, SIZE_MAX, 2) == NULL && q_errno == QE_NOMEM, "reallocarray");
	char *s = q_strdup("keep me");
	q_errno = 0;
	CHECK(q_realloc(s, SIZE_MAX - 8) == NULL && q_errno == QE_NOMEM && !strcmp(s, "keep me"),
	      "realloc failure keeps the block");
	q_free(s);
	CHECK(q_posix_memalign(&p, 24, 10) == QE_INVAL, "posix_memalign(24)");
	CHECK(q_posix_memalign(&p, 4, 10) == QE_INVAL, "posix_memalign(4)");
	q_errno = 0;
	CHECK(q_aligned_alloc(3, 10) == NULL && q_errno == QE_INVAL, "aligned_alloc(3)");
	p = q_valloc(100);
	CHECK(p && ((uintptr_t)p & 4095) == 0, "valloc");
	q_free(p);
	p = q_memalign(1 << 20, 10);
	CHECK(p && ((uintptr_t)p & ((1 << 20) - 1)) == 0, "memalign 1 MiB");
	q_free(p);
	void *z = q_malloc(0), *z2 = q_malloc(0);
	CHECK(z && z2 && z != z2, "malloc(0) unique");
	q_free(z);
	q_free(z2);
	q_free(NULL);
	CHECK(q_realloc(NULL, 10) != NULL, "realloc(NULL)");

	/* The OS refusing memory: ENOMEM, no crash. */
	q_malloc_trim(0);
	seam_mmap_limit = seam_mapped_bytes + 100000;
	void *big = q_malloc(1 << 20);
	CHECK(big == NULL && q_errno == QE_NOMEM, "malloc when mmap fails");
	int n = 0;
	void *v[3000];
	for (; n < 3000; n++)
		if (!(v[n] = q_malloc(1000)))
			break;
	CHECK(n < 3000 && q_errno == QE_NOMEM, "small mallocs stop with ENOMEM (%d)", n);
	seam_mmap_limit = 0;
	while (n--)
		q_free(v[n]);
}

/* Run fn in a child; expect death by SIGABRT with msg on stderr. */
static void expect_abort(const char *name, void (*fn)(void), const char *msg)
{
	int fds[2];
	if (pipe(fds))
		return;
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fds[1], 2);
		close(fds[0]);
		signal(SIGABRT, SIG_DFL);
		fn();
		_exit(0);
	}
	close(fds[1]);
	char buf[512] = {0};
	size_t got = 0;
	ssize_t r;
	while (got < sizeof(buf) - 1 && (r = read(fds[0], buf + got, sizeof(buf) - 1 - got)) > 0)
		got += (size_t)r;
	close(fds[0]);
	int st = 0;
	waitpid(pid, &st, 0);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGABRT && strstr(buf, msg) != NULL,
	      "%s: status %#x, stderr '%s', want '%s'", name, st, buf, msg);
}

static void do_double_free(void)
{
	void *p = q_malloc(40);
	q_free(p);
	q_free(p);
}

static void do_double_free_large(void)
{
	void *p = q_malloc(1 << 20);
	q_free(p);
	q_free(p);
}

static void do_overflow(void)
{
	char *p = q_malloc(20);
	p[20] = 'x';
	q_free(p);
}

static void do_header(void)
{
	char *a = q_malloc(24), *b = q_malloc(24);
	/* Overflow a far enough to reach b's header (chunks of 48 bytes). */
	memset(a, 'x', (size_t)(b - a));
	q_free(b);
}

static void do_invalid(void)
{
	int local;
	q_free(&local + 4);
}

static void do_interior(void)
{
	char *p = q_malloc(100);
	q_free(p + 16);
}

static void errors(void)
{
	char expect[64];
	(void)expect;
	expect_abort("double free", do_double_free, "malloc: double free of 0x");
	expect_abort("double free large", do_double_free_large, "malloc: double free of 0x");
	expect_abort("overflow", do_overflow, "malloc: buffer overflow past the end of 0x");
	expect_abort("header", do_header, "malloc: header overwritten");
	expect_abort("invalid", do_invalid, "malloc: free of invalid pointer 0x");
	expect_abort("interior", do_interior, "malloc: ");
}

static void *worker(void *arg)
{
	uint64_t seed = (uint64_t)(uintptr_t)arg * 0x9e3779b97f4a7c15ULL + 1;
	void *keep[64] = {0};
	long bad = 0;
	for (int i = 0; i < 30000; i++) {
		seed = seed * 6364136223846793005ULL + 1;
		int k = (int)(seed >> 58);
		if (keep[k]) {
			if (*(uint64_t *)keep[k] != (uint64_t)(uintptr_t)keep[k])
				bad++;
			q_free(keep[k]);
			keep[k] = NULL;
		} else {
			size_t n = 8 + (seed >> 40) % 3000;
			keep[k] = q_malloc(n);
			*(uint64_t *)keep[k] = (uint64_t)(uintptr_t)keep[k];
		}
	}
	for (int k = 0; k < 64; k++)
		q_free(keep[k]);
	return (void *)bad;
}

static void threads(void)
{
	pthread_t t[4];
	long bad = 0;
	for (long i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < 4; i++) {
		void *r;
		pthread_join(t[i], &r);
		bad += (long)r;
	}
	CHECK(bad == 0, "threads: %ld corrupted blocks", bad);
}

int main(void)
{
	stress();
	edges();
	errors();
	threads();
	return qt_done("libc-malloc");
}
