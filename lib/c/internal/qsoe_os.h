/*
 * qsoe_os.h - private interfaces of the OS-facing half of libc (start-up,
 * I/O over _IO_* messages, processes, threads, OS time).
 *
 * Convention: functions named __qsoe_* return a value >= 0 or a negative
 * errno and never touch errno; the public POSIX functions turn that into
 * -1/errno with __qsoe_ret(). Everything here is hidden (not exported
 * from libc.so) unless it is part of the seam with libqsoe.so, which is
 * declared in <qsoe/seam.h>.
 */
#ifndef QSOE_LIBC_OS_H
#define QSOE_LIBC_OS_H

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/neutrino.h>
#include <sys/iomsg.h>
#include <qsoe/taskman.h>
#include <qsoe/seam.h>
#include "libc.h"
#include "lock.h"

/* ---- errors ---------------------------------------------------------------- */

/* r < 0: errno = -r and -1; otherwise r. */
static inline long __qsoe_ret(long r)
{
	if (r < 0) {
		errno = (int)-r;
		return -1;
	}
	return r;
}

/* For the pthread family: a negative errno becomes the positive error number. */
static inline int __qsoe_perr(long r)
{
	return r < 0 ? (int)-r : 0;
}

/* ---- the process (filled in by start-up from the start-up block) ---------- */

struct __qsoe_process {
	pid_t pid, ppid;
	struct tm_cred cred;         /* cached ids; updated after successful set*id */
	qsoe_lock_t cred_lock;       /* serialises set*id calls and their cache update */
	unsigned umask;              /* current file-creation mask (atomic) */
	const struct tm_linkmap *lm; /* what taskman loaded (NULL if not reported) */
	uint64_t child_utime_ns;     /* CPU time of waited-for children (times, getrusage) */
	uint64_t child_stime_ns;
};
extern struct __qsoe_process __qsoe_proc QSOE_HIDDEN;

/* The auxiliary vector of the start-up block (getauxval). */
extern const unsigned long *__qsoe_auxv QSOE_HIDDEN;

/* ---- messages ---------------------------------------------------------------- */

/*
 * Sends msg[0..mlen) followed by data[0..dlen) on coid and receives the
 * reply into reply[0..rlen). Returns the reply status or -errno. A signal
 * interrupting the send gives -EINTR.
 */
long __qsoe_send2(int coid, const void *msg, size_t mlen, const void *data, size_t dlen,
                  void *reply, size_t rlen) QSOE_HIDDEN;

/* A request to taskman (SYSMGR_COID). Returns the reply status or -errno. */
long __qsoe_tm(const void *req, size_t len, void *reply, size_t rlen) QSOE_HIDDEN;

/* ---- paths (lib/c/io/path.c, cwd.c) ------------------------------------------ */

/*
 * Writes to out (PATH_MAX bytes) the absolute, lexically normalised form of
 * path: relative paths start at the directory of dirfd (AT_FDCWD: the
 * current directory); "." and empty components disappear and ".." removes
 * the component before it (as QNX's path manager does). *eflag gets
 * _IO_CONNECT_EFLAG_DIR if the path ended in "/" (or "." / ".."), and
 * _IO_CONNECT_EFLAG_DOT / _DOTDOT for a last component "." / "..".
 * Returns 0, -ENOENT (empty path), -ENAMETOOLONG, -EFAULT (NULL), or the
 * error of finding dirfd's path (-EBADF, -ENOTDIR, ...).
 */
int __qsoe_abspath(int dirfd, const char *path, char *out, unsigned *eflag) QSOE_HIDDEN;

/* Lexically normalises the absolute path in buf in place (see above). */
int __qsoe_normalise(char *buf, size_t size) QSOE_HIDDEN;

/* Copies the current directory (absolute) into out (PATH_MAX bytes). */
void __qsoe_cwd_get(char *out) QSOE_HIDDEN;

/* Makes the absolute, normalised path the current directory. */
void __qsoe_cwd_set(const char *abs) QSOE_HIDDEN;

/* The absolute path of the file open on fd (from its server, _IO_FDINFO). */
int __qsoe_fdpath(int fd, char *out, size_t size) QSOE_HIDDEN;

/* ---- path resolution (lib/c/io/connect.c) ----------------------------------- */

/* One _IO_CONNECT request. Zero-initialise, then fill in what applies. */
struct __qsoe_conn {
	unsigned subtype;   /* _IO_CONNECT_* */
	unsigned file_type; /* _FTYPE_* the caller wants (0 = any) */
	unsigned ioflag;    /* O_* flags with the access mode as _IO_FLAG_* bits */
	unsigned mode;      /* S_IF* | permissions (creation; mknod) */
	unsigned access;    /* S_I* access to check */
	unsigned eflag;     /* from __qsoe_abspath */
	unsigned extra_type;
	const void *extra; /* _IO_CONNECT_EXTRA_* data */
	size_t extra_len;
	int nofollow; /* don't follow a symbolic link in the last component */
	int keep;     /* keep the connection: it becomes the new descriptor */
	int cloexec;  /* ... with FD_CLOEXEC */
	void *reply;  /* where a successful server reply goes (readlink, combined I/O) */
	size_t reply_len;
	const void *io; /* _IO_CONNECT_COMBINE(_CLOSE): the I/O message that follows */
	size_t io_len;
	char *resolved; /* if set (PATH_MAX bytes): the final absolute path */
	/* For rename: the old path, rewritten relative to the chosen server. */
	const char *rename_from;
};

/*
 * Resolves the absolute path abs as docs/taskman.md and docs/abi.md
 * ("Path resolution") describe and sends the request to the server that
 * owns it. Returns the new descriptor (c->keep), the server's status
 * (>= 0) otherwise, or -errno (-ELOOP after SYMLOOP_MAX links).
 */
int __qsoe_connect(const char *abs, struct __qsoe_conn *c) QSOE_HIDDEN;

/* open() without errno: the new descriptor or -errno. */
int __qsoe_open(int dirfd, const char *path, int oflag, mode_t mode) QSOE_HIDDEN;

/* A connection to path for attribute requests (no access checked). */
int __qsoe_open_noaccess(int dirfd, const char *path, int nofollow) QSOE_HIDDEN;

/* ---- descriptors (lib/c/io/fd.c) --------------------------------------------- */

/* True if coid is a file descriptor (not a side channel). */
static inline int __qsoe_isfd(int fd)
{
	return fd >= 0 && !((unsigned)fd & _NTO_SIDE_CHANNEL);
}

/*
 * Makes newfd (>= minfd; exactly minfd if exact) a duplicate of fd sharing
 * its open file description: a connection to the same server and an
 * _IO_DUP naming fd. Returns the new descriptor or -errno.
 */
int __qsoe_dup(int fd, int minfd, int exact, int cloexec) QSOE_HIDDEN;

/*
 * Attaches a connection to (pid, chid) as descriptor fd exactly, and asks
 * the server with _IO_DUP to share the open file description that the
 * connection coid of process owner (server connection scoid) has.
 * Returns fd or -errno.
 */
int __qsoe_dup_from(int fd, pid_t pid, int chid, pid_t owner, int coid, int scoid,
                    int cloexec) QSOE_HIDDEN;

/* close() without errno. */
int __qsoe_close(int fd) QSOE_HIDDEN;

/* fstat() without errno. */
int __qsoe_fstat(int fd, struct stat *st) QSOE_HIDDEN;

/* The largest descriptor number plus one currently in use (0 if none). */
int __qsoe_fd_limit(void) QSOE_HIDDEN;

/* ---- spawning (lib/c/process/spawn.c) --------------------------------------- */

/* Everything a TM_SPAWN request needs; built by posix_spawn, spawn, ... */
struct __qsoe_spawn {
	const char *path; /* the program; searched in $PATH if search and no '/' */
	int search;
	char *const *argv;
	char *const *envp;
	unsigned flags; /* TM_SPAWN_* */
	pid_t pgroup;
	int set_mask; /* sigmask given (else the caller's mask) */
	__sigset_t sigmask, sigdefault;
	__sigset_t sigignore; /* added to the signals the caller ignores */
	int policy;
	struct sched_param param;
	int fd_count;      /* QNX spawn(): descriptors 0..fd_count-1 from fd_map */
	const int *fd_map; /* ... NULL: inherit every descriptor without FD_CLOEXEC */
	const struct tm_fileact *acts;
	size_t nacts;
	const char *actstr;
	size_t actstr_len;
};

/* Starts the program; *pid gets the child's pid. Returns 0 or an errno value. */
int __qsoe_spawn(const struct __qsoe_spawn *s, pid_t *pid) QSOE_HIDDEN;

/* ---- memory, time, threads ------------------------------------------------ */

/* Nanoseconds of a timespec, or -EINVAL if it is not valid. */
int __qsoe_ts_ns(const struct timespec *ts, uint64_t *ns) QSOE_HIDDEN;

/* Start-up hooks of the thread library (lib/c/thread). */
void __qsoe_thread_init(void) QSOE_HIDDEN;
/* Runs the calling thread's TLS key destructors (pthread_exit, exit of main). */
void __qsoe_tsd_run_destructors(void) QSOE_HIDDEN;
/* Deferred cancellation point: acts on a pending pthread_cancel. */
void __qsoe_testcancel(void) QSOE_HIDDEN;
/* Turns the caller's cancelability off (library-internal waits); returns
 * the old TLS flags for __qsoe_cancel_restore. */
unsigned __qsoe_cancel_off(void) QSOE_HIDDEN;
void __qsoe_cancel_restore(unsigned old) QSOE_HIDDEN;

/* Static TLS (PT_TLS): sets up the calling thread's block; see startup/tls.c. */
int __qsoe_tls_init_main(void) QSOE_HIDDEN;
size_t __qsoe_tls_size(void) QSOE_HIDDEN;
void *__qsoe_tls_setup(void *area) QSOE_HIDDEN;

/* Finalisers of the loaded objects, run by exit() (startup/init.c). */
void __qsoe_run_fini(void) QSOE_HIDDEN;

/* part A's exit-time hooks */
void __libc_run_atexit(void);
void __libc_run_quick_exit(void);
void __libc_stdio_exit(void);

#endif /* QSOE_LIBC_OS_H */
