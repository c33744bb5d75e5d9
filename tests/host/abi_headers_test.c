/*
 * abi_headers_test.c - the shared ABI fragments (include/qsoe/abi) and the
 * generated _IO_* codes have QNX Neutrino's values and 64-bit layouts.
 *
 * Built for the host (LP64, like RV64). It includes no C library header:
 * the fragments define errno and signal names that clash with glibc's, so
 * the test declares printf() itself and uses __builtin_offsetof. Every check
 * is a row of (what, actual, expected); the expected numbers are QNX's as
 * read from QNX's documentation and rust-lang/libc src/unix/nto, written out
 * here independently of the headers.
 */
#include <qsoe/abi/errno.h>
#include <qsoe/abi/signal.h>
#include <qsoe/abi/types.h>
#include <qsoe/abi/time.h>
#include <qsoe/abi/sched.h>
#include <qsoe/abi/tls.h>
#include <qsoe/abi/uio.h>
#include <qsoe/abi/neutrino.h>
#include <sys/iomsg_codes.h>

int printf(const char *fmt, ...);
int strcmp(const char *a, const char *b);

#define OFF(t, m) ((long)__builtin_offsetof(t, m))

struct check {
	const char *what;
	long actual;
	long expected;
};

#define C(x, v)                          \
	{                                \
#x, (long)(x), (long)(v) \
	}

/* errno values: QNX's numbering (rust-lang/libc nto/mod.rs, QNX <errno.h>). */
static const struct check errnos[] = {
        C(EOK, 0),
        C(EPERM, 1),
        C(ENOENT, 2),
        C(ESRCH, 3),
        C(EINTR, 4),
        C(EIO, 5),
        C(ENXIO, 6),
        C(E2BIG, 7),
        C(ENOEXEC, 8),
        C(EBADF, 9),
        C(ECHILD, 10),
        C(EAGAIN, 11),
        C(EWOULDBLOCK, 11),
        C(ENOMEM, 12),
        C(EACCES, 13),
        C(EFAULT, 14),
        C(EBUSY, 16),
        C(EEXIST, 17),
        C(EXDEV, 18),
        C(ENODEV, 19),
        C(ENOTDIR, 20),
        C(EISDIR, 21),
        C(EINVAL, 22),
        C(ENFILE, 23),
        C(EMFILE, 24),
        C(ENOTTY, 25),
        C(ETXTBSY, 26),
        C(EFBIG, 27),
        C(ENOSPC, 28),
        C(ESPIPE, 29),
        C(EROFS, 30),
        C(EMLINK, 31),
        C(EPIPE, 32),
        C(EDOM, 33),
        C(ERANGE, 34),
        C(ENOMSG, 35),
        C(EIDRM, 36),
        C(EDEADLK, 45),
        C(ENOLCK, 46),
        C(ECANCELED, 47),
        C(ENOTSUP, 48),
        C(EDQUOT, 49),
        C(EDEADLOCK, 56),
        C(EOWNERDEAD, 58),
        C(ENODATA, 61),
        C(ETIME, 62),
        C(EPROTO, 71),
        C(EBADMSG, 77),
        C(ENAMETOOLONG, 78),
        C(EOVERFLOW, 79),
        C(EILSEQ, 88),
        C(ENOSYS, 89),
        C(ELOOP, 90),
        C(ERESTART, 91),
        C(ENOTEMPTY, 93),
        C(ENOTRECOVERABLE, 95),
        C(EOPNOTSUPP, 103),
        C(ESTALE, 122),
        C(EINPROGRESS, 236),
        C(EALREADY, 237),
        C(ENOTSOCK, 238),
        C(EMSGSIZE, 240),
        C(EADDRINUSE, 248),
        C(ECONNRESET, 254),
        C(ENOBUFS, 255),
        C(ENOTCONN, 257),
        C(ETIMEDOUT, 260),
        C(ECONNREFUSED, 261),
        C(EHOSTUNREACH, 265),
        C(ENOREMOTE, 300),
        C(EBADFSYS, 302),
        C(EMORE, 309),
        C(ENOLIC, 311),
        C(ESRVRFAULT, 312),
        C(EENDIAN, 313),
        C(ESECTYPEINVAL, 314),
};

/* Signals, sigevent types, codes, flags. */
static const struct check signals[] = {
        C(SIGHUP, 1),
        C(SIGINT, 2),
        C(SIGQUIT, 3),
        C(SIGILL, 4),
        C(SIGTRAP, 5),
        C(SIGABRT, 6),
        C(SIGEMT, 7),
        C(SIGFPE, 8),
        C(SIGKILL, 9),
        C(SIGBUS, 10),
        C(SIGSEGV, 11),
        C(SIGSYS, 12),
        C(SIGPIPE, 13),
        C(SIGALRM, 14),
        C(SIGTERM, 15),
        C(SIGUSR1, 16),
        C(SIGUSR2, 17),
        C(SIGCHLD, 18),
        C(SIGPWR, 19),
        C(SIGWINCH, 20),
        C(SIGURG, 21),
        C(SIGPOLL, 22),
        C(SIGIO, 22),
        C(SIGSTOP, 23),
        C(SIGTSTP, 24),
        C(SIGCONT, 25),
        C(SIGTTIN, 26),
        C(SIGTTOU, 27),
        C(SIGVTALRM, 28),
        C(SIGPROF, 29),
        C(SIGXCPU, 30),
        C(SIGXFSZ, 31),
        C(SIGRTMIN, 41),
        C(SIGRTMAX, 56),
        C(NSIG, 57),
        C(_SIGMAX, 64),
        C(SIGSELECT, 57),
        C(SIG_BLOCK, 0),
        C(SIG_UNBLOCK, 1),
        C(SIG_SETMASK, 2),
        C(SA_NOCLDSTOP, 0x1),
        C(SA_SIGINFO, 0x2),
        C(SA_RESETHAND, 0x4),
        C(SA_NODEFER, 0x10),
        C(SA_NOCLDWAIT, 0x20),
        C(SIGEV_NONE, 0),
        C(SIGEV_SIGNAL, 129),
        C(SIGEV_SIGNAL_CODE, 130),
        C(SIGEV_SIGNAL_THREAD, 131),
        C(SIGEV_PULSE, 132),
        C(SIGEV_UNBLOCK, 133),
        C(SIGEV_INTR, 134),
        C(SIGEV_THREAD, 135),
        C(SIGEV_MEMORY, 136),
        C(SIGEV_PULSE_PRIO_INHERIT, -1),
        C(SI_USER, 0),
        C(SI_QUEUE, -2),
        C(SI_TIMER, -3),
        C(SI_MINAVAIL, -128),
        C(SI_MAXAVAIL, -64),
        C(SEGV_MAPERR, 1),
        C(SEGV_ACCERR, 2),
        C(CLD_EXITED, 1),
        C(CLD_CONTINUED, 6),
        C(FPE_INTDIV, 1),
        C(ILL_ILLOPC, 1),
        C(BUS_ADRALN, 1),
        C(SS_ONSTACK, 1),
        C(SS_DISABLE, 2),
};

/* Clocks, scheduling, kernel-call constants. */
static const struct check kernel[] = {
        C(CLOCK_REALTIME, 0),
        C(CLOCK_SOFTTIME, 1),
        C(CLOCK_MONOTONIC, 2),
        C(CLOCK_PROCESS_CPUTIME_ID, 3),
        C(CLOCK_THREAD_CPUTIME_ID, 4),
        C(TIMER_ABSTIME, 0x80000000L),
        C(SCHED_FIFO, 1),
        C(SCHED_RR, 2),
        C(SCHED_OTHER, 3),
        C(SCHED_SPORADIC, 4),
        C(STATE_RECEIVE, 5),
        C(STATE_REPLY, 6),
        C(STATE_INTR, 16),
        C(_NTO_TIMEOUT_RECEIVE, 1 << 5),
        C(_NTO_TIMEOUT_SEND, 1 << 4),
        C(_NTO_TIMEOUT_REPLY, 1 << 6),
        C(_NTO_TIMEOUT_NANOSLEEP, 1 << 12),
        C(_NTO_CHF_FIXED_PRIORITY, 0x1),
        C(_NTO_CHF_UNBLOCK, 0x2),
        C(_NTO_CHF_THREAD_DEATH, 0x4),
        C(_NTO_CHF_DISCONNECT, 0x8),
        C(_NTO_CHF_SENDER_LEN, 0x20),
        C(_NTO_CHF_COID_DISCONNECT, 0x40),
        C(_NTO_CHF_REPLY_LEN, 0x80),
        C(_NTO_CHF_PRIVATE, 0x1000),
        C(_NTO_COF_CLOEXEC, 0x1),
        C(_NTO_COF_DEAD, 0x2),
        C(_NTO_SIDE_CHANNEL, 0x40000000L),
        C(_NTO_CONNECTION_SCOID, 0x10000),
        C(SYSMGR_PID, 1),
        C(SYSMGR_CHID, 1),
        C(SYSMGR_COID, 0x40000000L),
        C(_NTO_MI_UNBLOCK_REQ, 0x100),
        C(_PULSE_TYPE, 0),
        C(_PULSE_CODE_UNBLOCK, -32),
        C(_PULSE_CODE_DISCONNECT, -33),
        C(_PULSE_CODE_THREADDEATH, -34),
        C(_PULSE_CODE_COIDDEATH, -35),
        C(_PULSE_CODE_MINAVAIL, 0),
        C(_PULSE_CODE_MAXAVAIL, 127),
        C(_NTO_TCTL_IO_PRIV, 1),
        C(_NTO_TCTL_NAME, 11),
        C(_NTO_TCTL_IO, 14),
        C(_NTO_INTR_FLAGS_END, 1),
        C(_NTO_INTR_FLAGS_NO_UNMASK, 2),
        C(_NTO_INTR_WAIT_FLAGS_FAST, 1),
        C(_NTO_INTR_WAIT_FLAGS_UNMASK, 2),
        C(_NTO_SCTL_SETPRIOCEILING, 1),
        C(_NTO_SCTL_SEM_VALUE, 6),
        C(_NTO_SYNC_NONRECURSIVE, 0x80000000L),
        C(_NTO_SYNC_WAITING, 0x80000000L),
        C(_NTO_SYNC_INITIALIZER, 0xffffffffL),
        C(_NTO_SYNC_DESTROYED, 0xfffffffeL),
        C(_NTO_SYNC_SEM, 0xfffffffcL),
        C(_NTO_SYNC_COND, 0xfffffffbL),
        C(_NTO_READIOV_SEND, 0),
        C(_NTO_READIOV_REPLY, 1),
        C(ND_LOCAL_NODE, 0),
};

/* _IO_* codes (generated from abi/iomsg.def). */
static const struct check iocodes[] = {
        C(_IO_CONNECT, 0x100),
        C(_IO_READ, 0x101),
        C(_IO_WRITE, 0x102),
        C(_IO_RSVD_CLOSE_OCB, 0x103),
        C(_IO_STAT, 0x104),
        C(_IO_NOTIFY, 0x105),
        C(_IO_DEVCTL, 0x106),
        C(_IO_RSVD_UNBLOCK, 0x107),
        C(_IO_PATHCONF, 0x108),
        C(_IO_LSEEK, 0x109),
        C(_IO_CHMOD, 0x10a),
        C(_IO_CHOWN, 0x10b),
        C(_IO_UTIME, 0x10c),
        C(_IO_OPENFD, 0x10d),
        C(_IO_FDINFO, 0x10e),
        C(_IO_LOCK, 0x10f),
        C(_IO_SPACE, 0x110),
        C(_IO_SHUTDOWN, 0x111),
        C(_IO_MMAP, 0x112),
        C(_IO_MSG, 0x113),
        C(_IO_RSVD, 0x114),
        C(_IO_DUP, 0x115),
        C(_IO_CLOSE, 0x116),
        C(_IO_SYNC, 0x119),
        C(_IO_POWER, 0x11a),
        C(_IO_READ64, 0x11e),
        C(_IO_WRITE64, 0x11f),
        C(_IO_CONNECT_COMBINE, 0),
        C(_IO_CONNECT_COMBINE_CLOSE, 1),
        C(_IO_CONNECT_OPEN, 2),
        C(_IO_CONNECT_UNLINK, 3),
        C(_IO_CONNECT_RENAME, 4),
        C(_IO_CONNECT_MKNOD, 5),
        C(_IO_CONNECT_READLINK, 6),
        C(_IO_CONNECT_LINK, 7),
        C(_IO_CONNECT_MOUNT, 9),
        C(_IO_CONNECT_EXTRA_SYMLINK, 2),
        C(_IO_CONNECT_RET_FLAG, 0x80000000L),
        C(_IO_FLAG_RD, 1),
        C(_IO_FLAG_WR, 2),
        C(_IO_COMBINE_FLAG, 0x8000),
        C(_IO_XTYPE_OFFSET, 5),
        C(_IO_XTYPE_MASK, 0xff),
        C(_FTYPE_ANY, 0),
        C(_FTYPE_FILE, 1),
        C(_FTYPE_SYMLINK, 3),
        C(_FTYPE_PIPE, 4),
        C(_FTYPE_MOUNT, 11),
        C(_FTYPE_MATCHED, -1),
};

/* Sizes and offsets of the 64-bit layouts. */
static const struct check layouts[] = {
        C(sizeof(__pid_t), 4),
        C(sizeof(__uid_t), 4),
        C(sizeof(__off_t), 8),
        C(sizeof(__time_t), 8),
        C(sizeof(__clock_t), 4),
        C(sizeof(__dev_t), 4),
        C(sizeof(__ino_t), 8),
        C(sizeof(__mode_t), 4),
        C(sizeof(__blkcnt_t), 8),
        C(sizeof(__suseconds_t), 4),
        C(sizeof(_Sizet), 8),
        C(sizeof(__ssize_t), 8),
        C(sizeof(__sigset_t), 8),
        C(sizeof(union sigval), 8),
        C(sizeof(struct sigevent), 32),
        C(OFF(struct sigevent, sigev_notify), 0),
        C(OFF(struct sigevent, sigev_signo), 8),
        C(OFF(struct sigevent, sigev_coid), 8),
        C(OFF(struct sigevent, sigev_value), 16),
        C(OFF(struct sigevent, sigev_code), 24),
        C(OFF(struct sigevent, sigev_priority), 26),
        C(OFF(struct sigevent, sigev_notify_attributes), 24),
        C(sizeof(__siginfo_t), 48),
        C(OFF(__siginfo_t, si_code), 4),
        C(OFF(__siginfo_t, si_errno), 8),
        C(OFF(__siginfo_t, si_pid), 16),
        C(OFF(__siginfo_t, si_uid), 24),
        C(OFF(__siginfo_t, si_status), 28),
        C(OFF(__siginfo_t, si_value), 32),
        C(OFF(__siginfo_t, si_addr), 32),
        C(sizeof(struct sigaction), 24),
        C(OFF(struct sigaction, sa_flags), 8),
        C(OFF(struct sigaction, sa_mask), 12),
        C(sizeof(__stack_t), 24),
        C(OFF(__stack_t, ss_flags), 16),
        C(sizeof(struct timespec), 16),
        C(OFF(struct timespec, tv_nsec), 8),
        C(sizeof(struct timeval), 16),
        C(sizeof(struct itimerspec), 32),
        C(sizeof(struct sched_param), 48),
        C(OFF(struct sched_param, sched_curpriority), 4),
        C(OFF(struct sched_param, sched_ss_low_priority), 8),
        C(OFF(struct sched_param, sched_ss_max_repl), 12),
        C(OFF(struct sched_param, sched_ss_repl_period), 16),
        C(OFF(struct sched_param, sched_ss_init_budget), 32),
        C(sizeof(struct _thread_local_storage), 104),
        C(OFF(struct _thread_local_storage, __errptr), 16),
        C(OFF(struct _thread_local_storage, __errval), 24),
        C(OFF(struct _thread_local_storage, __pid), 32),
        C(OFF(struct _thread_local_storage, __tid), 36),
        C(OFF(struct _thread_local_storage, __owner), 40),
        C(OFF(struct _thread_local_storage, __stackaddr), 48),
        C(OFF(struct _thread_local_storage, __numkeys), 60),
        C(OFF(struct _thread_local_storage, __keydata), 64),
        C(OFF(struct _thread_local_storage, __fpuemu_data), 80),
        C(OFF(struct _thread_local_storage, __reserved2), 88),
        C(sizeof(struct iovec), 16),
        C(OFF(struct iovec, iov_len), 8),
        C(sizeof(struct _msg_info), 64),
        C(OFF(struct _msg_info, pid), 8),
        C(OFF(struct _msg_info, tid), 12),
        C(OFF(struct _msg_info, chid), 16),
        C(OFF(struct _msg_info, scoid), 20),
        C(OFF(struct _msg_info, coid), 24),
        C(OFF(struct _msg_info, priority), 28),
        C(OFF(struct _msg_info, flags), 30),
        C(OFF(struct _msg_info, msglen), 32),
        C(OFF(struct _msg_info, srcmsglen), 40),
        C(OFF(struct _msg_info, dstmsglen), 48),
        C(OFF(struct _msg_info, type_id), 56),
        C(sizeof(struct _msg_info32), 48),
        C(sizeof(struct _pulse), 24),
        C(OFF(struct _pulse, code), 4),
        C(OFF(struct _pulse, value), 8),
        C(OFF(struct _pulse, scoid), 16),
        C(sizeof(struct _cred_info), 60),
        C(sizeof(struct _client_info), 76),
        C(OFF(struct _client_info, cred), 16),
        C(sizeof(struct _thread_attr), 104),
        C(OFF(struct _thread_attr, __stacksize), 8),
        C(OFF(struct _thread_attr, __stackaddr), 16),
        C(OFF(struct _thread_attr, __exitfunc), 24),
        C(OFF(struct _thread_attr, __policy), 32),
        C(OFF(struct _thread_attr, __param), 40),
        C(OFF(struct _thread_attr, __guardsize), 88),
        C(OFF(struct _thread_attr, __prealloc), 92),
        C(sizeof(struct _sched_info), 64),
        C(OFF(struct _sched_info, interval), 8),
        C(sizeof(struct _itimer), 16),
        C(sizeof(struct _timer_info), 88),
        C(OFF(struct _timer_info, flags), 32),
        C(OFF(struct _timer_info, event), 56),
        C(sizeof(struct _clockperiod), 8),
        C(sizeof(struct _clockadjust), 8),
        C(sizeof(struct _sync), 8),
        C(OFF(struct _sync, __owner), 4),
        C(sizeof(struct _sync_attr), 32),
        C(sizeof(struct _sighandler_info), 64),
};

/* Compare each row; print the ones that differ. Returns the failures. */
static int run(const char *group, const struct check *c, unsigned long n)
{
	int bad = 0;

	for (unsigned long i = 0; i < n; i++) {
		if (c[i].actual != c[i].expected) {
			printf("FAIL %s: %s is %ld, expected %ld\n", group, c[i].what, c[i].actual,
			       c[i].expected);
			bad++;
		}
	}
	printf("%s: %lu checks, %d failed\n", group, n, bad);
	return bad;
}

/*
 * The generated trace tables name each code and reject unknown ones.
 * Returns the number of failures.
 */
static int names(void)
{
	int bad = 0;
	const char *s;

	s = __io_msg_name(_IO_DEVCTL);
	bad += s == 0 || strcmp(s, "_IO_DEVCTL") != 0;
	s = __io_msg_name(_IO_UTIME64);
	bad += s == 0 || strcmp(s, "_IO_UTIME64") != 0;
	bad += __io_msg_name(0x1fe) != 0;
	s = __io_connect_name(_IO_CONNECT_READLINK);
	bad += s == 0 || strcmp(s, "_IO_CONNECT_READLINK") != 0;
	bad += __io_connect_name(200) != 0;
	/* Every message type in the range has a name or is unknown, never garbage. */
	for (unsigned t = _IO_BASE; t <= _IO_MAX; t++) {
		s = __io_msg_name(t);
		if (s != 0 && (s[0] != '_' || s[1] != 'I' || s[2] != 'O')) {
			bad++;
		}
	}
	printf("names: %d failed\n", bad);
	return bad;
}

/* The sigevent type/flag helpers keep the type and the flag bits apart. */
static int sigev_macros(void)
{
	struct sigevent ev = {0};
	int bad = 0;

	ev.sigev_notify = SIGEV_PULSE | SIGEV_FLAG_UPDATEABLE;
	bad += SIGEV_GET_TYPE(&ev) != SIGEV_PULSE;
	SIGEV_SET_TYPE(&ev, SIGEV_SIGNAL);
	bad += SIGEV_GET_TYPE(&ev) != SIGEV_SIGNAL;
	bad += (ev.sigev_notify & SIGEV_FLAG_UPDATEABLE) == 0;
	ev.sigev_value.sival_int = 42;
	bad += ev.sigev_value.sival_int != 42;
	printf("sigevent macros: %d failed\n", bad);
	return bad;
}

int main(void)
{
	int bad = 0;

	bad += run("errno", errnos, sizeof errnos / sizeof errnos[0]);
	bad += run("signal", signals, sizeof signals / sizeof signals[0]);
	bad += run("kernel", kernel, sizeof kernel / sizeof kernel[0]);
	bad += run("iomsg", iocodes, sizeof iocodes / sizeof iocodes[0]);
	bad += run("layout", layouts, sizeof layouts / sizeof layouts[0]);
	bad += names();
	bad += sigev_macros();
	printf("%s\n", bad ? "FAILED" : "PASSED");
	return bad != 0;
}
