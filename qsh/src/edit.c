/*
 * edit.c - the emacs-style line editor for interactive input: cursor
 * movement (arrows, home/end, ^A ^E ^B ^F, word moves), deletion (^H ^D
 * ^K ^U ^W), kill/yank, ^L redraw, history (up/down, ^P ^N), tab
 * completion (complete.c), single-line display with horizontal scrolling.
 * Without a terminal it falls back to reading a plain line.
 */
#include "qsh.h"
#include "shell.h"
#include "editint.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int tty_raw(int fd);
void tty_cooked(int fd);
void tty_chars(int *erase, int *kill, int *werase, int *eof, int *intr);
int tty_columns(void);

static char *killbuf;

/* Write to the editor's output. */
void ed_write(struct ed *e, const char *s, size_t n)
{
	write_all(e->out, s, n);
}

static void grow(struct ed *e, size_t more)
{
	if (e->len + more + 1 > e->cap) {
		while (e->len + more + 1 > e->cap)
			e->cap = e->cap ? e->cap * 2 : 128;
		e->buf = xrealloc(e->buf, e->cap);
	}
}

/* Insert n bytes at the cursor. */
void ed_insert(struct ed *e, const char *s, size_t n)
{
	grow(e, n);
	memmove(e->buf + e->pos + n, e->buf + e->pos, e->len - e->pos);
	memcpy(e->buf + e->pos, s, n);
	e->len += n;
	e->pos += n;
	e->buf[e->len] = 0;
}

static void del(struct ed *e, size_t at, size_t n)
{
	if (at >= e->len)
		return;
	if (at + n > e->len)
		n = e->len - at;
	memmove(e->buf + at, e->buf + at + n, e->len - at - n);
	e->len -= n;
	e->buf[e->len] = 0;
	if (e->pos > at + n)
		e->pos -= n;
	else if (e->pos > at)
		e->pos = at;
}

static void set_kill(const char *s, size_t n)
{
	if (!n)
		return;
	free(killbuf);
	killbuf = xstrndup(s, n);
}

/* Append a visible character (control characters in caret notation). */
static void put_vis(struct sbuf *b, char c)
{
	unsigned char u = (unsigned char)c;
	if (u < 32 || u == 127) {
		sb_addc(b, '^');
		sb_addc(b, u == 127 ? '?' : u + 64);
	} else {
		sb_addc(b, c);
	}
}

static size_t vis_width(const char *s, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char u = (unsigned char)s[i];
		w += (u < 32 || u == 127) ? 2 : 1;
	}
	return w;
}

/* Redisplay the prompt's last line and the visible part of the buffer. */
void ed_refresh(struct ed *e)
{
	size_t avail = (size_t)e->cols > e->pwidth + 2 ? (size_t)e->cols - e->pwidth - 2 : 8;
	size_t off = 0;
	if (vis_width(e->buf, e->pos) >= avail) {
		off = e->pos;
		size_t w = 0;
		while (off > 0 && w + vis_width(e->buf + off - 1, 1) < avail / 2 + avail / 4) {
			off--;
			w += vis_width(e->buf + off, 1);
		}
	}
	struct sbuf b;
	sb_init(&b);
	sb_addc(&b, '\r');
	sb_adds(&b, e->prompt);
	size_t w = 0, end = off;
	while (end < e->len && w + vis_width(e->buf + end, 1) <= avail) {
		w += vis_width(e->buf + end, 1);
		end++;
	}
	if (off > 0)
		sb_addc(&b, '<');
	for (size_t i = off; i < end; i++)
		put_vis(&b, e->buf[i]);
	if (end < e->len)
		sb_addc(&b, '>');
	sb_adds(&b, "\033[K\r");
	sb_adds(&b, e->prompt);
	if (off > 0)
		sb_addc(&b, '<');
	for (size_t i = off; i < e->pos; i++)
		put_vis(&b, e->buf[i]);
	ed_write(e, b.s, b.len);
	sb_free(&b);
}

/* Print the prompt's last line and the buffer on a fresh line. */
void ed_redraw_full(struct ed *e)
{
	ed_write(e, "\n", 1);
	ed_refresh(e);
}

static int is_word(char c)
{
	return c_isalnum((unsigned char)c) || c == '_' || c == '$';
}

static size_t word_back(struct ed *e)
{
	size_t p = e->pos;
	while (p > 0 && !is_word(e->buf[p - 1]))
		p--;
	while (p > 0 && is_word(e->buf[p - 1]))
		p--;
	return p;
}

static size_t word_fwd(struct ed *e)
{
	size_t p = e->pos;
	while (p < e->len && !is_word(e->buf[p]))
		p++;
	while (p < e->len && is_word(e->buf[p]))
		p++;
	return p;
}

static void load_line(struct ed *e, const char *s)
{
	e->len = e->pos = 0;
	size_t n = strlen(s);
	while (n && s[n - 1] == '\n')
		n--;
	grow(e, n);
	memcpy(e->buf, s, n);
	e->len = e->pos = n;
	e->buf[n] = 0;
}

static void history_move(struct ed *e, int dir)
{
	int n = hist_count();
	int ni = e->hidx + dir;
	if (ni < 0 || ni > n) {
		ed_write(e, "\a", 1);
		return;
	}
	if (e->hidx == n) {
		free(e->saved);
		e->saved = xstrndup(e->buf, e->len);
	}
	e->hidx = ni;
	load_line(e, ni == n ? (e->saved ? e->saved : "") : hist_get(ni));
}

/* Read one byte from the terminal; -1 EOF, -2 interrupted (SIGINT). */
static int rd(void)
{
	for (;;) {
		unsigned char c;
		ssize_t r = read(0, &c, 1);
		if (r == 1)
			return c;
		if (r < 0 && errno == EINTR) {
			if (got_sigint)
				return -2;
			if (trap_pending())
				return -3;
			continue;
		}
		return -1;
	}
}

/* Strip the "\1\r" non-printing-sequence convention; returns the last line. */
static char *prompt_last_line(const char *prompt, size_t *width, struct sbuf *full)
{
	int delim = 0;
	const char *p = prompt;
	if (p[0] && p[1] == '\r') {
		delim = (unsigned char)p[0];
		p += 2;
	}
	struct sbuf last;
	sb_init(&last);
	size_t w = 0;
	int hidden = 0;
	for (; *p; p++) {
		if (delim && (unsigned char)*p == delim) {
			hidden = !hidden;
			continue;
		}
		sb_addc(full, *p);
		if (*p == '\n' || *p == '\r') {
			sb_reset(&last);
			w = 0;
			continue;
		}
		sb_addc(&last, *p);
		if (!hidden)
			w++;
	}
	*width = w;
	return sb_take(&last);
}

/* Plain line reading (no terminal or dumb terminal). */
static char *read_plain(const char *prompt)
{
	out_str(2, prompt);
	struct sbuf b;
	sb_init(&b);
	for (;;) {
		int c = rd();
		if (c == -2) {
			sb_free(&b);
			got_sigint = 0;
			unwind(UW_INTR);
		}
		if (c == -3) {
			run_pending_traps();
			continue;
		}
		if (c < 0)
			break;
		sb_addc(&b, c);
		if (c == '\n')
			break;
	}
	if (!b.len) {
		sb_free(&b);
		return NULL;
	}
	return sb_take(&b);
}

/* Handle an escape sequence after ESC. Returns 1 if the line is done. */
static void escape_seq(struct ed *e)
{
	int c = rd();
	if (c == '[' || c == 'O') {
		int d = rd();
		int num = 0;
		while (d >= '0' && d <= '9') {
			num = num * 10 + d - '0';
			d = rd();
		}
		while (d == ';') { /* modifiers: ESC [ 1 ; 5 C */
			d = rd();
			while (d >= '0' && d <= '9')
				d = rd();
		}
		switch (d) {
		case 'A':
			history_move(e, -1);
			return;
		case 'B':
			history_move(e, 1);
			return;
		case 'C':
			if (e->pos < e->len)
				e->pos++;
			return;
		case 'D':
			if (e->pos > 0)
				e->pos--;
			return;
		case 'H':
			e->pos = 0;
			return;
		case 'F':
			e->pos = e->len;
			return;
		case '~':
			if (num == 1 || num == 7)
				e->pos = 0;
			else if (num == 4 || num == 8)
				e->pos = e->len;
			else if (num == 3)
				del(e, e->pos, 1);
			return;
		}
		return;
	}
	switch (c) {
	case 'b':
	case 'B':
		e->pos = word_back(e);
		break;
	case 'f':
	case 'F':
		e->pos = word_fwd(e);
		break;
	case 'd': {
		size_t end = word_fwd(e);
		set_kill(e->buf + e->pos, end - e->pos);
		del(e, e->pos, end - e->pos);
		break;
	}
	case 127:
	case 8: {
		size_t st = word_back(e);
		set_kill(e->buf + st, e->pos - st);
		del(e, st, e->pos - st);
		break;
	}
	case '<':
		if (hist_count())
			history_move(e, -e->hidx);
		break;
	case '>':
		history_move(e, hist_count() - e->hidx);
		break;
	case 27:
		complete_word(e, 1);
		break;
	case '=':
	case '?':
		complete_word(e, 2);
		break;
	case 12:
		ed_write(e, "\033[H\033[2J", 7);
		ed_refresh(e);
		break;
	case '.':
	case '_': {
		int n = hist_count();
		if (n) {
			const char *h = hist_get(n - 1);
			size_t l = strlen(h);
			while (l && (h[l - 1] == ' ' || h[l - 1] == '\n'))
				l--;
			size_t s = l;
			while (s && h[s - 1] != ' ' && h[s - 1] != '\t')
				s--;
			ed_insert(e, h + s, l - s);
		}
		break;
	}
	}
}

/* Read an edited line (with its newline) from the terminal; NULL at EOF. */
char *edit_read_line(const char *prompt)
{
	if (sh.tty_fd < 0 || !isatty(0) || (!Flag(O_EMACS) && !Flag(O_GMACS) && !Flag(O_VI)))
		return read_plain(prompt);
	struct sbuf full;
	sb_init(&full);
	struct ed e;
	memset(&e, 0, sizeof e);
	char *last = prompt_last_line(prompt, &e.pwidth, &full);
	e.prompt = last;
	e.out = 2;
	tty_update_size();
	e.cols = tty_columns();
	e.hidx = hist_count();
	grow(&e, 1);
	e.buf[0] = 0;
	if (tty_raw(0) < 0) {
		free(last);
		sb_free(&full);
		return read_plain(prompt);
	}
	int erase, kill_c, werase, eofc, intr;
	tty_chars(&erase, &kill_c, &werase, &eofc, &intr);
	ed_write(&e, full.s ? full.s : "", full.len);
	sb_free(&full);
	char *result = NULL;
	int done = 0, eof = 0;
	while (!done) {
		int c = rd();
		if (c == -3) {
			tty_cooked(0);
			run_pending_traps();
			tty_raw(0);
			e.cols = tty_columns();
			ed_refresh(&e);
			continue;
		}
		if (c == -2 || c == intr) {
			got_sigint = 0;
			tty_cooked(0);
			ed_write(&e, "\n", 1);
			free(e.buf);
			free(e.saved);
			free(last);
			unwind(UW_INTR);
		}
		if (c == -1) {
			eof = 1;
			break;
		}
		if (c == erase || c == 8 || c == 127) {
			if (e.pos > 0)
				del(&e, e.pos - 1, 1);
		} else if (c == kill_c) {
			set_kill(e.buf, e.len);
			e.len = e.pos = 0;
			e.buf[0] = 0;
		} else if (c == werase) {
			size_t st = word_back(&e);
			set_kill(e.buf + st, e.pos - st);
			del(&e, st, e.pos - st);
		} else if (c == eofc && e.len == 0) {
			eof = 1;
			break;
		} else {
			switch (c) {
			case '\r':
			case '\n':
				done = 1;
				break;
			case 1:
				e.pos = 0;
				break;
			case 5:
				e.pos = e.len;
				break;
			case 2:
				if (e.pos > 0)
					e.pos--;
				break;
			case 6:
				if (e.pos < e.len)
					e.pos++;
				break;
			case 4:
				del(&e, e.pos, 1);
				break;
			case 11:
				set_kill(e.buf + e.pos, e.len - e.pos);
				e.len = e.pos;
				e.buf[e.len] = 0;
				break;
			case 12:
				ed_redraw_full(&e);
				break;
			case 16:
				history_move(&e, -1);
				break;
			case 14:
				history_move(&e, 1);
				break;
			case 20:
				if (e.pos > 0 && e.len > 1) {
					if (e.pos == e.len)
						e.pos--;
					char t = e.buf[e.pos - 1];
					e.buf[e.pos - 1] = e.buf[e.pos];
					e.buf[e.pos] = t;
					e.pos++;
				}
				break;
			case 25:
				if (killbuf)
					ed_insert(&e, killbuf, strlen(killbuf));
				break;
			case 9:
				complete_word(&e, 1);
				break;
			case 22:
			case 30: {
				int q = rd();
				if (q >= 0) {
					char ch = (char)q;
					ed_insert(&e, &ch, 1);
				}
				break;
			}
			case 27:
				escape_seq(&e);
				break;
			case 7:
				e.len = e.pos = 0;
				e.buf[0] = 0;
				break;
			default:
				if (c >= 32 || c >= 128) {
					char ch = (char)c;
					ed_insert(&e, &ch, 1);
				}
			}
		}
		if (!done)
			ed_refresh(&e);
	}
	e.pos = e.len;
	ed_refresh(&e);
	ed_write(&e, "\n", 1);
	tty_cooked(0);
	if (!eof || e.len) {
		grow(&e, 1);
		e.buf[e.len++] = '\n';
		e.buf[e.len] = 0;
		result = e.buf;
	} else {
		free(e.buf);
	}
	free(e.saved);
	free(last);
	return result;
}
