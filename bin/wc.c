/*
 * wc - word, line and byte or character count (POSIX: -c -l -m -w).
 *
 * Counts are printed in the order lines, words, bytes/characters with the
 * column width coreutils uses, so the outputs agree.
 */
#include "qu.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

QU_USAGE("Usage: wc [-c|-m] [-lw] [file...]\n"
         "  -l lines  -w words  -c bytes  -m characters\n");

struct counts {
	unsigned long long lines, words, bytes, chars;
};

static int opt_l, opt_w, opt_c, opt_m, width, utf8;

/* Returns 1 if the character-type locale in the environment is UTF-8. */
static int locale_is_utf8(void)
{
	const char *names[] = {"LC_ALL", "LC_CTYPE", "LANG"}, *v;
	int i;

	for (i = 0; i < 3; i++) {
		v = getenv(names[i]);
		if (v && *v)
			return strstr(v, "UTF-8") || strstr(v, "utf8") || strstr(v, "UTF8") ||
			       strstr(v, "utf-8");
	}
	return 0;
}

/* Counts fd into *ct; returns 0 or -1 after a read error message. */
static int count_fd(int fd, const char *name, struct counts *ct)
{
	static unsigned char buf[65536];
	int inword = 0;
	ssize_t n, i;

	memset(ct, 0, sizeof(*ct));
	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			qu_errno(errno, "%s", qu_quotef(name));
			return -1;
		}
		if (n == 0)
			break;
		ct->bytes += (unsigned long long)n;
		for (i = 0; i < n; i++) {
			unsigned char c = buf[i];
			/* in a UTF-8 locale continuation bytes do not start characters */
			if (!utf8 || (c & 0xc0) != 0x80)
				ct->chars++;
			if (c == '\n')
				ct->lines++;
			if (c == ' ' || (c >= '\t' && c <= '\r')) {
				inword = 0;
			} else if (c > ' ' && c < 127) {
				if (!inword)
					ct->words++;
				inword = 1;
			}
		}
	}
	return 0;
}

/* Prints one line of counts. */
static void print_counts(const struct counts *ct, const char *name)
{
	const char *sep = "";

	if (opt_l) {
		printf("%*llu", width, ct->lines);
		sep = " ";
	}
	if (opt_w) {
		printf("%s%*llu", sep, width, ct->words);
		sep = " ";
	}
	if (opt_m) {
		printf("%s%*llu", sep, width, ct->chars);
		sep = " ";
	}
	if (opt_c) {
		printf("%s%*llu", sep, width, ct->bytes);
	}
	if (name)
		printf(" %s", name);
	putchar('\n');
}

int main(int argc, char **argv)
{
	struct counts ct, total;
	struct stat st;
	unsigned long long regsize = 0;
	int c, i, nfiles, status = 0, minw = 1, nopts;

	qu_init(argv[0]);
	utf8 = locale_is_utf8();
	while ((c = qu_getopt(argc, argv, "clmw")) != -1) {
		if (c == 'c')
			opt_c = 1, opt_m = 0;
		else if (c == 'm')
			opt_m = 1, opt_c = 0;
		else if (c == 'l')
			opt_l = 1;
		else
			opt_w = 1;
	}
	if (!opt_c && !opt_l && !opt_m && !opt_w)
		opt_c = opt_l = opt_w = 1;
	nopts = opt_c + opt_l + opt_m + opt_w;
	nfiles = argc - qu_optind;
	/* column width: digits of the total size of regular files, at least 7
	 * if some input is not a regular file (as coreutils) */
	if (nfiles == 0) {
		if (fstat(STDIN_FILENO, &st) != 0 || !S_ISREG(st.st_mode))
			minw = 7;
		else
			regsize = (unsigned long long)st.st_size;
	} else {
		for (i = qu_optind; i < argc; i++) {
			int r = strcmp(argv[i], "-") ? stat(argv[i], &st) : fstat(0, &st);
			if (r != 0) {
				if (i == qu_optind)
					break;
				continue;
			}
			if (S_ISREG(st.st_mode))
				regsize += (unsigned long long)st.st_size;
			else
				minw = 7;
		}
	}
	for (width = 1; regsize >= 10; regsize /= 10)
		width++;
	if (width < minw)
		width = minw;
	if (nopts == 1 && nfiles <= 1)
		width = 1;
	memset(&total, 0, sizeof(total));
	if (nfiles == 0) {
		status = count_fd(STDIN_FILENO, "-", &ct) != 0;
		print_counts(&ct, NULL);
		return status;
	}
	for (i = qu_optind; i < argc; i++) {
		const char *name = argv[i];
		int fd = STDIN_FILENO;
		if (strcmp(name, "-") != 0) {
			fd = open(name, O_RDONLY);
			if (fd < 0) {
				qu_errno(errno, "%s", qu_quotef(name));
				status = 1;
				continue;
			}
		}
		if (count_fd(fd, name, &ct) != 0)
			status = 1;
		{
			print_counts(&ct, name);
			total.lines += ct.lines;
			total.words += ct.words;
			total.bytes += ct.bytes;
			total.chars += ct.chars;
		}
		if (fd != STDIN_FILENO)
			close(fd);
	}
	if (nfiles > 1)
		print_counts(&total, "total");
	return status;
}
