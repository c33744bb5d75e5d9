/*
 * limits.h - implementation limits (ISO C 5.2.4.2.1, POSIX <limits.h>).
 *
 * Integer limits come from the compiler's predefined macros. The POSIX
 * limits below are QSOE's real limits; a limit that has no fixed value on
 * QSOE (open files, argument bytes, child processes, ...) is not defined
 * here, as POSIX permits: ask sysconf()/pathconf().
 */
#ifndef _LIMITS_H
#define _LIMITS_H

#define CHAR_BIT  __CHAR_BIT__
#define SCHAR_MAX __SCHAR_MAX__
#define SCHAR_MIN (-SCHAR_MAX - 1)
#define UCHAR_MAX (SCHAR_MAX * 2 + 1)
#ifdef __CHAR_UNSIGNED__
#define CHAR_MIN 0
#define CHAR_MAX UCHAR_MAX
#else
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX SCHAR_MAX
#endif
#define SHRT_MAX   __SHRT_MAX__
#define SHRT_MIN   (-SHRT_MAX - 1)
#define USHRT_MAX  (SHRT_MAX * 2 + 1)
#define INT_MAX    __INT_MAX__
#define INT_MIN    (-INT_MAX - 1)
#define UINT_MAX   (INT_MAX * 2U + 1U)
#define LONG_MAX   __LONG_MAX__
#define LONG_MIN   (-LONG_MAX - 1L)
#define ULONG_MAX  (LONG_MAX * 2UL + 1UL)
#define LLONG_MAX  __LONG_LONG_MAX__
#define LLONG_MIN  (-LLONG_MAX - 1LL)
#define ULLONG_MAX (LLONG_MAX * 2ULL + 1ULL)
#define MB_LEN_MAX 4 /* UTF-8, code points up to U+10FFFF */

/* Widths (POSIX.1-2008 XSI, C2x). */
#define CHAR_WIDTH  8
#define SHRT_WIDTH  16
#define INT_WIDTH   32
#define LONG_WIDTH  (__SIZEOF_LONG__ * 8)
#define LLONG_WIDTH 64
#define WORD_BIT    32
#define LONG_BIT    (__SIZEOF_LONG__ * 8)
#define SSIZE_MAX   __PTRDIFF_MAX__

/* ---- POSIX minimum values (the _POSIX_* constants) ---------------------- */
#define _POSIX_AIO_LISTIO_MAX               2
#define _POSIX_AIO_MAX                      1
#define _POSIX_ARG_MAX                      4096
#define _POSIX_CHILD_MAX                    25
#define _POSIX_DELAYTIMER_MAX               32
#define _POSIX_HOST_NAME_MAX                255
#define _POSIX_LINK_MAX                     8
#define _POSIX_LOGIN_NAME_MAX               9
#define _POSIX_MAX_CANON                    255
#define _POSIX_MAX_INPUT                    255
#define _POSIX_MQ_OPEN_MAX                  8
#define _POSIX_MQ_PRIO_MAX                  32
#define _POSIX_NAME_MAX                     14
#define _POSIX_NGROUPS_MAX                  8
#define _POSIX_OPEN_MAX                     20
#define _POSIX_PATH_MAX                     256
#define _POSIX_PIPE_BUF                     512
#define _POSIX_RE_DUP_MAX                   255
#define _POSIX_RTSIG_MAX                    8
#define _POSIX_SEM_NSEMS_MAX                256
#define _POSIX_SEM_VALUE_MAX                32767
#define _POSIX_SIGQUEUE_MAX                 32
#define _POSIX_SSIZE_MAX                    32767
#define _POSIX_STREAM_MAX                   8
#define _POSIX_SYMLINK_MAX                  255
#define _POSIX_SYMLOOP_MAX                  8
#define _POSIX_THREAD_DESTRUCTOR_ITERATIONS 4
#define _POSIX_THREAD_KEYS_MAX              128
#define _POSIX_THREAD_THREADS_MAX           64
#define _POSIX_TIMER_MAX                    32
#define _POSIX_TTY_NAME_MAX                 9
#define _POSIX_TZNAME_MAX                   6
#define _POSIX2_BC_BASE_MAX                 99
#define _POSIX2_BC_DIM_MAX                  2048
#define _POSIX2_BC_SCALE_MAX                99
#define _POSIX2_BC_STRING_MAX               1000
#define _POSIX2_CHARCLASS_NAME_MAX          14
#define _POSIX2_COLL_WEIGHTS_MAX            2
#define _POSIX2_EXPR_NEST_MAX               32
#define _POSIX2_LINE_MAX                    2048
#define _POSIX2_RE_DUP_MAX                  255
#define _XOPEN_IOV_MAX                      16
#define _XOPEN_NAME_MAX                     255
#define _XOPEN_PATH_MAX                     1024

/* ---- QSOE's limits ------------------------------------------------------- */
#define PATH_MAX                      1024  /* bytes in a path name, including the NUL (QNX) */
#define NAME_MAX                      255   /* bytes in one path component */
#define PIPE_BUF                      5120  /* atomic pipe write size (QNX's pipe manager) */
#define LINK_MAX                      65535 /* hard links to one file */
#define MAX_CANON                     255   /* bytes in a canonical terminal input line */
#define MAX_INPUT                     255   /* bytes of terminal type-ahead */
#define IOV_MAX                       1024  /* iovec elements in readv/writev (QNX UIO_MAXIOV) */
#define NGROUPS_MAX                   8     /* supplementary groups (QNX) */
#define GETENTROPY_MAX                256   /* bytes per getentropy() call */
#define HOST_NAME_MAX                 255
#define LOGIN_NAME_MAX                256
#define TTY_NAME_MAX                  32
#define SYMLOOP_MAX                   16   /* symbolic links followed in one path resolution */
#define SYMLINK_MAX                   1023 /* bytes in a symbolic link's contents */
#define LINE_MAX                      2048 /* minimum line length utilities must accept */
#define RE_DUP_MAX                    255  /* repetitions in a regex interval */
#define NL_ARGMAX                     9    /* printf/scanf %n$ positions */
#define NL_LANGMAX                    14
#define NL_MSGMAX                     32767
#define NL_SETMAX                     255
#define NL_TEXTMAX                    2048
#define NZERO                         20
#define CHARCLASS_NAME_MAX            14
#define COLL_WEIGHTS_MAX              2
#define EXPR_NEST_MAX                 32
#define BC_BASE_MAX                   99
#define BC_DIM_MAX                    2048
#define BC_SCALE_MAX                  99
#define BC_STRING_MAX                 1000
#define PTHREAD_KEYS_MAX              128 /* QNX */
#define PTHREAD_STACK_MIN             256 /* QNX */
#define PTHREAD_DESTRUCTOR_ITERATIONS 4
#define SEM_VALUE_MAX                 0x7fffffff
#define SEM_NSEMS_MAX                 256
#define RTSIG_MAX                     16 /* SIGRTMIN..SIGRTMAX: 41..56 */
#define MQ_PRIO_MAX                   32
#define ATEXIT_MAX                    0x7fffffff /* atexit() is limited by memory only */
#define PAGESIZE                      4096
#define PAGE_SIZE                     PAGESIZE
#define FILESIZEBITS                  64

#endif /* _LIMITS_H */
