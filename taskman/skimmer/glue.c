/*
 * glue.c - the few OS functions the C library's pure parts call inside
 * taskman (malloc wants mmap/munmap; the fatal-error path wants write and
 * raise). taskman must never send itself a message, so these go to the
 * kernel directly: memory with VmMap/VmUnmap, output to the console, and
 * an abort powers the system off (taskman cannot go on without itself).
 */
#include <errno.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>
#include <taskman/seam.h>
#include <taskman/taskman.h>
#include "kcall_user.h"

/* Anonymous memory for malloc (VmMap); files cannot be mapped here. */
void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
	(void)fd;
	(void)off;
	if (!(flags & MAP_ANON)) {
		errno = ENODEV;
		return MAP_FAILED;
	}
	long r = (long)VmMap_r(0, addr, len, prot, flags, 0);
	if (r < 0) {
		errno = (int)-r;
		return MAP_FAILED;
	}
	return (void *)r;
}

/* VmUnmap of taskman's own memory. */
int munmap(void *addr, size_t len)
{
	int r = VmUnmap_r(0, addr, len);
	if (r < 0) {
		errno = -r;
		return -1;
	}
	return 0;
}

/* Descriptors 1 and 2 are the console; nothing else exists. */
ssize_t write(int fd, const void *buf, size_t n)
{
	if (fd != 1 && fd != 2) {
		errno = EBADF;
		return -1;
	}
	seam_console(buf, n);
	return (ssize_t)n;
}

/* Only abort() raises a signal in taskman: there is no going on. */
int raise(int sig)
{
	tm_panic("taskman aborted (signal %d)", sig);
}

/* abort() resets SIGABRT; nothing to do. */
void (*signal(int sig, void (*handler)(int)))(int)
{
	(void)sig;
	(void)handler;
	return SIG_DFL;
}

/* stdio's file-descriptor back end is linked in (printf and stdout share a file) but
   taskman has no descriptors: these fail without sending anything. */
ssize_t read(int fd, void *buf, size_t n)
{
	(void)fd;
	(void)buf;
	(void)n;
	errno = EBADF;
	return -1;
}

/* No descriptors: ESPIPE. */
off_t lseek(int fd, off_t off, int whence)
{
	(void)fd;
	(void)off;
	(void)whence;
	errno = ESPIPE;
	return -1;
}

/* No descriptors: nothing to close. */
int close(int fd)
{
	(void)fd;
	return 0;
}

/* No terminal. */
int isatty(int fd)
{
	(void)fd;
	errno = ENOTTY;
	return 0;
}
