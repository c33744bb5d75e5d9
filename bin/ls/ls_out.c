/*
 * ls_out.c - output formats of ls: one per line, columns (down or across,
 * laid out as coreutils does, with tab stops of 8) and the long format.
 */
#include "devno.h"
#include "ls.h"
#include "mode.h"
#include "qu.h"

#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Half a Gregorian year in seconds: older (or future) times show the year. */
#define SIX_MONTHS 15778476

/* Returns the indicator character for mode m under -F/-p, or 0. */
static char indicator(mode_t m)
{
	if (S_ISDIR(m))
		return (opt.classify || opt.slash) ? '/' : 0;
	if (!opt.classify)
		return 0;
	if (S_ISLNK(m))
		return '@';
	if (S_ISFIFO(m))
		return '|';
	if (S_ISSOCK(m))
		return '=';
	if (S_ISREG(m) && (m & (S_IXUSR | S_IXGRP | S_IXOTH)))
		return '*';
	return 0;
}

/* Returns the displayed form of a name (malloc'ed): with -q, non-printable
 * bytes become '?'. */
static char *display(const char *s)
{
	char *r = qu_strdup(s), *p;

	if (opt.quote_np)
		for (p = r; *p; p++)
			if ((unsigned char)*p < 32 || (unsigned char)*p == 127)
				*p = '?';
	return r;
}

/* Number of decimal digits of v. */
static int ndigits(unsigned long long v)
{
	int n = 1;

	while (v >= 10) {
		v /= 10;
		n++;
	}
	return n;
}

/* Blocks of e in 1 KiB units (or human), as text in buf. */
static char *blocks_text(const struct ent *e, char *buf)
{
	unsigned long long b = e->ok ? (unsigned long long)e->st.st_blocks : 0;

	if (opt.human)
		return qu_human(b * 512, buf);
	sprintf(buf, "%llu", (b * 512 + 1023) / 1024);
	return buf;
}

/* Width of the inode and blocks prefixes for the list. */
static void prefix_widths(struct ent *v, size_t n, int *iw, int *bw)
{
	char b[32];
	size_t i;
	int w;

	*iw = *bw = 0;
	for (i = 0; i < n; i++) {
		if (opt.inode && (w = ndigits((unsigned long long)v[i].st.st_ino)) > *iw)
			*iw = w;
		if (opt.blocks && (w = (int)strlen(blocks_text(&v[i], b))) > *bw)
			*bw = w;
	}
}

/* Prints the inode/blocks prefix of e. */
static int print_prefix(const struct ent *e, int iw, int bw)
{
	char b[32];
	int n = 0;

	if (opt.inode)
		n += printf("%*llu ", iw, (unsigned long long)e->st.st_ino);
	if (opt.blocks)
		n += printf("%*s ", bw, blocks_text(e, b));
	return n;
}

/* Prints the name with its indicator; returns the printed width. */
static int print_name(const struct ent *e)
{
	char *d = display(e->name);
	char ind = e->ok ? indicator(e->st.st_mode) : 0;
	int n = (int)strlen(d);

	fputs(d, stdout);
	free(d);
	if (ind) {
		putchar(ind);
		n++;
	}
	return n;
}

/* Moves the output position from 'from' to 'to' with tabs and spaces. */
static void indent(int from, int to)
{
	while (from < to) {
		if (to / 8 > (from + 1) / 8) {
			putchar('\t');
			from += 8 - from % 8;
		} else {
			putchar(' ');
			from++;
		}
	}
}

/* Prints in columns: down (across == 0) or across, as coreutils lays them. */
static void print_columns(struct ent *v, size_t n, int across)
{
	size_t maxcols, cols, i, c, rows, r;
	size_t *len = qu_malloc(n * sizeof(size_t)), *colw = NULL, *best = NULL;
	int iw, bw;

	prefix_widths(v, n, &iw, &bw);
	for (i = 0; i < n; i++) {
		char *d = display(v[i].name);
		len[i] = strlen(d) + (v[i].ok && indicator(v[i].st.st_mode) ? 1 : 0) +
		         (opt.inode ? (size_t)iw + 1 : 0) + (opt.blocks ? (size_t)bw + 1 : 0);
		free(d);
	}
	maxcols = (size_t)opt.width / 3;
	if (maxcols < 1)
		maxcols = 1;
	if (maxcols > n)
		maxcols = n;
	best = qu_malloc(sizeof(size_t) * 1);
	best[0] = 0;
	cols = 1;
	colw = qu_malloc(sizeof(size_t) * (maxcols + 1));
	for (c = maxcols; c >= 1; c--) {
		size_t total = 0;
		rows = (n + c - 1) / c;
		for (i = 0; i < c; i++)
			colw[i] = 0;
		for (i = 0; i < n; i++) {
			size_t idx = across ? i % c : i / rows, w = len[i] + (idx == c - 1 ? 0 : 2);
			if (colw[idx] < w)
				colw[idx] = w;
		}
		for (i = 0; i < c; i++)
			total += colw[i];
		if (total < (size_t)opt.width || c == 1) {
			cols = c;
			break;
		}
	}
	rows = (n + cols - 1) / cols;
	for (i = 0; i < cols; i++)
		colw[i] = 0;
	for (i = 0; i < n; i++) {
		size_t idx = across ? i % cols : i / rows, w = len[i] + (idx == cols - 1 ? 0 : 2);
		if (colw[idx] < w)
			colw[idx] = w;
	}
	for (r = 0; r < rows; r++) {
		int pos = 0;
		for (c = 0; c < cols; c++) {
			size_t idx = across ? r * cols + c : c * rows + r, nxt;
			if (idx >= n)
				break;
			print_prefix(&v[idx], iw, bw);
			print_name(&v[idx]);
			nxt = across ? idx + 1 : idx + rows;
			if (c + 1 < cols && nxt < n && (!across || (c + 1 < cols))) {
				indent(pos + (int)len[idx], pos + (int)colw[c]);
				pos += (int)colw[c];
			}
		}
		putchar('\n');
	}
	free(len);
	free(colw);
	free(best);
}

/* Owner name (or number) of e. */
static void owner_text(uid_t u, char *buf, size_t n)
{
	struct passwd *pw = opt.numeric ? NULL : getpwuid(u);

	if (pw)
		snprintf(buf, n, "%s", pw->pw_name);
	else
		snprintf(buf, n, "%lu", (unsigned long)u);
}

/* Group name (or number) of e. */
static void group_text(gid_t g, char *buf, size_t n)
{
	struct group *gr = opt.numeric ? NULL : getgrgid(g);

	if (gr)
		snprintf(buf, n, "%s", gr->gr_name);
	else
		snprintf(buf, n, "%lu", (unsigned long)g);
}

/* Size column text of e (size, human size, or "major, minor" of devices
 * with the two parts padded to mw and nw). */
static void size_text(const struct ent *e, char *buf, size_t n, int mw, int nw)
{
	if (S_ISCHR(e->st.st_mode) || S_ISBLK(e->st.st_mode))
		snprintf(buf, n, "%*lu, %*lu", mw, qu_major(e->st.st_rdev), nw,
		         qu_minor(e->st.st_rdev));
	else if (opt.human)
		qu_human((unsigned long long)e->st.st_size, buf);
	else
		snprintf(buf, n, "%llu", (unsigned long long)e->st.st_size);
}

/* Prints the long format; widths also cover wv[0..wn). */
static void print_long(struct ent *v, size_t n, struct ent *wv, size_t wn)
{
	int lw = 0, ow = 0, gw = 0, sw = 0, mw = 0, nw = 0, iw, bw, w;
	char buf[128], mode[11], tb[64];
	time_t now = time(NULL);
	size_t i;

	prefix_widths(v, n, &iw, &bw);
	for (i = 0; i < n + wn; i++) {
		struct stat *st = i < n ? &v[i].st : &wv[i - n].st;
		if ((w = ndigits((unsigned long long)st->st_nlink)) > lw)
			lw = w;
		owner_text(st->st_uid, buf, sizeof(buf));
		if ((w = (int)strlen(buf)) > ow)
			ow = w;
		group_text(st->st_gid, buf, sizeof(buf));
		if ((w = (int)strlen(buf)) > gw)
			gw = w;
		if (S_ISCHR(st->st_mode) || S_ISBLK(st->st_mode)) {
			if ((w = ndigits(qu_major(st->st_rdev))) > mw)
				mw = w;
			if ((w = ndigits(qu_minor(st->st_rdev))) > nw)
				nw = w;
		}
	}
	for (i = 0; i < n + wn; i++) {
		size_text(i < n ? &v[i] : &wv[i - n], buf, sizeof(buf), mw, nw);
		if ((w = (int)strlen(buf)) > sw)
			sw = w;
	}
	if (mw && sw < mw + nw + 2)
		sw = mw + nw + 2;
	for (i = 0; i < n; i++) {
		struct ent *e = &v[i];
		const struct timespec *ts = opt.timekind == 'c'   ? &e->st.st_ctim
		                            : opt.timekind == 'a' ? &e->st.st_atim
		                                                  : &e->st.st_mtim;
		struct tm *tm = localtime(&ts->tv_sec);
		int recent = ts->tv_sec > now - SIX_MONTHS && ts->tv_sec <= now;

		print_prefix(e, iw, bw);
		qu_mode_string(e->st.st_mode, mode);
		printf("%s %*llu ", mode, lw, (unsigned long long)e->st.st_nlink);
		if (!opt.no_owner) {
			owner_text(e->st.st_uid, buf, sizeof(buf));
			printf("%-*s ", ow, buf);
		}
		if (!opt.no_group) {
			group_text(e->st.st_gid, buf, sizeof(buf));
			printf("%-*s ", gw, buf);
		}
		size_text(e, buf, sizeof(buf), mw, nw);
		printf("%*s ", sw, buf);
		if (tm)
			strftime(tb, sizeof(tb), recent ? "%b %e %H:%M" : "%b %e  %Y", tm);
		else
			snprintf(tb, sizeof(tb), "%lld", (long long)ts->tv_sec);
		printf("%s ", tb);
		if (S_ISLNK(e->st.st_mode)) {
			char *d = display(e->name);
			fputs(d, stdout);
			free(d);
			if (e->link) {
				d = display(e->link);
				printf(" -> %s", d);
				free(d);
				if (e->link_ok && indicator(e->link_mode) && opt.classify)
					putchar(indicator(e->link_mode));
			}
		} else {
			print_name(e);
		}
		putchar('\n');
	}
}

/* See ls.h. */
void ls_print(struct ent *v, size_t n, int total, struct ent *wv, size_t wn)
{
	size_t i;
	int iw, bw;

	if (total && (opt.format == 'l' || opt.blocks)) {
		unsigned long long b = 0;
		char hb[32];
		for (i = 0; i < n; i++)
			b += (unsigned long long)v[i].st.st_blocks;
		if (opt.human)
			printf("total %s\n", qu_human(b * 512, hb));
		else
			printf("total %llu\n", (b * 512 + 1023) / 1024);
	}
	if (n == 0)
		return;
	switch (opt.format) {
	case 'l':
		print_long(v, n, wv, wn);
		break;
	case 'C':
		print_columns(v, n, 0);
		break;
	case 'x':
		print_columns(v, n, 1);
		break;
	default:
		prefix_widths(v, n, &iw, &bw);
		for (i = 0; i < n; i++) {
			print_prefix(&v[i], iw, bw);
			print_name(&v[i]);
			putchar('\n');
		}
		break;
	}
}
