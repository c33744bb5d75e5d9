/*
 * tty_test.c - host test of the serial driver's terminal resource manager
 * (QSOE side, on the kernel double) with a fake port: typed input comes in
 * as if from the interrupt handler, output is collected. Covers blocking
 * and non-blocking reads, canonical lines and echo, ^C/^\/^Z to the
 * foreground group, ^D, termios and window size through devctl, VMIN/VTIME
 * with the port timer, poll, unblock. Entry point tty_test_main().
 */
#include "../tty.h"
#include "tclient.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/dcmd_all.h>
#include <sys/dcmd_chr.h>
#include <termios.h>
#include <unistd.h>

#define SERVER 80
#define USER   100
#define PGRP   321

static struct tty tty;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static char out[8192];
static size_t outlen;
static char pending[256];
static size_t npending;
static int64_t timer_at;
static int coid = -1, inject_code, timer_code;

static size_t f_room(void *hw)
{
	return 16;
}

static void f_put(void *hw, const char *b, size_t n)
{
	pthread_mutex_lock(&lock);
	if (outlen + n < sizeof(out)) {
		memcpy(out + outlen, b, n);
		outlen += n;
	}
	pthread_mutex_unlock(&lock);
}

static void f_irq(void *hw, int on)
{
}

static int f_idle(void *hw)
{
	return 1;
}

static void f_timer(void *hw, int64_t at)
{
	timer_at = at;
}

/* Pulse handlers: "interrupt" with typed input, and the timer. */
static int inject_pulse(message_context_t *ctp, int code, unsigned flags, void *handle)
{
	char b[256];
	pthread_mutex_lock(&lock);
	size_t n = npending;
	memcpy(b, pending, n);
	npending = 0;
	pthread_mutex_unlock(&lock);
	tty_rx(&tty, b, n);
	return 0;
}

static int timer_pulse(message_context_t *ctp, int code, unsigned flags, void *handle)
{
	tty_timer(&tty);
	return 0;
}

/* Types s at the terminal (delivered to the driver's thread as a pulse). */
static void type(const char *s)
{
	int me = kd_get_pid();

	pthread_mutex_lock(&lock);
	memcpy(pending + npending, s, strlen(s));
	npending += strlen(s);
	pthread_mutex_unlock(&lock);
	kd_set_pid(SERVER);
	MsgSendPulse(coid, -1, inject_code, 0);
	kd_set_pid(me);
	usleep(5000);
}

static void fire_timer(void)
{
	int me = kd_get_pid();

	kd_set_pid(SERVER);
	MsgSendPulse(coid, -1, timer_code, 0);
	kd_set_pid(me);
	usleep(5000);
}

static int output_has(const char *s)
{
	pthread_mutex_lock(&lock);
	out[outlen] = 0;
	int r = strstr(out, s) != NULL;
	pthread_mutex_unlock(&lock);
	return r;
}

static void *server(void *arg)
{
	dispatch_context_t *ctp = dispatch_context_alloc(arg);

	while (ctp != NULL && dispatch_block(ctp) != NULL)
		dispatch_handler(ctp);
	dispatch_context_free(ctp);
	return NULL;
}

struct rd {
	int fd;
	ssize_t n;
	int err;
	char buf[64];
};

static void *reader(void *arg)
{
	struct rd *r = arg;

	memset(r->buf, 0, sizeof(r->buf));
	r->n = tc_read(r->fd, r->buf, sizeof(r->buf) - 1);
	r->err = r->n < 0 ? errno : 0;
	return NULL;
}

static void *timed_reader(void *arg)
{
	uint64_t ns = 30000000;

	TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_REPLY | _NTO_TIMEOUT_SEND, NULL, &ns, NULL);
	return reader(arg);
}

static void test_canonical(int fd)
{
	pthread_t t;
	struct rd r = {fd, 0, 0, {0}};

	CHECK(tc_write(fd, "hi\n", 3) == 3 && output_has("hi\r\n"), "write goes out with CR NL");
	pthread_create(&t, NULL, reader, &r);
	usleep(10000);
	type("ls -l");
	CHECK(r.n == 0 && output_has("ls -l"), "typed text is echoed, the read still waits");
	type("\r");
	pthread_join(t, NULL);
	CHECK(r.n == 6 && strcmp(r.buf, "ls -l\n") == 0, "the line arrives ('%s')", r.buf);
	type("ab\x7f"
	     "c\r");
	CHECK(tc_read(fd, r.buf, sizeof(r.buf)) == 3 && memcmp(r.buf, "ac\n", 3) == 0,
	      "erase works through the driver");
	type("\x04");
	CHECK(tc_read(fd, r.buf, sizeof(r.buf)) == 0, "^D: end of file");
	unsigned avail = 99;
	type("xyz");
	CHECK(tc_devctl(fd, DCMD_CHR_ISCHARS, &avail, sizeof(avail), NULL) == EOK && avail == 0,
	      "FIONREAD: an incomplete line is not readable yet");
	type("\r");
	CHECK(tc_devctl(fd, DCMD_CHR_ISCHARS, &avail, sizeof(avail), NULL) == EOK && avail == 4,
	      "FIONREAD: 4 bytes (%u)", avail);
	tc_read(fd, r.buf, sizeof(r.buf));
}

static void test_signals(int fd)
{
	pid_t pg = PGRP, got = 0;

	CHECK(tc_devctl(fd, DCMD_CHR_TCSETPGRP, &pg, sizeof(pg), NULL) == EOK, "tcsetpgrp");
	CHECK(tc_devctl(fd, DCMD_CHR_TCGETPGRP, &got, sizeof(got), NULL) == EOK && got == PGRP,
	      "tcgetpgrp %d", got);
	type("\x03");
	CHECK(kd_signals(-PGRP, SIGINT) == 1, "^C: SIGINT to the foreground group");
	CHECK(output_has("^C"), "^C is echoed");
	type("\x1c");
	CHECK(kd_signals(-PGRP, SIGQUIT) == 1, "^\\: SIGQUIT");
	type("\x1a");
	CHECK(kd_signals(-PGRP, SIGTSTP) == 1, "^Z: SIGTSTP");
	struct winsize ws = {50, 132, 0, 0}, ws2;
	CHECK(tc_devctl(fd, DCMD_CHR_SETSIZE, &ws, sizeof(ws), NULL) == EOK &&
	              kd_signals(-PGRP, SIGWINCH) == 1,
	      "TIOCSWINSZ: SIGWINCH to the group");
	CHECK(tc_devctl(fd, DCMD_CHR_GETSIZE, &ws2, sizeof(ws2), NULL) == EOK && ws2.ws_row == 50 &&
	              ws2.ws_col == 132,
	      "TIOCGWINSZ %dx%d", ws2.ws_row, ws2.ws_col);
	pid_t sid = 0;
	CHECK(tc_devctl(fd, DCMD_CHR_TCGETSID, &sid, sizeof(sid), NULL) == ENOTTY,
	      "no session yet: tcgetsid fails");
	sid = 555;
	tc_devctl(fd, DCMD_CHR_TCSETSID, &sid, sizeof(sid), NULL);
	sid = 0;
	CHECK(tc_devctl(fd, DCMD_CHR_TCGETSID, &sid, sizeof(sid), NULL) == EOK && sid == 555,
	      "tcsetsid/tcgetsid");
}

static void test_raw(int fd)
{
	struct termios t, t2;
	pthread_t th;
	struct rd r = {fd, 0, 0, {0}};
	char b[16];

	CHECK(tc_devctl(fd, DCMD_CHR_TCGETATTR, &t, sizeof(t), NULL) == EOK &&
	              (t.c_lflag & ICANON) && (t.c_lflag & ECHO) && t.c_cc[VINTR] == 3,
	      "tcgetattr: canonical, echo, ^C");
	t2 = t;
	t2.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	t2.c_cc[VMIN] = 1;
	t2.c_cc[VTIME] = 0;
	CHECK(tc_devctl(fd, DCMD_CHR_TCSETATTR, &t2, sizeof(t2), NULL) == EOK, "tcsetattr raw");
	size_t before = outlen;
	type("q");
	CHECK(tc_read(fd, b, sizeof(b)) == 1 && b[0] == 'q' && outlen == before,
	      "raw: one byte, no echo");
	int fl = O_NONBLOCK | O_RDWR;
	tc_devctl(fd, DCMD_ALL_SETFLAGS, &fl, sizeof(fl), NULL);
	CHECK(tc_read(fd, b, sizeof(b)) == -1 && errno == EAGAIN, "non-blocking: EAGAIN");
	fl = 0;
	tc_devctl(fd, DCMD_ALL_SETFLAGS, &fl, sizeof(fl), NULL);
	t2.c_cc[VMIN] = 0;
	t2.c_cc[VTIME] = 0;
	tc_devctl(fd, DCMD_CHR_TCSETATTR, &t2, sizeof(t2), NULL);
	CHECK(tc_read(fd, b, sizeof(b)) == 0, "VMIN=0 VTIME=0: 0 at once");
	t2.c_cc[VTIME] = 1;
	tc_devctl(fd, DCMD_CHR_TCSETATTR, &t2, sizeof(t2), NULL);
	pthread_create(&th, NULL, reader, &r);
	usleep(20000);
	CHECK(timer_at != 0, "VTIME armed the port's timer");
	usleep(100000);
	fire_timer();
	pthread_join(th, NULL);
	CHECK(r.n == 0, "VTIME expired: the read returns 0");
	CHECK(tc_devctl(fd, DCMD_CHR_TCSETATTRF, &t, sizeof(t), NULL) == EOK, "back to canonical");
}

static void test_misc(int fd)
{
	pthread_t t;
	struct rd r = {fd, 0, 0, {0}};

	CHECK(tc_notify(fd, _NOTIFY_ACTION_POLL, _NOTIFY_COND_INPUT | _NOTIFY_COND_OUTPUT, NULL) ==
	              _NOTIFY_COND_OUTPUT,
	      "poll: writable, nothing to read");
	type("y\r");
	CHECK(tc_notify(fd, _NOTIFY_ACTION_POLL, _NOTIFY_COND_INPUT, NULL) == _NOTIFY_COND_INPUT,
	      "poll: a line to read");
	tc_read(fd, r.buf, sizeof(r.buf));
	CHECK(tc_devctl(fd, DCMD_CHR_ISATTY, NULL, 0, NULL) == EOK, "isatty");
	CHECK(tc_devctl(fd, DCMD_CHR_TCDRAIN, NULL, 0, NULL) == EOK, "tcdrain");
	int q = TCIOFLUSH;
	type("junk");
	CHECK(tc_devctl(fd, DCMD_CHR_TCFLUSH, &q, sizeof(q), NULL) == EOK, "tcflush");
	type("\r");
	CHECK(tc_read(fd, r.buf, sizeof(r.buf)) == 1, "the flushed input is gone");
	pthread_create(&t, NULL, timed_reader, &r);
	pthread_join(t, NULL);
	CHECK(r.n < 0 && r.err == EINTR, "a blocked read is interrupted (%d)", r.err);
	char path[32];
	CHECK(tc_fdpath(fd, path, sizeof(path)) > 0 && strcmp(path, "/dev/ser1") == 0,
	      "ttyname: %s", path);
	CHECK(tc_devctl(fd, __DIOF(_DCMD_CHR, 99, int), &q, sizeof(q), NULL) == ENOTTY,
	      "unknown command: ENOTTY");
}

int tty_test_main(void)
{
	pthread_t t;

	setvbuf(stdout, NULL, _IONBF, 0);
	kd_set_cred(SERVER, 0, 0, 0, NULL);
	kd_set_cred(USER, USER, 1, 0, NULL);
	kd_set_pid(SERVER);
	struct tty_port port = {NULL, f_room, f_put, f_irq, f_idle, NULL, f_timer, NULL, NULL};
	dispatch_t *dpp = dispatch_create();
	CHECK(dpp != NULL && tty_init(&tty, &port, 1024, 1024) == 0 &&
	              tty_attach(dpp, &tty, "/dev/ser1") == 0,
	      "terminal attached");
	inject_code = pulse_attach(dpp, MSG_FLAG_ALLOC_PULSE, 0, inject_pulse, NULL);
	timer_code = pulse_attach(dpp, MSG_FLAG_ALLOC_PULSE, 0, timer_pulse, NULL);
	coid = message_connect(dpp, MSG_FLAG_SIDE_CHANNEL);
	pthread_create(&t, NULL, server, dpp);
	kd_set_pid(USER);
	int fd = tc_open("/dev/ser1", O_RDWR, 0);
	CHECK(fd >= 0, "open /dev/ser1");
	test_canonical(fd);
	test_signals(fd);
	test_raw(fd);
	test_misc(fd);
	tc_close(fd);
	kd_kill_process(SERVER);
	pthread_join(t, NULL);
	kd_set_pid(SERVER);
	dispatch_destroy(dpp);
	ldisc_fini(&tty.ld);
	free(tty.tx);
	printf("tty: %d passed, %d failed\n", t_pass, t_fail);
	return t_fail != 0;
}
