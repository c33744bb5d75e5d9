/*
 * sloginfo - print the system log (the events slogger holds).
 *
 *   sloginfo [-w] [-c] [-s severity] [-f path]
 *     -w  after printing, wait for new events and print them as they come
 *     -c  clear the log after printing it (root)
 *     -s  print only events of this severity or more severe (0..7)
 *     -f  read this log device (default /dev/slog)
 *
 * Each event is printed as
 *   Mon DD HH:MM:SS.mmm  SEV MAJOR MINOR  [pid] text
 * with binary data in hex and slogi() integers in decimal; a gap in the
 * sequence numbers (events overwritten before we read them) is reported.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/slog.h>
#include <time.h>
#include <unistd.h>
#include <devctl.h>

static void usage(void)
{
	fprintf(stderr, "usage: sloginfo [-w] [-c] [-s severity] [-f path]\n");
	exit(EXIT_FAILURE);
}

/* Prints one event record. */
static void print_event(const struct slog_event *ev)
{
	const unsigned char *d = (const unsigned char *)(ev + 1);
	time_t sec = (time_t)(ev->time_ns / 1000000000u);
	struct tm tm;
	char when[32];

	localtime_r(&sec, &tm);
	strftime(when, sizeof(when), "%b %d %H:%M:%S", &tm);
	printf("%s.%03u %3d %5d %5d  [%d] ", when, (unsigned)(ev->time_ns / 1000000u % 1000u),
	       ev->severity, _SLOG_GETMAJOR(ev->opcode), _SLOG_GETMINOR(ev->opcode), ev->pid);
	if (ev->flags & _SLOG_FLAG_TEXT) {
		printf("%.*s\n", (int)strnlen((const char *)d, ev->len), (const char *)d);
	} else if (ev->flags & _SLOG_FLAG_INTS) {
		for (uint32_t i = 0; i + sizeof(int) <= ev->len; i += sizeof(int)) {
			int v;
			memcpy(&v, d + i, sizeof(v));
			printf("%s%d", i ? " " : "", v);
		}
		printf("\n");
	} else {
		for (uint32_t i = 0; i < ev->len; i++)
			printf("%02x", d[i]);
		printf("\n");
	}
}

int main(int argc, char **argv)
{
	const char *path = _SLOG_PATH;
	int wait = 0, clear = 0, maxsev = _SLOG_SEVMAXVAL, c;

	while ((c = getopt(argc, argv, "wcs:f:")) != -1) {
		switch (c) {
		case 'w':
			wait = 1;
			break;
		case 'c':
			clear = 1;
			break;
		case 's': {
			char *end;
			maxsev = (int)strtol(optarg, &end, 0);
			if (*end != '\0' || maxsev < 0 || maxsev > _SLOG_SEVMAXVAL)
				usage();
			break;
		}
		case 'f':
			path = optarg;
			break;
		default:
			usage();
		}
	}
	int fd = open(path, O_RDONLY | O_NONBLOCK);
	if (fd < 0) {
		fprintf(stderr, "sloginfo: %s: %s\n", path, strerror(errno));
		return EXIT_FAILURE;
	}
	static char buf[64 * 1024];
	uint32_t expect = 0;
	int first = 1, waiting = 0;
	for (;;) {
		ssize_t n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EAGAIN && wait && !waiting) {
			fflush(stdout);
			int fl = fcntl(fd, F_GETFL);
			fcntl(fd, F_SETFL, fl & ~O_NONBLOCK); /* now wait for more */
			waiting = 1;
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n < 0 && errno != EAGAIN) {
				fprintf(stderr, "sloginfo: %s: %s\n", path, strerror(errno));
				return EXIT_FAILURE;
			}
			break;
		}
		for (ssize_t at = 0; at + (ssize_t)sizeof(struct slog_event) <= n;) {
			const struct slog_event *ev = (const struct slog_event *)(buf + at);
			if (ev->size < sizeof(*ev) || at + (ssize_t)ev->size > n)
				break;
			if (!first && ev->seq != expect)
				printf("sloginfo: %u events were lost\n", ev->seq - expect);
			first = 0;
			expect = ev->seq + 1;
			if (ev->severity <= maxsev)
				print_event(ev);
			at += ev->size;
		}
		if (waiting)
			fflush(stdout);
	}
	if (clear && devctl(fd, DCMD_SLOG_CLEAR, NULL, 0, NULL) != EOK) {
		fprintf(stderr, "sloginfo: cannot clear %s\n", path);
		return EXIT_FAILURE;
	}
	close(fd);
	return EXIT_SUCCESS;
}
