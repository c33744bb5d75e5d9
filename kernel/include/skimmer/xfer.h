/*
 * xfer.h - deferred small copies into a thread's own address space.
 *
 * When the kernel hands a small message, reply or pulse to a thread that is
 * blocked on another hart or is not the current thread, it stages the bytes
 * in the thread (struct xfer) instead of walking the thread's page tables.
 * The thread's home hart copies them out with plain user stores on the way
 * back to user mode (sched.c), in the thread's own address space. If that
 * copy faults, the thread's kernel call fails with EFAULT and, for a
 * received message, the client is answered EFAULT (msg.c), so nobody waits
 * for a message that never arrived.
 */
#ifndef SKIMMER_XFER_H
#define SKIMMER_XFER_H

#include <skimmer/types.h>
#include <qsoe/abi/neutrino.h>

#define XFER_MAX 256 /* largest message staged this way; bigger ones are copied directly */

#define XF_DATA  0x1 /* copy data[0..len) to dst */
#define XF_INFO  0x2 /* copy info to info_dst */

struct xfer {
	uint32_t flags; /* XF_*; 0 when nothing is staged */
	uint32_t len;
	uaddr_t dst;
	uaddr_t info_dst;
	rcvid_t rcvid; /* a received message: answered EFAULT if the copy faults */
	struct _msg_info info;
	uint8_t data[XFER_MAX];
};

struct thread;

/* Copies out what is staged for t, the current thread, in its address space. */
void xfer_complete(struct thread *t);

#endif
