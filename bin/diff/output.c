/*
 * output.c - diff's output formats: normal, unified (-u) and context (-c),
 * with GNU diff's hunk grouping and headers.
 */
#include "diff.h"
#include "qu.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A change: lines [a0, a1) of file 0 replaced by [b0, b1) of file 1. */
struct change {
	long a0, a1, b0, b1;
};

/* Collects the changes from the changed flags; returns their count. */
static size_t changes(struct dfile *f0, struct dfile *f1, struct change **out)
{
	const char *c0 = f0->changed + 1, *c1 = f1->changed + 1;
	long i = 0, j = 0, n0 = (long)f0->n, n1 = (long)f1->n;
	struct change *v = NULL;
	size_t n = 0, cap = 0;

	while (i < n0 || j < n1) {
		if (i < n0 && j < n1 && !c0[i] && !c1[j]) {
			i++, j++;
			continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			v = qu_realloc(v, cap * sizeof(*v));
		}
		v[n].a0 = i;
		v[n].b0 = j;
		while (i < n0 && c0[i])
			i++;
		while (j < n1 && c1[j])
			j++;
		if (i == v[n].a0 && j == v[n].b0) {
			/* cannot happen with consistent flags; never loop */
			i = n0;
			j = n1;
		}
		v[n].a1 = i;
		v[n].b1 = j;
		n++;
	}
	*out = v;
	return n;
}

/* Prints a line with a prefix, and the no-newline marker if needed. */
static void put(const char *prefix, const struct dline *l)
{
	fputs(prefix, stdout);
	fwrite(l->s, 1, l->len, stdout);
	putchar('\n');
	if (!l->nl)
		puts("\\ No newline at end of file");
}

/* Prints a normal-format range "a" or "a,b" (1-based, inclusive). */
static void range(long a, long b)
{
	if (a == b)
		printf("%ld", a);
	else
		printf("%ld,%ld", a, b);
}

/* The normal format. */
static void print_normal(struct dfile *f0, struct dfile *f1, struct change *v, size_t n)
{
	size_t k;
	long i;

	for (k = 0; k < n; k++) {
		struct change *c = &v[k];
		if (c->a0 == c->a1) {
			printf("%ld", c->a0);
			putchar('a');
			range(c->b0 + 1, c->b1);
		} else if (c->b0 == c->b1) {
			range(c->a0 + 1, c->a1);
			putchar('d');
			printf("%ld", c->b0);
		} else {
			range(c->a0 + 1, c->a1);
			putchar('c');
			range(c->b0 + 1, c->b1);
		}
		putchar('\n');
		for (i = c->a0; i < c->a1; i++)
			put("< ", &f0->lines[i]);
		if (c->a0 < c->a1 && c->b0 < c->b1)
			puts("---");
		for (i = c->b0; i < c->b1; i++)
			put("> ", &f1->lines[i]);
	}
}

/* Prints a header line: mark, name and modification time (unified:
 * "2020-01-02 03:04:05.000000000 +0000"; context: "Thu Jan  2 03:04:05 2020"). */
static void header(const char *mark, struct dfile *f, int uni)
{
	char tb[64], zb[16];
	struct tm *tm;

	if (f->label) {
		printf("%s %s\n", mark, f->label);
		return;
	}
	tm = localtime(&f->st.st_mtim.tv_sec);
	if (!tm) {
		printf("%s %s\n", mark, f->name);
		return;
	}
	if (!uni) {
		strftime(tb, sizeof(tb), "%a %b %e %H:%M:%S %Y", tm);
		printf("%s %s\t%s\n", mark, f->name, tb);
		return;
	}
	strftime(tb, sizeof(tb), "%Y-%m-%d %H:%M:%S", tm);
	strftime(zb, sizeof(zb), "%z", tm);
	printf("%s %s\t%s.%09ld %s\n", mark, f->name, tb, f->st.st_mtim.tv_nsec, zb);
}

/* Unified range: "start" for one line, "start,count" otherwise, and for an
 * empty range the line before it with count 0. */
static void urange(long a0, long a1)
{
	if (a1 - a0 == 1)
		printf("%ld", a0 + 1);
	else if (a1 == a0)
		printf("%ld,0", a0);
	else
		printf("%ld,%ld", a0 + 1, a1 - a0);
}

/* Context range: "first,last", one line as "n", empty as the line before. */
static void crange(long a0, long a1)
{
	if (a1 - a0 == 1)
		printf("%ld", a0 + 1);
	else if (a1 == a0)
		printf("%ld", a0);
	else
		printf("%ld,%ld", a0 + 1, a1);
}

/* The unified and context formats: changes are grouped into hunks when at
 * most 2 * context unchanged lines separate them. */
static void print_hunks(struct dfile *f0, struct dfile *f1, struct change *v, size_t n, int uni)
{
	long ctx = dopt.context, i, j;
	size_t k = 0, first, last;

	if (uni) {
		header("---", f0, 1);
		header("+++", f1, 1);
	} else {
		header("***", f0, 0);
		header("---", f1, 0);
	}
	while (k < n) {
		long a0, a1, b0, b1;
		first = k;
		while (k + 1 < n && v[k + 1].a0 - v[k].a1 <= 2 * ctx)
			k++;
		last = k++;
		a0 = v[first].a0 - ctx < 0 ? 0 : v[first].a0 - ctx;
		b0 = v[first].b0 - (v[first].a0 - a0);
		a1 = v[last].a1 + ctx > (long)f0->n ? (long)f0->n : v[last].a1 + ctx;
		b1 = v[last].b1 + (a1 - v[last].a1);
		if (b1 > (long)f1->n) {
			long over = b1 - (long)f1->n;
			b1 -= over;
			a1 -= over;
		}
		if (uni) {
			size_t c;
			printf("@@ -");
			urange(a0, a1);
			printf(" +");
			urange(b0, b1);
			printf(" @@\n");
			i = a0;
			for (c = first; c <= last; c++) {
				for (; i < v[c].a0; i++)
					put(" ", &f0->lines[i]);
				for (i = v[c].a0; i < v[c].a1; i++)
					put("-", &f0->lines[i]);
				for (j = v[c].b0; j < v[c].b1; j++)
					put("+", &f1->lines[j]);
			}
			for (; i < a1; i++)
				put(" ", &f0->lines[i]);
		} else {
			size_t c;
			int dels = 0, ins = 0;
			for (c = first; c <= last; c++) {
				dels |= v[c].a1 > v[c].a0;
				ins |= v[c].b1 > v[c].b0;
			}
			puts("***************");
			printf("*** ");
			crange(a0, a1);
			printf(" ****\n");
			if (dels) {
				i = a0;
				for (c = first; c <= last; c++) {
					const char *mark = v[c].b1 > v[c].b0 ? "! " : "- ";
					for (; i < v[c].a0; i++)
						put("  ", &f0->lines[i]);
					for (i = v[c].a0; i < v[c].a1; i++)
						put(mark, &f0->lines[i]);
				}
				for (; i < a1; i++)
					put("  ", &f0->lines[i]);
			}
			printf("--- ");
			crange(b0, b1);
			printf(" ----\n");
			if (ins) {
				j = b0;
				for (c = first; c <= last; c++) {
					const char *mark = v[c].a1 > v[c].a0 ? "! " : "+ ";
					for (; j < v[c].b0; j++)
						put("  ", &f1->lines[j]);
					for (j = v[c].b0; j < v[c].b1; j++)
						put(mark, &f1->lines[j]);
				}
				for (; j < b1; j++)
					put("  ", &f1->lines[j]);
			}
		}
	}
}

/* See diff.h. */
void diff_print(struct dfile *f0, struct dfile *f1)
{
	struct change *v;
	size_t n = changes(f0, f1, &v);

	if (n > 0 && dopt.format == 'u')
		print_hunks(f0, f1, v, n, 1);
	else if (n > 0 && dopt.format == 'c')
		print_hunks(f0, f1, v, n, 0);
	else if (n > 0)
		print_normal(f0, f1, v, n);
	free(v);
}
