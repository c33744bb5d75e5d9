/*
 * main.c - fs-ram, the RAM filesystem (docs/fs-ram.md).
 *
 *   fs-ram [-p path] [-s size] [-m mode]
 *     -p  the directory to attach (default /tmp)
 *     -s  the most bytes the filesystem may hold (data, names, nodes):
 *         a number with an optional k, m or g suffix, or N% of the
 *         physical memory; default 25% (64 MiB if the memory size is unknown)
 *     -m  the permissions of its root directory, octal (default 1777)
 *
 * It tells its parent (init) it is ready with procmgr_daemon() once the
 * path is attached, then serves it with one thread.
 */
#include "fsram.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/procmgr.h>
#include <sys/slog.h>
#include <sys/slogcodes.h>
#include <unistd.h>

#define DEFAULT_PERCENT 25
#define FALLBACK_LIMIT  (64ull << 20)

static void usage(void)
{
	fprintf(stderr, "usage: fs-ram [-p path] [-s size[k|m|g] | -s N%%] [-m mode]\n");
	exit(EXIT_FAILURE);
}

/* Bytes of physical memory, or 0 if unknown. */
static uint64_t phys_bytes(void)
{
	long pages = sysconf(_SC_PHYS_PAGES), psize = sysconf(_SC_PAGESIZE);

	return pages > 0 && psize > 0 ? (uint64_t)pages * (uint64_t)psize : 0;
}

/* Parses a -s value. Returns the limit in bytes, or 0 if it is not valid. */
static uint64_t parse_size(const char *s)
{
	char *end;

	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (end == s || errno != 0 || s[0] == '-')
		return 0;
	unsigned shift = 0;
	switch (*end) {
	case 0:
		break;
	case '%': {
		uint64_t mem = phys_bytes();
		if (end[1] != 0 || v == 0 || v > 100 || mem == 0)
			return 0;
		return mem / 100 * v;
	}
	case 'k':
	case 'K':
		shift = 10;
		break;
	case 'm':
	case 'M':
		shift = 20;
		break;
	case 'g':
	case 'G':
		shift = 30;
		break;
	default:
		return 0;
	}
	if (shift && end[1] != 0)
		return 0;
	if (v > (UINT64_MAX >> shift))
		return 0;
	return (uint64_t)v << shift;
}

int main(int argc, char **argv)
{
	static struct fsram fs;
	const char *path = "/tmp";
	uint64_t limit = 0;
	mode_t mode = 01777;
	int c;

	while ((c = getopt(argc, argv, "p:s:m:")) != -1) {
		switch (c) {
		case 'p':
			path = optarg;
			break;
		case 's':
			if ((limit = parse_size(optarg)) == 0) {
				fprintf(stderr,
				        "fs-ram: -s %s: not a size (bytes, k, m, g or %%)\n",
				        optarg);
				return EXIT_FAILURE;
			}
			break;
		case 'm': {
			char *end;
			unsigned long m = strtoul(optarg, &end, 8);
			if (*end != 0 || end == optarg || m > 07777) {
				fprintf(stderr, "fs-ram: -m %s: not an octal mode\n", optarg);
				return EXIT_FAILURE;
			}
			mode = (mode_t)m;
			break;
		}
		default:
			usage();
		}
	}
	if (optind != argc)
		usage();
	if (limit == 0) {
		uint64_t mem = phys_bytes();
		limit = mem ? mem / 100 * DEFAULT_PERCENT : FALLBACK_LIMIT;
	}
	dispatch_t *dpp = dispatch_create();
	if (dpp == NULL || fsram_attach(&fs, dpp, path, mode, limit) < 0) {
		fprintf(stderr, "fs-ram: cannot attach %s: %s\n", path, strerror(errno));
		return EXIT_FAILURE;
	}
	dispatch_context_t *ctp = dispatch_context_alloc(dpp);
	if (ctp == NULL) {
		fprintf(stderr, "fs-ram: out of memory\n");
		return EXIT_FAILURE;
	}
	slogf(_SLOG_SETCODE(_SLOGC_FS, 0), _SLOG_INFO, "fs-ram: %s, %llu KiB", fs.prefix,
	      (unsigned long long)(limit >> 10));
	procmgr_daemon(EXIT_SUCCESS, PROCMGR_DAEMON_NOCLOSE | PROCMGR_DAEMON_NODEVNULL);
	for (;;) {
		if (dispatch_block(ctp) == NULL) {
			if (errno == EINTR)
				continue;
			slogf(_SLOG_SETCODE(_SLOGC_FS, 0), _SLOG_CRITICAL,
			      "fs-ram: receive failed: %s", strerror(errno));
			return EXIT_FAILURE;
		}
		dispatch_handler(ctp);
	}
}
