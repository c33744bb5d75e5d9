/*
 * sys/siginfo.h - siginfo_t, union sigval, struct sigevent and the QNX
 * macros that fill in a sigevent.
 *
 * The types and SIGEV_* / SI_* constants are in <qsoe/abi/signal.h> (shared
 * with the kernel). The *_INIT macros set the notification type and the
 * fields it uses; they leave the other fields alone, as QNX's do, so clear
 * the structure first if it will be compared or copied whole. After
 * initialising, change the type only with SIGEV_SET_TYPE(): sigev_notify
 * also carries SIGEV_FLAG_* bits.
 */
#ifndef _SYS_SIGINFO_H
#define _SYS_SIGINFO_H

#include <qsoe/abi/signal.h>

#ifndef __DEFINED_siginfo_t
#define __DEFINED_siginfo_t
typedef __siginfo_t siginfo_t;
#endif

/* Cast a value argument to the pointer member of union sigval. */
#define __SIGEV_PTR(__v) ((void *)(__uintptr_t)(__v))

/* No notification. */
#define SIGEV_NONE_INIT(__e) ((__e)->sigev_notify = SIGEV_NONE)

/* Send signal __s. */
#define SIGEV_SIGNAL_INIT(__e, __s) ((__e)->sigev_notify = SIGEV_SIGNAL, (__e)->sigev_signo = (__s))

/* Send signal __s with value __v. */
#define SIGEV_SIGNAL_VALUE_INIT(__e, __s, __v)                           \
	((__e)->sigev_notify = SIGEV_SIGNAL, (__e)->sigev_signo = (__s), \
	 (__e)->sigev_value.sival_ptr = __SIGEV_PTR(__v))
#define SIGEV_SIGNAL_VALUE_PTR_INIT(__e, __s, __v) SIGEV_SIGNAL_VALUE_INIT(__e, __s, __v)
#define SIGEV_SIGNAL_VALUE_INT_INIT(__e, __s, __v)                                              \
	((__e)->sigev_notify = SIGEV_SIGNAL | SIGEV_FLAG_SIVAL_INT, (__e)->sigev_signo = (__s), \
	 (__e)->sigev_value.sival_int = (int)(__v))

/* Send signal __s with value __v and code __c (SI_MINAVAIL..SI_MAXAVAIL). */
#define SIGEV_SIGNAL_CODE_INIT(__e, __s, __v, __c)                            \
	((__e)->sigev_notify = SIGEV_SIGNAL_CODE, (__e)->sigev_signo = (__s), \
	 (__e)->sigev_value.sival_ptr = __SIGEV_PTR(__v), (__e)->sigev_code = (short)(__c))
#define SIGEV_SIGNAL_CODE_PTR_INIT(__e, __s, __v, __c) SIGEV_SIGNAL_CODE_INIT(__e, __s, __v, __c)
#define SIGEV_SIGNAL_CODE_INT_INIT(__e, __s, __v, __c)                          \
	((__e)->sigev_notify = SIGEV_SIGNAL_CODE | SIGEV_FLAG_SIVAL_INT,        \
	 (__e)->sigev_signo = (__s), (__e)->sigev_value.sival_int = (int)(__v), \
	 (__e)->sigev_code = (short)(__c))

/* Send signal __s to the thread that armed the event, with value and code. */
#define SIGEV_SIGNAL_THREAD_INIT(__e, __s, __v, __c)                            \
	((__e)->sigev_notify = SIGEV_SIGNAL_THREAD, (__e)->sigev_signo = (__s), \
	 (__e)->sigev_value.sival_ptr = __SIGEV_PTR(__v), (__e)->sigev_code = (short)(__c))

/*
 * Send a pulse on connection __coid at priority __p (or
 * SIGEV_PULSE_PRIO_INHERIT) with code __c and value __v.
 */
#define SIGEV_PULSE_INIT(__e, __coid, __p, __c, __v)                                            \
	((__e)->sigev_notify = SIGEV_PULSE, (__e)->sigev_coid = (__coid),                       \
	 (__e)->sigev_priority = (short)(__p), (__e)->sigev_value.sival_ptr = __SIGEV_PTR(__v), \
	 (__e)->sigev_code = (short)(__c))
#define SIGEV_PULSE_PTR_INIT(__e, __coid, __p, __c, __v) \
	SIGEV_PULSE_INIT(__e, __coid, __p, __c, __v)
#define SIGEV_PULSE_INT_INIT(__e, __coid, __p, __c, __v)                                         \
	((__e)->sigev_notify = SIGEV_PULSE | SIGEV_FLAG_SIVAL_INT, (__e)->sigev_coid = (__coid), \
	 (__e)->sigev_priority = (short)(__p), (__e)->sigev_value.sival_int = (int)(__v),        \
	 (__e)->sigev_code = (short)(__c))

/* Unblock the thread (kernel timeouts). */
#define SIGEV_UNBLOCK_INIT(__e) ((__e)->sigev_notify = SIGEV_UNBLOCK)

/* Wake the thread in InterruptWait(). */
#define SIGEV_INTR_INIT(__e) ((__e)->sigev_notify = SIGEV_INTR)

/* Run __f(__v) in a new thread created with attributes __a (may be NULL). */
#define SIGEV_THREAD_INIT(__e, __f, __v, __a)                                      \
	((__e)->sigev_notify = SIGEV_THREAD, (__e)->sigev_notify_function = (__f), \
	 (__e)->sigev_value.sival_ptr = __SIGEV_PTR(__v), (__e)->sigev_notify_attributes = (__a))

/* Apply operation __o (SIGEV_MEM_*) with value __v to the word at __a. */
#define SIGEV_MEMORY_INIT(__e, __a, __v, __o)                           \
	((__e)->sigev_notify = SIGEV_MEMORY, (__e)->sigev_addr = (__a), \
	 (__e)->sigev_value.sival_int = (int)(__v), (__e)->sigev_memop = (__o))

/* Flag helpers: the server may update sigev_value before delivery. */
#define SIGEV_MAKE_UPDATEABLE(__e)  ((__e)->sigev_notify |= SIGEV_FLAG_UPDATEABLE)
#define SIGEV_CLEAR_UPDATEABLE(__e) ((__e)->sigev_notify &= ~SIGEV_FLAG_UPDATEABLE)
/* Delivery will need the CPU at full speed. */
#define SIGEV_MAKE_OVERDRIVE(__e)  ((__e)->sigev_notify |= SIGEV_FLAG_OVERDRIVE)
#define SIGEV_CLEAR_OVERDRIVE(__e) ((__e)->sigev_notify &= ~SIGEV_FLAG_OVERDRIVE)
/* Drop a pulse that no thread is waiting for. */
#define SIGEV_MAKE_NOQUEUE(__e)  ((__e)->sigev_notify |= SIGEV_FLAG_NOQUEUE)
#define SIGEV_CLEAR_NOQUEUE(__e) ((__e)->sigev_notify &= ~SIGEV_FLAG_NOQUEUE)

/* Bytes of the sigevent as the kernel reads it (only the 64-bit layout exists). */
#define SIGEV_GET_SIZE(__e) (sizeof(struct sigevent))

#endif /* _SYS_SIGINFO_H */
