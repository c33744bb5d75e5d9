/*
 * du - estimate file space usage (POSIX: -a -s -k -x -H -L; also -h and -c).
 *
 * Sizes are in 1024-byte units (coreutils' default; POSIX's 512-byte unit is
 * not used), rounded up. A file with several links is counted once.
 */
#include "qu.h"
#include "walk.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

QU_USAGE("Usage: du [-a|-s] [-chkx] [-H|-L] [file...]\n"
         "  -a  also list files        -s  only a total for each operand\n"
         "  -h  human-readable sizes   -k  1024-byte units (default)\n"
         "  -c  print a grand total    -x  stay on one file system\n"
         "  -H  follow links named as operands;  -L  follow all links\n");

static int opt_a, opt_s, opt_h, status;
static unsigned long long *sums; /* bytes per depth of the current path */
static size_t nsums;
static unsigned long long grand;

/* A set of (dev, ino) of files with several links, already counted. */
struct seen {
	dev_t dev;
	ino_t ino;
};
static struct seen *seen;
static size_t nseen, capseen;

/* Returns 1 if st was counted already; otherwise records it. */
static int already_seen(const struct stat *st)
{
	size_t h, i;

	if (st->st_nlink < 2 && !S_ISDIR(st->st_mode))
		return 0;
	if (nseen * 2 >= capseen) {
		struct seen *old = seen;
		size_t oldcap = capseen;
		capseen = capseen ? capseen * 2 : 64;
		seen = qu_malloc(capseen * sizeof(*seen));
		memset(seen, 0xff, capseen * sizeof(*seen));
		nseen = 0;
		for (i = 0; i < oldcap; i++) {
			if (old[i].ino == (ino_t)-1)
				continue;
			h = ((size_t)old[i].ino * 31 + (size_t)old[i].dev) % capseen;
			while (seen[h].ino != (ino_t)-1)
				h = (h + 1) % capseen;
			seen[h] = old[i];
			nseen++;
		}
		free(old);
	}
	h = ((size_t)st->st_ino * 31 + (size_t)st->st_dev) % capseen;
	while (seen[h].ino != (ino_t)-1) {
		if (seen[h].ino == st->st_ino && seen[h].dev == st->st_dev)
			return 1;
		h = (h + 1) % capseen;
	}
	seen[h].dev = st->st_dev;
	seen[h].ino = st->st_ino;
	nseen++;
	return 0;
}

/* Prints one line: size in KiB (or human) and the path. */
static void report(unsigned long long bytes, const char *path)
{
	char hb[32];

	if (opt_h)
		printf("%s\t%s\n", qu_human(bytes, hb), path);
	else
		printf("%llu\t%s\n", (bytes + 1023) / 1024, path);
}

/* Makes sure sums has room for depth d. */
static void reserve(int d)
{
	if ((size_t)d + 1 >= nsums) {
		size_t n = (size_t)d * 2 + 16;
		sums = qu_realloc(sums, n * sizeof(*sums));
		nsums = n;
	}
}

/* Tree walk callback. */
static int visit(struct qu_walk_ent *e, void *arg)
{
	unsigned long long b;

	(void)arg;
	reserve(e->depth);
	switch (e->type) {
	case QU_NS:
	case QU_SLN:
		qu_errno(e->err, "cannot access %s", qu_quoteaf(e->path));
		status = 1;
		return QU_WALK_CONTINUE;
	case QU_DC:
		return QU_WALK_CONTINUE;
	case QU_DNR:
		qu_errno(e->err, "cannot read directory %s", qu_quoteaf(e->path));
		status = 1;
		return QU_WALK_CONTINUE;
	case QU_D:
		if (already_seen(&e->st))
			return QU_WALK_SKIP;
		sums[e->depth] = (unsigned long long)e->st.st_blocks * 512;
		return QU_WALK_CONTINUE;
	case QU_DP:
		b = sums[e->depth];
		if (!opt_s || e->depth == 0)
			report(b, e->path);
		if (e->depth > 0)
			sums[e->depth - 1] += b;
		else
			grand += b;
		return QU_WALK_CONTINUE;
	default:
		if (already_seen(&e->st))
			return QU_WALK_CONTINUE;
		b = (unsigned long long)e->st.st_blocks * 512;
		if (e->depth == 0 || (opt_a && !opt_s))
			report(b, e->path);
		if (e->depth > 0)
			sums[e->depth - 1] += b;
		else
			grand += b;
		return QU_WALK_CONTINUE;
	}
}

int main(int argc, char **argv)
{
	int c, flags = QU_WALK_POST, total = 0, i;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "ashkcxHL")) != -1) {
		switch (c) {
		case 'a':
			opt_a = 1;
			break;
		case 's':
			opt_s = 1;
			break;
		case 'h':
			opt_h = 1;
			break;
		case 'k':
			opt_h = 0;
			break;
		case 'c':
			total = 1;
			break;
		case 'x':
			flags |= QU_WALK_XDEV;
			break;
		case 'H':
			flags = (flags & ~QU_WALK_FOLLOW) | QU_WALK_FOLLOW_ARGS;
			break;
		case 'L':
			flags = (flags & ~QU_WALK_FOLLOW_ARGS) | QU_WALK_FOLLOW;
			break;
		}
	}
	if (opt_a && opt_s)
		qu_usage(1, "cannot both summarize and show all entries");
	if (qu_optind >= argc)
		argv[--qu_optind] = ".";
	for (i = qu_optind; i < argc; i++)
		qu_walk(argv[i], flags, visit, NULL);
	if (total)
		report(grand, "total");
	return status;
}
