/*
 * rmt_main.c - host test of the resource-manager framework (QSOE side):
 * clients in several "processes" of the kernel double talk to the
 * resource managers of rmt_server.c, run by a thread pool, through real
 * _IO_* messages. Entry point rmtest_main() (q_rmtest_main on the host).
 */
#include "rmt.h"
#include "tclient.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <sys/dcmd_all.h>
#include <unistd.h>

#define SERVER_PID 50
#define OWNER_PID  100 /* uid RMT_OWNER_UID */

static void creds(void)
{
	unsigned g[2] = {7, RMT_OWNER_GID};

	kd_set_cred(SERVER_PID, 0, 0, 0, NULL);
	kd_set_cred(OWNER_PID, RMT_OWNER_UID, 1, 0, NULL);
	kd_set_cred(200, 200, 60, 0, NULL);          /* a stranger */
	kd_set_cred(201, 201, 1, 2, g);              /* in the group via a supplementary group */
	kd_set_cred(300, RMT_OWNER_UID, 1, 0, NULL); /* the owner's "child" */
	kd_set_cred(400, 999, 999, 0, NULL);
	kd_set_cred(500, RMT_OWNER_UID, 1, 0, NULL);
	kd_set_cred(1, 0, 0, 0, NULL);
}

static void test_basic_io(void)
{
	char buf[64];
	struct stat st;
	int info = 0;

	kd_set_pid(OWNER_PID);
	int fd = tc_open("/dev/rmtest", O_RDWR, 0);
	CHECK(fd >= 0, "open /dev/rmtest: errno %d", errno);
	CHECK(tc_write(fd, "hello world", 11) == 11, "write 11");
	CHECK(tc_lseek(fd, 0, SEEK_CUR) == 11, "lseek SEEK_CUR after write");
	CHECK(tc_lseek(fd, 6, SEEK_SET) == 6, "lseek SEEK_SET");
	memset(buf, 0, sizeof(buf));
	CHECK(tc_read(fd, buf, sizeof(buf)) == 5 && strcmp(buf, "world") == 0, "read back '%s'",
	      buf);
	CHECK(tc_read(fd, buf, sizeof(buf)) == 0, "read at EOF gives 0");
	CHECK(tc_lseek(fd, -3, SEEK_END) == 8, "lseek SEEK_END");
	CHECK(tc_lseek(fd, -100, SEEK_CUR) == -1 && errno == EINVAL, "lseek before 0: EINVAL");
	CHECK(tc_lseek(fd, 0, 77) == -1 && errno == EINVAL, "lseek bad whence: EINVAL");
	CHECK(tc_fstat(fd, &st) == 0 && st.st_size == 11 && S_ISCHR(st.st_mode) &&
	              (st.st_mode & 0777) == 0640 && st.st_uid == RMT_OWNER_UID,
	      "fstat: size %ld mode %o uid %u", (long)st.st_size, st.st_mode, st.st_uid);
	int fl = 0;
	CHECK(tc_devctl(fd, DCMD_ALL_GETFLAGS, &fl, sizeof(fl), NULL) == EOK &&
	              (fl & O_ACCMODE) == O_RDWR && !(fl & O_NONBLOCK),
	      "GETFLAGS %#x", fl);
	fl = O_NONBLOCK | O_APPEND;
	CHECK(tc_devctl(fd, DCMD_ALL_SETFLAGS, &fl, sizeof(fl), NULL) == EOK, "SETFLAGS");
	fl = 0;
	tc_devctl(fd, DCMD_ALL_GETFLAGS, &fl, sizeof(fl), NULL);
	CHECK((fl & (O_NONBLOCK | O_APPEND)) == (O_NONBLOCK | O_APPEND) &&
	              (fl & O_ACCMODE) == O_RDWR,
	      "GETFLAGS after SETFLAGS %#x", fl);
	CHECK(tc_write(fd, "!", 1) == 1 && tc_lseek(fd, 0, SEEK_CUR) == 12, "O_APPEND write");
	int v = 21;
	CHECK(tc_devctl(fd, RMT_DCMD_DOUBLE, &v, sizeof(v), &info) == EOK && v == 42 && info == 7,
	      "custom devctl: %d info %d", v, info);
	CHECK(tc_devctl(fd, __DIOF(_DCMD_MISC, 0x43, int), &v, sizeof(v), NULL) == ENOTTY,
	      "unknown devctl: ENOTTY from the handler");
	CHECK(tc_msg(fd, 0x1f0) == -1 && errno == ENOSYS, "unknown _IO_ message: ENOSYS (%d)",
	      errno);
	CHECK(tc_msg(fd, _IO_MMAP) == -1 && errno == ENOSYS, "mmap default: ENOSYS");
	char path[64];
	CHECK(tc_fdpath(fd, path, sizeof(path)) == 11 && strcmp(path, "/dev/rmtest") == 0,
	      "fdinfo reports the path ('%s')", path);
	CHECK(tc_fdpath(fd, path, 5) == 11 && strcmp(path, "/dev") == 0,
	      "a short buffer gets a cut path and the full length");
	CHECK(tc_close(fd) == 0, "close");
	CHECK(tc_read(fd, buf, 1) == -1, "read after close fails");
	CHECK(rmt_file.attr.count == 0, "attr count back to 0 (%d)", rmt_file.attr.count);

	CHECK(tc_stat("/dev/rmtest", &st) == 0 && st.st_size == 12,
	      "combined open+stat+close: size %ld", (long)st.st_size);
	CHECK(rmt_file.attr.count == 0, "combine close closed the OCB (%d)", rmt_file.attr.count);
	CHECK(tc_open("/dev/rmtest/sub", O_RDONLY, 0) == -1 && errno == ENOENT,
	      "non-directory attach has nothing below it");
	CHECK(tc_open("/dev/nothing", O_RDONLY, 0) == -1 && errno == ENOENT, "no such path");
}

static void test_messages(void)
{
	kd_set_pid(OWNER_PID);
	int fd = tc_open("/dev/rmtest", O_RDONLY, 0);
	char m[16];
	memset(m, 0, sizeof(m));
	*(uint16_t *)m = 0x4020;
	CHECK(MsgSend(fd, m, sizeof(m), NULL, 0) == 0x4021, "message_attach handler replied");
	*(uint16_t *)m = 0x5000;
	CHECK(MsgSend(fd, m, sizeof(m), NULL, 0) == 4242, "other_func got the unknown message");
	CHECK(MsgSend(fd, m, 1, NULL, 0) == -1 && errno == EBADMSG, "1-byte message: EBADMSG");
	struct _io_read r = {_IO_READ, sizeof(r), 1, 0, 0};
	CHECK(MsgSend(fd, &r, 8, NULL, 0) == -1 && errno == EINVAL, "short _IO_READ: EINVAL (%d)",
	      errno);
	struct _io_connect c;
	memset(&c, 0, sizeof(c));
	c.type = _IO_CONNECT;
	c.path_len = 200;
	CHECK(MsgSend(fd, &c, sizeof(c), NULL, 0) == -1, "connect with a path past the message");
	tc_close(fd);
}

static void test_permissions(void)
{
	kd_set_pid(200);
	CHECK(tc_open("/dev/rmtest", O_RDONLY, 0) == -1 && errno == EACCES,
	      "other may not read mode 0640 (%d)", errno);
	kd_set_pid(201);
	int fd = tc_open("/dev/rmtest", O_RDONLY, 0);
	CHECK(fd >= 0, "group (supplementary) may read");
	CHECK(tc_write(fd, "x", 1) == -1 && errno == EBADF, "write on a read-only open: EBADF");
	tc_close(fd);
	CHECK(tc_open("/dev/rmtest", O_WRONLY, 0) == -1 && errno == EACCES,
	      "group may not write mode 0640");
	kd_set_pid(1);
	fd = tc_open("/dev/rmtest", O_RDWR, 0);
	CHECK(fd >= 0, "root may open for writing");
	tc_close(fd);
	kd_set_pid(OWNER_PID);
	CHECK(tc_open("/dev/rmtest", O_RDWR | O_CREAT | O_EXCL, 0600) == -1 && errno == EEXIST,
	      "O_CREAT|O_EXCL of an existing node: EEXIST");
	CHECK(tc_open("/dev/rmdir", O_RDWR, 0) == -1 && errno == EISDIR,
	      "directory opened for writing: EISDIR");
	/* chmod: only the owner. */
	fd = tc_open("/dev/rmtest", O_RDONLY, 0);
	struct _io_chmod cm = {_IO_CHMOD, sizeof(cm), 0604};
	CHECK(MsgSend(fd, &cm, sizeof(cm), NULL, 0) == 0 && (rmt_file.attr.mode & 0777) == 0604,
	      "owner chmod");
	tc_close(fd);
	kd_set_pid(200);
	fd = tc_open("/dev/rmtest", O_RDONLY, 0);
	CHECK(fd >= 0, "other may read after chmod 0604");
	cm.mode = 0666;
	CHECK(MsgSend(fd, &cm, sizeof(cm), NULL, 0) == -1 && errno == EPERM,
	      "non-owner chmod: EPERM");
	struct _io_chown co = {_IO_CHOWN, sizeof(co), 60, 200};
	CHECK(MsgSend(fd, &co, sizeof(co), NULL, 0) == -1 && errno == EPERM,
	      "non-owner chown: EPERM");
	tc_close(fd);
	kd_set_pid(OWNER_PID);
	fd = tc_open("/dev/rmtest", O_RDONLY, 0);
	cm.mode = 0640;
	MsgSend(fd, &cm, sizeof(cm), NULL, 0);
	co.uid = 200;
	co.gid = -1;
	CHECK(MsgSend(fd, &co, sizeof(co), NULL, 0) == -1 && errno == EPERM,
	      "giving a file away is restricted");
	tc_close(fd);
	CHECK(rmt_file.attr.count == 0, "all closed (%d)", rmt_file.attr.count);
}

static void test_dup(void)
{
	char buf[16];
	struct _server_info si;

	kd_set_pid(OWNER_PID);
	int closed0 = rmt_closed;
	int fd = tc_open("/dev/rmtest", O_RDWR, 0);
	int d = tc_dup(fd);
	CHECK(d >= 0 && d != fd, "dup");
	CHECK(rmt_dups == 1, "the OCB's dup handler ran");
	tc_lseek(fd, 2, SEEK_SET);
	CHECK(tc_lseek(d, 0, SEEK_CUR) == 2, "dup shares the offset");
	CHECK(tc_close(fd) == 0 && rmt_closed == closed0, "closing one of two keeps the OCB");
	memset(buf, 0, sizeof(buf));
	CHECK(tc_read(d, buf, 3) == 3 && memcmp(buf, "llo", 3) == 0, "dup still reads");
	/* The child side of spawn: another process names the parent's connection. */
	ConnectServerInfo(0, d, &si);
	kd_set_pid(300);
	int c = tc_dup_from(OWNER_PID, si.scoid, d, si.pid, si.chid);
	CHECK(c >= 0, "same-user child inherits the OCB (%d)", errno);
	CHECK(tc_lseek(c, 0, SEEK_CUR) == 5, "child shares the parent's offset");
	kd_set_pid(400);
	CHECK(tc_dup_from(OWNER_PID, si.scoid, d, si.pid, si.chid) == -1 && errno == EPERM,
	      "other user may not take the OCB (%d)", errno);
	CHECK(tc_dup_from(300, si.scoid, d, si.pid, si.chid) == -1 && errno == EBADF,
	      "a pid that does not own the scoid: EBADF (%d)", errno);
	CHECK(tc_dup_from(OWNER_PID, si.scoid, d + 77, si.pid, si.chid) == -1 && errno == EBADF,
	      "unbound connection: EBADF");
	kd_set_pid(300);
	tc_close(c);
	kd_set_pid(OWNER_PID);
	CHECK(rmt_closed == closed0, "OCB still open");
	tc_close(d);
	CHECK(rmt_closed == closed0 + 1 && rmt_file.attr.count == 0, "last close closes the OCB");
	/* openfd: a new OCB with a subset of the access. */
	fd = tc_open("/dev/rmtest", O_RDONLY, 0);
	int o = tc_openfd(fd, O_RDONLY, 0);
	CHECK(o >= 0 && rmt_file.attr.count == 2, "openfd makes a second OCB");
	CHECK(tc_lseek(o, 3, SEEK_SET) == 3 && tc_lseek(fd, 0, SEEK_CUR) == 0,
	      "openfd OCB has its own offset");
	CHECK(tc_openfd(fd, O_RDWR, 0) == -1 && errno == EACCES, "openfd cannot add write access");
	tc_close(o);
	tc_close(fd);
	CHECK(rmt_file.attr.count == 0, "all closed (%d)", rmt_file.attr.count);
}

static void test_client_death(void)
{
	int closed0 = rmt_closed;

	kd_set_pid(500);
	for (int i = 0; i < 3; i++)
		CHECK(tc_open("/dev/rmtest", O_RDONLY, 0) >= 0, "open %d", i);
	CHECK(rmt_file.attr.count == 3, "three open");
	kd_kill_process(500);
	for (int i = 0; i < 200 && rmt_file.attr.count != 0; i++)
		usleep(1000);
	CHECK(rmt_file.attr.count == 0 && rmt_closed == closed0 + 3,
	      "a dead client's OCBs are closed (count %d)", rmt_file.attr.count);
	/* Every client has closed everything by now: no server connection may remain. */
	for (int i = 0; i < 200 && kd_nscoids(SERVER_PID) != 0; i++)
		usleep(1000);
	CHECK(kd_nscoids(SERVER_PID) == 0, "disconnected scoids are released (%d left)",
	      kd_nscoids(SERVER_PID));
}

static void test_dir(void)
{
	char buf[512];

	kd_set_pid(OWNER_PID);
	int fd = tc_open("/dev/rmdir", O_RDONLY, 0);
	CHECK(fd >= 0, "open directory");
	ssize_t n = tc_read(fd, buf, sizeof(buf));
	int names = 0, ok = 1;
	for (ssize_t at = 0; at < n;) {
		struct dirent *d = (struct dirent *)(buf + at);
		ok &= d->d_reclen > 0 && d->d_namelen == (short)strlen(d->d_name);
		names++;
		at += d->d_reclen;
	}
	CHECK(n > 0 && names == RMT_NAMES && ok, "readdir: %d entries", names);
	CHECK(tc_read(fd, buf, sizeof(buf)) == 0, "readdir at the end");
	tc_close(fd);
	CHECK(tc_open("/dev/rmdir/alpha", O_RDONLY, 0) == -1 && errno == ENOENT,
	      "entries below are the handler's business (ENOENT)");
	kd_set_pid(200);
	CHECK(tc_unlink("/dev/rmdir/beta") == -1 && errno == EACCES,
	      "unlink without write permission on the directory: EACCES");
	kd_set_pid(OWNER_PID);
	CHECK(tc_unlink("/dev/rmdir/beta") == 0 && rmt_dir_count() == RMT_NAMES - 1, "unlink");
	CHECK(tc_unlink("/dev/rmdir/beta") == -1 && errno == ENOENT, "unlink again: ENOENT");
	fd = tc_open("/dev/rmdir", O_RDONLY, 0);
	n = tc_read(fd, buf, sizeof(buf));
	names = 0;
	for (ssize_t at = 0; at < n; at += ((struct dirent *)(buf + at))->d_reclen)
		names++;
	CHECK(names == RMT_NAMES - 1, "readdir after unlink: %d", names);
	tc_close(fd);
}

static void test_notify(void)
{
	struct sigevent ev;

	kd_set_pid(OWNER_PID);
	int fd = tc_open("/dev/rmtest", O_RDWR, 0);
	tc_lseek(fd, 0, SEEK_END);
	SIGEV_SIGNAL_INIT(&ev, SIGUSR1);
	int before = kd_signals(OWNER_PID, SIGUSR1);
	int met = tc_notify(fd, _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT, &ev);
	CHECK(met == 0, "nothing to read at the end: armed (%#x)", met);
	met = tc_notify(fd, _NOTIFY_ACTION_POLL, _NOTIFY_COND_OUTPUT | _NOTIFY_COND_INPUT, NULL);
	CHECK(met == _NOTIFY_COND_OUTPUT, "poll: writable only (%#x)", met);
	int w = tc_open("/dev/rmtest", O_WRONLY | O_APPEND, 0);
	tc_write(w, "more", 4);
	CHECK(kd_signals(OWNER_PID, SIGUSR1) == before + 1, "the write delivered the event");
	tc_write(w, "more", 4);
	CHECK(kd_signals(OWNER_PID, SIGUSR1) == before + 1, "events are one-shot");
	met = tc_notify(fd, _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT, &ev);
	CHECK(met == _NOTIFY_COND_INPUT, "now readable: not armed (%#x)", met);
	ev.sigev_signo = 999;
	tc_lseek(fd, 0, SEEK_END);
	CHECK(tc_notify(fd, _NOTIFY_ACTION_POLLARM, _NOTIFY_COND_INPUT, &ev) == -1 &&
	              errno == EINVAL,
	      "bad event refused at arm time");
	tc_close(w);
	tc_close(fd);
}

/* A client that blocks in read until the server sees an unblock request. */
static void *blocked_reader(void *arg)
{
	char c;
	int fd = *(int *)arg;
	uint64_t ns = 50000000;

	TimerTimeout(CLOCK_MONOTONIC, _NTO_TIMEOUT_REPLY | _NTO_TIMEOUT_SEND, NULL, &ns, NULL);
	ssize_t n = tc_read(fd, &c, 1);
	*(int *)arg = n < 0 ? errno : 0;
	return NULL;
}

static void test_unblock(void)
{
	pthread_t t;

	kd_set_pid(OWNER_PID);
	rmt_file.blocking = 1;
	int fd = tc_open("/dev/rmtest", O_RDONLY, 0);
	tc_lseek(fd, 0, SEEK_END);
	int arg = fd;
	int u0 = rmt_unblocks;
	pthread_create(&t, NULL, blocked_reader, &arg);
	pthread_join(t, NULL);
	CHECK(arg == EINTR, "blocked read unblocked with EINTR (%d)", arg);
	CHECK(rmt_unblocks == u0 + 1, "unblock handler ran once");
	char buf[8] = {0};
	rmt_file.blocking = 0;
	CHECK(tc_read_x(fd, buf, 1, _IO_XTYPE_NONE | _IO_XFLAG_NONBLOCK, NULL, 0) == 0,
	      "non-blocking read at the end returns at once");
	tc_close(fd);
}

/* ---- a server that dies while a client waits for its reply ---- */

static int never_read(resmgr_context_t *ctp, io_read_t *msg, iofunc_ocb_t *ocb)
{
	return _RESMGR_NOREPLY; /* the reply would come "later": the server dies first */
}

static void *crash_loop(void *arg)
{
	dispatch_context_t *ctp = dispatch_context_alloc(arg);

	while (ctp != NULL && dispatch_block(ctp) != NULL)
		dispatch_handler(ctp);
	dispatch_context_free(ctp);
	return NULL;
}

static void *crash_client(void *arg)
{
	char c;
	int fd = tc_open("/dev/rmcrash", O_RDONLY, 0);

	*(int *)arg = fd < 0 ? -1 : tc_read(fd, &c, 1) < 0 ? errno : 0;
	return NULL;
}

static void test_server_crash(void)
{
	static resmgr_connect_funcs_t c;
	static resmgr_io_funcs_t io;
	static iofunc_attr_t a;
	pthread_t srv, cli;

	kd_set_cred(600, 0, 0, 0, NULL);
	kd_set_pid(600);
	dispatch_t *d = dispatch_create();
	iofunc_func_init(_RESMGR_CONNECT_NFUNCS, &c, _RESMGR_IO_NFUNCS, &io);
	io.read = never_read;
	iofunc_attr_init(&a, S_IFCHR | 0666, NULL, NULL);
	CHECK(d != NULL && resmgr_attach(d, NULL, "/dev/rmcrash", _FTYPE_ANY, 0, &c, &io, &a) >= 0,
	      "crash server attached");
	pthread_create(&srv, NULL, crash_loop, d);
	kd_set_pid(OWNER_PID);
	int res = 12345;
	pthread_create(&cli, NULL, crash_client, &res);
	usleep(50000); /* the client is REPLY-blocked on the server by now */
	kd_kill_process(600);
	pthread_join(cli, NULL);
	CHECK(res == ESRCH, "client of a server that died gets ESRCH (%d)", res);
	pthread_join(srv, NULL);
	kd_set_pid(OWNER_PID);
	CHECK(tc_open("/dev/rmcrash", O_RDONLY, 0) == -1, "the dead server's path is gone");
	kd_set_pid(600);
	dispatch_destroy(d);
}

/* Many clients blocked at once: the pool grows, and answers the others meanwhile. */
static void *pool_reader(void *arg)
{
	char c;
	int fd = tc_open("/dev/rmtest", O_RDONLY, 0);

	tc_lseek(fd, 0, SEEK_END);
	*(int *)arg = fd >= 0 && tc_read(fd, &c, 1) == 1 ? 1 : -1;
	tc_close(fd);
	return NULL;
}

static void test_pool_growth(void)
{
	pthread_t t;
	int got = 0;

	kd_set_pid(OWNER_PID);
	rmt_file.blocking = 1;
	pthread_create(&t, NULL, pool_reader, &got);
	usleep(30000);
	struct stat st;
	CHECK(tc_stat("/dev/rmtest", &st) == 0, "other requests are served while one waits");
	int w = tc_open("/dev/rmtest", O_WRONLY | O_APPEND, 0);
	CHECK(tc_write(w, "z", 1) == 1, "write wakes the waiting reader");
	pthread_join(t, NULL);
	CHECK(got == 1, "the waiting reader got the byte");
	tc_close(w);
	rmt_file.blocking = 0;
}

/* ---- select_attach: a second dispatch handle watches /dev/rmtest ---- */

static volatile int selected, selected_flags;

static int on_select(select_context_t *ctp, int fd, unsigned flags, void *handle)
{
	selected_flags = (int)flags;
	selected++;
	return 0;
}

static void *select_loop(void *arg)
{
	dispatch_context_t *ctp = dispatch_context_alloc(arg);

	while (ctp != NULL && dispatch_block(ctp) != NULL)
		dispatch_handler(ctp);
	dispatch_context_free(ctp);
	return NULL;
}

static void test_select(void)
{
	pthread_t t;

	kd_set_cred(800, 0, 0, 0, NULL);
	kd_set_pid(800);
	dispatch_t *d = dispatch_create();
	int fd = tc_open("/dev/rmtest", O_RDONLY, 0);
	tc_lseek(fd, 0, SEEK_END);
	CHECK(d != NULL && fd >= 0 &&
	              select_attach(d, NULL, fd, SELECT_FLAG_READ | SELECT_FLAG_REARM, on_select,
	                            NULL) == 0,
	      "select_attach (errno %d)", errno);
	CHECK(select_attach(d, NULL, fd, SELECT_FLAG_READ, on_select, NULL) == -1 && errno == EBUSY,
	      "an fd is attached once");
	pthread_create(&t, NULL, select_loop, d);
	usleep(20000);
	CHECK(selected == 0, "nothing to read yet: the handler waits");
	kd_set_pid(OWNER_PID);
	int w = tc_open("/dev/rmtest", O_WRONLY | O_APPEND, 0);
	tc_write(w, "sel", 3);
	for (int i = 0; i < 200 && selected == 0; i++)
		usleep(1000);
	/* Level-triggered: with REARM it is called again while the fd stays readable. */
	CHECK(selected >= 1 && selected_flags == SELECT_FLAG_READ,
	      "a write makes the fd readable: handler called with SELECT_FLAG_READ (%d, %#x)",
	      selected, selected_flags);
	tc_close(w);
	kd_set_pid(800);
	CHECK(select_detach(d, fd) == 0 && select_detach(d, fd) == -1, "select_detach");
	tc_close(fd);
	kd_kill_process(800);
	pthread_join(t, NULL);
	dispatch_destroy(d);
}

int rmtest_main(void)
{
	setvbuf(stdout, NULL, _IONBF, 0);
	creds();
	kd_set_pid(SERVER_PID);
	dispatch_t *dpp = rmt_server_create(0);
	CHECK(dpp != NULL, "server created");
	if (dpp == NULL)
		return 1;
	thread_pool_attr_t pa;
	memset(&pa, 0, sizeof(pa));
	pa.handle = dpp;
	pa.context_alloc = dispatch_context_alloc;
	pa.block_func = dispatch_block;
	pa.unblock_func = dispatch_unblock;
	pa.handler_func = dispatch_handler;
	pa.context_free = dispatch_context_free;
	pa.lo_water = 2;
	pa.hi_water = 4;
	pa.increment = 1;
	pa.maximum = 8;
	thread_pool_t *tp = thread_pool_create(&pa, 0);
	CHECK(tp != NULL && thread_pool_start(tp) == 0, "thread pool started");

	test_basic_io();
	test_messages();
	test_permissions();
	test_dup();
	test_client_death();
	test_dir();
	test_notify();
	test_unblock();
	test_pool_growth();
	test_select();
	test_server_crash();

	kd_set_pid(SERVER_PID);
	CHECK(thread_pool_destroy(tp) == 0, "thread pool destroyed");
	CHECK(dispatch_destroy(dpp) == 0, "dispatch destroyed");
	kd_set_pid(OWNER_PID);
	CHECK(tc_open("/dev/rmtest", O_RDONLY, 0) == -1, "path gone after dispatch_destroy");
	printf("resmgr-framework: %d passed, %d failed\n", t_pass, t_fail);
	return t_fail != 0;
}
