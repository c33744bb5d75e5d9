/*
 * event.c - delivering struct sigevent notifications (QNX <sys/siginfo.h>).
 *
 * An event always belongs to a process (the one that set it up): a pulse
 * event names one of that process's coids; a signal event names that
 * process or one of its threads. Delivery is done by the kernel directly.
 */
#include <skimmer/cpu.h>
#include <skimmer/ipc.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/signal.h>
#include <skimmer/thread.h>

#define EV_TYPE(ev) ((ev)->sigev_notify & 0x7f)

/* Checks the fields of a pulse event for 'target'. */
static int pulse_check(const struct sigevent *ev, struct process *target, struct channel **cp,
                       int *scoid)
{
	struct connection *cn = connection_get(target, ev->sigev_coid);

	if (cn == NULL)
		return -EBADF;
	int prio = ev->sigev_priority;
	if (prio != SIGEV_PULSE_PRIO_INHERIT && (prio < 1 || prio > 255)) {
		connection_put(cn);
		return -EINVAL;
	}
	if (cp) {
		*cp = cn->sc->chan;
		kobj_get(&(*cp)->kobj);
		*scoid = cn->sc->scoid;
	}
	connection_put(cn);
	return 0;
}

int event_verify(const struct sigevent *ev, struct process *target)
{
	switch (EV_TYPE(ev)) {
	case SIGEV_NONE & 0x7f:
		return 0;
	case SIGEV_PULSE & 0x7f:
		return pulse_check(ev, target, NULL, NULL);
	case SIGEV_SIGNAL & 0x7f:
	case SIGEV_SIGNAL_CODE & 0x7f:
	case SIGEV_SIGNAL_THREAD & 0x7f:
		return ev->sigev_signo >= 1 && ev->sigev_signo <= _SIGMAX ? 0 : -EINVAL;
	default:
		return -EINVAL;
	}
}

int event_deliver(const struct sigevent *ev, struct process *target, struct thread *t)
{
	int r = event_verify(ev, target);

	if (r < 0)
		return r;
	switch (EV_TYPE(ev)) {
	case SIGEV_PULSE & 0x7f: {
		struct channel *c;
		int scoid;
		r = pulse_check(ev, target, &c, &scoid);
		if (r < 0)
			return r;
		r = pulse_send(c, ev->sigev_priority, ev->sigev_code, ev->sigev_value, scoid,
		               false);
		channel_put(c);
		return r;
	}
	case SIGEV_SIGNAL & 0x7f:
		return signal_post(target, NULL, ev->sigev_signo, SI_USER, ev->sigev_value, NULL);
	case SIGEV_SIGNAL_CODE & 0x7f:
		return signal_post(target, NULL, ev->sigev_signo, ev->sigev_code, ev->sigev_value,
		                   NULL);
	case SIGEV_SIGNAL_THREAD & 0x7f:
		return signal_post(target, t, ev->sigev_signo, ev->sigev_code, ev->sigev_value,
		                   NULL);
	default:
		return 0;
	}
}
