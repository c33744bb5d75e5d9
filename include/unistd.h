/*
 * unistd.h - standard symbolic constants and types (POSIX.1-2008).
 * _SC_*, _PC_* and _CS_* numbers are QNX's. QSOE has no fork(): it is
 * declared and fails with ENOSYS; use posix_spawn().
 */
#ifndef _UNISTD_H
#define _UNISTD_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#define __need_size_t
#define __need_NULL
#include <stddef.h>

__BEGIN_DECLS

#ifndef __DEFINED_ssize_t
#define __DEFINED_ssize_t
typedef __ssize_t ssize_t;
#endif
#ifndef __DEFINED_off_t
#define __DEFINED_off_t
typedef __off_t off_t;
#endif
#ifndef __DEFINED_pid_t
#define __DEFINED_pid_t
typedef __pid_t pid_t;
#endif
#ifndef __DEFINED_uid_t
#define __DEFINED_uid_t
typedef __uid_t uid_t;
#endif
#ifndef __DEFINED_gid_t
#define __DEFINED_gid_t
typedef __gid_t gid_t;
#endif
#ifndef __DEFINED_useconds_t
#define __DEFINED_useconds_t
typedef __useconds_t useconds_t;
#endif
#ifndef __DEFINED_intptr_t
#define __DEFINED_intptr_t
typedef __intptr_t intptr_t;
#endif

/* Versions and options QSOE supports. */
#define _POSIX_VERSION                    200809L
#define _POSIX2_VERSION                   200809L
#define _XOPEN_VERSION                    700
#define _POSIX_THREADS                    200809L
#define _POSIX_THREAD_SAFE_FUNCTIONS      200809L
#define _POSIX_THREAD_PRIORITY_SCHEDULING 200809L
#define _POSIX_THREAD_PRIO_INHERIT        200809L
#define _POSIX_THREAD_PRIO_PROTECT        200809L
#define _POSIX_THREAD_PROCESS_SHARED      200809L
#define _POSIX_THREAD_ATTR_STACKADDR      200809L
#define _POSIX_THREAD_ATTR_STACKSIZE      200809L
#define _POSIX_SEMAPHORES                 200809L
#define _POSIX_TIMERS                     200809L
#define _POSIX_MONOTONIC_CLOCK            200809L
#define _POSIX_CLOCK_SELECTION            200809L
#define _POSIX_TIMEOUTS                   200809L
#define _POSIX_SPAWN                      200809L
#define _POSIX_REALTIME_SIGNALS           200809L
#define _POSIX_READER_WRITER_LOCKS        200809L
#define _POSIX_SPIN_LOCKS                 200809L
#define _POSIX_BARRIERS                   200809L
#define _POSIX_MAPPED_FILES               200809L
#define _POSIX_MEMORY_PROTECTION          200809L
#define _POSIX_SHARED_MEMORY_OBJECTS      200809L
#define _POSIX_FSYNC                      200809L
#define _POSIX_JOB_CONTROL                1
#define _POSIX_SAVED_IDS                  1
#define _POSIX_NO_TRUNC                   1
#define _POSIX_CHOWN_RESTRICTED           1
#define _POSIX_REGEXP                     1
#define _POSIX_SHELL                      1
#define _POSIX_VDISABLE                   '\0'
#define _POSIX_FORK                       (-1) /* no fork() */

#define STDIN_FILENO                      0
#define STDOUT_FILENO                     1
#define STDERR_FILENO                     2

#define F_OK                              0
#define X_OK                              1
#define W_OK                              2
#define R_OK                              4

#ifndef SEEK_SET
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#endif

/* lockf() */
#define F_ULOCK 0
#define F_LOCK  1
#define F_TLOCK 2
#define F_TEST  3

/* confstr() */
#define _CS_PATH 1

/* pathconf() */
#define _PC_LINK_MAX           1
#define _PC_MAX_CANON          2
#define _PC_MAX_INPUT          3
#define _PC_NAME_MAX           4
#define _PC_PATH_MAX           5
#define _PC_PIPE_BUF           6
#define _PC_NO_TRUNC           7
#define _PC_VDISABLE           8
#define _PC_CHOWN_RESTRICTED   9
#define _PC_ASYNC_IO           12
#define _PC_PRIO_IO            13
#define _PC_SYNC_IO            14
#define _PC_SOCK_MAXBUF        15
#define _PC_FILESIZEBITS       16
#define _PC_SYMLINK_MAX        17
#define _PC_2_SYMLINKS         20
#define _PC_ALLOC_SIZE_MIN     21
#define _PC_REC_INCR_XFER_SIZE 22
#define _PC_REC_MAX_XFER_SIZE  23
#define _PC_REC_MIN_XFER_SIZE  24
#define _PC_REC_XFER_ALIGN     25

/* sysconf() */
#define _SC_ARG_MAX                      1
#define _SC_CHILD_MAX                    2
#define _SC_CLK_TCK                      3
#define _SC_NGROUPS_MAX                  4
#define _SC_OPEN_MAX                     5
#define _SC_JOB_CONTROL                  6
#define _SC_SAVED_IDS                    7
#define _SC_VERSION                      8
#define _SC_PASS_MAX                     9
#define _SC_PAGESIZE                     11
#define _SC_PAGE_SIZE                    _SC_PAGESIZE
#define _SC_XOPEN_VERSION                12
#define _SC_STREAM_MAX                   13
#define _SC_TZNAME_MAX                   14
#define _SC_AIO_LISTIO_MAX               15
#define _SC_AIO_MAX                      16
#define _SC_AIO_PRIO_DELTA_MAX           17
#define _SC_DELAYTIMER_MAX               18
#define _SC_MQ_OPEN_MAX                  19
#define _SC_MQ_PRIO_MAX                  20
#define _SC_RTSIG_MAX                    21
#define _SC_SEM_NSEMS_MAX                22
#define _SC_SEM_VALUE_MAX                23
#define _SC_SIGQUEUE_MAX                 24
#define _SC_TIMER_MAX                    25
#define _SC_ASYNCHRONOUS_IO              26
#define _SC_FSYNC                        27
#define _SC_MAPPED_FILES                 28
#define _SC_MEMLOCK                      29
#define _SC_MEMLOCK_RANGE                30
#define _SC_MEMORY_PROTECTION            31
#define _SC_MESSAGE_PASSING              32
#define _SC_PRIORITIZED_IO               33
#define _SC_PRIORITY_SCHEDULING          34
#define _SC_REALTIME_SIGNALS             35
#define _SC_SEMAPHORES                   36
#define _SC_SHARED_MEMORY_OBJECTS        37
#define _SC_SYNCHRONIZED_IO              38
#define _SC_TIMERS                       39
#define _SC_GETGR_R_SIZE_MAX             40
#define _SC_GETPW_R_SIZE_MAX             41
#define _SC_LOGIN_NAME_MAX               42
#define _SC_THREAD_DESTRUCTOR_ITERATIONS 43
#define _SC_THREAD_KEYS_MAX              44
#define _SC_THREAD_STACK_MIN             45
#define _SC_THREAD_THREADS_MAX           46
#define _SC_TTY_NAME_MAX                 47
#define _SC_THREADS                      48
#define _SC_THREAD_ATTR_STACKADDR        49
#define _SC_THREAD_ATTR_STACKSIZE        50
#define _SC_THREAD_PRIORITY_SCHEDULING   51
#define _SC_THREAD_PRIO_INHERIT          52
#define _SC_THREAD_PRIO_PROTECT          53
#define _SC_THREAD_PROCESS_SHARED        54
#define _SC_THREAD_SAFE_FUNCTIONS        55
#define _SC_2_CHAR_TERM                  56
#define _SC_2_C_BIND                     57
#define _SC_2_C_DEV                      58
#define _SC_2_C_VERSION                  59
#define _SC_2_FORT_DEV                   60
#define _SC_2_FORT_RUN                   61
#define _SC_2_LOCALEDEF                  62
#define _SC_2_SW_DEV                     63
#define _SC_2_UPE                        64
#define _SC_2_VERSION                    65
#define _SC_ATEXIT_MAX                   66
#define _SC_AVPHYS_PAGES                 67
#define _SC_BC_BASE_MAX                  68
#define _SC_BC_DIM_MAX                   69
#define _SC_BC_SCALE_MAX                 70
#define _SC_BC_STRING_MAX                71
#define _SC_CHARCLASS_NAME_MAX           72
#define _SC_CHAR_BIT                     73
#define _SC_CHAR_MAX                     74
#define _SC_CHAR_MIN                     75
#define _SC_COLL_WEIGHTS_MAX             76
#define _SC_EQUIV_CLASS_MAX              77
#define _SC_EXPR_NEST_MAX                78
#define _SC_INT_MAX                      79
#define _SC_INT_MIN                      80
#define _SC_LINE_MAX                     81
#define _SC_LONG_BIT                     82
#define _SC_MB_LEN_MAX                   83
#define _SC_NL_ARGMAX                    84
#define _SC_NL_LANGMAX                   85
#define _SC_NL_MSGMAX                    86
#define _SC_NL_NMAX                      87
#define _SC_NL_SETMAX                    88
#define _SC_NL_TEXTMAX                   89
#define _SC_NPROCESSORS_CONF             90
#define _SC_NPROCESSORS_ONLN             91
#define _SC_NZERO                        92
#define _SC_PHYS_PAGES                   93
#define _SC_POLL                         104
#define _SC_RE_DUP_MAX                   105
#define _SC_SCHAR_MAX                    106
#define _SC_SCHAR_MIN                    107
#define _SC_SELECT                       108
#define _SC_SHRT_MAX                     109
#define _SC_SHRT_MIN                     110
#define _SC_SSIZE_MAX                    111
#define _SC_T_IOV_MAX                    112
#define _SC_UCHAR_MAX                    113
#define _SC_UINT_MAX                     114
#define _SC_UIO_MAXIOV                   115
#define _SC_ULONG_MAX                    116
#define _SC_USHRT_MAX                    117
#define _SC_WORD_BIT                     118
#define _SC_XOPEN_CRYPT                  119
#define _SC_XOPEN_ENH_I18N               120
#define _SC_XOPEN_SHM                    121
#define _SC_XOPEN_UNIX                   122
#define _SC_XOPEN_XCU_VERSION            123
#define _SC_ADVISORY_INFO                131
#define _SC_CPUTIME                      132
#define _SC_SPAWN                        133
#define _SC_SPORADIC_SERVER              134
#define _SC_THREAD_CPUTIME               135
#define _SC_THREAD_SPORADIC_SERVER       136
#define _SC_TIMEOUTS                     137
#define _SC_BARRIERS                     138
#define _SC_CLOCK_SELECTION              139
#define _SC_MONOTONIC_CLOCK              140
#define _SC_READER_WRITER_LOCKS          141
#define _SC_SPIN_LOCKS                   142
#define _SC_TYPED_MEMORY_OBJECTS         143
#define _SC_TRACE_EVENT_FILTER           144
#define _SC_TRACE                        145
#define _SC_TRACE_INHERIT                146
#define _SC_TRACE_LOG                    147
#define _SC_HOST_NAME_MAX                154
#define _SC_IOV_MAX                      155
#define _SC_IPV6                         156
#define _SC_RAW_SOCKETS                  157
#define _SC_REGEXP                       158
#define _SC_SHELL                        159
#define _SC_SS_REPL_MAX                  160
#define _SC_SYMLOOP_MAX                  161
#define _SC_TRACE_EVENT_NAME_MAX         162
#define _SC_TRACE_NAME_MAX               163
#define _SC_TRACE_SYS_MAX                164
#define _SC_TRACE_USER_EVENT_MAX         165
#define _SC_V6_ILP32_OFF32               166
#define _SC_V6_ILP32_OFFBIG              167
#define _SC_V6_LP64_OFF64                168
#define _SC_V6_LPBIG_OFFBIG              169
#define _SC_XOPEN_REALTIME               170
#define _SC_XOPEN_REALTIME_THREADS       171
#define _SC_XOPEN_LEGACY                 172
#define _SC_XOPEN_STREAMS                173
#define _SC_V7_ILP32_OFF32               176
#define _SC_V7_ILP32_OFFBIG              177
#define _SC_V7_LP64_OFF64                178
#define _SC_V7_LPBIG_OFFBIG              179

extern char **environ;
extern char *optarg;
extern int optind, opterr, optopt;

int access(const char *path, int mode);
int faccessat(int dirfd, const char *path, int mode, int flags);
unsigned alarm(unsigned seconds);
int chdir(const char *path);
int fchdir(int fd);
int chown(const char *path, uid_t uid, gid_t gid);
int fchown(int fd, uid_t uid, gid_t gid);
int lchown(const char *path, uid_t uid, gid_t gid);
int fchownat(int dirfd, const char *path, uid_t uid, gid_t gid, int flags);
int close(int fd);
size_t confstr(int name, char *buf, size_t len);
int dup(int fd);
int dup2(int fd, int fd2);
int dup3(int fd, int fd2, int flags);
__QSOE_NORETURN void _exit(int status);
int execl(const char *path, const char *arg, ...);
int execle(const char *path, const char *arg, ...);
int execlp(const char *file, const char *arg, ...);
int execv(const char *path, char *const argv[]);
int execve(const char *path, char *const argv[], char *const envp[]);
int execvp(const char *file, char *const argv[]);
int execvpe(const char *file, char *const argv[], char *const envp[]);
int fexecve(int fd, char *const argv[], char *const envp[]);
pid_t fork(void);  /* always fails with ENOSYS on QSOE */
pid_t vfork(void); /* likewise */
long fpathconf(int fd, int name);
long pathconf(const char *path, int name);
long sysconf(int name);
int fsync(int fd);
int fdatasync(int fd);
int ftruncate(int fd, off_t length);
int truncate(const char *path, off_t length);
char *getcwd(char *buf, size_t size);
gid_t getegid(void);
uid_t geteuid(void);
gid_t getgid(void);
uid_t getuid(void);
int getgroups(int size, gid_t list[]);
int setgroups(int size, const gid_t *list);
int gethostname(char *name, size_t len);
int sethostname(const char *name, size_t len);
char *getlogin(void);
int getlogin_r(char *name, size_t len);
int getopt(int argc, char *const argv[], const char *optstring);
pid_t getpgid(pid_t pid);
pid_t getpgrp(void);
pid_t getpid(void);
pid_t getppid(void);
pid_t getsid(pid_t pid);
pid_t gettid(void);
int isatty(int fd);
int link(const char *from, const char *to);
int linkat(int fromfd, const char *from, int tofd, const char *to, int flags);
int lockf(int fd, int cmd, off_t len);
off_t lseek(int fd, off_t offset, int whence);
int nice(int incr);
int pause(void);
int pipe(int fds[2]);
int pipe2(int fds[2], int flags);
ssize_t pread(int fd, void *buf, size_t n, off_t offset);
ssize_t pwrite(int fd, const void *buf, size_t n, off_t offset);
ssize_t read(int fd, void *buf, size_t n);
ssize_t write(int fd, const void *buf, size_t n);
ssize_t readlink(const char *__restrict path, char *__restrict buf, size_t size);
ssize_t readlinkat(int dirfd, const char *__restrict path, char *__restrict buf, size_t size);
int rmdir(const char *path);
int setegid(gid_t gid);
int seteuid(uid_t uid);
int setgid(gid_t gid);
int setuid(uid_t uid);
int setregid(gid_t rgid, gid_t egid);
int setreuid(uid_t ruid, uid_t euid);
int setresuid(uid_t ruid, uid_t euid, uid_t suid);
int setresgid(gid_t rgid, gid_t egid, gid_t sgid);
int getresuid(uid_t *ruid, uid_t *euid, uid_t *suid);
int getresgid(gid_t *rgid, gid_t *egid, gid_t *sgid);
int setpgid(pid_t pid, pid_t pgid);
pid_t setpgrp(void);
pid_t setsid(void);
unsigned sleep(unsigned seconds);
int usleep(useconds_t usec);
int symlink(const char *from, const char *to);
int symlinkat(const char *from, int dirfd, const char *to);
void sync(void);
pid_t tcgetpgrp(int fd);
int tcsetpgrp(int fd, pid_t pgrp);
char *ttyname(int fd);
int ttyname_r(int fd, char *buf, size_t len);
int unlink(const char *path);
int unlinkat(int dirfd, const char *path, int flags);
int getpagesize(void);
void swab(const void *__restrict src, void *__restrict dst, ssize_t n);
/* Random bytes from /dev/urandom, at most GETENTROPY_MAX per call. */
int getentropy(void *buf, size_t len);
/* BSD: become a daemon (procmgr_daemon: a new session, "/" unless nochdir, /dev/null unless noclose). */
int daemon(int nochdir, int noclose);
int getdtablesize(void);
char *crypt(const char *key, const char *salt);
char *getpass(const char *prompt);

__END_DECLS

#endif /* _UNISTD_H */
