/*
 * qsoe/abi/neutrino.h - the kernel/user contract of QNX's <sys/neutrino.h>:
 * the structures the kernel calls read and write and their constants.
 *
 * Values and layouts are QNX SDP 8.0's (64-bit) as given by the QNX 8.0 C
 * Library Reference (_msg_info, _pulse, _cred_info, ThreadCreate, ...) and
 * rust-lang/libc src/unix/nto/neutrino.rs; where QNX 8 dropped a QNX 7
 * name its old name is kept only when the slot is unchanged. Public names
 * that are typedefs in QNX (iov_t, sync_t, rcvid_t, ...) get "__" names
 * here; <sys/neutrino.h> adds the QNX names.
 */
#ifndef QSOE_ABI_NEUTRINO_H
#define QSOE_ABI_NEUTRINO_H

#include <qsoe/abi/types.h>
#include <qsoe/abi/signal.h>
#include <qsoe/abi/sched.h>
#include <qsoe/abi/uio.h>

/* ---- identifiers --------------------------------------------------------- */

typedef __int64_t __rcvid_t;  /* receive id from MsgReceive() (QNX 8: 64-bit) */
typedef struct iovec __iov_t; /* QNX iov_t */

#define ND_LOCAL_NODE 0 /* the only node (Qnet node descriptors are obsolete) */

#define _NTO_VERSION  800 /* QNX SDP 8.0 API level that QSOE follows */

/* Fill in / read an iov_t. */
#define SETIOV(_iov, _addr, _len) \
	((_iov)->iov_base = (void *)(_addr), (_iov)->iov_len = (_Sizet)(_len))
#define SETIOV_CONST(_iov, _addr, _len) \
	((_iov)->iov_base_const = (const void *)(_addr), (_iov)->iov_len = (_Sizet)(_len))
#define GETIOVBASE(_iov) ((_iov)->iov_base)
#define GETIOVLEN(_iov)  ((_iov)->iov_len)

/* The process manager (taskman): its pid, channel and connection. */
#define SYSMGR_PID    1
#define SYSMGR_CHID   1
#define SYSMGR_COID   ((int)_NTO_SIDE_CHANNEL) /* the first side-channel connection */
#define SYSMGR_HANDLE 0

/* ---- thread states (QNX 8 <sys/states.h>) ------------------------------ */

#define STATE_DEAD         0u
#define STATE_RUNNING      1u
#define STATE_READY        2u
#define STATE_STOPPED      3u
#define STATE_SEND         4u
#define STATE_RECEIVE      5u
#define STATE_REPLY        6u
#define STATE_MQ_SEND      7u
#define STATE_MQ_RECEIVE   8u
#define STATE_WAITPAGE     9u
#define STATE_SIGSUSPEND   10u
#define STATE_SIGWAITINFO  11u
#define STATE_NANOSLEEP    12u
#define STATE_MUTEX        13u
#define STATE_CONDVAR      14u
#define STATE_JOIN         15u
#define STATE_INTR         16u
#define STATE_SEM          17u
#define STATE_WAITCTX      18u
#define STATE_RWLOCK_READ  19u
#define STATE_RWLOCK_WRITE 20u
#define STATE_BARRIER      21u
#define STATE_PIPE         22u
#define STATE_TIMEOUT_MAX  24u /* TimerTimeout() encodes 1 << state in 24 bits */
#define STATE_MAX          63u

/* TimerTimeout() flags: 1 << STATE_x selects the blocking states to time out. */
#define _NTO_TIMEOUT_FLAG(__s)    ((__uint32_t)1 << (__s))
#define _NTO_TIMEOUT_RECEIVE      _NTO_TIMEOUT_FLAG(STATE_RECEIVE)
#define _NTO_TIMEOUT_SEND         _NTO_TIMEOUT_FLAG(STATE_SEND)
#define _NTO_TIMEOUT_REPLY        _NTO_TIMEOUT_FLAG(STATE_REPLY)
#define _NTO_TIMEOUT_MQ_SEND      _NTO_TIMEOUT_FLAG(STATE_MQ_SEND)
#define _NTO_TIMEOUT_MQ_RECEIVE   _NTO_TIMEOUT_FLAG(STATE_MQ_RECEIVE)
#define _NTO_TIMEOUT_SIGSUSPEND   _NTO_TIMEOUT_FLAG(STATE_SIGSUSPEND)
#define _NTO_TIMEOUT_SIGWAITINFO  _NTO_TIMEOUT_FLAG(STATE_SIGWAITINFO)
#define _NTO_TIMEOUT_NANOSLEEP    _NTO_TIMEOUT_FLAG(STATE_NANOSLEEP)
#define _NTO_TIMEOUT_MUTEX        _NTO_TIMEOUT_FLAG(STATE_MUTEX)
#define _NTO_TIMEOUT_CONDVAR      _NTO_TIMEOUT_FLAG(STATE_CONDVAR)
#define _NTO_TIMEOUT_BARRIER      _NTO_TIMEOUT_FLAG(STATE_BARRIER)
#define _NTO_TIMEOUT_JOIN         _NTO_TIMEOUT_FLAG(STATE_JOIN)
#define _NTO_TIMEOUT_INTR         _NTO_TIMEOUT_FLAG(STATE_INTR)
#define _NTO_TIMEOUT_SEM          _NTO_TIMEOUT_FLAG(STATE_SEM)
#define _NTO_TIMEOUT_RWLOCK_READ  _NTO_TIMEOUT_FLAG(STATE_RWLOCK_READ)
#define _NTO_TIMEOUT_RWLOCK_WRITE _NTO_TIMEOUT_FLAG(STATE_RWLOCK_WRITE)
#define _NTO_TIMEOUT_PIPE         _NTO_TIMEOUT_FLAG(STATE_PIPE)
#define _NTO_TIMEOUT_MASK         (((unsigned)1 << STATE_TIMEOUT_MAX) - 1u)
#define _NTO_TIMEOUT_ACTIVE       ((unsigned)1 << STATE_TIMEOUT_MAX)
#define _NTO_TIMEOUT_NO_WAIT      ((unsigned)1 << (STATE_TIMEOUT_MAX + 1u))
#define _NTO_TIMEOUT_IMMEDIATE    _NTO_TIMEOUT_NO_WAIT /* QNX 7 name */

/* ---- messages -------------------------------------------------------------- */

/*
 * What MsgReceive()/MsgInfo() report about a message (QNX 8 _msg_info64).
 * 64 bytes: pid 8, tid 12, chid 16, scoid 20, coid 24, priority 28,
 * flags 30, msglen 32, srcmsglen 40, dstmsglen 48, type_id 56.
 */
struct _msg_info {
	union {
		__uint32_t reserved[2]; /* QNX 8 name */
		struct {
			__uint32_t nd;    /* QNX 7: client node (always ND_LOCAL_NODE) */
			__uint32_t srcnd; /* QNX 7: server node as seen by the client */
		};
	};
	__pid_t pid;         /* sending process */
	__int32_t tid;       /* sending thread */
	__int32_t chid;      /* channel the message arrived on */
	__int32_t scoid;     /* server connection id (identifies the client) */
	__int32_t coid;      /* client's connection id */
	__int16_t priority;  /* sending thread's priority */
	__int16_t flags;     /* _NTO_MI_* */
	__ssize_t msglen;    /* bytes received into the buffer */
	__ssize_t srcmsglen; /* bytes the client sent (with _NTO_CHF_SENDER_LEN) */
	__ssize_t dstmsglen; /* client's reply buffer size (with _NTO_CHF_REPLY_LEN) */
	__uint32_t type_id;  /* channel/client type id */
	__uint32_t reserved2;
};
#define _msg_info64    _msg_info
#define _server_info   _msg_info
#define _server_info64 _msg_info

/*
 * The 32-bit-clean form of _msg_info that QNX 7+ embeds in I/O messages
 * (_io_openfd, _io_dup, _io_mmap) so they have one layout for 32- and
 * 64-bit clients. 48 bytes; the lengths are 32-bit.
 */
struct _msg_info32 {
	__uint32_t nd;
	__uint32_t srcnd;
	__pid_t pid;
	__int32_t tid;
	__int32_t chid;
	__int32_t scoid;
	__int32_t coid;
	__int32_t msglen;
	__int32_t srcmsglen;
	__int32_t dstmsglen;
	__int16_t priority;
	__int16_t flags;
	__uint32_t type_id;
};
#define _server_info32 _msg_info32

/* The part common to every _msg_info variant (QNX 8). 28 bytes. */
struct _msg_info_hdr {
	__uint32_t reserved[2];
	__pid_t pid;
	__int32_t tid;
	__int32_t chid;
	__int32_t scoid;
	__int32_t coid;
};

#define _NTO_MI_ENDIAN_BIG     0x00000001u /* client is big-endian */
#define _NTO_MI_ENDIAN_DIFF    0x00000002u /* client endianness differs */
#define _NTO_MI_UNBLOCK_REQ    0x00000100u /* client wants to unblock */
#define _NTO_MI_NET_CRED_DIRTY 0x00000200u /* (network) credentials changed */
#define _NTO_MI_CHROOT         0x00000800u /* client is chrooted */
#define _NTO_MI_BITS_64        0x00001000u /* client is a 64-bit process */
#define _NTO_MI_BITS_DIFF      0x00002000u /* client's word size differs */

/*
 * A pulse as MsgReceive() delivers it. 24 bytes: type 0, subtype 2,
 * code 4, value 8, scoid 16. MsgReceive() returns 0 for a pulse.
 */
struct _pulse {
	__uint16_t type;    /* _PULSE_TYPE */
	__uint16_t subtype; /* _PULSE_SUBTYPE */
	__int8_t code;      /* _PULSE_CODE_*; user codes are 0..127 */
	__uint8_t zero[3];
	union sigval value;
	__int32_t scoid; /* server connection id of the sender */
};

#define _PULSE_TYPE                 0
#define _PULSE_SUBTYPE              0
#define _PULSE_CODE_UNBLOCK         (-32) /* value: rcvid of the client that wants to unblock */
#define _PULSE_CODE_DISCONNECT      (-33) /* a client's last connection went away (scoid) */
#define _PULSE_CODE_THREADDEATH     (-34) /* value: tid of a thread that died */
#define _PULSE_CODE_COIDDEATH       (-35) /* value: coid whose channel was destroyed */
#define _PULSE_CODE_NET_ACK         (-36) /* obsolete (Qnet) */
#define _PULSE_CODE_NET_UNBLOCK     (-37) /* obsolete (Qnet) */
#define _PULSE_CODE_NET_DETACH      (-38) /* obsolete (Qnet) */
#define _PULSE_CODE_RESTART         (-39) /* value: MsgPause() cookie */
#define _PULSE_CODE_NORESTART       (-40) /* value: MsgPause() cookie */
#define _PULSE_CODE_UNBLOCK_RESTART (-41) /* value: rcvid */
#define _PULSE_CODE_UNBLOCK_TIMER   (-42) /* value: rcvid */
#define _PULSE_CODE_PIPE_INPUT      (-43) /* kernel pipe: data available */
#define _PULSE_CODE_PIPE_OUTPUT     (-44) /* kernel pipe: space available */
#define _PULSE_CODE_MINAVAIL        0     /* first code for applications */
#define _PULSE_CODE_MAXAVAIL        127   /* last code for applications */

#define _NTO_PULSE_IF_UNIQUE        0x1000 /* MsgSendPulse: drop if one is already queued */
#define _NTO_PULSE_REPLACE          0x2000 /* MsgSendPulse: replace a queued one */

/* MsgReadiov() / _NTO_READIOV_* */
#define _NTO_READIOV_SEND  0 /* read from the send buffer */
#define _NTO_READIOV_REPLY 1 /* read from the reply buffer */

/* MsgRegisterEvent() special coid values. */
#define _NTO_REGEVENT_ALLOW_ANY_SERVER (-1)
#define _NTO_REGEVENT_ALLOW_SELF       (-2)

/* ---- credentials ------------------------------------------------------------ */

#define __NGROUPS_MAX 8 /* fixed grouplist size of _cred_info */

/* User and group credentials. 60 bytes; grouplist may be longer in use. */
struct _cred_info {
	__uid_t ruid;
	__uid_t euid;
	__uid_t suid;
	__gid_t rgid;
	__gid_t egid;
	__gid_t sgid;
	__uint32_t ngroups; /* entries stored in grouplist */
	__gid_t grouplist[__NGROUPS_MAX];
};

/* What ConnectClientInfo() reports about a client. 76 bytes. */
struct _client_info {
	__uint32_t nd;    /* node (always ND_LOCAL_NODE) */
	__pid_t pid;      /* client process */
	__pid_t sid;      /* session id */
	__uint32_t flags; /* _NTO_CI_* */
	struct _cred_info cred;
};

#define _NTO_CI_ENDIAN_BIG       0x00000001u
#define _NTO_CI_BKGND_PGRP       0x00000004u /* client's process group is in the background */
#define _NTO_CI_ORPHAN_PGRP      0x00000008u /* client's process group is orphaned */
#define _NTO_CI_STOPPED          0x00000080u /* client is stopped */
#define _NTO_CI_UNABLE           0x00000100u /* an ability check failed */
#define _NTO_CI_TYPE_ID          0x00000200u /* a type id follows the last group */
#define _NTO_CI_CHROOT           0x00000800u /* client is chrooted */
#define _NTO_CI_BITS_64          0x00001000u /* client is a 64-bit process */
#define _NTO_CI_LOADER           0x00008000u /* loader thread */
#define _NTO_CI_GROUPS_INFO_ONLY 0x40000000u /* ngroups is only the count */
#define _NTO_CI_FULL_GROUPS      0x80000000u /* ngroups/grouplist are complete */

/* ConnectClientInfoAble(): one ability to check. 24 bytes. */
struct _client_able {
	__uint32_t ability;
	__uint32_t flags;
	__uint64_t range_lo;
	__uint64_t range_hi;
};

#define _NTO_CLIENTINFO_GETGROUPS 1 /* ConnectClientInfoExt(): get the groups */
#define _NTO_CLIENTINFO_GETTYPEID 2 /* ConnectClientInfoExt(): get the type id */

/* ---- channels and connections ---------------------------------------------- */

#define _NTO_CHF_FIXED_PRIORITY  0x0001u /* don't float receiver priority */
#define _NTO_CHF_UNBLOCK         0x0002u /* _PULSE_CODE_UNBLOCK on client unblock */
#define _NTO_CHF_THREAD_DEATH    0x0004u /* _PULSE_CODE_THREADDEATH */
#define _NTO_CHF_DISCONNECT      0x0008u /* _PULSE_CODE_DISCONNECT */
#define _NTO_CHF_NET_MSG         0x0010u /* obsolete (Qnet) */
#define _NTO_CHF_SENDER_LEN      0x0020u /* fill _msg_info.srcmsglen */
#define _NTO_CHF_COID_DISCONNECT 0x0040u /* _PULSE_CODE_COIDDEATH */
#define _NTO_CHF_REPLY_LEN       0x0080u /* fill _msg_info.dstmsglen */
#define _NTO_CHF_PULSE_POOL      0x0100u /* channel has its own pulse pool */
#define _NTO_CHF_GLOBAL          0x0800u /* global channel */
#define _NTO_CHF_PRIVATE         0x1000u /* only this process may connect */
#define _NTO_CHF_MSG_PAUSING     0x2000u /* MsgPause() allowed */
#define _NTO_CHF_INHERIT_RUNMASK 0x4000u /* receiver inherits sender's runmask */
#define _NTO_CHF_UNBLOCK_TIMER   0x8000u /* _PULSE_CODE_UNBLOCK_TIMER */

#define _NTO_CHO_CUSTOM_EVENT    0x00000001u /* ChannelCreatePulsePool() option */

/* ChannelCtl() commands. */
#define _NTO_CCTL_PULSE_POOL          1
#define _NTO_CCTL_WIDE                2
#define _NTO_CCTL_NOTIFY_SEND         4
#define _NTO_CCTL_SERVER_BOOST_THREAD 5

#define _NTO_COF_CLOEXEC              0x0001u /* close on exec */
#define _NTO_COF_DEAD                 0x0002u /* the channel has gone away */
#define _NTO_COF_NOINHERIT            0x0004u /* not inherited across spawn */
#define _NTO_COF_LOCAL                0x0008u
#define _NTO_COF_NOSHARE              0x0040u /* don't share with other fds */
#define _NTO_COF_ALLOWED              0x0080u
#define _NTO_COF_PIPE                 0x0400u /* kernel pipe connection */
#define _NTO_COF_NOEVENT              0x0800u /* server may not deliver events on it */
#define _NTO_COF_REG_EVENTS           0x2000u /* only registered events */
#define _NTO_COF_DUP2                 0x8000u
#define _NTO_COF_MASK                 0xffffu

#define _NTO_SIDE_CHANNEL             0x40000000u /* coid index bit: not a file descriptor */
#define _NTO_CONNECTION_SCOID         0x00010000u /* bit that marks a scoid */
#define _NTO_GLOBAL_CHANNEL           0x40000000  /* chid bit: global channel */

/* ---- threads ------------------------------------------------------------- */

/*
 * Thread creation attributes (also pthread_attr_t). 104 bytes: flags 0,
 * stacksize 8, stackaddr 16, exitfunc 24, policy 32, param 40,
 * guardsize 88, prealloc 92, reserved 96.
 */
struct _thread_attr {
	int __flags;        /* PTHREAD_* flags */
	_Sizet __stacksize; /* bytes */
	void *__stackaddr;  /* NULL: the creator allocates */
	union {
		void (*__exitfunc)(void *); /* QNX 7: where the thread function returns */
		__uintptr_t __reserved0;    /* QNX 8 name of the same slot */
	};
	int __policy; /* SCHED_* */
	struct sched_param __param;
	unsigned __guardsize; /* bytes */
	unsigned __prealloc;  /* bytes of stack to commit at creation */
	union {
		int __spare[2];          /* QNX 7 name */
		__uintptr_t __reserved1; /* QNX 8 name */
	};
};

/* ThreadCtl() commands. */
#define _NTO_TCTL_IO_PRIV                     1
#define _NTO_TCTL_THREADS_HOLD                2
#define _NTO_TCTL_THREADS_CONT                3
#define _NTO_TCTL_RUNMASK                     4
#define _NTO_TCTL_ALIGN_FAULT                 5
#define _NTO_TCTL_RUNMASK_GET_AND_SET         6
#define _NTO_TCTL_RUNMASK_GET_AND_SET_64      7
#define _NTO_TCTL_ONE_THREAD_HOLD             8
#define _NTO_TCTL_ONE_THREAD_CONT             9
#define _NTO_TCTL_RUNMASK_GET_AND_SET_INHERIT 10
#define _NTO_TCTL_NAME                        11
#define _NTO_TCTL_IO                          14
#define _NTO_TCTL_ADD_EXIT_EVENT              17
#define _NTO_TCTL_DEL_EXIT_EVENT              18
#define _NTO_TCTL_IO_LEVEL                    19
#define _NTO_TCTL_SIGSTACK                    23
#define _NTO_TCTL_TLS_SET_TP                  24
#define _NTO_TCTL_HYP_VCPU                    25
#define _NTO_TCTL_RESERVED                    0x80000000u
#define _NTO_TCTL_IO_LEVEL_INHERIT            0x40000000u

/* _NTO_TCTL_IO_LEVEL levels. */
#define _NTO_IO_LEVEL_NONE   1u
#define _NTO_IO_LEVEL_1      2u
#define _NTO_IO_LEVEL_2      3u

#define _NTO_THREAD_NAME_MAX 100 /* bytes in a thread name */

/* _NTO_TCTL_NAME argument; name_buf follows. */
struct _thread_name {
	int new_name_len; /* -1: only read the name */
	int name_buf_len;
	char name_buf[];
};

/* ---- scheduling ------------------------------------------------------------- */

/* What SchedInfo() reports for a policy. 64 bytes. */
struct _sched_info {
	int priority_min;
	int priority_max;
	__uint64_t interval; /* round-robin quantum, ns */
	int priority_priv;   /* highest priority without the priority ability */
	int reserved[11];
};

/* ---- signals (kernel side) ------------------------------------------------ */

/* What the kernel puts on the stack for the signal stub. 64 bytes. */
struct _sighandler_info {
	__siginfo_t siginfo;
	void (*handler)(int);
	void *context; /* ucontext_t * */
};

/* ---- timers and clocks -------------------------------------------------------- */

/* Expiry and reload in nanoseconds. 16 bytes. */
struct _itimer {
	__uint64_t nsec;
	__uint64_t interval_nsec;
};

/* What TimerInfo() reports. 88 bytes: flags 32, event 56. */
struct _timer_info {
	struct _itimer itime; /* time left / reload */
	struct _itimer otime; /* overrun and timing info */
	__uint32_t flags;     /* _NTO_TI_* */
	__int32_t tid;        /* thread that gets the event */
	__int32_t notify;     /* sigev_notify of the event */
	__clockid_t clockid;
	__uint32_t overruns;
	struct sigevent event;
};

#define _NTO_TI_ACTIVE           0x00000001u /* armed */
#define _NTO_TI_ABSOLUTE         0x00000002u /* absolute expiry */
#define _NTO_TI_EXPIRED          0x00000004u /* has fired */
#define _NTO_TI_TOD_BASED        0x00000008u /* follows the time of day */
#define _NTO_TI_TARGET_PROCESS   0x00000010u /* event goes to the process */
#define _NTO_TI_REPORT_TOLERANCE 0x00000020u /* report the tolerance */
#define _NTO_TI_PRECISE          0x00000040u /* ignore the default tolerance */
#define _NTO_TI_TOLERANT         0x00000080u /* has a tolerance */
#define _NTO_TI_WAKEUP           0x00000100u /* wakes the CPU */
#define _NTO_TI_PROCESS_TOLERANT 0x00000200u /* process default tolerance applies */
#define _NTO_TI_HIGH_RESOLUTION  0x00000400u /* high-resolution timer */

/* TimerInfo() flags. */
#define _NTO_TIMER_SEARCH         0x00000001 /* next timer with id >= the one given */
#define _NTO_TIMER_RESET_OVERRUNS 0x00000002 /* clear the overrun count */
#define _NTO_TIMER_SUPPORT_64BIT  0x00000004

/* ClockPeriod(): the tick length. 8 bytes. */
struct _clockperiod {
	__uint32_t nsec;
	__int32_t fract;
};

/* ClockAdjust(): slew the clock by tick_nsec_inc for tick_count ticks. 8 bytes. */
struct _clockadjust {
	__uint32_t tick_count;
	__int32_t tick_nsec_inc;
};

/* ---- synchronisation objects ------------------------------------------------- */

/*
 * The user-space part of a mutex, condvar, semaphore, ... (QNX sync_t).
 * 8 bytes. __owner holds the owner's (pid << 16 | tid) value from the TLS
 * __owner field, or one of the _NTO_SYNC_* type values below.
 */
struct _sync {
	union {
		unsigned __count; /* mutexes: flags and recursion count; semaphores: value */
		int __fd;         /* named semaphores */
		int __clockid;    /* condvars: clock for timed waits */
	} __u;
	unsigned __owner;
};
typedef struct _sync __sync_t;

/* Attributes for SyncTypeCreate(). 32 bytes. */
struct _sync_attr {
	int __protocol; /* PTHREAD_PRIO_* */
	int __flags;    /* PTHREAD_PROCESS_SHARED, recursive, ... */
	int __prioceiling;
	int __clockid; /* condvars only */
	int __count;   /* semaphores: initial value */
	int __reserved[3];
};

/* SyncTypeCreate() takes the object type as an __owner value:
 * _NTO_SYNC_MUTEX_FREE (mutex), _NTO_SYNC_COND, _NTO_SYNC_SEM, ... */
/* Bits in __count (mutexes). */
#define _NTO_SYNC_NONRECURSIVE 0x80000000u /* not recursive */
#define _NTO_SYNC_SHARED       0x40000000u /* process shared (all objects) */
#define _NTO_SYNC_PRIOCEILING  0x20000000u /* priority ceiling protocol */
#define _NTO_SYNC_PRIONONE     0x10000000u /* no priority inheritance */
#define _NTO_SYNC_WAKEUP       0x08000000u
#define _NTO_SYNC_KFORCE       0x04000000u
#define _NTO_SYNC_ROBUST       0x02000000u /* robust mutex */
#define _NTO_SYNC_NOERRORCHECK 0x01000000u /* no error checking */
#define _NTO_SYNC_COUNTMASK    0x00ffffffu /* recursion count */
/* Values of __owner. */
#define _NTO_SYNC_MUTEX_FREE  0x00000000u         /* unlocked mutex */
#define _NTO_SYNC_WAITING     0x80000000u         /* mutex: there are waiters in the kernel */
#define _NTO_SYNC_OWNER_MASK  0x7fffffffu         /* mutex: the owner */
#define _NTO_SYNC_INITIALIZER 0xffffffffu         /* statically initialized, not yet used */
#define _NTO_SYNC_DESTROYED   0xfffffffeu         /* destroyed object */
#define _NTO_SYNC_NAMED_SEM   0xfffffffdu         /* named semaphore */
#define _NTO_SYNC_SEM         0xfffffffcu         /* unnamed semaphore */
#define _NTO_SYNC_COND        0xfffffffbu         /* condition variable */
#define _NTO_SYNC_SPIN        0xfffffffau         /* spin lock */
#define _NTO_SYNC_JOB         0xfffffff9u         /* job */
#define _NTO_SYNC_BARRIER     0xfffffff8u         /* barrier */
#define _NTO_SYNC_RWLOCK      0xfffffff7u         /* read-write lock */
#define _NTO_SYNC_OWNERDEAD   0xffffff00u         /* mutex whose owner died */
#define _NTO_SYNC_DEAD        _NTO_SYNC_OWNERDEAD /* QNX 6/7 name */

/*
 * QSOE's additions to the sync protocol (values QNX leaves unassigned; the
 * whole protocol is described in <qsoe/syncfast.h> and docs/abi.md).
 */
#define _QSOE_SYNC_OWNER_MAX      0x7ffffeffu /* largest thread owner id (TLS __owner) */
#define _QSOE_SYNC_NOTRECOVERABLE 0xffffff01u /* robust mutex unlocked while inconsistent */
#define _QSOE_SYNC_CEILING_MASK   0x00ff0000u /* mutex with _NTO_SYNC_PRIOCEILING: the ceiling */
#define _QSOE_SYNC_CEILING_SHIFT  16
#define _QSOE_SYNC_CEIL_COUNTMASK 0x0000ffffu /* ... and its recursion count */
#define _QSOE_SYNC_SEM_WAITING    0x80000000u /* semaphore __count: threads wait in the kernel */
#define _QSOE_SYNC_SEM_VALUE      0x7fffffffu /* semaphore __count: the value */

/* SyncCtl() commands. */
#define _NTO_SCTL_SETPRIOCEILING   1 /* mutex: const int *prioceiling */
#define _NTO_SCTL_GETPRIOCEILING   2 /* mutex: int *prioceiling */
#define _NTO_SCTL_SETEVENT         3 /* mutex: struct sigevent * */
#define _NTO_SCTL_MUTEX_WAKEUP     4 /* mutex: struct _sync_ctl_wakeup * */
#define _NTO_SCTL_MUTEX_CONSISTENT 5 /* mutex: pthread_mutex_consistent() */
#define _NTO_SCTL_SEM_VALUE        6 /* semaphore: int *value */

/* SyncCtl(_NTO_SCTL_MUTEX_WAKEUP) argument. */
struct _sync_ctl_wakeup {
	__pid_t __pid;
	int __tid;
};

/* SyncRWLock() operations. */
#define _NTO_RWLOCK_READ_LOCK     0u
#define _NTO_RWLOCK_READ_TRYLOCK  1u
#define _NTO_RWLOCK_READ_UNLOCK   2u
#define _NTO_RWLOCK_WRITE_LOCK    3u
#define _NTO_RWLOCK_WRITE_UNLOCK  4u
#define _NTO_RWLOCK_WRITE_TRYLOCK 5u

/* ---- interrupts ---------------------------------------------------------- */

/* InterruptAttach*() flags. */
#define _NTO_INTR_FLAGS_END            0x00000001u /* after other handlers */
#define _NTO_INTR_FLAGS_NO_UNMASK      0x00000002u /* leave the source masked */
#define _NTO_INTR_FLAGS_PROCESS        0x00000004u /* owned by the process, not the thread */
#define _NTO_INTR_FLAGS_TRK_MSK        0x00000008u /* track the mask count */
#define _NTO_INTR_FLAGS_ARRAY          0x00000010u
#define _NTO_INTR_FLAGS_EXCLUSIVE      0x00000020u /* the only attachment */
#define _NTO_INTR_FLAGS_FPU            0x00000040u
#define _NTO_INTR_FLAGS_CPU_LOCAL      0x00000080u
#define _NTO_INTR_FLAGS_EVENT_PRIORITY 0x00000100u
#define _NTO_INTR_FLAGS_INTERNAL_MASK  0xff000000u

/* InterruptWait() flags. */
#define _NTO_INTR_WAIT_FLAGS_FAST   0x00000001u /* don't wait for other events */
#define _NTO_INTR_WAIT_FLAGS_UNMASK 0x00000002u /* unmask the source, then wait */

#define _NTO_INTR_CLASS_EXTERNAL    0x00000000u
#define _NTO_INTR_CLASS_SYNTHETIC   0x7fff0000u
#define _NTO_INTR_SPARE             (_NTO_INTR_CLASS_SYNTHETIC | 0xffffu)

#define _NTO_IC_LATENCY             0 /* InterruptCharacteristic() type */

/* ---- process flags (taskman / kernel process object) --------------------- */

#define _NTO_PF_NOCLDSTOP     0x00000001u
#define _NTO_PF_LOADING       0x00000002u
#define _NTO_PF_TERMING       0x00000004u
#define _NTO_PF_ZOMBIE        0x00000008u
#define _NTO_PF_NOZOMBIE      0x00000010u
#define _NTO_PF_FORKED        0x00000020u
#define _NTO_PF_STOPPED       0x00000080u
#define _NTO_PF_DEBUG_STOPPED 0x00000100u
#define _NTO_PF_BKGND_PGRP    0x00000200u
#define _NTO_PF_NOISYNC       0x00000400u
#define _NTO_PF_CONTINUED     0x00000800u
#define _NTO_PF_CHECK_INTR    0x00001000u
#define _NTO_PF_COREDUMP      0x00002000u
#define _NTO_PF_SPAWN_HELD    0x00004000u
#define _NTO_PF_SLEADER       0x00010000u
#define _NTO_PF_WAITINFO      0x00020000u
#define _NTO_PF_KILL_REQUEST  0x00080000u
#define _NTO_PF_NOCOREDUMP    0x00100000u
#define _NTO_PF_CORE_REQUEST  0x00200000u
#define _NTO_PF_WAITDONE      0x00400000u
#define _NTO_PF_ASLR          0x01000000u
#define _NTO_PF_EXECED        0x02000000u
#define _NTO_PF_APP_STOPPED   0x04000000u
#define _NTO_PF_64BIT         0x08000000u
#define _NTO_PF_COREDUMP_WAIT 0x10000000u
#define _NTO_PF_NOEXEC_STACK  0x40000000u
#define _NTO_PF_LOADER_PERMS  0x80000000u

/*
 * Bits of struct _thread_attr.__flags (QNX <pthread.h> values; <pthread.h>
 * defines the PTHREAD_* names from these).
 */
#define _QSOE_TATTR_DETACHED          0x01 /* PTHREAD_CREATE_DETACHED */
#define _QSOE_TATTR_EXPLICIT_SCHED    0x02 /* PTHREAD_EXPLICIT_SCHED */
#define _QSOE_TATTR_SCOPE_PROCESS     0x04 /* PTHREAD_SCOPE_PROCESS */
#define _QSOE_TATTR_MULTISIG_DISALLOW 0x08 /* PTHREAD_MULTISIG_DISALLOW */

#endif /* QSOE_ABI_NEUTRINO_H */
