/*
 * stat - display file status (not in POSIX; coreutils-compatible subset).
 *
 * stat [-L] [-t | -c format] file...: the default report has coreutils'
 * layout (the birth time is not known and is shown as "-"). Format
 * sequences: %a %A %b %B %d %D %f %F %g %G %h %i %n %N %o %s %t %T %u %U
 * %x %X %y %Y %z %Z %w %W %Hd %Ld %Hr %Lr %%, with printf flags and width.
 */
#include "devno.h"
#include "mode.h"
#include "qu.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

QU_USAGE("Usage: stat [-L] [-t | -c format] file...\n"
         "  -L  follow symbolic links   -t  terse output   -c  use format\n"
         "  format: %n name %s size %a mode %A mode string %F type %u/%U owner %g/%G group\n"
         "          %i inode %h links %x/%y/%z times (%X/%Y/%Z in seconds) ...\n");

#define DEFAULT_FMT                                                    \
	"  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n" \
	"Device: %Hd,%Ld\tInode: %-11i Links: %h\n"                    \
	"Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"    \
	"Access: %x\nModify: %y\nChange: %z\n Birth: %w\n"
#define DEFAULT_DEV_FMT                                                    \
	"  File: %N\n  Size: %-10s\tBlocks: %-10b IO Block: %-6o %F\n"     \
	"Device: %Hd,%Ld\tInode: %-11i Links: %-5h Device type: %Hr,%Lr\n" \
	"Access: (%04a/%10.10A)  Uid: (%5u/%8U)   Gid: (%5g/%8G)\n"        \
	"Access: %x\nModify: %y\nChange: %z\n Birth: %w\n"
#define TERSE_FMT "%n %s %b %f %u %g %D %i %h %t %T %X %Y %Z %W %o\n"

static int deflt;

/* Returns the file type description. */
static const char *type_name(const struct stat *st)
{
	if (S_ISREG(st->st_mode))
		return st->st_size ? "regular file" : "regular empty file";
	if (S_ISDIR(st->st_mode))
		return "directory";
	if (S_ISLNK(st->st_mode))
		return "symbolic link";
	if (S_ISFIFO(st->st_mode))
		return "fifo";
	if (S_ISSOCK(st->st_mode))
		return "socket";
	if (S_ISCHR(st->st_mode))
		return "character special file";
	if (S_ISBLK(st->st_mode))
		return "block special file";
	return "weird file";
}

/* Formats a time as "YYYY-MM-DD hh:mm:ss.nnnnnnnnn +zzzz" into buf. */
static void fmt_time(const struct timespec *ts, char *buf, size_t n)
{
	struct tm *tm = localtime(&ts->tv_sec);
	size_t l;

	if (!tm) {
		snprintf(buf, n, "%lld", (long long)ts->tv_sec);
		return;
	}
	l = strftime(buf, n, "%Y-%m-%d %H:%M:%S", tm);
	l += (size_t)snprintf(buf + l, n - l, ".%09ld", ts->tv_nsec);
	strftime(buf + l, n - l, " %z", tm);
}

/* Prints a string value with the user's flags/width/precision. */
static void out_str(const char *spec, const char *s)
{
	char f[64];

	snprintf(f, sizeof(f), "%ss", spec);
	printf(f, s);
}

/* Prints an unsigned value with the user's flags/width (base: u, o or x). */
static void out_num(const char *spec, unsigned long long v, char base)
{
	char f[64];

	snprintf(f, sizeof(f), "%sll%c", spec, base);
	printf(f, v);
}

/* Prints the name (for %N: quoted, with " -> target" for links). */
static void out_name(const char *spec, const char *path, const struct stat *st, int quoted)
{
	char *buf;
	const char *q = deflt ? qu_quotef(path) : qu_quoteaf(path);

	if (!quoted || !S_ISLNK(st->st_mode)) {
		out_str(spec, quoted ? q : path);
		return;
	}
	buf = qu_malloc((size_t)st->st_size + 1);
	{
		ssize_t n = readlink(path, buf, (size_t)st->st_size + 1);
		if (n < 0)
			n = 0;
		if (n > st->st_size)
			n = st->st_size;
		buf[n] = 0;
	}
	{
		char *all = qu_malloc(strlen(q) + 4 * strlen(buf) + 16);
		sprintf(all, "%s -> %s", q, deflt ? qu_quotef(buf) : qu_quoteaf(buf));
		out_str(spec, all);
		free(all);
	}
	free(buf);
}

/* Prints the status of path according to fmt. */
static void show(const char *path, const struct stat *st, const char *fmt)
{
	char spec[32], tb[80], mb[11];
	const char *p;
	struct passwd *pw;
	struct group *gr;

	for (p = fmt; *p; p++) {
		size_t sl = 0;
		char hl = 0;
		if (*p == '\\' && !deflt && p[1]) {
			/* backslash escapes are handled by --printf only in coreutils */
			putchar(*p);
			continue;
		}
		if (*p != '%') {
			putchar(*p);
			continue;
		}
		spec[sl++] = '%';
		p++;
		while (*p && strchr("-#+ 0'", *p) && sl < 8)
			spec[sl++] = *p++;
		while (*p >= '0' && *p <= '9' && sl < 16)
			spec[sl++] = *p++;
		if (*p == '.') {
			spec[sl++] = *p++;
			while (*p >= '0' && *p <= '9' && sl < 24)
				spec[sl++] = *p++;
		}
		spec[sl] = 0;
		if ((*p == 'H' || *p == 'L') && (p[1] == 'd' || p[1] == 'r'))
			hl = *p++;
		switch (*p) {
		case 0:
			putchar('%');
			return;
		case '%':
			putchar('%');
			break;
		case 'a':
			out_num(spec, st->st_mode & 07777, 'o');
			break;
		case 'A':
			qu_mode_string(st->st_mode, mb);
			out_str(spec, mb);
			break;
		case 'b':
			out_num(spec, (unsigned long long)st->st_blocks, 'u');
			break;
		case 'B':
			out_num(spec, 512, 'u');
			break;
		case 'd':
			if (hl)
				out_num(spec,
				        hl == 'H' ? qu_major(st->st_dev) : qu_minor(st->st_dev),
				        'u');
			else
				out_num(spec, (unsigned long long)st->st_dev, 'u');
			break;
		case 'r':
			if (hl)
				out_num(spec,
				        hl == 'H' ? qu_major(st->st_rdev) : qu_minor(st->st_rdev),
				        'u');
			else
				out_num(spec, (unsigned long long)st->st_rdev, 'u');
			break;
		case 'D':
			out_num(spec, (unsigned long long)st->st_dev, 'x');
			break;
		case 'f':
			out_num(spec, st->st_mode, 'x');
			break;
		case 'F':
			out_str(spec, type_name(st));
			break;
		case 'g':
			out_num(spec, st->st_gid, 'u');
			break;
		case 'G':
			gr = getgrgid(st->st_gid);
			out_str(spec, gr ? gr->gr_name : "UNKNOWN");
			break;
		case 'h':
			out_num(spec, (unsigned long long)st->st_nlink, 'u');
			break;
		case 'i':
			out_num(spec, (unsigned long long)st->st_ino, 'u');
			break;
		case 'n':
			out_name(spec, path, st, 0);
			break;
		case 'N':
			out_name(spec, path, st, 1);
			break;
		case 'o':
			out_num(spec, (unsigned long long)st->st_blksize, 'u');
			break;
		case 's':
			out_num(spec, (unsigned long long)st->st_size, 'u');
			break;
		case 't':
			out_num(spec, qu_major(st->st_rdev), 'x');
			break;
		case 'T':
			out_num(spec, qu_minor(st->st_rdev), 'x');
			break;
		case 'u':
			out_num(spec, st->st_uid, 'u');
			break;
		case 'U':
			pw = getpwuid(st->st_uid);
			out_str(spec, pw ? pw->pw_name : "UNKNOWN");
			break;
		case 'w':
			out_str(spec, "-");
			break;
		case 'W':
			out_num(spec, 0, 'u');
			break;
		case 'x':
			fmt_time(&st->st_atim, tb, sizeof(tb));
			out_str(spec, tb);
			break;
		case 'y':
			fmt_time(&st->st_mtim, tb, sizeof(tb));
			out_str(spec, tb);
			break;
		case 'z':
			fmt_time(&st->st_ctim, tb, sizeof(tb));
			out_str(spec, tb);
			break;
		case 'X':
			snprintf(tb, sizeof(tb), "%lld", (long long)st->st_atim.tv_sec);
			out_str(spec, tb);
			break;
		case 'Y':
			snprintf(tb, sizeof(tb), "%lld", (long long)st->st_mtim.tv_sec);
			out_str(spec, tb);
			break;
		case 'Z':
			snprintf(tb, sizeof(tb), "%lld", (long long)st->st_ctim.tv_sec);
			out_str(spec, tb);
			break;
		default:
			putchar('?');
			break;
		}
	}
}

int main(int argc, char **argv)
{
	int c, follow = 0, status = 0, i;
	const char *fmt = NULL;
	char *f2 = NULL;
	struct stat st;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "Lc:t")) != -1) {
		if (c == 'L')
			follow = 1;
		else if (c == 'c')
			fmt = qu_optarg;
		else
			fmt = TERSE_FMT;
	}
	if (qu_optind >= argc)
		qu_usage(1, "missing operand");
	if (fmt && fmt != (const char *)TERSE_FMT) {
		f2 = qu_malloc(strlen(fmt) + 2);
		sprintf(f2, "%s\n", fmt);
		fmt = f2;
	}
	deflt = !fmt;
	for (i = qu_optind; i < argc; i++) {
		if ((follow ? stat(argv[i], &st) : lstat(argv[i], &st)) != 0) {
			qu_errno(errno, "cannot stat %s", qu_quoteaf(argv[i]));
			status = 1;
			continue;
		}
		if (fmt)
			show(argv[i], &st, fmt);
		else if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
			show(argv[i], &st, DEFAULT_DEV_FMT);
		else
			show(argv[i], &st, DEFAULT_FMT);
	}
	free(f2);
	return status;
}
