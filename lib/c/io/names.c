/*
 * names.c - operations on names in the pathname space: mkdir, rmdir,
 * unlink, rename, link, symlink, readlink, mknod, mkfifo. Each is one
 * _IO_CONNECT with its subtype, sent to the server that owns the name
 * (connect.c). The *at forms start relative paths at a directory
 * descriptor.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "qsoe_os.h"

/* One connect request on a path (not kept). Returns the server's status or -errno. */
static int name_op(int dirfd, const char *path, struct __qsoe_conn *c)
{
	char abs[PATH_MAX];
	unsigned eflag;
	int r = __qsoe_abspath(dirfd, path, abs, &eflag);

	if (r < 0)
		return r;
	c->eflag |= eflag;
	return __qsoe_connect(abs, c);
}

static unsigned cmask(mode_t mode)
{
	return mode & ~__atomic_load_n(&__qsoe_proc.umask, __ATOMIC_RELAXED) & 07777;
}

int mkdirat(int dirfd, const char *path, mode_t mode)
{
	struct __qsoe_conn c = {
	        .subtype = _IO_CONNECT_MKNOD,
	        .mode = S_IFDIR | cmask(mode),
	        .nofollow = 1,
	};
	int r = name_op(dirfd, path, &c);
	return (int)__qsoe_ret(r < 0 ? r : 0);
}

int mkdir(const char *path, mode_t mode)
{
	return mkdirat(AT_FDCWD, path, mode);
}

/* mknod: a FIFO (S_IFIFO) or another special file the server knows; dev is unused. */
int mknodat(int dirfd, const char *path, mode_t mode, dev_t dev)
{
	(void)dev;
	if ((mode & S_IFMT) == 0)
		mode |= S_IFREG;
	struct __qsoe_conn c = {
	        .subtype = _IO_CONNECT_MKNOD,
	        .mode = (mode & S_IFMT) | cmask(mode),
	        .nofollow = 1,
	};
	int r = name_op(dirfd, path, &c);
	return (int)__qsoe_ret(r < 0 ? r : 0);
}

int mknod(const char *path, mode_t mode, dev_t dev)
{
	return mknodat(AT_FDCWD, path, mode, dev);
}

int mkfifoat(int dirfd, const char *path, mode_t mode)
{
	return mknodat(dirfd, path, S_IFIFO | (mode & 07777), 0);
}

int mkfifo(const char *path, mode_t mode)
{
	return mknodat(AT_FDCWD, path, S_IFIFO | (mode & 07777), 0);
}

/*
 * unlink (flags 0) or rmdir (AT_REMOVEDIR): an _IO_CONNECT_UNLINK whose
 * mode is S_IFDIR for rmdir, so the server can insist on the right type.
 */
int unlinkat(int dirfd, const char *path, int flags)
{
	if (flags & ~AT_REMOVEDIR)
		return (int)__qsoe_ret(-EINVAL);
	struct __qsoe_conn c = {
	        .subtype = _IO_CONNECT_UNLINK,
	        .mode = (flags & AT_REMOVEDIR) ? S_IFDIR : 0,
	        .nofollow = 1,
	};
	int r = name_op(dirfd, path, &c);
	return (int)__qsoe_ret(r < 0 ? r : 0);
}

int unlink(const char *path)
{
	return unlinkat(AT_FDCWD, path, 0);
}

int rmdir(const char *path)
{
	return unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
}

/*
 * rename: _IO_CONNECT_RENAME on the new name with _IO_CONNECT_EXTRA_RENAME
 * carrying the old name relative to the same server (EXDEV if the old
 * name lives elsewhere).
 */
int renameat(int olddirfd, const char *old, int newdirfd, const char *new)
{
	char oldabs[PATH_MAX];
	int r = __qsoe_abspath(olddirfd, old, oldabs, NULL);

	if (r < 0)
		return (int)__qsoe_ret(r);
	if (strcmp(oldabs, "/") == 0)
		return (int)__qsoe_ret(-EBUSY);
	struct __qsoe_conn c = {
	        .subtype = _IO_CONNECT_RENAME,
	        .extra_type = _IO_CONNECT_EXTRA_RENAME,
	        .nofollow = 1,
	        .rename_from = oldabs,
	};
	r = name_op(newdirfd, new, &c);
	return (int)__qsoe_ret(r < 0 ? r : 0);
}

int rename(const char *old, const char *new)
{
	return renameat(AT_FDCWD, old, AT_FDCWD, new);
}

/*
 * link: a hard link. The existing file is opened, and the new name gets an
 * _IO_CONNECT_LINK with _IO_CONNECT_EXTRA_LINK carrying the _msg_info of
 * that connection (ConnectServerInfo), by which its server finds the file
 * (QNX's io_link_extra_t.info). Another server answers EXDEV.
 */
int linkat(int fromfd, const char *from, int tofd, const char *to, int flags)
{
	struct _server_info info;

	if (flags & ~AT_SYMLINK_FOLLOW)
		return (int)__qsoe_ret(-EINVAL);
	int fd = __qsoe_open_noaccess(fromfd, from, !(flags & AT_SYMLINK_FOLLOW));
	if (fd < 0)
		return (int)__qsoe_ret(fd);
	int r = ConnectServerInfo_r(0, fd, &info);
	if (r >= 0) {
		struct __qsoe_conn c = {
		        .subtype = _IO_CONNECT_LINK,
		        .extra_type = _IO_CONNECT_EXTRA_LINK,
		        .extra = &info,
		        .extra_len = sizeof(info),
		        .nofollow = 1,
		};
		r = name_op(tofd, to, &c);
	}
	__qsoe_close(fd);
	return (int)__qsoe_ret(r < 0 ? r : 0);
}

int link(const char *from, const char *to)
{
	return linkat(AT_FDCWD, from, AT_FDCWD, to, AT_SYMLINK_FOLLOW);
}

/* symlink: _IO_CONNECT_LINK with _IO_CONNECT_EXTRA_SYMLINK = the target. */
int symlinkat(const char *target, int dirfd, const char *path)
{
	if (target == NULL)
		return (int)__qsoe_ret(-EFAULT);
	size_t n = strnlen(target, PATH_MAX);
	if (n >= PATH_MAX)
		return (int)__qsoe_ret(-ENAMETOOLONG);
	if (n == 0)
		return (int)__qsoe_ret(-ENOENT);
	struct __qsoe_conn c = {
	        .subtype = _IO_CONNECT_LINK,
	        .mode = S_IFLNK | 0777,
	        .extra_type = _IO_CONNECT_EXTRA_SYMLINK,
	        .extra = target,
	        .extra_len = n + 1,
	        .nofollow = 1,
	};
	int r = name_op(dirfd, path, &c);
	return (int)__qsoe_ret(r < 0 ? r : 0);
}

int symlink(const char *target, const char *path)
{
	return symlinkat(target, AT_FDCWD, path);
}

/*
 * readlink: _IO_CONNECT_READLINK; the server replies with the link's
 * target (not NUL-terminated), the status being its length. At most size
 * bytes are stored; the result is not terminated.
 */
ssize_t readlinkat(int dirfd, const char *__restrict path, char *__restrict buf, size_t size)
{
	char tmp[sizeof(struct _io_connect_link_reply) + PATH_MAX];

	if (size == 0)
		return __qsoe_ret(-EINVAL);
	struct __qsoe_conn c = {
	        .subtype = _IO_CONNECT_READLINK,
	        .nofollow = 1,
	        .reply = tmp,
	        .reply_len = sizeof(tmp),
	};
	int r = name_op(dirfd, path, &c);
	if (r < 0)
		return __qsoe_ret(r);
	size_t n = (size_t)r < sizeof(tmp) ? (size_t)r : sizeof(tmp);
	if (n > size)
		n = size;
	memcpy(buf, tmp, n);
	return (ssize_t)n;
}

ssize_t readlink(const char *__restrict path, char *__restrict buf, size_t size)
{
	return readlinkat(AT_FDCWD, path, buf, size);
}
