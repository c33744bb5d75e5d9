/*
 * cwd.c - the current directory: chdir, fchdir, getcwd.
 *
 * QSOE keeps the current directory in the C library, as an absolute path
 * (servers never see relative paths). It is inherited through the spawn
 * request and the start-up block (AT_QSOE_CWD).
 *
 * Storage: two buffers and a generation count. A writer (holding cwd_lock)
 * fills the buffer readers are not using and then bumps the generation; a
 * reader copies the current buffer and retries if two or more writes
 * happened meanwhile. Readers take no lock, so open() stays usable from a
 * signal handler even if the interrupted code was in chdir().
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "qsoe_os.h"

static char cwd_buf[2][PATH_MAX] = {"/", "/"};
static unsigned cwd_gen;
static qsoe_lock_t cwd_lock = QSOE_LOCK_INIT;

void __qsoe_cwd_get(char *out)
{
	for (;;) {
		unsigned g = __atomic_load_n(&cwd_gen, __ATOMIC_ACQUIRE);
		const char *s = cwd_buf[g & 1];
		size_t i = 0;
		while (i < PATH_MAX - 1 && (out[i] = __atomic_load_n(&s[i], __ATOMIC_RELAXED)))
			i++;
		out[i] = 0;
		__atomic_thread_fence(__ATOMIC_ACQUIRE);
		if (__atomic_load_n(&cwd_gen, __ATOMIC_RELAXED) - g < 2)
			return;
	}
}

void __qsoe_cwd_set(const char *abs)
{
	qsoe_lock(&cwd_lock);
	unsigned g = cwd_gen;
	char *d = cwd_buf[(g + 1) & 1];
	size_t n = strnlen(abs, PATH_MAX - 1);
	for (size_t i = 0; i < n; i++)
		__atomic_store_n(&d[i], abs[i], __ATOMIC_RELAXED);
	__atomic_store_n(&d[n], 0, __ATOMIC_RELAXED);
	__atomic_store_n(&cwd_gen, g + 1, __ATOMIC_RELEASE);
	qsoe_unlock(&cwd_lock);
}

/* Makes the directory open on fd, whose path is abs, the current directory. */
static int set_from_fd(int fd, const char *abs)
{
	struct stat st;
	int r = __qsoe_fstat(fd, &st);

	if (r == 0 && !S_ISDIR(st.st_mode))
		r = -ENOTDIR;
	if (r == 0)
		__qsoe_cwd_set(abs);
	return r;
}

/*
 * Changes the current directory to path: one combined _IO_STAT (with
 * search permission asked) checks it is a directory; the path kept is the
 * one resolution ended at (symbolic links followed).
 */
int chdir(const char *path)
{
	char abs[PATH_MAX], resolved[PATH_MAX];
	struct _io_stat m = {.type = _IO_STAT, .combine_len = sizeof(m)};
	struct stat st;
	unsigned eflag;
	int r = __qsoe_abspath(AT_FDCWD, path, abs, &eflag);

	if (r < 0)
		return (int)__qsoe_ret(r);
	struct __qsoe_conn c = {
	        .subtype = _IO_CONNECT_COMBINE_CLOSE,
	        .access = S_IEXEC,
	        .eflag = eflag | _IO_CONNECT_EFLAG_DIR,
	        .io = &m,
	        .io_len = sizeof(m),
	        .reply = &st,
	        .reply_len = sizeof(st),
	        .resolved = resolved,
	};
	r = __qsoe_connect(abs, &c);
	if (r >= 0 && !S_ISDIR(st.st_mode))
		r = -ENOTDIR;
	if (r >= 0)
		__qsoe_cwd_set(resolved);
	return (int)__qsoe_ret(r < 0 ? r : 0);
}

/* Changes the current directory to the directory open on fd. */
int fchdir(int fd)
{
	char abs[PATH_MAX];
	int r = __qsoe_fdpath(fd, abs, sizeof(abs));

	if (r == 0)
		r = set_from_fd(fd, abs);
	return (int)__qsoe_ret(r);
}

/*
 * Copies the current directory into buf (size bytes). With buf NULL, a
 * buffer of size bytes (or just enough, if size is 0) is allocated.
 * Returns buf, or NULL with errno (ERANGE: too small, EINVAL: size 0).
 */
char *getcwd(char *buf, size_t size)
{
	char cur[PATH_MAX];

	__qsoe_cwd_get(cur);
	size_t n = strlen(cur) + 1;
	if (buf == NULL) {
		if (size == 0)
			size = n;
		if (size < n) {
			errno = ERANGE;
			return NULL;
		}
		buf = malloc(size);
		if (buf == NULL)
			return NULL;
	} else if (size == 0) {
		errno = EINVAL;
		return NULL;
	} else if (size < n) {
		errno = ERANGE;
		return NULL;
	}
	memcpy(buf, cur, n);
	return buf;
}
