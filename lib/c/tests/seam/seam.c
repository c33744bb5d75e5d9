/*
 * seam.c - the "seam double" for host tests of QSOE libc.
 *
 * QSOE libc reaches the operating system only through a few functions
 * implemented outside it (read, write, open, mmap, Sync*, ...). In host
 * tests the libc objects have every symbol renamed to q_<name>; this file,
 * compiled against glibc, implements the q_ functions libc needs on top of
 * Linux, translating QNX constants (O_*, PROT_*, MAP_*, errno, struct stat)
 * to Linux and back. The QNX values are those of the ABI fragments (include/qsoe/abi) and
 * include/{fcntl,sys/mman,sys/stat}.h; they are repeated here because this
 * file cannot include QSOE headers next to glibc's.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- errno ---------------------------------------------------------------- */

static __thread int q_errno_value;

/* The thread's QSOE errno (libc's __get_errno_ptr). */
int *q___get_errno_ptr(void)
{
	return &q_errno_value;
}

/* Linux errno -> QNX errno. 1..34 are the same on both. */
int seam_qnx_errno(int e)
{
	if (e >= 0 && e <= 34)
		return e;
	switch (e) {
	case EDEADLK:
		return 45;
	case ENAMETOOLONG:
		return 78;
	case ENOLCK:
		return 46;
	case ENOSYS:
		return 89;
	case ENOTEMPTY:
		return 93;
	case ELOOP:
		return 90;
	case EOVERFLOW:
		return 79;
	case EILSEQ:
		return 88;
	case ENOTSUP:
		return 48;
	case ETIMEDOUT:
		return 260;
	case ENODATA:
		return 61;
	default:
		return 5; /* EIO */
	}
}

/* Record the current Linux errno as the QSOE errno; returns -1. */
static int fail(void)
{
	q_errno_value = seam_qnx_errno(errno);
	return -1;
}

/* ---- locks ------------------------------------------------------------------- */

struct q_sync {
	unsigned count;
	unsigned owner;
};

#define Q_WAITING 0x80000000u

static pthread_mutex_t sync_guard = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t sync_wake = PTHREAD_COND_INITIALIZER;

/* Owner value of the calling thread (its Linux tid, never 0). */
unsigned q___qsoe_lock_owner(void)
{
	return (unsigned)gettid();
}

/*
 * Kernel slow path of a mutex: wait until the owner field is free, then
 * take it. Sets the waiting bit so the owner's unlock comes here.
 */
int q_SyncMutexLock(struct q_sync *s)
{
	unsigned self = (unsigned)gettid();

	pthread_mutex_lock(&sync_guard);
	for (;;) {
		unsigned o = __atomic_load_n(&s->owner, __ATOMIC_ACQUIRE);
		if ((o & ~Q_WAITING) == 0) {
			if (__atomic_compare_exchange_n(&s->owner, &o, self | Q_WAITING, 0,
			                                __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
				break;
			continue;
		}
		if ((o & ~Q_WAITING) == self) {
			pthread_mutex_unlock(&sync_guard);
			q_errno_value = 45; /* EDEADLK */
			return -1;
		}
		if (!(o & Q_WAITING) &&
		    !__atomic_compare_exchange_n(&s->owner, &o, o | Q_WAITING, 0, __ATOMIC_ACQ_REL,
		                                 __ATOMIC_RELAXED))
			continue;
		pthread_cond_wait(&sync_wake, &sync_guard);
	}
	pthread_mutex_unlock(&sync_guard);
	return 0;
}

/* Kernel slow path of an unlock: free the mutex and wake the waiters. */
int q_SyncMutexUnlock(struct q_sync *s)
{
	pthread_mutex_lock(&sync_guard);
	__atomic_store_n(&s->owner, 0, __ATOMIC_RELEASE);
	pthread_cond_broadcast(&sync_wake);
	pthread_mutex_unlock(&sync_guard);
	return 0;
}

/* ---- memory ------------------------------------------------------------------ */

#define Q_PROT_READ   0x100
#define Q_PROT_WRITE  0x200
#define Q_PROT_EXEC   0x400
#define Q_MAP_SHARED  0x1
#define Q_MAP_PRIVATE 0x2
#define Q_MAP_FIXED   0x10
#define Q_MAP_ANON    0x80000

/* Counters the malloc tests read: live bytes mapped through q_mmap. */
long seam_mapped_bytes;
long seam_mmap_calls;
/* If nonzero, q_mmap fails with ENOMEM once this many more bytes would be mapped. */
long seam_mmap_limit;

/* mmap with QNX flag values. */
void *q_mmap(void *addr, size_t len, int prot, int flags, int fd, long off)
{
	int lp = 0, lf = 0;

	if (prot & ~(Q_PROT_READ | Q_PROT_WRITE | Q_PROT_EXEC)) {
		q_errno_value = 22;
		return MAP_FAILED;
	}
	if (prot & Q_PROT_READ)
		lp |= PROT_READ;
	if (prot & Q_PROT_WRITE)
		lp |= PROT_WRITE;
	if (prot & Q_PROT_EXEC)
		lp |= PROT_EXEC;
	if (flags & Q_MAP_SHARED)
		lf |= MAP_SHARED;
	if (flags & Q_MAP_PRIVATE)
		lf |= MAP_PRIVATE;
	if (flags & Q_MAP_FIXED)
		lf |= MAP_FIXED;
	if (flags & Q_MAP_ANON)
		lf |= MAP_ANONYMOUS;
	if (seam_mmap_limit && (long)len > seam_mmap_limit - seam_mapped_bytes) {
		q_errno_value = 12;
		return MAP_FAILED;
	}
	void *p = mmap(addr, len, lp, lf, fd, off);
	if (p == MAP_FAILED) {
		fail();
		return p;
	}
	__atomic_add_fetch(&seam_mapped_bytes, (long)len, __ATOMIC_RELAXED);
	__atomic_add_fetch(&seam_mmap_calls, 1, __ATOMIC_RELAXED);
	return p;
}

/* munmap. */
int q_munmap(void *addr, size_t len)
{
	if (munmap(addr, len) != 0)
		return fail();
	__atomic_sub_fetch(&seam_mapped_bytes, (long)len, __ATOMIC_RELAXED);
	return 0;
}

/* ---- files ---------------------------------------------------------------------- */

/* QNX open flags -> Linux. */
static int linux_oflags(int q)
{
	int f = q & 3;

	if (q & 010)
		f |= O_APPEND;
	if (q & 020)
		f |= O_DSYNC;
	if (q & 040)
		f |= O_SYNC;
	if (q & 0200)
		f |= O_NONBLOCK;
	if (q & 0400)
		f |= O_CREAT;
	if (q & 01000)
		f |= O_TRUNC;
	if (q & 02000)
		f |= O_EXCL;
	if (q & 04000)
		f |= O_NOCTTY;
	if (q & 010000)
		f |= O_NOFOLLOW;
	if (q & 020000)
		f |= O_CLOEXEC;
	if (q & 04000000)
		f |= O_DIRECTORY;
	return f;
}

/* Flags of the last q_open call (tests check fopen's mode translation). */
int seam_last_open_flags;

int q_open(const char *path, int flags, ...)
{
	unsigned mode = 0;

	seam_last_open_flags = flags;
	if (flags & 0400) {
		va_list ap;
		va_start(ap, flags);
		mode = va_arg(ap, unsigned);
		va_end(ap);
	}
	int fd = open(path, linux_oflags(flags), mode);
	return fd < 0 ? fail() : fd;
}

/* Anonymous shared memory objects made through q_shm_open (tmpfile's fallback). */
int seam_shm_anon_calls;

/* shm_open: only SHM_ANON ((const char *)-1) is modelled, as an unlinked memfd. */
int q_shm_open(const char *name, int flags, unsigned mode)
{
	(void)mode;
	if (name != (const char *)-1) {
		q_errno_value = 89; /* ENOSYS */
		return -1;
	}
	seam_shm_anon_calls++;
	int fd = memfd_create("seam-shm", (flags & 020000) ? MFD_CLOEXEC : 0);
	return fd < 0 ? fail() : fd;
}

int q_close(int fd)
{
	return close(fd) ? fail() : 0;
}

/* Bytes written through q_write / calls (buffering tests). */
long seam_write_calls;

long q_read(int fd, void *buf, size_t n)
{
	ssize_t r = read(fd, buf, n);
	return r < 0 ? fail() : r;
}

long q_write(int fd, const void *buf, size_t n)
{
	seam_write_calls++;
	ssize_t r = write(fd, buf, n);
	return r < 0 ? fail() : r;
}

long q_lseek(int fd, long off, int whence)
{
	off_t r = lseek(fd, off, whence);
	return r < 0 ? fail() : r;
}

/* If >= 0, q_isatty reports this instead of asking Linux. */
int seam_force_isatty = -1;

int q_isatty(int fd)
{
	if (seam_force_isatty >= 0)
		return seam_force_isatty;
	if (isatty(fd))
		return 1;
	q_errno_value = 25; /* ENOTTY */
	return 0;
}

/* QNX struct stat, 120 bytes. */
struct q_stat {
	uint64_t st_ino;
	int64_t st_size;
	uint32_t st_dev, st_rdev;
	int32_t st_uid, st_gid;
	uint32_t old_mtime, old_atime, old_ctime;
	uint32_t st_mode, st_nlink, st_blocksize;
	int32_t st_nblocks;
	uint32_t st_blksize;
	uint64_t st_blocks;
	struct timespec st_mtim, st_atim, st_ctim;
};

static void to_qstat(const struct stat *s, struct q_stat *q)
{
	memset(q, 0, sizeof(*q));
	q->st_ino = s->st_ino;
	q->st_size = s->st_size;
	q->st_dev = (uint32_t)s->st_dev;
	q->st_rdev = (uint32_t)s->st_rdev;
	q->st_uid = (int32_t)s->st_uid;
	q->st_gid = (int32_t)s->st_gid;
	q->st_mode = s->st_mode; /* S_IF* and permission bits match */
	q->st_nlink = (uint32_t)s->st_nlink;
	q->st_blksize = (uint32_t)s->st_blksize;
	q->st_blocksize = 512;
	q->st_blocks = (uint64_t)s->st_blocks;
	q->st_nblocks = (int32_t)s->st_blocks;
	q->st_mtim = s->st_mtim;
	q->st_atim = s->st_atim;
	q->st_ctim = s->st_ctim;
}

int q_fstat(int fd, struct q_stat *q)
{
	struct stat s;
	if (fstat(fd, &s))
		return fail();
	to_qstat(&s, q);
	return 0;
}

int q_stat(const char *path, struct q_stat *q)
{
	struct stat s;
	if (stat(path, &s))
		return fail();
	to_qstat(&s, q);
	return 0;
}

int q_lstat(const char *path, struct q_stat *q)
{
	struct stat s;
	if (lstat(path, &s))
		return fail();
	to_qstat(&s, q);
	return 0;
}

int q_unlink(const char *path)
{
	return unlink(path) ? fail() : 0;
}

int q_rmdir(const char *path)
{
	return rmdir(path) ? fail() : 0;
}

int q_rename(const char *from, const char *to)
{
	return rename(from, to) ? fail() : 0;
}

int q_mkdir(const char *path, unsigned mode)
{
	return mkdir(path, mode) ? fail() : 0;
}

long q_readlink(const char *path, char *buf, size_t n)
{
	ssize_t r = readlink(path, buf, n);
	return r < 0 ? fail() : r;
}

char *q_getcwd(char *buf, size_t n)
{
	char *r = getcwd(buf, n);
	if (!r)
		fail();
	return r;
}

int q_getpid(void)
{
	return getpid();
}

int q_dup(int fd)
{
	int r = dup(fd);
	return r < 0 ? fail() : r;
}

int q_dup2(int fd, int fd2)
{
	int r = dup2(fd, fd2);
	return r < 0 ? fail() : r;
}

int q_pipe(int fds[2])
{
	return pipe(fds) ? fail() : 0;
}

/* F_GETFD 1, F_SETFD 2, F_GETFL 3, F_SETFL 4; FD_CLOEXEC is 1 on both. */
int q_fcntl(int fd, int cmd, ...)
{
	va_list ap;
	va_start(ap, cmd);
	long arg = va_arg(ap, long);
	va_end(ap);
	int r;
	switch (cmd) {
	case 1:
		r = fcntl(fd, F_GETFD);
		break;
	case 2:
		r = fcntl(fd, F_SETFD, (int)arg);
		break;
	default:
		q_errno_value = 22;
		return -1;
	}
	return r < 0 ? fail() : r;
}

/* ---- processes and signals ------------------------------------------------- */

/* QNX signal number -> Linux (the ones libc raises). */
static int linux_sig(int q)
{
	switch (q) {
	case 6:
		return SIGABRT;
	case 15:
		return SIGTERM;
	case 2:
		return SIGINT;
	case 9:
		return SIGKILL;
	case 13:
		return SIGPIPE;
	default:
		return q;
	}
}

int q_raise(int sig)
{
	return raise(linux_sig(sig)) ? fail() : 0;
}

typedef void (*q_handler)(int);

q_handler q_signal(int sig, q_handler h)
{
	return signal(linux_sig(sig), h);
}

void q__exit(int status)
{
	_exit(status);
}

void q__Exit(int status)
{
	_exit(status);
}

/* exit() of the OS half: the atexit handlers and stdio of qlibc when they are linked in. */
void q___libc_run_atexit(void) __attribute__((weak));
void q___libc_stdio_exit(void) __attribute__((weak));
void q_exit(int status)
{
	if (q___libc_run_atexit)
		q___libc_run_atexit();
	if (q___libc_stdio_exit)
		q___libc_stdio_exit();
	_exit(status);
}

/* Spawn file actions: QNX's handle is a pointer, here to a glibc object. */
int q_posix_spawn_file_actions_init(void **fa)
{
	posix_spawn_file_actions_t *a = malloc(sizeof(*a));
	if (!a)
		return 12;
	*fa = a;
	return posix_spawn_file_actions_init(a);
}

int q_posix_spawn_file_actions_destroy(void **fa)
{
	posix_spawn_file_actions_destroy(*fa);
	free(*fa);
	return 0;
}

int q_posix_spawn_file_actions_adddup2(void **fa, int fd, int newfd)
{
	return posix_spawn_file_actions_adddup2(*fa, fd, newfd);
}

int q_posix_spawn_file_actions_addclose(void **fa, int fd)
{
	return posix_spawn_file_actions_addclose(*fa, fd);
}

int q_posix_spawn(int *pid, const char *path, void **fa, const void *attr, char *const argv[],
                  char *const envp[])
{
	(void)attr;
	int e = posix_spawn(pid, path, fa ? *fa : NULL, NULL, argv, envp);
	return e ? seam_qnx_errno(e) : 0;
}

int q_waitpid(int pid, int *status, int options)
{
	int r;
	/* QNX WNOHANG is 0x40; status encoding matches Linux. */
	do
		r = waitpid(pid, status, (options & 0x40) ? WNOHANG : 0);
	while (r < 0 && errno == EINTR);
	return r < 0 ? fail() : r;
}

/* F_OK 0, X_OK 1, W_OK 2, R_OK 4: the same values on both. */
int q_access(const char *path, int mode)
{
	return access(path, mode) ? fail() : 0;
}
