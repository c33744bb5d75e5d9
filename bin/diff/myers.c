/*
 * myers.c - the comparison: lines are mapped to equivalence classes, then
 * E. Myers' O(ND) difference algorithm in its linear-space form ("An O(ND)
 * Difference Algorithm and Its Variations", 1986) marks the changed lines.
 * On very different large inputs the search stops early at a good diagonal
 * (the result is then not minimal, but the run time stays bounded).
 * Afterwards runs of changes are slid to merge with neighbouring runs and
 * otherwise moved down, which gives the hunks GNU diff prints.
 */
#include "diff.h"
#include "qu.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

struct diff_opts dopt;

/* Search state. */
static const int *xv, *yv;  /* equivalence classes of the two files */
static char *xchg, *ychg;   /* changed flags */
static long *fdiag, *bdiag; /* furthest-reaching x per diagonal */
static long too_expensive;

/* Hash of a line under the -i/-b/-w options. */
static unsigned long hash_line(const struct dline *l)
{
	unsigned long h = 5381;
	size_t i;
	int sp = 0;

	for (i = 0; i < l->len; i++) {
		unsigned char c = (unsigned char)l->s[i];
		if (dopt.ballspace && isspace(c))
			continue;
		if (dopt.ispace && isspace(c)) {
			sp = 1;
			continue;
		}
		if (sp) {
			h = h * 33 + ' ';
			sp = 0;
		}
		if (dopt.icase)
			c = (unsigned char)tolower(c);
		h = h * 33 + c;
	}
	return h * 2 + (unsigned long)l->nl;
}

/* Compares two lines under the options; returns 1 if equal. */
static int same_line(const struct dline *a, const struct dline *b)
{
	size_t i = 0, j = 0;

	if (a->nl != b->nl)
		return 0;
	if (!dopt.icase && !dopt.ispace && !dopt.ballspace)
		return a->len == b->len && !memcmp(a->s, b->s, a->len);
	for (;;) {
		int ca, cb;
		if (dopt.ballspace || dopt.ispace) {
			int sa = 0, sb = 0;
			while (i < a->len && isspace((unsigned char)a->s[i]))
				i++, sa = 1;
			while (j < b->len && isspace((unsigned char)b->s[j]))
				j++, sb = 1;
			/* -b: runs of blanks compare equal, trailing blanks are ignored */
			if (dopt.ispace && sa != sb && i < a->len && j < b->len)
				return 0;
		}
		if (i >= a->len || j >= b->len)
			return i >= a->len && j >= b->len;
		ca = (unsigned char)a->s[i++];
		cb = (unsigned char)b->s[j++];
		if (dopt.icase) {
			ca = tolower(ca);
			cb = tolower(cb);
		}
		if (ca != cb)
			return 0;
	}
}

/* Assigns equivalence classes to the lines of both files. */
static void classify(struct dfile *f0, struct dfile *f1)
{
	size_t total = f0->n + f1->n, cap = 1, i, k;
	struct {
		unsigned long h;
		const struct dline *l;
		int id;
	} * tab;
	int next = 1;
	struct dfile *fs[2] = {f0, f1};

	while (cap < total * 2 + 2)
		cap *= 2;
	tab = qu_malloc(cap * sizeof(*tab));
	memset(tab, 0, cap * sizeof(*tab));
	for (k = 0; k < 2; k++) {
		struct dfile *f = fs[k];
		f->equiv = qu_malloc((f->n + 1) * sizeof(int));
		for (i = 0; i < f->n; i++) {
			unsigned long h = hash_line(&f->lines[i]);
			size_t p = h & (cap - 1);
			while (tab[p].id && !(tab[p].h == h && same_line(tab[p].l, &f->lines[i])))
				p = (p + 1) & (cap - 1);
			if (!tab[p].id) {
				tab[p].h = h;
				tab[p].l = &f->lines[i];
				tab[p].id = next++;
			}
			f->equiv[i] = tab[p].id;
		}
	}
	free(tab);
}

struct split {
	long x, y;
};

/* Finds the midpoint of the shortest edit script of x[xoff..xlim) and
 * y[yoff..ylim) (both non-empty, with no common prefix or suffix). */
static struct split midpoint(long xoff, long xlim, long yoff, long ylim)
{
	long dmin = xoff - ylim, dmax = xlim - yoff;
	long fmid = xoff - yoff, bmid = xlim - ylim;
	long fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid, c, d;
	int odd = (fmid - bmid) & 1;
	struct split s;

	fdiag[fmid] = xoff;
	bdiag[bmid] = xlim;
	for (c = 1;; c++) {
		/* extend the forward search by one diagonal each side */
		if (fmin > dmin)
			fdiag[--fmin - 1] = -1;
		else
			++fmin;
		if (fmax < dmax)
			fdiag[++fmax + 1] = -1;
		else
			--fmax;
		for (d = fmax; d >= fmin; d -= 2) {
			long x, y, lo = fdiag[d - 1], hi = fdiag[d + 1];
			x = lo >= hi ? lo + 1 : hi;
			y = x - d;
			while (x < xlim && y < ylim && xv[x] == yv[y])
				x++, y++;
			fdiag[d] = x;
			if (odd && bmin <= d && d <= bmax && bdiag[d] <= x) {
				s.x = x;
				s.y = y;
				return s;
			}
		}
		/* and the backward search */
		if (bmin > dmin)
			bdiag[--bmin - 1] = 0x7fffffffffffffffL;
		else
			++bmin;
		if (bmax < dmax)
			bdiag[++bmax + 1] = 0x7fffffffffffffffL;
		else
			--bmax;
		for (d = bmax; d >= bmin; d -= 2) {
			long x, y, lo = bdiag[d - 1], hi = bdiag[d + 1];
			x = lo < hi ? lo : hi - 1;
			y = x - d;
			while (x > xoff && y > yoff && xv[x - 1] == yv[y - 1])
				x--, y--;
			bdiag[d] = x;
			if (!odd && fmin <= d && d <= fmax && x <= fdiag[d]) {
				s.x = x;
				s.y = y;
				return s;
			}
		}
		if (c >= too_expensive) {
			/* give up on minimality: take the forward diagonal that got
			 * furthest, or the backward one, whichever went further */
			long fbest = -1, fx = 0, bbest = 0x7fffffffffffffffL, bx = 0;
			for (d = fmax; d >= fmin; d -= 2) {
				long x = fdiag[d] < xlim ? fdiag[d] : xlim, y = x - d;
				if (y > ylim)
					x = ylim + d, y = ylim;
				if (x + y > fbest) {
					fbest = x + y;
					fx = x;
					s.x = x;
				}
			}
			for (d = bmax; d >= bmin; d -= 2) {
				long x = bdiag[d] > xoff ? bdiag[d] : xoff, y = x - d;
				if (y < yoff)
					x = yoff + d, y = yoff;
				if (x + y < bbest) {
					bbest = x + y;
					bx = x;
				}
			}
			if ((xlim + ylim) - bbest < fbest - (xoff + yoff)) {
				s.x = fx;
				s.y = fbest - fx;
			} else {
				s.x = bx;
				s.y = bbest - bx;
			}
			return s;
		}
	}
}

/* Marks the changes needed to turn x[xoff..xlim) into y[yoff..ylim). */
static void compare(long xoff, long xlim, long yoff, long ylim)
{
	struct split s;

	while (xoff < xlim && yoff < ylim && xv[xoff] == yv[yoff])
		xoff++, yoff++;
	while (xlim > xoff && ylim > yoff && xv[xlim - 1] == yv[ylim - 1])
		xlim--, ylim--;
	if (xoff == xlim) {
		while (yoff < ylim)
			ychg[yoff++] = 1;
		return;
	}
	if (yoff == ylim) {
		while (xoff < xlim)
			xchg[xoff++] = 1;
		return;
	}
	s = midpoint(xoff, xlim, yoff, ylim);
	if ((s.x == xoff && s.y == yoff) || (s.x == xlim && s.y == ylim) || s.x < xoff ||
	    s.x > xlim || s.y < yoff || s.y > ylim) {
		/* no usable split (only after giving up on minimality) */
		while (xoff < xlim)
			xchg[xoff++] = 1;
		while (yoff < ylim)
			ychg[yoff++] = 1;
		return;
	}
	compare(xoff, s.x, yoff, s.y);
	compare(s.x, xlim, s.y, ylim);
}

/* Slides runs of changes in f (the other file is o) so that they join
 * neighbouring runs where the lines allow it, and otherwise sit as low as
 * possible; then, if possible, lines them up with a run in the other file. */
static void shift_runs(struct dfile *f, struct dfile *o)
{
	char *ch = f->changed + 1, *och = o->changed + 1;
	const int *eq = f->equiv;
	long i = 0, j = 0, end = (long)f->n, start, run, corr;

	for (;;) {
		while (i < end && !ch[i]) {
			while (och[j++])
				;
			i++;
		}
		if (i == end)
			break;
		start = i;
		while (ch[++i])
			;
		while (och[j])
			j++;
		do {
			run = i - start;
			/* move up while the line above equals the run's last line */
			while (start > 0 && eq[start - 1] == eq[i - 1]) {
				ch[--start] = 1;
				ch[--i] = 0;
				while (ch[start - 1])
					start--;
				while (och[--j])
					;
			}
			corr = och[j - 1] ? i : end;
			/* move down while the run's first line equals the line below */
			while (i != end && eq[start] == eq[i]) {
				ch[start++] = 0;
				ch[i++] = 1;
				while (ch[i])
					i++;
				while (och[++j])
					corr = i;
			}
		} while (run != i - start);
		/* back up to line up with a change in the other file */
		while (corr < i) {
			ch[--start] = 1;
			ch[--i] = 0;
			while (och[--j])
				;
		}
	}
}

/* See diff.h. */
void diff_compare(struct dfile *f0, struct dfile *f1)
{
	long diags = (long)f0->n + (long)f1->n + 3, d;

	classify(f0, f1);
	f0->changed = qu_malloc(f0->n + 3);
	f1->changed = qu_malloc(f1->n + 3);
	memset(f0->changed, 0, f0->n + 3);
	memset(f1->changed, 0, f1->n + 3);
	/* lines that occur only in one file are changes for sure: leave them
	 * out of the search, which keeps it fast on very different files */
	{
		int maxid = 0;
		size_t i, k0 = 0, k1 = 0;
		char *in0, *in1;
		int *cx, *cy;
		long *mx, *my;
		for (i = 0; i < f0->n; i++)
			if (f0->equiv[i] > maxid)
				maxid = f0->equiv[i];
		for (i = 0; i < f1->n; i++)
			if (f1->equiv[i] > maxid)
				maxid = f1->equiv[i];
		in0 = qu_malloc((size_t)maxid + 1);
		in1 = qu_malloc((size_t)maxid + 1);
		memset(in0, 0, (size_t)maxid + 1);
		memset(in1, 0, (size_t)maxid + 1);
		for (i = 0; i < f0->n; i++)
			in0[f0->equiv[i]] = 1;
		for (i = 0; i < f1->n; i++)
			in1[f1->equiv[i]] = 1;
		cx = qu_malloc((f0->n + 1) * sizeof(int));
		cy = qu_malloc((f1->n + 1) * sizeof(int));
		mx = qu_malloc((f0->n + 1) * sizeof(long));
		my = qu_malloc((f1->n + 1) * sizeof(long));
		for (i = 0; i < f0->n; i++) {
			if (in1[f0->equiv[i]]) {
				cx[k0] = f0->equiv[i];
				mx[k0++] = (long)i;
			} else {
				f0->changed[i + 1] = 1;
			}
		}
		for (i = 0; i < f1->n; i++) {
			if (in0[f1->equiv[i]]) {
				cy[k1] = f1->equiv[i];
				my[k1++] = (long)i;
			} else {
				f1->changed[i + 1] = 1;
			}
		}
		xv = cx;
		yv = cy;
		xchg = qu_malloc(k0 + 1);
		ychg = qu_malloc(k1 + 1);
		memset(xchg, 0, k0 + 1);
		memset(ychg, 0, k1 + 1);
		diags = (long)k0 + (long)k1 + 3;
		fdiag = qu_malloc(sizeof(long) * (size_t)(2 * diags + 2));
		bdiag = qu_malloc(sizeof(long) * (size_t)(2 * diags + 2));
		fdiag += (long)k1 + 1;
		bdiag += (long)k1 + 1;
		too_expensive = 1;
		for (d = diags; d != 0; d >>= 2)
			too_expensive <<= 1;
		if (too_expensive < 4096)
			too_expensive = 4096;
		compare(0, (long)k0, 0, (long)k1);
		free(fdiag - ((long)k1 + 1));
		free(bdiag - ((long)k1 + 1));
		for (i = 0; i < k0; i++)
			if (xchg[i])
				f0->changed[mx[i] + 1] = 1;
		for (i = 0; i < k1; i++)
			if (ychg[i])
				f1->changed[my[i] + 1] = 1;
		free(xchg);
		free(ychg);
		free(cx);
		free(cy);
		free(mx);
		free(my);
		free(in0);
		free(in1);
	}
	shift_runs(f0, f1);
	shift_runs(f1, f0);
}
