/*
 * shasum.c - print or check SHA-256/SHA-512 checksums (the common code of
 * sha256sum and sha512sum, in coreutils' formats).
 *
 * Output lines are "digest  name" ("digest *name" with -b). Names holding a
 * backslash or newline are escaped and the line starts with '\'. -c reads
 * such lines and reports "name: OK" or "name: FAILED".
 */
#include "qu.h"
#include "shasum.h"

#include <errno.h>
#include <fcntl.h>
#include <sha2.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int bits;

/* Computes the digest of the file name ("-": stdin) as lowercase hex into
 * hex (129 bytes). Returns 0, or -1 with errno. */
static int digest_file(const char *name, char *hex)
{
	static unsigned char buf[65536];
	unsigned char d[64];
	SHA256_CTX c256;
	SHA512_CTX c512;
	int fd = STDIN_FILENO, i, e;
	ssize_t n;

	if (strcmp(name, "-")) {
		fd = open(name, O_RDONLY);
		if (fd < 0)
			return -1;
	}
	if (bits == 256)
		SHA256_Init(&c256);
	else
		SHA512_Init(&c512);
	for (;;) {
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			e = errno;
			if (fd != STDIN_FILENO)
				close(fd);
			errno = e;
			return -1;
		}
		if (n == 0)
			break;
		if (bits == 256)
			SHA256_Update(&c256, buf, (size_t)n);
		else
			SHA512_Update(&c512, buf, (size_t)n);
	}
	if (fd != STDIN_FILENO)
		close(fd);
	if (bits == 256)
		SHA256_Final(d, &c256);
	else
		SHA512_Final(d, &c512);
	for (i = 0; i < bits / 8; i++)
		sprintf(hex + 2 * i, "%02x", d[i]);
	return 0;
}

/* Prints name with \\ and \n escaped. */
static void put_escaped(const char *s)
{
	for (; *s; s++) {
		if (*s == '\\')
			fputs("\\\\", stdout);
		else if (*s == '\n')
			fputs("\\n", stdout);
		else
			putchar(*s);
	}
}

/* Undoes put_escaped in place; returns 0 or -1 for a bad escape. */
static int unescape(char *s)
{
	char *o = s;

	for (; *s; s++) {
		if (*s != '\\') {
			*o++ = *s;
			continue;
		}
		s++;
		if (*s == '\\')
			*o++ = '\\';
		else if (*s == 'n')
			*o++ = '\n';
		else
			return -1;
	}
	*o = 0;
	return 0;
}

/* Compares n hex digits ignoring case; returns 0 if equal. */
static int strncasecmp_hex(const char *a, const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char x = a[i] >= 'A' && a[i] <= 'F' ? (char)(a[i] + 32) : a[i];
		if (x != b[i])
			return 1;
	}
	return 0;
}

/* -c: checks the list in file list; returns the exit status. */
static int check(const char *list)
{
	FILE *f = stdin;
	char *line = NULL, hex[129];
	size_t cap = 0, hl = (size_t)bits / 4;
	ssize_t n;
	unsigned long long bad_format = 0, mismatch = 0, unreadable = 0, good = 0, lineno = 0;

	if (strcmp(list, "-")) {
		f = fopen(list, "r");
		if (!f) {
			qu_errno(errno, "%s", qu_quotef(list));
			return 1;
		}
	}
	while ((n = getline(&line, &cap, f)) > 0) {
		char *p = line, *name;
		int esc = 0;
		size_t i;
		lineno++;
		if (line[n - 1] == '\n')
			line[--n] = 0;
		if (*p == '\\') {
			esc = 1;
			p++;
		}
		for (i = 0; i < hl; i++)
			if (!strchr("0123456789abcdefABCDEF", p[i]) || !p[i])
				break;
		if (i != hl || p[hl] != ' ' || (p[hl + 1] != ' ' && p[hl + 1] != '*') ||
		    !p[hl + 2] || (esc && unescape(p + hl + 2) != 0)) {
			bad_format++;
			continue;
		}
		name = p + hl + 2;
		if (digest_file(name, hex) != 0) {
			qu_errno(errno, "%s", qu_quotef(name));
			printf("%s: FAILED open or read\n", name);
			unreadable++;
			continue;
		}
		if (strncasecmp_hex(p, hex, hl)) {
			printf("%s: FAILED\n", name);
			mismatch++;
		} else {
			printf("%s: OK\n", name);
			good++;
		}
	}
	if (f != stdin)
		fclose(f);
	free(line);
	if (!good && !mismatch && !unreadable) {
		qu_err("%s: no properly formatted checksum lines found",
		       strcmp(list, "-") ? qu_quotef(list) : "standard input");
		return 1;
	}
	if (bad_format)
		qu_err("WARNING: %llu line%s improperly formatted", bad_format,
		       bad_format == 1 ? " is" : "s are");
	if (unreadable)
		qu_err("WARNING: %llu listed file%s could not be read", unreadable,
		       unreadable == 1 ? "" : "s");
	if (mismatch)
		qu_err("WARNING: %llu computed checksum%s did NOT match", mismatch,
		       mismatch == 1 ? "" : "s");
	return mismatch || unreadable ? 1 : 0;
}

/* See shasum.h. */
int qu_shasum_main(int argc, char **argv, int nbits)
{
	int c, opt_c = 0, binary = 0, status = 0, i;
	char hex[129];

	qu_init(argv[0]);
	bits = nbits;
	while ((c = qu_getopt(argc, argv, "bct")) != -1) {
		if (c == 'c')
			opt_c = 1;
		else
			binary = c == 'b';
	}
	if (qu_optind >= argc)
		argv[--qu_optind] = "-";
	for (i = qu_optind; i < argc; i++) {
		const char *name = argv[i];
		if (opt_c) {
			status |= check(name);
			continue;
		}
		if (digest_file(name, hex) != 0) {
			qu_errno(errno, "%s", qu_quotef(name));
			status = 1;
			continue;
		}
		if (strchr(name, '\\') || strchr(name, '\n'))
			putchar('\\');
		printf("%s %c", hex, binary ? '*' : ' ');
		put_escaped(name);
		putchar('\n');
	}
	return status;
}
