/*
 * connect.c - connections (client coids) and server connections (scoids).
 *
 * A client process's coids to one channel share one struct sconn, whose
 * scoid the server sees in _msg_info and in disconnect pulses. Coids come
 * in two ranges: file-descriptor coids from 0 up (lowest free, as POSIX
 * requires of fds), and side-channel coids from _NTO_SIDE_CHANNEL up.
 */
#include <skimmer/cpu.h>
#include <skimmer/ipc.h>
#include <skimmer/kmem.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include <arch/arch.h>

#define COID_FD_MAX   _NTO_SIDE_CHANNEL /* fd coids are below the side-channel base */
#define COID_SIDE_MAX (1u << 24)        /* side-channel coids per process */
#define SCOID_MAX     (1u << 24)        /* server connections per process */

void channel_kill(struct channel *c);
int pulse_queue_locked(struct channel *c, int prio, int code, union sigval value, int scoid,
                       bool head);

static void sconn_release(struct kobj *o)
{
	struct sconn *sc = container_of(o, struct sconn, kobj);

	channel_put(sc->chan);
	kfree(sc);
}

void sconn_put(struct sconn *sc)
{
	kobj_put(&sc->kobj);
}

static void connection_release(struct kobj *o)
{
	struct connection *cn = container_of(o, struct connection, kobj);

	sconn_put(cn->sc);
	kfree(cn);
}

void connection_put(struct connection *c)
{
	kobj_put(&c->kobj);
}

/* Table and index of a coid. Caller holds p->lock. */
static struct idtab *coid_table(struct process *p, int coid, uint32_t *idx)
{
	if (coid < 0)
		return NULL;
	if ((unsigned)coid >= SIDE_CHANNEL_BASE) {
		*idx = (unsigned)coid - SIDE_CHANNEL_BASE;
		return &p->side_coids;
	}
	*idx = (unsigned)coid;
	return &p->coids;
}

struct connection *connection_get(struct process *p, int coid)
{
	uint32_t idx;

	spin_lock(&p->lock);
	struct idtab *tab = coid_table(p, coid, &idx);
	struct connection *c = tab ? idtab_get(tab, idx) : NULL;
	if (c)
		kobj_get(&c->kobj);
	spin_unlock(&p->lock);
	return c;
}

struct sconn *sconn_get(struct process *server, int scoid)
{
	if (scoid <= 0)
		return NULL;
	spin_lock(&server->lock);
	struct sconn *sc = idtab_get(&server->scoids, (uint32_t)scoid);
	if (sc)
		kobj_get(&sc->kobj);
	spin_unlock(&server->lock);
	return sc;
}

/* Locks two processes in pid order (once if they are the same). */
static void lock_procs(struct process *a, struct process *b)
{
	if (a == b) {
		spin_lock(&a->lock);
	} else if (a->pid < b->pid) {
		spin_lock(&a->lock);
		spin_lock(&b->lock);
	} else {
		spin_lock(&b->lock);
		spin_lock(&a->lock);
	}
}

static void unlock_procs(struct process *a, struct process *b)
{
	if (a != b)
		spin_unlock(&b->lock);
	spin_unlock(&a->lock);
}

/* The sconn of (client, channel) in server's table; caller holds server->lock. */
static struct sconn *find_sconn(struct process *server, struct channel *c, pid_t client)
{
	for (int i = idtab_next(&server->scoids, 1); i >= 0;
	     i = idtab_next(&server->scoids, (uint32_t)i + 1)) {
		struct sconn *sc = idtab_get(&server->scoids, (uint32_t)i);
		if (sc->chan == c && sc->client_pid == client && !sc->disconnected)
			return sc;
	}
	return NULL;
}

/*
 * Attaches client to channel chid of server, as coid >= index (or a side
 * channel). Returns the coid or a negative errno.
 */
long connect_attach(struct process *client, struct process *server, int chid, unsigned index,
                    unsigned flags)
{
	struct channel *c = channel_get(server, chid);

	if (c == NULL)
		return -ESRCH;
	if ((c->flags & _NTO_CHF_PRIVATE) && client != server) {
		channel_put(c);
		return -EPERM;
	}
	struct connection *cn = kmalloc(sizeof(*cn));
	struct sconn *fresh = kmalloc(sizeof(*fresh));
	if (cn == NULL || fresh == NULL) {
		kfree(cn);
		kfree(fresh);
		channel_put(c);
		return -EAGAIN;
	}
	long r;
	lock_procs(client, server);
	if (client->state != PROC_ALIVE || server->state != PROC_ALIVE || c->dead) {
		r = -ESRCH;
		goto fail;
	}
	struct sconn *sc = find_sconn(server, c, client->pid);
	if (sc == NULL) {
		sc = fresh;
		fresh = NULL;
		kobj_init(&sc->kobj, sconn_release);
		sc->chan = c;
		kobj_get(&c->kobj);
		sc->client_pid = client->pid;
		r = idtab_alloc(&server->scoids, sc, 1);
		if (r < 0) {
			channel_put(c);
			fresh = sc;
			r = -EAGAIN;
			goto fail;
		}
		sc->scoid = (int)r;
	}
	bool side = index & _NTO_SIDE_CHANNEL;
	struct idtab *tab = side ? &client->side_coids : &client->coids;
	uint32_t min = side ? index & ~_NTO_SIDE_CHANNEL : index;
	r = idtab_alloc(tab, cn, min);
	if (r < 0) {
		if (sc->ncoids == 0) {
			idtab_remove(&server->scoids, (uint32_t)sc->scoid);
			sconn_put(sc);
		}
		r = r == -ENOMEM ? -EAGAIN : r;
		goto fail;
	}
	kobj_init(&cn->kobj, connection_release);
	cn->coid = side ? (int)(r + SIDE_CHANNEL_BASE) : (int)r;
	cn->flags = flags;
	cn->client_pid = client->pid;
	cn->sc = sc;
	kobj_get(&sc->kobj);
	sc->ncoids++;
	unlock_procs(client, server);
	kfree(fresh);
	channel_put(c);
	return cn->coid;
fail:
	unlock_procs(client, server);
	kfree(cn);
	kfree(fresh);
	channel_put(c);
	return r;
}

/*
 * Releases the threads blocked on channel c through server connection
 * scoid (the client's last coid to it is gone) with EBADF. Caller holds
 * c->lock.
 */
static void release_orphans(struct channel *c, int scoid)
{
	struct waitq *qs[2] = {&c->senders, &c->repliers};
	struct list *l, *tmp;

	for (int i = 0; i < 2; i++) {
		list_for_each_safe(l, tmp, &qs[i]->head)
		{
			struct thread *t = list_entry(l, struct thread, wq_link);
			if (t->blk.send.scoid != scoid)
				continue;
			waitq_remove(qs[i], t);
			if (qs[i] == &c->repliers)
				idtab_remove(&c->pending, RCVID_SLOT(t->blk.send.rcvid));
			arch_set_retval(t, -EBADF);
			sched_wake(t);
		}
	}
}

/*
 * One client coid of sc went away. When it was the last, the server is
 * told (_NTO_CHF_DISCONNECT) or the scoid is freed at once. Takes the
 * server's process lock.
 */
static void sconn_drop_coid(struct sconn *sc)
{
	struct channel *c = sc->chan;
	struct process *server = NULL;

	spin_lock(&c->lock);
	if (!c->dead)
		server = c->owner;
	spin_unlock(&c->lock);
	if (server == NULL) {
		/* The server is gone; its teardown released the scoid table. */
		__atomic_fetch_sub(&sc->ncoids, 1, __ATOMIC_RELAXED);
		return;
	}
	kobj_get(&server->kobj);
	spin_lock(&server->lock);
	bool last = --sc->ncoids == 0 && !sc->disconnected;
	bool notify = last && (c->flags & _NTO_CHF_DISCONNECT);
	bool freed = false;
	if (last) {
		if (notify) {
			sc->disconnected = true;
		} else if (idtab_get(&server->scoids, (uint32_t)sc->scoid) == sc) {
			idtab_remove(&server->scoids, (uint32_t)sc->scoid);
			freed = true;
		}
	}
	spin_unlock(&server->lock);
	if (last) {
		spin_lock(&c->lock);
		release_orphans(c, sc->scoid);
		if (notify) {
			union sigval v = {.sival_int = sc->scoid};
			pulse_queue_locked(c, PRIO_DEFAULT, _PULSE_CODE_DISCONNECT, v, sc->scoid,
			                   false);
		}
		spin_unlock(&c->lock);
	}
	if (freed)
		sconn_put(sc); /* the scoid table's reference */
	proc_put(server);
}

long connect_detach(struct process *p, int coid)
{
	if (coid >= 0 && (coid & _NTO_CONNECTION_SCOID)) {
		/* The server releases a disconnected scoid. */
		int scoid = coid & ~_NTO_CONNECTION_SCOID;
		spin_lock(&p->lock);
		struct sconn *sc = idtab_get(&p->scoids, (uint32_t)scoid);
		long r = 0;
		if (sc == NULL)
			r = -EINVAL;
		else if (!sc->disconnected && sc->ncoids > 0)
			r = -EBUSY;
		else
			idtab_remove(&p->scoids, (uint32_t)scoid);
		spin_unlock(&p->lock);
		if (r == 0)
			sconn_put(sc);
		return r;
	}
	uint32_t idx;
	spin_lock(&p->lock);
	struct idtab *tab = coid_table(p, coid, &idx);
	struct connection *cn = tab ? idtab_remove(tab, idx) : NULL;
	spin_unlock(&p->lock);
	if (cn == NULL)
		return -EINVAL;
	sconn_drop_coid(cn->sc);
	connection_put(cn);
	return 0;
}

/*
 * Pulses _PULSE_CODE_COIDDEATH (value: the coid) to client's
 * _NTO_CHF_COID_DISCONNECT channel for each of its coids to dead channel c.
 */
static void coiddeath_notify(struct process *client, struct channel *c)
{
	struct channel *dc =
	        channel_get(client, __atomic_load_n(&client->coid_death_chid, __ATOMIC_RELAXED));

	if (dc == NULL)
		return;
	spin_lock(&client->lock);
	struct idtab *tabs[2] = {&client->coids, &client->side_coids};
	for (int k = 0; k < 2; k++)
		for (int i = idtab_next(tabs[k], 0); i >= 0;
		     i = idtab_next(tabs[k], (uint32_t)i + 1)) {
			struct connection *cn = idtab_get(tabs[k], (uint32_t)i);
			if (cn->sc->chan != c)
				continue;
			union sigval v = {.sival_int = cn->coid};
			pulse_send(dc, PRIO_DEFAULT, _PULSE_CODE_COIDDEATH, v, 0, false);
		}
	spin_unlock(&client->lock);
	channel_put(dc);
}

/*
 * Channel c died. Its clients see EBADF on their next use of the coid;
 * those that asked for it also get a COIDDEATH pulse.
 */
void sconn_channel_died(struct channel *c)
{
	for (struct process *p = proc_next(0); p != NULL;) {
		coiddeath_notify(p, c);
		pid_t pid = p->pid;
		proc_put(p);
		p = proc_next(pid);
	}
}
