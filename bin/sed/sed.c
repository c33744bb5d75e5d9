/*
 * sed - stream editor (POSIX: -n -e -f; also -E/-r for extended regular
 * expressions, -s for separate files and -i[SUFFIX] for editing in place, as
 * GNU sed).
 *
 * Exit status: 0, 1 for an invalid script, 2 if an input file could not be
 * read, 4 for an I/O error, or the code given to q/Q.
 */
#include "lines.h"
#include "qu.h"
#include "sed.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

QU_USAGE("Usage: sed [-nEs] [-i[suffix]] script [file...]\n"
         "       sed [-nEs] [-i[suffix]] -e script... [-f script_file]... [file...]\n"
         "  -n  no automatic printing      -E, -r  extended regular expressions\n"
         "  -s  treat files separately     -i  edit files in place (with backup suffix)\n"
         "Commands: { } = a b c d D g G h H i l n N p P q Q r s t T w x y z : #\n");

int opt_n, opt_E, opt_s, opt_i, opt_debug;
const char *opt_suffix;

static char **files;
static int nfiles, fidx = -1, status;
static int in_fd = -1;
static struct qu_reader rd;
static unsigned long lineno;
/* one line of lookahead, to know whether the current line is the last */
static char *la;
static size_t la_len, la_cap;
static int la_nl, have_la, la_loaded;
static char *cur;
static size_t cur_cap;
/* output: stdout, or the temporary file of -i */
static FILE *out;
static char *tmpname;
static FILE *missing_nl_file;

/* See sed.h. */
void out_line(FILE *f, const char *s, size_t len, int nl)
{
	/* a line written without its newline gets one when more output follows */
	if (f == missing_nl_file)
		putc('\n', f);
	missing_nl_file = nl ? (f == missing_nl_file ? NULL : missing_nl_file) : f;
	fwrite(s, 1, len, f);
	if (nl)
		putc('\n', f);
	if (ferror(f))
		qu_die_errno(4, errno, "couldn't write");
}

/* See sed.h. */
FILE *output_file(void)
{
	return out;
}

/* See sed.h. */
unsigned long input_lineno(void)
{
	return lineno;
}

/* Finishes the -i edit of the current file: renames the output into place. */
static void finish_inplace(void)
{
	const char *name;

	if (!opt_i || !tmpname)
		return;
	name = files[fidx];
	if (missing_nl_file == out)
		missing_nl_file = NULL;
	if (fclose(out) != 0)
		qu_die_errno(4, errno, "couldn't close %s", tmpname);
	if (opt_suffix && *opt_suffix) {
		char *bak;
		if (strchr(opt_suffix, '*')) {
			/* '*' stands for the file's base name */
			const char *b = strrchr(name, '/'), *p;
			size_t n = 0, dl = b ? (size_t)(b - name + 1) : 0;
			b = b ? b + 1 : name;
			bak = qu_malloc(strlen(name) + strlen(opt_suffix) * (strlen(b) + 1) + 2);
			memcpy(bak, name, dl);
			n = dl;
			for (p = opt_suffix; *p; p++) {
				if (*p == '*') {
					strcpy(bak + n, b);
					n += strlen(b);
				} else {
					bak[n++] = *p;
				}
			}
			bak[n] = 0;
		} else {
			bak = qu_malloc(strlen(name) + strlen(opt_suffix) + 1);
			sprintf(bak, "%s%s", name, opt_suffix);
		}
		if (rename(name, bak) != 0)
			qu_errno(errno, "cannot rename %s", name);
		free(bak);
	}
	if (rename(tmpname, name) != 0)
		qu_errno(errno, "cannot rename %s", tmpname);
	free(tmpname);
	tmpname = NULL;
	out = stdout;
}

/* Opens the next input file; returns 0 when there are no more. */
static int open_next(void)
{
	struct stat st;

	for (;;) {
		if (in_fd >= 0) {
			if (in_fd != STDIN_FILENO)
				close(in_fd);
			qu_reader_free(&rd);
			in_fd = -1;
		}
		if (fidx + 1 >= nfiles)
			return 0;
		fidx++;
		if (!strcmp(files[fidx], "-") && !opt_i) {
			in_fd = STDIN_FILENO;
		} else {
			in_fd = open(files[fidx], O_RDONLY);
			if (in_fd < 0) {
				qu_errno(errno, "can't read %s", files[fidx]);
				status = 2;
				continue;
			}
			if (fstat(in_fd, &st) == 0 && S_ISDIR(st.st_mode)) {
				if (opt_i)
					qu_err("couldn't edit %s: not a regular file", files[fidx]);
				else
					qu_err("read error on %s: Is a directory", files[fidx]);
				close(in_fd);
				in_fd = -1;
				status = opt_i ? 4 : 2;
				continue;
			}
		}
		qu_reader_init(&rd, in_fd);
		if (opt_i) {
			/* write to a temporary file next to the original */
			const char *slash = strrchr(files[fidx], '/');
			size_t dl = slash ? (size_t)(slash - files[fidx] + 1) : 0;
			int fd;
			tmpname = qu_malloc(dl + 16);
			memcpy(tmpname, files[fidx], dl);
			strcpy(tmpname + dl, "sedXXXXXX");
			fd = mkstemp(tmpname);
			if (fd < 0)
				qu_die_errno(4, errno, "couldn't open temporary file %s", tmpname);
			if (fstat(in_fd, &st) == 0)
				fchmod(fd, st.st_mode & 07777);
			out = fdopen(fd, "w");
			if (!out)
				qu_die_errno(4, errno, "couldn't open temporary file %s", tmpname);
		}
		return 1;
	}
}

/* Loads the lookahead line; with separate files it does not cross files. */
static void load_lookahead(int cross)
{
	char *line;
	size_t len;
	int nl;

	have_la = 0;
	for (;;) {
		if (in_fd >= 0) {
			line = qu_reader_line(&rd, &len, &nl);
			if (line) {
				if (len + 1 > la_cap) {
					la_cap = (len + 1) * 2;
					la = qu_realloc(la, la_cap);
				}
				memcpy(la, line, len + 1);
				la_len = len;
				la_nl = nl;
				have_la = 1;
				return;
			}
			if (rd.err) {
				qu_errno(rd.err, "read error on %s", files[fidx]);
				status = 2;
			}
			if (!cross)
				return;
			finish_inplace();
		}
		if (!open_next())
			return;
		if (opt_s || opt_i)
			lineno = 0;
		if (!cross)
			return;
	}
}

/* See sed.h. */
int input_next(char **line, size_t *len, int *nl)
{
	if (!la_loaded) {
		load_lookahead(1);
		la_loaded = 1;
	}
	if (!have_la) {
		/* the current file (of -s/-i) is done: go on with the next */
		if (opt_s || opt_i)
			load_lookahead(1);
		if (!have_la)
			return 0;
	}
	if (la_len + 1 > cur_cap) {
		cur_cap = (la_len + 1) * 2;
		cur = qu_realloc(cur, cur_cap);
	}
	memcpy(cur, la, la_len + 1);
	*line = cur;
	*len = la_len;
	*nl = la_nl;
	lineno++;
	load_lookahead(!(opt_s || opt_i));
	return 1;
}

/* See sed.h. */
int input_is_last(void)
{
	return !have_la;
}

/* Reads a script file for -f. */
static void script_file(const char *name)
{
	struct qu_reader r;
	char *text = NULL, *line;
	size_t len, tl = 0;
	int nl, fd = strcmp(name, "-") ? open(name, O_RDONLY) : STDIN_FILENO;

	if (fd < 0)
		qu_die_errno(1, errno, "couldn't open file %s", name);
	qu_reader_init(&r, fd);
	text = qu_malloc(1);
	text[0] = 0;
	while ((line = qu_reader_line(&r, &len, &nl)) != NULL) {
		text = qu_realloc(text, tl + len + 2);
		memcpy(text + tl, line, len);
		tl += len;
		text[tl++] = '\n';
		text[tl] = 0;
	}
	if (tl && text[tl - 1] == '\n')
		text[--tl] = 0;
	qu_reader_free(&r);
	if (fd != STDIN_FILENO)
		close(fd);
	script_add(text, name, 0);
	free(text);
}

int main(int argc, char **argv)
{
	static char *stdin_only[] = {"-"};
	int c, have_script = 0, nexpr = 0, i, r;

	qu_init(argv[0]);
	out = stdout;
	/* -i takes an optional attached suffix, so it is handled before getopt */
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (!strcmp(argv[i], "--"))
			break;
		if (argv[i][1] == 'i') {
			opt_i = 1;
			opt_suffix = argv[i][2] ? argv[i] + 2 : NULL;
			argv[i] = "-s";
		} else if (argv[i][1] == 'e' || argv[i][1] == 'f') {
			if (!argv[i][2])
				i++;
		}
	}
	while ((c = qu_getopt(argc, argv, "nrEse:f:")) != -1) {
		switch (c) {
		case 'n':
			opt_n = 1;
			break;
		case 'r':
		case 'E':
			opt_E = 1;
			break;
		case 's':
			opt_s = 1;
			break;
		case 'e':
			script_add(qu_optarg, NULL, ++nexpr);
			have_script = 1;
			break;
		case 'f':
			script_file(qu_optarg);
			have_script = 1;
			break;
		}
	}
	if (!have_script) {
		if (qu_optind >= argc)
			qu_usage(1, NULL);
		script_add(argv[qu_optind++], NULL, 1);
	}
	script_compile();
	files = argv + qu_optind;
	nfiles = argc - qu_optind;
	if (nfiles == 0) {
		if (opt_i)
			qu_die(1, "no input files");
		files = stdin_only;
		nfiles = 1;
	}
	r = execute();
	if (opt_i && tmpname) {
		/* q ended the run inside a file: as GNU sed, the rest is dropped */
		finish_inplace();
	}
	if (fflush(stdout) != 0)
		qu_die_errno(4, errno, "couldn't flush stdout");
	return r ? r : status;
}
