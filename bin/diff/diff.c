/*
 * diff - compare two files (POSIX: -b -c -C n -r -u -U n;
 * also -i -w -q -N -s -a -L as GNU diff).
 *
 * Exit status 0 if no differences were found, 1 if some were, 2 on trouble.
 * Directories are compared entry by entry (recursively with -r).
 */
#include "diff.h"
#include "qu.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

QU_USAGE("Usage: diff [-abiNqrsuw] [-c|-C n|-u|-U n] [-L label]... file1 file2\n"
         "  -u/-U n  unified format with n lines of context (3)\n"
         "  -c/-C n  context format   -q  only report whether files differ\n"
         "  -r  compare directories recursively   -N  absent files are empty\n"
         "  -i  ignore case   -b  ignore changes in amount of blanks   -w  ignore all blanks\n"
         "  -s  report identical files   -a  treat all files as text   -L  header label\n");

static int status;
static char **orig_argv;
static int orig_optend;
static const char *labels[2];
static int nlabels;

/* Reads a whole file into f (name "-" is stdin). Returns 0 or -1 (reported). */
static int load(struct dfile *f, const char *path, int absent)
{
	size_t cap = 0, len = 0, i, n = 0, lcap = 0;
	int fd = STDIN_FILENO;
	ssize_t r;

	f->data = NULL;
	f->lines = NULL;
	f->n = 0;
	if (absent) {
		memset(&f->st, 0, sizeof(f->st));
		return 0;
	}
	if (strcmp(path, "-")) {
		fd = open(path, O_RDONLY);
		if (fd < 0) {
			qu_errno(errno, "%s", path);
			return -1;
		}
	}
	if (fstat(fd, &f->st) != 0)
		memset(&f->st, 0, sizeof(f->st));
	if (fd == STDIN_FILENO) {
		clock_gettime(CLOCK_REALTIME, &f->st.st_mtim);
	}
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? cap * 2 : 65536;
			f->data = qu_realloc(f->data, cap);
		}
		r = read(fd, f->data + len, cap - len);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			qu_errno(errno, "%s", path);
			if (fd != STDIN_FILENO)
				close(fd);
			return -1;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	if (fd != STDIN_FILENO)
		close(fd);
	for (i = 0; i < len;) {
		char *nl = memchr(f->data + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - f->data) : len;
		if (n == lcap) {
			lcap = lcap ? lcap * 2 : 256;
			f->lines = qu_realloc(f->lines, lcap * sizeof(*f->lines));
		}
		f->lines[n].s = f->data + i;
		f->lines[n].len = e - i;
		f->lines[n].nl = nl != NULL;
		n++;
		i = e + 1;
	}
	f->n = n;
	return 0;
}

/* Frees what load and the comparison allocated. */
static void unload(struct dfile *f)
{
	free(f->data);
	free(f->lines);
	free(f->equiv);
	free(f->changed);
	f->equiv = NULL;
	f->changed = NULL;
}

/* Returns 1 if the file looks binary (a NUL byte in its first 32 KiB). */
static int binary(const struct dfile *f)
{
	size_t n = 0, i;

	if (dopt.text || !f->n)
		return 0;
	for (i = 0; i < f->n && n < 32768; i++) {
		if (memchr(f->lines[i].s, 0, f->lines[i].len))
			return 1;
		n += f->lines[i].len + 1;
	}
	return 0;
}

/* Prints the "diff -opts a b" line shown before each file pair of a
 * directory comparison. */
static void command_line(const char *a, const char *b)
{
	int i;

	printf("diff");
	for (i = 1; i < orig_optend; i++)
		printf(" %s", orig_argv[i]);
	printf(" %s %s\n", a, b);
}

/* Compares two regular files (either may be absent with -N). */
static void diff_files(const char *a, const char *b, int absent_a, int absent_b, int in_dir)
{
	struct dfile f0, f1;
	int differ = 0;
	size_t i;

	memset(&f0, 0, sizeof(f0));
	memset(&f1, 0, sizeof(f1));
	f0.name = a;
	f1.name = b;
	f0.label = nlabels > 0 ? labels[0] : NULL;
	f1.label = nlabels > 1 ? labels[1] : NULL;
	if (load(&f0, a, absent_a) != 0 || load(&f1, b, absent_b) != 0) {
		status = 2;
		unload(&f0);
		unload(&f1);
		return;
	}
	if (f0.n != f1.n) {
		differ = 1;
	} else {
		for (i = 0; i < f0.n && !differ; i++)
			differ = f0.lines[i].len != f1.lines[i].len ||
			         f0.lines[i].nl != f1.lines[i].nl ||
			         memcmp(f0.lines[i].s, f1.lines[i].s, f0.lines[i].len);
	}
	if (differ && (dopt.icase || dopt.ispace || dopt.ballspace)) {
		/* equal under the options? */
		diff_compare(&f0, &f1);
		differ = 0;
		for (i = 0; i < f0.n && !differ; i++)
			differ = f0.changed[i + 1];
		for (i = 0; i < f1.n && !differ; i++)
			differ = f1.changed[i + 1];
	}
	if (!differ) {
		if (dopt.report_same)
			printf("Files %s and %s are identical\n", a, b);
		unload(&f0);
		unload(&f1);
		return;
	}
	if (status < 1)
		status = 1;
	if (dopt.format == 'q') {
		printf("Files %s and %s differ\n", a, b);
	} else if (binary(&f0) || binary(&f1)) {
		printf("Binary files %s and %s differ\n", a, b);
	} else {
		if (in_dir)
			command_line(a, b);
		if (!f0.changed)
			diff_compare(&f0, &f1);
		diff_print(&f0, &f1);
	}
	unload(&f0);
	unload(&f1);
}

/* Joins a directory and a name. */
static char *join(const char *d, const char *n)
{
	size_t dl = strlen(d);
	char *p = qu_malloc(dl + strlen(n) + 2);

	sprintf(p, "%s%s%s", d, dl && d[dl - 1] == '/' ? "" : "/", n);
	return p;
}

/* Compares names for qsort. */
static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads the sorted names of a directory; returns NULL on error (reported). */
static char **dir_names(const char *path, size_t *n)
{
	DIR *d = opendir(path);
	struct dirent *de;
	char **v = NULL;
	size_t cnt = 0, cap = 0;

	if (!d) {
		qu_errno(errno, "%s", path);
		return NULL;
	}
	while ((de = readdir(d)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (cnt == cap) {
			cap = cap ? cap * 2 : 32;
			v = qu_realloc(v, cap * sizeof(*v));
		}
		v[cnt++] = qu_strdup(de->d_name);
	}
	closedir(d);
	if (cnt > 1)
		qsort(v, cnt, sizeof(*v), cmp_names);
	*n = cnt;
	if (!v)
		v = qu_malloc(sizeof(*v));
	return v;
}

static void diff_paths(const char *a, const char *b, int top);

/* Compares two directories entry by entry; with -N one of them may be
 * absent (then it is taken as empty). */
static void diff_dirs(const char *a, const char *b, int absent_a, int absent_b)
{
	size_t na = 0, nb = 0, i = 0, j = 0;
	char **va = absent_a ? qu_malloc(sizeof(char *)) : dir_names(a, &na);
	char **vb = absent_b ? qu_malloc(sizeof(char *)) : dir_names(b, &nb);

	if (!va || !vb) {
		status = 2;
		goto out;
	}
	while (i < na || j < nb) {
		int c = i >= na ? 1 : j >= nb ? -1 : strcmp(va[i], vb[j]);
		char *pa, *pb;
		if (c < 0 && !dopt.newfile) {
			printf("Only in %s: %s\n", a, va[i++]);
			if (status < 1)
				status = 1;
			continue;
		}
		if (c > 0 && !dopt.newfile) {
			printf("Only in %s: %s\n", b, vb[j++]);
			if (status < 1)
				status = 1;
			continue;
		}
		pa = join(a, c <= 0 ? va[i] : vb[j]);
		pb = join(b, c <= 0 ? va[i] : vb[j]);
		if (c == 0) {
			diff_paths(pa, pb, 0);
			i++, j++;
		} else {
			/* -N: one side is absent */
			struct stat st;
			const char *present = c < 0 ? pa : pb;
			if (stat(present, &st) == 0 && S_ISDIR(st.st_mode)) {
				if (dopt.recursive)
					diff_dirs(pa, pb, c > 0, c < 0);
				else
					printf("Only in %s: %s\n", c < 0 ? a : b,
					       c < 0 ? va[i] : vb[j]);
			} else {
				diff_files(pa, pb, c > 0, c < 0, 1);
			}
			if (c < 0)
				i++;
			else
				j++;
		}
		free(pa);
		free(pb);
	}
out:
	for (i = 0; va && i < na; i++)
		free(va[i]);
	for (j = 0; vb && j < nb; j++)
		free(vb[j]);
	free(va);
	free(vb);
}

/* Describes a file type for messages. */
static const char *kind(const struct stat *st)
{
	if (S_ISDIR(st->st_mode))
		return "directory";
	if (S_ISREG(st->st_mode))
		return st->st_size ? "regular file" : "regular empty file";
	if (S_ISLNK(st->st_mode))
		return "symbolic link";
	if (S_ISFIFO(st->st_mode))
		return "fifo";
	return "special file";
}

/* Compares two paths of any kind. */
static void diff_paths(const char *a, const char *b, int top)
{
	struct stat sa, sb;
	int ha = !strcmp(a, "-") ? fstat(0, &sa) == 0 : stat(a, &sa) == 0;
	int hb = !strcmp(b, "-") ? fstat(0, &sb) == 0 : stat(b, &sb) == 0;

	if (!ha || !hb) {
		if (dopt.newfile && (ha || hb) &&
		    !(ha ? S_ISDIR(sa.st_mode) : S_ISDIR(sb.st_mode))) {
			diff_files(a, b, !ha, !hb, !top);
			return;
		}
		qu_errno(errno, "%s", !ha ? a : b);
		status = 2;
		return;
	}
	if (S_ISDIR(sa.st_mode) && S_ISDIR(sb.st_mode)) {
		if (!top && !dopt.recursive) {
			printf("Common subdirectories: %s and %s\n", a, b);
			return;
		}
		diff_dirs(a, b, 0, 0);
		return;
	}
	if (S_ISDIR(sa.st_mode) != S_ISDIR(sb.st_mode)) {
		if (top) {
			/* file and directory: compare with the file's name in the directory */
			char *p = S_ISDIR(sa.st_mode)
			                  ? join(a, strrchr(b, '/') ? strrchr(b, '/') + 1 : b)
			                  : join(b, strrchr(a, '/') ? strrchr(a, '/') + 1 : a);
			if (S_ISDIR(sa.st_mode))
				diff_paths(p, b, 1);
			else
				diff_paths(a, p, 1);
			free(p);
			return;
		}
		printf("File %s is a %s while file %s is a %s\n", a, kind(&sa), b, kind(&sb));
		if (status < 1)
			status = 1;
		return;
	}
	diff_files(a, b, 0, 0, !top);
}

int main(int argc, char **argv)
{
	int c;
	char *end;

	qu_init(argv[0]);
	qu_usage_status = 2;
	orig_argv = argv;
	dopt.format = 'n';
	dopt.context = 3;
	while ((c = qu_getopt(argc, argv, "abcC:iL:NqrsuU:w")) != -1) {
		switch (c) {
		case 'a':
			dopt.text = 1;
			break;
		case 'b':
			dopt.ispace = 1;
			break;
		case 'w':
			dopt.ballspace = 1;
			break;
		case 'i':
			dopt.icase = 1;
			break;
		case 'c':
		case 'u':
			dopt.format = (char)c;
			break;
		case 'C':
		case 'U':
			dopt.format = c == 'C' ? 'c' : 'u';
			dopt.context = (int)strtol(qu_optarg, &end, 10);
			if (*end || dopt.context < 0 || !*qu_optarg)
				qu_die(2, "invalid context length %s", qu_quote(qu_optarg));
			break;
		case 'L':
			if (nlabels == 2)
				qu_die(2, "too many file label options");
			labels[nlabels++] = qu_optarg;
			break;
		case 'N':
			dopt.newfile = 1;
			break;
		case 'q':
			dopt.format = 'q';
			break;
		case 'r':
			dopt.recursive = 1;
			break;
		case 's':
			dopt.report_same = 1;
			break;
		}
	}
	orig_optend = qu_optind;
	if (argc - qu_optind < 2) {
		if (argc - qu_optind == 1)
			qu_err("missing operand after %s", qu_quote(argv[qu_optind]));
		else
			qu_err("missing operand");
		qu_usage(2, NULL);
	}
	if (argc - qu_optind > 2) {
		qu_err("extra operand %s", qu_quote(argv[qu_optind + 2]));
		qu_usage(2, NULL);
	}
	diff_paths(argv[qu_optind], argv[qu_optind + 1], 1);
	return status;
}
