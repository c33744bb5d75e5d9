/*
 * pipe_test.c - host test of the pipe manager (QSOE side, on the kernel
 * double): the pipe() protocol, data integrity, PIPE_BUF atomicity with
 * several writers, EOF, EPIPE/SIGPIPE, O_NONBLOCK, blocking and unblock,
 * poll notification, FIFOs. Entry point pipe_test_main().
 */
#include "../pipe.h"
#include "tclient.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/dcmd_all.h>
#include <sys/dcmd_chr.h>
#include <unistd.h>

#define SERVER 60
#define USER   100

static void *server(void *arg)
{
	dispatch_context_t *ctp = dispatch_context_alloc(arg);

	while (ctp != NULL && dispatch_block(ctp) != NULL)
		dispatch_handler(ctp);
	dispatch_context_free(ctp);
	return NULL;
}

/* pipe() as libc does it: open /dev/pipe for reading, openfd the write end. */
static int mkpipe(int fds[2])
{
	fds[0] = tc_open("/dev/pipe", O_RDONLY, 0);
	if (fds[0] < 0)
		return -1;
	fds[1] = tc_openfd(fds[0], O_WRONLY, _IO_OPENFD_PIPE);
	return fds[1] < 0 ? -1 : 0;
}

static int set_nonblock(int fd)
{
	int fl = 0;
	tc_devctl(fd, DCMD_ALL_GETFLAGS, &fl, sizeof(fl), NULL);
	fl |= O_NONBLOCK;
	return tc_devctl(fd, DCMD_ALL_SETFLAGS, &fl, sizeof(fl), NULL);
}

static void test_basic(void)
{
	int fds[2];
	char buf[64];
	unsigned avail = 0;

	CHECK(mkpipe(fds) == 0, "pipe(): read end %d, write end %d (errno %d)", fds[0], fds[1],
	      errno);
	CHECK(tc_write(fds[1], "hello", 5) == 5, "write 5");
	CHECK(tc_devctl(fds[0], DCMD_CHR_ISCHARS, &avail, sizeof(avail), NULL) == EOK && avail == 5,
	      "FIONREAD %u", avail);
	struct stat st;
	CHECK(tc_fstat(fds[0], &st) == 0 && S_ISFIFO(st.st_mode) && st.st_size == 5,
	      "fstat: a FIFO holding 5 bytes");
	memset(buf, 0, sizeof(buf));
	CHECK(tc_read(fds[0], buf, 3) == 3 && memcmp(buf, "hel", 3) == 0, "read 3");
	CHECK(tc_read(fds[0], buf, sizeof(buf)) == 2 && memcmp(buf, "lo", 2) == 0, "read the rest");
	CHECK(tc_write(fds[0], "x", 1) == -1 && errno == EBADF, "the read end cannot write");
	CHECK(tc_read(fds[1], buf, 1) == -1 && errno == EBADF, "the write end cannot read");
	CHECK(tc_lseek(fds[0], 0, SEEK_SET) == -1 && errno == ESPIPE, "lseek: ESPIPE");
	tc_write(fds[1], "tail", 4);
	CHECK(tc_close(fds[1]) == 0, "close the write end");
	CHECK(tc_read(fds[0], buf, sizeof(buf)) == 4, "data written before the close is read");
	CHECK(tc_read(fds[0], buf, sizeof(buf)) == 0, "then end of file");
	tc_close(fds[0]);
}

static void test_epipe(void)
{
	int fds[2];

	mkpipe(fds);
	int before = kd_signals(USER, SIGPIPE);
	tc_close(fds[0]);
	CHECK(tc_write(fds[1], "x", 1) == -1 && errno == EPIPE, "no reader: EPIPE (%d)", errno);
	CHECK(kd_signals(USER, SIGPIPE) == before + 1, "and SIGPIPE to the writer");
	tc_close(fds[1]);
}

struct stream {
	int fd;
	size_t total;
	unsigned seed;
	int id;
	int result;
};

static unsigned next_rand(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 16) & 0x7fff;
}

static void *stream_writer(void *arg)
{
	struct stream *s = arg;
	char buf[9000];
	size_t sent = 0;

	while (sent < s->total) {
		size_t n = 1 + next_rand(&s->seed) % sizeof(buf);
		if (n > s->total - sent)
			n = s->total - sent;
		for (size_t i = 0; i < n; i++)
			buf[i] = (char)((sent + i) * 7 + 3);
		ssize_t k = tc_write(s->fd, buf, n);
		if (k <= 0) {
			s->result = -1;
			return NULL;
		}
		sent += (size_t)k;
	}
	tc_close(s->fd);
	s->result = 0;
	return NULL;
}

static void test_integrity(void)
{
	int fds[2];
	pthread_t t;
	char buf[7000];
	size_t got = 0;
	int bad = 0;

	mkpipe(fds);
	struct stream s = {fds[1], 1 << 20, 12345, 0, 1};
	pthread_create(&t, NULL, stream_writer, &s);
	unsigned seed = 99;
	for (;;) {
		size_t n = 1 + next_rand(&seed) % sizeof(buf);
		ssize_t k = tc_read(fds[0], buf, n);
		if (k <= 0)
			break;
		for (ssize_t i = 0; i < k; i++)
			bad += buf[i] != (char)((got + (size_t)i) * 7 + 3);
		got += (size_t)k;
	}
	pthread_join(t, NULL);
	CHECK(s.result == 0 && got == s.total && bad == 0,
	      "1 MiB through the pipe in random sizes: %zu bytes, %d wrong", got, bad);
	tc_close(fds[0]);
}

static void *record_writer(void *arg)
{
	struct stream *s = arg;
	char rec[PIPE_BUF];

	memset(rec, 'A' + s->id, sizeof(rec));
	for (int i = 0; i < 40; i++)
		if (tc_write(s->fd, rec, sizeof(rec)) != (ssize_t)sizeof(rec)) {
			s->result = -1;
			return NULL;
		}
	s->result = 0;
	return NULL;
}

static void test_atomic(void)
{
	enum { W = 4 };
	int fds[2];
	pthread_t t[W];
	struct stream s[W];
	static char rec[PIPE_BUF];

	mkpipe(fds);
	for (int i = 0; i < W; i++) {
		s[i] = (struct stream){fds[1], 0, 0, i, 1};
		pthread_create(&t[i], NULL, record_writer, &s[i]);
	}
	int mixed = 0, records = 0, counts[W] = {0};
	for (int r = 0; r < W * 40; r++) {
		size_t have = 0;
		while (have < sizeof(rec)) { /* reads may split a record; writes never interleave */
			ssize_t k = tc_read(fds[0], rec + have, sizeof(rec) - have);
			if (k <= 0)
				break;
			have += (size_t)k;
		}
		if (have != sizeof(rec))
			break;
		records++;
		for (size_t i = 1; i < sizeof(rec); i++)
			if (rec[i] != rec[0]) {
				mixed++;
				break;
			}
		if (rec[0] >= 'A' && rec[0] < 'A' + W)
			counts[rec[0] - 'A']++;
	}
	for (int i = 0; i < W; i++)
		pthread_join(t[i], NULL);
	CHECK(records == W * 40 && mixed == 0,
	      "%d writers of PIPE_BUF records: %d records, %d interleaved", W, records, mixed);
	CHECK(counts[0] == 40 && counts[1] == 40 && counts[2] == 40 && counts[3] == 40,
	      "every writer's records arrived");
	tc_close(fds[0]);
	tc_close(fds[1]);
}

static void test_nonblock(void)
{
	int fds[2];
	char buf[PIPE_BUF];

	mkpipe(fds);
	set_nonblock(fds[0]);
	set_nonblock(fds[1]);
	CHECK(tc_read(fds[0], buf, 1) == -1 && errno == EAGAIN, "empty: EAGAIN");
	memset(buf, 'z', sizeof(buf));
	size_t total = 0;
	ssize_t k;
	while ((k = tc_write(fds[1], buf, 1000)) > 0)
		total += (size_t)k;
	CHECK(k == -1 && errno == EAGAIN && total > pipe_bufsize - 1000,
	      "atomic writes fill while they fit (%zu of %zu), then EAGAIN", total, pipe_bufsize);
	while ((k = tc_write(fds[1], buf, 1)) > 0)
		total += (size_t)k;
	CHECK(total == pipe_bufsize, "single bytes fill the rest (%zu of %zu)", total,
	      pipe_bufsize);
	tc_read(fds[0], buf, 100);
	CHECK(tc_write(fds[1], buf, PIPE_BUF) == -1 && errno == EAGAIN,
	      "an atomic write that does not fit: EAGAIN");
	tc_read(fds[0], buf, PIPE_BUF);
	char big[3 * PIPE_BUF];
	memset(big, 'y', sizeof(big));
	k = tc_write(fds[1], big, sizeof(big));
	CHECK(k > 0 && (size_t)k < sizeof(big), "a large non-blocking write is partial (%zd)", k);
	tc_close(fds[0]);
	tc_close(fds[1]);
}

static void *blocked_read(void *arg)
{
	char c;
	int fd = *(int *)arg;
	uint64_t ns = 40000000;

	TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_REPLY | _NTO_TIMEOUT_SEND, NULL, &ns, NULL);
	*(int *)arg = tc_read(fd, &c, 1) < 0 ? errno : 0;
	return NULL;
}

static void *big_write(void *arg)
{
	struct stream *s = arg;
	static char big[20000];

	memset(big, 'q', sizeof(big));
	s->result = (int)tc_write(s->fd, big, sizeof(big));
	return NULL;
}

static void test_blocking(void)
{
	int fds[2];
	pthread_t t;
	char buf[4096];

	mkpipe(fds);
	int arg = fds[0];
	pthread_create(&t, NULL, blocked_read, &arg);
	pthread_join(t, NULL);
	CHECK(arg == EINTR, "a blocked read is interrupted (EINTR, got %d)", arg);
	struct stream s = {fds[1], 0, 0, 0, -2};
	pthread_create(&t, NULL, big_write, &s);
	size_t got = 0;
	while (got < 20000) {
		ssize_t k = tc_read(fds[0], buf, sizeof(buf));
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	pthread_join(t, NULL);
	CHECK(got == 20000 && s.result == 20000,
	      "a write larger than the buffer completes as it is read (%zu, %d)", got, s.result);
	tc_close(fds[0]);
	tc_close(fds[1]);
}

static void test_poll(void)
{
	int fds[2];
	struct sigevent ev;
	char c;

	mkpipe(fds);
	SIGEV_SIGNAL_INIT(&ev, SIGUSR2);
	int before = kd_signals(USER, SIGUSR2);
	CHECK(tc_notify(fds[0], _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT, &ev) == 0,
	      "empty pipe: not readable, armed");
	CHECK(tc_notify(fds[1], _NOTIFY_ACTION_POLL, _NOTIFY_COND_OUTPUT, NULL) ==
	              _NOTIFY_COND_OUTPUT,
	      "empty pipe: writable");
	tc_write(fds[1], "!", 1);
	CHECK(kd_signals(USER, SIGUSR2) == before + 1, "a write fires the armed event");
	tc_read(fds[0], &c, 1);
	tc_notify(fds[0], _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT, &ev);
	tc_close(fds[1]);
	CHECK(kd_signals(USER, SIGUSR2) == before + 2, "the last writer's close fires it (EOF)");
	CHECK(tc_notify(fds[0], _NOTIFY_ACTION_POLL, _NOTIFY_COND_INPUT, NULL) ==
	              _NOTIFY_COND_INPUT,
	      "end of file is readable");
	tc_close(fds[0]);
}

static void *fifo_reader(void *arg)
{
	char buf[16] = {0};
	int fd = tc_open("/dev/fifo/f1", O_RDONLY, 0);

	*(int *)arg = fd >= 0 && tc_read(fd, buf, sizeof(buf)) == 4 && memcmp(buf, "fifo", 4) == 0;
	tc_close(fd);
	return NULL;
}

static void test_fifo(void)
{
	pthread_t t;
	char buf[512];

	CHECK(tc_connect("/dev/fifo/f1", _IO_CONNECT_MKNOD, 0, S_IFIFO | 0666, NULL, 0, 0) >= 0,
	      "mkfifo (errno %d)", errno);
	CHECK(fifo_count() == 1, "one FIFO");
	CHECK(tc_connect("/dev/fifo/f1", _IO_CONNECT_MKNOD, 0, S_IFIFO | 0666, NULL, 0, 0) < 0 &&
	              errno == EEXIST,
	      "mkfifo again: EEXIST");
	CHECK(tc_connect("/dev/fifo/r", _IO_CONNECT_MKNOD, 0, S_IFREG | 0666, NULL, 0, 0) < 0 &&
	              errno == EPERM,
	      "only FIFOs can be made");
	CHECK(tc_open("/dev/fifo/f1", O_WRONLY | O_NONBLOCK, 0) == -1 && errno == ENXIO,
	      "non-blocking open for writing without a reader: ENXIO");
	int ok = 0;
	pthread_create(&t, NULL, fifo_reader, &ok);
	usleep(20000); /* the reader's open waits for a writer */
	int w = tc_open("/dev/fifo/f1", O_WRONLY, 0);
	CHECK(w >= 0, "open for writing meets the waiting reader");
	tc_write(w, "fifo", 4);
	tc_close(w);
	pthread_join(t, NULL);
	CHECK(ok, "the reader got the data");
	int fd = tc_open("/dev/fifo", O_RDONLY, 0);
	ssize_t n = tc_read(fd, buf, sizeof(buf));
	CHECK(n > 0 && strcmp(((struct dirent *)buf)->d_name, "f1") == 0, "readdir lists f1");
	tc_close(fd);
	int rw = tc_open("/dev/fifo/f1", O_RDWR, 0);
	CHECK(rw >= 0, "O_RDWR opens at once");
	CHECK(tc_unlink("/dev/fifo/f1") == 0 && fifo_count() == 0, "unlink");
	CHECK(tc_write(rw, "still", 5) == 5 && tc_read(rw, buf, 5) == 5, "an unlinked FIFO works");
	tc_close(rw);
	CHECK(tc_open("/dev/fifo/f1", O_RDONLY | O_NONBLOCK, 0) == -1 && errno == ENOENT,
	      "the name is gone");
}

static void test_writer_death(void)
{
	int fds[2];
	char c;
	struct _server_info si;

	mkpipe(fds);
	ConnectServerInfo(0, fds[1], &si);
	kd_set_cred(700, USER, 1, 0, NULL);
	kd_set_pid(700); /* a "child" inherits the write end, then dies */
	int w = tc_dup_from(USER, si.scoid, fds[1], si.pid, si.chid);
	CHECK(w >= 0, "child shares the write end");
	kd_set_pid(USER);
	tc_close(fds[1]);
	kd_kill_process(700);
	CHECK(tc_read(fds[0], &c, 1) == 0, "the last writer's death is end of file");
	tc_close(fds[0]);
}

int pipe_test_main(void)
{
	pthread_t t;

	setvbuf(stdout, NULL, _IONBF, 0);
	kd_set_cred(SERVER, 0, 0, 0, NULL);
	kd_set_cred(USER, USER, 1, 0, NULL);
	kd_set_pid(SERVER);
	pipe_bufsize = 4 * PIPE_BUF;
	dispatch_t *dpp = dispatch_create();
	CHECK(dpp != NULL && pipe_attach(dpp, "/dev/fifo") == 0, "pipe manager attached");
	pthread_create(&t, NULL, server, dpp);
	kd_set_pid(USER);
	test_basic();
	test_epipe();
	test_integrity();
	test_atomic();
	test_nonblock();
	test_blocking();
	test_poll();
	test_fifo();
	test_writer_death();
	kd_kill_process(SERVER); /* stops the server thread */
	pthread_join(t, NULL);
	kd_set_pid(SERVER);
	dispatch_destroy(dpp);
	printf("pipe: %d passed, %d failed\n", t_pass, t_fail);
	return t_fail != 0;
}
