/*
 * g_resmgr.c - group "resmgr": the QNX resource-manager framework through
 * real paths. A server thread in the suite attaches a memory file and a
 * directory (written as QNX's documentation writes them); the suite then
 * uses them with the ordinary POSIX calls: open, read, write, lseek,
 * fstat, stat, devctl (fcntl), dup and inheritance by a child (_IO_DUP),
 * readdir, unlink, permissions from the client's credentials (seteuid),
 * an unknown message (ENOSYS). Finally a resource manager in another
 * process (bin/rmtest-crash) dies while the suite waits for its reply:
 * the read fails and nothing hangs.
 */
#include <devctl.h>
#include <dirent.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/iofunc.h>
#include <sys/dispatch.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "suite.h"

#define NAMES 3

static iofunc_attr_t file_attr, dir_attr;
static char data[4096];
static const char *names[NAMES] = {"one", "two", "three"};
static int present[NAMES] = {1, 1, 1};
static int closes;

static int f_read(resmgr_context_t *ctp, io_read_t *msg, RESMGR_OCB_T *ocb)
{
	int r = iofunc_read_verify(ctp, msg, ocb, NULL);

	if (r != EOK)
		return r;
	off_t left = ocb->attr->nbytes - ocb->offset;
	size_t n = left > 0 ? (size_t)left : 0;
	if (n > _IO_READ_GET_NBYTES(msg))
		n = _IO_READ_GET_NBYTES(msg);
	SETIOV(ctp->iov, data + ocb->offset, n);
	ocb->offset += (off_t)n;
	_IO_SET_READ_NBYTES(ctp, (long)n);
	return _RESMGR_NPARTS(n ? 1 : 0);
}

static int f_write(resmgr_context_t *ctp, io_write_t *msg, RESMGR_OCB_T *ocb)
{
	int r = iofunc_write_verify(ctp, msg, ocb, NULL);

	if (r != EOK)
		return r;
	size_t n = _IO_WRITE_GET_NBYTES(msg);
	off_t at = (ocb->ioflag & O_APPEND) ? ocb->attr->nbytes : ocb->offset;
	if (at + (off_t)n > (off_t)sizeof(data))
		return ENOSPC;
	if (resmgr_msgread(ctp, data + at, n, sizeof(msg->i)) != (ssize_t)n)
		return EFAULT;
	ocb->offset = at + (off_t)n;
	if (ocb->offset > ocb->attr->nbytes)
		ocb->attr->nbytes = ocb->offset;
	_IO_SET_WRITE_NBYTES(ctp, (long)n);
	return _RESMGR_NPARTS(0);
}

static int f_close(resmgr_context_t *ctp, void *reserved, RESMGR_OCB_T *ocb)
{
	closes++;
	return iofunc_close_ocb_default(ctp, reserved, ocb);
}

static int d_open(resmgr_context_t *ctp, io_open_t *msg, RESMGR_HANDLE_T *h, void *extra)
{
	if (msg->connect.path[0] != '\0')
		return ENOENT;
	return iofunc_open_default(ctp, msg, h, extra);
}

static int d_read(resmgr_context_t *ctp, io_read_t *msg, RESMGR_OCB_T *ocb)
{
	static char buf[512];
	size_t used = 0;

	while (ocb->offset < NAMES) {
		int i = (int)ocb->offset;
		size_t len = strlen(names[i]);
		size_t rec = (offsetof(struct dirent, d_name) + len + 1 + 7) & ~(size_t)7;
		if (!present[i]) {
			ocb->offset++;
			continue;
		}
		if (used + rec > _IO_READ_GET_NBYTES(msg))
			break;
		struct dirent *d = (struct dirent *)(buf + used);
		memset(d, 0, rec);
		d->d_ino = (ino_t)(i + 1);
		d->d_offset = i;
		d->d_reclen = (short)rec;
		d->d_namelen = (short)len;
		memcpy(d->d_name, names[i], len + 1);
		used += rec;
		ocb->offset++;
	}
	_IO_SET_READ_NBYTES(ctp, (long)used);
	return used ? _RESMGR_PTR(ctp, buf, used) : _RESMGR_NPARTS(0);
}

static int d_unlink(resmgr_context_t *ctp, io_unlink_t *msg, RESMGR_HANDLE_T *h, void *reserved)
{
	for (int i = 0; i < NAMES; i++)
		if (present[i] && strcmp(msg->connect.path, names[i]) == 0) {
			iofunc_attr_t entry;
			iofunc_attr_init(&entry, S_IFREG | 0644, h, NULL);
			int r = iofunc_unlink(ctp, msg, &entry, h, NULL);
			if (r == EOK)
				present[i] = 0;
			return r;
		}
	return ENOENT;
}

/* Counts the names readdir gives in dir. */
static int count_entries(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;

	if (d == NULL)
		return -1;
	while (readdir(d) != NULL)
		n++;
	closedir(d);
	return n;
}

static void test_server_crash(void)
{
	char path[64], c;
	pid_t pid;
	posix_spawnattr_t a;
	extern char **environ;

	snprintf(path, sizeof(path), "/dev/suite-crash-%d", getpid());
	char *argv[] = {"rmtest-crash", path, NULL};
	posix_spawnattr_init(&a);
	posix_spawnattr_setflags(&a, (short)POSIX_SPAWN_HOLD);
	int e = posix_spawn(&pid, "/bin/rmtest-crash", NULL, &a, argv, environ);
	posix_spawnattr_destroy(&a);
	if (e != 0) {
		suite_note("no /bin/rmtest-crash (%s): crash test skipped", strerror(e));
		return;
	}
	int fd = open(path, O_RDONLY);
	CHECK(fd >= 0, "open the server that will crash (errno %d)", errno);
	unsigned long long t0 = suite_now_ns();
	errno = 0;
	ssize_t n = fd >= 0 ? read(fd, &c, 1) : -1;
	CHECK(n == -1 && errno != 0, "a read whose server dies fails (got %zd, errno %d)", n,
	      errno);
	CHECK(suite_now_ns() - t0 < 5000000000ull, "and returns at once");
	if (fd >= 0)
		close(fd);
	int st = suite_wait(pid);
	CHECK(WIFSIGNALED(st), "the server died of a signal (%#x)", st);
	CHECK(open(path, O_RDONLY) == -1, "its path is gone");
}

SUITE_GROUP(resmgr)
{
	static resmgr_connect_funcs_t cf, dcf;
	static resmgr_io_funcs_t iof, diof;
	char fpath[64], dpath[64], buf[64];
	struct stat st;

	snprintf(fpath, sizeof(fpath), "/dev/suite-rm-%d", getpid());
	snprintf(dpath, sizeof(dpath), "/dev/suite-rmdir-%d", getpid());
	dispatch_t *dpp = dispatch_create();
	CHECK(dpp != NULL, "dispatch_create");
	if (dpp == NULL)
		return;
	iofunc_func_init(_RESMGR_CONNECT_NFUNCS, &cf, _RESMGR_IO_NFUNCS, &iof);
	iof.read = f_read;
	iof.write = f_write;
	iof.close_ocb = f_close;
	iofunc_attr_init(&file_attr, S_IFREG | 0600, NULL, NULL);
	iofunc_func_init(_RESMGR_CONNECT_NFUNCS, &dcf, _RESMGR_IO_NFUNCS, &diof);
	dcf.open = d_open;
	dcf.unlink = d_unlink;
	diof.read = d_read;
	iofunc_attr_init(&dir_attr, S_IFDIR | 0755, NULL, NULL);
	int id = resmgr_attach(dpp, NULL, fpath, _FTYPE_ANY, 0, &cf, &iof, &file_attr);
	int did = resmgr_attach(dpp, NULL, dpath, _FTYPE_ANY, _RESMGR_FLAG_DIR, &dcf, &diof,
	                        &dir_attr);
	CHECK(id >= 0 && did >= 0, "resmgr_attach %s and %s (errno %d)", fpath, dpath, errno);
	thread_pool_attr_t pa;
	memset(&pa, 0, sizeof(pa));
	pa.handle = dpp;
	pa.context_alloc = dispatch_context_alloc;
	pa.block_func = dispatch_block;
	pa.unblock_func = dispatch_unblock;
	pa.handler_func = dispatch_handler;
	pa.context_free = dispatch_context_free;
	pa.lo_water = 1;
	pa.hi_water = 2;
	pa.increment = 1;
	pa.maximum = 4;
	thread_pool_t *tp = thread_pool_create(&pa, 0);
	CHECK(tp != NULL && thread_pool_start(tp) == 0, "thread pool");

	int fd = open(fpath, O_RDWR);
	CHECK(fd >= 0, "open our own path (errno %d)", errno);
	CHECK_EQ(write(fd, "resource manager", 16), 16);
	CHECK_EQ(lseek(fd, 9, SEEK_SET), 9);
	memset(buf, 0, sizeof(buf));
	CHECK_EQ(read(fd, buf, sizeof(buf)), 7);
	CHECK(strcmp(buf, "manager") == 0, "read back '%s'", buf);
	CHECK(fstat(fd, &st) == 0 && st.st_size == 16 && S_ISREG(st.st_mode), "fstat: size %ld",
	      (long)st.st_size);
	CHECK(stat(fpath, &st) == 0 && st.st_size == 16, "stat (a combined open/stat/close)");
	CHECK_EQ(fcntl(fd, F_GETFL) & O_ACCMODE, O_RDWR);
	CHECK_OK(fcntl(fd, F_SETFL, O_APPEND));
	CHECK(fcntl(fd, F_GETFL) & O_APPEND, "F_SETFL went to the server (DCMD_ALL_SETFLAGS)");
	int d = dup(fd);
	CHECK(d >= 0 && lseek(d, 0, SEEK_CUR) == lseek(fd, 0, SEEK_CUR), "dup shares the offset");
	char fdbuf[16];
	snprintf(fdbuf, sizeof(fdbuf), "%d", d);
	int pid = suite_spawn_child((const char *[]){"write", fdbuf, "+child", NULL});
	CHECK(pid > 0 && WIFEXITED(suite_wait(pid)), "a child writes through the inherited fd");
	CHECK(fstat(fd, &st) == 0 && st.st_size == 22, "its bytes arrived (size %ld)",
	      (long)st.st_size);
	int before = closes;
	close(d);
	CHECK(closes == before, "closing one of two descriptors keeps the OCB");
	struct _io_combine bogus = {0x1f0, sizeof(bogus)};
	CHECK_ERR(MsgSend(fd, &bogus, sizeof(bogus), NULL, 0), -1, ENOSYS);
	close(fd);
	CHECK(closes == before + 1, "the last close closes the OCB");

	/* permissions: mode 0600 owned by root; another effective user is refused */
	if (geteuid() == 0) {
		CHECK_OK(seteuid(1234));
		CHECK_ERR(open(fpath, O_RDONLY), -1, EACCES);
		CHECK_OK(seteuid(0));
		CHECK_OK(fd = open(fpath, O_RDONLY));
		close(fd);
	} else {
		suite_note("not root: credential checks skipped");
	}

	CHECK_EQ(count_entries(dpath), NAMES);
	CHECK_OK(unlink(strcat(strcpy(buf, dpath), "/two")));
	CHECK_ERR(unlink(buf), -1, ENOENT);
	CHECK_EQ(count_entries(dpath), NAMES - 1);

	test_server_crash();

	CHECK(thread_pool_destroy(tp) == 0, "thread_pool_destroy");
	CHECK(dispatch_destroy(dpp) == 0, "dispatch_destroy");
	CHECK_ERR(open(fpath, O_RDONLY), -1, ENOENT);
}
