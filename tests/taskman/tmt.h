/*
 * tmt.h - the taskman tests' client side of the taskman protocol
 * (include/qsoe/taskman.h, docs/taskman.md): building TM_* requests and
 * speaking the QNX path-resolution and _IO_* protocol by hand, with no C
 * library. It is also a small worked example of what libc does.
 *
 * Every function returns >= 0 on success or a negative errno.
 */
#ifndef TMT_H
#define TMT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/iomsg.h>
#include <sys/mman.h>
#include <qsoe/abi/tls.h>
#include <qsoe/taskman.h>
#include "ktest.h"

/* The caller's pid (the kernel keeps it in the TLS block). */
static inline pid_t getpid_kt(void)
{
	return __tls()->__pid;
}

/* Sends a request of len bytes to taskman; reply into rbuf (rlen bytes). */
long tmt_send(void *req, size_t len, void *rbuf, size_t rlen);

/* A TM_* request with only a header (type, subtype). */
long tmt_simple(unsigned type, unsigned subtype);

/*
 * Spawns path with the NULL-terminated argv (environment "PATH=/bin:/",
 * cwd "/"), with TM_SPAWN_* flags and pgroup. Returns the pid. rep (may be
 * NULL) receives the spawn reply data. Thread safe for requests under 2 KiB.
 */
long tmt_spawn(const char *path, char *const argv[], unsigned flags, pid_t pgroup,
               struct tm_spawn_reply *rep);

/*
 * As tmt_spawn (no flags), but the request times out after tmo_ms: taskman
 * is then asked to unblock the caller (its channel has _NTO_CHF_UNBLOCK),
 * so the result is whatever taskman answers (EINTR for an abandoned load).
 */
long tmt_spawn_tmo(const char *path, char *const argv[], unsigned tmo_ms);

/* As tmt_spawn with the argument list given inline: tmt_spawnl(path, flags, "a", "b", NULL). */
long tmt_spawnl(const char *path, unsigned flags, ...);

/* TM_WAIT: returns the pid (0 with WNOHANG and nothing to report). */
long tmt_wait(int subtype, int idtype, int id, int options, struct tm_wait_reply *r);

/* Waits for pid and returns its wait status (or -errno). */
long tmt_waitpid(pid_t pid);

long tmt_kill(pid_t pid, int signo);
long tmt_pgid(unsigned type, pid_t pid, pid_t pgid);
long tmt_cred(unsigned subtype, int r, int e, int s, struct tm_cred *out);
long tmt_attach(const char *path, int chid, unsigned handle, unsigned flags, unsigned ftype);
long tmt_detach(int id);
long tmt_link(const char *path, const char *target);
long tmt_unlink_link(const char *path);
long tmt_set_ctty(const char *path);

/*
 * Resolves path (one _IO_CONNECT on SYSMGR_COID). Fills up to max entries
 * and the resolved path; returns the number of entries or -errno.
 */
long tmt_resolve(const char *path, uint32_t ftype, struct _io_connect_entry *ents, int max,
                 char *resolved, size_t rsize);

/* open(): resolution, then the servers in turn; follows link replies. Returns a coid. */
long tmt_open(const char *path, uint32_t ioflag, uint32_t mode);

/* unlink() through the same resolution. */
long tmt_unlink(const char *path);

long tmt_read(int fd, void *buf, size_t n);
long tmt_pread(int fd, void *buf, size_t n, uint64_t off);
long tmt_write(int fd, const void *buf, size_t n);
long tmt_lseek(int fd, int64_t off, int whence);
long tmt_fstat(int fd, struct stat *st);
long tmt_close(int fd);

/* Reads a whole small file into buf (NUL-terminated); returns its length. */
long tmt_slurp(const char *path, char *buf, size_t size);

/* Sleeps about ms milliseconds (a receive with a timeout). */
void tmt_sleep_ms(unsigned ms);

/* Decimal conversions for argv. */
long tmt_atol(const char *s);
void tmt_ltoa(long v, char *buf);

/* Substring search. */
const char *tmt_strstr(const char *h, const char *n);

#endif
