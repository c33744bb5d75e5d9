/*
 * slogger_test.c - host test of slogger's /dev/slog (QSOE side, on the
 * kernel double): events written as slogf() writes them and as plain text
 * are read back with their severity, codes, pid and data; readers wait
 * for new events, non-blocking readers get EAGAIN; the ring drops the
 * oldest events; clear needs root. Entry point slogger_test_main().
 */
#include "../slogger.h"
#include "tclient.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <string.h>
#include <sys/dcmd_all.h>
#include <sys/slogcodes.h>
#include <unistd.h>

#define SERVER 70
#define USER   100

static void *server(void *arg)
{
	dispatch_context_t *ctp = dispatch_context_alloc(arg);

	while (ctp != NULL && dispatch_block(ctp) != NULL)
		dispatch_handler(ctp);
	dispatch_context_free(ctp);
	return NULL;
}

/* What slogf() sends. */
static ssize_t send_event(int fd, int opcode, int sev, unsigned flags, const void *d, size_t n)
{
	char buf[sizeof(struct slog_write) + 8192];
	struct slog_write h = {_SLOG_WIRE_MAGIC, opcode, sev, flags};

	memcpy(buf, &h, sizeof(h));
	memcpy(buf + sizeof(h), d, n);
	return tc_write(fd, buf, sizeof(h) + n);
}

static char rbuf[64 * 1024];

/* Reads events; returns the count and the last one's header in *last. */
static int read_events(int fd, struct slog_event *last, char *lastdata, size_t cap)
{
	ssize_t n = tc_read(fd, rbuf, sizeof(rbuf));
	int count = 0;

	for (ssize_t at = 0; n > 0 && at < n;) {
		struct slog_event *ev = (struct slog_event *)(rbuf + at);
		*last = *ev;
		if (lastdata)
			memcpy(lastdata, ev + 1, ev->len < cap ? ev->len : cap);
		count++;
		at += ev->size;
	}
	return n < 0 ? -1 : count;
}

static void *waiting_reader(void *arg)
{
	struct slog_event ev;
	char data[64] = {0};
	int fd = tc_open("/dev/slog", O_RDONLY, 0);

	tc_lseek(fd, 0, SEEK_SET);
	while (read_events(fd, &ev, data, sizeof(data) - 1) > 0 && strcmp(data, "wake") != 0)
		;
	*(int *)arg = strcmp(data, "wake") == 0;
	tc_close(fd);
	return NULL;
}

int slogger_test_main(void)
{
	pthread_t t;
	struct slog_event ev;
	char data[256];

	setvbuf(stdout, NULL, _IONBF, 0);
	kd_set_cred(SERVER, 0, 0, 0, NULL);
	kd_set_cred(USER, USER, 1, 0, NULL);
	kd_set_cred(1, 0, 0, 0, NULL);
	kd_set_pid(SERVER);
	dispatch_t *dpp = dispatch_create();
	CHECK(dpp != NULL && slogger_attach(dpp, "/dev/slog", 16384, -1) == 0, "attached");
	slogger_log(_SLOGC_SLOG, _SLOG_INFO, "started");
	pthread_create(&t, NULL, server, dpp);

	kd_set_pid(USER);
	int w = tc_open("/dev/slog", O_WRONLY, 0);
	int r = tc_open("/dev/slog", O_RDONLY | O_NONBLOCK, 0);
	CHECK(w >= 0 && r >= 0, "open for writing and reading");
	CHECK(read_events(r, &ev, data, sizeof(data)) == 1 && strcmp(data, "started") == 0 &&
	              ev.pid == 0,
	      "slogger's own start-up event");
	CHECK(tc_read(r, rbuf, sizeof(rbuf)) == -1 && errno == EAGAIN, "nothing new: EAGAIN");
	CHECK(send_event(w, _SLOG_SETCODE(_SLOGC_TEST, 7), _SLOG_WARNING, _SLOG_FLAG_TEXT,
	                 "disk on fire", 13) == 13 + sizeof(struct slog_write),
	      "write an event");
	memset(data, 0, sizeof(data));
	CHECK(read_events(r, &ev, data, sizeof(data)) == 1 && strcmp(data, "disk on fire") == 0,
	      "read it back ('%s')", data);
	CHECK(ev.severity == _SLOG_WARNING && _SLOG_GETMAJOR(ev.opcode) == _SLOGC_TEST &&
	              _SLOG_GETMINOR(ev.opcode) == 7 && ev.pid == USER && ev.time_ns > 0 &&
	              (ev.flags & _SLOG_FLAG_TEXT) && ev.seq == 1,
	      "severity %d major %d minor %d pid %d seq %u", ev.severity, _SLOG_GETMAJOR(ev.opcode),
	      _SLOG_GETMINOR(ev.opcode), ev.pid, ev.seq);
	int ints[3] = {1, -2, 3};
	send_event(w, _SLOG_SETCODE(_SLOGC_TEST, 1), _SLOG_DEBUG1, _SLOG_FLAG_INTS, ints,
	           sizeof(ints));
	CHECK(read_events(r, &ev, data, sizeof(data)) == 1 && ev.len == sizeof(ints) &&
	              memcmp(data, ints, sizeof(ints)) == 0,
	      "slogi() integers come back");
	CHECK(tc_write(w, "plain words\n", 12) == 12, "a plain write");
	memset(data, 0, sizeof(data));
	CHECK(read_events(r, &ev, data, sizeof(data)) == 1 && strcmp(data, "plain words") == 0 &&
	              ev.severity == _SLOG_INFO,
	      "is a text event at _SLOG_INFO ('%s')", data);
	CHECK(send_event(w, 0, 9, _SLOG_FLAG_TEXT, "x", 2) == -1 && errno == EINVAL,
	      "a bad severity is refused");
	static char big[8000];
	CHECK(send_event(w, 0, 5, _SLOG_FLAG_BINARY, big, 5000) == -1 && errno == EMSGSIZE,
	      "binary data over _SLOG_DATA_MAX: EMSGSIZE");
	send_event(w, 0, 5, _SLOG_FLAG_TEXT, "small", 6);
	CHECK(tc_read(r, rbuf, 16) == -1 && errno == EMSGSIZE,
	      "a buffer too small for one event: EMSGSIZE");
	read_events(r, &ev, NULL, 0);

	/* A waiting reader is woken by a new event. */
	int ok = 0;
	pthread_create(&t, NULL, waiting_reader, &ok);
	usleep(30000);
	send_event(w, 0, 5, _SLOG_FLAG_TEXT, "wake", 5);
	pthread_join(t, NULL);
	CHECK(ok, "a blocked reader got the new event");

	/* The ring keeps the newest events; readers see the gap. */
	for (int i = 0; i < 100; i++) {
		char line[200];
		memset(line, 'a' + i % 26, sizeof(line));
		line[sizeof(line) - 1] = 0;
		send_event(w, 0, 5, _SLOG_FLAG_TEXT, line, sizeof(line));
	}
	struct slog_stats st;
	CHECK(tc_devctl(r, DCMD_SLOG_STATS, &st, sizeof(st), NULL) == EOK &&
	              st.ring_size == 16384 && st.used <= 16384 && st.events < 100 &&
	              st.total >= 106 && st.dropped > 0,
	      "stats: %u events in %u bytes, %llu dropped", st.events, st.used,
	      (unsigned long long)st.dropped);
	uint32_t prev = 0;
	int n = 0, gaps = 0;
	ssize_t got = tc_read(r, rbuf, sizeof(rbuf));
	for (ssize_t at = 0; got > 0 && at < got; n++) {
		struct slog_event *e = (struct slog_event *)(rbuf + at);
		gaps += n > 0 && e->seq != prev + 1;
		prev = e->seq;
		at += e->size;
	}
	CHECK(n == (int)st.events && gaps == 0, "the newest %d events, in order", n);

	CHECK(tc_devctl(r, DCMD_SLOG_CLEAR, NULL, 0, NULL) == EPERM, "clear needs root");
	kd_set_pid(1);
	int rr = tc_open("/dev/slog", O_RDONLY | O_NONBLOCK, 0);
	CHECK(tc_devctl(rr, DCMD_SLOG_CLEAR, NULL, 0, NULL) == EOK, "root clears");
	CHECK(tc_read(rr, rbuf, sizeof(rbuf)) == -1 && errno == EAGAIN, "the log is empty");
	tc_close(rr);
	kd_set_pid(USER);
	tc_close(w);
	tc_close(r);
	kd_kill_process(SERVER);
	pthread_join(t, NULL);
	kd_set_pid(SERVER);
	dispatch_destroy(dpp);
	slog_ring_fini(slogger_ring());
	printf("slogger: %d passed, %d failed\n", t_pass, t_fail);
	return t_fail != 0;
}
