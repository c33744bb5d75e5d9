/*
 * qsoe/abi/signal.h - signal numbers, sigset, sigval, sigevent, siginfo,
 * sigaction and stack_t with QNX Neutrino's values and 64-bit layouts.
 *
 * Shared by the kernel (signal delivery, event delivery), taskman and libc.
 * <signal.h> and <sys/siginfo.h> include this and add the POSIX typedef names:
 *     typedef __sigset_t sigset_t;  typedef __siginfo_t siginfo_t;
 *     typedef __stack_t stack_t;
 * Sources: QNX's <signal.h>/<sys/siginfo.h> documentation (sigevent, siginfo_t
 * and "Signal summary" pages) and rust-lang/libc src/unix/nto/mod.rs.
 */
#ifndef QSOE_ABI_SIGNAL_H
#define QSOE_ABI_SIGNAL_H

#include <qsoe/abi/types.h>

/* ---- signal numbers ---------------------------------------------------- */

#define SIGHUP    1  /* hangup */
#define SIGINT    2  /* interrupt */
#define SIGQUIT   3  /* quit */
#define SIGILL    4  /* illegal instruction */
#define SIGTRAP   5  /* trace trap */
#define SIGIOT    6  /* IOT instruction (same as SIGABRT) */
#define SIGABRT   6  /* abort() */
#define SIGEMT    7  /* EMT instruction (same as SIGDEADLK) */
#define SIGDEADLK 7  /* mutex deadlock (owner died, no SyncMutexEvent) */
#define SIGFPE    8  /* floating-point exception */
#define SIGKILL   9  /* kill (cannot be caught or ignored) */
#define SIGBUS    10 /* bus error */
#define SIGSEGV   11 /* segmentation violation */
#define SIGSYS    12 /* bad argument to a system call */
#define SIGPIPE   13 /* write on a pipe with no reader */
#define SIGALRM   14 /* real-time alarm clock */
#define SIGTERM   15 /* software termination */
#define SIGUSR1   16 /* user signal 1 */
#define SIGUSR2   17 /* user signal 2 */
#define SIGCHLD   18 /* child stopped or terminated */
#define SIGCLD    SIGCHLD
#define SIGPWR    19 /* power-fail restart */
#define SIGWINCH  20 /* window size change */
#define SIGURG    21 /* urgent condition on an I/O channel */
#define SIGPOLL   22 /* pollable event (System V name) */
#define SIGIO     SIGPOLL
#define SIGSTOP   23 /* stop (cannot be caught or ignored) */
#define SIGTSTP   24 /* stop from the terminal */
#define SIGCONT   25 /* continue a stopped process */
#define SIGTTIN   26 /* background read from the terminal */
#define SIGTTOU   27 /* background write to the terminal */
#define SIGVTALRM 28 /* virtual timer expired */
#define SIGPROF   29 /* profiling timer expired */
#define SIGXCPU   30 /* CPU time limit exceeded */
#define SIGXFSZ   31 /* file size limit exceeded */

#define _SIGMIN   1  /* lowest signal number */
#define _SIGMAX   64 /* highest signal number the kernel knows */
#define _NSIG     57 /* user signals are 1 .. _NSIG-1 */
#define NSIG      _NSIG
#define MAXSIG    64 /* kernel use: NSIG-1 <= MAXSIG */
#define SIGRTMIN  41 /* first POSIX real-time signal */
#define SIGRTMAX  56 /* last POSIX real-time signal */
/* 57..64 are special: always blocked and queued, cannot be caught. */
#define SIGSELECT (SIGRTMAX + 1) /* used by select() */
#define SIGPHOTON (SIGRTMAX + 2) /* reserved (Photon) */

/* Set in a signal number given to SignalKill(): the killed thread does not inherit the killer's priority. */
#define SIG_TERMER_NOINHERIT 0x80000000

/* ---- SignalProcmask() / sigprocmask() "how" ------------------------------ */

#define SIG_BLOCK   0 /* add to the blocked set */
#define SIG_UNBLOCK 1 /* remove from the blocked set */
#define SIG_SETMASK 2 /* replace the blocked set */
#define SIG_PENDING 5 /* QNX: return the pending set in the old set */

/* ---- sigaction flags ----------------------------------------------------- */

#define SA_NOCLDSTOP 0x0001 /* no SIGCHLD when a child stops */
#define SA_SIGINFO   0x0002 /* queue, and call sa_sigaction with siginfo */
#define SA_RESETHAND 0x0004 /* reset the handler to SIG_DFL on delivery */
/* SA_ONSTACK / SA_RESTART: QNX reserves these bits (documented as "not
 * supported yet" in QNX 6/7 headers); values not confirmed for QNX 8. */
#define SA_ONSTACK   0x0008 /* take the signal on the alternate stack */
#define SA_NODEFER   0x0010 /* do not block the signal in its handler */
#define SA_NOCLDWAIT 0x0020 /* do not create zombies for unwaited children */
#define SA_RESTART   0x0040 /* restart interrupted calls */
#define SA_MASK      0x00ff /* all the SA_* bits */

/* sigaltstack() ss_flags */
#define SS_ONSTACK 1 /* currently on the alternate stack */
#define SS_DISABLE 2 /* the alternate stack is disabled */

/* Special handler values. */
#define SIG_ERR  ((void (*)(int)) - 1)
#define SIG_DFL  ((void (*)(int))0)
#define SIG_IGN  ((void (*)(int))1)
#define SIG_HOLD ((void (*)(int))2)

/* ---- types ------------------------------------------------------------- */

/*
 * A set of signals 1.._SIGMAX: bit (signo-1) of the 64-bit set. 8 bytes,
 * two 32-bit words as rust-lang/libc has it for QNX 7/8. Unconfirmed: a
 * QNX 7.1-era target_nto.h defines __SIGSET_T as one _Uint64t, which would
 * make it 8-byte aligned (and move sigaction.sa_mask from 12 to 16).
 */
typedef struct {
	__uint32_t __bits[2];
} __sigset_t;

/* A value carried by a signal or event. 8 bytes. */
union sigval {
	int sival_int;
	void *sival_ptr;
	long sival_long; /* QNX 8 */
};

struct _thread_attr; /* pthread_attr_t; see qsoe/abi/neutrino.h */

/*
 * struct sigevent - how to notify (SIGEV_* in sigev_notify) and with what.
 * 32 bytes: notify at 0, un1 at 8, sigev_value at 16, un2 at 24.
 */
struct sigevent {
	int sigev_notify; /* SIGEV_* type in the low byte, SIGEV_FLAG_* above */
	union {
		int __sigev_signo; /* SIGEV_SIGNAL*: the signal */
		int __sigev_coid;  /* SIGEV_PULSE: connection to send on */
		int __sigev_id;    /* reserved */
		void (*__sigev_notify_function)(union sigval); /* SIGEV_THREAD */
		volatile unsigned *__sigev_addr;               /* SIGEV_MEMORY */
		unsigned __sigev_handle; /* SIGEV_FLAG_HANDLE: registered event */
	} __sigev_un1;
	union sigval sigev_value;
	union {
		struct {
			short __sigev_code;     /* SIGEV_SIGNAL_CODE/THREAD, PULSE */
			short __sigev_priority; /* SIGEV_PULSE */
		} __st;
		struct _thread_attr *__sigev_notify_attributes; /* SIGEV_THREAD */
		int __sigev_memop;                              /* SIGEV_MEMORY */
	} __sigev_un2;
};
#define sigev_signo             __sigev_un1.__sigev_signo
#define sigev_coid              __sigev_un1.__sigev_coid
#define sigev_id                __sigev_un1.__sigev_id
#define sigev_notify_function   __sigev_un1.__sigev_notify_function
#define sigev_addr              __sigev_un1.__sigev_addr
#define sigev_handle            __sigev_un1.__sigev_handle
#define sigev_notify_attributes __sigev_un2.__sigev_notify_attributes
#define sigev_code              __sigev_un2.__st.__sigev_code
#define sigev_priority          __sigev_un2.__st.__sigev_priority
#define sigev_memop             __sigev_un2.__sigev_memop

/*
 * sigev_notify types. QNX marks the 64-bit sigevent layout with
 * SIGEV_64BIT; on a 64-bit system every type except SIGEV_NONE carries it
 * (rust-lang/libc: SIGEV_SIGNAL = 129, SIGEV_THREAD = 135).
 */
#define SIGEV_64BIT                0x80
#define SIGEV_NONE                 0                 /* no notification */
#define SIGEV_SIGNAL               (SIGEV_64BIT | 1) /* signo, value */
#define SIGEV_SIGNAL_CODE          (SIGEV_64BIT | 2) /* signo, value, code */
#define SIGEV_SIGNAL_THREAD        (SIGEV_64BIT | 3) /* signo, value, code; to the thread */
#define SIGEV_PULSE                (SIGEV_64BIT | 4) /* coid, priority, code, value */
#define SIGEV_UNBLOCK              (SIGEV_64BIT | 5) /* unblock the thread (timeouts) */
#define SIGEV_INTR                 (SIGEV_64BIT | 6) /* wake InterruptWait() */
#define SIGEV_THREAD               (SIGEV_64BIT | 7) /* function, attributes, value */
#define SIGEV_MEMORY               (SIGEV_64BIT | 8) /* addr, value, memop */

#define SIGEV_TYPE_MASK            0x000000ff /* the type part of sigev_notify */
#define SIGEV_FLAG_OVERDRIVE       0x00000200 /* delivery needs full CPU speed */
#define SIGEV_FLAG_UPDATEABLE      0x00000400 /* server may change sigev_value */
#define SIGEV_FLAG_SIVAL_INT       0x00000800 /* sigev_value holds an int */
#define SIGEV_FLAG_NOQUEUE         0x00001000 /* drop a pulse nobody waits for */
#define SIGEV_FLAG_HANDLE          0x00002000 /* sigev_handle names a registered event */
#define SIGEV_FLAG_CODE_UPDATEABLE 0x00004000 /* server may change sigev_code */
#define SIGEV_INVALID_HANDLE       0xffffffffU

/* The event's type without the flag bits. */
#define SIGEV_GET_TYPE(__e) ((int)((unsigned)(__e)->sigev_notify & SIGEV_TYPE_MASK))
/* Change the type and keep the flag bits. */
#define SIGEV_SET_TYPE(__e, __t) \
	((__e)->sigev_notify =   \
	         (int)(((unsigned)(__e)->sigev_notify & ~SIGEV_TYPE_MASK) | (unsigned)(__t)))

/* SIGEV_PULSE priority: the receiving thread keeps its own priority. */
#define SIGEV_PULSE_PRIO_INHERIT (-1)

/* SIGEV_MEMORY operations (sigev_memop) on *sigev_addr with sigev_value. */
#define SIGEV_MEM_ASSIGN    1
#define SIGEV_MEM_ADD       2
#define SIGEV_MEM_SUB       3
#define SIGEV_MEM_BITSET    4
#define SIGEV_MEM_BITCLR    5
#define SIGEV_MEM_BITTOGGLE 6

/* ---- siginfo ------------------------------------------------------------- */

/* si_code values from user space (si_code <= 0). */
#define SI_USER              0      /* kill(), raise() */
#define SI_RESERVED1         (-1)   /* reserved */
#define SI_QUEUE             (-2)   /* sigqueue() */
#define SI_TIMER             (-3)   /* timer expiry */
#define SI_ASYNCIO           (-4)   /* asynchronous I/O completion */
#define SI_MESGQ             (-5)   /* message arrived on an empty queue */
#define SI_NOTIFY            (-6)   /* resource manager notification */
#define SI_IRQ               (-7)   /* interrupt */
#define SI_MINAVAIL          (-128) /* first code free for applications */
#define SI_MAXAVAIL          (-64)  /* last code free for applications */
#define SI_NOINFO            127    /* only si_signo is valid */
#define SI_MAXSZ             126    /* largest kernel code */
#define SI_FROMUSER(__sip)   ((__sip)->si_code <= 0)
#define SI_FROMKERNEL(__sip) ((__sip)->si_code > 0)

/* SIGILL codes (si_addr = faulting instruction). */
#define ILL_ILLOPC 1 /* illegal opcode */
#define ILL_ILLOPN 2 /* illegal operand */
#define ILL_ILLADR 3 /* illegal addressing mode */
#define ILL_ILLTRP 4 /* illegal trap */
#define ILL_PRVOPC 5 /* privileged opcode */
#define ILL_PRVREG 6 /* privileged register */
#define ILL_COPROC 7 /* coprocessor error */
#define ILL_BADSTK 8 /* internal stack error */
#define NSIGILL    8

/* SIGSEGV codes (si_addr = faulting reference). */
#define SEGV_MAPERR 1 /* address not mapped */
#define SEGV_ACCERR 2 /* no permission */
#define SEGV_STKERR 3 /* stack exception */
#define SEGV_GPERR  4 /* general protection */
#define SEGV_IRQERR 5 /* interrupt handler fault */
#define NSIGSEGV    5

/* SIGBUS codes (si_addr = faulting reference). */
#define BUS_ADRALN  1  /* invalid address alignment */
#define BUS_ADRERR  2  /* non-existent physical address */
#define BUS_OBJERR  3  /* object-specific hardware error */
#define BUS_BADPAGE 4  /* bad page */
#define BUS_ENDOBJ  5  /* access beyond the end of the object */
#define BUS_EOTHER  6  /* other (untranslated) error fault */
#define BUS_ENOENT  7  /* no such object */
#define BUS_EAGAIN  8  /* transient fault, often out of memory */
#define BUS_ENOMEM  9  /* no memory to satisfy the request */
#define BUS_EFAULT  10 /* bad address */
#define BUS_EINVAL  11 /* invalid argument */
#define BUS_EACCES  12 /* permission denied */
#define BUS_EBADF   13 /* invalid file descriptor */
#define BUS_SRVERR  50 /* codes above this come from a server */
#define NSIGBUS     3

/* SIGCHLD codes (si_pid = child, si_status = exit value or signal). */
#define CLD_EXITED    1 /* child exited */
#define CLD_KILLED    2 /* child was killed */
#define CLD_DUMPED    3 /* child terminated abnormally */
#define CLD_TRAPPED   4 /* traced child trapped */
#define CLD_STOPPED   5 /* child stopped */
#define CLD_CONTINUED 6 /* stopped child continued */
#define NSIGCLD       6

/* SIGTRAP codes. */
#define TRAP_BRKPT 1 /* breakpoint */
#define TRAP_TRACE 2 /* trace */
#define TRAP_KDBRK 3 /* kernel debugger breakpoint */
#define TRAP_CRASH 4 /* crash */
#define NSIGTRAP   4

/* SIGFPE codes (si_addr = faulting instruction). */
#define FPE_INTDIV 1  /* integer divide by zero */
#define FPE_INTOVF 2  /* integer overflow */
#define FPE_FLTDIV 3  /* floating-point divide by zero */
#define FPE_FLTOVF 4  /* floating-point overflow */
#define FPE_FLTUND 5  /* floating-point underflow */
#define FPE_FLTRES 6  /* floating-point inexact result */
#define FPE_FLTINV 7  /* invalid floating-point operation */
#define FPE_FLTSUB 8  /* subscript out of range */
#define FPE_NOFPU  9  /* no FPU or emulator */
#define FPE_NOMEM  10 /* no kernel space for the FPU save area */
#define NSIGFPE    10

/*
 * Information about a signal. 48 bytes: signo 0, code 4, errno 8, the
 * union at 16 (si_pid 16, si_uid 24, si_value 32, si_status 28, si_addr 32).
 */
typedef struct _siginfo {
	int si_signo;
	int si_code; /* SI_* or a per-signal code; SI_NOINFO: only si_signo */
	int si_errno;
	union {
		int __pad[7];
		struct {
			__pid_t __pid;
			union {
				struct {
					__uid_t __uid;
					union sigval __value;
				} __kill; /* si_code <= 0 */
				struct {
					__clock_t __utime;
					int __status; /* CLD_EXITED: exit value, else signo */
					__clock_t __stime;
				} __chld; /* SIGCHLD */
			} __pdata;
		} __proc;
		struct {
			int __fltno; /* machine fault number */
			void *__fltip;
			void *__addr;
			int __bdslot;
		} __fault; /* SIGSEGV, SIGILL, SIGFPE, SIGTRAP, SIGBUS */
	} __data;
} __siginfo_t;
#define si_pid    __data.__proc.__pid
#define si_value  __data.__proc.__pdata.__kill.__value
#define si_uid    __data.__proc.__pdata.__kill.__uid
#define si_status __data.__proc.__pdata.__chld.__status
#define si_utime  __data.__proc.__pdata.__chld.__utime
#define si_stime  __data.__proc.__pdata.__chld.__stime
#define si_fltno  __data.__fault.__fltno
#define si_trapno si_fltno
#define si_addr   __data.__fault.__addr
#define si_fltip  __data.__fault.__fltip
#define si_bdslot __data.__fault.__bdslot

/* ---- sigaction ----------------------------------------------------------- */

/* 24 bytes: handler 0, sa_flags 8, sa_mask 12. */
struct sigaction {
	union {
		void (*_sa_handler)(int);
		void (*_sa_sigaction)(int, __siginfo_t *, void *);
	} __sa_un;
	int sa_flags;
	__sigset_t sa_mask;
};
#define sa_handler   __sa_un._sa_handler
#define sa_sigaction __sa_un._sa_sigaction

/* Alternate signal stack. 24 bytes. */
typedef struct sigaltstack {
	void *ss_sp;
	_Sizet ss_size;
	int ss_flags;
} __stack_t;

#endif /* QSOE_ABI_SIGNAL_H */
