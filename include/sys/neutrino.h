/*
 * sys/neutrino.h - the QNX Neutrino kernel-call API.
 *
 * Every kernel call NAME comes in two forms with the same arguments:
 *   NAME()   returns -1 and sets errno on failure;
 *   NAME_r() returns the negative errno instead and leaves errno alone.
 * Signatures follow the QNX SDP 8.0 C Library Reference (receive ids are
 * 64-bit rcvid_t, MsgSendPulse() takes a long value). The structures and
 * constants are in <qsoe/abi/neutrino.h>, shared with the kernel. The
 * functions are implemented by libqsoe.so for the kernel in use.
 */
#ifndef _SYS_NEUTRINO_H
#define _SYS_NEUTRINO_H

#include <sys/cdefs.h>
#include <sys/types.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/siginfo.h>
#include <qsoe/abi/neutrino.h>
#include <qsoe/abi/tls.h>

/* QNX type names (guarded: <sys/types.h> convention, any include order works). */
#ifndef __DEFINED_iov_t
#define __DEFINED_iov_t
typedef __iov_t iov_t; /* one part of a scattered message */
#endif
#ifndef __DEFINED_rcvid_t
#define __DEFINED_rcvid_t
typedef __rcvid_t rcvid_t; /* receive id */
#endif
#ifndef __DEFINED_sync_t
#define __DEFINED_sync_t
typedef __sync_t sync_t; /* mutex/condvar/semaphore user part */
typedef struct _sync_attr sync_attr_t;
#endif
#ifndef __DEFINED_intrspin_t
#define __DEFINED_intrspin_t
typedef struct intrspin {
	volatile unsigned value;
} intrspin_t;
#endif

__BEGIN_DECLS

/* ---- channels and connections ---- */
int ChannelCreate(unsigned __flags);
int ChannelCreate_r(unsigned __flags);
int ChannelDestroy(int __chid);
int ChannelDestroy_r(int __chid);
int ConnectAttach(uint32_t __nd, pid_t __pid, int __chid, unsigned __index, int __flags);
int ConnectAttach_r(uint32_t __nd, pid_t __pid, int __chid, unsigned __index, int __flags);
int ConnectDetach(int __coid);
int ConnectDetach_r(int __coid);
int ConnectServerInfo(pid_t __pid, int __coid, struct _server_info *__info);
int ConnectServerInfo_r(pid_t __pid, int __coid, struct _server_info *__info);
int ConnectClientInfo(int __scoid, struct _client_info *__info, int __ngroups);
int ConnectClientInfo_r(int __scoid, struct _client_info *__info, int __ngroups);
int ConnectFlags(pid_t __pid, int __coid, unsigned __mask, unsigned __bits);
int ConnectFlags_r(pid_t __pid, int __coid, unsigned __mask, unsigned __bits);

/* ---- messages ---- */
long MsgSend(int __coid, const void *__smsg, size_t __sbytes, void *__rmsg, size_t __rbytes);
long MsgSend_r(int __coid, const void *__smsg, size_t __sbytes, void *__rmsg, size_t __rbytes);
long MsgSendnc(int __coid, const void *__smsg, size_t __sbytes, void *__rmsg, size_t __rbytes);
long MsgSendnc_r(int __coid, const void *__smsg, size_t __sbytes, void *__rmsg, size_t __rbytes);
long MsgSendsv(int __coid, const void *__smsg, size_t __sbytes, const iov_t *__riov,
               size_t __rparts);
long MsgSendsv_r(int __coid, const void *__smsg, size_t __sbytes, const iov_t *__riov,
                 size_t __rparts);
long MsgSendsvnc(int __coid, const void *__smsg, size_t __sbytes, const iov_t *__riov,
                 size_t __rparts);
long MsgSendsvnc_r(int __coid, const void *__smsg, size_t __sbytes, const iov_t *__riov,
                   size_t __rparts);
long MsgSendvs(int __coid, const iov_t *__siov, size_t __sparts, void *__rmsg, size_t __rbytes);
long MsgSendvs_r(int __coid, const iov_t *__siov, size_t __sparts, void *__rmsg, size_t __rbytes);
long MsgSendvsnc(int __coid, const iov_t *__siov, size_t __sparts, void *__rmsg, size_t __rbytes);
long MsgSendvsnc_r(int __coid, const iov_t *__siov, size_t __sparts, void *__rmsg, size_t __rbytes);
long MsgSendv(int __coid, const iov_t *__siov, size_t __sparts, const iov_t *__riov,
              size_t __rparts);
long MsgSendv_r(int __coid, const iov_t *__siov, size_t __sparts, const iov_t *__riov,
                size_t __rparts);
long MsgSendvnc(int __coid, const iov_t *__siov, size_t __sparts, const iov_t *__riov,
                size_t __rparts);
long MsgSendvnc_r(int __coid, const iov_t *__siov, size_t __sparts, const iov_t *__riov,
                  size_t __rparts);
rcvid_t MsgReceive(int __chid, void *__msg, size_t __bytes, struct _msg_info *__info);
rcvid_t MsgReceive_r(int __chid, void *__msg, size_t __bytes, struct _msg_info *__info);
rcvid_t MsgReceivev(int __chid, const iov_t *__iov, size_t __parts, struct _msg_info *__info);
rcvid_t MsgReceivev_r(int __chid, const iov_t *__iov, size_t __parts, struct _msg_info *__info);
int MsgReceivePulse(int __chid, void *__pulse, size_t __bytes, struct _msg_info *__info);
int MsgReceivePulse_r(int __chid, void *__pulse, size_t __bytes, struct _msg_info *__info);
/* QNX 7 (dropped from the QNX 8 header; kept for compatibility). */
int MsgReceivePulsev(int __chid, const iov_t *__iov, size_t __parts, struct _msg_info *__info);
int MsgReceivePulsev_r(int __chid, const iov_t *__iov, size_t __parts, struct _msg_info *__info);
int MsgReply(rcvid_t __rcvid, long __status, const void *__msg, size_t __bytes);
int MsgReply_r(rcvid_t __rcvid, long __status, const void *__msg, size_t __bytes);
int MsgReplyv(rcvid_t __rcvid, long __status, const iov_t *__iov, size_t __parts);
int MsgReplyv_r(rcvid_t __rcvid, long __status, const iov_t *__iov, size_t __parts);
int MsgError(rcvid_t __rcvid, int __err);
int MsgError_r(rcvid_t __rcvid, int __err);
ssize_t MsgRead(rcvid_t __rcvid, void *__msg, size_t __bytes, size_t __offset);
ssize_t MsgRead_r(rcvid_t __rcvid, void *__msg, size_t __bytes, size_t __offset);
ssize_t MsgReadv(rcvid_t __rcvid, const iov_t *__iov, size_t __parts, size_t __offset);
ssize_t MsgReadv_r(rcvid_t __rcvid, const iov_t *__iov, size_t __parts, size_t __offset);
ssize_t MsgReadiov(rcvid_t __rcvid, const iov_t *__iov, size_t __parts, size_t __offset,
                   int __flags);
ssize_t MsgReadiov_r(rcvid_t __rcvid, const iov_t *__iov, size_t __parts, size_t __offset,
                     int __flags);
ssize_t MsgWrite(rcvid_t __rcvid, const void *__msg, size_t __bytes, size_t __offset);
ssize_t MsgWrite_r(rcvid_t __rcvid, const void *__msg, size_t __bytes, size_t __offset);
ssize_t MsgWritev(rcvid_t __rcvid, const iov_t *__iov, size_t __parts, size_t __offset);
ssize_t MsgWritev_r(rcvid_t __rcvid, const iov_t *__iov, size_t __parts, size_t __offset);
int MsgInfo(rcvid_t __rcvid, struct _msg_info *__info);
int MsgInfo_r(rcvid_t __rcvid, struct _msg_info *__info);
int MsgSendPulse(int __coid, int __priority, int __code, long __value);
int MsgSendPulse_r(int __coid, int __priority, int __code, long __value);
int MsgSendPulsePtr(int __coid, int __priority, int __code, void *__value);
int MsgSendPulsePtr_r(int __coid, int __priority, int __code, void *__value);
int MsgDeliverEvent(rcvid_t __rcvid, const struct sigevent *__event);
int MsgDeliverEvent_r(rcvid_t __rcvid, const struct sigevent *__event);
int MsgVerifyEvent(rcvid_t __rcvid, const struct sigevent *__event);
int MsgVerifyEvent_r(rcvid_t __rcvid, const struct sigevent *__event);
int MsgRegisterEvent(struct sigevent *__event, int __coid);
int MsgRegisterEvent_r(struct sigevent *__event, int __coid);
int MsgUnregisterEvent(const struct sigevent *__event);
int MsgUnregisterEvent_r(const struct sigevent *__event);
int MsgCurrent(rcvid_t __rcvid);
int MsgCurrent_r(rcvid_t __rcvid);

/* ---- signals ---- */
int SignalKill(uint32_t __nd, pid_t __pid, int __tid, int __signo, int __code, int __value);
int SignalKill_r(uint32_t __nd, pid_t __pid, int __tid, int __signo, int __code, int __value);
int SignalKillSigval(uint32_t __nd, pid_t __pid, int __tid, int __signo, int __code,
                     const union sigval *__value);
int SignalKillSigval_r(uint32_t __nd, pid_t __pid, int __tid, int __signo, int __code,
                       const union sigval *__value);
int SignalReturn(struct _sighandler_info *__info);
int SignalAction(pid_t __pid, void (*__sigstub)(void), int __signo, const struct sigaction *__act,
                 struct sigaction *__oact);
int SignalAction_r(pid_t __pid, void (*__sigstub)(void), int __signo, const struct sigaction *__act,
                   struct sigaction *__oact);
int SignalProcmask(pid_t __pid, int __tid, int __how, const __sigset_t *__set,
                   __sigset_t *__oldset);
int SignalProcmask_r(pid_t __pid, int __tid, int __how, const __sigset_t *__set,
                     __sigset_t *__oldset);
int SignalSuspend(const __sigset_t *__set);
int SignalSuspend_r(const __sigset_t *__set);
int SignalWaitinfo(const __sigset_t *__set, siginfo_t *__info);
int SignalWaitinfo_r(const __sigset_t *__set, siginfo_t *__info);

/* ---- threads ---- */
int ThreadCreate(pid_t __pid, void *(*__func)(void *__arg), void *__arg,
                 const struct _thread_attr *__attr);
int ThreadCreate_r(pid_t __pid, void *(*__func)(void *__arg), void *__arg,
                   const struct _thread_attr *__attr);
int ThreadDestroy(int __tid, int __priority, void *__status);
int ThreadDestroy_r(int __tid, int __priority, void *__status);
int ThreadDestroyAll(void);
int ThreadDestroyAll_r(void);
int ThreadDetach(int __tid);
int ThreadDetach_r(int __tid);
int ThreadJoin(int __tid, void **__status);
int ThreadJoin_r(int __tid, void **__status);
int ThreadCancel(int __tid, void (*__canstub)(void));
int ThreadCancel_r(int __tid, void (*__canstub)(void));
int ThreadCtl(int __cmd, void *__data);
int ThreadCtl_r(int __cmd, void *__data);
int ThreadCtlExt(pid_t __pid, int __tid, int __cmd, void *__data);
int ThreadCtlExt_r(pid_t __pid, int __tid, int __cmd, void *__data);

/* ---- interrupts ---- */
int InterruptAttachEvent(int __intr, const struct sigevent *__event, unsigned __flags);
int InterruptAttachEvent_r(int __intr, const struct sigevent *__event, unsigned __flags);
int InterruptAttachThread(int __intr, unsigned __flags);
int InterruptAttachThread_r(int __intr, unsigned __flags);
int InterruptDetach(int __id);
int InterruptDetach_r(int __id);
int InterruptWait(int __flags, const uint64_t *__timeout);
int InterruptWait_r(int __flags, const uint64_t *__timeout);
int InterruptMask(int __intr, int __id);
int InterruptUnmask(int __intr, int __id);

/* ---- scheduling ---- */
int SchedGet(pid_t __pid, int __tid, struct sched_param *__param);
int SchedGet_r(pid_t __pid, int __tid, struct sched_param *__param);
int SchedSet(pid_t __pid, int __tid, int __algorithm, const struct sched_param *__param);
int SchedSet_r(pid_t __pid, int __tid, int __algorithm, const struct sched_param *__param);
int SchedInfo(pid_t __pid, int __algorithm, struct _sched_info *__info);
int SchedInfo_r(pid_t __pid, int __algorithm, struct _sched_info *__info);
int SchedYield(void);
int SchedYield_r(void);
/* Not provided: SchedCtl (adaptive partitioning, clusters). */
unsigned SchedGetCpuNum(void);

/* ---- timers ---- */
int TimerCreate(clockid_t __id, const struct sigevent *__notify);
int TimerCreate_r(clockid_t __id, const struct sigevent *__notify);
int TimerDestroy(timer_t __id);
int TimerDestroy_r(timer_t __id);
int TimerSettime(timer_t __id, int __flags, const struct _itimer *__itime,
                 struct _itimer *__oitime);
int TimerSettime_r(timer_t __id, int __flags, const struct _itimer *__itime,
                   struct _itimer *__oitime);
int TimerInfo(pid_t __pid, timer_t __id, int __flags, struct _timer_info *__info);
int TimerInfo_r(pid_t __pid, timer_t __id, int __flags, struct _timer_info *__info);
int TimerAlarm(clockid_t __id, const struct _itimer *__itime, struct _itimer *__otime);
int TimerAlarm_r(clockid_t __id, const struct _itimer *__itime, struct _itimer *__otime);
int TimerTimeout(clockid_t __id, uint32_t __flags, const struct sigevent *__notify,
                 const uint64_t *__ntime, uint64_t *__otime);
int TimerTimeout_r(clockid_t __id, uint32_t __flags, const struct sigevent *__notify,
                   const uint64_t *__ntime, uint64_t *__otime);

/* ---- synchronisation ---- */
int SyncTypeCreate(unsigned __type, sync_t *__sync, const struct _sync_attr *__attr);
int SyncTypeCreate_r(unsigned __type, sync_t *__sync, const struct _sync_attr *__attr);
int SyncDestroy(sync_t *__sync);
int SyncDestroy_r(sync_t *__sync);
int SyncCtl(int __cmd, sync_t *__sync, void *__data);
int SyncCtl_r(int __cmd, sync_t *__sync, void *__data);
/* Not provided: SyncMutexEvent (a dead owner's robust mutex is revived with SyncMutexRevive). */
int SyncMutexLock(sync_t *__sync);
int SyncMutexLock_r(sync_t *__sync);
int SyncMutexUnlock(sync_t *__sync);
int SyncMutexUnlock_r(sync_t *__sync);
/* QNX 7 (dropped from the QNX 8 header; kept for robust mutexes). */
int SyncMutexRevive(sync_t *__sync);
int SyncMutexRevive_r(sync_t *__sync);
int SyncCondvarWait(sync_t *__sync, sync_t *__mutex);
int SyncCondvarWait_r(sync_t *__sync, sync_t *__mutex);
int SyncCondvarSignal(sync_t *__sync, int __all);
int SyncCondvarSignal_r(sync_t *__sync, int __all);
int SyncSemPost(sync_t *__sync);
int SyncSemPost_r(sync_t *__sync);
int SyncSemWait(sync_t *__sync, int __tryto);
int SyncSemWait_r(sync_t *__sync, int __tryto);

/* ---- clocks ---- */
int ClockTime(clockid_t __id, const uint64_t *__new, uint64_t *__old);
int ClockTime_r(clockid_t __id, const uint64_t *__new, uint64_t *__old);
int ClockAdjust(clockid_t __id, const struct _clockadjust *__new, struct _clockadjust *__old);
int ClockAdjust_r(clockid_t __id, const struct _clockadjust *__new, struct _clockadjust *__old);
int ClockPeriod(clockid_t __id, const struct _clockperiod *__new, struct _clockperiod *__old,
                int __reserved);
int ClockPeriod_r(clockid_t __id, const struct _clockperiod *__new, struct _clockperiod *__old,
                  int __reserved);
int ClockId(pid_t __pid, int __tid);
int ClockId_r(pid_t __pid, int __tid);

__END_DECLS

/*
 * ClockCycles - a free-running 64-bit counter. On RISC-V this is the time
 * CSR (rdtime), which user mode may read; its rate is the timebase
 * frequency from the device tree (SYSPAGE cycles_per_sec in QNX terms).
 */
#if defined(__riscv)
static inline uint64_t ClockCycles(void)
{
	uint64_t t;

	__asm__ volatile("rdtime %0" : "=r"(t));
	return t;
}
#else
__BEGIN_DECLS
uint64_t ClockCycles(void);
__END_DECLS
#endif

#endif /* _SYS_NEUTRINO_H */
