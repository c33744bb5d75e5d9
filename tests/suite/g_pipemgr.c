/*
 * g_pipemgr.c - group "pipemgr": POSIX pipe semantics of the pipe manager
 * (sbin/pipe) in depth: data integrity through a thread, PIPE_BUF
 * atomicity with several writers, EOF, EPIPE with SIGPIPE, O_NONBLOCK,
 * poll, FIFOs in /dev/fifo. Skipped (with a note) without /dev/pipe.
 */
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "suite.h"

static volatile sig_atomic_t sigpipes;

static void on_sigpipe(int sig)
{
	sigpipes++;
}

struct job {
	int fd, id, n;
	int ok;
};

static void *stream(void *arg)
{
	struct job *j = arg;
	static char buf[3000];
	size_t sent = 0, total = (size_t)j->n;

	while (sent < total) {
		size_t k = 1 + (sent * 7919) % sizeof(buf);
		if (k > total - sent)
			k = total - sent;
		for (size_t i = 0; i < k; i++)
			buf[i] = (char)((sent + i) % 251);
		ssize_t w = write(j->fd, buf, k);
		if (w <= 0)
			return NULL;
		sent += (size_t)w;
	}
	close(j->fd);
	j->ok = 1;
	return NULL;
}

static void *records(void *arg)
{
	struct job *j = arg;
	char rec[PIPE_BUF];

	memset(rec, 'a' + j->id, sizeof(rec));
	j->ok = 1;
	for (int i = 0; i < j->n; i++)
		if (write(j->fd, rec, sizeof(rec)) != (ssize_t)sizeof(rec))
			j->ok = 0;
	return NULL;
}

SUITE_GROUP(pipemgr)
{
	int p[2];
	pthread_t t[4];

	if (pipe(p) < 0) {
		suite_note("no pipe manager (errno %d): skipped", errno);
		return;
	}
	/* 256 KiB through a thread, every byte checked */
	struct job j = {p[1], 0, 256 * 1024, 0};
	pthread_create(&t[0], NULL, stream, &j);
	size_t got = 0;
	int bad = 0;
	char buf[PIPE_BUF];
	ssize_t n;
	while ((n = read(p[0], buf, 1 + got % sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < n; i++)
			bad += buf[i] != (char)((got + (size_t)i) % 251);
		got += (size_t)n;
	}
	pthread_join(t[0], NULL);
	CHECK(j.ok && got == 256 * 1024 && bad == 0, "stream: %zu bytes, %d wrong", got, bad);
	CHECK_EQ(n, 0); /* end of file after the writer closed */
	close(p[0]);

	/* PIPE_BUF atomicity: four writers, records never interleave */
	CHECK_OK(pipe(p));
	struct job w[4];
	for (int i = 0; i < 4; i++) {
		w[i] = (struct job){p[1], i, 20, 0};
		pthread_create(&t[i], NULL, records, &w[i]);
	}
	int whole = 0, mixed = 0;
	for (int r = 0; r < 80; r++) {
		size_t have = 0;
		while (have < sizeof(buf) && (n = read(p[0], buf + have, sizeof(buf) - have)) > 0)
			have += (size_t)n;
		if (have < sizeof(buf))
			break;
		whole++;
		for (size_t i = 1; i < sizeof(buf); i++)
			if (buf[i] != buf[0]) {
				mixed++;
				break;
			}
	}
	for (int i = 0; i < 4; i++)
		pthread_join(t[i], NULL);
	CHECK(whole == 80 && mixed == 0, "PIPE_BUF records: %d whole, %d interleaved", whole,
	      mixed);

	/* O_NONBLOCK */
	CHECK_OK(fcntl(p[0], F_SETFL, O_NONBLOCK));
	CHECK_ERR(read(p[0], buf, 1), -1, EAGAIN);
	CHECK_OK(fcntl(p[1], F_SETFL, O_NONBLOCK));
	size_t total = 0;
	memset(buf, 'x', sizeof(buf));
	for (size_t chunk = 1000; chunk > 0; chunk /= 10) /* fill it, then the last bytes */
		while ((n = write(p[1], buf, chunk)) > 0)
			total += (size_t)n;
	CHECK(n == -1 && errno == EAGAIN && total >= PIPE_BUF,
	      "a full pipe: EAGAIN after %zu bytes", total);
	struct pollfd pf[2] = {{p[0], POLLIN, 0}, {p[1], POLLOUT, 0}};
	CHECK_EQ(poll(pf, 2, 0), 1);
	CHECK((pf[0].revents & POLLIN) && !(pf[1].revents & POLLOUT),
	      "poll: readable, not writable");
	close(p[0]);

	/* EPIPE and SIGPIPE */
	struct sigaction sa, old;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigpipe;
	sigaction(SIGPIPE, &sa, &old);
	sigpipes = 0;
	CHECK_ERR(write(p[1], "x", 1), -1, EPIPE);
	for (int i = 0; i < 100 && sigpipes == 0; i++)
		usleep(1000);
	CHECK(sigpipes == 1, "SIGPIPE with EPIPE (%d)", (int)sigpipes);
	sigaction(SIGPIPE, &old, NULL);
	close(p[1]);

	/* a FIFO */
	char path[64];
	snprintf(path, sizeof(path), "/dev/fifo/suite-%d", getpid());
	if (mkfifo(path, 0600) < 0) {
		suite_note("mkfifo %s: errno %d: FIFO tests skipped", path, errno);
		return;
	}
	struct stat st;
	CHECK(stat(path, &st) == 0 && S_ISFIFO(st.st_mode), "a FIFO");
	CHECK_ERR(open(path, O_WRONLY | O_NONBLOCK), -1, ENXIO);
	int r = open(path, O_RDONLY | O_NONBLOCK);
	int wfd = open(path, O_WRONLY);
	CHECK(r >= 0 && wfd >= 0, "both ends of the FIFO");
	CHECK_EQ(write(wfd, "fifo", 4), 4);
	CHECK_EQ(read(r, buf, sizeof(buf)), 4);
	close(wfd);
	CHECK_EQ(read(r, buf, sizeof(buf)), 0);
	close(r);
	CHECK_OK(unlink(path));
	CHECK_ERR(stat(path, &st), -1, ENOENT);
}
