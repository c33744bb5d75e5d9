/*
 * grep - search files for a pattern (POSIX: -E -F -c -e -f -i -l -n -q -s
 * -v -x; also -r/-R, -w, -o, -L, -h, -H, -a as GNU grep).
 *
 * A file with NUL bytes in its first 32 KiB (or in a matching line) is
 * binary: instead of matching lines, "grep: FILE: binary file matches" is
 * written to stderr (unless -a). Exit status 0 if a line was selected, 1 if
 * none, 2 on error (0 with -q after a match, whatever the errors).
 */
#include "grep.h"
#include "lines.h"
#include "qu.h"
#include "walk.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

QU_USAGE("Usage: grep [-EFGacHhiLlnoqRrsvwx] [-e pattern]... [-f file]... [pattern] [file...]\n"
         "  -E extended regex  -F fixed strings  -G basic regex (default)  -i ignore case\n"
         "  -v select non-matching lines  -w whole words  -x whole lines  -e/-f patterns\n"
         "  -c count  -l names of matching files  -L names of files without a match\n"
         "  -n line numbers  -h/-H without/with file names  -o only the matched parts\n"
         "  -q quiet  -s no messages about unreadable files  -r/-R recursive  -a text\n");

static int opt_c, opt_l, opt_L, opt_n, opt_q, opt_s, opt_o, opt_a, with_name = -1;
static int recursive, follow_all, status = 1, had_error, strip_dot;

/* Reports an error about a file unless -s. */
static void file_error(int e, const char *name)
{
	if (!opt_s)
		qu_errno(e, "%s", name);
	had_error = 1;
}

/* Prints the prefix of an output line. */
static void prefix(const char *name, unsigned long long lineno)
{
	if (with_name)
		printf("%s:", name);
	if (opt_n)
		printf("%llu:", lineno);
}

/* Searches one open file; returns 1 if something was selected. */
static int grep_fd(int fd, const char *name)
{
	struct qu_reader r;
	unsigned long long lineno = 0, count = 0;
	size_t len, plen;
	const char *peek;
	char *line;
	int binary = 0, nl, sel;

	qu_reader_init(&r, fd);
	peek = qu_reader_peek(&r, 32768, &plen);
	if (!opt_a && memchr(peek, 0, plen))
		binary = 1;
	while ((line = qu_reader_line(&r, &len, &nl)) != NULL) {
		lineno++;
		sel = pat_match(line, len) != gopt.invert;
		if (!sel)
			continue;
		count++;
		if (opt_q) {
			qu_reader_free(&r);
			exit(0);
		}
		if (opt_l || opt_L)
			break;
		if (opt_c)
			continue;
		if (!opt_a && (binary || memchr(line, 0, len))) {
			fflush(stdout);
			fprintf(stderr, "%s: %s: binary file matches\n", qu_prog, name);
			break;
		}
		if (opt_o) {
			size_t from = 0, so, eo;
			if (gopt.invert)
				continue;
			while (from <= len && pat_find(line, len, from, &so, &eo)) {
				if (eo > so) {
					prefix(name, lineno);
					fwrite(line + so, 1, eo - so, stdout);
					putchar('\n');
					from = eo;
				} else {
					from = eo + 1;
				}
			}
			continue;
		}
		prefix(name, lineno);
		fwrite(line, 1, len, stdout);
		putchar('\n');
	}
	if (r.err)
		file_error(r.err, name);
	qu_reader_free(&r);
	if (opt_c) {
		if (with_name)
			printf("%s:", name);
		printf("%llu\n", count);
	}
	if (opt_l && count)
		printf("%s\n", name);
	if (opt_L && !count)
		printf("%s\n", name);
	return count > 0;
}

/* Searches the file at path (a directory only with -r). */
static void grep_path(const char *path, int top);

/* Tree walk callback for -r. */
static int visit(struct qu_walk_ent *e, void *arg)
{
	(void)arg;
	switch (e->type) {
	case QU_NS:
	case QU_DNR:
		file_error(e->err, e->path);
		break;
	case QU_F:
		if (S_ISLNK(e->st.st_mode) && e->depth > 0)
			break;
		grep_path(strip_dot && !strncmp(e->path, "./", 2) ? e->path + 2 : e->path, 0);
		break;
	case QU_SLN:
		if (e->depth == 0)
			file_error(e->err, e->path);
		break;
	}
	return QU_WALK_CONTINUE;
}

static void grep_path(const char *path, int top)
{
	struct stat st;
	int fd;

	if (!strcmp(path, "-") && top) {
		if (grep_fd(STDIN_FILENO, "(standard input)"))
			status = 0;
		return;
	}
	if (top && recursive && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		qu_walk(path, QU_WALK_FOLLOW_ARGS | (follow_all ? QU_WALK_FOLLOW : 0), visit, NULL);
		return;
	}
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		file_error(errno, path);
		return;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		if (!recursive)
			file_error(EISDIR, path);
		close(fd);
		return;
	}
	if (grep_fd(fd, path))
		status = 0;
	close(fd);
}

/* Adds the patterns of s, split at newlines. */
static void add_patterns(const char *s, size_t len)
{
	const char *p = s, *end = s + len, *nl;

	for (;;) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl) {
			pat_add(p, (size_t)(end - p));
			return;
		}
		pat_add(p, (size_t)(nl - p));
		p = nl + 1;
	}
}

/* Adds the patterns of the file name (one per line). */
static void pattern_file(const char *name)
{
	struct qu_reader r;
	char *line;
	size_t len;
	int nl, fd = strcmp(name, "-") ? open(name, O_RDONLY) : STDIN_FILENO;

	if (fd < 0)
		qu_die_errno(2, errno, "%s", name);
	qu_reader_init(&r, fd);
	while ((line = qu_reader_line(&r, &len, &nl)) != NULL)
		pat_add(line, len);
	if (r.err)
		qu_die_errno(2, r.err, "%s", name);
	qu_reader_free(&r);
	if (fd != STDIN_FILENO)
		close(fd);
}

int main(int argc, char **argv)
{
	int c, have_pat = 0, i, nfiles;

	qu_init(argv[0]);
	qu_usage_status = 2;
	while ((c = qu_getopt(argc, argv, "EFGacHhiLlnoqRrsvwxe:f:y")) != -1) {
		switch (c) {
		case 'E':
			gopt.ere = 1;
			gopt.fixed = 0;
			break;
		case 'F':
			gopt.fixed = 1;
			gopt.ere = 0;
			break;
		case 'G':
			gopt.fixed = gopt.ere = 0;
			break;
		case 'a':
			opt_a = 1;
			break;
		case 'c':
			opt_c = 1;
			break;
		case 'H':
			with_name = 1;
			break;
		case 'h':
			with_name = 0;
			break;
		case 'i':
		case 'y':
			gopt.icase = 1;
			break;
		case 'L':
			opt_L = 1;
			opt_l = 0;
			break;
		case 'l':
			opt_l = 1;
			opt_L = 0;
			break;
		case 'n':
			opt_n = 1;
			break;
		case 'o':
			opt_o = 1;
			break;
		case 'q':
			opt_q = 1;
			break;
		case 'R':
			follow_all = 1;
			/* FALLTHROUGH */
		case 'r':
			recursive = 1;
			break;
		case 's':
			opt_s = 1;
			break;
		case 'v':
			gopt.invert = 1;
			break;
		case 'w':
			gopt.word = 1;
			break;
		case 'x':
			gopt.line = 1;
			break;
		case 'e':
			add_patterns(qu_optarg, strlen(qu_optarg));
			have_pat = 1;
			break;
		case 'f':
			pattern_file(qu_optarg);
			have_pat = 1;
			break;
		}
	}
	if (!have_pat) {
		if (qu_optind >= argc)
			qu_usage(2, NULL);
		add_patterns(argv[qu_optind], strlen(argv[qu_optind]));
		qu_optind++;
	}
	pat_compile();
	nfiles = argc - qu_optind;
	if (with_name < 0) {
		struct stat st;
		with_name =
		        nfiles > 1 ||
		        (recursive &&
		         (nfiles == 0 || (stat(argv[qu_optind], &st) == 0 && S_ISDIR(st.st_mode))));
	}
	if (nfiles == 0) {
		if (recursive) {
			/* search the working directory; names are shown without "./" */
			strip_dot = 1;
			grep_path(".", 1);
		} else {
			grep_path("-", 1);
		}
	}
	for (i = qu_optind; i < argc; i++)
		grep_path(argv[i], 1);
	if (had_error && !(opt_q && status == 0))
		return 2;
	return status;
}
