/*
 * ustack.c - a new thread's stack top: the QNX TLS block and tp.
 */
#include <skimmer/proc.h>
#include <skimmer/uaccess.h>
#include <skimmer/ustack.h>
#include <qsoe/abi/tls.h>

int ustack_setup(struct process *p, uaddr_t lo, uaddr_t hi, int tid, uaddr_t exitfunc, uint64_t arg,
                 struct ustack *out)
{
	struct _thread_local_storage tls = {0};
	uaddr_t tp = ALIGN_DOWN(hi, 16);
	uaddr_t blk = tp - sizeof(tls);

	if (blk < lo + 64)
		return -EINVAL;
	tls.__exitfunc = (void (*)(void *))exitfunc;
	tls.__arg = (void *)arg;
	tls.__errptr = (int *)(blk + offsetof(struct _thread_local_storage, __errval));
	tls.__pid = p->pid;
	tls.__tid = tid;
	tls.__stackaddr = (void *)lo;
	if (as_write(p->as, blk, &tls, sizeof(tls)) < 0)
		return -EFAULT;
	out->lo = lo;
	out->hi = hi;
	out->tp = tp;
	out->tls = blk;
	out->sp = ALIGN_DOWN(blk, 16);
	return 0;
}
