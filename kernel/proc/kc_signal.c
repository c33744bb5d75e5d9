/*
 * kc_signal.c - the signal kernel calls (QNX semantics): SignalKill,
 * SignalKillSigval, SignalAction, SignalProcmask, SignalSuspend,
 * SignalWaitinfo and SignalReturn.
 */
#include <skimmer/cpu.h>
#include <skimmer/kcall.h>
#include <skimmer/kstring.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/signal.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <skimmer/vm.h>
#include <qsoe/abi/neutrino.h>
#include <arch/arch.h>
#include "kcall_protos.h"

static ksigset_t from_user_set(const __sigset_t *s)
{
	return (ksigset_t)s->__bits[0] | ((ksigset_t)s->__bits[1] << 32);
}

static void to_user_set(__sigset_t *d, ksigset_t s)
{
	d->__bits[0] = (uint32_t)s;
	d->__bits[1] = (uint32_t)(s >> 32);
}

/* A mask as a thread may hold it: never SIGKILL/SIGSTOP/SIGCONT, always 57..64. */
static ksigset_t legal_mask(ksigset_t m)
{
	return (m & ~SIG_UNBLOCKABLE) | SIG_SPECIAL;
}

/* ---- SignalKill ---------------------------------------------------------------- */

/*
 * Sends to every process of group pgid (never taskman). Returns 0 if at
 * least one was signalled, -EPERM if some existed but none allowed it,
 * -ESRCH if the group is empty; -EAGAIN if a queue was full.
 */
static long kill_group(struct process *self, pid_t pgid, const __siginfo_t *info)
{
	int found = 0, sent = 0;
	long err = 0;
	struct process *p = proc_next(0);

	while (p) {
		if (p->pgid == pgid && !(p->flags & PROC_F_SYSMGR)) {
			found++;
			if (signal_allowed(self, p, info->si_signo)) {
				sent++;
				int r = info->si_signo ? signal_post_info(p, NULL, info) : 0;
				if (r < 0)
					err = r;
			}
		}
		pid_t cur = p->pid;
		proc_put(p);
		p = proc_next(cur);
	}
	if (found == 0)
		return -ESRCH;
	if (sent == 0)
		return -EPERM;
	return err;
}

/*
 * The common part of SignalKill/SignalKillSigval. QNX targets:
 *   pid > 0, tid == 0   the process pid (any thread not blocking it)
 *   pid > 0, tid > 0    thread tid of process pid
 *   pid == 0            the caller's process group (tid ignored)
 *   pid < 0             the process group -pid
 * signo 0 checks the target without sending. A caller other than taskman
 * may only send user codes (si_code <= 0) and signals 1..NSIG-1.
 */
static long do_kill(uint32_t nd, pid_t pid, int tid, int signo, int code, union sigval value)
{
	struct thread *self = kcall_self();
	struct process *me = self->proc;
	bool sysmgr = (me->flags & PROC_F_SYSMGR) != 0;
	__siginfo_t info;

	signo &= ~(int)SIG_TERMER_NOINHERIT;
	if (nd != ND_LOCAL_NODE)
		return -EINVAL;
	if (signo < 0 || signo > _SIGMAX || (!sysmgr && signo >= _NSIG))
		return -EINVAL;
	if (!sysmgr && code > 0)
		return -EINVAL; /* kernel codes (faults, SIGCHLD) cannot be forged */
	if (tid < 0)
		return -EINVAL;
	memset(&info, 0, sizeof(info));
	info.si_signo = signo;
	info.si_code = code;
	info.si_pid = me->pid;
	info.si_uid = me->cred.ruid;
	info.si_value = value;
	if (sysmgr && signo == SIGCHLD && code > 0) {
		/* taskman: value = child pid | (wait status or exit code) << 32 */
		info.si_pid = (pid_t)(value.sival_long & 0xffffffff);
		info.si_status = (int)((unsigned long)value.sival_long >> 32);
		info.si_uid = 0;
	} else if (sysmgr && code == SI_USER && value.sival_long > 0 &&
	           value.sival_long < 0x40000000) {
		/* taskman's kill(-1) on behalf of process 'value': it is the sender */
		struct process *s = proc_get((pid_t)value.sival_long);
		info.si_pid = (pid_t)value.sival_long;
		info.si_uid = s ? s->cred.ruid : 0;
		info.si_value.sival_long = 0;
		if (s)
			proc_put(s);
	}

	if (pid <= 0) {
		pid_t pgid = pid == 0 ? me->pgid : -pid;
		if (pgid <= 0)
			return -ESRCH;
		return kill_group(me, pgid, &info);
	}
	struct process *p = pid == me->pid ? me : proc_get(pid);
	if (p == NULL)
		return -ESRCH;
	if (p == me)
		kobj_get(&p->kobj);
	long r;
	if (!signal_allowed(me, p, signo))
		r = -EPERM;
	else if (tid > 0)
		r = signal_post_tid(p, tid, &info);
	else
		r = signo ? signal_post_info(p, NULL, &info) : 0;
	proc_put(p);
	return r;
}

long kc_SignalKill(uint32_t nd, pid_t pid, int tid, int signo, int code, int value)
{
	union sigval v = {.sival_long = value};

	return do_kill(nd, pid, tid, signo, code, v);
}

long kc_SignalKillSigval(uint32_t nd, pid_t pid, int tid, int signo, int code, uaddr_t value_u)
{
	union sigval v = {.sival_long = 0};

	if (value_u && copyin(&v, value_u, sizeof(v)) < 0)
		return -EFAULT;
	return do_kill(nd, pid, tid, signo, code, v);
}

/* ---- SignalAction -------------------------------------------------------------- */

/*
 * SignalAction(pid, sigstub, signo, act, oact): examines and/or sets the
 * process-wide action of signo. Only the caller's own process (pid 0 or
 * its pid), except for taskman. A handler needs a sigstub. SIGKILL and
 * SIGSTOP keep SIG_DFL; signals 57..64 cannot be caught or ignored.
 * Ignoring a signal discards its pending instances (POSIX).
 */
long kc_SignalAction(pid_t pid, uaddr_t stub, int signo, uaddr_t act_u, uaddr_t oact_u)
{
	struct thread *self = kcall_self();
	struct process *me = self->proc;
	struct sigaction ua;
	struct ksigaction ka;

	signo &= ~(int)SIG_TERMER_NOINHERIT;
	if (signo < 1 || signo >= _NSIG)
		return -EINVAL;
	if (act_u) {
		if (copyin(&ua, act_u, sizeof(ua)) < 0)
			return -EFAULT;
		ka.handler = (uaddr_t)ua.sa_handler;
		ka.flags = (uint32_t)ua.sa_flags & SA_MASK;
		ka.mask = legal_mask(from_user_set(&ua.sa_mask)) & ~SIG_SPECIAL;
		if (ka.handler == (uaddr_t)SIG_HOLD)
			return -EINVAL;
		if ((signo == SIGKILL || signo == SIGSTOP) && ka.handler != (uaddr_t)SIG_DFL)
			return -EINVAL;
		if (ka.handler > (uaddr_t)SIG_HOLD &&
		    (!stub || !user_range_ok(stub, 4) || !user_range_ok(ka.handler, 4)))
			return -EINVAL;
	}
	struct process *p = me;
	if (pid != 0 && pid != me->pid) {
		if (!(me->flags & PROC_F_SYSMGR))
			return -EPERM;
		p = proc_get(pid);
		if (p == NULL)
			return -ESRCH;
	} else {
		kobj_get(&p->kobj);
	}
	spin_lock(&p->lock);
	struct ksigaction old = p->sig.act[signo - 1];
	if (act_u) {
		p->sig.act[signo - 1] = ka;
		if (ka.handler > (uaddr_t)SIG_HOLD)
			p->sig.stub = stub;
		if (sig_ignored(p, signo))
			sig_discard(p, SIGBIT(signo));
	}
	spin_unlock(&p->lock);
	proc_put(p);
	if (oact_u) {
		memset(&ua, 0, sizeof(ua));
		ua.sa_handler = (void (*)(int))old.handler;
		ua.sa_flags = (int)old.flags;
		to_user_set(&ua.sa_mask, old.mask);
		if (copyout(oact_u, &ua, sizeof(ua)) < 0)
			return -EFAULT;
	}
	return 0;
}

/* ---- SignalProcmask ------------------------------------------------------------ */

/*
 * SignalProcmask(pid, tid, how, set, oldset): the blocked mask of thread
 * tid of process pid (tid 0: the caller, pid ignored; pid 0: the caller's
 * process; other processes only for taskman). how: SIG_BLOCK, SIG_UNBLOCK,
 * SIG_SETMASK, or SIG_PENDING (oldset gets the pending set; set unused).
 */
long kc_SignalProcmask(pid_t pid, int tid, int how, uaddr_t set_u, uaddr_t oldset_u)
{
	struct thread *self = kcall_self();
	struct process *me = self->proc;
	__sigset_t us;
	ksigset_t set = 0;

	if (how != SIG_BLOCK && how != SIG_UNBLOCK && how != SIG_SETMASK && how != SIG_PENDING)
		return -EINVAL;
	if (set_u && how != SIG_PENDING) {
		if (copyin(&us, set_u, sizeof(us)) < 0)
			return -EFAULT;
		set = from_user_set(&us);
	}
	struct process *p = me;
	if (tid != 0 && pid != 0 && pid != me->pid) {
		if (!(me->flags & PROC_F_SYSMGR))
			return -EPERM;
		p = proc_get(pid);
		if (p == NULL)
			return -ESRCH;
	} else {
		kobj_get(&p->kobj);
	}
	long r = 0;
	ksigset_t old = 0;
	spin_lock(&p->lock);
	struct thread *t = tid == 0 ? self : idtab_get(&p->threads, (uint32_t)tid);
	if (t == NULL || t->zombie || (t->flags & TF_DEAD)) {
		r = -ESRCH;
	} else if (how == SIG_PENDING) {
		old = t->sig.q.pending | p->sig.q.pending;
	} else {
		old = t->sig.blocked & ~SIG_SPECIAL;
		if (set_u) {
			ksigset_t cur = t->sig.blocked;
			ksigset_t nm = how == SIG_BLOCK     ? cur | set
			               : how == SIG_UNBLOCK ? cur & ~set
			                                    : set;
			nm = legal_mask(nm);
			t->sig.blocked = nm;
			if ((t->sig.q.pending | p->sig.q.pending) & ~nm)
				sig_notify_thread(t);
			/* Process signals t now blocks may be for another thread. */
			ksigset_t moved = p->sig.q.pending & nm & ~cur;
			while (moved) {
				int s = sig_first(moved);
				sig_repost_locked(p, s);
				moved &= ~SIGBIT(s);
			}
		}
	}
	spin_unlock(&p->lock);
	proc_put(p);
	if (r == 0 && oldset_u) {
		to_user_set(&us, old);
		if (copyout(oldset_u, &us, sizeof(us)) < 0)
			return -EFAULT;
	}
	return r;
}

/* ---- SignalSuspend / SignalWaitinfo -------------------------------------------- */

/*
 * SignalSuspend(set): replaces the caller's mask with set until a signal
 * is acted on, then restores it. Always ends with EINTR (or ETIMEDOUT with
 * TimerTimeout(_NTO_TIMEOUT_SIGSUSPEND)).
 */
long kc_SignalSuspend(uaddr_t set_u)
{
	struct thread *t = kcall_self();
	struct process *p = t->proc;
	__sigset_t us;

	if (copyin(&us, set_u, sizeof(us)) < 0)
		return -EFAULT;
	ksigset_t nm = legal_mask(from_user_set(&us));
	spin_lock(&p->lock);
	if (!t->sig.restore_mask)
		t->sig.saved_mask = t->sig.blocked;
	t->sig.restore_mask = true;
	t->sig.blocked = nm;
	/* signal_exit_work() runs afterwards in any case: it restores the mask. */
	__atomic_store_n(&t->sig.work, 1u, __ATOMIC_RELEASE);
	this_cpu()->need_resched = true;
	if ((t->sig.q.pending | p->sig.q.pending) & ~nm) {
		spin_unlock(&p->lock);
		return -EINTR;
	}
	t->nowq_block = true;
	sched_block_current(STATE_SIGSUSPEND);
	spin_unlock(&p->lock);
	return KCALL_BLOCKED;
}

/*
 * SignalWaitinfo(set, info): takes a pending signal in set (thread's
 * first, lowest number first), waiting for one if none is pending, and
 * returns its number with its siginfo in *info (if info is not NULL).
 * Another signal acted on meanwhile ends the wait with EINTR;
 * TimerTimeout(_NTO_TIMEOUT_SIGWAITINFO) bounds it (ETIMEDOUT).
 */
long kc_SignalWaitinfo(uaddr_t set_u, uaddr_t info_u)
{
	struct thread *t = kcall_self();
	struct process *p = t->proc;
	__sigset_t us;
	__siginfo_t info;

	if (copyin(&us, set_u, sizeof(us)) < 0)
		return -EFAULT;
	if (info_u && !user_range_ok(info_u, sizeof(info)))
		return -EFAULT;
	ksigset_t ws = from_user_set(&us) & ~(SIGBIT(SIGKILL) | SIGBIT(SIGSTOP));
	if (ws == 0)
		return -EINVAL;
	spin_lock(&p->lock);
	int s = sig_dequeue(t, ~ws, &info);
	if (s) {
		spin_unlock(&p->lock);
		if (info_u && copyout(info_u, &info, sizeof(info)) < 0)
			return -EFAULT;
		return s;
	}
	t->sig.waitset = ws;
	t->sig.wait_info = info_u;
	t->nowq_block = true;
	sched_block_current(STATE_SIGWAITINFO);
	spin_unlock(&p->lock);
	return KCALL_BLOCKED;
}

/* ---- SignalReturn ------------------------------------------------------------- */

/*
 * SignalReturn(info): the trampoline's last call. Restores the registers,
 * FP state and signal mask saved in the frame and resumes the interrupted
 * code. A frame that cannot be read counts as a SIGSEGV fault at info.
 */
long kc_SignalReturn(uaddr_t info_u)
{
	struct thread *t = kcall_self();
	struct process *p = t->proc;
	ksigset_t mask;

	long a0;

	if (arch_signal_return(t, info_u, &mask, &a0) < 0) {
		paddr_t pa;
		size_t contig;
		bool mapped = vm_phys(p->as, info_u, &pa, &contig) == 0;
		signal_fault(t, "bad signal frame", info_u, SIGSEGV,
		             mapped ? SEGV_ACCERR : SEGV_MAPERR);
		return -EFAULT;
	}
	spin_lock(&p->lock);
	t->sig.blocked = legal_mask(mask);
	if ((t->sig.q.pending | p->sig.q.pending) & ~t->sig.blocked)
		sig_notify_thread(t);
	spin_unlock(&p->lock);
	return a0; /* kcall_dispatch() stores it back into a0 */
}
