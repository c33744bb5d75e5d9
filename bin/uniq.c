/*
 * uniq - report or filter out repeated lines in a file (POSIX: -c -d -u
 * -f fields -s chars; also -i to ignore case).
 */
#include "qu.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

QU_USAGE("Usage: uniq [-c|-d|-u] [-i] [-f fields] [-s chars] [input [output]]\n"
         "  -c  prefix lines with their counts   -d  only repeated lines\n"
         "  -u  only unrepeated lines            -i  ignore case\n"
         "  -f  skip fields   -s  skip characters before comparing\n");

static int opt_c, opt_d, opt_u, opt_i;
static unsigned long long skip_fields, skip_chars;

/* Returns the part of the line that is compared (after -f and -s). */
static const char *key(const char *s, size_t len, size_t *klen)
{
	const char *p = s, *end = s + len;
	unsigned long long f, c;

	for (f = 0; f < skip_fields; f++) {
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		while (p < end && *p != ' ' && *p != '\t')
			p++;
	}
	for (c = 0; c < skip_chars && p < end; c++)
		p++;
	*klen = (size_t)(end - p);
	return p;
}

/* Compares the keys of two lines; returns 0 if equal. */
static int differ(const char *a, size_t al, const char *b, size_t bl)
{
	size_t ka, kb, i;
	const char *pa = key(a, al, &ka), *pb = key(b, bl, &kb);

	if (ka != kb)
		return 1;
	if (!opt_i)
		return memcmp(pa, pb, ka) != 0;
	for (i = 0; i < ka; i++)
		if (tolower((unsigned char)pa[i]) != tolower((unsigned char)pb[i]))
			return 1;
	return 0;
}

/* Writes a group (line and its count) according to the options. */
static void emit(FILE *out, const char *line, size_t len, unsigned long long count)
{
	if ((opt_d && count < 2) || (opt_u && count > 1))
		return;
	if (opt_c)
		fprintf(out, "%7llu ", count);
	fwrite(line, 1, len, out);
	putc('\n', out);
}

/* Parses a count operand. */
static unsigned long long count_arg(const char *s, const char *what)
{
	unsigned long long v;

	if (qu_parse_size(s, &v) != 0 || strpbrk(s, "bkKMGTPEcw"))
		qu_die(1, "%s: invalid number of %s to skip", s, what);
	return v;
}

int main(int argc, char **argv)
{
	int c;
	FILE *in = stdin, *out = stdout;
	char *prev = NULL, *line = NULL;
	size_t pcap = 0, lcap = 0, plen = 0;
	ssize_t n;
	unsigned long long count = 0;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "cduif:s:")) != -1) {
		switch (c) {
		case 'c':
			opt_c = 1;
			break;
		case 'd':
			opt_d = 1;
			break;
		case 'u':
			opt_u = 1;
			break;
		case 'i':
			opt_i = 1;
			break;
		case 'f':
			skip_fields = count_arg(qu_optarg, "fields");
			break;
		case 's':
			skip_chars = count_arg(qu_optarg, "bytes");
			break;
		}
	}
	if (argc - qu_optind > 2) {
		qu_err("extra operand %s", qu_quote(argv[qu_optind + 2]));
		qu_usage(1, NULL);
	}
	if (qu_optind < argc && strcmp(argv[qu_optind], "-")) {
		in = fopen(argv[qu_optind], "r");
		if (!in)
			qu_die_errno(1, errno, "%s", qu_quotef(argv[qu_optind]));
	}
	if (qu_optind + 1 < argc && strcmp(argv[qu_optind + 1], "-")) {
		out = fopen(argv[qu_optind + 1], "w");
		if (!out)
			qu_die_errno(1, errno, "%s", qu_quotef(argv[qu_optind + 1]));
	}
	while ((n = getline(&line, &lcap, in)) > 0) {
		size_t len = (size_t)n;
		if (line[len - 1] == '\n')
			len--;
		if (count && !differ(prev, plen, line, len)) {
			count++;
			continue;
		}
		if (count)
			emit(out, prev, plen, count);
		if (len + 1 > pcap) {
			pcap = len + 1;
			prev = qu_realloc(prev, pcap);
		}
		memcpy(prev, line, len);
		plen = len;
		count = 1;
	}
	if (ferror(in))
		qu_die_errno(1, errno, "error reading %s",
		             qu_quote(qu_optind < argc ? argv[qu_optind] : "-"));
	if (count)
		emit(out, prev, plen, count);
	if (out != stdout && fclose(out) != 0)
		qu_die_errno(1, errno, "%s", qu_quotef(argv[qu_optind + 1]));
	free(prev);
	free(line);
	return 0;
}
