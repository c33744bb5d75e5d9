/*
 * kd_conn.c - kernel double, channels and connections (client coids,
 * server scoids, disconnect pulses), ConnectClientInfo, taskman's path
 * attach requests (SYSMGR_COID), and the test controls (kd_set_pid, ...).
 */
#define _GNU_SOURCE
#include "kd_priv.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* ---- taskman requests on SYSMGR_COID ---- */

struct tm_hdr {
	uint16_t type, subtype;
	uint32_t size;
};

long kd_taskman(const struct q_iov *siov, size_t sparts)
{
	char buf[512];
	struct q_iov d = {buf, sizeof(buf) - 1};
	size_t n = kd_iov_copy(&d, 1, 0, siov, sparts, 0, sizeof(buf) - 1);
	buf[n] = 0;
	struct tm_hdr *h = (struct tm_hdr *)buf;
	if (n < sizeof(*h))
		return -QE_INVAL;
	if (h->type == 0x0008) { /* TM_PATH_ATTACH */
		struct {
			struct tm_hdr hdr;
			int chid;
			uint32_t handle, flags, file_type, path_len;
			char path[];
		} *a = (void *)buf;
		for (int i = 0; i < NPATH; i++)
			if (!paths[i].used) {
				paths[i].used = 1;
				paths[i].pid = kd_pid;
				paths[i].chid = a->chid;
				paths[i].handle = a->handle;
				paths[i].flags = a->flags;
				paths[i].ftype = a->file_type;
				paths[i].id = i + 1;
				strncpy(paths[i].path, a->path, sizeof(paths[i].path) - 1);
				return i + 1;
			}
		return -QE_AGAIN;
	}
	if (h->type == 0x0009) { /* TM_PATH_DETACH */
		int id = *(int *)(buf + sizeof(*h));
		if (id < 1 || id > NPATH || !paths[id - 1].used)
			return -QE_INVAL;
		paths[id - 1].used = 0;
		return 0;
	}
	if (h->type == 0x000b) /* TM_DAEMON */
		return 0;
	return -QE_NOSYS;
}

/*
 * Test helper: the attach owning path (longest prefix; exact match unless
 * the attach is a directory). Returns 0 and the server, or -1.
 */
int q_kd_resolve(const char *path, int *pid, int *chid, unsigned *handle, int *prefix_len)
{
	int best = -1;
	size_t bestlen = 0;

	kd_lock();
	for (int i = 0; i < NPATH; i++) {
		if (!paths[i].used)
			continue;
		size_t l = strlen(paths[i].path);
		if (strncmp(path, paths[i].path, l) != 0)
			continue;
		int dir = paths[i].flags & 1;
		if (path[l] != 0 && !(dir && (path[l] == '/' || paths[i].path[l - 1] == '/')))
			continue;
		if (best < 0 || l > bestlen) {
			best = i;
			bestlen = l;
		}
	}
	if (best >= 0) {
		*pid = paths[best].pid;
		*chid = paths[best].chid;
		*handle = paths[best].handle;
		*prefix_len = (int)bestlen;
	}
	kd_unlock();
	return best >= 0 ? 0 : -1;
}

/* ---- channels and connections ---- */

int q_ChannelCreate(unsigned flags)
{
	kd_lock();
	for (int i = 1; i < NCHAN; i++)
		if (!chans[i].used) {
			memset(&chans[i], 0, sizeof(chans[i]));
			chans[i].used = 1;
			chans[i].pid = kd_pid;
			chans[i].flags = flags;
			kd_unlock();
			return i;
		}
	kd_unlock();
	return kd_fail(QE_AGAIN);
}

/* Kills channel chid: waiting and pending clients get ESRCH. G held. */
void kd_chan_kill(int chid)
{
	struct kchan *c = &chans[chid];

	c->dead = 1;
	for (struct kmsg *m = c->sendq; m; m = m->next)
		kd_finish(m, -1, QE_SRCH);
	c->sendq = NULL;
	for (int i = 0; i < NPEND; i++)
		if (pend[i] != NULL && pend[i]->chid == chid)
			kd_finish(pend[i], -1, QE_SRCH);
	while (c->pulseq) {
		struct kpulse *p = c->pulseq;
		c->pulseq = p->next;
		free(p);
	}
	for (int i = 0; i < NSCOID; i++)
		if (scoids[i].used && scoids[i].chid == chid)
			scoids[i].used = 0;
	for (int i = 0; i < NPATH; i++)
		if (paths[i].used && paths[i].chid == chid && paths[i].pid == c->pid)
			paths[i].used = 0;
	c->used = 0;
}

int q_ChannelDestroy(int chid)
{
	kd_lock();
	if (chid <= 0 || chid >= NCHAN || !chans[chid].used || chans[chid].pid != kd_pid) {
		kd_unlock();
		return kd_fail(QE_INVAL);
	}
	kd_chan_kill(chid);
	kd_unlock();
	return 0;
}

int q_ConnectAttach(uint32_t nd, int pid, int chid, unsigned index, int flags)
{
	if (pid == 0)
		pid = kd_pid;
	kd_lock();
	if (chid <= 0 || chid >= NCHAN || !chans[chid].used || chans[chid].pid != pid ||
	    kd_proc(kd_pid)->dead) {
		kd_unlock();
		return kd_fail(QE_SRCH);
	}
	int sc = -1;
	for (int i = 1; i < NSCOID && sc < 0; i++)
		if (scoids[i].used && scoids[i].chid == chid && scoids[i].client_pid == kd_pid &&
		    !scoids[i].disconnected)
			sc = i;
	for (int i = 1; i < NSCOID && sc < 0; i++)
		if (!scoids[i].used) {
			memset(&scoids[i], 0, sizeof(scoids[i]));
			scoids[i].used = 1;
			scoids[i].server_pid = pid;
			scoids[i].client_pid = kd_pid;
			scoids[i].chid = chid;
			sc = i;
		}
	int coid = (int)index;
	if ((index & Q_SIDE_CHANNEL) && coid == Q_SIDE_CHANNEL)
		coid++; /* Q_SIDE_CHANNEL itself is SYSMGR_COID (taskman) */
	while (kd_conn_of(kd_pid, coid) != NULL)
		coid++;
	for (int i = 0; i < NCONN && sc > 0; i++)
		if (!conns[i].used) {
			conns[i] = (struct kconn){1, kd_pid, coid, chid, sc};
			scoids[sc].ncoids++;
			kd_unlock();
			return coid;
		}
	kd_unlock();
	return kd_fail(QE_AGAIN);
}

/* Drops connection k; the last one of a scoid tells the server. G held. */
void kd_conn_drop(struct kconn *k)
{
	struct kscoid *s = &scoids[k->scoid];

	k->used = 0;
	if (--s->ncoids > 0)
		return;
	struct kchan *c = &chans[k->chid];
	for (struct kmsg **pp = &c->sendq; *pp;) {
		if ((*pp)->scoid == k->scoid) {
			struct kmsg *m = *pp;
			*pp = m->next;
			kd_finish(m, -1, QE_BADF);
		} else {
			pp = &(*pp)->next;
		}
	}
	if (c->used && (c->flags & CHF_DISCONNECT)) {
		s->disconnected = 1;
		kd_queue_pulse(k->chid, PULSE_DISCONNECT, k->scoid, k->scoid);
	} else {
		s->used = 0;
	}
}

int q_ConnectDetach(int coid)
{
	kd_lock();
	if (coid >= 0 && (coid & Q_CONNECTION_SCOID) && coid < Q_SIDE_CHANNEL) {
		int sc = coid & ~Q_CONNECTION_SCOID;
		int r = 0;
		if (sc <= 0 || sc >= NSCOID || !scoids[sc].used || scoids[sc].server_pid != kd_pid)
			r = QE_INVAL;
		else if (!scoids[sc].disconnected && scoids[sc].ncoids > 0)
			r = QE_BUSY;
		else
			scoids[sc].used = 0;
		kd_unlock();
		return r ? kd_fail(r) : 0;
	}
	struct kconn *k = kd_conn_of(kd_pid, coid);
	if (k == NULL) {
		kd_unlock();
		return kd_fail(QE_INVAL);
	}
	kd_conn_drop(k);
	kd_unlock();
	return 0;
}

int q_ConnectClientInfo(int scoid, struct q_client_info *info, int ngroups)
{
	kd_lock();
	if (scoid <= 0 || scoid >= NSCOID || !scoids[scoid].used ||
	    scoids[scoid].server_pid != kd_pid) {
		kd_unlock();
		return kd_fail(QE_SRCH);
	}
	struct kproc *p = kd_proc(scoids[scoid].client_pid);
	memset(info, 0, sizeof(*info));
	info->pid = p->pid;
	info->ruid = info->euid = info->suid = p->uid;
	info->rgid = info->egid = info->sgid = p->gid;
	info->ngroups = p->ngroups;
	unsigned n = p->ngroups < 8 ? p->ngroups : 8;
	if (ngroups >= 0 && (unsigned)ngroups < n)
		n = (unsigned)ngroups;
	for (unsigned i = 0; i < n; i++)
		info->grouplist[i] = p->groups[i];
	kd_unlock();
	return 0;
}

int q_ConnectServerInfo(int pid, int coid, struct q_msg_info *info)
{
	kd_lock();
	struct kconn *k = kd_conn_of(pid ? pid : kd_pid, coid);
	if (k == NULL) {
		kd_unlock();
		return kd_fail(QE_BADF);
	}
	memset(info, 0, sizeof(*info));
	info->pid = chans[k->chid].pid;
	info->chid = k->chid;
	info->scoid = k->scoid;
	info->coid = coid;
	kd_unlock();
	return coid;
}

/* ---- test controls ---- */

/* The calling thread (and threads it creates) acts as process pid. */
void q_kd_set_pid(int pid)
{
	kd_pid = pid;
}

int q_kd_get_pid(void)
{
	return kd_pid;
}

/* Sets the credentials of process pid. */
void q_kd_set_cred(int pid, unsigned uid, unsigned gid, unsigned ngroups, const unsigned *groups)
{
	kd_lock();
	struct kproc *p = kd_proc(pid);
	p->uid = uid;
	p->gid = gid;
	p->ngroups = ngroups > 8 ? 8 : ngroups;
	for (unsigned i = 0; i < p->ngroups; i++)
		p->groups[i] = groups[i];
	kd_unlock();
}

/* How many times signo was sent to pid (or to group -pid). */
int q_kd_signals(int pid, int signo)
{
	kd_lock();
	int n = signo > 0 && signo < NSIG ? kd_proc(pid)->signals[signo] : 0;
	kd_unlock();
	return n;
}

/*
 * Process pid dies: its connections go (disconnect pulses), its channels
 * are destroyed (their clients get ESRCH), its messages still queued or
 * pending are failed. Its threads must not be blocked in the double.
 */
void q_kd_kill_process(int pid)
{
	kd_lock();
	kd_proc(pid)->dead = 1;
	for (int i = 0; i < NCONN; i++)
		if (conns[i].used && conns[i].pid == pid)
			kd_conn_drop(&conns[i]);
	for (int i = 1; i < NCHAN; i++)
		if (chans[i].used && chans[i].pid == pid)
			kd_chan_kill(i);
	for (int i = 0; i < NPEND; i++)
		if (pend[i] != NULL && pend[i]->pid == pid)
			kd_finish(pend[i], -1, QE_SRCH);
	kd_unlock();
}

/* Number of connections process pid holds (leak checks). */
int q_kd_nconns(int pid)
{
	int n = 0;
	kd_lock();
	for (int i = 0; i < NCONN; i++)
		n += conns[i].used && conns[i].pid == pid;
	kd_unlock();
	return n;
}

/* Number of scoids server pid holds (leak checks: disconnected ones must be released). */
int q_kd_nscoids(int server_pid)
{
	int n = 0;
	kd_lock();
	for (int i = 1; i < NSCOID; i++)
		n += scoids[i].used && scoids[i].server_pid == server_pid;
	kd_unlock();
	return n;
}
