/*
 * ls - list directory contents (POSIX options -1 -A -C -F -H -L -R -S -a -c
 * -d -g -i -k -l -n -o -p -q -r -s -t -u -x, and -h).
 *
 * Output is one name per line when standard output is not a terminal and
 * in columns (COLUMNS, default 80) when it is. Exit status 0, 1 for minor
 * problems (a subdirectory could not be read), 2 for serious ones (an
 * operand could not be accessed).
 */
#include "ls.h"
#include "qu.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

QU_USAGE("Usage: ls [-1ACFHLRSacdghiklnopqrstux] [file...]\n"
         "  -l long format  -a all  -A all but . and ..  -d directories as files\n"
         "  -R recursive  -1 one per line  -C columns  -x columns across\n"
         "  -h human-readable sizes  -t sort by time  -S sort by size  -r reverse\n"
         "  -F classify (/ * @ | =)  -p slash after directories  -i inode  -s blocks\n"
         "  -c/-u use status-change/access time  -n numeric ids  -g/-o no owner/group\n"
         "  -q show non-printable characters as ?  -H/-L follow links  -f unsorted\n");

struct opts opt;
int exit_status;

/* Compares by name (strcoll; the C locale makes this byte order). */
static int cmp_name(const struct ent *a, const struct ent *b)
{
	return strcoll(a->name, b->name);
}

/* Returns the time selected for sorting and display. */
static const struct timespec *ent_time(const struct ent *e)
{
	if (opt.timekind == 'c')
		return &e->st.st_ctim;
	if (opt.timekind == 'a')
		return &e->st.st_atim;
	return &e->st.st_mtim;
}

/* qsort comparator implementing -t, -S, name order and -r. */
static int cmp_ent(const void *pa, const void *pb)
{
	const struct ent *a = pa, *b = pb;
	int r = 0;

	if (opt.sort == 't') {
		const struct timespec *ta = ent_time(a), *tb = ent_time(b);
		if (ta->tv_sec != tb->tv_sec)
			r = ta->tv_sec < tb->tv_sec ? 1 : -1;
		else if (ta->tv_nsec != tb->tv_nsec)
			r = ta->tv_nsec < tb->tv_nsec ? 1 : -1;
	} else if (opt.sort == 'S') {
		if (a->st.st_size != b->st.st_size)
			r = a->st.st_size < b->st.st_size ? 1 : -1;
	}
	if (!r)
		r = cmp_name(a, b);
	return opt.reverse ? -r : r;
}

/* Sorts entries as the options ask. */
static void sort_ents(struct ent *v, size_t n)
{
	if (!opt.unsorted && n > 1)
		qsort(v, n, sizeof(*v), cmp_ent);
}

/* Fills e's status; follow selects stat over lstat. Returns 0 or -1. */
static int fill(struct ent *e, int follow)
{
	struct stat t;

	e->ok = (follow ? stat(e->path, &e->st) : lstat(e->path, &e->st)) == 0;
	if (!e->ok && follow && lstat(e->path, &e->st) == 0)
		e->ok = 1; /* dangling link: show the link itself */
	if (!e->ok)
		return -1;
	if (S_ISLNK(e->st.st_mode) && opt.format == 'l') {
		size_t cap = (size_t)e->st.st_size + 1;
		ssize_t n;
		if (cap < 64)
			cap = 64;
		for (;;) {
			e->link = qu_realloc(e->link, cap);
			n = readlink(e->path, e->link, cap);
			if (n < 0) {
				free(e->link);
				e->link = NULL;
				break;
			}
			if ((size_t)n < cap) {
				e->link[n] = 0;
				break;
			}
			cap *= 2;
		}
		if (stat(e->path, &t) == 0) {
			e->link_ok = 1;
			e->link_mode = t.st_mode;
		}
	}
	return 0;
}

/* Frees the strings of n entries. */
static void free_ents(struct ent *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].path);
		free(v[i].link);
	}
}

/* Joins dir and name into a new path. */
static char *join(const char *dir, const char *name)
{
	size_t dl = strlen(dir);
	char *p = qu_malloc(dl + strlen(name) + 2);

	memcpy(p, dir, dl);
	if (dl && dir[dl - 1] != '/')
		p[dl++] = '/';
	strcpy(p + dl, name);
	return p;
}

/* Lists the directory at path; header says whether to print "path:".
 * top is 1 for operands (errors are serious). */
static void list_dir(const char *path, int header, int top)
{
	DIR *d = opendir(path);
	struct dirent *de;
	struct ent *v = NULL;
	size_t n = 0, cap = 0, i;
	static int first_dir = 1;

	if (!d) {
		qu_errno(errno, "cannot open directory %s", qu_quoteaf(path));
		exit_status = top ? 2 : (exit_status > 1 ? exit_status : 1);
		return;
	}
	if (header) {
		if (!first_dir)
			putchar('\n');
		printf("%s:\n", path);
	}
	first_dir = 0;
	for (;;) {
		errno = 0;
		de = readdir(d);
		if (!de)
			break;
		if (de->d_name[0] == '.' && !opt.all) {
			int dots = !strcmp(de->d_name, ".") || !strcmp(de->d_name, "..");
			if (!opt.almost || dots)
				continue;
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			v = qu_realloc(v, cap * sizeof(*v));
		}
		memset(&v[n], 0, sizeof(v[n]));
		v[n].name = qu_strdup(de->d_name);
		v[n].path = join(path, de->d_name);
		if (fill(&v[n], opt.follow_all) != 0) {
			qu_errno(errno, "cannot access %s", qu_quoteaf(v[n].path));
			if (exit_status < 1)
				exit_status = 1;
		}
		n++;
	}
	if (errno) {
		qu_errno(errno, "reading directory %s", qu_quoteaf(path));
		if (exit_status < 1)
			exit_status = 1;
	}
	closedir(d);
	sort_ents(v, n);
	ls_print(v, n, 1, NULL, 0);
	if (opt.recursive) {
		for (i = 0; i < n; i++) {
			if (!v[i].ok || !S_ISDIR(v[i].st.st_mode))
				continue;
			if (!strcmp(v[i].name, ".") || !strcmp(v[i].name, ".."))
				continue;
			list_dir(v[i].path, 1, 0);
		}
	}
	free_ents(v, n);
	free(v);
}

/* Parses the options into opt. */
static void parse_options(int argc, char **argv)
{
	const char *cols = getenv("COLUMNS");
	int c, tty = isatty(STDOUT_FILENO);

	opt.sort = 'n';
	opt.timekind = 'm';
	opt.format = tty ? 'C' : '1';
	opt.quote_np = tty;
	opt.width = 80;
	if (cols && atoi(cols) > 0)
		opt.width = atoi(cols);
	while ((c = qu_getopt(argc, argv, "1ACFHLRSacdfghiklnopqrstux")) != -1) {
		switch (c) {
		case '1':
			/* -1 does not override the long format (coreutils) */
			if (opt.format != 'l')
				opt.format = '1';
			break;
		case 'C':
		case 'x':
			opt.format = (char)c;
			break;
		case 'l':
			opt.format = 'l';
			break;
		case 'g':
			opt.format = 'l';
			opt.no_owner = 1;
			break;
		case 'o':
			opt.format = 'l';
			opt.no_group = 1;
			break;
		case 'n':
			opt.format = 'l';
			opt.numeric = 1;
			break;
		case 'A':
			opt.almost = 1;
			break;
		case 'a':
			opt.all = 1;
			break;
		case 'f':
			opt.all = 1;
			opt.unsorted = 1;
			break;
		case 'F':
			opt.classify = 1;
			break;
		case 'p':
			opt.slash = 1;
			break;
		case 'H':
			opt.follow_args = 1;
			break;
		case 'L':
			opt.follow_all = 1;
			break;
		case 'R':
			opt.recursive = 1;
			break;
		case 'S':
			opt.sort = 'S';
			break;
		case 't':
			opt.sort = 't';
			break;
		case 'c':
			opt.timekind = 'c';
			break;
		case 'u':
			opt.timekind = 'a';
			break;
		case 'd':
			opt.dirs_as_files = 1;
			break;
		case 'h':
			opt.human = 1;
			break;
		case 'i':
			opt.inode = 1;
			break;
		case 'k':
			break;
		case 'q':
			opt.quote_np = 1;
			break;
		case 'r':
			opt.reverse = 1;
			break;
		case 's':
			opt.blocks = 1;
			break;
		}
	}
	/* -c and -u sort by that time when not in long format (POSIX) */
	if (opt.timekind != 'm' && opt.format != 'l' && opt.sort == 'n')
		opt.sort = 't';
}

int main(int argc, char **argv)
{
	struct ent *files, *dirs;
	size_t nf = 0, nd = 0, i;
	int nops, follow_args;

	qu_init(argv[0]);
	qu_usage_status = 2;
	parse_options(argc, argv);
	nops = argc - qu_optind;
	if (nops == 0) {
		argv[--qu_optind] = ".";
		nops = 1;
	}
	follow_args = opt.follow_all || opt.follow_args ||
	              (opt.format != 'l' && !opt.dirs_as_files && !opt.classify);
	files = qu_malloc(sizeof(*files) * (size_t)nops);
	dirs = qu_malloc(sizeof(*dirs) * (size_t)nops);
	for (i = (size_t)qu_optind; i < (size_t)argc; i++) {
		struct ent e;
		memset(&e, 0, sizeof(e));
		e.name = qu_strdup(argv[i]);
		e.path = qu_strdup(argv[i]);
		if (fill(&e, opt.follow_all || opt.follow_args) != 0) {
			qu_errno(errno, "cannot access %s", qu_quoteaf(argv[i]));
			exit_status = 2;
			free(e.name);
			free(e.path);
			continue;
		}
		if (!opt.dirs_as_files && S_ISLNK(e.st.st_mode) && follow_args) {
			struct stat t;
			if (stat(e.path, &t) == 0 && S_ISDIR(t.st_mode))
				e.st = t;
		}
		if (!opt.dirs_as_files && S_ISDIR(e.st.st_mode))
			dirs[nd++] = e;
		else
			files[nf++] = e;
	}
	sort_ents(files, nf);
	ls_print(files, nf, 0, dirs, nd);
	sort_ents(dirs, nd);
	for (i = 0; i < nd; i++) {
		if (i == 0 && nf > 0)
			putchar('\n');
		list_dir(dirs[i].path, nops > 1 || opt.recursive || nf > 0, 1);
	}
	free_ents(files, nf);
	free_ents(dirs, nd);
	free(files);
	free(dirs);
	return exit_status;
}
