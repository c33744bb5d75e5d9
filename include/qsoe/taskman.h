/*
 * qsoe/taskman.h - the message protocol between programs (the C library)
 * and taskman, and the start-up block taskman hands to a new process.
 *
 * Kernel independent: both taskmen (Skimmer, seL4) implement it and one
 * libc.so speaks it. Requests go to taskman on SYSMGR_COID (a side-channel
 * connection every process has from birth). Every request starts with
 * struct tm_hdr; replies are plain structures and the MsgReply status is
 * 0 or positive on success (a pid, a count) or MsgError's errno on failure.
 * The full protocol, with the rules taskman follows so that it is never
 * a third party in anybody's I/O, is in docs/taskman.md.
 */
#ifndef QSOE_TASKMAN_H
#define QSOE_TASKMAN_H

#include <qsoe/abi/types.h>
#include <qsoe/abi/signal.h>
#include <qsoe/abi/sched.h>
#include <qsoe/taskman_codes.h>

struct tm_hdr {
	__uint16_t type;    /* TM_* */
	__uint16_t subtype; /* request specific */
	__uint32_t size;    /* bytes of the whole request, header included */
};

/* ---- TM_SPAWN ----------------------------------------------------------
 * Request: struct tm_spawn, then the variable part in this order:
 *   path[path_len]                   NUL-terminated; absolute, or searched in
 *                                    $PATH by the caller already
 *   argv strings [argv_len bytes]    argc NUL-terminated strings back to back
 *   envp strings [env_len bytes]     envc NUL-terminated strings back to back
 *   cwd[cwd_len]                     the caller's current directory (NUL-terminated)
 *   struct tm_fd fds[nfds]           the child's inherited descriptors
 *   struct tm_fileact acts[nacts]    posix_spawn file actions, in order
 *   action strings [acts_len bytes]  paths of the open actions
 * Reply: status = the child's pid, and struct tm_spawn_reply if the reply
 * buffer has room for it.
 * taskman never contacts a resource manager for a spawn: the child's C
 * library attaches the inherited descriptors (tm_fd) and replays the file
 * actions itself before main(), so a slow or dead server can only hurt the
 * child, never taskman.
 *
 * When is the reply sent? The parent's descriptors must stay open until
 * the child has duplicated them (_IO_DUP names the parent's connection),
 * so a spawn with nfds > 0 or nacts > 0 is answered only when the child
 * sends TM_STARTED (its C library does so once the descriptors and file
 * actions are done) or ends. With TM_SPAWN_HOLD the reply waits for
 * TM_DAEMON instead (or the child's end). Otherwise the reply comes as
 * soon as the child's first thread runs. A deferred reply never holds a
 * taskman thread.
 *
 * Limits: argv_len + env_len <= TM_ARG_MAX, else E2BIG; the whole request
 * <= TM_ARG_MAX + 64 KiB + the fd/action tables (E2BIG). sigmask is always
 * the child's initial signal mask (the C library puts the caller's mask
 * there unless posix_spawnattr set one); sigignore is the set the caller
 * ignores, inherited as ignored except for the signals in sigdefault when
 * TM_SPAWN_SETSIGDEF is set. Without TM_SPAWN_SETSCHED the child runs
 * round-robin at the calling thread's priority.
 */
#define TM_SPAWN_SETPGROUP  0x0001 /* put the child in process group pgroup (0: its own) */
#define TM_SPAWN_SETSID     0x0002 /* the child starts a new session */
#define TM_SPAWN_SETSIGMASK 0x0004 /* the child's signal mask is sigmask */
#define TM_SPAWN_SETSIGDEF  0x0008 /* signals in sigdefault get their default action */
#define TM_SPAWN_SETSCHED   0x0010 /* policy and param apply to the child */
#define TM_SPAWN_RESETIDS   0x0020 /* effective ids = real ids */
#define TM_SPAWN_SEARCH     0x0040 /* path is a file name to find in the PATH of envp */
#define TM_SPAWN_NOZOMBIE   0x0080 /* nobody will wait: no zombie, no SIGCHLD */
#define TM_SPAWN_HOLD       0x0100 /* reply only when the child calls TM_DAEMON (or dies) */

#define TM_ARG_MAX          (2 * 1024 * 1024) /* ARG_MAX: bytes of argv and envp strings together */

struct tm_spawn {
	struct tm_hdr hdr;
	__uint32_t flags; /* TM_SPAWN_* */
	__pid_t pgroup;
	__sigset_t sigmask;    /* the child's initial signal mask */
	__sigset_t sigdefault; /* with TM_SPAWN_SETSIGDEF: reset to the default action */
	__sigset_t sigignore;  /* signals the caller ignores (inherited as ignored) */
	int policy;
	struct sched_param param;
	__uint32_t path_len; /* including the NUL */
	__uint32_t argc;
	__uint32_t argv_len;
	__uint32_t envc;
	__uint32_t env_len;
	__uint32_t nfds;
	__uint32_t nacts;
	__uint32_t acts_len;
	__uint32_t cwd_len; /* including the NUL */
	__mode_t umask;     /* the caller's file-creation mask, inherited */
};

/* What a spawn reply carries after its status (the pid). */
struct tm_spawn_reply {
	__pid_t pid;
	int status; /* 0; the errno the child reported with TM_STARTED or TM_DAEMON;
	               or -1: the child ended before it reported */
};

/* One inherited descriptor: the parent's connection, for the child to dup. */
struct tm_fd {
	int fd;             /* number in the child */
	__uint32_t flags;   /* FD_CLOEXEC etc. of the parent's descriptor */
	__pid_t server_pid; /* the resource manager */
	int server_chid;
	int parent_coid; /* the parent's connection (sent back in _IO_DUP) */
	int parent_scoid;
};

/* One posix_spawn file action. */
#define TM_FA_OPEN   1
#define TM_FA_CLOSE  2
#define TM_FA_DUP2   3
#define TM_FA_CHDIR  4
#define TM_FA_FCHDIR 5

struct tm_fileact {
	int op;              /* TM_FA_* */
	int fd;              /* target descriptor (open, close, dup2's new, fchdir) */
	int srcfd;           /* dup2's old descriptor */
	int oflag;           /* open */
	__mode_t mode;       /* open */
	__uint32_t path_off; /* open/chdir: offset of the path in the action strings */
};

/* ---- TM_WAIT ------------------------------------------------------------
 * Request: struct tm_wait. Reply: struct tm_wait_reply, status = pid (0
 * with WNOHANG and nothing to report). A blocking wait is answered later:
 * taskman keeps the request and replies when a child changes state.
 * subtype TM_WAIT_PID (waitpid, wait4): exits are always reported, stops
 * with WUNTRACED, continues with WCONTINUED. subtype TM_WAIT_ID (waitid):
 * only the events asked for (WEXITED, WSTOPPED, WCONTINUED; at least one,
 * else EINVAL). TM_P_PGID with id 0 means the caller's own group. ECHILD
 * when no child matches (also later, for a waiting request, when the last
 * matching child leaves the group or is collected by another wait).
 * utime_ns/stime_ns are 0: Skimmer does not report a dead process's CPU time.
 */
#define TM_WAIT_PID 0
#define TM_WAIT_ID  1

#define TM_P_ALL    0 /* idtype: any child */
#define TM_P_PID    1 /* the child with pid id */
#define TM_P_PGID   2 /* any child in process group id */

struct tm_wait {
	struct tm_hdr hdr;
	int idtype; /* TM_P_* */
	__id_t id;
	int options; /* WNOHANG, WUNTRACED, WCONTINUED, WEXITED, WNOWAIT (QNX values) */
};

struct tm_wait_reply {
	__pid_t pid;
	int status; /* wait status (WIFEXITED...) */
	int cld_code; /* siginfo si_code: CLD_EXITED, CLD_KILLED, CLD_DUMPED, CLD_STOPPED, CLD_CONTINUED */
	int cld_status; /* siginfo si_status: exit code or signal (si_* names are macros) */
	__uid_t uid;    /* the child's real uid */
	__uint32_t pad;
	__uint64_t utime_ns, stime_ns; /* CPU time of the child (wait4) */
};

/* ---- Process groups and sessions --------------------------------------- */
struct tm_pgid {
	struct tm_hdr hdr;
	__pid_t pid;  /* 0: the caller */
	__pid_t pgid; /* TM_SETPGID: 0 = pid */
};

/* ---- TM_SETCRED ---------------------------------------------------------
 * subtype says which call it is; ids not used are -1. POSIX rules: root may
 * set anything; others only ids they already hold. Reply status 0.
 */
#define TM_CRED_SETUID    1
#define TM_CRED_SETEUID   2
#define TM_CRED_SETREUID  3
#define TM_CRED_SETRESUID 4
#define TM_CRED_SETGID    5
#define TM_CRED_SETEGID   6
#define TM_CRED_SETREGID  7
#define TM_CRED_SETRESGID 8
#define TM_CRED_SETGROUPS 9
#define TM_CRED_GET       10 /* reply: struct tm_cred */
#define TM_NGROUPS_MAX    32 /* supplementary groups per process (NGROUPS_MAX) */

struct tm_cred {
	__uid_t ruid, euid, suid;
	__gid_t rgid, egid, sgid;
	__uint32_t ngroups;
	__gid_t groups[TM_NGROUPS_MAX];
};

struct tm_setcred {
	struct tm_hdr hdr;
	struct tm_cred cred; /* the requested ids (-1: unchanged) */
};

/* ---- Pathname space -----------------------------------------------------
 * Resolution follows QNX: a client sends _IO_CONNECT for an absolute path
 * to taskman (SYSMGR_COID); taskman replies _IO_CONNECT_RET_LINK with the
 * servers owning the longest matching prefixes (struct _io_connect_entry,
 * best first) or follows a path-manager link; the client then connects to
 * each server in turn and sends the _IO_CONNECT with the rest of the path.
 */
#define TM_PATH_DIR    0x0001 /* _RESMGR_FLAG_DIR: a directory (owns what is below) */
#define TM_PATH_BEFORE 0x0002 /* resolve before existing attaches of the same prefix */
#define TM_PATH_AFTER  0x0004 /* resolve after them */
#define TM_PATH_OPAQUE 0x0008 /* hide attaches with shorter prefixes (no union with them) */

struct tm_path_attach {
	struct tm_hdr hdr;
	int chid;             /* the caller's channel that serves the path */
	__uint32_t handle;    /* passed back in every _IO_CONNECT */
	__uint32_t flags;     /* TM_PATH_* */
	__uint32_t file_type; /* _FTYPE_* */
	__uint32_t path_len;  /* then the path, NUL-terminated */
	char path[];
};
/* Reply status: an attach id for TM_PATH_DETACH.
 * Only root may attach, except below /dev/name/ (name_attach). The path is
 * absolute (normalised by taskman: "//", "." and ".." are folded).
 *
 * The resolution reply (to an _IO_CONNECT sent on SYSMGR_COID) is
 * status _IO_CONNECT_RET_FLAG | _IO_CONNECT_RET_LINK (as a positive long),
 * then struct _io_connect_link_reply, nentries struct _io_connect_entry
 * (best first: longest prefix first, then BEFORE/default/AFTER order) and
 * the normalised path with path-manager links already followed (path_len
 * bytes with its NUL). Server i is sent the path from byte
 * entries[i].prefix_len on, without its leading '/' ("" for the prefix
 * itself), with entries[i].handle. Errors: ENOENT (nothing serves it),
 * ENAMETOOLONG, ELOOP (links), EINVAL (not absolute), EMSGSIZE (the reply
 * buffer cannot hold one entry and the path).
 * A server (taskman's own files included) may answer an open with
 * _IO_CONNECT_RET_LINK and nentries 0: the client starts again with the
 * absolute path in the reply (a symbolic link, /dev/tty).
 */

struct tm_path_detach {
	struct tm_hdr hdr;
	int id;
	__uint32_t flags;
};

/* subtype 0: create link path -> target; 1: remove path. Root only.
 * Links are followed by taskman during resolution (at most 8 in a row,
 * else ELOOP); they stay until removed (they belong to nobody). */
struct tm_path_link {
	struct tm_hdr hdr;
	__uint32_t path_len; /* path, then target, both NUL-terminated */
	__uint32_t target_len;
	char data[];
};

/* ---- Everything else ---------------------------------------------------- */
/* TM_DAEMON and TM_STARTED: status 0, or an errno the parent's spawn reply carries. */
struct tm_daemon {
	struct tm_hdr hdr;
	int status; /* reported to a TM_SPAWN_HOLD parent as the spawn result */
};

/* TM_PROCLIST: reply with as many entries as fit in the reply buffer; status = total. */
struct tm_proclist {
	struct tm_hdr hdr;
	__pid_t from; /* first pid to report */
};

struct tm_procent {
	__pid_t pid, ppid, pgid, sid;
	__uid_t ruid, euid;
	__uint32_t nthreads;
	__uint32_t state; /* 0 running, 1 zombie, 2 stopped */
	__uint64_t mem_bytes;
	__uint64_t utime_ns;
	char name[64];
};

#define TM_SHUTDOWN_POWEROFF 1
#define TM_SHUTDOWN_REBOOT   2
struct tm_shutdown {
	struct tm_hdr hdr;
	int how;
	int status; /* exit status reported to an emulator (power off) */
};

/* The caller must be a session leader (EPERM); a terminal may control one
 * session only (EPERM if another has it); path_len 1 (just the NUL)
 * releases the session's terminal. Opening /dev/tty gives ENXIO without one. */
struct tm_set_ctty {
	struct tm_hdr hdr;
	__uint32_t path_len;
	char path[]; /* the terminal's absolute path */
};

/* POSIX permission rules; -1 means every process but taskman, init and the
 * caller. ESRCH if no process matched, EPERM if none could be signalled. */
struct tm_kill {
	struct tm_hdr hdr;
	__pid_t pid; /* kill() semantics: >0, 0, -1, <-1 */
	int signo;
};

/* ---- _IO_MMAP of taskman's files ----------------------------------------
 * taskman serves mmap() of /dev/shmem objects (shared: the object's pages
 * are mapped into the caller; private: a copy), of boot-archive files
 * (private copies) and of /dev/zero (zeroed memory). struct _io_mmap has no
 * length or address, so taskman reads its zero[6] words as below. The
 * reply is struct tm_mmap_reply: where the mapping is in the caller.
 */
struct tm_mmap {
	__uint16_t type; /* _IO_MMAP */
	__uint16_t combine_len;
	__uint32_t prot;        /* PROT_* */
	__uint64_t offset;      /* page aligned */
	__uint32_t msginfo[12]; /* struct _msg_info32 (unused) */
	__uint64_t len;         /* bytes to map */
	__uint64_t addr;        /* wanted address (a hint unless MAP_FIXED) */
	__uint32_t flags;       /* MAP_SHARED / MAP_PRIVATE, MAP_FIXED */
	__uint32_t zero;
};

struct tm_mmap_reply {
	__uint64_t addr;
};

/* ---- The start-up block -------------------------------------------------
 * A new process's first thread starts at its entry point with a0 pointing
 * to argc, then argv[], NULL, envp[], NULL, then the auxiliary vector of
 * (type, value) pairs ending with AT_NULL, then (16-byte aligned) the
 * tables and strings the pointers refer to. The block sits at the top of
 * the main stack mapping (TM_STACK_SIZE usable bytes below it); its size
 * is whatever the arguments need. Every pointer is valid in the process.
 * System V types: AT_PHDR (the program headers: in the program's image,
 * or a copy in the block), AT_PHENT, AT_PHNUM, AT_PAGESZ, AT_ENTRY,
 * AT_BASE (the program's load bias: 0 for ET_EXEC; QSOE has no
 * interpreter, taskman loads everything), AT_UID, AT_EUID, AT_GID,
 * AT_EGID. Then every one of these QSOE types, always present:
 */
#define AT_QSOE_LINKMAP 0x51000 /* struct tm_linkmap *: the loaded objects */
#define AT_QSOE_FDS     0x51001 /* struct tm_fd *: descriptors to inherit */
#define AT_QSOE_NFDS    0x51002
#define AT_QSOE_ACTS    0x51003 /* struct tm_fileact *: file actions to replay */
#define AT_QSOE_NACTS   0x51004
#define AT_QSOE_ACTSTR  0x51005 /* char *: the action strings */
#define AT_QSOE_CRED    0x51006 /* struct tm_cred * */
#define AT_QSOE_CWD     0x51007 /* char *: current directory */
#define AT_QSOE_UMASK   0x51008
#define AT_QSOE_SIGMASK 0x51009 /* __sigset_t *: initial signal mask */
#define AT_QSOE_SIGIGN  0x5100a /* __sigset_t *: signals that start ignored */
#define AT_QSOE_PPID    0x5100b
#define AT_QSOE_PID     0x5100c

/*
 * The objects taskman loaded (program first, then libraries in load
 * order). The C library runs their initialisers (DT_PREINIT_ARRAY of the
 * program, then DT_INIT / DT_INIT_ARRAY of each library in reverse load
 * order, then the program's) before main, and the finalisers at exit.
 */
struct tm_object {
	__uint64_t base;    /* load bias */
	__uint64_t dynamic; /* address of its _DYNAMIC (0 for static) */
	const char *name;
	__uint64_t init, init_array, init_arraysz; /* addresses/bytes (0: none) */
	__uint64_t preinit_array, preinit_arraysz;
	__uint64_t fini, fini_array, fini_arraysz;
	__uint64_t tls_image, tls_filesz, tls_memsz, tls_align; /* PT_TLS (0: none) */
};

struct tm_linkmap {
	__uint32_t nobjects;
	__uint32_t pad;
	struct tm_object objects[];
};

#endif
