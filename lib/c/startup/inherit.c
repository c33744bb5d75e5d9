/*
 * inherit.c - the descriptors and file actions a spawned process takes over
 * from its parent, before main.
 *
 * taskman never contacts a resource manager for a spawn (docs/taskman.md):
 * the child itself attaches each inherited descriptor at exactly its
 * number and asks the server with _IO_DUP to share the parent's open file
 * description, then replays the posix_spawn file actions in order. A
 * server that is gone makes that descriptor absent (as if closed); a
 * failing file action ends the child with status 127, as POSIX allows.
 * Finally the child tells taskman its start-up is done (TM_STARTED, with
 * the errno of a failed file action, which posix_spawn then returns):
 * taskman holds the parent's spawn reply until then, so the parent may
 * close its copies of the descriptors as soon as posix_spawn returns.
 */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "qsoe_os.h"

void __qsoe_inherit(const unsigned long *auxv) QSOE_HIDDEN;

/* Tells taskman that start-up is done (err: a failed file action's errno). */
static void report_started(int err)
{
	struct tm_daemon m = {.hdr = {.type = TM_STARTED, .size = sizeof(m)}, .status = err};

	__qsoe_tm(&m, sizeof(m), NULL, 0);
}

/*
 * Ends the child: a file action failed. The parent's posix_spawn returns
 * err; the exit status is 127 for a parent that waits anyway.
 */
__attribute__((noreturn)) static void action_failed(int err)
{
	report_started(err);
	__qsoe_exit(127);
}

/* One file action. Returns 0 or -errno. */
static int replay(const struct tm_fileact *a, const char *strings, size_t slen)
{
	const char *path = a->path_off < slen ? strings + a->path_off : NULL;

	switch (a->op) {
	case TM_FA_OPEN: {
		if (path == NULL)
			return -EINVAL;
		int fd = __qsoe_open(AT_FDCWD, path, a->oflag, a->mode);
		if (fd < 0)
			return fd;
		if (fd != a->fd) {
			int r = dup2(fd, a->fd) < 0 ? -errno : 0;
			__qsoe_close(fd);
			return r;
		}
		return 0;
	}
	case TM_FA_CLOSE: {
		int r = __qsoe_close(a->fd);
		return r == -EBADF ? 0 : r; /* closing what is not open is harmless */
	}
	case TM_FA_DUP2:
		if (a->srcfd == a->fd) /* POSIX: the descriptor stays, without FD_CLOEXEC */
			return fcntl(a->fd, F_SETFD, 0) < 0 ? -errno : 0;
		return dup2(a->srcfd, a->fd) < 0 ? -errno : 0;
	case TM_FA_CHDIR:
		if (path == NULL)
			return -EINVAL;
		return chdir(path) < 0 ? -errno : 0;
	case TM_FA_FCHDIR:
		return fchdir(a->fd) < 0 ? -errno : 0;
	default:
		return -EINVAL;
	}
}

void __qsoe_inherit(const unsigned long *auxv)
{
	const struct tm_fd *fds = NULL;
	const struct tm_fileact *acts = NULL;
	const char *strings = NULL;
	size_t nfds = 0, nacts = 0, slen = 0;

	for (const unsigned long *a = auxv; a[0] != 0; a += 2) {
		switch (a[0]) {
		case AT_QSOE_FDS:
			fds = (const struct tm_fd *)a[1];
			break;
		case AT_QSOE_NFDS:
			nfds = a[1];
			break;
		case AT_QSOE_ACTS:
			acts = (const struct tm_fileact *)a[1];
			break;
		case AT_QSOE_NACTS:
			nacts = a[1];
			break;
		case AT_QSOE_ACTSTR:
			strings = (const char *)a[1];
			break;
		default:
			break;
		}
	}
	for (size_t i = 0; fds && i < nfds; i++) {
		const struct tm_fd *f = &fds[i];
		if (!__qsoe_isfd(f->fd))
			continue;
		__qsoe_dup_from(f->fd, f->server_pid, f->server_chid, __qsoe_proc.ppid,
		                f->parent_coid, f->parent_scoid, (f->flags & FD_CLOEXEC) != 0);
	}
	/* The action strings follow each other; the last one ends the area. */
	if (strings && acts) {
		for (size_t i = 0; i < nacts; i++)
			if (acts[i].op == TM_FA_OPEN || acts[i].op == TM_FA_CHDIR) {
				size_t end =
				        acts[i].path_off + strlen(strings + acts[i].path_off) + 1;
				if (end > slen)
					slen = end;
			}
	}
	for (size_t i = 0; acts && i < nacts; i++) {
		int r = replay(&acts[i], strings, slen);
		if (r < 0)
			action_failed(-r);
	}
	/* POSIX: descriptors with FD_CLOEXEC close after the file actions. */
	struct _server_info info;
	for (int fd = 0;;) {
		int r = ConnectServerInfo_r(0, fd, &info);
		if (r < 0 || ((unsigned)r & _NTO_SIDE_CHANNEL))
			break;
		if ((unsigned)(uint16_t)info.flags & _NTO_COF_CLOEXEC)
			__qsoe_close(r);
		fd = r + 1;
	}
	report_started(0);
}
