/*
 * sysconf.c - system limits and options: sysconf, pathconf, fpathconf,
 * confstr, getpagesize.
 *
 * Options and limits are QSOE's (the <unistd.h>/<limits.h> values); the
 * processor count and memory sizes come from the kernel through the seam
 * (__qsoe_sysinfo). A value QSOE does not bound (children, streams, ...)
 * is reported as -1 with errno unchanged, POSIX's "no limit". pathconf
 * asks the file's server (_IO_PATHCONF) and falls back to the system's
 * values when the server does not answer it.
 */
#include <fcntl.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include "qsoe_os.h"

#define CLK_TCK 100 /* times() ticks per second */

/* Values that are the same constant for every process. */
static const struct {
	int name;
	long value;
} fixed[] = {
        {_SC_ARG_MAX, TM_ARG_MAX},
        {_SC_CLK_TCK, CLK_TCK},
        {_SC_NGROUPS_MAX, NGROUPS_MAX},
        {_SC_JOB_CONTROL, _POSIX_JOB_CONTROL},
        {_SC_SAVED_IDS, _POSIX_SAVED_IDS},
        {_SC_VERSION, _POSIX_VERSION},
        {_SC_XOPEN_VERSION, _XOPEN_VERSION},
        {_SC_TZNAME_MAX, 6},
        {_SC_FSYNC, _POSIX_FSYNC},
        {_SC_MAPPED_FILES, _POSIX_MAPPED_FILES},
        {_SC_MEMLOCK, 200809L},
        {_SC_MEMLOCK_RANGE, 200809L},
        {_SC_MEMORY_PROTECTION, _POSIX_MEMORY_PROTECTION},
        {_SC_MESSAGE_PASSING, -1},
        {_SC_PRIORITY_SCHEDULING, 200809L},
        {_SC_REALTIME_SIGNALS, _POSIX_REALTIME_SIGNALS},
        {_SC_SEMAPHORES, _POSIX_SEMAPHORES},
        {_SC_SHARED_MEMORY_OBJECTS, _POSIX_SHARED_MEMORY_OBJECTS},
        {_SC_SYNCHRONIZED_IO, -1},
        {_SC_TIMERS, _POSIX_TIMERS},
        {_SC_ASYNCHRONOUS_IO, -1},
        {_SC_PRIORITIZED_IO, -1},
        {_SC_RTSIG_MAX, RTSIG_MAX},
        {_SC_SEM_VALUE_MAX, SEM_VALUE_MAX},
        {_SC_MQ_PRIO_MAX, MQ_PRIO_MAX},
        {_SC_GETGR_R_SIZE_MAX, 4096},
        {_SC_GETPW_R_SIZE_MAX, 4096},
        {_SC_LOGIN_NAME_MAX, LOGIN_NAME_MAX},
        {_SC_THREAD_DESTRUCTOR_ITERATIONS, PTHREAD_DESTRUCTOR_ITERATIONS},
        {_SC_THREAD_KEYS_MAX, PTHREAD_KEYS_MAX},
        {_SC_THREAD_STACK_MIN, PTHREAD_STACK_MIN},
        {_SC_TTY_NAME_MAX, TTY_NAME_MAX},
        {_SC_THREADS, _POSIX_THREADS},
        {_SC_THREAD_ATTR_STACKADDR, _POSIX_THREAD_ATTR_STACKADDR},
        {_SC_THREAD_ATTR_STACKSIZE, _POSIX_THREAD_ATTR_STACKSIZE},
        {_SC_THREAD_PRIORITY_SCHEDULING, _POSIX_THREAD_PRIORITY_SCHEDULING},
        {_SC_THREAD_PRIO_INHERIT, _POSIX_THREAD_PRIO_INHERIT},
        {_SC_THREAD_PRIO_PROTECT, _POSIX_THREAD_PRIO_PROTECT},
        {_SC_THREAD_PROCESS_SHARED, _POSIX_THREAD_PROCESS_SHARED},
        {_SC_THREAD_SAFE_FUNCTIONS, _POSIX_THREAD_SAFE_FUNCTIONS},
        {_SC_2_C_BIND, _POSIX2_VERSION},
        {_SC_2_VERSION, _POSIX2_VERSION},
        {_SC_2_CHAR_TERM, -1},
        {_SC_2_C_DEV, -1},
        {_SC_2_LOCALEDEF, -1},
        {_SC_2_SW_DEV, -1},
        {_SC_2_UPE, -1},
        {_SC_2_FORT_DEV, -1},
        {_SC_2_FORT_RUN, -1},
        {_SC_BC_BASE_MAX, BC_BASE_MAX},
        {_SC_BC_DIM_MAX, BC_DIM_MAX},
        {_SC_BC_SCALE_MAX, BC_SCALE_MAX},
        {_SC_BC_STRING_MAX, BC_STRING_MAX},
        {_SC_CHARCLASS_NAME_MAX, CHARCLASS_NAME_MAX},
        {_SC_COLL_WEIGHTS_MAX, COLL_WEIGHTS_MAX},
        {_SC_EXPR_NEST_MAX, EXPR_NEST_MAX},
        {_SC_LINE_MAX, LINE_MAX},
        {_SC_RE_DUP_MAX, RE_DUP_MAX},
        {_SC_NL_ARGMAX, NL_ARGMAX},
        {_SC_NL_LANGMAX, NL_LANGMAX},
        {_SC_NL_MSGMAX, NL_MSGMAX},
        {_SC_NL_SETMAX, NL_SETMAX},
        {_SC_NL_TEXTMAX, NL_TEXTMAX},
        {_SC_HOST_NAME_MAX, HOST_NAME_MAX},
        {_SC_IOV_MAX, IOV_MAX},
        {_SC_UIO_MAXIOV, IOV_MAX},
        {_SC_SYMLOOP_MAX, SYMLOOP_MAX},
        {_SC_SPAWN, _POSIX_SPAWN},
        {_SC_TIMEOUTS, _POSIX_TIMEOUTS},
        {_SC_BARRIERS, _POSIX_BARRIERS},
        {_SC_CLOCK_SELECTION, _POSIX_CLOCK_SELECTION},
        {_SC_MONOTONIC_CLOCK, _POSIX_MONOTONIC_CLOCK},
        {_SC_READER_WRITER_LOCKS, _POSIX_READER_WRITER_LOCKS},
        {_SC_SPIN_LOCKS, _POSIX_SPIN_LOCKS},
        {_SC_CPUTIME, 200809L},
        {_SC_THREAD_CPUTIME, 200809L},
        {_SC_REGEXP, _POSIX_REGEXP},
        {_SC_SHELL, _POSIX_SHELL},
        {_SC_SELECT, -1}, /* QSOE has poll() only */
        {_SC_POLL, 1},
        {_SC_SPORADIC_SERVER, -1},
        {_SC_THREAD_SPORADIC_SERVER, -1},
        {_SC_TYPED_MEMORY_OBJECTS, -1},
        {_SC_TRACE, -1},
        {_SC_TRACE_EVENT_FILTER, -1},
        {_SC_TRACE_INHERIT, -1},
        {_SC_TRACE_LOG, -1},
        {_SC_ADVISORY_INFO, -1},
        {_SC_IPV6, -1},
        {_SC_RAW_SOCKETS, -1},
        {_SC_XOPEN_CRYPT, 1},
        {_SC_XOPEN_ENH_I18N, -1},
        {_SC_XOPEN_SHM, -1},
        {_SC_XOPEN_UNIX, -1},
        {_SC_XOPEN_REALTIME, -1},
        {_SC_XOPEN_REALTIME_THREADS, -1},
        {_SC_XOPEN_LEGACY, -1},
        {_SC_XOPEN_STREAMS, -1},
        {_SC_V7_LP64_OFF64, 1},
        {_SC_V6_LP64_OFF64, 1},
        {_SC_V7_ILP32_OFF32, -1},
        {_SC_V7_ILP32_OFFBIG, -1},
        {_SC_V7_LPBIG_OFFBIG, -1},
        {_SC_V6_ILP32_OFF32, -1},
        {_SC_V6_ILP32_OFFBIG, -1},
        {_SC_V6_LPBIG_OFFBIG, -1},
        {_SC_CHAR_BIT, CHAR_BIT},
        {_SC_CHAR_MAX, CHAR_MAX},
        {_SC_CHAR_MIN, CHAR_MIN},
        {_SC_INT_MAX, INT_MAX},
        {_SC_INT_MIN, INT_MIN},
        {_SC_LONG_BIT, LONG_BIT},
        {_SC_MB_LEN_MAX, MB_LEN_MAX},
        {_SC_NZERO, 20},
        {_SC_SCHAR_MAX, SCHAR_MAX},
        {_SC_SCHAR_MIN, SCHAR_MIN},
        {_SC_SHRT_MAX, SHRT_MAX},
        {_SC_SHRT_MIN, SHRT_MIN},
        {_SC_SSIZE_MAX, SSIZE_MAX},
        {_SC_UCHAR_MAX, UCHAR_MAX},
        {_SC_UINT_MAX, (long)UINT_MAX},
        {_SC_ULONG_MAX, -1},
        {_SC_USHRT_MAX, USHRT_MAX},
        {_SC_WORD_BIT, WORD_BIT},
};

/*
 * Limits QSOE does not impose: children, streams, atexit handlers, timers,
 * queued signals, semaphores, message queues (-1, errno unchanged).
 */
static const int unbounded[] = {
        _SC_CHILD_MAX,
        _SC_STREAM_MAX,
        _SC_ATEXIT_MAX,
        _SC_TIMER_MAX,
        _SC_SIGQUEUE_MAX,
        _SC_SEM_NSEMS_MAX,
        _SC_MQ_OPEN_MAX,
        _SC_DELAYTIMER_MAX,
        _SC_AIO_LISTIO_MAX,
        _SC_AIO_MAX,
        _SC_AIO_PRIO_DELTA_MAX,
        _SC_THREAD_THREADS_MAX,
        _SC_PASS_MAX,
        _SC_T_IOV_MAX,
        _SC_EQUIV_CLASS_MAX,
        _SC_SS_REPL_MAX,
        _SC_TRACE_EVENT_NAME_MAX,
        _SC_TRACE_NAME_MAX,
        _SC_TRACE_SYS_MAX,
        _SC_TRACE_USER_EVENT_MAX,
        _SC_XOPEN_XCU_VERSION,
};

long sysconf(int name)
{
	long v;

	switch (name) {
	case _SC_PAGESIZE:
		v = __qsoe_sysinfo(QSOE_SI_PAGE_SIZE);
		return v > 0 ? v : PAGESIZE;
	case _SC_NPROCESSORS_CONF:
		v = __qsoe_sysinfo(QSOE_SI_NCPU_CONF);
		return v > 0 ? v : 1;
	case _SC_NPROCESSORS_ONLN:
		v = __qsoe_sysinfo(QSOE_SI_NCPU_ONLINE);
		return v > 0 ? v : 1;
	case _SC_PHYS_PAGES:
		return __qsoe_ret(__qsoe_sysinfo(QSOE_SI_PHYS_PAGES));
	case _SC_AVPHYS_PAGES:
		return __qsoe_ret(__qsoe_sysinfo(QSOE_SI_AVPHYS_PAGES));
	case _SC_OPEN_MAX: {
		/* No fixed limit; a traditional bound for loops that close descriptors. */
		int in_use = __qsoe_fd_limit();
		return in_use > 1024 ? in_use : 1024;
	}
	default:
		break;
	}
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		if (fixed[i].name == name)
			return fixed[i].value;
	for (size_t i = 0; i < sizeof(unbounded) / sizeof(unbounded[0]); i++)
		if (unbounded[i] == name)
			return -1;
	errno = EINVAL;
	return -1;
}

int getpagesize(void)
{
	return (int)sysconf(_SC_PAGESIZE);
}

/* The system's answer when a server does not know a pathconf name. */
static long pathconf_default(int name)
{
	switch (name) {
	case _PC_LINK_MAX:
		return LINK_MAX;
	case _PC_MAX_CANON:
		return MAX_CANON;
	case _PC_MAX_INPUT:
		return MAX_INPUT;
	case _PC_NAME_MAX:
		return NAME_MAX;
	case _PC_PATH_MAX:
		return PATH_MAX;
	case _PC_PIPE_BUF:
		return PIPE_BUF;
	case _PC_NO_TRUNC:
		return _POSIX_NO_TRUNC;
	case _PC_VDISABLE:
		return _POSIX_VDISABLE;
	case _PC_CHOWN_RESTRICTED:
		return _POSIX_CHOWN_RESTRICTED;
	case _PC_FILESIZEBITS:
		return 64;
	case _PC_SYMLINK_MAX:
		return SYMLINK_MAX;
	case _PC_2_SYMLINKS:
		return 1;
	case _PC_ASYNC_IO:
	case _PC_PRIO_IO:
	case _PC_SYNC_IO:
	case _PC_SOCK_MAXBUF:
	case _PC_ALLOC_SIZE_MIN:
	case _PC_REC_INCR_XFER_SIZE:
	case _PC_REC_MAX_XFER_SIZE:
	case _PC_REC_MIN_XFER_SIZE:
	case _PC_REC_XFER_ALIGN:
		return -1;
	default:
		errno = EINVAL;
		return -1;
	}
}

long fpathconf(int fd, int name)
{
	struct _io_pathconf m = {.type = _IO_PATHCONF, .combine_len = sizeof(m)};

	if (!__qsoe_isfd(fd))
		return __qsoe_ret(-EBADF);
	m.name = (short)name;
	long r = MsgSendnc_r(fd, &m, sizeof(m), NULL, 0);
	if (r == -ENOSYS || r == -EINVAL)
		return pathconf_default(name);
	return __qsoe_ret(r);
}

long pathconf(const char *path, int name)
{
	int fd = __qsoe_open_noaccess(AT_FDCWD, path, 0);

	if (fd < 0)
		return __qsoe_ret(fd);
	long r = fpathconf(fd, name);
	int e = errno;
	__qsoe_close(fd);
	errno = e;
	return r;
}

size_t confstr(int name, char *buf, size_t len)
{
	const char *s;

	switch (name) {
	case _CS_PATH:
		s = "/bin:/usr/bin";
		break;
	default:
		errno = EINVAL;
		return 0;
	}
	size_t n = strlen(s) + 1;
	if (buf && len) {
		size_t c = n < len ? n : len;
		memcpy(buf, s, c - 1);
		buf[c - 1] = 0;
	}
	return n;
}
