/*
 * kd_priv.h - the kernel double's shared state and helpers (kd_msg.c:
 * messages; kd_conn.c: channels, connections, taskman, test controls).
 * Everything is protected by the global lock G (kd_lock/kd_unlock).
 */
#ifndef KD_PRIV_H
#define KD_PRIV_H

#include "kd.h"

#include <pthread.h>

#define NCHAN            256
#define NCONN            4096
#define NSCOID           4096
#define NPEND            4096
#define NPROC            64
#define NSIG             65

#define CHF_UNBLOCK      0x0002u
#define CHF_DISCONNECT   0x0008u
#define CHF_SENDER_LEN   0x0020u
#define CHF_REPLY_LEN    0x0080u

#define PULSE_UNBLOCK    (-32)
#define PULSE_DISCONNECT (-33)

#define TMO_SEND         (1u << 4)
#define TMO_RECEIVE      (1u << 5)
#define TMO_REPLY        (1u << 6)
#define TMO_NO_WAIT      (1u << 25)
#define TMO_ABSTIME      0x80000000u

#define SIGEV_PULSE_T    (0x80 | 4)
#define SIGEV_SIGNALS    0x80 /* types 1..3 with the 64-bit flag */

enum { QUEUED = 1, RECEIVED, DONE };

struct kpulse {
	struct kpulse *next;
	int code;
	long value;
	int scoid;
};

struct kmsg {
	struct kmsg *next;
	int state;
	int pid, tid, coid, scoid, chid;
	const struct q_iov *siov;
	size_t sparts, slen;
	const struct q_iov *riov;
	size_t rparts, rlen;
	long status;
	int err;
	int64_t rcvid;
	int unblock_req;
};

struct kchan {
	int used, dead, pid;
	unsigned flags;
	struct kmsg *sendq;
	struct kpulse *pulseq;
};

struct kconn {
	int used, pid, coid, chid, scoid;
};

struct kscoid {
	int used, server_pid, client_pid, chid, ncoids, disconnected;
};

struct kproc {
	int pid;
	unsigned uid, gid, ngroups, groups[8];
	int signals[NSIG];
	int dead;
};

#define NPATH 128
struct kpath {
	int used, pid, chid, id;
	unsigned handle, flags, ftype;
	char path[256];
};

extern pthread_mutex_t G;
extern pthread_cond_t Gcv;
extern struct kchan chans[NCHAN];
extern struct kconn conns[NCONN];
extern struct kscoid scoids[NSCOID];
extern struct kmsg *pend[NPEND];
extern unsigned gen;
extern struct kproc procs[NPROC];
extern struct kpath paths[NPATH];

void kd_lock(void);
void kd_unlock(void);
int kd_wait_until(int64_t deadline);
struct kproc *kd_proc(int pid);
int64_t kd_take_timeout(uint32_t state);
struct kconn *kd_conn_of(int pid, int coid);
void kd_queue_pulse(int chid, int code, long value, int scoid);
size_t kd_iov_total(const struct q_iov *v, size_t n);
size_t kd_iov_copy(const struct q_iov *dst, size_t dn, size_t doff, const struct q_iov *src,
                   size_t sn, size_t soff, size_t max);
struct kmsg *kd_pending(int64_t rcvid);
void kd_finish(struct kmsg *m, long status, int err);
void kd_chan_kill(int chid);
void kd_conn_drop(struct kconn *k);
long kd_taskman(const struct q_iov *siov, size_t sparts);

#endif /* KD_PRIV_H */
