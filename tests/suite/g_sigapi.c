/*
 * g_sigapi.c - group "signals": the C library's signal API on a live
 * system. Signal sets; sigaction/signal with SA_SIGINFO, SA_RESETHAND,
 * SA_NODEFER; raise and kill delivered before they return with the right
 * siginfo; sigprocmask/pthread_sigmask/sigpending; sigqueue values in
 * order; sigwait/sigwaitinfo/sigtimedwait; sigsuspend; pthread_kill;
 * EINTR from nanosleep; alarm and setitimer; abort() with SIGABRT blocked;
 * a SIGSEGV handler that siglongjmps out; job control of a child seen by
 * waitpid(WUNTRACED/WCONTINUED) and SIGCHLD (and SA_NOCLDSTOP).
 * Every handler is put back to SIG_DFL and every mask restored at the end.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <signal.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "suite.h"

static volatile int hits, last_sig, last_code, last_pid, last_tid;
static volatile long last_value;
static volatile int order[16], norder;

static void on_info(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	hits++;
	last_sig = sig;
	last_code = si->si_code;
	last_pid = si->si_pid;
	last_value = si->si_value.sival_int;
	last_tid = (int)pthread_self();
	if (norder < 16)
		order[norder++] = sig * 1000 + si->si_value.sival_int;
}

static void on_plain(int sig)
{
	hits++;
	last_sig = sig;
}

static int install(int sig, void (*fn)(int, siginfo_t *, void *), int flags)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO | flags;
	return sigaction(sig, &sa, NULL);
}

static void sets(void)
{
	sigset_t s;

	CHECK_OK(sigemptyset(&s));
	CHECK_EQ(sigismember(&s, SIGINT), 0);
	CHECK_OK(sigaddset(&s, SIGINT));
	CHECK_OK(sigaddset(&s, SIGRTMAX));
	CHECK_EQ(sigismember(&s, SIGINT), 1);
	CHECK_EQ(sigismember(&s, SIGRTMAX), 1);
	CHECK_OK(sigdelset(&s, SIGINT));
	CHECK_EQ(sigismember(&s, SIGINT), 0);
	CHECK_OK(sigfillset(&s));
	CHECK_EQ(sigismember(&s, SIGKILL), 1);
	CHECK_ERR(sigaddset(&s, 0), -1, EINVAL);
	CHECK_ERR(sigismember(&s, 65), -1, EINVAL);
}

static void actions(void)
{
	struct sigaction sa, old;

	hits = 0;
	CHECK_OK(install(SIGUSR1, on_info, 0));
	CHECK_OK(raise(SIGUSR1));
	CHECK_EQ(hits, 1); /* before raise returned */
	CHECK_EQ(last_sig, SIGUSR1);
	CHECK_EQ(last_code, SI_USER);
	CHECK_EQ(last_pid, getpid());
	CHECK_EQ(last_tid, (int)pthread_self());
	CHECK_OK(kill(getpid(), SIGUSR1));
	CHECK_EQ(hits, 2);
	CHECK_EQ(last_pid, getpid());

	CHECK(signal(SIGUSR2, on_plain) == SIG_DFL, "signal() returns the old handler");
	CHECK(signal(SIGUSR2, SIG_DFL) == on_plain, "signal() returns on_plain");
	CHECK(signal(SIGKILL, on_plain) == SIG_ERR, "SIGKILL cannot be caught");
	CHECK_ERR(sigaction(0, NULL, &old), -1, EINVAL);

	/* SA_RESETHAND: the second raise finds SIG_DFL again. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_plain;
	sa.sa_flags = SA_RESETHAND;
	CHECK_OK(sigaction(SIGUSR2, &sa, NULL));
	hits = 0;
	CHECK_OK(raise(SIGUSR2));
	CHECK_OK(sigaction(SIGUSR2, NULL, &old));
	CHECK(hits == 1 && old.sa_handler == SIG_DFL, "SA_RESETHAND (hits %d)", hits);
}

static void masks(void)
{
	sigset_t s, old, pend;

	CHECK_OK(install(SIGUSR1, on_info, 0));
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	CHECK_OK(sigprocmask(SIG_BLOCK, &s, &old));
	hits = 0;
	CHECK_OK(raise(SIGUSR1));
	CHECK_EQ(hits, 0);
	CHECK_OK(sigpending(&pend));
	CHECK_EQ(sigismember(&pend, SIGUSR1), 1);
	CHECK_OK(sigprocmask(SIG_SETMASK, &old, NULL));
	CHECK_EQ(hits, 1); /* delivered when unblocked */
	CHECK_ERR(sigprocmask(99, &s, NULL), -1, EINVAL);
	CHECK_EQ(pthread_sigmask(99, &s, NULL), EINVAL);

	/* SIGKILL and SIGSTOP stay deliverable whatever the mask says. */
	sigfillset(&s);
	CHECK_OK(sigprocmask(SIG_SETMASK, &s, &old));
	CHECK_OK(sigprocmask(SIG_SETMASK, &old, &s));
	CHECK_EQ(sigismember(&s, SIGKILL), 0);
	CHECK_EQ(sigismember(&s, SIGSTOP), 0);
	CHECK_EQ(sigismember(&s, SIGTERM), 1);
}

static void queued(void)
{
	sigset_t s, old;

	CHECK_OK(install(SIGRTMIN, on_info, 0));
	CHECK_OK(install(SIGRTMIN + 1, on_info, 0));
	sigemptyset(&s);
	sigaddset(&s, SIGRTMIN);
	sigaddset(&s, SIGRTMIN + 1);
	CHECK_OK(sigprocmask(SIG_BLOCK, &s, &old));
	norder = 0;
	CHECK_OK(sigqueue(getpid(), SIGRTMIN + 1, (union sigval){.sival_int = 9}));
	for (int v = 1; v <= 3; v++)
		CHECK_OK(sigqueue(getpid(), SIGRTMIN, (union sigval){.sival_int = v}));
	CHECK_EQ(norder, 0);
	/* Each handler blocks the other, so they run one after the other. */
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_info;
	sa.sa_flags = SA_SIGINFO;
	sa.sa_mask = s;
	sigaction(SIGRTMIN, &sa, NULL);
	sigaction(SIGRTMIN + 1, &sa, NULL);
	CHECK_OK(sigprocmask(SIG_SETMASK, &old, NULL));
	CHECK_EQ(norder, 4);
	int want[4] = {SIGRTMIN * 1000 + 1, SIGRTMIN * 1000 + 2, SIGRTMIN * 1000 + 3,
	               (SIGRTMIN + 1) * 1000 + 9};
	for (int i = 0; i < 4 && i < norder; i++)
		CHECK_EQ(order[i], want[i]);
	CHECK_EQ(last_code, SI_QUEUE);
	CHECK_ERR(sigqueue(999999, SIGRTMIN, (union sigval){0}), -1, ESRCH);
}

static void *poke(void *arg)
{
	struct timespec ts = {0, 20 * 1000000};

	nanosleep(&ts, NULL);
	pthread_kill(*(pthread_t *)arg, SIGUSR1);
	return NULL;
}

static void waiting(void)
{
	sigset_t s, old;
	siginfo_t si;
	int sig = 0;

	sigemptyset(&s);
	sigaddset(&s, SIGUSR2);
	CHECK_OK(sigprocmask(SIG_BLOCK, &s, &old));
	CHECK_OK(sigqueue(getpid(), SIGUSR2, (union sigval){.sival_int = 5}));
	memset(&si, 0, sizeof(si));
	CHECK_EQ(sigwaitinfo(&s, &si), SIGUSR2);
	CHECK_EQ(si.si_value.sival_int, 5);
	CHECK_EQ(si.si_code, SI_QUEUE);
	CHECK_OK(raise(SIGUSR2));
	CHECK_EQ(sigwait(&s, &sig), 0);
	CHECK_EQ(sig, SIGUSR2);
	unsigned long long t0 = suite_now_ns();
	CHECK_ERR(sigtimedwait(&s, NULL, &(struct timespec){0, 30 * 1000000}), -1, EAGAIN);
	CHECK(suite_now_ns() - t0 >= 30000000ull, "sigtimedwait waited 30 ms");
	CHECK_ERR(sigtimedwait(&s, NULL, &(struct timespec){0, 0}), -1, EAGAIN);
	CHECK_ERR(sigtimedwait(&s, NULL, &(struct timespec){0, -1}), -1, EINVAL);
	CHECK_OK(sigprocmask(SIG_SETMASK, &old, NULL));

	/* sigsuspend: another thread pokes us; the old mask comes back. */
	CHECK_OK(install(SIGUSR1, on_info, 0));
	sigemptyset(&s);
	sigaddset(&s, SIGUSR1);
	CHECK_OK(sigprocmask(SIG_BLOCK, &s, &old));
	pthread_t self = pthread_self(), t;
	hits = 0;
	CHECK_EQ(pthread_create(&t, NULL, poke, &self), 0);
	sigset_t none;
	sigemptyset(&none);
	CHECK_ERR(sigsuspend(&none), -1, EINTR);
	CHECK_EQ(hits, 1);
	CHECK_EQ(last_tid, (int)self);
	sigset_t now;
	sigprocmask(SIG_BLOCK, NULL, &now);
	CHECK_EQ(sigismember(&now, SIGUSR1), 1);
	pthread_join(t, NULL);
	CHECK_OK(sigprocmask(SIG_SETMASK, &old, NULL));

	/* nanosleep interrupted: EINTR and the time left. */
	hits = 0;
	CHECK_EQ(pthread_create(&t, NULL, poke, &self), 0);
	struct timespec ts = {5, 0}, left = {0, 0};
	CHECK_ERR(nanosleep(&ts, &left), -1, EINTR);
	CHECK(left.tv_sec >= 3 && left.tv_sec <= 5, "time left %ld s", (long)left.tv_sec);
	CHECK_EQ(hits, 1);
	pthread_join(t, NULL);
	CHECK_EQ(pthread_kill(self, 0), 0);
	CHECK_EQ(pthread_kill(self, 999), EINVAL);
}

static void timers(void)
{
	CHECK_OK(install(SIGALRM, on_info, 0));
	hits = 0;
	CHECK_EQ(alarm(1), 0u);
	CHECK_EQ(alarm(1), 1u); /* the previous one, rounded up */
	unsigned long long t0 = suite_now_ns();
	while (hits == 0 && suite_now_ns() - t0 < 3000000000ull)
		pause();
	CHECK_EQ(hits, 1);
	CHECK_EQ(last_code, SI_TIMER);
	CHECK(suite_now_ns() - t0 >= 900000000ull, "alarm(1) took about a second");
	CHECK_EQ(alarm(0), 0u);

	struct itimerval it = {{0, 20000}, {0, 20000}}, got;
	hits = 0;
	CHECK_OK(setitimer(ITIMER_REAL, &it, NULL));
	CHECK_OK(getitimer(ITIMER_REAL, &got));
	CHECK_EQ(got.it_interval.tv_usec, 20000);
	t0 = suite_now_ns();
	while (hits < 3 && suite_now_ns() - t0 < 3000000000ull)
		pause();
	CHECK(hits >= 3, "three periods of 20 ms (hits %d)", hits);
	memset(&it, 0, sizeof(it));
	CHECK_OK(setitimer(ITIMER_REAL, &it, &got));
	CHECK_EQ(got.it_interval.tv_usec, 20000);
	CHECK_ERR(setitimer(ITIMER_VIRTUAL, &it, NULL), -1, EINVAL);
	CHECK_ERR(getitimer(ITIMER_PROF, &got), -1, EINVAL);
}

static sigjmp_buf jump;

static void on_fault(int sig, siginfo_t *si, void *ctx)
{
	(void)ctx;
	last_sig = sig;
	last_code = si->si_code;
	last_value = (long)si->si_addr;
	siglongjmp(jump, 1);
}

static void faults(void)
{
	sigset_t s, old;

	CHECK_OK(install(SIGSEGV, on_fault, 0));
	last_sig = 0;
	if (sigsetjmp(jump, 1) == 0) {
		*(volatile int *)(uintptr_t)last_sig = 1; /* a NULL store the compiler cannot see */
		CHECK(0, "survived a NULL store");
	}
	CHECK_EQ(last_sig, SIGSEGV);
	CHECK_EQ(last_code, SEGV_MAPERR);
	CHECK_EQ(last_value, 0);
	sigprocmask(SIG_BLOCK, NULL, &s);
	CHECK_EQ(sigismember(&s, SIGSEGV), 0); /* siglongjmp restored the mask */

	/* abort() raises SIGABRT even when it is blocked. */
	CHECK_OK(install(SIGABRT, on_fault, 0));
	sigemptyset(&s);
	sigaddset(&s, SIGABRT);
	CHECK_OK(sigprocmask(SIG_BLOCK, &s, &old));
	last_sig = 0;
	if (sigsetjmp(jump, 1) == 0)
		abort();
	CHECK_EQ(last_sig, SIGABRT);
	CHECK_OK(sigprocmask(SIG_SETMASK, &old, NULL));
}

static volatile int chld_codes[8], nchld;

static void on_chld(int sig, siginfo_t *si, void *ctx)
{
	(void)sig;
	(void)ctx;
	if (nchld < 8)
		chld_codes[nchld++] = si->si_code;
}

/* waitpid, resumed when our SIGCHLD handler interrupts it (EINTR, as POSIX says). */
static pid_t wait_intr(pid_t pid, int *st, int options)
{
	pid_t r;

	while ((r = waitpid(pid, st, options)) < 0 && errno == EINTR)
		;
	if (r < 0)
		suite_note("waitpid(%d, %#x) failed: errno %d", pid, options, errno);
	return r;
}

static void job_control(int nocldstop)
{
	int st;

	nchld = 0;
	CHECK_OK(install(SIGCHLD, on_chld, nocldstop ? SA_NOCLDSTOP : 0));
	int pid = suite_spawn_child((const char *[]){"pause", NULL});
	CHECK(pid > 0, "spawn a pausing child (errno %d)", errno);
	if (pid <= 0)
		return;
	CHECK_OK(kill(pid, SIGSTOP));
	CHECK_EQ(wait_intr(pid, &st, WUNTRACED), pid);
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "stopped by SIGSTOP (%#x)", st);
	CHECK_OK(kill(pid, SIGCONT));
	CHECK_EQ(wait_intr(pid, &st, WCONTINUED), pid);
	CHECK(WIFCONTINUED(st), "continued (%#x)", st);
	CHECK_OK(kill(pid, SIGTERM));
	CHECK_EQ(wait_intr(pid, &st, 0), pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM, "killed by SIGTERM (%#x)", st);
	/* SIGCHLD may trail the waitpid answers a little. */
	unsigned long long t0 = suite_now_ns();
	while (nchld < (nocldstop ? 1 : 3) && suite_now_ns() - t0 < 2000000000ull)
		usleep(1000);
	if (nocldstop) {
		CHECK_EQ(nchld, 1);
		CHECK_EQ(chld_codes[0], CLD_KILLED);
	} else {
		CHECK_EQ(nchld, 3);
		CHECK_EQ(chld_codes[0], CLD_STOPPED);
		CHECK_EQ(chld_codes[1], CLD_CONTINUED);
		CHECK_EQ(chld_codes[2], CLD_KILLED);
	}
}

SUITE_GROUP(signals)
{
	static const int used[] = {SIGUSR1, SIGUSR2, SIGRTMIN, SIGRTMIN + 1,
	                           SIGALRM, SIGSEGV, SIGABRT,  SIGCHLD};
	sets();
	actions();
	masks();
	queued();
	waiting();
	timers();
	faults();
	job_control(0);
	job_control(1);
	for (unsigned i = 0; i < sizeof(used) / sizeof(used[0]); i++)
		signal(used[i], SIG_DFL);
}
