/*
 * tmtest_io - taskman's own files through the QNX resolution and _IO_*
 * protocol: /dev/null, /dev/zero, /dev/urandom, /dev/tty, /proc, /sys,
 * the boot archive at / (files, directories, links, mmap), /dev/shmem
 * (shm_open, ftruncate, shared and private mappings seen by another
 * process), descriptor inheritance (_IO_DUP), combine messages, and
 * unknown or misdirected I/O messages.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include "tmt.h"

static pid_t me;
static char text[8192];

/* True if directory path lists name. */
static int lists(const char *path, const char *name)
{
	static char buf[4096];
	long fd = tmt_open(path, _IO_FLAG_RD, 0);
	int found = 0;

	if (fd < 0)
		return 0;
	for (;;) {
		long n = tmt_read((int)fd, buf, sizeof(buf));
		if (n <= 0)
			break;
		for (long off = 0; off < n;) {
			struct dirent *d = (struct dirent *)(buf + off);
			KT_CHECK(d->d_reclen % 8 == 0 && d->d_reclen > 0);
			KT_CHECK((size_t)d->d_namelen == strlen(d->d_name));
			if (strcmp(d->d_name, name) == 0)
				found = 1;
			off += d->d_reclen;
		}
	}
	tmt_close((int)fd);
	return found;
}

static void devices(void)
{
	char buf[128];
	struct stat st;

	long fd = tmt_open("/dev/null", _IO_FLAG_RD | _IO_FLAG_WR, 0);
	KT_CHECK(fd >= 0);
	KT_EQ(tmt_write((int)fd, "hello", 5), 5);
	KT_EQ(tmt_read((int)fd, buf, sizeof(buf)), 0);
	KT_EQ(tmt_fstat((int)fd, &st), 0);
	KT_CHECK(S_ISCHR(st.st_mode));
	KT_EQ(tmt_close((int)fd), 0);
	KT_EQ(tmt_read((int)fd, buf, 1), -EBADF); /* closed (and detached) */

	fd = tmt_open("/dev/zero", _IO_FLAG_RD, 0);
	memset(buf, 1, sizeof(buf));
	KT_EQ(tmt_read((int)fd, buf, 100), 100);
	int zero = 1;
	for (int i = 0; i < 100; i++)
		zero &= buf[i] == 0;
	KT_CHECK(zero);
	KT_EQ(tmt_write((int)fd, "x", 1), -EBADF); /* opened read-only */
	tmt_close((int)fd);

	char a[64], b[64];
	fd = tmt_open("/dev/urandom", _IO_FLAG_RD, 0);
	KT_EQ(tmt_read((int)fd, a, 64), 64);
	KT_EQ(tmt_read((int)fd, b, 64), 64);
	KT_CHECK(memcmp(a, b, 64) != 0);
	tmt_close((int)fd);

	/* /dev/tty follows the session's controlling terminal */
	KT_EQ(tmt_open("/dev/tty", _IO_FLAG_RD, 0), -ENXIO);
	KT_EQ(tmt_set_ctty("/dev/null"), 0);
	KT_EQ(tmt_set_ctty("/dev/zero"), -EPERM); /* it has one */
	fd = tmt_open("/dev/tty", _IO_FLAG_WR, 0);
	KT_CHECK(fd >= 0);
	KT_EQ(tmt_write((int)fd, "x", 1), 1);
	tmt_close((int)fd);
	KT_CHECK(tmt_slurp("/proc/self/status", text, sizeof(text)) > 0 &&
	         tmt_strstr(text, "tty: /dev/null\n"));
	KT_EQ(tmt_set_ctty("relative"), -EINVAL);
	KT_EQ(tmt_set_ctty(""), 0);
	KT_EQ(tmt_open("/dev/tty", _IO_FLAG_RD, 0), -ENXIO);

	KT_CHECK(lists("/dev", "null") && lists("/dev", "zero") && lists("/dev", "shmem"));
	KT_CHECK(lists("/dev", "name") && lists("/dev/name", "local"));
}

static void procfs(void)
{
	char want[64];

	KT_CHECK(tmt_slurp("/proc/self/status", text, sizeof(text)) > 0);
	tmt_ltoa(me, want + 5);
	memcpy(want, "pid: ", 5);
	KT_CHECK(tmt_strstr(text, want) != NULL);
	KT_CHECK(tmt_strstr(text, "name: tmtest_io\n") != NULL);
	KT_CHECK(tmt_strstr(text, "ppid: 1\n") != NULL);
	KT_CHECK(tmt_strstr(text, "state: running\n") != NULL);
	KT_CHECK(tmt_strstr(text, "threads: 1\n") != NULL);
	KT_CHECK(tmt_strstr(text, "thread 1: ") != NULL);
	KT_CHECK(tmt_slurp("/proc/1/status", text, sizeof(text)) > 0);
	KT_CHECK(tmt_strstr(text, "name: taskman\n") != NULL);
	KT_CHECK(tmt_strstr(text, ": RECEIVE prio") != NULL &&
	         tmt_strstr(text, " chid 1\n") != NULL);
	KT_CHECK(lists("/proc", "self") && lists("/proc", "1") && lists("/proc/self", "status"));
	char mine[16];
	tmt_ltoa(me, mine);
	KT_CHECK(lists("/proc", mine));
	KT_EQ(tmt_open("/proc/99999/status", _IO_FLAG_RD, 0), -ENOENT);
	KT_EQ(tmt_open("/proc/self/nothing", _IO_FLAG_RD, 0), -ENOENT);
	KT_EQ(tmt_open("/proc/self/status", _IO_FLAG_WR, 0), -EROFS);

	/* a thread blocked on another process shows whom it waits for */
	int chid = ChannelCreate_r(0);
	char sc[16], c;
	tmt_ltoa(chid, sc);
	long pid = tmt_spawnl("/tmtest_child", 0, "tmtest_child", "daemonwait", mine, sc, NULL);
	rcvid_t rcvid = MsgReceive_r(chid, &c, 1, NULL); /* now it waits for our reply */
	KT_CHECK(rcvid > 0);
	char path[32] = "/proc/", want2[64] = " pid ";
	tmt_ltoa(pid, path + 6);
	memcpy(path + strlen(path), "/status", 8);
	tmt_ltoa(me, want2 + 5);
	memcpy(want2 + strlen(want2), " chid ", 7);
	tmt_ltoa(chid, want2 + strlen(want2));
	KT_CHECK(tmt_slurp(path, text, sizeof(text)) > 0);
	KT_CHECK(tmt_strstr(text, "thread 1: REPLY") != NULL && tmt_strstr(text, want2) != NULL);
	MsgReply_r(rcvid, 0, NULL, 0);
	KT_EQ(tmt_waitpid((pid_t)pid), 0);
	pid = tmt_spawnl("/tmtest_child", 0, "tmtest_child", "forever", NULL);
	tmt_sleep_ms(100);
	path[6] = 0;
	tmt_ltoa(pid, path + 6);
	memcpy(path + strlen(path), "/status", 8);
	KT_CHECK(tmt_slurp(path, text, sizeof(text)) > 0);
	KT_CHECK(tmt_strstr(text, "thread 1: RECEIVE") != NULL);
	tmt_kill((pid_t)pid, SIGKILL);
	tmt_waitpid((pid_t)pid);
}

static void sysfs(void)
{
	KT_CHECK(tmt_slurp("/sys/osname", text, sizeof(text)) == 5 && strcmp(text, "QSOE\n") == 0);
	KT_CHECK(tmt_slurp("/sys/kernel", text, sizeof(text)) > 0 &&
	         strcmp(text, "Skimmer\n") == 0);
	KT_CHECK(tmt_slurp("/sys/version", text, sizeof(text)) > 1);
	KT_CHECK(tmt_slurp("/sys/board", text, sizeof(text)) > 1 && strcmp(text, "unknown\n") != 0);
	KT_CHECK(tmt_slurp("/sys/cmdline", text, sizeof(text)) > 0 &&
	         tmt_strstr(text, "tmtest_io") != NULL);
	KT_CHECK(lists("/sys", "osname") && lists("/sys", "version") && lists("/sys", "board"));
	KT_EQ(tmt_open("/sys/nothing", _IO_FLAG_RD, 0), -ENOENT);
}

static void bootfs(void)
{
	char buf[16];
	struct stat st;

	long fd = tmt_open("/tmtest_io", _IO_FLAG_RD, 0);
	KT_CHECK(fd >= 0);
	KT_EQ(tmt_read((int)fd, buf, 4), 4);
	KT_CHECK(memcmp(buf, "\177ELF", 4) == 0);
	KT_EQ(tmt_pread((int)fd, buf, 3, 1), 3);
	KT_CHECK(memcmp(buf, "ELF", 3) == 0);
	KT_EQ(tmt_lseek((int)fd, 0, SEEK_CUR), 4); /* pread left the position */
	KT_EQ(tmt_fstat((int)fd, &st), 0);
	KT_CHECK(S_ISREG(st.st_mode) && st.st_size > 1000);
	KT_EQ(tmt_lseek((int)fd, 0, SEEK_END), st.st_size);
	KT_EQ(tmt_read((int)fd, buf, 4), 0);
	KT_EQ(tmt_lseek((int)fd, -1, SEEK_SET), -EINVAL);

	/* a private mapping of the file */
	struct tm_mmap q;
	struct tm_mmap_reply r;
	memset(&q, 0, sizeof(q));
	q.type = _IO_MMAP;
	q.combine_len = sizeof(q);
	q.prot = PROT_READ;
	q.len = 4096;
	q.flags = MAP_PRIVATE;
	KT_EQ(MsgSend_r((int)fd, &q, sizeof(q), &r, sizeof(r)), 0);
	KT_CHECK(r.addr && memcmp((void *)(uintptr_t)r.addr, "\177ELF", 4) == 0);
	q.prot = PROT_READ | PROT_WRITE;
	q.flags = MAP_SHARED;
	KT_EQ(MsgSend_r((int)fd, &q, sizeof(q), &r, sizeof(r)), -EACCES);
	tmt_close((int)fd);

	KT_EQ(tmt_open("/tmtest_io", _IO_FLAG_WR, 0), -EROFS);
	KT_EQ(tmt_open("/nothing", _IO_FLAG_RD, 0), -ENOENT);
	KT_EQ(tmt_open("/nothing", _IO_FLAG_WR | O_CREAT, 0644), -EROFS);
	KT_EQ(tmt_open("/tmtest_io/x", _IO_FLAG_RD, 0), -ENOTDIR);
	KT_EQ(tmt_open("/tmtest_io", _IO_FLAG_RD | O_DIRECTORY, 0), -ENOTDIR);
	KT_CHECK(lists("/", "tmtest_io") && lists("/", "lib") && lists("/", "proc"));
	KT_CHECK(lists("/", "dev") && lists("/", "sys") && lists("/lib", "libtmt.so"));

	/* the archive's symbolic links */
	KT_CHECK(tmt_slurp("/tmlink", text, 5) == 4 && memcmp(text, "\177ELF", 4) == 0);
	KT_CHECK(tmt_slurp("/tmdir/lib/libtmt.so", text, 5) == 4); /* a link in the middle */
	KT_CHECK(lists("/tmdir/lib", "libtmt2.so"));
	fd = tmt_open("/tmlink", _IO_FLAG_RD | O_NOFOLLOW, 0);
	KT_CHECK(fd >= 0 && tmt_fstat((int)fd, &st) == 0 && S_ISLNK(st.st_mode));
	tmt_close((int)fd);
}

static void shmem(void)
{
	struct tm_mmap q;
	struct tm_mmap_reply r;
	char buf[16];

	long fd = tmt_open("/dev/shmem/tmt1", _IO_FLAG_RD | _IO_FLAG_WR | O_CREAT | O_EXCL, 0600);
	KT_CHECK(fd >= 0);
	KT_EQ(tmt_open("/dev/shmem/tmt1", _IO_FLAG_RD | O_CREAT | O_EXCL, 0600), -EEXIST);
	KT_EQ(tmt_write((int)fd, "hello", 5), 5);
	KT_EQ(tmt_lseek((int)fd, 0, SEEK_SET), 0);
	KT_EQ(tmt_read((int)fd, buf, sizeof(buf)), 5);
	KT_CHECK(memcmp(buf, "hello", 5) == 0);
	struct _io_space sp = {.type = _IO_SPACE,
	                       .combine_len = sizeof(sp),
	                       .subtype = F_FREESP,
	                       .whence = SEEK_SET,
	                       .start = 8192,
	                       .len = 0};
	uint64_t size = 0;
	KT_EQ(MsgSend_r((int)fd, &sp, sizeof(sp), &size, sizeof(size)), 0);
	KT_EQ(size, 8192);
	KT_CHECK(lists("/dev/shmem", "tmt1"));

	memset(&q, 0, sizeof(q));
	q.type = _IO_MMAP;
	q.combine_len = sizeof(q);
	q.prot = PROT_READ | PROT_WRITE;
	q.len = 8192;
	q.flags = MAP_SHARED;
	KT_EQ(MsgSend_r((int)fd, &q, sizeof(q), &r, sizeof(r)), 0);
	volatile uint32_t *w = (volatile uint32_t *)(uintptr_t)r.addr;
	KT_CHECK(memcmp((const void *)w, "hello", 5) == 0);
	w[1024] = 0x5a5a; /* in the second page */
	long pid = tmt_spawnl("/tmtest_child", 0, "tmtest_child", "shmcheck", NULL);
	KT_EQ(tmt_waitpid((pid_t)pid), 0);
	KT_EQ(w[1024], 0xa5a5); /* the child's store, seen here: the pages are shared */

	q.flags = MAP_PRIVATE;
	KT_EQ(MsgSend_r((int)fd, &q, sizeof(q), &r, sizeof(r)), 0);
	volatile uint32_t *pw = (volatile uint32_t *)(uintptr_t)r.addr;
	KT_EQ(pw[1024], 0xa5a5);
	pw[1024] = 1;
	KT_EQ(w[1024], 0xa5a5); /* a private copy */
	q.offset = 8192;
	KT_EQ(MsgSend_r((int)fd, &q, sizeof(q), &r, sizeof(r)), -ENXIO);
	tmt_close((int)fd);

	KT_EQ(tmt_unlink("/dev/shmem/tmt1"), 0);
	KT_EQ(tmt_open("/dev/shmem/tmt1", _IO_FLAG_RD, 0), -ENOENT);
	KT_EQ(tmt_unlink("/dev/shmem/tmt1"), -ENOENT);
	KT_EQ(w[1024], 0xa5a5); /* still mapped */

	/* /dev/zero maps zeroed memory */
	fd = tmt_open("/dev/zero", _IO_FLAG_RD, 0);
	q.offset = 0;
	q.prot = PROT_READ;
	KT_EQ(MsgSend_r((int)fd, &q, sizeof(q), &r, sizeof(r)), 0);
	KT_EQ(*(volatile uint32_t *)(uintptr_t)(r.addr + 100), 0);
	tmt_close((int)fd);
}

static void inherit_and_misc(void)
{
	char buf[8];
	long fd = tmt_open("/sys/osname", _IO_FLAG_RD, 0);

	KT_EQ(tmt_read((int)fd, buf, 2), 2);
	char sp[16], sc[16];
	tmt_ltoa(me, sp);
	tmt_ltoa(fd, sc);
	long pid = tmt_spawnl("/tmtest_child", 0, "tmtest_child", "dupread", sp, sc, NULL);
	KT_EQ(tmt_waitpid((pid_t)pid), 0);
	KT_EQ(tmt_read((int)fd, buf, 8), 0); /* the child moved the shared position */

	/* unknown and misdirected messages */
	struct _io_combine u = {.type = 0x1f0, .combine_len = sizeof(u)};
	KT_EQ(MsgSend_r((int)fd, &u, sizeof(u), NULL, 0), -ENOSYS);
	u.type = _IO_DEVCTL;
	KT_EQ(MsgSend_r((int)fd, &u, sizeof(u), NULL, 0), -ENOTTY); /* no device controls */
	KT_EQ(MsgSend_r((int)fd, &u, 2, NULL, 0), -EINVAL);
	tmt_close((int)fd);

	/* stat() as one combine message: open, stat, close */
	static char msg[256];
	struct _io_connect c;
	struct _io_connect_entry e[4];
	char res[64];
	KT_CHECK(tmt_resolve("/sys/osname", _FTYPE_ANY, e, 4, res, sizeof(res)) >= 1);
	memset(&c, 0, sizeof(c));
	c.type = _IO_CONNECT;
	c.subtype = _IO_CONNECT_COMBINE_CLOSE;
	c.handle = e[0].handle;
	c.ioflag = _IO_FLAG_RD;
	c.path_len = 7;
	memcpy(msg, &c, sizeof(c));
	memcpy(msg + sizeof(c), "osname", 7);
	struct _io_stat s = {.type = _IO_STAT, .combine_len = sizeof(s)};
	memcpy(msg + ((sizeof(c) + 7 + 7) & ~7u), &s, sizeof(s));
	int coid = ConnectAttach_r(0, e[0].pid, e[0].chid, 0, 0);
	struct stat st;
	KT_EQ(MsgSend_r(coid, msg, ((sizeof(c) + 7 + 7) & ~7u) + sizeof(s), &st, sizeof(st)), 0);
	KT_CHECK(S_ISREG(st.st_mode) && st.st_size == 5);
	KT_EQ(tmt_read(coid, buf, 1), -EBADF); /* closed again */
	ConnectDetach_r(coid);
}

int kt_main(int argc, char **argv)
{
	me = getpid_kt();
	devices();
	procfs();
	sysfs();
	bootfs();
	shmem();
	inherit_and_misc();
	kt_printf("tmtest_io: %d failure(s)\n", kt_failures);
	return kt_failures ? 1 : 0;
}
