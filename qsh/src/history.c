/*
 * history.c - the command history (HISTSIZE entries), the history file
 * (HISTFILE: one entry per line, "\n" and "\\" escaped, appended as
 * commands are entered) and the fc builtin (-l listing, -s/-e -
 * re-execution, -e editor).
 */
#include "qsh.h"
#include "shell.h"
#include "lex.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char **hl;     /* entries, oldest first */
static int hn, hcap;  /* number, capacity */
static int hbase = 1; /* history number of hl[0] */
static long hmax = 2047;
static char *hfile;

static void trim_to_max(void)
{
	while (hn > hmax && hn > 0) {
		free(hl[0]);
		memmove(hl, hl + 1, (size_t)(hn - 1) * sizeof *hl);
		hn--;
		hbase++;
	}
}

static void push(const char *s)
{
	if (hn == hcap) {
		hcap = hcap ? hcap * 2 : 64;
		hl = xrealloc(hl, (size_t)hcap * sizeof *hl);
	}
	hl[hn++] = xstrdup(s);
	trim_to_max();
}

/* Escape an entry for the history file. */
static void file_append(const char *s)
{
	if (!hfile)
		return;
	int fd = open(hfile, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	struct sbuf b;
	sb_init(&b);
	for (const char *p = s; *p; p++) {
		if (*p == '\n')
			sb_adds(&b, "\\n");
		else if (*p == '\\')
			sb_adds(&b, "\\\\");
		else
			sb_addc(&b, *p);
	}
	sb_addc(&b, '\n');
	write_all(fd, b.s, b.len);
	close(fd);
	sb_free(&b);
}

/* Add a command to the history (and the file); blank-led lines are skipped. */
void hist_add(const char *line)
{
	size_t n = strlen(line);
	while (n && line[n - 1] == '\n')
		n--;
	if (!n)
		return;
	char *s = xstrndup(line, n);
	const char *ifs = ifs_value();
	if ((*s && strchr(ifs, *s)) || (hn && !strcmp(hl[hn - 1], s))) {
		free(s);
		return;
	}
	push(s);
	file_append(s);
	free(s);
}

/* Load the history file (replacing the in-memory history). */
static void load_file(void)
{
	for (int i = 0; i < hn; i++)
		free(hl[i]);
	hn = 0;
	hbase = 1;
	if (!hfile)
		return;
	int fd = open(hfile, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return;
	struct sbuf all, e;
	sb_init(&all);
	sb_init(&e);
	char buf[4096];
	ssize_t r;
	while ((r = read(fd, buf, sizeof buf)) > 0)
		sb_addn(&all, buf, (size_t)r);
	close(fd);
	for (size_t i = 0; i < all.len; i++) {
		char c = all.s[i];
		if (c == '\\' && i + 1 < all.len) {
			c = all.s[++i];
			sb_addc(&e, c == 'n' ? '\n' : c);
			continue;
		}
		if (c == '\n') {
			if (e.len)
				push(e.s);
			sb_reset(&e);
			continue;
		}
		sb_addc(&e, c);
	}
	if (e.len)
		push(e.s);
	sb_free(&all);
	sb_free(&e);
}

/* HISTFILE changed (NULL: unset). */
void hist_set_file(const char *path)
{
	free(hfile);
	hfile = path && *path ? xstrdup(path) : NULL;
	if (sh.interactive)
		load_file();
}

/* HISTSIZE changed. */
void hist_set_size(long n)
{
	if (n <= 0)
		n = 2047;
	if (n > 65535)
		n = 65535;
	hmax = n;
	trim_to_max();
}

/* Interactive start-up: pick up HISTFILE/HISTSIZE. */
void hist_init(void)
{
	const char *s = var_getstr("HISTSIZE");
	if (s)
		hist_set_size(atol(s));
	const char *f = var_getstr("HISTFILE");
	hist_set_file(f);
}

/* Nothing is buffered: entries are written as they are added. */
void hist_save(void)
{
}

/* Nothing pending between prompts. */
void hist_pending_flush(void)
{
}

/* Number of entries. */
int hist_count(void)
{
	return hn;
}

/* Entry idx (0 = oldest), or NULL. */
const char *hist_get(int idx)
{
	return idx >= 0 && idx < hn ? hl[idx] : NULL;
}

/* History number of the next command. */
int hist_number(void)
{
	return hbase + hn;
}

/* After a command was read interactively: add its text. */
void hist_commit(void)
{
	struct source *s = src_top;
	while (s && s->type != S_TTY)
		s = s->prev;
	if (!s || !s->hist.len)
		return;
	hist_add(s->hist.s);
	sb_reset(&s->hist);
}

/* Resolve an fc argument (number, -offset, or prefix) to an index; -1. */
static int find_entry(const char *a, int dflt)
{
	if (!a)
		return dflt;
	long n;
	if (parse_int(a, &n) == 0) {
		int idx = n < 0 ? hn + (int)n : (int)n - hbase;
		if (idx < 0)
			idx = 0;
		if (idx >= hn)
			idx = hn - 1;
		return idx;
	}
	for (int i = hn - 1; i >= 0; i--)
		if (!strncmp(hl[i], a, strlen(a)))
			return i;
	return -1;
}

static int run_text(const char *cmd)
{
	out_fmt(2, "%s\n", cmd);
	hist_add(cmd);
	return exec_list_string(cmd, NULL, sh.src.line, 1);
}

/* fc [-e editor | -l [-n]] [-r] [first [last]] ; fc -e - | -s [old=new] [prefix] */
int fc_builtin(int argc, char **argv)
{
	int list = 0, nonum = 0, rev = 0, i = 1, reexec = 0;
	const char *editor = NULL;
	for (; i < argc && argv[i][0] == '-' && argv[i][1] && !c_isdigit((unsigned char)argv[i][1]);
	     i++) {
		if (!strcmp(argv[i], "--")) {
			i++;
			break;
		}
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'l')
				list = 1;
			else if (*p == 'n')
				nonum = 1;
			else if (*p == 'r')
				rev = 1;
			else if (*p == 's')
				reexec = 1;
			else if (*p == 'g')
				;
			else if (*p == 'e') {
				if (i + 1 >= argc) {
					bi_errorf("-e: missing argument");
					return 1;
				}
				editor = argv[++i];
				if (!strcmp(editor, "-"))
					reexec = 1;
				break;
			} else {
				bi_errorf("-%c: unknown option", *p);
				return 1;
			}
		}
	}
	if (reexec) {
		const char *old = NULL, *nw = NULL;
		if (i < argc && strchr(argv[i], '=')) {
			char *eq = strchr(argv[i], '=');
			old = ststrndup(argv[i], (size_t)(eq - argv[i]));
			nw = eq + 1;
			i++;
		}
		int idx = find_entry(i < argc ? argv[i] : NULL, hn - 1);
		if (idx < 0 || !hn) {
			bi_errorf("no history (yet)");
			return 1;
		}
		struct xstr x;
		xs_init(&x);
		const char *s = hl[idx];
		const char *pos = old && *old ? strstr(s, old) : NULL;
		if (pos) {
			xs_addn(&x, s, (size_t)(pos - s));
			xs_adds(&x, nw);
			xs_adds(&x, pos + strlen(old));
		} else {
			xs_adds(&x, s);
		}
		return run_text(xs_str(&x));
	}
	if (!hn) {
		if (list)
			return 0;
		bi_errorf("no history (yet)");
		return 1;
	}
	int first = find_entry(i < argc ? argv[i] : NULL, list ? (hn > 16 ? hn - 16 : 0) : hn - 1);
	int last = find_entry(i + 1 < argc ? argv[i + 1] : NULL, list ? hn - 1 : first);
	if (first < 0 || last < 0) {
		bi_errorf("history entry not found");
		return 1;
	}
	if (first > last) {
		int t = first;
		first = last;
		last = t;
		rev = !rev;
	}
	if (list) {
		struct sbuf b;
		sb_init(&b);
		for (int k = 0; k <= last - first; k++) {
			int idx = rev ? last - k : first + k;
			if (nonum)
				sb_printf(&b, "\t%s\n", hl[idx]);
			else
				sb_printf(&b, "%d\t%s\n", hbase + idx, hl[idx]);
		}
		out_n(1, b.s, b.len);
		sb_free(&b);
		return 0;
	}
	/* edit with an editor, then run */
	if (!editor)
		editor = var_getstr("FCEDIT");
	if (!editor)
		editor = "/bin/ed";
	const char *dir = var_getstr("TMPDIR");
	char *t = xs_cat2(dir && dir[0] == '/' ? dir : "/tmp", "/qshfcXXXXXX");
	int fd = mkstemp(t);
	if (fd < 0) {
		bi_errorf("can't create temporary file: %s", strerror(errno));
		return 1;
	}
	for (int k = first; k <= last; k++) {
		write_all(fd, hl[k], strlen(hl[k]));
		write_all(fd, "\n", 1);
	}
	close(fd);
	char *cmd = xs_cat2(xs_cat2(editor, " "), t);
	int st = exec_list_string(cmd, NULL, sh.src.line, 1);
	if (st) {
		unlink(t);
		return st;
	}
	fd = open(t, O_RDONLY | O_CLOEXEC);
	unlink(t);
	if (fd < 0)
		return 1;
	struct sbuf b;
	sb_init(&b);
	char buf[4096];
	ssize_t r;
	while ((r = read(fd, buf, sizeof buf)) > 0)
		sb_addn(&b, buf, (size_t)r);
	close(fd);
	char *text = sb_take(&b);
	st = run_text(text);
	free(text);
	return st;
}
