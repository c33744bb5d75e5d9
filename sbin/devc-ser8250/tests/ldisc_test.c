/*
 * ldisc_test.c - host test of the line discipline (QSOE side, run through
 * the libc host harness): canonical editing, echo, signal characters,
 * CR/NL mapping, VMIN/VTIME, output processing, queue limits.
 * Entry point ldisc_test_main().
 */
#include "../ldisc.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>

static int pass, fail;
#define CHECK(c, ...)                                               \
	do {                                                        \
		if (c) {                                            \
			pass++;                                     \
		} else {                                            \
			fail++;                                     \
			printf("FAIL %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__);                        \
			printf("\n");                               \
		}                                                   \
	} while (0)

#define MS 1000000LL

/* What the line discipline sent out and signalled. */
static char out[4096];
static size_t outlen;
static int sigs[64];
static int wakes;

static void t_output(void *arg, const char *buf, size_t n)
{
	if (outlen + n < sizeof(out)) {
		memcpy(out + outlen, buf, n);
		outlen += n;
	}
}

static void t_signal(void *arg, int signo)
{
	if (signo > 0 && signo < 64)
		sigs[signo]++;
}

static void t_wake(void *arg)
{
	wakes++;
}

static const struct ldisc_ops ops = {t_output, t_signal, t_wake};

static void reset(struct ldisc *ld)
{
	ldisc_fini(ld);
	ldisc_init(ld, 64, 16, &ops, NULL);
	outlen = 0;
	memset(out, 0, sizeof(out));
	memset(sigs, 0, sizeof(sigs));
	wakes = 0;
}

static void type(struct ldisc *ld, const char *s)
{
	ldisc_input(ld, s, strlen(s), 0);
}

/* Reads what a read of n bytes at time now would return; -1 if it blocks. */
static long rd(struct ldisc *ld, char *buf, size_t n, int64_t start, int64_t now)
{
	int64_t wake;
	long r = ldisc_read_check(ld, n, start, now, &wake);

	if (r == LDISC_BLOCK)
		return -1;
	size_t k = ldisc_read(ld, buf, (size_t)r);
	buf[k] = 0;
	return (long)k;
}

static void test_canonical(struct ldisc *ld)
{
	char b[64];

	reset(ld);
	type(ld, "abc");
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == -1, "no line yet: read blocks");
	CHECK(outlen == 3 && memcmp(out, "abc", 3) == 0, "typed characters are echoed");
	type(ld, "\r");
	CHECK(wakes == 1, "a complete line wakes readers");
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 4 && strcmp(b, "abc\n") == 0,
	      "ICRNL: CR ends the line as NL ('%s')", b);
	CHECK(strcmp(out, "abc\r\n") == 0, "NL echoed as CR NL (ONLCR)");

	reset(ld);
	type(ld, "ab\x7f"
	         "c\n");
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 3 && strcmp(b, "ac\n") == 0, "erase ('%s')", b);
	CHECK(strstr(out, "\b \b") != NULL, "ECHOE erases visually");

	reset(ld);
	type(ld, "abc\x15xy\n");
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 3 && strcmp(b, "xy\n") == 0, "kill ('%s')", b);

	reset(ld);
	type(ld, "foo bar\x17"
	         "baz\n");
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 8 && strcmp(b, "foo baz\n") == 0,
	      "word erase ('%s')", b);

	reset(ld);
	type(ld, "\x7f\x7fok\n");
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 3 && strcmp(b, "ok\n") == 0,
	      "erase at the start of a line does nothing");

	reset(ld);
	type(ld, "hello\nworld\n");
	CHECK(rd(ld, b, 2, 0, 0) == 2 && strcmp(b, "he") == 0, "partial read of a line");
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 4 && strcmp(b, "llo\n") == 0,
	      "a read never crosses a line end ('%s')", b);
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 6 && strcmp(b, "world\n") == 0, "second line");

	reset(ld);
	type(ld, "\x04");
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 0, "^D on an empty line: end of file");
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == -1, "the end-of-file mark is used once");
	type(ld, "ab\x04");
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 2 && strcmp(b, "ab") == 0,
	      "^D after text ends the line without a newline");

	reset(ld);
	type(ld, "\x16\x03x\n"); /* ^V ^C */
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 3 && b[0] == 3 && sigs[SIGINT] == 0,
	      "^V quotes the next character");

	reset(ld);
	type(ld, "0123456789abcdefXYZ\n");
	long n = rd(ld, b, sizeof(b) - 1, 0, 0);
	CHECK(n == 16 && b[15] == '\n' && ld->dropped == 4, "a full line keeps room for NL (%ld)",
	      n);
	CHECK(strchr(out, '\a') != NULL, "IMAXBEL rings when the line is full");
}

static void test_echo_flags(struct ldisc *ld)
{
	char b[64];
	struct termios t;

	reset(ld);
	t = ld->t;
	t.c_lflag &= ~(tcflag_t)ECHO;
	ldisc_set_termios(ld, &t);
	type(ld, "secret\n");
	CHECK(outlen == 0, "no echo without ECHO");
	rd(ld, b, sizeof(b) - 1, 0, 0);
	t.c_lflag |= ECHONL;
	ldisc_set_termios(ld, &t);
	type(ld, "x\n");
	CHECK(outlen == 2 && strcmp(out, "\r\n") == 0, "ECHONL echoes only the newline");

	reset(ld);
	t = ld->t;
	t.c_lflag &= ~(tcflag_t)(ECHOE | ECHOKE);
	ldisc_set_termios(ld, &t);
	type(ld, "ab\x7f");
	CHECK(strcmp(out, "ab^?") == 0, "without ECHOE the erase character is echoed ('%s')", out);
	outlen = 0;
	memset(out, 0, sizeof(out));
	t.c_lflag |= ECHOK;
	ldisc_set_termios(ld, &t);
	type(ld, "\x15");
	CHECK(strcmp(out, "^U\r\n") == 0, "ECHOK: kill character then newline ('%s')", out);
	reset(ld);
	type(ld, "\x01");
	CHECK(strcmp(out, "^A") == 0, "ECHOCTL shows control characters as ^X");
}

static void test_signals(struct ldisc *ld)
{
	char b[64];
	struct termios t;

	reset(ld);
	type(ld, "abc\x03");
	CHECK(sigs[SIGINT] == 1, "^C sends SIGINT");
	type(ld, "\n");
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 1 && strcmp(b, "\n") == 0,
	      "^C flushed the typed line");
	type(ld, "\x1c");
	CHECK(sigs[SIGQUIT] == 1, "^\\ sends SIGQUIT");
	type(ld, "\x1a");
	CHECK(sigs[SIGTSTP] == 1, "^Z sends SIGTSTP");
	t = ld->t;
	t.c_lflag |= NOFLSH;
	ldisc_set_termios(ld, &t);
	type(ld, "keep\x03\n");
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 5 && strcmp(b, "keep\n") == 0,
	      "NOFLSH keeps the input");
	t.c_lflag &= ~(tcflag_t)ISIG;
	ldisc_set_termios(ld, &t);
	type(ld, "\x03\n");
	CHECK(sigs[SIGINT] == 2 && rd(ld, b, sizeof(b) - 1, 0, 0) == 2 && b[0] == 3,
	      "without ISIG ^C is data");
	t.c_cc[VINTR] = 'q';
	t.c_lflag |= ISIG;
	ldisc_set_termios(ld, &t);
	type(ld, "q");
	CHECK(sigs[SIGINT] == 3, "the interrupt character is configurable");
}

static void test_input_maps(struct ldisc *ld)
{
	char b[64];
	struct termios t;

	reset(ld);
	t = ld->t;
	t.c_lflag &= ~(tcflag_t)ICANON;
	t.c_iflag = IGNCR;
	ldisc_set_termios(ld, &t);
	type(ld, "a\rb");
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 2 && strcmp(b, "ab") == 0, "IGNCR drops CR");
	t.c_iflag = INLCR;
	ldisc_set_termios(ld, &t);
	type(ld, "a\n");
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 2 && strcmp(b, "a\r") == 0, "INLCR maps NL to CR");
	t.c_iflag = 0;
	ldisc_set_termios(ld, &t);
	type(ld, "a\r");
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 2 && strcmp(b, "a\r") == 0,
	      "without ICRNL CR stays CR");
	t.c_iflag = IXON;
	ldisc_set_termios(ld, &t);
	type(ld, "\x13");
	CHECK(ld->stopped == 1, "^S stops output");
	type(ld, "\x11");
	CHECK(ld->stopped == 0, "^Q restarts it");
	t.c_iflag = ISTRIP;
	ldisc_set_termios(ld, &t);
	type(ld, "\xc1");
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 1 && b[0] == 'A', "ISTRIP clears bit 7");
}

static void test_vmin_vtime(struct ldisc *ld)
{
	char b[64];
	struct termios t;
	int64_t wake;

	reset(ld);
	t = ld->t;
	t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	t.c_cc[VTIME] = 0;
	ldisc_set_termios(ld, &t);
	CHECK(rd(ld, b, 10, 0, 0) == -1, "VMIN=1: blocks with nothing typed");
	type(ld, "xy");
	CHECK(wakes == 1, "raw input wakes readers");
	CHECK(rd(ld, b, 10, 0, 0) == 2, "VMIN=1: returns what is there");

	t.c_cc[VMIN] = 0;
	ldisc_set_termios(ld, &t);
	CHECK(rd(ld, b, 10, 0, 0) == 0, "VMIN=0 VTIME=0: returns 0 at once");

	t.c_cc[VTIME] = 5;
	ldisc_set_termios(ld, &t);
	CHECK(ldisc_read_check(ld, 10, 1000 * MS, 1100 * MS, &wake) == LDISC_BLOCK &&
	              wake == 1500 * MS,
	      "VMIN=0 VTIME=5: waits until 0.5 s after the read began");
	CHECK(ldisc_read_check(ld, 10, 1000 * MS, 1500 * MS, &wake) == 0, "... then returns 0");
	ldisc_input(ld, "k", 1, 1200 * MS);
	CHECK(ldisc_read_check(ld, 10, 1000 * MS, 1200 * MS, &wake) == 1, "... or the byte");
	ldisc_read(ld, b, 1);

	t.c_cc[VMIN] = 3;
	t.c_cc[VTIME] = 2;
	ldisc_set_termios(ld, &t);
	CHECK(ldisc_read_check(ld, 10, 0, 5000 * MS, &wake) == LDISC_BLOCK && wake == 0,
	      "VMIN=3 VTIME=2: no timer before the first byte");
	ldisc_input(ld, "a", 1, 2000 * MS);
	CHECK(ldisc_read_check(ld, 10, 0, 2100 * MS, &wake) == LDISC_BLOCK && wake == 2200 * MS,
	      "inter-byte timer runs from the last byte");
	CHECK(ldisc_read_check(ld, 10, 0, 2200 * MS, &wake) == 1, "timer expired: 1 byte");
	ldisc_input(ld, "bc", 2, 2300 * MS);
	CHECK(ldisc_read_check(ld, 10, 0, 2300 * MS, &wake) == 3, "VMIN reached: 3 bytes");
	CHECK(ldisc_read_check(ld, 2, 0, 2300 * MS, &wake) == 2, "VMIN capped by the read size");
	ldisc_read(ld, b, 3);

	reset(ld);
	t = ld->t;
	t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	ldisc_set_termios(ld, &t);
	char big[100];
	memset(big, 'x', sizeof(big));
	ldisc_input(ld, big, sizeof(big), 0);
	CHECK(ldisc_readable(ld) == 64 && ld->dropped == 36, "input beyond the queue is dropped");
}

static void test_mode_switch(struct ldisc *ld)
{
	char b[64];
	struct termios t;

	reset(ld);
	type(ld, "part");
	t = ld->t;
	t.c_lflag &= ~(tcflag_t)ICANON;
	ldisc_set_termios(ld, &t);
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 4 && strcmp(b, "part") == 0,
	      "canonical -> raw keeps the edited line");
	type(ld, "raw");
	t.c_lflag |= ICANON;
	ldisc_set_termios(ld, &t);
	CHECK(rd(ld, b, sizeof(b) - 1, 0, 0) == 3 && strcmp(b, "raw") == 0,
	      "raw -> canonical makes typed bytes a line");
}

static void test_opost(struct ldisc *ld)
{
	char o[64];
	size_t used;

	reset(ld);
	size_t k = ldisc_opost(ld, "a\nb", 3, o, sizeof(o), &used);
	CHECK(k == 4 && memcmp(o, "a\r\nb", 4) == 0 && used == 3, "ONLCR");
	k = ldisc_opost(ld, "a\nb", 3, o, 2, &used);
	CHECK(k == 1 && used == 1, "stops before an expansion that does not fit");
	struct termios t = ld->t;
	t.c_oflag = OPOST | XTABS;
	ldisc_set_termios(ld, &t);
	ld->column = 0;
	k = ldisc_opost(ld, "ab\tc", 4, o, sizeof(o), &used);
	CHECK(k == 9 && memcmp(o, "ab      c", 9) == 0, "XTABS expands to the next tab stop");
	t.c_oflag = OPOST | OCRNL;
	ldisc_set_termios(ld, &t);
	k = ldisc_opost(ld, "\r", 1, o, sizeof(o), &used);
	CHECK(k == 1 && o[0] == '\n', "OCRNL");
	t.c_oflag = OPOST | ONOCR;
	ldisc_set_termios(ld, &t);
	ld->column = 0;
	k = ldisc_opost(ld, "\r", 1, o, sizeof(o), &used);
	CHECK(k == 0 && used == 1, "ONOCR: no CR at column 0");
	t.c_oflag = ONLCR; /* without OPOST nothing changes */
	ldisc_set_termios(ld, &t);
	k = ldisc_opost(ld, "a\n", 2, o, sizeof(o), &used);
	CHECK(k == 2 && memcmp(o, "a\n", 2) == 0, "no processing without OPOST");
}

int ldisc_test_main(void)
{
	struct ldisc ld;

	setvbuf(stdout, NULL, _IONBF, 0);
	memset(&ld, 0, sizeof(ld));
	test_canonical(&ld);
	test_echo_flags(&ld);
	test_signals(&ld);
	test_input_maps(&ld);
	test_vmin_vtime(&ld);
	test_mode_switch(&ld);
	test_opost(&ld);
	ldisc_fini(&ld);
	printf("ldisc: %d passed, %d failed\n", pass, fail);
	return fail != 0;
}
