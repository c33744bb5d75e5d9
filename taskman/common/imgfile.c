/*
 * imgfile.c - finding and reading the files taskman loads (see imgfile.h):
 * resolution in taskman's own pathname space, then the boot archive read
 * in place, or another resource manager spoken to as any client would:
 * ConnectAttach to its channel, _IO_CONNECT (open for reading), _IO_STAT,
 * _IO_READ in chunks into taskman's memory, _IO_CLOSE, ConnectDetach.
 *
 * Every message to a server is bounded by io_timeout (TimerTimeout on
 * the send and reply phases; a server that asked to be told of unblocks,
 * _NTO_CHF_UNBLOCK, may still keep us until it answers, as QNX does). No
 * taskman lock is held while a message is outstanding.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/iomsg.h>
#include <qsoe/abi/mman.h>
#include <taskman/fs.h>
#include <taskman/imgfile.h>
#include <taskman/proc.h>
#include <taskman/seam.h>

#define RESOLVE_MAX 64 /* servers considered for one path (as path resolution) */

/* A connect reply: a link, the server's redirect, or nothing. */
union connect_reply {
	struct _io_connect_link_reply l;
	char b[sizeof(struct _io_connect_link_reply) + TM_PATH_MAX + 8];
	uint64_t align;
};

static unsigned io_timeout = TM_IO_TIMEOUT; /* seconds; atomic */

/* See imgfile.h. */
void tm_io_set_timeout(unsigned seconds)
{
	__atomic_store_n(&io_timeout, seconds, __ATOMIC_RELAXED);
}

/* Arms a TimerTimeout of io_timeout for the next send (send and reply phases). */
static void bound_next_send(void)
{
	uint64_t ns = (uint64_t)__atomic_load_n(&io_timeout, __ATOMIC_RELAXED) * 1000000000ULL;

	TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEND | _NTO_TIMEOUT_REPLY, NULL, &ns, NULL);
}

/* See imgfile.h. */
int tm_io_check(const struct tm_io *io)
{
	if (io->state && __atomic_load_n(io->state, __ATOMIC_ACQUIRE) == TM_LOAD_CANCELLED)
		return -EINTR;
	if (io->waiter && !tm_proc_running(io->waiter))
		return -ESRCH;
	return 0;
}

/* See imgfile.h. */
int tm_io_claim(const struct tm_io *io)
{
	if (io->state == NULL)
		return 1;
	int busy = TM_LOAD_BUSY;
	if (__atomic_compare_exchange_n(io->state, &busy, TM_LOAD_CLAIMED, 0, __ATOMIC_ACQ_REL,
	                                __ATOMIC_ACQUIRE))
		return 1;
	return busy == TM_LOAD_CLAIMED; /* claimed before: still ours */
}

/*
 * MsgSendv to a server, bounded by io_timeout. Returns the status, or
 * -EIO (with a line on the console) if the server died, timed out or
 * went away.
 */
static long send_bounded(const struct tm_file *f, const char *what, const iov_t *s, size_t sn,
                         const iov_t *r, size_t rn)
{
	bound_next_send();
	long st = MsgSendv_r(f->coid, s, sn, r, rn);
	if (st == -ETIMEDOUT) {
		tm_log("loading %s: server %d did not answer %s within %u s\n", f->path, f->server,
		       what, __atomic_load_n(&io_timeout, __ATOMIC_RELAXED));
		return -EIO;
	}
	if (st == -ESRCH || st == -EBADF) {
		tm_log("loading %s: server %d went away during %s\n", f->path, f->server, what);
		return -EIO;
	}
	return st;
}

/* True if a connect status continues resolution (_IO_CONNECT_RET_*). */
static int is_ret(long st)
{
	return st > 0 && (unsigned long)st <= 0xffffffffUL &&
	       ((unsigned long)st & _IO_CONNECT_RET_FLAG);
}

/*
 * Replaces cur by the target of a link a server reported for it; a
 * relative target is relative to the server's prefix (plen bytes of cur).
 */
static int follow(char *cur, size_t plen, const char *target, size_t tmax)
{
	char dir[TM_PATH_MAX], t[TM_PATH_MAX], out[TM_PATH_MAX];
	size_t n = strnlen(target, tmax);

	if (n == 0)
		return -ENOENT;
	if (n >= sizeof(t))
		return -ENAMETOOLONG;
	memcpy(t, target, n);
	t[n] = 0;
	memcpy(dir, cur, plen);
	dir[plen] = 0;
	int r = tm_path_join(plen ? dir : "/", t, out, sizeof(out));
	if (r < 0)
		return r;
	strcpy(cur, out);
	return 0;
}

/* Fills f from the stat a server gave; 0 or an errno for what cannot be loaded. */
static int take_stat(struct tm_file *f, const struct stat *st)
{
	if (S_ISDIR(st->st_mode))
		return -EISDIR;
	if (!S_ISREG(st->st_mode))
		return -EACCES;
	if (st->st_size < 0) {
		tm_log("loading %s: server %d reports a negative size\n", f->path, f->server);
		return -EIO;
	}
	if ((uint64_t)st->st_size > TM_IMAGE_MAX) {
		tm_log("loading %s: %llu bytes is more than taskman loads\n", f->path,
		       (unsigned long long)st->st_size);
		return -ENOMEM;
	}
	f->mode = st->st_mode;
	f->uid = st->st_uid;
	f->gid = st->st_gid;
	f->size = (uint64_t)st->st_size;
	return 0;
}

/*
 * Opens rest (the path below the server's prefix) on server e for reading
 * and stats it. Returns 0 (f->coid open), 1 (a link: cur rewritten),
 * -ENOENT / -ENOSYS (try the next server) or another negative errno.
 */
static int remote_open(const struct pm_entry *e, char *cur, const char *rest, struct tm_file *f,
                       const struct tm_io *io)
{
	int r = tm_io_check(io);
	if (r < 0)
		return r;
	f->server = e->pid;
	strcpy(f->path, cur);
	f->coid = ConnectAttach_r(0, e->pid, e->chid, _NTO_SIDE_CHANNEL, 0);
	if (f->coid < 0) {
		r = f->coid == -ESRCH ? -ENOENT : f->coid; /* the server has just gone */
		f->coid = -1;
		return r;
	}
	struct _io_connect m;
	union connect_reply rep;
	size_t plen = strlen(rest) + 1;
	memset(&m, 0, sizeof(m));
	m.type = _IO_CONNECT;
	m.subtype = _IO_CONNECT_OPEN;
	m.file_type = _FTYPE_ANY;
	m.reply_max = sizeof(rep);
	m.handle = e->handle;
	m.ioflag = _IO_FLAG_RD;
	m.path_len = (uint16_t)plen;
	memset(&rep, 0, sizeof(rep));
	iov_t s[2], rv;
	SETIOV(&s[0], &m, sizeof(m));
	SETIOV_CONST(&s[1], rest, plen);
	SETIOV(&rv, &rep, sizeof(rep) - 1);
	long st = send_bounded(f, "the open", s, 2, &rv, 1);
	if (is_ret(st) && ((unsigned long)st & _IO_CONNECT_RET_LINK) && rep.l.nentries == 0) {
		tm_file_close(f);
		r = follow(cur, e->prefix_len, rep.b + sizeof(rep.l),
		           sizeof(rep) - sizeof(rep.l) - 1);
		return r < 0 ? r : 1;
	}
	if (is_ret(st)) {
		tm_log("loading %s: server %d answered the open with 0x%lx\n", f->path, f->server,
		       (unsigned long)st);
		st = -EIO;
	}
	if (st < 0) {
		tm_file_close(f);
		return (int)st;
	}
	/* open: what is it? */
	struct _io_stat q = {.type = _IO_STAT, .combine_len = sizeof(q)};
	struct stat sb;
	memset(&sb, 0, sizeof(sb));
	SETIOV(&s[0], &q, sizeof(q));
	SETIOV(&rv, &sb, sizeof(sb));
	st = send_bounded(f, "the stat", s, 1, &rv, 1);
	r = st < 0 ? (int)st : take_stat(f, &sb);
	if (r < 0)
		tm_file_close(f);
	return r;
}

/* The boot archive's file at rest (f filled), a link (1, cur rewritten) or an error. */
static int boot_open(char *cur, const char *rest, struct tm_file *f)
{
	const struct bootfs_ent *e;
	char link[TM_PATH_MAX];
	int r = bootfs_walk(rest, 0, &e, link, sizeof(link));

	if (r == 1) {
		strcpy(cur, link);
		return 1;
	}
	if (r < 0)
		return r;
	if (S_ISDIR(e->mode))
		return -EISDIR;
	if (!S_ISREG(e->mode))
		return -EACCES;
	strcpy(f->path, cur);
	f->mode = e->mode;
	f->uid = e->uid;
	f->gid = e->gid;
	f->size = e->size;
	f->data = e->data;
	f->have = e->size;
	f->server = 0;
	return 0;
}

/* See imgfile.h: the servers of the path in turn, links followed. */
int tm_file_open(const char *path, struct tm_file *f, const struct tm_io *io)
{
	struct pm_entry ents[RESOLVE_MAX];
	char cur[TM_PATH_MAX];
	int links = 0;

	tm_file_free(f);
	int r = tm_path_normalize(path, cur, sizeof(cur));
	if (r < 0)
		return r;
restart:;
	int n = pm_resolve(cur, sizeof(cur), _FTYPE_ANY, ents, RESOLVE_MAX);
	if (n <= 0)
		return n == 0 ? -ENOENT : n;
	if (n > RESOLVE_MAX)
		n = RESOLVE_MAX;
	int err = -ENOENT;
	for (int i = 0; i < n; i++) {
		const struct pm_entry *e = &ents[i];
		if (e->prefix_len > strlen(cur))
			continue;
		const char *rest = cur + e->prefix_len;
		while (*rest == '/')
			rest++;
		if (e->pid == SYSMGR_PID)
			/* taskman's own files: only the archive holds programs */
			r = e->handle == TMH_BOOT ? boot_open(cur, rest, f) : -EACCES;
		else if (!io->may_block)
			return -TM_EDEFER;
		else
			r = remote_open(e, cur, rest, f, io);
		if (r == 1) {
			if (++links > TM_LINK_HOPS)
				return -ELOOP;
			goto restart;
		}
		if (r == -ENOENT || r == -ENOSYS) {
			if (err == -ENOENT)
				err = r;
			continue;
		}
		return r;
	}
	return err;
}

/* See imgfile.h. */
int tm_file_read(struct tm_file *f, uint64_t upto, const struct tm_io *io)
{
	if (upto > f->size)
		upto = f->size;
	if (f->have >= upto)
		return 0;
	if (f->coid < 0)
		return -EIO; /* closed before everything was read */
	if (f->buf == NULL) {
		uintptr_t a = 0;
		size_t len = TM_ALIGN_UP(f->size);
		int r = seam_map_anon(0, &a, len, PROT_READ | PROT_WRITE, 0);
		if (r < 0)
			return r;
		f->buf = (void *)a;
		f->buflen = len;
		f->data = f->buf;
	}
	while (f->have < upto) {
		int r = tm_io_check(io);
		if (r < 0)
			return r;
		uint64_t want = upto - f->have;
		if (want > TM_READ_CHUNK)
			want = TM_READ_CHUNK;
		struct _io_read q;
		memset(&q, 0, sizeof(q));
		q.type = _IO_READ;
		q.combine_len = sizeof(q);
		q.nbytes = (uint32_t)want;
		q.xtype = _IO_XTYPE_NONE;
		iov_t s, rv;
		SETIOV(&s, &q, sizeof(q));
		SETIOV(&rv, (char *)f->buf + f->have, want);
		long st = send_bounded(f, "a read", &s, 1, &rv, 1);
		if (st < 0) {
			if (st != -EIO)
				tm_log("loading %s: a read failed: error %ld\n", f->path, -st);
			return -EIO;
		}
		if (st == 0 || (uint64_t)st > want) {
			tm_log("loading %s: server %d answered a read of %lu bytes at %lu (of %lu) "
			       "with %ld\n",
			       f->path, f->server, (unsigned long)want, (unsigned long)f->have,
			       (unsigned long)f->size, st);
			return -EIO;
		}
		f->have += (uint64_t)st;
	}
	return 0;
}

/* See imgfile.h: _IO_CLOSE (bounded, its answer does not matter), then detach. */
void tm_file_close(struct tm_file *f)
{
	if (f->coid < 0)
		return;
	struct _io_close q = {.type = _IO_CLOSE, .combine_len = sizeof(q)};
	iov_t s;
	SETIOV(&s, &q, sizeof(q));
	bound_next_send();
	MsgSendv_r(f->coid, &s, 1, NULL, 0);
	ConnectDetach_r(f->coid);
	f->coid = -1;
}

/* See imgfile.h. */
void tm_file_free(struct tm_file *f)
{
	tm_file_close(f);
	if (f->buf)
		seam_unmap_local(f->buf, f->buflen);
	memset(f, 0, sizeof(*f));
	f->coid = -1;
}
