/*
 * sort - sort, merge or sequence check text files (POSIX: -m -o -c -C -u -b
 * -d -f -i -n -r -k -t; also -s for a stable sort without the last-resort
 * comparison).
 *
 * All input is held in memory (no temporary files); the sort is a stable
 * merge sort. Exit status 0, 1 for -c/-C on unsorted input, 2 on errors.
 */
#include "qu.h"
#include "sort.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

QU_USAGE("Usage: sort [-m] [-o output] [-bdfinrsu] [-t char] [-k keydef]... [file...]\n"
         "       sort -c|-C [-bdfinru] [-t char] [-k keydef] [file]\n"
         "  -b ignore leading blanks  -d dictionary order  -f fold case  -i printable only\n"
         "  -n numeric  -r reverse  -u unique  -s stable  -m merge sorted files\n"
         "  -c check (report the first disorder)  -C check silently  -o write to output\n"
         "  -t field separator  -k start[.char][mods][,end[.char][mods]]\n");

struct buf {
	char *data;
	size_t len;
};

/* Reads a whole file (or stdin for "-"); exits with status 2 on error. */
static struct buf slurp(const char *name)
{
	struct buf b = {NULL, 0};
	size_t cap = 0;
	int fd = STDIN_FILENO;
	ssize_t n;

	if (strcmp(name, "-")) {
		fd = open(name, O_RDONLY);
		if (fd < 0)
			qu_die_errno(2, errno, "cannot read: %s", qu_quotef(name));
	}
	for (;;) {
		if (cap - b.len < 65536) {
			cap = cap ? cap * 2 : 131072;
			b.data = qu_realloc(b.data, cap);
		}
		n = read(fd, b.data + b.len, cap - b.len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			qu_die_errno(2, errno, "read failed: %s", qu_quotef(name));
		if (n == 0)
			break;
		b.len += (size_t)n;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	return b;
}

/* Splits a buffer into lines, appending them to *v. */
static void split(struct buf b, struct line **v, size_t *n, size_t *cap)
{
	size_t i = 0;

	while (i < b.len) {
		char *nl = memchr(b.data + i, '\n', b.len - i);
		size_t e = nl ? (size_t)(nl - b.data) : b.len;
		if (*n == *cap) {
			*cap = *cap ? *cap * 2 : 1024;
			*v = qu_realloc(*v, *cap * sizeof(**v));
		}
		(*v)[*n].s = b.data + i;
		(*v)[*n].len = e - i;
		(*n)++;
		i = e + 1;
	}
}

/* Stable merge sort of v[0..n) using tmp as scratch space. */
static void msort(struct line *v, struct line *tmp, size_t n)
{
	size_t h, i, j, k;

	if (n < 2)
		return;
	if (n < 8) {
		for (i = 1; i < n; i++) {
			struct line x = v[i];
			for (j = i; j > 0 && line_cmp(&v[j - 1], &x) > 0; j--)
				v[j] = v[j - 1];
			v[j] = x;
		}
		return;
	}
	h = n / 2;
	msort(v, tmp, h);
	msort(v + h, tmp, n - h);
	if (line_cmp(&v[h - 1], &v[h]) <= 0)
		return;
	memcpy(tmp, v, h * sizeof(*v));
	for (i = 0, j = h, k = 0; i < h && j < n;)
		v[k++] = line_cmp(&v[j], &tmp[i]) < 0 ? v[j++] : tmp[i++];
	while (i < h)
		v[k++] = tmp[i++];
}

/* Writes a line and a newline to f. */
static void put_line(FILE *f, const struct line *l)
{
	fwrite(l->s, 1, l->len, f);
	putc('\n', f);
}

/* -c/-C: checks the order of one file; returns 0 if sorted, 1 if not. */
static int check(const char *name, int quiet)
{
	struct buf b = slurp(name);
	struct line *v = NULL;
	size_t n = 0, cap = 0, i;
	int r = 0;

	split(b, &v, &n, &cap);
	for (i = 1; i < n; i++) {
		int c = line_cmp(&v[i - 1], &v[i]);
		if (c > 0 || (conf.unique && c == 0)) {
			if (!quiet) {
				fflush(stdout);
				fprintf(stderr, "%s: %s:%zu: disorder: ", qu_prog,
				        strcmp(name, "-") ? name : "-", i + 1);
				fwrite(v[i].s, 1, v[i].len, stderr);
				fputc('\n', stderr);
			}
			r = 1;
			break;
		}
	}
	free(v);
	free(b.data);
	return r;
}

/* Opens the output (after all input is read, so it may be an input). */
static FILE *open_out(const char *outname)
{
	FILE *f;

	if (!outname)
		return stdout;
	f = fopen(outname, "w");
	if (!f)
		qu_die_errno(2, errno, "open failed: %s", qu_quotef(outname));
	return f;
}

/* Writes lines, dropping duplicates under -u. */
static void output(FILE *f, struct line *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (conf.unique && i > 0 && key_cmp(&v[i - 1], &v[i]) == 0)
			continue;
		put_line(f, &v[i]);
	}
}

/* -m: merges the inputs (each assumed sorted), keeping earlier files first
 * among equal lines. */
static void merge(char **names, int nn, FILE *out)
{
	struct line **v = qu_malloc(sizeof(*v) * (size_t)nn), last;
	size_t *n = qu_malloc(sizeof(size_t) * (size_t)nn), *pos;
	struct buf *b = qu_malloc(sizeof(*b) * (size_t)nn);
	int i, have_last = 0;

	pos = qu_malloc(sizeof(size_t) * (size_t)nn);
	for (i = 0; i < nn; i++) {
		size_t cap = 0;
		b[i] = slurp(names[i]);
		v[i] = NULL;
		n[i] = 0;
		pos[i] = 0;
		split(b[i], &v[i], &n[i], &cap);
	}
	for (;;) {
		int best = -1;
		for (i = 0; i < nn; i++) {
			if (pos[i] >= n[i])
				continue;
			if (best < 0 || line_cmp(&v[i][pos[i]], &v[best][pos[best]]) < 0)
				best = i;
		}
		if (best < 0)
			break;
		if (!(conf.unique && have_last && key_cmp(&last, &v[best][pos[best]]) == 0)) {
			put_line(out, &v[best][pos[best]]);
			last = v[best][pos[best]];
			have_last = 1;
		}
		pos[best]++;
	}
	if (out != stdout && fclose(out) != 0)
		qu_die_errno(2, errno, "write failed");
}

int main(int argc, char **argv)
{
	int c, opt_c = 0, opt_m = 0, nkeycap = 0;
	const char *outname = NULL;
	struct line *v = NULL, *tmp;
	size_t n = 0, cap = 0;
	FILE *out;
	int i;

	qu_init(argv[0]);
	qu_usage_status = 2;
	while ((c = qu_getopt(argc, argv, "bcCdfimnrsuk:o:t:")) != -1) {
		switch (c) {
		case 'b':
			conf.gmods |= MOD_B;
			break;
		case 'd':
			conf.gmods |= MOD_D;
			break;
		case 'f':
			conf.gmods |= MOD_F;
			break;
		case 'i':
			conf.gmods |= MOD_I;
			break;
		case 'n':
			conf.gmods |= MOD_N;
			break;
		case 'r':
			conf.gmods |= MOD_R;
			break;
		case 'c':
			opt_c = 1;
			break;
		case 'C':
			opt_c = 2;
			break;
		case 'm':
			opt_m = 1;
			break;
		case 's':
			conf.stable = 1;
			break;
		case 'u':
			conf.unique = 1;
			break;
		case 'o':
			outname = qu_optarg;
			break;
		case 't':
			if (strlen(qu_optarg) != 1) {
				if (!strcmp(qu_optarg, "\\0"))
					conf.tab = 0;
				else if (!*qu_optarg)
					qu_die(2, "empty tab");
				else
					qu_die(2, "multi-character tab %s", qu_quote(qu_optarg));
			} else {
				conf.tab = (unsigned char)qu_optarg[0];
			}
			break;
		case 'k':
			if ((int)conf.nkeys == nkeycap) {
				nkeycap = nkeycap ? nkeycap * 2 : 4;
				conf.keys =
				        qu_realloc(conf.keys, sizeof(*conf.keys) * (size_t)nkeycap);
			}
			if (key_parse(qu_optarg, &conf.keys[conf.nkeys]) != 0)
				qu_die(2, "invalid key specification %s", qu_quote(qu_optarg));
			conf.nkeys++;
			break;
		}
	}
	keys_finish();
	if (qu_optind >= argc)
		argv[--qu_optind] = "-";
	if (opt_c) {
		if (argc - qu_optind > 1)
			qu_die(2, "extra operand %s not allowed with -%c",
			       qu_quote(argv[qu_optind + 1]), opt_c == 1 ? 'c' : 'C');
		return check(argv[qu_optind], opt_c == 2);
	}
	if (opt_m) {
		merge(argv + qu_optind, argc - qu_optind, open_out(outname));
		return 0;
	}
	for (i = qu_optind; i < argc; i++)
		split(slurp(argv[i]), &v, &n, &cap);
	tmp = qu_malloc(sizeof(*tmp) * (n / 2 + 1));
	msort(v, tmp, n);
	free(tmp);
	out = open_out(outname);
	output(out, v, n);
	if (out != stdout && fclose(out) != 0)
		qu_die_errno(2, errno, "write failed: %s", qu_quotef(outname));
	return 0;
}
