/*
 * name.c - QNX's name_attach, name_detach, name_open and name_close.
 *
 * name_attach() registers "/dev/name/local/PATH" (global: /dev/name/global)
 * with taskman's path manager (TM_PATH_ATTACH, file type _FTYPE_NAME) for a
 * channel of the caller: a new one (with unblock, disconnect and
 * connection-death pulses, as QNX makes it), or the dispatch's channel.
 * name_open() is an open() of that path: the client ends up with a
 * connection to the server's channel; the server answers the client's
 * _IO_CONNECT with EOK (QNX's documented pattern, or the resource-manager
 * library when a dispatch is used). The name goes away with name_detach()
 * or when the server ends.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/dispatch.h>
#include <unistd.h>
#include "qsoe_os.h"

/* The resource-manager library's channel of a dispatch (created if needed). */
int __qsoe_dispatch_chid(dispatch_t *dpp) __attribute__((weak));

#define NAME_CHF (_NTO_CHF_UNBLOCK | _NTO_CHF_DISCONNECT | _NTO_CHF_COID_DISCONNECT)

/* The path of a name: /dev/name/{local,global}/NAME. */
static int name_path(const char *name, unsigned flags, char *out, size_t size)
{
	const char *dir =
	        (flags & NAME_FLAG_ATTACH_GLOBAL) ? "/dev/name/global/" : "/dev/name/local/";

	if (name == NULL)
		return -EFAULT;
	if (name[0] == 0 || name[0] == '/' || strstr(name, ".."))
		return -EINVAL;
	if (strlen(dir) + strlen(name) >= size)
		return -ENAMETOOLONG;
	strcpy(out, dir);
	strcat(out, name);
	return 0;
}

name_attach_t *name_attach(dispatch_t *dpp, const char *name, unsigned flags)
{
	struct {
		struct tm_path_attach h;
		char path[PATH_MAX];
	} m;
	int r = name_path(name, flags, m.path, sizeof(m.path));

	if (r < 0) {
		errno = -r;
		return NULL;
	}
	name_attach_t *a = calloc(1, sizeof(*a));
	if (a == NULL)
		return NULL;
	a->dpp = dpp;
	if (dpp) {
		a->chid = __qsoe_dispatch_chid ? __qsoe_dispatch_chid(dpp) : -ENOSYS;
	} else {
		a->chid = ChannelCreate_r(NAME_CHF);
	}
	if (a->chid < 0) {
		errno = -a->chid;
		free(a);
		return NULL;
	}
	size_t n = strlen(m.path) + 1;
	memset(&m.h, 0, sizeof(m.h));
	m.h.hdr.type = TM_PATH_ATTACH;
	m.h.hdr.size = (uint32_t)(sizeof(m.h) + n);
	m.h.chid = a->chid;
	m.h.file_type = _FTYPE_NAME;
	m.h.path_len = (uint32_t)n;
	long id = __qsoe_tm(&m, sizeof(m.h) + n, NULL, 0);
	if (id < 0) {
		if (!dpp)
			ChannelDestroy_r(a->chid);
		free(a);
		errno = (int)-id;
		return NULL;
	}
	a->mntid = (int)id;
	return a;
}

int name_detach(name_attach_t *a, unsigned flags)
{
	struct tm_path_detach m;

	if (a == NULL)
		return (int)__qsoe_ret(-EINVAL);
	memset(&m, 0, sizeof(m));
	m.hdr.type = TM_PATH_DETACH;
	m.hdr.size = sizeof(m);
	m.id = a->mntid;
	long r = __qsoe_tm(&m, sizeof(m), NULL, 0);
	if (a->dpp == NULL && !(flags & NAME_FLAG_DETACH_SAVEDPP))
		ChannelDestroy_r(a->chid);
	free(a);
	return (int)__qsoe_ret(r < 0 ? r : 0);
}

/* A connection (a descriptor, close-on-exec) to the server of name. */
int name_open(const char *name, int flags)
{
	char path[PATH_MAX];
	int r = name_path(name, (unsigned)flags, path, sizeof(path));

	if (r < 0)
		return (int)__qsoe_ret(r);
	return (int)__qsoe_ret(__qsoe_open(AT_FDCWD, path, O_RDWR | O_CLOEXEC, 0));
}

/* Drops the connection (no _IO_CLOSE: a name server need not know the I/O protocol). */
int name_close(int fd)
{
	return (int)__qsoe_ret(ConnectDetach_r(fd) < 0 ? -EBADF : 0);
}
