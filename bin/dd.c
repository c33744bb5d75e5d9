/*
 * dd - convert and copy a file (POSIX operands if= of= ibs= obs= bs= cbs=
 * skip= seek= count= conv=, plus status=none|noxfer|progress).
 *
 * conv= values: notrunc sync noerror ucase lcase swab excl nocreat fsync
 * fdatasync; block, unblock, ascii, ebcdic and ibm are not supported and
 * are rejected. Numbers accept the suffixes b k K M G (and xN products).
 */
#include "qu.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

QU_USAGE("Usage: dd [operand...]\n"
         "  if=file of=file bs=n ibs=n obs=n count=n skip=n seek=n\n"
         "  conv=notrunc,sync,noerror,ucase,lcase,swab,excl,nocreat,fsync,fdatasync\n"
         "  status=none|noxfer|progress\n");

#define C_NOTRUNC 0x001
#define C_SYNC    0x002
#define C_NOERROR 0x004
#define C_UCASE   0x008
#define C_LCASE   0x010
#define C_SWAB    0x020
#define C_EXCL    0x040
#define C_NOCREAT 0x080
#define C_FSYNC   0x100
#define C_FDSYNC  0x200

static unsigned long long in_full, in_part, out_full, out_part, bytes_out;
static int status_level = 2; /* 0 none, 1 noxfer, 2 default */
static struct timespec t0;

/* Prints the transfer statistics to stderr. */
static void stats(void)
{
	struct timespec t1;
	double secs;
	char rate[32];

	if (status_level == 0)
		return;
	fprintf(stderr, "%llu+%llu records in\n%llu+%llu records out\n", in_full, in_part, out_full,
	        out_part);
	if (status_level < 2)
		return;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	if (secs > 0)
		snprintf(rate, sizeof(rate), "%.3g B/s", (double)bytes_out / secs);
	else
		snprintf(rate, sizeof(rate), "Infinity B/s");
	fprintf(stderr, "%llu bytes copied, %g s, %s\n", bytes_out, secs, rate);
}

/* Parses a size operand or exits. */
static unsigned long long num(const char *s, int nonzero)
{
	unsigned long long v;

	if (qu_parse_size(s, &v) != 0 || (nonzero && v == 0))
		qu_die(1, "invalid number: %s", qu_quote(s));
	return v;
}

/* Parses the conv= list. */
static int parse_conv(const char *s)
{
	static const struct {
		const char *name;
		int bit;
	} t[] = {{"notrunc", C_NOTRUNC}, {"sync", C_SYNC},       {"noerror", C_NOERROR},
	         {"ucase", C_UCASE},     {"lcase", C_LCASE},     {"swab", C_SWAB},
	         {"excl", C_EXCL},       {"nocreat", C_NOCREAT}, {"fsync", C_FSYNC},
	         {"fdatasync", C_FDSYNC}};
	int flags = 0;
	size_t i, n;

	while (*s) {
		n = strcspn(s, ",");
		for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
			if (strlen(t[i].name) == n && !strncmp(s, t[i].name, n))
				break;
		if (i == sizeof(t) / sizeof(t[0])) {
			char bad[64];
			snprintf(bad, sizeof(bad), "%.*s", (int)(n < 60 ? n : 60), s);
			qu_err("invalid conversion: %s", qu_quote(bad));
			qu_usage(1, NULL);
		}
		flags |= t[i].bit;
		s += n;
		if (*s == ',')
			s++;
	}
	if ((flags & C_UCASE) && (flags & C_LCASE))
		qu_die(1, "cannot combine lcase and ucase");
	if ((flags & C_EXCL) && (flags & C_NOCREAT))
		qu_die(1, "cannot combine excl and nocreat");
	return flags;
}

/* Writes n bytes of the output buffer as records of obs bytes. */
static void flush_out(int fd, const char *ofile, const char *buf, size_t n, size_t obs, int final)
{
	while (n >= obs || (final && n > 0)) {
		size_t w = n >= obs ? obs : n;
		if (qu_write_all(fd, buf, w) != 0) {
			int e = errno;
			qu_errno(e, "error writing %s", qu_quote(ofile));
			stats();
			exit(1);
		}
		if (w == obs)
			out_full++;
		else
			out_part++;
		bytes_out += w;
		buf += w;
		n -= w;
	}
}

int main(int argc, char **argv)
{
	const char *ifile = NULL, *ofile = NULL;
	unsigned long long ibs = 512, obs = 512, bs = 0, count = (unsigned long long)-1;
	unsigned long long skip = 0, seek = 0, blocks = 0;
	int conv = 0, i, in = STDIN_FILENO, out = STDOUT_FILENO, status = 0;
	char *ibuf, *obuf;
	size_t opos = 0;

	qu_init(argv[0]);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '='), *v;
		if (!eq) {
			qu_err("unrecognized operand %s", qu_quote(argv[i]));
			qu_usage(1, NULL);
		}
		v = eq + 1;
		*eq = 0;
		if (!strcmp(argv[i], "if"))
			ifile = v;
		else if (!strcmp(argv[i], "of"))
			ofile = v;
		else if (!strcmp(argv[i], "ibs"))
			ibs = num(v, 1);
		else if (!strcmp(argv[i], "obs"))
			obs = num(v, 1);
		else if (!strcmp(argv[i], "bs"))
			bs = num(v, 1);
		else if (!strcmp(argv[i], "cbs"))
			num(v, 1);
		else if (!strcmp(argv[i], "count"))
			count = num(v, 0);
		else if (!strcmp(argv[i], "skip"))
			skip = num(v, 0);
		else if (!strcmp(argv[i], "seek"))
			seek = num(v, 0);
		else if (!strcmp(argv[i], "conv"))
			conv |= parse_conv(v);
		else if (!strcmp(argv[i], "status")) {
			if (!strcmp(v, "none"))
				status_level = 0;
			else if (!strcmp(v, "noxfer"))
				status_level = 1;
			else if (!strcmp(v, "progress"))
				status_level = 2;
			else {
				qu_err("invalid status level: %s", qu_quote(v));
				qu_usage(1, NULL);
			}
		} else {
			*eq = '=';
			qu_err("unrecognized operand %s", qu_quote(argv[i]));
			qu_usage(1, NULL);
		}
	}
	if (bs)
		ibs = obs = bs;
	if (ibs > (1ULL << 31) || obs > (1ULL << 31))
		qu_die(1, "block size too large (limit 2 GiB)");
	if (ifile) {
		in = open(ifile, O_RDONLY);
		if (in < 0)
			qu_die_errno(1, errno, "failed to open %s", qu_quote(ifile));
	}
	if (ofile) {
		int fl = O_WRONLY | O_CREAT;
		if (conv & C_EXCL)
			fl |= O_EXCL;
		if (conv & C_NOCREAT)
			fl &= ~O_CREAT;
		if (!(conv & C_NOTRUNC) && !seek)
			fl |= O_TRUNC;
		out = open(ofile, fl, 0666);
		if (out < 0)
			qu_die_errno(1, errno, "failed to open %s", qu_quote(ofile));
		if (seek && !(conv & C_NOTRUNC)) {
			struct stat st;
			if (fstat(out, &st) == 0 && S_ISREG(st.st_mode) &&
			    ftruncate(out, (off_t)(seek * obs)) != 0)
				qu_die_errno(1, errno,
				             "failed to truncate to %llu bytes in output file %s",
				             seek * obs, qu_quote(ofile));
		}
	}
	if (!ofile)
		ofile = "standard output";
	if (!ifile)
		ifile = "standard input";
	ibuf = qu_malloc((size_t)ibs);
	obuf = qu_malloc((size_t)(bs ? 1 : obs + ibs));
	/* skip input blocks: seek if possible, else read and discard */
	if (skip) {
		if (lseek(in, (off_t)(skip * ibs), SEEK_CUR) < 0) {
			unsigned long long k;
			for (k = 0; k < skip; k++) {
				ssize_t r = qu_read_full(in, ibuf, (size_t)ibs);
				if (r < 0)
					qu_die_errno(1, errno, "error reading %s", qu_quote(ifile));
				if ((size_t)r < ibs) {
					qu_err("%s: cannot skip to specified offset",
					       qu_quote(ifile));
					break;
				}
			}
		}
	}
	if (seek) {
		if (lseek(out, (off_t)(seek * obs), SEEK_CUR) < 0) {
			/* not seekable: write zero blocks */
			unsigned long long k;
			memset(ibuf, 0, (size_t)obs <= ibs ? (size_t)obs : (size_t)ibs);
			for (k = 0; k < seek && obs <= ibs; k++)
				if (qu_write_all(out, ibuf, (size_t)obs) != 0)
					qu_die_errno(1, errno, "%s: cannot seek", qu_quote(ofile));
		}
	}
	while (blocks < count) {
		ssize_t n = read(in, ibuf, (size_t)ibs);
		size_t k;
		if (n < 0) {
			if (errno == EINTR)
				continue;
			qu_errno(errno, "error reading %s", qu_quote(ifile));
			status = 1;
			if (!(conv & C_NOERROR))
				break;
			if (conv & C_SYNC) {
				memset(ibuf, 0, (size_t)ibs);
				n = (ssize_t)ibs;
				in_part++;
			} else {
				continue;
			}
		} else if (n == 0) {
			break;
		} else if ((size_t)n == ibs) {
			in_full++;
		} else {
			in_part++;
			if (conv & C_SYNC) {
				memset(ibuf + n, 0, (size_t)ibs - (size_t)n);
				n = (ssize_t)ibs;
			}
		}
		blocks++;
		if (conv & C_SWAB)
			for (k = 0; k + 1 < (size_t)n; k += 2) {
				char t = ibuf[k];
				ibuf[k] = ibuf[k + 1];
				ibuf[k + 1] = t;
			}
		if (conv & (C_UCASE | C_LCASE))
			for (k = 0; k < (size_t)n; k++) {
				char ch = ibuf[k];
				if ((conv & C_UCASE) && ch >= 'a' && ch <= 'z')
					ibuf[k] = (char)(ch - 32);
				else if ((conv & C_LCASE) && ch >= 'A' && ch <= 'Z')
					ibuf[k] = (char)(ch + 32);
			}
		if (bs) {
			/* bs=: each input block is written as it is */
			flush_out(out, ofile, ibuf, (size_t)n,
			          (size_t)n == obs ? obs : (size_t)n + 1, 1);
			continue;
		}
		memcpy(obuf + opos, ibuf, (size_t)n);
		opos += (size_t)n;
		if (opos >= obs) {
			size_t whole = opos / obs * obs;
			flush_out(out, ofile, obuf, whole, (size_t)obs, 0);
			memmove(obuf, obuf + whole, opos - whole);
			opos -= whole;
		}
	}
	if (!bs && opos)
		flush_out(out, ofile, obuf, opos, (size_t)obs, 1);
	if ((conv & C_FSYNC) && fsync(out) != 0) {
		qu_errno(errno, "fsync failed for %s", qu_quote(ofile));
		status = 1;
	}
	if ((conv & C_FDSYNC) && fsync(out) != 0) {
		qu_errno(errno, "fdatasync failed for %s", qu_quote(ofile));
		status = 1;
	}
	if (out != STDOUT_FILENO && close(out) != 0) {
		qu_errno(errno, "closing output file %s", qu_quote(ofile));
		status = 1;
	}
	stats();
	free(ibuf);
	free(obuf);
	return status;
}
