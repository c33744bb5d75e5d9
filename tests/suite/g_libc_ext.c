/*
 * g_libc_ext.c - group "libc_ext": the interfaces ports expect beyond the
 * core headers, inside QSOE: select/pselect/ppoll over real pipes,
 * getrandom/arc4random, <uchar.h>, <stdio_ext.h>, strverscmp, madvise,
 * daemon (in a child), and the documented failures of what QSOE lacks
 * (pseudo-terminals, load averages, fork).
 */
#include <fcntl.h>
#include <iconv.h>
#include <libintl.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <termios.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/random.h>
#include <sys/select.h>
#include <sys/wait.h>
#include <threads.h>
#include <uchar.h>
#include <ucontext.h>
#include <wchar.h>
#include <unistd.h>
#include "suite.h"

static void multiplexing(void)
{
	int p[2];
	if (pipe(p) != 0) {
		suite_note("no pipes (errno %d): select not tested", errno);
		return;
	}
	fd_set rd, wr;
	FD_ZERO(&rd);
	FD_ZERO(&wr);
	FD_SET(p[0], &rd);
	FD_SET(p[1], &wr);
	int n = p[0] > p[1] ? p[0] + 1 : p[1] + 1;
	struct timeval tv = {0, 0};
	CHECK(select(n, &rd, &wr, NULL, &tv) == 1 && !FD_ISSET(p[0], &rd) && FD_ISSET(p[1], &wr),
	      "an empty pipe: only the write end is ready");
	CHECK_EQ(write(p[1], "x", 1), 1);
	FD_SET(p[0], &rd);
	FD_ZERO(&wr);
	CHECK(select(n, &rd, &wr, NULL, NULL) == 1 && FD_ISSET(p[0], &rd),
	      "after a write the read end is ready");
	char c;
	CHECK_EQ(read(p[0], &c, 1), 1);
	FD_SET(p[0], &rd);
	tv.tv_usec = 50000;
	unsigned long long t0 = suite_now_ns();
	CHECK(select(n, &rd, NULL, NULL, &tv) == 0 && !FD_ISSET(p[0], &rd),
	      "a timeout returns 0 and clears the set");
	unsigned long long ms = (suite_now_ns() - t0) / 1000000;
	CHECK(ms >= 50 && ms < 2000, "select waited 50 ms (%llu)", ms);
	struct timespec ts = {0, 20000000};
	sigset_t mask;
	sigemptyset(&mask);
	FD_SET(p[0], &rd);
	CHECK(pselect(n, &rd, NULL, NULL, &ts, &mask) == 0, "pselect times out");
	struct pollfd pf = {p[0], POLLIN, 0};
	CHECK(ppoll(&pf, 1, &ts, NULL) == 0, "ppoll times out");
	close(p[1]);
	FD_SET(p[0], &rd);
	CHECK(select(p[0] + 1, &rd, NULL, NULL, NULL) == 1 && FD_ISSET(p[0], &rd),
	      "end of file is readable");
	close(p[0]);
	FD_ZERO(&rd);
	FD_SET(p[0], &rd);
	CHECK_ERR(select(p[0] + 1, &rd, NULL, NULL, NULL), -1, EBADF);
	CHECK_ERR(select(FD_SETSIZE + 1, NULL, NULL, NULL, &tv), -1, EINVAL);
	tv.tv_usec = 2000000;
	CHECK_ERR(select(0, NULL, NULL, NULL, &tv), -1, EINVAL);
}

static void record_locks(int fd, const char *path);
static void lock_ranges(int fd, const char *path);

static int by_version(const void *a, const void *b)
{
	return strverscmp(*(char *const *)a, *(char *const *)b);
}

static void extras(void)
{
	unsigned char a[300], b[300];
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	CHECK(getrandom(a, sizeof(a), 0) == (ssize_t)sizeof(a) &&
	              getrandom(b, sizeof(b), GRND_NONBLOCK) == (ssize_t)sizeof(b) &&
	              memcmp(a, b, sizeof(a)) != 0,
	      "getrandom");
	CHECK_ERR(getrandom(a, 1, 0x100), -1, EINVAL);
	int seen[10] = {0}, out = 0;
	for (int i = 0; i < 2000; i++) {
		uint32_t v = arc4random_uniform(10);
		if (v < 10)
			seen[v]++;
		else
			out++;
	}
	int all = 1;
	for (int i = 0; i < 10; i++)
		all &= seen[i] > 100;
	CHECK(out == 0 && all, "arc4random_uniform(10) covers 0..9 evenly");
	CHECK(arc4random() != arc4random() || arc4random() != arc4random(), "arc4random varies");

	mbstate_t st;
	memset(&st, 0, sizeof(st));
	char16_t u16[2];
	char32_t u32;
	setlocale(LC_CTYPE, "C.UTF-8");
	CHECK(mbrtoc32(&u32, "\xf0\x9f\x98\x80", 4, &st) == 4 && u32 == 0x1f600, "mbrtoc32");
	CHECK(mbrtoc16(&u16[0], "\xf0\x9f\x98\x80", 4, &st) == 4 &&
	              mbrtoc16(&u16[1], "", 0, &st) == (size_t)-3 && u16[0] == 0xd83d &&
	              u16[1] == 0xde00,
	      "mbrtoc16 gives a surrogate pair");
	char mb[8];
	CHECK(c16rtomb(mb, 0xd83d, &st) == 0 && c16rtomb(mb, 0xde00, &st) == 4 &&
	              memcmp(mb, "\xf0\x9f\x98\x80", 4) == 0,
	      "c16rtomb joins the pair");
	CHECK(c16rtomb(mb, 0xde00, &st) == (size_t)-1 && errno == EILSEQ, "a lone low surrogate");
	memset(&st, 0, sizeof(st));
	CHECK(c32rtomb(mb, 0xe9, &st) == 2 && c32rtomb(mb, 0x110000, &st) == (size_t)-1,
	      "c32rtomb");
	wchar_t w[32];
	CHECK(swprintf(w, 32, L"%d-%ls-%s-\u00e9", 7, L"\u4e00", "x") == 7 &&
	              wcscmp(w, L"7-\u4e00-x-\u00e9") == 0,
	      "swprintf in C.UTF-8");
	int iv = 0;
	CHECK(swscanf(L"  35 rest", L"%d", &iv) == 1 && iv == 35, "swscanf");
	setlocale(LC_CTYPE, "C");
	char sb[8];
	swab("badc", sb, 4);
	CHECK(memcmp(sb, "abcd", 4) == 0, "swab");
	CHECK(strfromd(sb, sizeof(sb), "%.2f", 2.5) == 4 && strcmp(sb, "2.50") == 0, "strfromd");

	FILE *f = fopen("/dev/null", "w");
	if (f) {
		setvbuf(f, NULL, _IOFBF, 512);
		fputs("pending", f);
		CHECK(__fpending(f) == 7 && __fwriting(f) && __fbufsize(f) >= 7 && !__flbf(f),
		      "__fpending %zu, __fwriting %d, __fbufsize %zu, __flbf %d", __fpending(f),
		      __fwriting(f), __fbufsize(f), __flbf(f));
		__fpurge(f);
		CHECK(__fpending(f) == 0, "__fpurge discards output");
		fclose(f);
	}
	char *names[] = {"v1.10", "v1.9", "v1.1", "v10", "v2", "v01", "v001"};
	qsort(names, 7, sizeof(char *), by_version);
	char joined[64] = "";
	for (int i = 0; i < 7; i++) {
		strcat(joined, names[i]);
		strcat(joined, " ");
	}
	CHECK(strcmp(joined, "v001 v01 v1.1 v1.9 v1.10 v2 v10 ") == 0, "version order: %s", joined);

	void *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0);
	if (m != MAP_FAILED) {
		CHECK_OK(madvise(m, 8192, MADV_WILLNEED));
		CHECK_ERR(madvise(m, 8192, 99), -1, EINVAL);
		munmap(m, 8192);
	}
	CHECK(strcmp(gettext("hello"), "hello") == 0 &&
	              strcmp(ngettext("file", "files", 2), "files") == 0 &&
	              strcmp(textdomain("suite"), "suite") == 0 &&
	              strcmp(textdomain(NULL), "suite") == 0,
	      "gettext without catalogs returns the message");
	textdomain("");
	struct winsize ws;
	int tty = isatty(1);
	CHECK(tty ? tcgetwinsize(1, &ws) == 0 : tcgetwinsize(1, &ws) == -1,
	      "tcgetwinsize on standard output (a terminal: %d)", tty);
	int nul = open("/dev/null", O_RDONLY);
	CHECK_ERR(tcgetwinsize(nul, &ws), -1, ENOTTY);
	close(nul);
	if (mkdir("/tmp/suite-flock", 0755) == 0 || errno == EEXIST) {
		int fd = open("/tmp/suite-flock/f", O_RDWR | O_CREAT, 0644);
		CHECK_ERR(flock(fd, 0), -1, EINVAL);
		errno = 0;
		int r = fd >= 0 ? flock(fd, LOCK_EX) : -1;
		if (r == -1 && errno == ENOSYS) {
			/* record locks are the server's (_IO_LOCK); fs-ram has none yet */
			suite_note("/tmp's server has no record locks: flock fails with ENOSYS");
		} else {
			CHECK(r == 0 && flock(fd, LOCK_SH | LOCK_NB) == 0 &&
			              flock(fd, LOCK_UN) == 0,
			      "flock: exclusive, converted to shared, unlocked (errno %d)", errno);
			/* another process cannot take an exclusive lock while we hold one */
			if (fd >= 0 && flock(fd, LOCK_EX) == 0) {
				int pid = suite_spawn_child(
				        (const char *[]){"flock", "/tmp/suite-flock/f", NULL});
				int st = pid > 0 ? suite_wait(pid) : -1;
				CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
				      "a second process gets EWOULDBLOCK (status %#x)", st);
				flock(fd, LOCK_UN);
			}
			record_locks(fd, "/tmp/suite-flock/f");
			lock_ranges(fd, "/tmp/suite-flock/f");
		}
		if (fd >= 0)
			close(fd);
		unlink("/tmp/suite-flock/f");
		rmdir("/tmp/suite-flock");
	}
	iconv_t cd = iconv_open("UTF-16BE", "UTF-8");
	CHECK(cd != (iconv_t)-1, "iconv_open");
	if (cd != (iconv_t)-1) {
		char in[] = "A\xe2\x82\xac\xf0\x9f\x98\x80", out[16], *ip = in, *op = out;
		size_t il = strlen(in), ol = sizeof(out);
		CHECK(iconv(cd, &ip, &il, &op, &ol) == 0 && op - out == 8 &&
		              memcmp(out, "\0A\x20\xac\xd8\x3d\xde\x00", 8) == 0,
		      "iconv UTF-8 to UTF-16BE with a surrogate pair");
		iconv_close(cd);
	}
	CHECK(posix_openpt(O_RDWR) == -1, "posix_openpt: no pseudo-terminal manager");
	CHECK_ERR(grantpt(0), -1, ENOSYS);
	double la[3];
	CHECK_ERR(getloadavg(la, 3), -1, ENOSYS);
	/* daemon in a child, which reports through a pipe (its exit status may be
	 * reported to us when it detaches) */
	int p[2];
	if (pipe(p) == 0) {
		char fdarg[16];
		snprintf(fdarg, sizeof(fdarg), "%d", p[1]);
		int pid = suite_spawn_child((const char *[]){"daemon", fdarg, NULL});
		close(p[1]);
		char verdict[130] = "";
		struct pollfd pf = {p[0], POLLIN, 0};
		if (pid > 0 && poll(&pf, 1, 10000) == 1)
			read(p[0], verdict, sizeof(verdict) - 1);
		close(p[0]);
		CHECK(strcmp(verdict, "ok") == 0, "daemon: a new session in / (child says %s)",
		      verdict);
		if (pid > 0)
			suite_wait(pid);
	}
}

/* fcntl record locks across processes: F_GETLK, F_SETLKW waiting and
 * interrupted, release at close and at exit. */
static void record_locks(int fd, const char *path)
{
	struct flock fl = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 10, .l_len = 5};
	CHECK_OK(fcntl(fd, F_SETLK, &fl));
	/* a child waits for the range; we release it after 150 ms */
	int pid = suite_spawn_child((const char *[]){"lockwait", path, NULL});
	usleep(150000);
	struct flock q = {.l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0};
	CHECK(fcntl(fd, F_GETLK, &q) == 0 && q.l_type == F_UNLCK,
	      "F_GETLK: our own lock does not block us");
	unsigned long long t0 = suite_now_ns();
	fl.l_type = F_UNLCK;
	CHECK_OK(fcntl(fd, F_SETLK, &fl));
	int st = pid > 0 ? suite_wait(pid) : -1;
	CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "F_SETLKW in another process is granted when we unlock (status %#x, %llu ms)", st,
	      (suite_now_ns() - t0) / 1000000);
	/* a child that exits holding a lock releases it */
	pid = suite_spawn_child((const char *[]){"lockhold", path, NULL});
	st = pid > 0 ? suite_wait(pid) : -1;
	CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0, "a child takes a lock and exits");
	fl.l_type = F_WRLCK;
	fl.l_start = 0;
	fl.l_len = 0;
	int ok = -1;
	for (int i = 0; i < 50 && ok != 0; i++) { /* its disconnect reaches the server soon */
		ok = fcntl(fd, F_SETLK, &fl);
		if (ok != 0)
			usleep(10000);
	}
	CHECK(ok == 0, "its lock went with it (errno %d)", errno);
	/* while we hold the whole file: F_GETLK elsewhere names us, F_SETLKW is interruptible */
	pid = suite_spawn_child((const char *[]){"lockintr", path, NULL});
	st = pid > 0 ? suite_wait(pid) : -1;
	CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "a signal ends a waiting F_SETLKW with EINTR (status %#x)", st);
	int fd2 = open(path, O_RDONLY);
	struct flock rd = {.l_type = F_WRLCK, .l_whence = SEEK_SET};
	CHECK_ERR(fcntl(fd2, F_SETLK, &rd), -1, EBADF);
	close(fd2); /* closing any descriptor of the file releases our locks (POSIX) */
	pid = suite_spawn_child((const char *[]){"lockhold", path, NULL});
	st = pid > 0 ? suite_wait(pid) : -1;
	CHECK(st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "after close of another descriptor the file is free (status %#x)", st);
}

/*
 * Random F_SETLK operations on byte ranges (read, write, unlock; to the
 * end of the file too) against a model kept here; a child reads the
 * resulting map back through F_GETLK, byte by byte.
 */
static void lock_ranges(int fd, const char *path)
{
	enum { N = 48 };
	char model[N + 1];
	unsigned x = 77;
	int bad = 0, rounds = 0;

	memset(model, '.', N);
	model[N] = 0;
	for (int round = 0; round < 6; round++) {
		for (int op = 0; op < 6; op++) {
			x = x * 1103515245 + 12345;
			int t = (int)(x >> 16) % 3, start = (int)(x >> 8) % (N - 4),
			    len = (int)(x >> 20) % 12;
			struct flock fl = {.l_type = t == 0   ? F_RDLCK
			                             : t == 1 ? F_WRLCK
			                                      : F_UNLCK,
			                   .l_whence = SEEK_SET,
			                   .l_start = start,
			                   .l_len = len};
			if (fcntl(fd, F_SETLK, &fl) != 0) {
				bad++;
				continue;
			}
			int end = len == 0 ? N : start + len;
			for (int b = start; b < end && b < N; b++)
				model[b] = t == 0 ? 'R' : t == 1 ? 'W' : '.';
		}
		int p[2];
		if (pipe(p) != 0)
			break;
		char nbuf[8], fdbuf[8], got[N + 1];
		snprintf(nbuf, sizeof(nbuf), "%d", N);
		snprintf(fdbuf, sizeof(fdbuf), "%d", p[1]);
		int pid = suite_spawn_child((const char *[]){"lockmap", path, nbuf, fdbuf, NULL});
		close(p[1]);
		ssize_t n = 0, r;
		while (n < N && (r = read(p[0], got + n, (size_t)(N - n))) > 0)
			n += r;
		close(p[0]);
		got[n > 0 ? n : 0] = 0;
		if (pid > 0)
			suite_wait(pid);
		rounds++;
		if (n != N || memcmp(got, model, N) != 0) {
			suite_note("round %d: locks %s, model %s", round, got, model);
			bad++;
		}
	}
	struct flock all = {.l_type = F_UNLCK, .l_whence = SEEK_SET};
	fcntl(fd, F_SETLK, &all);
	CHECK(bad == 0 && rounds == 6, "random lock ranges match the model (%d bad of %d)", bad,
	      rounds);
}

/* C11 threads: four threads add to a counter under a mtx_t, a cnd_t
 * releases them together, each keeps a tss value. */
static mtx_t c11_m;
static cnd_t c11_c;
static tss_t c11_key;
static int c11_go, c11_count, c11_once, c11_dtors;
static once_flag c11_flag = ONCE_FLAG_INIT;

static void c11_init(void)
{
	c11_once++;
}

static void c11_dtor(void *p)
{
	(void)p;
	__atomic_fetch_add(&c11_dtors, 1, __ATOMIC_RELAXED);
}

static int c11_worker(void *arg)
{
	call_once(&c11_flag, c11_init);
	tss_set(c11_key, arg);
	mtx_lock(&c11_m);
	while (!c11_go)
		cnd_wait(&c11_c, &c11_m);
	for (int i = 0; i < 1000; i++)
		c11_count++;
	mtx_unlock(&c11_m);
	return tss_get(c11_key) == arg ? (int)(long)arg : -1;
}

static void c11_threads(void)
{
	thrd_t t[4];
	CHECK(mtx_init(&c11_m, mtx_plain) == thrd_success && cnd_init(&c11_c) == thrd_success &&
	              tss_create(&c11_key, c11_dtor) == thrd_success,
	      "mtx_init, cnd_init, tss_create");
	int made = 0;
	for (long i = 0; i < 4; i++)
		made += thrd_create(&t[i], c11_worker, (void *)(i + 1)) == thrd_success;
	CHECK_EQ(made, 4);
	thrd_sleep(&(struct timespec){0, 20000000}, NULL);
	mtx_lock(&c11_m);
	c11_go = 1;
	cnd_broadcast(&c11_c);
	mtx_unlock(&c11_m);
	int sum = 0, res;
	for (int i = 0; i < made; i++)
		if (thrd_join(t[i], &res) == thrd_success)
			sum += res;
	CHECK(sum == 10 && c11_count == 4000 && c11_once == 1 && c11_dtors == 4,
	      "C11 threads: results %d, count %d, once %d, tss destructors %d", sum, c11_count,
	      c11_once, c11_dtors);
	mtx_t r;
	CHECK(mtx_init(&r, mtx_recursive | mtx_timed) == thrd_success &&
	              mtx_lock(&r) == thrd_success && mtx_trylock(&r) == thrd_success,
	      "a recursive mutex locks twice");
	mtx_unlock(&r);
	mtx_unlock(&r);
	mtx_destroy(&r);
	struct timespec ts;
	timespec_get(&ts, TIME_UTC);
	ts.tv_nsec += 30000000;
	if (ts.tv_nsec >= 1000000000) {
		ts.tv_sec++;
		ts.tv_nsec -= 1000000000;
	}
	mtx_lock(&c11_m);
	CHECK(cnd_timedwait(&c11_c, &c11_m, &ts) == thrd_timedout, "cnd_timedwait times out");
	mtx_unlock(&c11_m);
	cnd_destroy(&c11_c);
	mtx_destroy(&c11_m);
	tss_delete(c11_key);
}

/* ucontext: a coroutine that yields three values, with arguments and uc_link. */
static ucontext_t uc_main, uc_co, uc_done;
static volatile int uc_value, uc_finished;
static double uc_fp;

static void coroutine(int a, int b, long c9)
{
	(void)c9;
	for (int i = 0; i < 3; i++) {
		uc_value = a + b * i;
		swapcontext(&uc_co, &uc_main);
	}
	uc_fp = 2.5 * a; /* floating point works on the new stack */
}

static void nine(int a1, int a2, int a3, int a4, int a5, int a6, int a7, int a8, int a9)
{
	uc_value = a1 + a2 + a3 + a4 + a5 + a6 + a7 + a8 + a9 * 100;
}

static void contexts(void)
{
	static char stack[16384] __attribute__((aligned(16)));
	volatile int got[3] = {0, 0, 0};

	CHECK_EQ(getcontext(&uc_co), 0);
	uc_co.uc_stack.ss_sp = stack;
	uc_co.uc_stack.ss_size = sizeof(stack);
	uc_co.uc_link = &uc_done;
	makecontext(&uc_co, (void (*)(void))coroutine, 3, 10, 5, 99L);
	volatile int step = 0;
	uc_finished = 0;
	CHECK_EQ(getcontext(&uc_done), 0);
	if (!uc_finished) {
		for (step = 0; step < 3; step++) {
			CHECK_EQ(swapcontext(&uc_main, &uc_co), 0);
			got[step] = uc_value;
		}
		/* the coroutine returns: uc_link resumes uc_done, just above */
		uc_finished = 1;
		setcontext(&uc_co);
		CHECK(0, "setcontext returned");
	}
	CHECK(got[0] == 10 && got[1] == 15 && got[2] == 20 && uc_fp == 25.0,
	      "a coroutine yields 10 15 20 and ends through uc_link (%d %d %d, %g)", got[0], got[1],
	      got[2], uc_fp);
	/* nine arguments: the ninth goes on the new stack */
	uc_finished = 0;
	getcontext(&uc_co);
	uc_co.uc_stack.ss_sp = stack;
	uc_co.uc_stack.ss_size = sizeof(stack);
	uc_co.uc_link = &uc_main;
	makecontext(&uc_co, (void (*)(void))nine, 9, 1, 2, 3, 4, 5, 6, 7, 8, 9);
	uc_value = 0;
	CHECK_EQ(swapcontext(&uc_main, &uc_co), 0);
	CHECK(uc_value == 936, "makecontext with nine arguments (%d)", uc_value);
	/* the signal mask travels with the context */
	sigset_t blocked, now;
	sigemptyset(&blocked);
	sigaddset(&blocked, SIGUSR1);
	volatile int back = 0;
	getcontext(&uc_main);
	if (!back) {
		back = 1;
		sigprocmask(SIG_BLOCK, &blocked, NULL);
		setcontext(&uc_main);
	}
	sigprocmask(SIG_SETMASK, NULL, &now);
	CHECK(!sigismember(&now, SIGUSR1), "setcontext restores the saved signal mask");
}

SUITE_GROUP(libc_ext)
{
	contexts();
	c11_threads();
	multiplexing();
	extras();
}
