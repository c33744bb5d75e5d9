/*
 * od - dump files in various formats (POSIX: -A -j -N -t -v and the
 * historical -b -c -d -o -s -x).
 *
 * Types: a, c, d[1248CSIL], o[...], u[...], x[...], f[48FD]. Lines of 16
 * bytes; with several types each gets a line and the columns are aligned as
 * coreutils aligns them. Identical consecutive lines are shown as "*" unless
 * -v. Floating values are printed with the fewest digits that read back
 * exactly.
 */
#include "qu.h"

#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

QU_USAGE("Usage: od [-v] [-A base] [-j skip] [-N count] [-t type]... [file...]\n"
         "       od [-bcdosx] [file...]\n"
         "  -A d|o|x|n  address base   -j skip bytes   -N dump count bytes   -v  no '*'\n"
         "  -t a|c|d[N]|o[N]|u[N]|x[N]|f[N]  (N = 1 2 4 8, C S I L, F D)\n");

#define BLOCK 16

struct spec {
	char kind; /* a c d o u x f */
	int size;  /* bytes per element */
	int width; /* printed width of a field, including its leading blanks */
};

static struct spec *specs;
static int nspecs;
static char radix = 'o';

/* Natural width (with one leading space) of a type. */
static int natural_width(char kind, int size)
{
	static const int o[9] = {0, 4, 7, 0, 12, 0, 0, 0, 23};
	static const int x[9] = {0, 3, 5, 0, 9, 0, 0, 0, 17};
	static const int d[9] = {0, 5, 7, 0, 12, 0, 0, 0, 21};
	static const int u[9] = {0, 4, 6, 0, 11, 0, 0, 0, 21};

	switch (kind) {
	case 'o':
		return o[size];
	case 'x':
		return x[size];
	case 'd':
		return d[size];
	case 'u':
		return u[size];
	case 'f':
		return size == 4 ? 16 : 25;
	default:
		return 4;
	}
}

/* Adds a type to the list. */
static void add_spec(char kind, int size)
{
	specs = qu_realloc(specs, sizeof(*specs) * (size_t)(nspecs + 1));
	specs[nspecs].kind = kind;
	specs[nspecs].size = size;
	specs[nspecs].width = natural_width(kind, size);
	nspecs++;
}

/* Parses a -t type string (several types may be concatenated). */
static void parse_type(const char *s)
{
	const char *p = s;

	while (*p) {
		char k = *p++;
		int size;
		if (k == 'a' || k == 'c') {
			add_spec(k, 1);
			continue;
		}
		if (!strchr("doux", k) && k != 'f') {
			qu_die(1, "invalid character '%c' in type string %s", k, qu_quote(s));
		}
		size = k == 'f' ? 8 : 4;
		if (*p >= '0' && *p <= '9') {
			size = (int)strtol(p, (char **)&p, 10);
		} else if (k != 'f' && *p && strchr("CSIL", *p)) {
			size = *p == 'C' ? 1 : *p == 'S' ? 2 : *p == 'I' ? 4 : 8;
			p++;
		} else if (k == 'f' && *p && strchr("FDL", *p)) {
			size = *p == 'F' ? 4 : 8;
			p++;
		}
		if ((k == 'f' && size != 4 && size != 8) ||
		    (k != 'f' && size != 1 && size != 2 && size != 4 && size != 8))
			qu_die(1,
			       "invalid type string %s;\nthis system doesn't provide a %d-byte "
			       "%s type",
			       qu_quote(s), size, k == 'f' ? "floating point" : "integral");
		add_spec(k, size);
	}
}

/* Reads an unsigned little/host-endian element of n bytes at p. */
static unsigned long long get_uint(const unsigned char *p, int n)
{
	unsigned long long v = 0;
	unsigned char b[8] = {0};

	memcpy(b, p, (size_t)n);
	if (n == 1)
		return b[0];
	if (n == 2) {
		unsigned short s;
		memcpy(&s, b, 2);
		return s;
	}
	if (n == 4) {
		unsigned int i;
		memcpy(&i, b, 4);
		return i;
	}
	memcpy(&v, b, 8);
	return v;
}

/* Formats a floating value with the fewest digits that read back the same. */
static void fmt_float(const unsigned char *p, int size, char *out, size_t n)
{
	int prec;

	if (size == 4) {
		float f;
		memcpy(&f, p, 4);
		for (prec = 1; prec <= 9; prec++) {
			snprintf(out, n, "%.*g", prec, (double)f);
			if (strtof(out, NULL) == f || f != f)
				break;
		}
	} else {
		double d;
		memcpy(&d, p, 8);
		for (prec = 1; prec <= 17; prec++) {
			snprintf(out, n, "%.*g", prec, d);
			if (strtod(out, NULL) == d || d != d)
				break;
		}
	}
}

/* Prints one field of a spec for the element at p. */
static void print_field(const struct spec *s, const unsigned char *p)
{
	static const char *const names[33] = {
	        "nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs",  "ht",  "nl",
	        "vt",  "ff",  "cr",  "so",  "si",  "dle", "dc1", "dc2", "dc3", "dc4", "nak",
	        "syn", "etb", "can", "em",  "sub", "esc", "fs",  "gs",  "rs",  "us",  "sp"};
	char buf[64];
	unsigned long long v;
	int w = s->width;

	switch (s->kind) {
	case 'a': {
		int c = p[0] & 0x7f;
		if (c <= 32)
			printf("%*s", w, names[c]);
		else if (c == 127)
			printf("%*s", w, "del");
		else
			printf("%*c", w, c);
		return;
	}
	case 'c': {
		int c = p[0];
		const char *e = NULL;
		switch (c) {
		case 0:
			e = "\\0";
			break;
		case '\a':
			e = "\\a";
			break;
		case '\b':
			e = "\\b";
			break;
		case '\f':
			e = "\\f";
			break;
		case '\n':
			e = "\\n";
			break;
		case '\r':
			e = "\\r";
			break;
		case '\t':
			e = "\\t";
			break;
		case '\v':
			e = "\\v";
			break;
		}
		if (e)
			printf("%*s", w, e);
		else if (c >= 32 && c < 127)
			printf("%*c", w, c);
		else
			printf("%*s%03o", w - 3, "", c);
		return;
	}
	case 'f':
		fmt_float(p, s->size, buf, sizeof(buf));
		printf("%*s", w, buf);
		return;
	}
	v = get_uint(p, s->size);
	switch (s->kind) {
	case 'o':
		printf("%*s%0*llo", w - (natural_width('o', s->size) - 1), "",
		       natural_width('o', s->size) - 1, v);
		break;
	case 'x':
		printf("%*s%0*llx", w - (natural_width('x', s->size) - 1), "",
		       natural_width('x', s->size) - 1, v);
		break;
	case 'u':
		printf("%*llu", w, v);
		break;
	case 'd': {
		long long sv;
		if (s->size == 1)
			sv = (signed char)v;
		else if (s->size == 2)
			sv = (short)v;
		else if (s->size == 4)
			sv = (int)v;
		else
			sv = (long long)v;
		printf("%*lld", w, sv);
		break;
	}
	}
}

/* Prints an address in the chosen radix. */
static void print_addr(unsigned long long a)
{
	if (radix == 'd')
		printf("%07llu", a);
	else if (radix == 'x')
		printf("%06llx", a);
	else if (radix == 'o')
		printf("%07llo", a);
}

/* Prints one block of n bytes at address addr. */
static void print_block(const unsigned char *b, size_t n, unsigned long long addr)
{
	unsigned char pad[BLOCK + 8];
	int i;
	size_t k;

	memset(pad, 0, sizeof(pad));
	memcpy(pad, b, n);
	for (i = 0; i < nspecs; i++) {
		if (i == 0)
			print_addr(addr);
		else if (radix != 'n')
			printf("%*s", radix == 'x' ? 6 : 7, "");
		for (k = 0; k < n; k += (size_t)specs[i].size)
			print_field(&specs[i], pad + k);
		putchar('\n');
	}
}

int main(int argc, char **argv)
{
	unsigned long long skip = 0, limit = (unsigned long long)-1, addr, done = 0;
	unsigned char block[BLOCK], prev[BLOCK];
	int c, i, verbose = 0, have_prev = 0, starred = 0, status = 0, fi, fd = -1, opened = 0;
	size_t fill = 0;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "A:j:N:t:vbcdosx")) != -1) {
		switch (c) {
		case 'A':
			if (strlen(qu_optarg) != 1 || !strchr("doxn", qu_optarg[0]))
				qu_die(1,
				       "invalid output address radix '%s'; it must be one "
				       "character "
				       "from [doxn]",
				       qu_optarg);
			radix = qu_optarg[0];
			break;
		case 'j':
			if (qu_parse_size(qu_optarg, &skip) != 0)
				qu_die(1, "invalid -j argument %s", qu_quote(qu_optarg));
			break;
		case 'N':
			if (qu_parse_size(qu_optarg, &limit) != 0)
				qu_die(1, "invalid -N argument %s", qu_quote(qu_optarg));
			break;
		case 't':
			parse_type(qu_optarg);
			break;
		case 'v':
			verbose = 1;
			break;
		case 'b':
			add_spec('o', 1);
			break;
		case 'c':
			add_spec('c', 1);
			break;
		case 'd':
			add_spec('u', 2);
			break;
		case 'o':
			add_spec('o', 2);
			break;
		case 's':
			add_spec('d', 2);
			break;
		case 'x':
			add_spec('x', 2);
			break;
		}
	}
	if (!nspecs)
		add_spec('o', 2);
	{
		/* align the columns of all types: same line width for every type */
		int maxw = 0;
		for (i = 0; i < nspecs; i++) {
			int w = specs[i].width * (BLOCK / specs[i].size);
			if (w > maxw)
				maxw = w;
		}
		for (i = 0; i < nspecs; i++)
			specs[i].width = maxw / (BLOCK / specs[i].size);
	}
	if (qu_optind >= argc)
		argv[--qu_optind] = "-";
	addr = skip;
	for (fi = qu_optind; fi < argc && (done < limit || !opened); fi++) {
		const char *name = argv[fi];
		fd = STDIN_FILENO;
		if (strcmp(name, "-")) {
			fd = open(name, O_RDONLY);
			if (fd < 0) {
				qu_errno(errno, "%s", qu_quotef(name));
				status = 1;
				continue;
			}
		}
		opened = 1;
		while (done < limit) {
			size_t want = BLOCK - fill;
			ssize_t n;
			if (limit - done < want)
				want = (size_t)(limit - done);
			n = read(fd, block + fill, want);
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				qu_errno(errno, "%s: read error", qu_quotef(name));
				status = 1;
				break;
			}
			if (n == 0)
				break;
			if (skip > 0) {
				/* skip within the stream of all files */
				size_t s = (size_t)n <= skip ? (size_t)n : (size_t)skip;
				memmove(block + fill, block + fill + s, (size_t)n - s);
				skip -= s;
				n -= (ssize_t)s;
				if (n == 0)
					continue;
			}
			fill += (size_t)n;
			done += (unsigned long long)n;
			if (fill < BLOCK)
				continue;
			if (!verbose && have_prev && !memcmp(block, prev, BLOCK)) {
				if (!starred)
					puts("*");
				starred = 1;
			} else {
				print_block(block, BLOCK, addr);
				starred = 0;
			}
			memcpy(prev, block, BLOCK);
			have_prev = 1;
			addr += BLOCK;
			fill = 0;
		}
		if (fd != STDIN_FILENO)
			close(fd);
	}
	if (skip > 0) {
		qu_err("cannot skip past end of combined input");
		return 1;
	}
	if (fill) {
		print_block(block, fill, addr);
		addr += fill;
	}
	if (radix != 'n' && opened) {
		print_addr(addr);
		putchar('\n');
	}
	return status;
}
