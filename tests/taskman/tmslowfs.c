/*
 * tmslowfs - a deliberately slow resource manager for tmtest_slow: it
 * serves copies of boot-archive files (read at start-up) and answers each
 * _IO_READ only after a delay, so that taskman has to wait for it while
 * loading a program from it.
 *
 *   tmslowfs PREFIXES DELAY_MS CHUNK FILE...
 *     PREFIXES  comma-separated paths attached as directories (/slow,/usr/lib)
 *     DELAY_MS  how long each read waits before it is answered
 *     CHUNK     most bytes one read answers (short reads on purpose)
 *     FILE      NAME=SOURCE[@MODE][:HOW]: serve boot-archive file SOURCE
 *               as NAME (below every prefix) with permissions MODE (octal,
 *               default 0755); HOW is "lie" (every read answers 100 bytes
 *               more than asked), "short" (stat tells the whole size but
 *               reads end at half of it) or "eio" (every read fails,
 *               EBADMSG)
 *
 * Its own wake-ups are the kind taskman must never be on the path of: a
 * kernel timer sends a tick pulse to its channel every TICK_MS; the
 * receiving thread counts ticks under a pthread mutex and broadcasts a
 * pthread condition variable; WORKERS worker threads wait on it (the
 * kernel's Sync* slow path) for reads whose time has come and reply them.
 *
 * A gate (closed at start) holds every read, however old, until the test
 * opens it; the test also asks how many reads are held, and can make the
 * server stop answering reads after a number of them (a hung server).
 * Control messages (struct ctl) come on the same channel. Started with TM_SPAWN_HOLD, it
 * reports readiness with procmgr_daemon() once its paths are attached.
 */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/iomsg.h>
#include <sys/neutrino.h>
#include <sys/procmgr.h>
#include <sys/stat.h>
#include <unistd.h>
#include <qsoe/taskman.h>

#define TICK_MS   10
#define WORKERS   2
#define TICK_CODE 1      /* pulse code of the timer */
#define CTL_OPEN  0xf001 /* open the gate; reply: held reads */
#define CTL_CLOSE 0xf002 /* close the gate; reply: held reads */
#define CTL_HELD  0xf003 /* reply: held reads */
#define CTL_STALL 0xf004 /* answer 'arg' more reads, then none (a hung server) */
#define MAX_FILES 16
#define MAX_OPEN  256

struct file {
	char name[64];
	char *data;
	size_t size;
	mode_t mode;
	int lie, shrt, fail;
};

/* A control message: the type and, for CTL_STALL, the reads still answered. */
struct ctl {
	uint16_t type;
	uint16_t zero;
	uint32_t arg;
};

struct ocb {
	int used;
	int scoid, coid;
	struct file *f;
	size_t off;
};

/* A read waiting for its time (and the gate). */
struct req {
	struct req *next;
	rcvid_t rcvid;
	int scoid, coid;
	size_t nbytes;
	uint64_t due; /* tick */
};

static struct file files[MAX_FILES];
static int nfiles;
static struct ocb ocbs[MAX_OPEN]; /* protected by mu */
static struct req *pending;       /* protected by mu */
static uint64_t ticks;            /* protected by mu */
static int gate_open, stalled;    /* protected by mu */
static long stall_after = -1;     /* reads answered before stalling, -1: never; mu */
static int delay_ticks;
static size_t chunk;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;

/* Reads boot-archive file src whole; 0 or -1. */
static int load(struct file *f, const char *src)
{
	int fd = open(src, O_RDONLY);
	struct stat st;

	if (fd < 0 || fstat(fd, &st) < 0)
		return -1;
	f->data = malloc(st.st_size ? (size_t)st.st_size : 1);
	if (f->data == NULL)
		return -1;
	size_t got = 0;
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, f->data + got, (size_t)st.st_size - got);
		if (n <= 0)
			return -1;
		got += (size_t)n;
	}
	close(fd);
	f->size = got;
	if (f->shrt)
		f->size = got / 2; /* what reads deliver; stat reports the whole size */
	return 0;
}

/* Parses NAME=SOURCE[@MODE][:HOW] and loads the file; 0 or -1. */
static int add_file(char *spec)
{
	if (nfiles == MAX_FILES)
		return -1;
	struct file *f = &files[nfiles];
	char *eq = strchr(spec, '=');
	if (eq == NULL || (size_t)(eq - spec) >= sizeof(f->name))
		return -1;
	memcpy(f->name, spec, (size_t)(eq - spec));
	char *src = eq + 1, *how = strchr(src, ':'), *at = strchr(src, '@');
	if (how) {
		*how++ = 0;
		f->lie = strcmp(how, "lie") == 0;
		f->shrt = strcmp(how, "short") == 0;
		f->fail = strcmp(how, "eio") == 0;
		if (!f->lie && !f->shrt && !f->fail)
			return -1;
	}
	f->mode = 0755;
	if (at) {
		*at++ = 0;
		f->mode = (mode_t)strtol(at, NULL, 8);
	}
	if (load(f, src) < 0)
		return -1;
	nfiles++;
	return 0;
}

/* The served file called path, or NULL. */
static struct file *find(const char *path)
{
	for (int i = 0; i < nfiles; i++)
		if (strcmp(files[i].name, path) == 0)
			return &files[i];
	return NULL;
}

/* The open file of a client connection (mu held), or NULL. */
static struct ocb *ocb_of(int scoid, int coid)
{
	for (int i = 0; i < MAX_OPEN; i++)
		if (ocbs[i].used && ocbs[i].scoid == scoid && ocbs[i].coid == coid)
			return &ocbs[i];
	return NULL;
}

/* Held reads (mu held). */
static int held_locked(void)
{
	int n = 0;
	for (struct req *r = pending; r; r = r->next)
		n++;
	return n;
}

/* _IO_CONNECT: opens a served file for reading. */
static void do_open(rcvid_t rcvid, const struct _io_connect *c, const struct _msg_info *info)
{
	if (c->subtype != _IO_CONNECT_OPEN && c->subtype != _IO_CONNECT_COMBINE &&
	    c->subtype != _IO_CONNECT_COMBINE_CLOSE) {
		MsgError(rcvid, ENOSYS);
		return;
	}
	struct file *f = find(c->path);
	if (f == NULL) {
		MsgError(rcvid, ENOENT);
		return;
	}
	if (c->ioflag & _IO_FLAG_WR) {
		MsgError(rcvid, EROFS);
		return;
	}
	pthread_mutex_lock(&mu);
	struct ocb *o = ocb_of(info->scoid, info->coid);
	for (int i = 0; o == NULL && i < MAX_OPEN; i++)
		if (!ocbs[i].used)
			o = &ocbs[i];
	if (o) {
		o->used = 1;
		o->scoid = info->scoid;
		o->coid = info->coid;
		o->f = f;
		o->off = 0;
	}
	pthread_mutex_unlock(&mu);
	if (o == NULL)
		MsgError(rcvid, EMFILE);
	else
		MsgReply(rcvid, 0, NULL, 0);
}

/* _IO_STAT: at once. */
static void do_stat(rcvid_t rcvid, const struct _msg_info *info)
{
	struct stat st;

	pthread_mutex_lock(&mu);
	struct ocb *o = ocb_of(info->scoid, info->coid);
	memset(&st, 0, sizeof(st));
	if (o) {
		st.st_mode = S_IFREG | o->f->mode;
		st.st_size = (off_t)(o->f->shrt ? o->f->size * 2 : o->f->size);
		st.st_nlink = 1;
		st.st_ino = (ino_t)(o->f - files) + 2;
	}
	pthread_mutex_unlock(&mu);
	if (o == NULL)
		MsgError(rcvid, EBADF);
	else
		MsgReply(rcvid, 0, &st, sizeof(st));
}

/* _IO_READ: queued with its due tick for the workers. */
static void do_read(rcvid_t rcvid, const struct _io_read *q, const struct _msg_info *info)
{
	struct req *r = malloc(sizeof(*r));

	if (r == NULL) {
		MsgError(rcvid, ENOMEM);
		return;
	}
	r->rcvid = rcvid;
	r->scoid = info->scoid;
	r->coid = info->coid;
	r->nbytes = q->nbytes;
	pthread_mutex_lock(&mu);
	r->due = ticks + (uint64_t)delay_ticks;
	struct req **pr = &pending;
	while (*pr)
		pr = &(*pr)->next;
	r->next = NULL;
	*pr = r;
	pthread_mutex_unlock(&mu);
}

/* Answers one due read (mu not held). */
static void answer(struct req *r)
{
	pthread_mutex_lock(&mu);
	struct ocb *o = ocb_of(r->scoid, r->coid);
	const char *p = NULL;
	size_t n = 0;
	long status = 0;
	int lie = 0, fail = 0;
	if (o && o->f->fail) {
		fail = 1;
	} else if (o) {
		n = o->off < o->f->size ? o->f->size - o->off : 0;
		if (n > r->nbytes)
			n = r->nbytes;
		if (n > chunk)
			n = chunk;
		p = o->f->data + o->off;
		o->off += n;
		lie = o->f->lie;
		status = (long)n + (lie ? 100 : 0);
	}
	pthread_mutex_unlock(&mu);
	if (o == NULL)
		MsgError(r->rcvid, EBADF);
	else if (fail)
		MsgError(r->rcvid, EBADMSG);
	else
		MsgReply(r->rcvid, status, p, n);
	free(r);
}

/* A worker: waits (condvar) for a read whose tick has come with the gate open. */
static void *worker(void *arg)
{
	(void)arg;
	for (;;) {
		pthread_mutex_lock(&mu);
		struct req **pr;
		for (;;) {
			for (pr = &pending; *pr && (*pr)->due > ticks; pr = &(*pr)->next)
				;
			if (*pr && gate_open && !stalled)
				break;
			pthread_cond_wait(&cv, &mu);
		}
		struct req *r = *pr;
		*pr = r->next;
		if (stall_after > 0 && --stall_after == 0)
			stalled = 1; /* this one is the last */
		pthread_mutex_unlock(&mu);
		answer(r);
	}
	return NULL;
}

/* A client's last connection went: its open files go. */
static void disconnect(int scoid)
{
	pthread_mutex_lock(&mu);
	for (int i = 0; i < MAX_OPEN; i++)
		if (ocbs[i].used && ocbs[i].scoid == scoid)
			ocbs[i].used = 0;
	pthread_mutex_unlock(&mu);
	ConnectDetach(scoid | _NTO_CONNECTION_SCOID);
}

/* A client wants to unblock: a read not yet answered is answered EINTR (unless stalled). */
static void unblock(rcvid_t rcvid)
{
	struct req *gone = NULL;

	pthread_mutex_lock(&mu);
	for (struct req **pr = &pending; *pr && !stalled; pr = &(*pr)->next)
		if ((*pr)->rcvid == rcvid) {
			gone = *pr;
			*pr = gone->next;
			break;
		}
	pthread_mutex_unlock(&mu);
	if (gone) {
		MsgError(rcvid, EINTR);
		free(gone);
	}
}

/* A control message from the test: gate and stall; reply the held reads. */
static void control(rcvid_t rcvid, const struct ctl *c, ssize_t len)
{
	pthread_mutex_lock(&mu);
	if (c->type == CTL_OPEN) {
		gate_open = 1;
	} else if (c->type == CTL_CLOSE) {
		gate_open = 0;
	} else if (c->type == CTL_STALL) {
		long n = len >= (ssize_t)sizeof(*c) ? (long)c->arg : 0;
		if (n == 0)
			stalled = 1;
		else
			stall_after = n;
	}
	int n = held_locked();
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&mu);
	MsgReply(rcvid, n, NULL, 0);
}

/* Attaches path (a directory) to chid with taskman; 0 or -1. */
static int attach(const char *path, int chid)
{
	char buf[sizeof(struct tm_path_attach) + 256];
	struct tm_path_attach *a = (struct tm_path_attach *)buf;
	size_t n = strlen(path) + 1;

	if (n > 256)
		return -1;
	memset(a, 0, sizeof(*a));
	a->hdr.type = TM_PATH_ATTACH;
	a->hdr.size = (uint32_t)(sizeof(*a) + n);
	a->chid = chid;
	a->handle = 1;
	a->flags = TM_PATH_DIR;
	a->file_type = _FTYPE_ANY;
	a->path_len = (uint32_t)n;
	memcpy(a->path, path, n);
	return MsgSend(SYSMGR_COID, a, a->hdr.size, NULL, 0) < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
	if (argc < 5)
		return 2;
	delay_ticks = (int)((strtol(argv[2], NULL, 10) + TICK_MS - 1) / TICK_MS);
	chunk = (size_t)strtol(argv[3], NULL, 10);
	if (chunk == 0)
		return 2;
	for (int i = 4; i < argc; i++)
		if (add_file(argv[i]) < 0)
			return 3;
	int chid = ChannelCreate(_NTO_CHF_DISCONNECT | _NTO_CHF_UNBLOCK);
	int self = ConnectAttach(0, 0, chid, _NTO_SIDE_CHANNEL, 0);
	if (chid < 0 || self < 0)
		return 4;
	struct sigevent ev;
	SIGEV_PULSE_INIT(&ev, self, SIGEV_PULSE_PRIO_INHERIT, TICK_CODE, 0);
	int timer = TimerCreate(CLOCK_MONOTONIC, &ev);
	struct _itimer it = {.nsec = TICK_MS * 1000000ULL, .interval_nsec = TICK_MS * 1000000ULL};
	if (timer < 0 || TimerSettime(timer, 0, &it, NULL) < 0)
		return 5;
	for (int i = 0; i < WORKERS; i++) {
		pthread_t t;
		if (pthread_create(&t, NULL, worker, NULL) != 0)
			return 6;
	}
	for (char *p = argv[1], *comma; p && *p; p = comma) {
		comma = strchr(p, ',');
		if (comma)
			*comma++ = 0;
		if (attach(p, chid) < 0)
			return 7;
	}
	procmgr_daemon(0, PROCMGR_DAEMON_NOCHDIR | PROCMGR_DAEMON_NOCLOSE |
	                          PROCMGR_DAEMON_NODEVNULL | PROCMGR_DAEMON_KEEPUMASK);

	union {
		uint16_t type;
		struct _pulse pulse;
		struct _io_connect connect;
		struct _io_read read;
		struct ctl ctl;
		char b[512];
	} msg;
	for (;;) {
		struct _msg_info info;
		rcvid_t rcvid = MsgReceive(chid, &msg, sizeof(msg) - 1, &info);
		if (rcvid < 0)
			continue;
		if (rcvid == 0) {
			if (msg.pulse.code == TICK_CODE) {
				pthread_mutex_lock(&mu);
				ticks++;
				for (struct req *r = pending; r; r = r->next)
					if (r->due <= ticks && gate_open && !stalled) {
						pthread_cond_broadcast(&cv);
						break;
					}
				pthread_mutex_unlock(&mu);
			} else if (msg.pulse.code == _PULSE_CODE_DISCONNECT) {
				disconnect(msg.pulse.scoid);
			} else if (msg.pulse.code == _PULSE_CODE_UNBLOCK) {
				unblock((rcvid_t)msg.pulse.value.sival_long);
			}
			continue;
		}
		msg.b[sizeof(msg) - 1] = 0;
		switch (msg.type) {
		case _IO_CONNECT:
			if (info.msglen < (ssize_t)sizeof(msg.connect) ||
			    msg.connect.path_len > sizeof(msg) - sizeof(msg.connect) - 1)
				MsgError(rcvid, ENAMETOOLONG);
			else
				do_open(rcvid, &msg.connect, &info);
			break;
		case _IO_STAT:
			do_stat(rcvid, &info);
			break;
		case _IO_READ:
			if ((msg.read.xtype & _IO_XTYPE_MASK) != _IO_XTYPE_NONE)
				MsgError(rcvid, ENOSYS);
			else
				do_read(rcvid, &msg.read, &info);
			break;
		case _IO_CLOSE:
			pthread_mutex_lock(&mu);
			struct ocb *o = ocb_of(info.scoid, info.coid);
			if (o)
				o->used = 0;
			pthread_mutex_unlock(&mu);
			MsgReply(rcvid, 0, NULL, 0);
			break;
		case CTL_OPEN:
		case CTL_CLOSE:
		case CTL_HELD:
		case CTL_STALL:
			control(rcvid, &msg.ctl, info.msglen);
			break;
		default:
			MsgError(rcvid, ENOSYS);
			break;
		}
	}
}
