/*
 * use - print the usage text of a program (QNX's use utility).
 *
 * Every quser utility keeps its usage text in the ELF section .qsoe_usage
 * (see lib/usage.h); use finds the program (in PATH unless the name holds a
 * '/'), reads its ELF64 section headers and prints that section.
 */
#include "qu.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

QU_USAGE("Usage: use program\n"
         "Prints the usage text embedded in program (its .qsoe_usage section).\n");

static int big_endian;

/* Reads an unsigned little- or big-endian integer of n bytes at p. */
static uint64_t rd(const unsigned char *p, int n)
{
	uint64_t v = 0;
	int i;

	for (i = 0; i < n; i++)
		v |= (uint64_t)p[big_endian ? n - 1 - i : i] << (8 * i);
	return v;
}

/* Reads exactly n bytes at offset off; returns 0 or -1. */
static int pread_full(int fd, void *buf, size_t n, uint64_t off)
{
	if (off > (uint64_t)INT64_MAX || lseek(fd, (off_t)off, SEEK_SET) < 0)
		return -1;
	return qu_read_full(fd, buf, n) == (ssize_t)n ? 0 : -1;
}

/* Finds the program file for name; returns a malloc'ed path or NULL. */
static char *locate(const char *name)
{
	const char *path = getenv("PATH"), *p, *e;
	struct stat st;
	char *buf;

	if (strchr(name, '/'))
		return qu_strdup(name);
	if (!path)
		path = "/bin:/usr/bin";
	buf = qu_malloc(strlen(path) + strlen(name) + 3);
	for (p = path;; p = e + 1) {
		e = strchr(p, ':');
		if (!e)
			e = p + strlen(p);
		if (e == p)
			strcpy(buf, ".");
		else
			sprintf(buf, "%.*s", (int)(e - p), p);
		strcat(buf, "/");
		strcat(buf, name);
		if (stat(buf, &st) == 0 && S_ISREG(st.st_mode))
			return buf;
		if (!*e)
			break;
	}
	free(buf);
	return NULL;
}

/* Prints the usage section of the ELF file at path; returns the status. */
static int show(const char *name, const char *path)
{
	unsigned char eh[64], sh[64], *names = NULL, *text = NULL;
	uint64_t shoff, stroff = 0, strsize = 0, i;
	unsigned shentsize, shnum, shstrndx;
	int fd = open(path, O_RDONLY), found = 0;

	if (fd < 0) {
		qu_errno(errno, "%s", path);
		return 1;
	}
	if (qu_read_full(fd, eh, sizeof(eh)) != (ssize_t)sizeof(eh) || memcmp(eh, "\177ELF", 4) ||
	    eh[4] != 2 || (eh[5] != 1 && eh[5] != 2)) {
		qu_err("%s: not an ELF64 file", path);
		close(fd);
		return 1;
	}
	big_endian = eh[5] == 2;
	shoff = rd(eh + 0x28, 8);
	shentsize = (unsigned)rd(eh + 0x3a, 2);
	shnum = (unsigned)rd(eh + 0x3c, 2);
	shstrndx = (unsigned)rd(eh + 0x3e, 2);
	if (shentsize < 64 || shstrndx >= shnum)
		goto none;
	if (pread_full(fd, sh, 64, shoff + (uint64_t)shstrndx * shentsize) != 0)
		goto bad;
	stroff = rd(sh + 0x18, 8);
	strsize = rd(sh + 0x20, 8);
	if (strsize > (1u << 24))
		goto bad;
	names = qu_malloc((size_t)strsize + 1);
	if (pread_full(fd, names, (size_t)strsize, stroff) != 0)
		goto bad;
	names[strsize] = 0;
	for (i = 0; i < shnum; i++) {
		uint64_t nm, off, size;
		if (pread_full(fd, sh, 64, shoff + i * shentsize) != 0)
			goto bad;
		nm = rd(sh, 4);
		if (nm >= strsize || strcmp((char *)names + nm, ".qsoe_usage"))
			continue;
		off = rd(sh + 0x18, 8);
		size = rd(sh + 0x20, 8);
		if (size > (1u << 24))
			goto bad;
		text = qu_malloc((size_t)size + 1);
		if (pread_full(fd, text, (size_t)size, off) != 0)
			goto bad;
		text[size] = 0;
		fputs((char *)text, stdout);
		found = 1;
		break;
	}
	free(names);
	free(text);
	close(fd);
	if (found)
		return 0;
none:
	qu_err("%s: no usage information", name);
	close(fd);
	return 1;
bad:
	qu_err("%s: damaged ELF file", path);
	free(names);
	free(text);
	close(fd);
	return 1;
}

int main(int argc, char **argv)
{
	char *path;
	int r;

	qu_init(argv[0]);
	qu_getopt(argc, argv, "");
	if (argc - qu_optind != 1)
		qu_usage(1, argc - qu_optind ? "extra operand" : "missing operand");
	path = locate(argv[qu_optind]);
	if (!path)
		qu_die(1, "%s: not found", argv[qu_optind]);
	r = show(argv[qu_optind], path);
	free(path);
	return r;
}
