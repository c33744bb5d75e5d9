/*
 * partb_seam.c - the OS functions part B of libc calls that the shared seam
 * double (../seam/seam.c) does not provide, implemented over glibc for the
 * host tests: clock_gettime, clock_getres, the directory stream functions (translating
 * Linux's struct dirent to QNX's), and a recording double of the internal
 * __syslog_write() that the real libc implements over slogger.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

int seam_qnx_errno(int e);
int *q___get_errno_ptr(void);

/* ---- clocks (QNX and Linux share CLOCK_REALTIME 0 and struct timespec) ---- */

int q_clock_gettime(int id, struct timespec *ts)
{
	if (clock_gettime(id == 2 ? CLOCK_MONOTONIC : CLOCK_REALTIME, ts) < 0) {
		*q___get_errno_ptr() = seam_qnx_errno(errno);
		return -1;
	}
	return 0;
}

/* clock_getres (timespec_getres): QNX CLOCK_MONOTONIC is 2, anything else realtime. */
int q_clock_getres(int id, struct timespec *ts)
{
	if (clock_getres(id == 2 ? CLOCK_MONOTONIC : CLOCK_REALTIME, ts) < 0) {
		*q___get_errno_ptr() = seam_qnx_errno(errno);
		return -1;
	}
	return 0;
}

/* ---- directories: QNX struct dirent {ino_t, off_t, short reclen, short namelen, name} ---- */

struct q_dirent {
	uint64_t d_ino;
	int64_t d_offset;
	int16_t d_reclen;
	int16_t d_namelen;
	char d_name[];
};

struct q_dir {
	DIR *d;
	struct q_dirent *ent; /* room for the longest name */
};

/* Counters tests read: directories opened and not closed. */
int partb_open_dirs;

void *q_opendir(const char *path)
{
	DIR *d = opendir(path);
	if (!d) {
		*q___get_errno_ptr() = seam_qnx_errno(errno);
		return NULL;
	}
	struct q_dir *q = malloc(sizeof(*q));
	q->d = d;
	q->ent = malloc(sizeof(struct q_dirent) + 256);
	partb_open_dirs++;
	return q;
}

struct q_dirent *q_readdir(void *dir)
{
	struct q_dir *q = dir;
	errno = 0;
	struct dirent *e = readdir(q->d);
	if (!e) {
		if (errno)
			*q___get_errno_ptr() = seam_qnx_errno(errno);
		return NULL;
	}
	size_t n = strlen(e->d_name);
	q->ent->d_ino = e->d_ino;
	q->ent->d_offset = 0;
	q->ent->d_namelen = (int16_t)n;
	q->ent->d_reclen = (int16_t)(sizeof(struct q_dirent) + n + 1);
	memcpy(q->ent->d_name, e->d_name, n + 1);
	return q->ent;
}

int q_closedir(void *dir)
{
	struct q_dir *q = dir;
	closedir(q->d);
	free(q->ent);
	free(q);
	partb_open_dirs--;
	return 0;
}

/* ---- the syslog sink ---- */

/* The last messages __syslog_write received, for the syslog test. */
int partb_syslog_count;
int partb_syslog_pri[64];
char partb_syslog_msg[64][1024];

int q___syslog_write(int pri, const char *msg)
{
	int i = partb_syslog_count++ % 64;
	partb_syslog_pri[i] = pri;
	strncpy(partb_syslog_msg[i], msg, sizeof(partb_syslog_msg[i]) - 1);
	partb_syslog_msg[i][sizeof(partb_syslog_msg[i]) - 1] = 0;
	return 0;
}

/* ---- ids ---- */

int q_getuid(void)
{
	return (int)getuid();
}
