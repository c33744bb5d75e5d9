/*
 * misc.c - perror, remove, tmpfile, tmpnam, tempnam, ctermid.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <limits.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "libc.h"
#include "stdio_impl.h"

/* Print "s: <message for errno>\n" (or just the message) on stderr. */
void perror(const char *s)
{
	int e = errno;
	const char *m = strerror(e);

	FLOCK(stderr);
	if (s && *s) {
		fputs_unlocked(s, stderr);
		fputs_unlocked(": ", stderr);
	}
	fputs_unlocked(m, stderr);
	fputc_unlocked('\n', stderr);
	FUNLOCK(stderr);
	errno = e;
}

/* Print "s: <description of sig>\n" (or just the description) on stderr. */
void psignal(int sig, const char *s)
{
	FLOCK(stderr);
	if (s && *s) {
		fputs_unlocked(s, stderr);
		fputs_unlocked(": ", stderr);
	}
	fputs_unlocked(strsignal(sig), stderr);
	fputc_unlocked('\n', stderr);
	FUNLOCK(stderr);
}

/* psignal for the signal of a siginfo_t. */
void psiginfo(const siginfo_t *info, const char *s)
{
	psignal(info->si_signo, s);
}

/* Remove a file or an empty directory. */
int remove(const char *path)
{
	if (unlink(path) == 0)
		return 0;
	if (errno == EISDIR || errno == EPERM) {
		int e = errno;
		if (rmdir(path) == 0)
			return 0;
		if (errno == ENOTDIR)
			errno = e;
	}
	return -1;
}

/*
 * An anonymous temporary file ("w+"), removed when closed: a file in
 * TMPDIR or P_tmpdir, unlinked at once; where neither can hold files (no
 * writable /tmp), an anonymous shared memory object, which reads, writes
 * and seeks like a file and vanishes with its last descriptor.
 */
FILE *tmpfile(void)
{
	const char *dirs[2] = {getenv("TMPDIR"), P_tmpdir};
	int fd = -1;

	for (int i = 0; i < 2 && fd < 0; i++) {
		if (!dirs[i] || !*dirs[i] || strlen(dirs[i]) > PATH_MAX - 16)
			continue;
		char name[PATH_MAX];
		strcpy(name, dirs[i]);
		strcat(name, "/tmpf.XXXXXX");
		fd = mkostemp(name, O_CLOEXEC);
		if (fd >= 0)
			unlink(name);
	}
	if (fd < 0) {
		int e = errno;
		fd = shm_open(SHM_ANON, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
		if (fd < 0) {
			errno = e; /* the reason the directory failed */
			return NULL;
		}
	}
	FILE *f = fdopen(fd, "w+");
	if (!f)
		close(fd);
	return f;
}

/* A name that did not exist when checked (racy; use mkstemp). */
char *tmpnam(char *s)
{
	static char buf[L_tmpnam];
	char name[] = P_tmpdir "/tmp.XXXXXX";

	if (!*mktemp(name))
		return NULL;
	if (!s)
		s = buf;
	strcpy(s, name);
	return s;
}

/* A malloc'd temporary name in dir (or TMPDIR, P_tmpdir) with prefix pfx. */
char *tempnam(const char *dir, const char *pfx)
{
	const char *d = getenv("TMPDIR");

	if (!d || access(d, W_OK) != 0)
		d = dir;
	if (!d || access(d, W_OK) != 0)
		d = P_tmpdir;
	if (!pfx)
		pfx = "tmp";
	size_t n = strlen(d) + 1 + strnlen(pfx, 5) + 7 + 1;
	char *s = malloc(n);
	if (!s)
		return NULL;
	strcpy(s, d);
	strcat(s, "/");
	strncat(s, pfx, 5);
	strcat(s, "XXXXXX");
	if (!*mktemp(s)) {
		free(s);
		return NULL;
	}
	return s;
}

/* The path of the controlling terminal. */
char *ctermid(char *s)
{
	static char buf[L_ctermid];

	return strcpy(s ? s : buf, "/dev/tty");
}
