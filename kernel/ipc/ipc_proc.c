/*
 * ipc_proc.c - a process's message-passing tables: set-up, the automatic
 * connection to taskman, thread-death pulses and teardown.
 */
#include <skimmer/ipc.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>

#define CHID_MAX (1u << 20) /* channels per process */

long connect_attach(struct process *client, struct process *server, int chid, unsigned index,
                    unsigned flags);
long connect_detach(struct process *p, int coid);
void channel_kill(struct channel *c);

void ipc_proc_init(struct process *p)
{
	idtab_init(&p->channels, CHID_MAX);
	idtab_init(&p->coids, _NTO_SIDE_CHANNEL);
	idtab_init(&p->side_coids, 1u << 24);
	idtab_init(&p->scoids, 1u << 24);
}

/*
 * Every process but taskman starts with SYSMGR_COID (the first side
 * channel) connected to taskman's channel SYSMGR_CHID, as on QNX. Missing
 * if taskman has not created that channel yet.
 */
void ipc_attach_sysmgr(struct process *p)
{
	if (p->pid == SYSMGR_PID)
		return;
	struct process *tm = proc_get(SYSMGR_PID);
	if (tm == NULL)
		return;
	connect_attach(p, tm, SYSMGR_CHID, _NTO_SIDE_CHANNEL, 0);
	proc_put(tm);
}

/* A thread of p died: pulse p's _NTO_CHF_THREAD_DEATH channel, if any. */
void ipc_thread_died(struct process *p, int tid)
{
	int chid = __atomic_load_n(&p->thread_death_chid, __ATOMIC_RELAXED);

	if (chid == 0)
		return;
	struct channel *c = channel_get(p, chid);
	if (c == NULL)
		return;
	union sigval v = {.sival_int = tid};
	pulse_send(c, PRIO_DEFAULT, _PULSE_CODE_THREADDEATH, v, 0, false);
	channel_put(c);
}

/*
 * p has no threads left: its channels die (clients blocked on them get
 * ESRCH), its connections are detached (servers may get disconnect
 * pulses), and its server connections are dropped.
 */
void ipc_proc_cleanup(struct process *p)
{
	for (;;) {
		spin_lock(&p->lock);
		int chid = idtab_next(&p->channels, 1);
		struct channel *c = chid >= 0 ? idtab_remove(&p->channels, (uint32_t)chid) : NULL;
		p->coid_death_chid = p->thread_death_chid = 0;
		spin_unlock(&p->lock);
		if (c == NULL)
			break;
		channel_kill(c);
	}
	struct idtab *tabs[2] = {&p->coids, &p->side_coids};
	for (int k = 0; k < 2; k++) {
		for (;;) {
			spin_lock(&p->lock);
			int i = idtab_next(tabs[k], 0);
			spin_unlock(&p->lock);
			if (i < 0)
				break;
			connect_detach(p, k ? (int)(i + _NTO_SIDE_CHANNEL) : i);
		}
	}
	for (;;) {
		spin_lock(&p->lock);
		int i = idtab_next(&p->scoids, 1);
		struct sconn *sc = i >= 0 ? idtab_remove(&p->scoids, (uint32_t)i) : NULL;
		spin_unlock(&p->lock);
		if (sc == NULL)
			break;
		sconn_put(sc);
	}
	idtab_destroy(&p->channels);
	idtab_destroy(&p->coids);
	idtab_destroy(&p->side_coids);
	idtab_destroy(&p->scoids);
}
