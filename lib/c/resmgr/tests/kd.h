/*
 * kd.h - the "kernel double" for host tests of the resource-manager
 * framework and the services built on it (glibc side).
 *
 * QSOE code under test is compiled against QSOE's headers and has every
 * symbol renamed to q_<name> (lib/c/tests/README.md). kd_msg.c and
 * kd_sync.c implement, on top of glibc threads, the q_ functions that code
 * expects from the kernel and libc's thread layer: channels, connections,
 * messages, pulses, events, client credentials, TimerTimeout, pthreads
 * over QNX sync_t objects. Several threads of the test program may act as
 * different "processes" (kd_set_pid()), so permission checks, disconnect
 * pulses and process death can be tested in one program.
 *
 * The structures QSOE code passes are mirrored here with their QSOE
 * layouts (checked with static assertions).
 */
#ifndef KD_H
#define KD_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* QNX errno values used by the double. */
#define QE_OK              0
#define QE_PERM            1
#define QE_SRCH            3
#define QE_INTR            4
#define QE_BADF            9
#define QE_AGAIN           11
#define QE_NOMEM           12
#define QE_FAULT           14
#define QE_BUSY            16
#define QE_INVAL           22
#define QE_DEADLK          45
#define QE_NOSYS           89
#define QE_TIMEDOUT        260

#define Q_SIDE_CHANNEL     0x40000000
#define Q_CONNECTION_SCOID 0x00010000

struct q_iov {
	void *base;
	size_t len;
};

struct q_msg_info {
	uint32_t nd, srcnd;
	int32_t pid, tid, chid, scoid, coid;
	int16_t priority, flags;
	int64_t msglen, srcmsglen, dstmsglen;
	uint32_t type_id, reserved2;
};

struct q_client_info {
	uint32_t nd;
	int32_t pid, sid;
	uint32_t flags;
	uint32_t ruid, euid, suid, rgid, egid, sgid, ngroups;
	uint32_t grouplist[8];
};

struct q_pulse {
	uint16_t type, subtype;
	int8_t code;
	uint8_t zero[3];
	long value;
	int32_t scoid;
};

struct q_sigevent {
	int notify;
	union {
		int signo;
		int coid;
		void *ptr;
	} un1;
	long value;
	union {
		struct {
			short code;
			short priority;
		} st;
		void *ptr;
	} un2;
};

/* Per-thread state shared by kd_msg.c and kd_sync.c. */
extern __thread int kd_pid;            /* the "process" the thread belongs to */
extern __thread int kd_tid;            /* its thread id within the double */
extern __thread uint32_t kd_tmo_flags; /* TimerTimeout() for the next blocking call */
extern __thread int64_t kd_tmo_ns;
extern __thread int kd_tmo_set;

/* Sets the QSOE errno of the calling thread and returns -1. */
int kd_fail(int qerr);
/* Monotonic nanoseconds. */
int64_t kd_now(void);

#endif /* KD_H */
