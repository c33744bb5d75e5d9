/*
 * iofunc_notify.c - _IO_NOTIFY support (poll(), select_attach()): lists of
 * armed events per condition (input, output, out-of-band), delivered with
 * MsgDeliverEvent() when the resource manager triggers the condition.
 *
 * An event is one-shot: it is removed from its list when delivered; a
 * client re-arms with another _IO_NOTIFY. Each client connection has at
 * most one event per list (arming again replaces it).
 */
#include <sys/iofunc.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

static const int cond_bit[3] = {_NOTIFY_COND_INPUT, _NOTIFY_COND_OUTPUT, _NOTIFY_COND_OBAND};

/* Removes and frees the events of (scoid, coid) in list l (coid -1: any). */
static void drop(iofunc_notify_t *l, int scoid, int coid)
{
	for (iofunc_notify_event_t **pp = &l->list; *pp != NULL;) {
		iofunc_notify_event_t *e = *pp;
		if (e->scoid == scoid && (coid < 0 || e->coid == coid)) {
			*pp = e->next;
			l->cnt--;
			free(e);
		} else {
			pp = &e->next;
		}
	}
}

/* The _NOTIFY_CONDE_* form of _NOTIFY_COND_* bits. */
static int exten_of(int cond)
{
	return (cond & _NOTIFY_COND_INPUT ? _NOTIFY_CONDE_RDNORM : 0) |
	       (cond & _NOTIFY_COND_OUTPUT ? _NOTIFY_CONDE_WRNORM : 0) |
	       (cond & _NOTIFY_COND_OBAND ? _NOTIFY_CONDE_RDBAND : 0);
}

/*
 * Answers an _IO_NOTIFY: trig holds the _NOTIFY_COND_* conditions met now;
 * notifycounts (NULL: 1 each) the amounts that make each list's condition
 * true for a later trigger. Polls, arms or both as msg's action says;
 * *armed (if given) says whether an event was armed. The reply (built in
 * msg->o) carries the conditions asked for that are met. Returns the
 * reply result, or EINVAL / ENOMEM / the event-verification error.
 */
int iofunc_notify(resmgr_context_t *ctp, io_notify_t *msg, iofunc_notify_t *nop, int trig,
                  const int *notifycounts, int *armed)
{
	int action = msg->i.action & _NOTIFY_ACTION_MASK;
	int want = msg->i.flags & (_NOTIFY_COND_INPUT | _NOTIFY_COND_OUTPUT | _NOTIFY_COND_OBAND);
	int exten = msg->i.flags & _NOTIFY_COND_EXTEN;
	int met = trig & want;
	int do_arm = 0;

	if (armed != NULL)
		*armed = 0;
	switch (action) {
	case _NOTIFY_ACTION_POLL:
		break;
	case _NOTIFY_ACTION_POLLARM:
	case _NOTIFY_ACTION_CONDARM:
		do_arm = met == 0;
		break;
	case _NOTIFY_ACTION_TRANARM:
		do_arm = 1;
		met = 0;
		break;
	default:
		return EINVAL;
	}
	if (do_arm && want != 0) {
		struct sigevent ev = msg->i.event;
		if (MsgVerifyEvent(ctp->rcvid, &ev) < 0)
			return errno;
		for (int i = 0; i < 3; i++) {
			if (!(want & cond_bit[i]))
				continue;
			drop(&nop[i], ctp->info.scoid, ctp->info.coid);
			iofunc_notify_event_t *e = calloc(1, sizeof(*e));
			if (e == NULL) {
				for (int k = 0; k < i; k++)
					drop(&nop[k], ctp->info.scoid, ctp->info.coid);
				return ENOMEM;
			}
			e->rcvid = ctp->rcvid;
			e->scoid = ctp->info.scoid;
			e->coid = ctp->info.coid;
			e->flags = want;
			e->cnt = notifycounts != NULL && notifycounts[i] > 0 ? notifycounts[i] : 1;
			e->event = ev;
			e->next = nop[i].list;
			nop[i].list = e;
			nop[i].cnt++;
		}
		if (armed != NULL)
			*armed = 1;
	}
	memset(&msg->o, 0, sizeof(msg->o));
	msg->o.flags = (uint32_t)met;
	if (exten) {
		msg->o.flags |= _NOTIFY_COND_EXTEN;
		msg->o.flags_exten = exten_of(met);
	}
	return _RESMGR_PTR(ctp, &msg->o, sizeof(msg->o));
}

/*
 * Delivers and removes the events of list nop[index] whose threshold is
 * at most count (count: how much of the condition there is now, e.g.
 * bytes readable). The caller holds the resource's lock.
 */
void iofunc_notify_trigger(iofunc_notify_t *nop, int count, int index)
{
	if (index < 0 || index > 2)
		return;
	iofunc_notify_t *l = &nop[index];
	for (iofunc_notify_event_t **pp = &l->list; *pp != NULL;) {
		iofunc_notify_event_t *e = *pp;
		if (e->cnt <= count) {
			*pp = e->next;
			l->cnt--;
			MsgDeliverEvent(e->rcvid, &e->event);
			/* A client waiting on several conditions is told once. */
			for (int i = 0; i < 3; i++)
				if (i != index && (e->flags & cond_bit[i]))
					drop(&nop[i], e->scoid, e->coid);
			free(e);
		} else {
			pp = &e->next;
		}
	}
}

/* Like iofunc_notify_trigger() (ctp is not needed here). */
void iofunc_notify_trigger_strict(resmgr_context_t *ctp, iofunc_notify_t *nop, int count, int index)
{
	iofunc_notify_trigger(nop, count, index);
}

/* Removes the events of ctp's client connection from the three lists (on close). */
void iofunc_notify_remove(resmgr_context_t *ctp, iofunc_notify_t *nop)
{
	iofunc_notify_remove_strict(ctp, nop, 3);
}

/* Removes the events of ctp's client connection from the first lim lists. */
void iofunc_notify_remove_strict(resmgr_context_t *ctp, iofunc_notify_t *nop, int lim)
{
	for (int i = 0; i < lim && i < 3; i++)
		drop(&nop[i], ctp->info.scoid, ctp->info.coid);
}

/* Default notify: the resource is always readable and writable. */
int iofunc_notify_default(resmgr_context_t *ctp, io_notify_t *msg, iofunc_ocb_t *ocb)
{
	iofunc_notify_t none[3] = {{0, NULL}, {0, NULL}, {0, NULL}};
	int r = iofunc_notify(ctp, msg, none, _NOTIFY_COND_INPUT | _NOTIFY_COND_OUTPUT, NULL, NULL);

	/* Nothing ever changes here: an edge-triggered arm would never fire. */
	for (int i = 0; i < 3; i++)
		drop(&none[i], ctp->info.scoid, -1);
	return r;
}
