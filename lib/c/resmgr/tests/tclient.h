/*
 * tclient.h - a minimal client side of the _IO_* protocol for host tests
 * (QSOE side: compiled against QSOE's headers, run on the kernel double).
 * It speaks to resource managers exactly as libc's open()/read()/... do
 * (docs/resmgr.md "The client side"), with path resolution from the
 * double's table of attached paths instead of taskman.
 *
 * Functions return what the POSIX call would, with errno set on failure.
 */
#ifndef TCLIENT_H
#define TCLIENT_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/neutrino.h>

/* Test assertions (counted; printed on failure). */
extern int t_pass, t_fail;
#define CHECK(c, ...)                                               \
	do {                                                        \
		if (c) {                                            \
			t_pass++;                                   \
		} else {                                            \
			t_fail++;                                   \
			printf("FAIL %s:%d: ", __FILE__, __LINE__); \
			printf(__VA_ARGS__);                        \
			printf("\n");                               \
		}                                                   \
	} while (0)

/* Kernel-double controls (kd_msg.c). */
void kd_set_pid(int pid);
int kd_get_pid(void);
void kd_set_cred(int pid, unsigned uid, unsigned gid, unsigned ngroups, const unsigned *groups);
int kd_signals(int pid, int signo);
void kd_kill_process(int pid);
int kd_nconns(int pid);
int kd_nscoids(int server_pid);
int kd_resolve(const char *path, int *pid, int *chid, unsigned *handle, int *prefix_len);

int tc_open(const char *path, int oflag, mode_t mode);
int tc_connect(const char *path, int subtype, int oflag, mode_t mode, const void *extra,
               size_t extra_len, int extra_type);
int tc_stat(const char *path, struct stat *st); /* combined open + stat + close */
int tc_unlink(const char *path);
ssize_t tc_read(int fd, void *buf, size_t n);
ssize_t tc_read_x(int fd, void *buf, size_t n, uint32_t xtype, const void *xdata, size_t xlen);
ssize_t tc_write(int fd, const void *buf, size_t n);
ssize_t tc_write_x(int fd, const void *buf, size_t n, uint32_t xtype);
off_t tc_lseek(int fd, off_t off, int whence);
int tc_fstat(int fd, struct stat *st);
int tc_devctl(int fd, int dcmd, void *data, size_t n, int *info);
int tc_close(int fd);
int tc_dup(int fd); /* _IO_DUP in the same process */
/* _IO_DUP of another process's connection (the child side of spawn). */
int tc_dup_from(pid_t owner, int owner_scoid, int owner_coid, pid_t server, int chid);
int tc_openfd(int fd, int oflag, int xtype); /* _IO_OPENFD */
int tc_msg(int fd, uint16_t type);
/* _IO_FDINFO: the path the descriptor was opened by; returns its length or -1. */
long tc_fdpath(int fd, char *buf, size_t n); /* a bare message of this type (unknown ones) */
/* _IO_NOTIFY; returns the conditions met (reply flags) or -1. */
int tc_notify(int fd, int action, int cond, const struct sigevent *ev);

#endif /* TCLIENT_H */
