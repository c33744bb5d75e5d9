/*
 * signal_jobctl.c - job control: stopping and continuing whole processes,
 * and reporting those events to taskman through ProcWait.
 *
 * A stop marks the process stopped and makes every thread look at its
 * signal state; each thread parks itself in STATE_STOPPED on its own hart
 * the next time it would enter user mode (a thread blocked in a kernel
 * call stays blocked and parks when the call ends). A continue clears the
 * mark and its home hart makes each parked thread ready again. Nothing
 * ever changes a thread's state from another hart.
 *
 * Every stop or continue of a process leaves one event (the latest wins)
 * on a list that ProcWait(pid, PROCWAIT_JOBCTL, info) drains, so taskman
 * can answer waitpid(WUNTRACED/WCONTINUED) and send SIGCHLD.
 */
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/signal.h>
#include <skimmer/spinlock.h>
#include <skimmer/thread.h>
#include <skimmer/kapi.h>

void proc_wait_notify(void);
void sig_jobctl_notify_all(struct process *p);

static spinlock_t jc_lock = SPINLOCK_INIT; /* innermost: nothing is taken inside it */
static struct list jc_events = LIST_INIT(jc_events);

/* Records (replaces) p's unreported event. p->lock held. */
static void jc_record(struct process *p, int event, int status)
{
	spin_lock(&jc_lock);
	p->sig.jc_event = event;
	p->sig.jc_status = status;
	if (!p->sig.jc_queued) {
		p->sig.jc_queued = true;
		list_add_tail(&jc_events, &p->sig.jc_link);
	}
	spin_unlock(&jc_lock);
}

bool signal_stop_locked(struct process *p, int signo)
{
	if (p->sig.stopped || p->state != PROC_ALIVE)
		return false;
	p->sig.stopped = true;
	jc_record(p, PROCWAIT_EV_STOPPED, ((signo & 0xff) << 8) | 0x7f);
	sig_jobctl_notify_all(p);
	return true;
}

bool signal_continue_locked(struct process *p)
{
	if (!p->sig.stopped)
		return false;
	p->sig.stopped = false;
	jc_record(p, PROCWAIT_EV_CONTINUED, 0xffff);
	sig_jobctl_notify_all(p);
	return true;
}

void signal_jc_notify(void)
{
	proc_wait_notify();
}

pid_t signal_jc_take(pid_t pid, struct proc_exitinfo *info)
{
	struct list *l;
	pid_t r = 0;

	spin_lock(&jc_lock);
	list_for_each(l, &jc_events)
	{
		struct process *p = list_entry(l, struct process, sig.jc_link);
		if (pid > 0 && p->pid != pid)
			continue;
		list_del(&p->sig.jc_link);
		p->sig.jc_queued = false;
		r = p->pid;
		if (info) {
			info->pid = p->pid;
			info->status = p->sig.jc_status;
			info->event = p->sig.jc_event;
			info->reserved = 0;
		}
		break;
	}
	spin_unlock(&jc_lock);
	return r;
}

void signal_jc_drop(struct process *p)
{
	spin_lock(&jc_lock);
	if (p->sig.jc_queued) {
		list_del(&p->sig.jc_link);
		p->sig.jc_queued = false;
	}
	spin_unlock(&jc_lock);
}
