/*
 * uname.c - system identification: uname, gethostname, sethostname. The
 * facts come from taskman's /sys files (osname, version, board, hostname);
 * a file that cannot be read gives a fixed fallback rather than an error.
 */
#include <fcntl.h>
#include <string.h>
#include <sys/utsname.h>
#include <unistd.h>
#include "qsoe_os.h"

/* Reads the first line of /sys/NAME into buf (size bytes); 0 or -errno. */
static int sys_read(const char *name, char *buf, size_t size)
{
	char path[64] = "/sys/";
	strcat(path, name);
	int fd = __qsoe_open(AT_FDCWD, path, O_RDONLY | O_CLOEXEC, 0);
	if (fd < 0)
		return fd;
	ssize_t n = read(fd, buf, size - 1);
	int e = errno;
	__qsoe_close(fd);
	if (n < 0)
		return -e;
	buf[n] = 0;
	buf[strcspn(buf, "\n")] = 0;
	return buf[0] ? 0 : -ENOENT;
}

static void field(char *dst, const char *file, const char *fallback)
{
	if (sys_read(file, dst, _SYSNAME_SIZE) < 0) {
		strncpy(dst, fallback, _SYSNAME_SIZE - 1);
		dst[_SYSNAME_SIZE - 1] = 0;
	}
}

int uname(struct utsname *u)
{
	if (u == NULL)
		return (int)__qsoe_ret(-EFAULT);
	memset(u, 0, sizeof(*u));
	field(u->sysname, "osname", "QSOE");
	field(u->release, "release", "0.1");
	field(u->version, "version", "unknown");
	field(u->machine, "machine", "riscv64");
	if (gethostname(u->nodename, sizeof(u->nodename)) < 0)
		strcpy(u->nodename, "localhost");
	return 0;
}

/* The host name (/sys/hostname; "localhost" if none is set). */
int gethostname(char *name, size_t len)
{
	char buf[HOST_NAME_MAX + 1];

	if (sys_read("hostname", buf, sizeof(buf)) < 0)
		strcpy(buf, "localhost");
	size_t n = strlen(buf) + 1;
	if (len == 0)
		return (int)__qsoe_ret(-ENAMETOOLONG);
	if (n > len) {
		memcpy(name, buf, len);
		return (int)__qsoe_ret(-ENAMETOOLONG);
	}
	memcpy(name, buf, n);
	return 0;
}

/* Sets the host name by writing /sys/hostname (root only, enforced by taskman). */
int sethostname(const char *name, size_t len)
{
	if (len > HOST_NAME_MAX)
		return (int)__qsoe_ret(-EINVAL);
	int fd = __qsoe_open(AT_FDCWD, "/sys/hostname", O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
	if (fd < 0)
		return (int)__qsoe_ret(fd);
	ssize_t n = write(fd, name, len);
	int e = errno;
	__qsoe_close(fd);
	if (n < 0)
		return (int)__qsoe_ret(-e);
	return (size_t)n == len ? 0 : (int)__qsoe_ret(-EIO);
}
