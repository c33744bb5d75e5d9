/*
 * abi_cross_check.c - compiled (not run) by the RISC-V cross compiler for
 * the target ABI (rv64gc/lp64d, freestanding): every QNX API header from
 * the ABI task must compile, and the _IO_* message layouts must have QNX's
 * 64-bit sizes. A wrong layout is a compile error, which fails the test.
 */
#include <sys/neutrino.h>
#include <sys/siginfo.h>
#include <sys/iomsg.h>
#include <qsoe/abi/errno.h>
#include <qsoe/abi/tls.h>

#define OFF(t, m) __builtin_offsetof(t, m)

_Static_assert(sizeof(long) == 8 && sizeof(void *) == 8, "LP64 target");
_Static_assert(sizeof(struct sigevent) == 32, "sigevent");
_Static_assert(sizeof(siginfo_t) == 48, "siginfo_t");
_Static_assert(sizeof(struct _msg_info) == 64, "_msg_info");
_Static_assert(sizeof(struct _thread_local_storage) == 104, "TLS");
_Static_assert(sizeof(rcvid_t) == 8, "rcvid_t");
_Static_assert(sizeof(sync_t) == 8, "sync_t");

_Static_assert(sizeof(struct _io_connect) == 40, "_io_connect header");
_Static_assert(OFF(struct _io_connect, file_type) == 4, "");
_Static_assert(OFF(struct _io_connect, handle) == 16, "");
_Static_assert(OFF(struct _io_connect, ioflag) == 20, "");
_Static_assert(OFF(struct _io_connect, sflag) == 28, "");
_Static_assert(OFF(struct _io_connect, path_len) == 34, "");
_Static_assert(OFF(struct _io_connect, eflag) == 36, "");
_Static_assert(OFF(struct _io_connect, extra_len) == 38, "");
_Static_assert(OFF(struct _io_connect, path) == 40, "");
_Static_assert(sizeof(struct _io_connect_link_reply) == 20, "");
_Static_assert(OFF(struct _io_connect_link_reply, nentries) == 16, "");
_Static_assert(sizeof(struct _io_connect_ftype_reply) == 8, "");
_Static_assert(sizeof(struct _io_connect_entry) == 32, "");
_Static_assert(OFF(struct _io_connect_entry, prefix_len) == 24, "");
_Static_assert(sizeof(struct _io_read) == 16 && sizeof(struct _io_read64) == 16, "");
_Static_assert(sizeof(struct _io_write) == 16 && sizeof(struct _io_write64) == 16, "");
_Static_assert(OFF(struct _io_read, xtype) == 8, "");
_Static_assert(sizeof(struct _io_stat) == 8, "");
_Static_assert(sizeof(struct _io_notify) == 88, "");
_Static_assert(OFF(struct _io_notify, event) == 16, "");
_Static_assert(OFF(struct _io_notify, timo) == 80, "");
_Static_assert(sizeof(struct _io_notify_reply) == 88, "");
_Static_assert(sizeof(struct _io_devctl) == 16 && sizeof(struct _io_devctl_reply) == 16, "");
_Static_assert(sizeof(struct _io_pathconf) == 8, "");
_Static_assert(sizeof(struct _io_lseek) == 16 && OFF(struct _io_lseek, offset) == 8, "");
_Static_assert(sizeof(struct _io_chmod) == 8 && sizeof(struct _io_chown) == 12, "");
_Static_assert(sizeof(struct _io_utime) == 24, "");
_Static_assert(sizeof(struct _io_openfd) == 68 && OFF(struct _io_openfd, info) == 12, "");
_Static_assert(sizeof(struct _fdinfo) == 64 && sizeof(struct _io_fdinfo_reply) == 72, "");
_Static_assert(sizeof(struct _io_fdinfo) == 16, "");
_Static_assert(sizeof(struct _io_lock) == 12 && sizeof(struct _io_lock_reply) == 12, "");
_Static_assert(sizeof(struct _io_space) == 24 && OFF(struct _io_space, start) == 8, "");
_Static_assert(sizeof(struct _io_mmap) == 88 && OFF(struct _io_mmap, info) == 16, "");
_Static_assert(sizeof(struct _io_mmap_reply) == 24, "");
_Static_assert(sizeof(struct _io_dup) == 60, "");
_Static_assert(sizeof(struct _io_msg) == 8 && sizeof(struct _io_sync) == 8, "");
_Static_assert(sizeof(struct _io_close) == 4 && sizeof(struct _io_combine) == 4, "");

/* The macros expand and type-check. */
struct ctx {
	long status;
};

/* Exercise the sigevent, iov and reply-status macros; never run. */
int abi_cross_check(int coid, io_write_t *w, struct ctx *c)
{
	struct sigevent ev;
	iov_t iov;

	SIGEV_PULSE_INIT(&ev, coid, SIGEV_PULSE_PRIO_INHERIT, _PULSE_CODE_MINAVAIL, 0);
	SIGEV_THREAD_INIT(&ev, 0, 0, 0);
	SIGEV_MAKE_UPDATEABLE(&ev);
	SETIOV(&iov, w, sizeof *w);
	_IO_SET_WRITE_NBYTES(c, (long)_IO_WRITE_GET_NBYTES(w));
	_IO_SET_CONNECT_RET(c, _IO_CONNECT_RET_LINK);
	return (int)iov.iov_len + (int)ClockCycles() + (__tls()->__errval);
}
