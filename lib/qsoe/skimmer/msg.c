/*
 * msg.c - the QNX message-passing API on Skimmer.
 *
 * Skimmer has one kernel call per operation; every single-buffer form
 * (MsgSend, MsgReceive, MsgReply, MsgRead, ...) passes its buffer as a
 * negative parts count (-bytes), which the kernel treats as one buffer.
 * Each function has a _r form returning -errno and a plain form setting
 * errno.
 */
#include <errno.h>
#include <limits.h>
#include <sys/neutrino.h>
#include "kcall_numbers.h"
#include "kcall_raw.h"

/* A byte count as a single-buffer parts argument; 0 if it cannot be. */
static inline long single(size_t bytes, int *bad)
{
	if (bytes > LONG_MAX) {
		*bad = 1;
		return 0;
	}
	return -(long)bytes;
}

static inline long parts(size_t n, int *bad)
{
	if (n > LONG_MAX) {
		*bad = 1;
		return 0;
	}
	return (long)n;
}

#define ERRNO_WRAP(type, call)             \
	do {                               \
		long __r = (long)(call);   \
		if (__r < 0) {             \
			errno = (int)-__r; \
			return (type)-1;   \
		}                          \
		return (type)__r;          \
	} while (0)

static long send(long num, int coid, const void *s, long sp, void *r, long rp, int bad)
{
	if (bad)
		return -EINVAL;
	return __kcall5(num, coid, (long)s, sp, (long)r, rp);
}

long MsgSend_r(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes)
{
	int bad = 0;
	long sp = single(sbytes, &bad), rp = single(rbytes, &bad);
	return send(__KER_MSG_SENDV, coid, smsg, sp, rmsg, rp, bad);
}

long MsgSend(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes)
{
	ERRNO_WRAP(long, MsgSend_r(coid, smsg, sbytes, rmsg, rbytes));
}

long MsgSendnc_r(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes)
{
	int bad = 0;
	long sp = single(sbytes, &bad), rp = single(rbytes, &bad);
	return send(__KER_MSG_SENDVNC, coid, smsg, sp, rmsg, rp, bad);
}

long MsgSendnc(int coid, const void *smsg, size_t sbytes, void *rmsg, size_t rbytes)
{
	ERRNO_WRAP(long, MsgSendnc_r(coid, smsg, sbytes, rmsg, rbytes));
}

long MsgSendsv_r(int coid, const void *smsg, size_t sbytes, const iov_t *riov, size_t rparts)
{
	int bad = 0;
	long sp = single(sbytes, &bad), rp = parts(rparts, &bad);
	return send(__KER_MSG_SENDV, coid, smsg, sp, (void *)riov, rp, bad);
}

long MsgSendsv(int coid, const void *smsg, size_t sbytes, const iov_t *riov, size_t rparts)
{
	ERRNO_WRAP(long, MsgSendsv_r(coid, smsg, sbytes, riov, rparts));
}

long MsgSendsvnc_r(int coid, const void *smsg, size_t sbytes, const iov_t *riov, size_t rparts)
{
	int bad = 0;
	long sp = single(sbytes, &bad), rp = parts(rparts, &bad);
	return send(__KER_MSG_SENDVNC, coid, smsg, sp, (void *)riov, rp, bad);
}

long MsgSendsvnc(int coid, const void *smsg, size_t sbytes, const iov_t *riov, size_t rparts)
{
	ERRNO_WRAP(long, MsgSendsvnc_r(coid, smsg, sbytes, riov, rparts));
}

long MsgSendvs_r(int coid, const iov_t *siov, size_t sparts, void *rmsg, size_t rbytes)
{
	int bad = 0;
	long sp = parts(sparts, &bad), rp = single(rbytes, &bad);
	return send(__KER_MSG_SENDV, coid, siov, sp, rmsg, rp, bad);
}

long MsgSendvs(int coid, const iov_t *siov, size_t sparts, void *rmsg, size_t rbytes)
{
	ERRNO_WRAP(long, MsgSendvs_r(coid, siov, sparts, rmsg, rbytes));
}

long MsgSendvsnc_r(int coid, const iov_t *siov, size_t sparts, void *rmsg, size_t rbytes)
{
	int bad = 0;
	long sp = parts(sparts, &bad), rp = single(rbytes, &bad);
	return send(__KER_MSG_SENDVNC, coid, siov, sp, rmsg, rp, bad);
}

long MsgSendvsnc(int coid, const iov_t *siov, size_t sparts, void *rmsg, size_t rbytes)
{
	ERRNO_WRAP(long, MsgSendvsnc_r(coid, siov, sparts, rmsg, rbytes));
}

long MsgSendv_r(int coid, const iov_t *siov, size_t sparts, const iov_t *riov, size_t rparts)
{
	int bad = 0;
	long sp = parts(sparts, &bad), rp = parts(rparts, &bad);
	return send(__KER_MSG_SENDV, coid, siov, sp, (void *)riov, rp, bad);
}

long MsgSendv(int coid, const iov_t *siov, size_t sparts, const iov_t *riov, size_t rparts)
{
	ERRNO_WRAP(long, MsgSendv_r(coid, siov, sparts, riov, rparts));
}

long MsgSendvnc_r(int coid, const iov_t *siov, size_t sparts, const iov_t *riov, size_t rparts)
{
	int bad = 0;
	long sp = parts(sparts, &bad), rp = parts(rparts, &bad);
	return send(__KER_MSG_SENDVNC, coid, siov, sp, (void *)riov, rp, bad);
}

long MsgSendvnc(int coid, const iov_t *siov, size_t sparts, const iov_t *riov, size_t rparts)
{
	ERRNO_WRAP(long, MsgSendvnc_r(coid, siov, sparts, riov, rparts));
}

rcvid_t MsgReceive_r(int chid, void *msg, size_t bytes, struct _msg_info *info)
{
	int bad = 0;
	long p = single(bytes, &bad);
	return bad ? -EINVAL : __kcall4(__KER_MSG_RECEIVEV, chid, (long)msg, p, (long)info);
}

rcvid_t MsgReceive(int chid, void *msg, size_t bytes, struct _msg_info *info)
{
	ERRNO_WRAP(rcvid_t, MsgReceive_r(chid, msg, bytes, info));
}

rcvid_t MsgReceivev_r(int chid, const iov_t *iov, size_t nparts, struct _msg_info *info)
{
	int bad = 0;
	long p = parts(nparts, &bad);
	return bad ? -EINVAL : __kcall4(__KER_MSG_RECEIVEV, chid, (long)iov, p, (long)info);
}

rcvid_t MsgReceivev(int chid, const iov_t *iov, size_t nparts, struct _msg_info *info)
{
	ERRNO_WRAP(rcvid_t, MsgReceivev_r(chid, iov, nparts, info));
}

int MsgReceivePulse_r(int chid, void *pulse, size_t bytes, struct _msg_info *info)
{
	int bad = 0;
	long p = single(bytes, &bad);
	return bad ? -EINVAL
	           : (int)__kcall4(__KER_MSG_RECEIVE_PULSEV, chid, (long)pulse, p, (long)info);
}

int MsgReceivePulse(int chid, void *pulse, size_t bytes, struct _msg_info *info)
{
	ERRNO_WRAP(int, MsgReceivePulse_r(chid, pulse, bytes, info));
}

int MsgReceivePulsev_r(int chid, const iov_t *iov, size_t nparts, struct _msg_info *info)
{
	int bad = 0;
	long p = parts(nparts, &bad);
	return bad ? -EINVAL
	           : (int)__kcall4(__KER_MSG_RECEIVE_PULSEV, chid, (long)iov, p, (long)info);
}

int MsgReceivePulsev(int chid, const iov_t *iov, size_t nparts, struct _msg_info *info)
{
	ERRNO_WRAP(int, MsgReceivePulsev_r(chid, iov, nparts, info));
}

int MsgReply_r(rcvid_t rcvid, long status, const void *msg, size_t bytes)
{
	int bad = 0;
	long p = single(bytes, &bad);
	return bad ? -EINVAL : (int)__kcall4(__KER_MSG_REPLYV, rcvid, status, (long)msg, p);
}

int MsgReply(rcvid_t rcvid, long status, const void *msg, size_t bytes)
{
	ERRNO_WRAP(int, MsgReply_r(rcvid, status, msg, bytes));
}

int MsgReplyv_r(rcvid_t rcvid, long status, const iov_t *iov, size_t nparts)
{
	int bad = 0;
	long p = parts(nparts, &bad);
	return bad ? -EINVAL : (int)__kcall4(__KER_MSG_REPLYV, rcvid, status, (long)iov, p);
}

int MsgReplyv(rcvid_t rcvid, long status, const iov_t *iov, size_t nparts)
{
	ERRNO_WRAP(int, MsgReplyv_r(rcvid, status, iov, nparts));
}

ssize_t MsgRead_r(rcvid_t rcvid, void *msg, size_t bytes, size_t offset)
{
	int bad = 0;
	long p = single(bytes, &bad);
	return bad ? -EINVAL : __kcall4(__KER_MSG_READV, rcvid, (long)msg, p, (long)offset);
}

ssize_t MsgRead(rcvid_t rcvid, void *msg, size_t bytes, size_t offset)
{
	ERRNO_WRAP(ssize_t, MsgRead_r(rcvid, msg, bytes, offset));
}

ssize_t MsgReadv_r(rcvid_t rcvid, const iov_t *iov, size_t nparts, size_t offset)
{
	int bad = 0;
	long p = parts(nparts, &bad);
	return bad ? -EINVAL : __kcall4(__KER_MSG_READV, rcvid, (long)iov, p, (long)offset);
}

ssize_t MsgReadv(rcvid_t rcvid, const iov_t *iov, size_t nparts, size_t offset)
{
	ERRNO_WRAP(ssize_t, MsgReadv_r(rcvid, iov, nparts, offset));
}

ssize_t MsgReadiov_r(rcvid_t rcvid, const iov_t *iov, size_t nparts, size_t offset, int flags)
{
	/* Skimmer reads only the client's send buffer (_NTO_READIOV_SEND). */
	if (flags != _NTO_READIOV_SEND)
		return -EINVAL;
	return MsgReadv_r(rcvid, iov, nparts, offset);
}

ssize_t MsgReadiov(rcvid_t rcvid, const iov_t *iov, size_t nparts, size_t offset, int flags)
{
	ERRNO_WRAP(ssize_t, MsgReadiov_r(rcvid, iov, nparts, offset, flags));
}

ssize_t MsgWrite_r(rcvid_t rcvid, const void *msg, size_t bytes, size_t offset)
{
	int bad = 0;
	long p = single(bytes, &bad);
	return bad ? -EINVAL : __kcall4(__KER_MSG_WRITEV, rcvid, (long)msg, p, (long)offset);
}

ssize_t MsgWrite(rcvid_t rcvid, const void *msg, size_t bytes, size_t offset)
{
	ERRNO_WRAP(ssize_t, MsgWrite_r(rcvid, msg, bytes, offset));
}

ssize_t MsgWritev_r(rcvid_t rcvid, const iov_t *iov, size_t nparts, size_t offset)
{
	int bad = 0;
	long p = parts(nparts, &bad);
	return bad ? -EINVAL : __kcall4(__KER_MSG_WRITEV, rcvid, (long)iov, p, (long)offset);
}

ssize_t MsgWritev(rcvid_t rcvid, const iov_t *iov, size_t nparts, size_t offset)
{
	ERRNO_WRAP(ssize_t, MsgWritev_r(rcvid, iov, nparts, offset));
}

int MsgSendPulsePtr_r(int coid, int priority, int code, void *value)
{
	return MsgSendPulse_r(coid, priority, code, (long)value);
}

int MsgSendPulsePtr(int coid, int priority, int code, void *value)
{
	ERRNO_WRAP(int, MsgSendPulse_r(coid, priority, code, (long)value));
}

/*
 * Registered events (QNX 7.1+) protect a client from a server delivering
 * events it never registered. Skimmer delivers any valid event, so
 * registration only validates the event; it is kept for source
 * compatibility (docs/abi.md).
 */
int MsgRegisterEvent_r(struct sigevent *event, int coid)
{
	(void)coid;
	return event == NULL ? -EFAULT : MsgVerifyEvent_r(0, event);
}

int MsgRegisterEvent(struct sigevent *event, int coid)
{
	ERRNO_WRAP(int, MsgRegisterEvent_r(event, coid));
}

int MsgUnregisterEvent_r(const struct sigevent *event)
{
	return event == NULL ? -EFAULT : 0;
}

int MsgUnregisterEvent(const struct sigevent *event)
{
	ERRNO_WRAP(int, MsgUnregisterEvent_r(event));
}
