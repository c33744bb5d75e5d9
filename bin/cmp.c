/*
 * cmp - compare two files (POSIX: -l -s; also the optional skip operands).
 *
 * Exit status 0 if the files are identical, 1 if they differ, 2 on trouble.
 */
#include "qu.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

QU_USAGE("Usage: cmp [-l|-s] file1 file2 [skip1 [skip2]]\n"
         "  -l  list every differing byte (offset and octal values)\n"
         "  -s  print nothing; only the exit status\n");

/* A buffered input. */
struct in {
	const char *name;
	int fd;
	unsigned char buf[65536];
	size_t pos, len;
	int eof;
};

/* Returns the next byte of f, or -1 at end of file (exits on error). */
static int next(struct in *f)
{
	if (f->pos == f->len) {
		ssize_t n;
		if (f->eof)
			return -1;
		do
			n = read(f->fd, f->buf, sizeof(f->buf));
		while (n < 0 && errno == EINTR);
		if (n < 0)
			qu_die_errno(2, errno, "%s", qu_quotef(f->name));
		if (n == 0) {
			f->eof = 1;
			return -1;
		}
		f->len = (size_t)n;
		f->pos = 0;
	}
	return f->buf[f->pos++];
}

/* Opens one operand ("-" is stdin). */
static void open_in(struct in *f, const char *name)
{
	f->name = name;
	f->pos = f->len = 0;
	f->eof = 0;
	f->fd = STDIN_FILENO;
	if (strcmp(name, "-")) {
		f->fd = open(name, O_RDONLY);
		if (f->fd < 0)
			qu_die_errno(2, errno, "%s", qu_quotef(name));
	}
}

/* Parses a skip operand. */
static unsigned long long skip_arg(const char *s)
{
	unsigned long long v;

	if (qu_parse_size(s, &v) != 0)
		qu_die(2, "invalid --ignore-initial value %s", qu_quote(s));
	return v;
}

int main(int argc, char **argv)
{
	static struct in a, b;
	int c, opt_l = 0, opt_s = 0, ca, cb, differ = 0, width = 1, last = -1;
	unsigned long long byte = 0, line = 1, s1 = 0, s2 = 0, k, sz;
	struct stat st;
	const char *name1, *name2;

	qu_init(argv[0]);
	qu_usage_status = 2;
	while ((c = qu_getopt(argc, argv, "ls")) != -1) {
		if (c == 'l')
			opt_l = 1, opt_s = 0;
		else
			opt_s = 1, opt_l = 0;
	}
	if (argc - qu_optind < 1)
		qu_usage(2, "missing operand");
	name1 = argv[qu_optind];
	name2 = argc - qu_optind > 1 ? argv[qu_optind + 1] : "-";
	if (argc - qu_optind > 4) {
		qu_err("extra operand %s", qu_quote(argv[qu_optind + 4]));
		qu_usage(2, NULL);
	}
	if (argc - qu_optind > 2)
		s1 = skip_arg(argv[qu_optind + 2]);
	if (argc - qu_optind > 3)
		s2 = skip_arg(argv[qu_optind + 3]);
	open_in(&a, name1);
	open_in(&b, name2);
	if (opt_l) {
		/* offsets are printed with the width of the larger file size */
		sz = 0;
		if (fstat(a.fd, &st) == 0 && S_ISREG(st.st_mode))
			sz = (unsigned long long)st.st_size;
		if (fstat(b.fd, &st) == 0 && S_ISREG(st.st_mode) &&
		    (unsigned long long)st.st_size > sz)
			sz = (unsigned long long)st.st_size;
		for (; sz >= 10; sz /= 10)
			width++;
	}
	for (k = 0; k < s1 && next(&a) >= 0; k++)
		;
	for (k = 0; k < s2 && next(&b) >= 0; k++)
		;
	for (;;) {
		ca = next(&a);
		cb = next(&b);
		if (ca < 0 || cb < 0)
			break;
		byte++;
		if (ca != cb) {
			differ = 1;
			if (opt_s)
				return 1;
			if (!opt_l) {
				printf("%s %s differ: char %llu, line %llu\n", a.name, b.name, byte,
				       line);
				return 1;
			}
			printf("%*llu %3o %3o\n", width, byte, (unsigned)ca, (unsigned)cb);
		}
		if (ca == '\n')
			line++;
		last = ca;
	}
	if (ca == cb)
		return differ;
	/* one file is a prefix of the other */
	if (!opt_s) {
		const char *shorter = ca < 0 ? a.name : b.name;
		fflush(stdout);
		if (byte == 0)
			fprintf(stderr, "%s: EOF on %s which is empty\n", qu_prog, shorter);
		else if (opt_l)
			fprintf(stderr, "%s: EOF on %s after byte %llu\n", qu_prog, shorter, byte);
		else
			fprintf(stderr, "%s: EOF on %s after byte %llu, %s %llu\n", qu_prog,
			        shorter, byte, last == '\n' ? "line" : "in line",
			        last == '\n' ? line - 1 : line);
	}
	return 1;
}
