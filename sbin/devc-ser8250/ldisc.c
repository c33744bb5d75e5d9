/*
 * ldisc.c - the terminal line discipline (see ldisc.h): POSIX general
 * terminal interface input processing (canonical editing, echo, signal
 * characters, CR/NL mapping, VMIN/VTIME) and output processing.
 */
#include "ldisc.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define CTRL(c) ((c)&0x1f)
#define DEL     0x7f

static int cc_is(const struct ldisc *ld, int idx, unsigned char c)
{
	cc_t v = ld->t.c_cc[idx];

	return v != _POSIX_VDISABLE && v == c;
}

int ldisc_init(struct ldisc *ld, size_t inq_size, size_t line_max, const struct ldisc_ops *ops,
               void *arg)
{
	memset(ld, 0, sizeof(*ld));
	if (inq_size < 2 || line_max < 2)
		return -1;
	ld->inq = malloc(inq_size);
	ld->line = malloc(line_max);
	ld->lines_max = inq_size; /* at most one line per byte */
	ld->lines = malloc(ld->lines_max * sizeof(size_t));
	if (ld->inq == NULL || ld->line == NULL || ld->lines == NULL) {
		ldisc_fini(ld);
		return -1;
	}
	ld->inq_size = inq_size;
	ld->line_max = line_max;
	ld->ops = ops;
	ld->arg = arg;
	struct termios *t = &ld->t;
	t->c_iflag = ICRNL | IXON | IMAXBEL;
	t->c_oflag = OPOST | ONLCR;
	t->c_cflag = CS8 | CREAD | CLOCAL | HUPCL;
	t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
	for (int i = 0; i < NCCS; i++)
		t->c_cc[i] = _POSIX_VDISABLE;
	t->c_cc[VINTR] = CTRL('c');
	t->c_cc[VQUIT] = CTRL('\\');
	t->c_cc[VERASE] = DEL;
	t->c_cc[VKILL] = CTRL('u');
	t->c_cc[VEOF] = CTRL('d');
	t->c_cc[VSTART] = CTRL('q');
	t->c_cc[VSTOP] = CTRL('s');
	t->c_cc[VSUSP] = CTRL('z');
	t->c_cc[VREPRINT] = CTRL('r');
	t->c_cc[VWERASE] = CTRL('w');
	t->c_cc[VLNEXT] = CTRL('v');
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
	t->c_ispeed = t->c_ospeed = B115200;
	ld->ws.ws_row = 24;
	ld->ws.ws_col = 80;
	return 0;
}

void ldisc_fini(struct ldisc *ld)
{
	free(ld->inq);
	free(ld->line);
	free(ld->lines);
	ld->inq = ld->line = NULL;
	ld->lines = NULL;
}

/* ---- output processing ---- */

size_t ldisc_opost(struct ldisc *ld, const char *in, size_t n, char *out, size_t outcap,
                   size_t *consumed)
{
	tcflag_t o = ld->t.c_oflag;
	size_t k = 0, i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)in[i];
		char tmp[8];
		size_t m = 0;
		if (!(o & OPOST)) {
			tmp[m++] = (char)c;
		} else if (c == '\n') {
			if (o & ONLCR) {
				tmp[m++] = '\r';
				tmp[m++] = '\n';
				ld->column = 0;
			} else {
				tmp[m++] = '\n';
				if (o & ONLRET)
					ld->column = 0;
			}
		} else if (c == '\r') {
			if ((o & ONOCR) && ld->column == 0) {
				m = 0; /* nothing to do at column 0 */
			} else if (o & OCRNL) {
				tmp[m++] = '\n';
				if (o & ONLRET)
					ld->column = 0;
			} else {
				tmp[m++] = '\r';
				ld->column = 0;
			}
		} else if (c == '\t' && (o & TABDLY) == XTABS) {
			unsigned sp = 8 - (ld->column % 8);
			memset(tmp, ' ', sp);
			m = sp;
			ld->column += sp;
		} else if (c == '\b') {
			tmp[m++] = '\b';
			if (ld->column > 0)
				ld->column--;
		} else {
			if ((o & OLCUC) && c >= 'a' && c <= 'z')
				c = (unsigned char)(c - 'a' + 'A');
			tmp[m++] = (char)c;
			if (c == '\t')
				ld->column = (ld->column | 7) + 1;
			else if (c >= 0x20 && c != DEL)
				ld->column++;
		}
		if (k + m > outcap)
			break;
		memcpy(out + k, tmp, m);
		k += m;
	}
	if (consumed != NULL)
		*consumed = i;
	return k;
}

/* Echoes n bytes through output processing. */
static void echo(struct ldisc *ld, const char *s, size_t n)
{
	char out[64];

	while (n > 0) {
		size_t used;
		size_t k = ldisc_opost(ld, s, n, out, sizeof(out), &used);
		if (ld->ops && ld->ops->output && k)
			ld->ops->output(ld->arg, out, k);
		if (used == 0)
			break;
		s += used;
		n -= used;
	}
}

/* Echoes input byte c (control characters as ^X with ECHOCTL). */
static void echo_char(struct ldisc *ld, unsigned char c)
{
	if (!(ld->t.c_lflag & ECHO))
		return;
	if ((ld->t.c_lflag & ECHOCTL) && (c < 0x20 || c == DEL) && c != '\n' && c != '\t') {
		char s[2] = {'^', (char)(c == DEL ? '?' : c + '@')};
		echo(ld, s, 2);
		return;
	}
	char s = (char)c;
	echo(ld, &s, 1);
}

/* Columns an echoed byte took (for erasing it). */
static unsigned width(const struct ldisc *ld, unsigned char c)
{
	if (c == '\t')
		return 1; /* tabs are erased as one column: the terminal knows better */
	if (c < 0x20 || c == DEL)
		return (ld->t.c_lflag & ECHOCTL) ? 2 : 0;
	return 1;
}

/* Visually erases the last n columns. */
static void rubout(struct ldisc *ld, unsigned n)
{
	while (n-- > 0)
		echo(ld, "\b \b", 3);
}

/* ---- the input queue ---- */

size_t ldisc_readable(const struct ldisc *ld)
{
	if (ld->t.c_lflag & ICANON)
		return ld->lines_n ? ld->lines[ld->lines_head] - ld->line_used : 0;
	return ld->inq_len;
}

/* Appends bytes to the input queue; returns how many fitted. */
static size_t inq_put(struct ldisc *ld, const char *s, size_t n)
{
	size_t room = ld->inq_size - ld->inq_len;

	if (n > room)
		n = room;
	for (size_t i = 0; i < n; i++)
		ld->inq[(ld->inq_head + ld->inq_len + i) % ld->inq_size] = s[i];
	ld->inq_len += n;
	return n;
}

/* Takes n bytes from the head of the input queue into buf (buf may be NULL). */
static void inq_take(struct ldisc *ld, char *buf, size_t n)
{
	for (size_t i = 0; i < n && buf; i++)
		buf[i] = ld->inq[(ld->inq_head + i) % ld->inq_size];
	ld->inq_head = (ld->inq_head + n) % ld->inq_size;
	ld->inq_len -= n;
}

/* Makes the edited line (with delimiter, if any, already appended) readable. */
static void line_complete(struct ldisc *ld)
{
	if (ld->lines_n == ld->lines_max || ld->inq_size - ld->inq_len < ld->line_len) {
		ld->dropped += ld->line_len;
		ld->line_len = 0;
		return;
	}
	inq_put(ld, ld->line, ld->line_len);
	ld->lines[(ld->lines_head + ld->lines_n) % ld->lines_max] = ld->line_len;
	ld->lines_n++;
	ld->line_len = 0;
	if (ld->ops && ld->ops->wake)
		ld->ops->wake(ld->arg);
}

void ldisc_flush_input(struct ldisc *ld)
{
	ld->inq_head = ld->inq_len = 0;
	ld->lines_head = ld->lines_n = 0;
	ld->line_used = 0;
	ld->line_len = 0;
	ld->lnext = 0;
}

/* A signal character: flush (unless NOFLSH), signal the group, echo it. */
static void sigchar(struct ldisc *ld, unsigned char c, int signo)
{
	if (!(ld->t.c_lflag & NOFLSH))
		ldisc_flush_input(ld);
	if (ld->ops && ld->ops->signal) /* the driver flushes output (before the echo) */
		ld->ops->signal(ld->arg, signo);
	echo_char(ld, c);
}

/* Canonical editing of one byte (not a signal or flow character). */
static void canon(struct ldisc *ld, unsigned char c)
{
	tcflag_t l = ld->t.c_lflag;

	if (!ld->lnext && cc_is(ld, VERASE, c)) {
		if (ld->line_len == 0)
			return;
		unsigned char gone = (unsigned char)ld->line[--ld->line_len];
		if (l & ECHO) {
			if (l & ECHOE)
				rubout(ld, width(ld, gone));
			else
				echo_char(ld, c);
		}
		return;
	}
	if (!ld->lnext && (l & IEXTEN) && cc_is(ld, VWERASE, c)) {
		unsigned cols = 0;
		while (ld->line_len > 0 &&
		       (ld->line[ld->line_len - 1] == ' ' || ld->line[ld->line_len - 1] == '\t'))
			cols += width(ld, (unsigned char)ld->line[--ld->line_len]);
		while (ld->line_len > 0 && ld->line[ld->line_len - 1] != ' ' &&
		       ld->line[ld->line_len - 1] != '\t')
			cols += width(ld, (unsigned char)ld->line[--ld->line_len]);
		if (l & ECHO) {
			if (l & ECHOE)
				rubout(ld, cols);
			else
				echo_char(ld, c);
		}
		return;
	}
	if (!ld->lnext && cc_is(ld, VKILL, c)) {
		unsigned cols = 0;
		for (size_t i = 0; i < ld->line_len; i++)
			cols += width(ld, (unsigned char)ld->line[i]);
		ld->line_len = 0;
		if (l & ECHO) {
			if (l & ECHOKE) {
				rubout(ld, cols);
			} else {
				echo_char(ld, c);
				if (l & ECHOK)
					echo(ld, "\n", 1);
			}
		}
		return;
	}
	if (!ld->lnext && (l & IEXTEN) && cc_is(ld, VREPRINT, c)) {
		echo_char(ld, c);
		echo(ld, "\n", 1);
		if (l & ECHO)
			echo(ld, ld->line, ld->line_len);
		return;
	}
	if (!ld->lnext && cc_is(ld, VEOF, c)) {
		line_complete(ld); /* without the character; an empty line is end of file */
		return;
	}
	int delim = !ld->lnext && (c == '\n' || cc_is(ld, VEOL, c) || cc_is(ld, VEOL2, c));
	ld->lnext = 0;
	if (ld->line_len == ld->line_max - (delim ? 0 : 1)) {
		/* Full: keep one byte for the delimiter; ring the bell. */
		ld->dropped++;
		if (ld->t.c_iflag & IMAXBEL)
			echo(ld, "\a", 1);
		if (!delim)
			return;
	} else {
		ld->line[ld->line_len++] = (char)c;
	}
	if (delim) {
		if ((l & ECHO) || (c == '\n' && (l & ECHONL)))
			echo(ld, (const char *)&c, 1);
		line_complete(ld);
	} else {
		echo_char(ld, c);
	}
}

void ldisc_input(struct ldisc *ld, const char *buf, size_t n, int64_t now_ns)
{
	tcflag_t i = ld->t.c_iflag, l = ld->t.c_lflag;
	size_t before = ldisc_readable(ld);

	if (n > 0)
		ld->last_rx_ns = now_ns;
	for (size_t k = 0; k < n; k++) {
		unsigned char c = (unsigned char)buf[k];
		if (i & ISTRIP)
			c &= 0x7f;
		if (ld->lnext && (l & ICANON)) {
			canon(ld, c);
			continue;
		}
		if (ld->lnext) {
			ld->lnext = 0;
			goto raw;
		}
		if (c == '\r') {
			if (i & IGNCR)
				continue;
			if (i & ICRNL)
				c = '\n';
		} else if (c == '\n' && (i & INLCR)) {
			c = '\r';
		}
		if (i & IXON) {
			if (cc_is(ld, VSTOP, c)) {
				ld->stopped = 1;
				continue;
			}
			if (cc_is(ld, VSTART, c)) {
				ld->stopped = 0;
				continue;
			}
			if (ld->stopped && (i & IXANY))
				ld->stopped = 0;
		}
		if (l & ISIG) {
			if (cc_is(ld, VINTR, c)) {
				sigchar(ld, c, SIGINT);
				continue;
			}
			if (cc_is(ld, VQUIT, c)) {
				sigchar(ld, c, SIGQUIT);
				continue;
			}
			if (cc_is(ld, VSUSP, c)) {
				sigchar(ld, c, SIGTSTP);
				continue;
			}
		}
		if ((l & IEXTEN) && cc_is(ld, VLNEXT, c)) {
			ld->lnext = 1;
			if ((l & ECHO) && (l & ECHOCTL) && (l & ICANON))
				echo(ld, "^\b", 2);
			continue;
		}
		if (l & ICANON) {
			canon(ld, c);
			continue;
		}
	raw:
		if (inq_put(ld, (const char *)&c, 1) == 0) {
			ld->dropped++;
			if (i & IMAXBEL)
				echo(ld, "\a", 1);
			continue;
		}
		echo_char(ld, c);
	}
	if (!(l & ICANON) && ldisc_readable(ld) > before && ld->ops && ld->ops->wake)
		ld->ops->wake(ld->arg);
}

/* ---- reading ---- */

long ldisc_read_check(struct ldisc *ld, size_t nbytes, int64_t start_ns, int64_t now_ns,
                      int64_t *wake_ns)
{
	*wake_ns = 0;
	if (nbytes == 0)
		return 0;
	if (ld->t.c_lflag & ICANON) {
		if (ld->lines_n == 0)
			return LDISC_BLOCK;
		size_t left = ld->lines[ld->lines_head] - ld->line_used;
		return left == 0 ? 0 : (long)(left < nbytes ? left : nbytes);
	}
	size_t min = ld->t.c_cc[VMIN];
	int64_t time = (int64_t)ld->t.c_cc[VTIME] * 100000000; /* tenths of a second */
	size_t have = ld->inq_len;
	size_t take = have < nbytes ? have : nbytes;
	if (min > nbytes)
		min = nbytes;
	if (min == 0 && time == 0) /* polling read */
		return (long)take;
	if (min == 0) { /* read timer from the start of the read */
		if (have > 0)
			return (long)take;
		if (now_ns - start_ns >= time)
			return 0;
		*wake_ns = start_ns + time;
		return LDISC_BLOCK;
	}
	if (have >= min)
		return (long)take;
	if (time == 0 || have == 0) /* wait for MIN (the inter-byte timer starts with a byte) */
		return LDISC_BLOCK;
	int64_t since = ld->last_rx_ns > start_ns ? ld->last_rx_ns : start_ns;
	if (now_ns - since >= time)
		return (long)take;
	*wake_ns = since + time;
	return LDISC_BLOCK;
}

size_t ldisc_read(struct ldisc *ld, char *buf, size_t n)
{
	if (ld->t.c_lflag & ICANON) {
		if (ld->lines_n == 0)
			return 0;
		size_t len = ld->lines[ld->lines_head];
		size_t left = len - ld->line_used;
		size_t k = left < n ? left : n;
		inq_take(ld, buf, k);
		ld->line_used += k;
		if (ld->line_used == len) {
			ld->lines_head = (ld->lines_head + 1) % ld->lines_max;
			ld->lines_n--;
			ld->line_used = 0;
		}
		return k;
	}
	size_t k = ld->inq_len < n ? ld->inq_len : n;
	inq_take(ld, buf, k);
	return k;
}

int ldisc_set_termios(struct ldisc *ld, const struct termios *t)
{
	int was = (ld->t.c_lflag & ICANON) != 0, now = (t->c_lflag & ICANON) != 0;

	if (was && !now) {
		/* The edited line is input too; line boundaries no longer matter. */
		ld->lines_head = ld->lines_n = 0;
		ld->line_used = 0;
		size_t k = inq_put(ld, ld->line, ld->line_len);
		ld->dropped += ld->line_len - k;
		ld->line_len = 0;
	} else if (!was && now && ld->inq_len > 0) {
		/* Bytes already typed become one line a read can take. */
		ld->lines_head = 0;
		ld->lines[0] = ld->inq_len;
		ld->lines_n = 1;
		ld->line_used = 0;
	}
	ld->t = *t;
	return 0;
}
