/*
 * kc_ipc.c - channel, connection, pulse and event kernel calls.
 */
#include <skimmer/ipc.h>
#include <skimmer/kcall.h>
#include <skimmer/kstring.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include "kcall_protos.h"

long channel_create(struct process *p, unsigned flags);
long channel_destroy(struct process *p, int chid);
long connect_attach(struct process *client, struct process *server, int chid, unsigned index,
                    unsigned flags);
long connect_detach(struct process *p, int coid);

#define COF_USER (_NTO_COF_CLOEXEC | _NTO_COF_NOINHERIT | _NTO_COF_NOSHARE | _NTO_COF_NOEVENT)

long kc_ChannelCreate(unsigned flags)
{
	return channel_create(kcall_self()->proc, flags);
}

long kc_ChannelDestroy(int chid)
{
	return channel_destroy(kcall_self()->proc, chid);
}

long kc_ConnectAttach(uint32_t nd, pid_t pid, int chid, unsigned index, int flags)
{
	struct process *self = kcall_self()->proc;

	if (nd != 0)
		return -ENOREMOTE;
	if ((unsigned)flags & ~COF_USER)
		return -EINVAL;
	if (index & ~_NTO_SIDE_CHANNEL & 0xc0000000u)
		return -EINVAL;
	struct process *server = pid == 0 || pid == self->pid ? self : proc_get(pid);
	if (server == NULL)
		return -ESRCH;
	long r = connect_attach(self, server, chid, index, (unsigned)flags);
	if (server != self)
		proc_put(server);
	return r;
}

long kc_ConnectDetach(int coid)
{
	return connect_detach(kcall_self()->proc, coid);
}

/* The process named by pid for an information call (0 = caller); referenced. */
static struct process *info_target(pid_t pid)
{
	struct process *self = kcall_self()->proc;

	if (pid == 0 || pid == self->pid) {
		kobj_get(&self->kobj);
		return self;
	}
	return proc_get(pid);
}

long kc_ConnectServerInfo(pid_t pid, int coid, uaddr_t info_u)
{
	struct process *p = info_target(pid);

	if (p == NULL)
		return -ESRCH;
	if (coid < 0) {
		proc_put(p);
		return -EINVAL;
	}
	/* QNX: if coid is not a connection, report the next one above it. */
	struct _server_info info;
	memset(&info, 0, sizeof(info));
	long found = -EINVAL;
	spin_lock(&p->lock);
	struct connection *cn = NULL;
	if ((unsigned)coid < _NTO_SIDE_CHANNEL) {
		int i = idtab_next(&p->coids, (uint32_t)coid);
		if (i >= 0)
			cn = idtab_get(&p->coids, (uint32_t)i);
		coid = _NTO_SIDE_CHANNEL;
	}
	if (cn == NULL) {
		int i = idtab_next(&p->side_coids, (uint32_t)coid - _NTO_SIDE_CHANNEL);
		if (i >= 0)
			cn = idtab_get(&p->side_coids, (uint32_t)i);
	}
	if (cn) {
		struct channel *c = cn->sc->chan;
		info.pid = c->owner_pid;
		info.chid = c->chid;
		info.scoid = cn->sc->scoid;
		info.coid = cn->coid;
		info.flags = (int16_t)(cn->flags | (c->dead ? _NTO_COF_DEAD : 0));
		found = cn->coid;
	}
	spin_unlock(&p->lock);
	proc_put(p);
	if (found >= 0 && info_u && copyout(info_u, &info, sizeof(info)) < 0)
		return -EFAULT;
	return found;
}

long kc_ConnectClientInfo(int scoid, uaddr_t info_u, int ngroups)
{
	struct process *self = kcall_self()->proc;
	struct sconn *sc = sconn_get(self, scoid);

	if (sc == NULL)
		return -ESRCH;
	pid_t cpid = sc->client_pid;
	sconn_put(sc);
	struct process *client = proc_get(cpid);
	if (client == NULL)
		return -ESRCH;
	struct _client_info info;
	memset(&info, 0, sizeof(info));
	info.pid = cpid;
	info.flags = _NTO_CI_BITS_64;
	spin_lock(&client->lock);
	struct cred cr = client->cred;
	spin_unlock(&client->lock);
	proc_put(client);
	info.cred.ruid = cr.ruid;
	info.cred.euid = cr.euid;
	info.cred.suid = cr.suid;
	info.cred.rgid = cr.rgid;
	info.cred.egid = cr.egid;
	info.cred.sgid = cr.sgid;
	uint32_t n = MIN(cr.ngroups, (uint32_t)__NGROUPS_MAX);
	if (ngroups >= 0 && (uint32_t)ngroups < n)
		n = (uint32_t)ngroups;
	info.cred.ngroups = cr.ngroups;
	for (uint32_t i = 0; i < n; i++)
		info.cred.grouplist[i] = cr.groups[i];
	if (copyout(info_u, &info, sizeof(info)) < 0)
		return -EFAULT;
	return 0;
}

long kc_ConnectFlags(pid_t pid, int coid, unsigned mask, unsigned bits)
{
	struct process *p = info_target(pid);

	if (p == NULL)
		return -ESRCH;
	if (p != kcall_self()->proc && (mask & bits)) {
		proc_put(p);
		return -EPERM;
	}
	if (mask & ~COF_USER) {
		proc_put(p);
		return -EINVAL;
	}
	struct connection *cn = connection_get(p, coid);
	proc_put(p);
	if (cn == NULL)
		return -EBADF;
	uint32_t old = __atomic_load_n(&cn->flags, __ATOMIC_RELAXED), nw;
	do {
		nw = (old & ~mask) | (bits & mask);
	} while (!__atomic_compare_exchange_n(&cn->flags, &old, nw, true, __ATOMIC_RELAXED,
	                                      __ATOMIC_RELAXED));
	connection_put(cn);
	return old;
}

long kc_MsgSendPulse(int coid, int priority, int code, long value)
{
	struct thread *t = kcall_self();

	if (code < _PULSE_CODE_MINAVAIL || code > _PULSE_CODE_MAXAVAIL)
		return -EINVAL;
	if (priority == -1)
		priority = t->prio;
	if (priority < 1 || priority > 255)
		return -EINVAL;
	struct connection *cn = connection_get(t->proc, coid);
	if (cn == NULL)
		return -EBADF;
	union sigval v = {.sival_long = value};
	int r = pulse_send(cn->sc->chan, priority, code, v, cn->sc->scoid, false);
	connection_put(cn);
	return r;
}

/* The client process of an rcvid (referenced), and its pending thread if any. */
static struct process *rcvid_client(rcvid_t rcvid)
{
	struct sconn *sc = sconn_get(kcall_self()->proc, rcvid > 0 ? RCVID_SCOID(rcvid) : 0);

	if (sc == NULL)
		return NULL;
	struct process *client = proc_get(sc->client_pid);
	sconn_put(sc);
	return client;
}

long kc_MsgDeliverEvent(rcvid_t rcvid, uaddr_t event_u)
{
	struct sigevent ev;

	if (copyin(&ev, event_u, sizeof(ev)) < 0)
		return -EFAULT;
	struct process *client = rcvid_client(rcvid);
	if (client == NULL)
		return -ESRCH;
	int r = event_deliver(&ev, client, NULL);
	proc_put(client);
	return r;
}

long kc_MsgVerifyEvent(rcvid_t rcvid, uaddr_t event_u)
{
	struct sigevent ev;

	if (copyin(&ev, event_u, sizeof(ev)) < 0)
		return -EFAULT;
	struct process *client = rcvid == 0 ? info_target(0) : rcvid_client(rcvid);
	if (client == NULL)
		return -ESRCH;
	int r = event_verify(&ev, client);
	proc_put(client);
	return r;
}
