/*
 * g_fsram.c - group "fsram": the RAM filesystem (sbin/fs-ram) through the
 * C library. The group starts its own fs-ram at /fsram-suite with a
 * 256 KiB budget (ready when posix_spawn returns: POSIX_SPAWN_HOLD) and
 * checks: create, read, write, pread/pwrite, holes, O_APPEND, O_EXCL,
 * O_TRUNC, ftruncate, unlink (also of an open file), rename (the POSIX
 * rules), mkdir/rmdir with link counts, readdir, stat/fstat/lstat,
 * chmod/chown, symlink/readlink/lstat and links through it, hard links,
 * permissions from the caller's effective ids, the sticky bit, statvfs,
 * and ENOSPC when the budget is spent (and space coming back after an
 * unlink). Skipped (with a note) if /sbin/fs-ram cannot be started.
 */
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/wait.h>
#include <unistd.h>
#include "suite.h"

#define ROOT "/fsram-suite"
#define P(x) ROOT "/" x

extern char **environ;

/* Writes the string s to path (created 0644). Returns 0 or -1. */
static int put(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return -1;
	ssize_t n = write(fd, s, strlen(s));
	close(fd);
	return n == (ssize_t)strlen(s) ? 0 : -1;
}

/* Reads at most size-1 bytes of path into buf (NUL-terminated). Returns bytes or -1. */
static ssize_t get(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, size - 1);
	close(fd);
	buf[n > 0 ? n : 0] = 0;
	return n;
}

/* Is name in directory dir (readdir)? Also counts the entries into *count. */
static int listed(const char *dir, const char *name, int *count)
{
	DIR *d = opendir(dir);
	int found = 0, n = 0;

	if (d == NULL)
		return -1;
	for (struct dirent *e; (e = readdir(d)) != NULL; n++)
		if (strcmp(e->d_name, name) == 0)
			found++;
	closedir(d);
	if (count)
		*count = n;
	return found;
}

/*
 * Checks that r is -1 with ENOENT: what was named does not exist. fs-ram
 * answers ENOENT; libc then asks the next server of the path, taskman's
 * boot archive at "/", which must answer ENOENT too (not EROFS): no
 * directory for the new name, or no old name to rename.
 */
static void missing_parent(long r, const char *what)
{
	int e = errno;

	CHECK(r == -1 && e == ENOENT, "%s fails with ENOENT (got %ld, errno %d %s)", what, r, e,
	      strerror(e));
}

/* Files: create, data, offsets, holes, append, exclusive, truncate. */
static void files(void)
{
	char buf[256];
	struct stat st;

	int fd = open(P("a"), O_RDWR | O_CREAT | O_EXCL, 0640);
	CHECK(fd >= 0, "open(O_CREAT|O_EXCL) makes a new file (errno %d)", errno);
	CHECK_ERR(open(P("a"), O_RDWR | O_CREAT | O_EXCL, 0640), -1, EEXIST);
	CHECK_EQ(write(fd, "hello, world", 12), 12);
	CHECK_EQ(lseek(fd, 0, SEEK_SET), 0);
	CHECK_EQ(read(fd, buf, sizeof(buf)), 12);
	CHECK(memcmp(buf, "hello, world", 12) == 0, "the data written is read back");
	CHECK_EQ(read(fd, buf, sizeof(buf)), 0);
	CHECK_EQ(pwrite(fd, "J", 1, 7), 1);
	CHECK_EQ(pread(fd, buf, 5, 7), 5);
	CHECK(memcmp(buf, "Jorld", 5) == 0, "pwrite/pread at an offset");
	CHECK_EQ(lseek(fd, 0, SEEK_CUR), 12); /* pread/pwrite leave the offset */
	CHECK_OK(fstat(fd, &st));
	CHECK(S_ISREG(st.st_mode) && (st.st_mode & 07777) == 0640, "mode 0640 (got %o)",
	      (unsigned)st.st_mode);
	CHECK_EQ(st.st_size, 12);
	CHECK_EQ(st.st_nlink, 1);
	CHECK_EQ(st.st_uid, geteuid());

	/* a hole: 100000 bytes further; it reads as zeros and costs no blocks */
	CHECK_EQ(pwrite(fd, "end", 3, 100000), 3);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 100003);
	CHECK(st.st_blocks * 512 < 32768, "a sparse file holds few blocks (%lld)",
	      (long long)st.st_blocks);
	memset(buf, 1, sizeof(buf));
	CHECK_EQ(pread(fd, buf, 100, 50000), 100);
	int zero = 1;
	for (int i = 0; i < 100; i++)
		zero &= buf[i] == 0;
	CHECK(zero, "a hole reads as zeros");

	/* ftruncate: shrink, then grow again: the cut bytes come back as zeros */
	CHECK_OK(ftruncate(fd, 5));
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 5);
	CHECK_OK(ftruncate(fd, 10));
	CHECK_EQ(pread(fd, buf, sizeof(buf), 0), 10);
	CHECK(memcmp(buf, "hello\0\0\0\0\0", 10) == 0, "bytes past a truncation read as zeros");
	CHECK_ERR(ftruncate(fd, -1), -1, EINVAL);
	close(fd);

	/* O_APPEND writes at the end, whatever the offset */
	fd = open(P("a"), O_WRONLY | O_APPEND);
	CHECK(fd >= 0, "open(O_APPEND)");
	lseek(fd, 0, SEEK_SET);
	CHECK_EQ(write(fd, "++", 2), 2);
	close(fd);
	CHECK_EQ(get(P("a"), buf, sizeof(buf)), 12);
	CHECK(memcmp(buf + 10, "++", 2) == 0, "O_APPEND wrote at the end");

	/* O_TRUNC empties; truncate(path) too */
	fd = open(P("a"), O_WRONLY | O_TRUNC);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 0);
	close(fd);
	CHECK_OK(put(P("a"), "0123456789"));
	CHECK_OK(truncate(P("a"), 3));
	CHECK_EQ(get(P("a"), buf, sizeof(buf)), 3);

	/* errors */
	CHECK_ERR(open(P("missing"), O_RDONLY), -1, ENOENT);
	missing_parent(open(P("nodir/x"), O_RDWR | O_CREAT, 0644), "open(nodir/x, O_CREAT)");
	missing_parent(mkdir(P("nodir/x"), 0755), "mkdir(nodir/x)");
	CHECK_ERR(open(P("a/x"), O_RDWR | O_CREAT, 0644), -1, ENOTDIR);
	CHECK_ERR(open(ROOT, O_WRONLY), -1, EISDIR);
	fd = open(P("a"), O_RDONLY);
	CHECK_ERR(write(fd, "x", 1), -1, EBADF);
	close(fd);
	char longname[300];
	memset(longname, 'n', sizeof(longname));
	memcpy(longname, P(""), strlen(P("")));
	longname[sizeof(longname) - 1] = 0;
	CHECK_ERR(open(longname, O_RDWR | O_CREAT, 0644), -1, ENAMETOOLONG);

	/* a larger file, written and read in pieces that cross blocks */
	static char big[50000];
	for (size_t i = 0; i < sizeof(big); i++)
		big[i] = (char)(i * 31 + 7);
	fd = open(P("big"), O_RDWR | O_CREAT | O_TRUNC, 0644);
	size_t done = 0;
	while (done < sizeof(big)) {
		size_t k = sizeof(big) - done < 7777 ? sizeof(big) - done : 7777;
		if (write(fd, big + done, k) != (ssize_t)k)
			break;
		done += k;
	}
	CHECK_EQ(done, sizeof(big));
	static char back[50000];
	CHECK_EQ(pread(fd, back, sizeof(back), 0), (ssize_t)sizeof(back));
	CHECK(memcmp(big, back, sizeof(big)) == 0, "50000 bytes read back intact");
	close(fd);
	CHECK_OK(unlink(P("big")));
}

/* Names: unlink, rename, directories, readdir. */
static void names(void)
{
	char buf[64];
	struct stat st, st2;

	/* an unlinked open file stays readable until closed */
	CHECK_OK(put(P("u"), "still here"));
	int fd = open(P("u"), O_RDONLY);
	CHECK_OK(unlink(P("u")));
	CHECK_ERR(stat(P("u"), &st), -1, ENOENT);
	CHECK_EQ(read(fd, buf, sizeof(buf)), 10);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_nlink, 0);
	close(fd);
	CHECK_ERR(unlink(P("u")), -1, ENOENT);

	/* mkdir / rmdir and link counts */
	CHECK_OK(stat(ROOT, &st));
	nlink_t root_links = st.st_nlink;
	CHECK_OK(mkdir(P("d"), 0755));
	CHECK_ERR(mkdir(P("d"), 0755), -1, EEXIST);
	CHECK_OK(stat(P("d"), &st));
	CHECK(S_ISDIR(st.st_mode), "mkdir made a directory");
	CHECK_EQ(st.st_nlink, 2);
	CHECK_OK(stat(ROOT, &st2));
	CHECK_EQ(st2.st_nlink, root_links + 1);
	CHECK_OK(mkdir(P("d/e"), 0755));
	CHECK_OK(stat(P("d"), &st));
	CHECK_EQ(st.st_nlink, 3);
	CHECK_OK(put(P("d/e/f"), "f"));
	CHECK_ERR(rmdir(P("d")), -1, ENOTEMPTY);
	CHECK_ERR(rmdir(P("d/e/f")), -1, ENOTDIR);
	CHECK_ERR(unlink(P("d")), -1, EPERM); /* POSIX's choice (Linux says EISDIR) */

	/* readdir: ".", "..", and every name once */
	char name[32];
	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), P("d/n%d"), i);
		put(name, "x");
	}
	int count = 0;
	CHECK_EQ(listed(P("d"), "n17", &count), 1);
	CHECK_EQ(count, 40 + 1 + 2); /* n0..n39, e, ".", ".." */
	CHECK_EQ(listed(P("d"), "..", NULL), 1);
	for (int i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), P("d/n%d"), i);
		unlink(name);
	}
	CHECK_EQ(listed(P("d"), "n17", &count), 0);
	CHECK_EQ(count, 3);

	/* rename: a file in one directory, across, over another file */
	CHECK_OK(put(P("r1"), "one"));
	CHECK_OK(put(P("r2"), "two"));
	CHECK_OK(rename(P("r1"), P("d/r1")));
	CHECK_ERR(stat(P("r1"), &st), -1, ENOENT);
	CHECK_OK(rename(P("d/r1"), P("r2")));
	CHECK_EQ(get(P("r2"), buf, sizeof(buf)), 3);
	CHECK(strcmp(buf, "one") == 0, "rename replaced the target (got %s)", buf);
	CHECK_OK(rename(P("r2"), P("r2"))); /* the same file: nothing happens */
	CHECK_OK(stat(P("r2"), &st));
	missing_parent(rename(P("nothere"), P("x")), "rename(nothere, x)");
	CHECK_ERR(rename(P("r2"), P("d")), -1, EISDIR);
	CHECK_ERR(rename(P("d"), P("r2")), -1, ENOTDIR);
	CHECK_ERR(rename(P("d"), P("d/e/inside")), -1, EINVAL);
	CHECK_OK(mkdir(P("empty"), 0755));
	CHECK_ERR(rename(P("empty"), P("d")), -1, ENOTEMPTY);
	/* a directory moves to another parent: both parents' link counts change */
	CHECK_OK(rename(P("d/e"), P("empty/e2")));
	CHECK_OK(stat(P("d"), &st));
	CHECK_EQ(st.st_nlink, 2);
	CHECK_OK(stat(P("empty"), &st));
	CHECK_EQ(st.st_nlink, 3);
	CHECK_EQ(get(P("empty/e2/f"), buf, sizeof(buf)), 1);
	CHECK_OK(unlink(P("empty/e2/f")));
	CHECK_OK(rmdir(P("empty/e2")));
	CHECK_OK(rename(P("d"), P("empty"))); /* over an empty directory */
	CHECK_ERR(stat(P("d"), &st), -1, ENOENT);
	CHECK_OK(rmdir(P("empty")));
	CHECK_OK(stat(ROOT, &st));
	CHECK_EQ(st.st_nlink, root_links);
	CHECK_ERR(rmdir(ROOT), -1, EBUSY);
	CHECK_OK(unlink(P("r2")));
}

/* Symbolic and hard links. */
static void links(void)
{
	char buf[PATH_MAX];
	struct stat st;

	CHECK_OK(mkdir(P("L"), 0755));
	CHECK_OK(put(P("L/target"), "via link"));
	CHECK_OK(symlink("target", P("L/rel")));
	CHECK_OK(symlink(P("L"), P("abs")));
	CHECK_OK(symlink("/dev/null", P("out")));
	CHECK_ERR(symlink("x", P("L/rel")), -1, EEXIST);
	CHECK_EQ(readlink(P("L/rel"), buf, sizeof(buf)), 6);
	CHECK(memcmp(buf, "target", 6) == 0, "readlink gives the target");
	CHECK_ERR(readlink(P("L/target"), buf, sizeof(buf)), -1, EINVAL);
	CHECK_OK(lstat(P("L/rel"), &st));
	CHECK(S_ISLNK(st.st_mode), "lstat sees the link itself");
	CHECK_EQ(st.st_size, 6);
	CHECK_OK(stat(P("L/rel"), &st));
	CHECK(S_ISREG(st.st_mode), "stat follows it");
	CHECK_EQ(get(P("L/rel"), buf, sizeof(buf)), 8);
	CHECK_EQ(get(P("abs/rel"), buf, sizeof(buf)), 8); /* a link in the middle */
	CHECK(strcmp(buf, "via link") == 0, "through two links (got %s)", buf);
	int fd = open(P("out"), O_WRONLY); /* a link out of the filesystem */
	CHECK(fd >= 0, "a link to /dev/null opens (errno %d)", errno);
	if (fd >= 0)
		close(fd);
	CHECK_ERR(open(P("L/rel"), O_RDONLY | O_NOFOLLOW), -1, ELOOP);
	CHECK_OK(symlink("loop2", P("loop1")));
	CHECK_OK(symlink("loop1", P("loop2")));
	CHECK_ERR(open(P("loop1"), O_RDONLY), -1, ELOOP);
	CHECK_OK(unlink(P("L/rel"))); /* removes the link, not the target */
	CHECK_OK(stat(P("L/target"), &st));

	/* hard links share the node */
	CHECK_OK(link(P("L/target"), P("hard")));
	CHECK_OK(stat(P("hard"), &st));
	CHECK_EQ(st.st_nlink, 2);
	struct stat st2;
	CHECK_OK(stat(P("L/target"), &st2));
	CHECK_EQ(st.st_ino, st2.st_ino);
	CHECK_ERR(link(P("L"), P("hardlinkdir")), -1, EPERM);
	CHECK_OK(unlink(P("L/target")));
	CHECK_EQ(get(P("hard"), buf, sizeof(buf)), 8);
	CHECK_OK(unlink(P("hard")));
	CHECK_OK(unlink(P("abs")));
	CHECK_OK(unlink(P("out")));
	CHECK_OK(unlink(P("loop1")));
	CHECK_OK(unlink(P("loop2")));
	CHECK_OK(rmdir(P("L")));
}

/* Attributes and permissions by the caller's effective ids. */
static void permissions(void)
{
	struct stat st;
	char buf[16];

	CHECK_OK(put(P("secret"), "root only"));
	CHECK_OK(chmod(P("secret"), 0600));
	CHECK_OK(stat(P("secret"), &st));
	CHECK_EQ(st.st_mode & 07777, 0600);
	CHECK_OK(mkdir(P("rootdir"), 0755));
	CHECK_OK(mkdir(P("userdir"), 0755));
	CHECK_OK(chown(P("userdir"), 1234, 1234));
	CHECK_OK(stat(P("userdir"), &st));
	CHECK(st.st_uid == 1234 && st.st_gid == 1234, "chown by root (got %d:%d)", (int)st.st_uid,
	      (int)st.st_gid);
	CHECK_OK(put(P("rootfile"), "r"));
	CHECK_OK(chmod(P("rootfile"), 0644));

	if (setegid(1234) != 0 || seteuid(1234) != 0) {
		suite_note("fsram: cannot become uid 1234 (errno %d); permission checks skipped",
		           errno);
		seteuid(0);
		setegid(0);
		return;
	}
	CHECK_ERR(open(P("secret"), O_RDONLY), -1, EACCES);
	CHECK_ERR(open(P("rootfile"), O_WRONLY), -1, EACCES);
	CHECK_EQ(get(P("rootfile"), buf, sizeof(buf)), 1); /* others may read */
	CHECK_ERR(open(P("rootdir/x"), O_WRONLY | O_CREAT, 0644), -1, EACCES);
	CHECK_ERR(mkdir(P("rootdir/x"), 0755), -1, EACCES);
	CHECK_ERR(chmod(P("rootfile"), 0666), -1, EPERM);
	CHECK_ERR(chown(P("rootfile"), 1234, 1234), -1, EPERM);
	/* the sticky root (1777): a user may create, but not remove root's files */
	CHECK_ERR(unlink(P("rootfile")), -1, EPERM);
	CHECK_ERR(rename(P("rootfile"), P("stolen")), -1, EPERM);
	int fd = open(P("userdir/mine"), O_WRONLY | O_CREAT, 0600);
	CHECK(fd >= 0, "a user creates in its own directory (errno %d)", errno);
	if (fd >= 0)
		close(fd);
	CHECK_OK(stat(P("userdir/mine"), &st));
	CHECK(st.st_uid == 1234 && st.st_gid == 1234, "a new file is the creator's (got %d:%d)",
	      (int)st.st_uid, (int)st.st_gid);
	CHECK_OK(chmod(P("userdir/mine"), 0640)); /* the owner may */
	CHECK_OK(chmod(P("userdir"), 0));
	CHECK_ERR(stat(P("userdir/mine"), &st), -1, EACCES); /* no search permission */
	CHECK_OK(chmod(P("userdir"), 0755));
	CHECK_OK(put(P("usertmp"), "u")); /* in the sticky root */
	CHECK_OK(unlink(P("usertmp")));
	seteuid(0);
	setegid(0);
	CHECK_EQ(get(P("secret"), buf, sizeof(buf)), 9); /* root reads anything */
	CHECK_OK(unlink(P("userdir/mine")));
	CHECK_OK(rmdir(P("userdir")));
	CHECK_OK(rmdir(P("rootdir")));
	CHECK_OK(unlink(P("rootfile")));
	CHECK_OK(unlink(P("secret")));
}

/* Writes 4 KiB blocks to fd until a write fails; returns the bytes written, *err the errno. */
static long fill(int fd, int *err)
{
	static char block[4096];
	long total = 0;

	*err = 0;
	memset(block, 'z', sizeof(block));
	for (int i = 0; i < 1000; i++) {
		ssize_t w = write(fd, block, sizeof(block));
		if (w < 0) {
			*err = errno;
			break;
		}
		total += w;
	}
	return total;
}

/* The budget: ENOSPC when it is spent, space back after an unlink; statvfs. */
static void space(void)
{
	struct statvfs sv;
	struct stat st;
	int err;

	CHECK_OK(statvfs(ROOT, &sv));
	CHECK(sv.f_bsize == 4096 && sv.f_blocks > 0 && sv.f_bfree <= sv.f_blocks,
	      "statvfs: bsize %lu, %lu blocks, %lu free", (unsigned long)sv.f_bsize,
	      (unsigned long)sv.f_blocks, (unsigned long)sv.f_bfree);
	unsigned long free0 = (unsigned long)sv.f_bfree;
	int fd = open(P("fill"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	long total = fill(fd, &err);
	CHECK(err == ENOSPC, "writing past the budget fails with ENOSPC (errno %d after %ld bytes)",
	      err, total);
	CHECK(total > 100 * 1024 && total <= 256 * 1024,
	      "most of the 256 KiB could be written (%ld)", total);
	CHECK_OK(statvfs(ROOT, &sv));
	CHECK(sv.f_bfree == 0, "statvfs sees the filesystem full (%lu free)",
	      (unsigned long)sv.f_bfree);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, total);
	close(fd);
	CHECK_OK(unlink(P("fill")));
	CHECK_OK(statvfs(ROOT, &sv));
	CHECK_EQ(sv.f_bfree, free0); /* every block came back */

	/* full again, then the last bytes go to names until those fail too */
	fd = open(P("fill"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK_EQ(fill(fd, &err), total);
	close(fd);
	char name[64];
	int dirs = 0;
	err = 0;
	for (; dirs < 1000; dirs++) {
		snprintf(name, sizeof(name), P("ns%d"), dirs);
		if (mkdir(name, 0755) != 0) {
			err = errno;
			break;
		}
	}
	CHECK(err == ENOSPC, "mkdir fails with ENOSPC when the budget is spent (errno %d, %d made)",
	      err, dirs);
	CHECK_ERR(open(P("nospace"), O_WRONLY | O_CREAT, 0644), -1, ENOSPC);
	CHECK_ERR(symlink("x", P("nospace")), -1, ENOSPC);
	for (int i = 0; i < dirs; i++) {
		snprintf(name, sizeof(name), P("ns%d"), i);
		rmdir(name);
	}
	CHECK_OK(unlink(P("fill")));
	CHECK_OK(mkdir(P("nospace"), 0755)); /* room again */
	CHECK_OK(rmdir(P("nospace")));

	/* allocating space ahead (F_ALLOCSP through posix_fallocate) is refused too */
	fd = open(P("fill"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK_EQ(posix_fallocate(fd, 0, 1 << 20), ENOSPC);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 0); /* nothing of the refused request stays */
	CHECK_EQ(posix_fallocate(fd, 0, 8192), 0);
	CHECK_OK(fstat(fd, &st));
	CHECK_EQ(st.st_size, 8192);
	close(fd);
	CHECK_OK(unlink(P("fill")));
}

SUITE_GROUP(fsram)
{
	char *argv[] = {"fs-ram", "-p", ROOT, "-s", "256k", "-m", "1777", NULL};
	posix_spawnattr_t at;
	pid_t pid;

	posix_spawnattr_init(&at);
	posix_spawnattr_setflags(&at, POSIX_SPAWN_HOLD);
	int r = posix_spawn(&pid, "/sbin/fs-ram", NULL, &at, argv, environ);
	posix_spawnattr_destroy(&at);
	if (r != 0) {
		suite_note("fsram: cannot start /sbin/fs-ram (%s); group skipped", strerror(r));
		return;
	}
	struct stat st;
	CHECK_OK(stat(ROOT, &st));
	CHECK(S_ISDIR(st.st_mode) && (st.st_mode & 07777) == 01777, "the root is a 1777 directory");
	files();
	names();
	links();
	permissions();
	space();
	/* bad options are refused with a message, not a crash */
	char *bad[] = {"fs-ram", "-s", "12q", NULL};
	pid_t bp;
	if (posix_spawn(&bp, "/sbin/fs-ram", NULL, NULL, bad, environ) == 0) {
		int bst = suite_wait(bp);
		CHECK(bst >= 0 && WIFEXITED(bst) && WEXITSTATUS(bst) == 1,
		      "fs-ram -s 12q exits with status 1 (status %#x)", bst);
	}
	kill(pid, SIGTERM);
	suite_wait(pid);
	CHECK_ERR(stat(P("x"), &st), -1, ENOENT); /* the path is gone with the server */
}
