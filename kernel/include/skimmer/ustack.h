/*
 * ustack.h - setting up a user thread's stack and TLS block.
 */
#ifndef SKIMMER_USTACK_H
#define SKIMMER_USTACK_H

#include <skimmer/types.h>

struct process;

#define USTACK_DEFAULT (128 * 1024) /* kernel-allocated stack when none is given */

struct ustack {
	uaddr_t lo, hi; /* the stack */
	uaddr_t sp;     /* initial sp */
	uaddr_t tp;     /* initial tp (just past the TLS block) */
	uaddr_t tls;    /* the struct _thread_local_storage */
};

/*
 * Lays out a thread's TLS block at the top of the stack [lo, hi) of process
 * p and fills it in (QNX <sys/storage.h>; see include/qsoe/abi/tls.h for
 * where tp points). Returns 0 or -EFAULT if the stack is not writable.
 */
int ustack_setup(struct process *p, uaddr_t lo, uaddr_t hi, int tid, uaddr_t exitfunc, uint64_t arg,
                 struct ustack *out);

#endif
