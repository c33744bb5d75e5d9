/*
 * ldisc.h - the terminal line discipline: POSIX input and output
 * processing (termios), as a pure module with no I/O of its own. The
 * driver feeds it received bytes (ldisc_input), asks it what a read may
 * take (ldisc_read_check / ldisc_read), runs written bytes through output
 * processing (ldisc_opost), and gets echo, signals and wake-ups through
 * the callbacks in struct ldisc_ops. The host test (tests/ldisc_test.c)
 * drives it directly.
 *
 * Queues: a canonical line being edited (line), and the input a read can
 * take (inq, a byte ring; in canonical mode with the lengths of complete
 * lines in lines[]). Both have fixed capacities set at ldisc_init(); input
 * that does not fit is dropped and counted (ld->dropped), with a BEL echoed
 * when IMAXBEL is set, as terminals do.
 *
 * Not thread-safe: the driver serialises calls.
 */
#ifndef LDISC_H
#define LDISC_H

#include <stddef.h>
#include <stdint.h>
#include <termios.h>

struct ldisc_ops {
	/* Bytes to transmit (echo, already output-processed). */
	void (*output)(void *arg, const char *buf, size_t n);
	/* A signal for the terminal's foreground process group (ISIG). */
	void (*signal)(void *arg, int signo);
	/* Input became readable (wake blocked readers, poll). */
	void (*wake)(void *arg);
};

struct ldisc {
	struct termios t;
	struct winsize ws;
	const struct ldisc_ops *ops;
	void *arg;
	/* the input a read takes */
	char *inq;
	size_t inq_size, inq_head, inq_len;
	/* canonical mode: lengths of the complete lines at the head of inq (a ring) */
	size_t *lines;
	size_t lines_max, lines_head, lines_n;
	size_t line_used; /* bytes of the first complete line already read */
	/* the canonical line being edited */
	char *line;
	size_t line_max, line_len;
	int lnext;          /* the next byte is taken literally (VLNEXT) */
	int stopped;        /* output stopped by VSTOP (IXON) */
	unsigned column;    /* output column, for tabs and erasing */
	uint64_t dropped;   /* input bytes lost (queues full) */
	int64_t last_rx_ns; /* when the last byte arrived (VTIME) */
};

/* ldisc_read_check(): the read must wait. */
#define LDISC_BLOCK (-1L)

/*
 * Sets up ld with an input queue of inq_size bytes and a canonical line of
 * line_max bytes (both at least 2), default termios (canonical, echo,
 * signals, ICRNL, OPOST|ONLCR, the usual control characters) and window
 * size 24x80. Returns 0, or -1 if memory ran out.
 */
int ldisc_init(struct ldisc *ld, size_t inq_size, size_t line_max, const struct ldisc_ops *ops,
               void *arg);
void ldisc_fini(struct ldisc *ld);

/* Processes received bytes (at time now_ns, monotonic). */
void ldisc_input(struct ldisc *ld, const char *buf, size_t n, int64_t now_ns);

/*
 * What a read of nbytes started at start_ns may do at now_ns: a count
 * > 0 of bytes it can take now (ldisc_read), 0 to return 0 at once (end of
 * file, or VMIN/VTIME says so), or LDISC_BLOCK to wait for input, until
 * *wake_ns if that is set nonzero (VTIME).
 */
long ldisc_read_check(struct ldisc *ld, size_t nbytes, int64_t start_ns, int64_t now_ns,
                      int64_t *wake_ns);

/*
 * Takes up to n bytes for a read (after ldisc_read_check said so): in
 * canonical mode at most the rest of one line; an end-of-file mark is
 * consumed and gives 0 (when ldisc_read_check returned 0, call
 * ldisc_read(ld, NULL, 0) to use up a mark there may be). Returns the
 * bytes copied to buf.
 */
size_t ldisc_read(struct ldisc *ld, char *buf, size_t n);

/* Bytes a read could take now (FIONREAD). */
size_t ldisc_readable(const struct ldisc *ld);

/*
 * Output processing (OPOST, ONLCR, OCRNL, ONOCR, ONLRET, OLCUC, XTABS) of
 * in[0..n) into out[0..outcap). Stops before a byte whose expansion does
 * not fit. Returns the bytes produced; *consumed gets the input bytes used.
 */
size_t ldisc_opost(struct ldisc *ld, const char *in, size_t n, char *out, size_t outcap,
                   size_t *consumed);

/* Discards the input queue and the line being edited (TCIFLUSH). */
void ldisc_flush_input(struct ldisc *ld);

/*
 * Installs new termios settings. Switching ICANON keeps the input: the
 * edited line becomes readable bytes (canonical -> raw), or the queued
 * bytes one line (raw -> canonical). Returns 0, or -1 for settings it
 * rejects (VMIN/VTIME out of range are clamped, not rejected).
 */
int ldisc_set_termios(struct ldisc *ld, const struct termios *t);

#endif /* LDISC_H */
