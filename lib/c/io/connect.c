/*
 * connect.c - path resolution: the client side of _IO_CONNECT.
 *
 * The protocol (docs/taskman.md, docs/abi.md "Path resolution"):
 *  1. send the _IO_CONNECT with the absolute path to taskman (SYSMGR_COID);
 *  2. taskman replies _IO_CONNECT_RET_LINK with the servers owning the
 *     longest matching prefixes, best first (struct _io_connect_entry), or,
 *     with no entries, the target of a path-manager symbolic link;
 *  3. for each server in turn: attach a connection to its channel (the
 *     lowest free descriptor for an open, a side channel otherwise), send
 *     the _IO_CONNECT with the rest of the path (after the entry's prefix)
 *     and the entry's handle; ENOENT or ENOSYS moves on to the next server,
 *     any other answer is final;
 *  4. a server answering _IO_CONNECT_RET_LINK without entries reports a
 *     symbolic link: its path (absolute, or relative to the server's
 *     prefix) replaces the whole path and resolution starts again.
 * At most SYMLOOP_MAX links are followed (then ELOOP). taskman is asked
 * only where a path lives; it never talks to the servers for us.
 */
#include <fcntl.h>
#include <string.h>
#include "qsoe_os.h"

#define MAX_ENTRIES 32 /* servers for one prefix we accept in a reply */
#define REPLY_BYTES                                                                               \
	(sizeof(struct _io_connect_link_reply) + MAX_ENTRIES * sizeof(struct _io_connect_entry) + \
	 PATH_MAX)

/* True if a connect status is a continuation (link, ftype, ...), not a result. */
static int is_ret(long st)
{
	return st > 0 && (unsigned long)st <= 0xffffffffUL &&
	       ((unsigned long)st & _IO_CONNECT_RET_FLAG);
}

/*
 * Sends the connect message for path (with c's parameters) on coid; a
 * combined I/O message (c->io) follows at the next multiple of 8 bytes.
 */
static long send_connect(int coid, const char *path, const struct __qsoe_conn *c,
                         const struct _io_connect_entry *e, const void *extra, size_t extra_len,
                         void *reply, size_t rlen)
{
	static const char pad[8];
	struct _io_connect m;
	iov_t s[5], r;
	size_t plen = strlen(path) + 1, n = 2;

	memset(&m, 0, sizeof(m));
	m.type = _IO_CONNECT;
	m.subtype = (uint16_t)c->subtype;
	m.file_type = c->file_type;
	m.reply_max = (uint16_t)(rlen > 0xffff ? 0xffff : rlen);
	m.entry_max = MAX_ENTRIES;
	m.key = e ? e->key : 0;
	m.handle = e ? e->handle : 0;
	m.ioflag = c->ioflag;
	m.mode = c->mode;
	m.access = (uint16_t)c->access;
	m.path_len = (uint16_t)plen;
	m.eflag = (uint8_t)c->eflag;
	m.extra_type = (uint8_t)(extra_len ? c->extra_type : _IO_CONNECT_EXTRA_NONE);
	m.extra_len = (uint16_t)extra_len;
	SETIOV(&s[0], &m, sizeof(m));
	SETIOV_CONST(&s[1], path, plen);
	/* (SETIOV evaluates its first argument twice: no n++ inside it) */
	if (extra_len) {
		SETIOV_CONST(&s[n], extra, extra_len);
		n++;
	}
	if (c->io_len && coid != SYSMGR_COID) {
		size_t used = sizeof(m) + plen + extra_len;
		if (used & 7) {
			SETIOV_CONST(&s[n], pad, 8 - (used & 7));
			n++;
		}
		SETIOV_CONST(&s[n], c->io, c->io_len);
		n++;
	}
	SETIOV(&r, reply, rlen);
	return MsgSendv_r(coid, s, n, &r, 1);
}

/*
 * Replaces path (PATH_MAX bytes) by the link target in a link reply whose
 * path starts at 'target' (at most tlen bytes); a relative target is
 * relative to prefix (plen bytes of path). Returns 0 or -errno.
 */
static int follow(char *path, size_t plen, const char *target, size_t tlen)
{
	char tmp[2 * PATH_MAX];
	size_t n = strnlen(target, tlen), base = 0;

	if (n == 0)
		return -ENOENT;
	if (target[0] != '/') {
		memcpy(tmp, path, plen);
		base = plen;
		tmp[base++] = '/';
	}
	if (base + n >= sizeof(tmp))
		return -ENAMETOOLONG;
	memcpy(tmp + base, target, n);
	tmp[base + n] = 0;
	int r = __qsoe_normalise(tmp, sizeof(tmp));
	if (r < 0)
		return r;
	if (strlen(tmp) >= PATH_MAX)
		return -ENAMETOOLONG;
	strcpy(path, tmp);
	return 0;
}

/* The rest of path after a server's prefix of plen bytes (no leading '/'). */
static const char *rest_of(const char *path, size_t plen)
{
	const char *p = path + plen;

	while (*p == '/')
		p++;
	return p;
}

/* Is the path of an open/connect done? Fills the caller's outputs. */
static int finish(struct __qsoe_conn *c, int coid, long st, const char *path, const void *reply)
{
	if (c->resolved)
		strcpy(c->resolved, path);
	if (c->reply && st >= 0)
		memcpy(c->reply, reply, c->reply_len < REPLY_BYTES ? c->reply_len : REPLY_BYTES);
	if (st > 0 && is_ret(st) && ((unsigned long)st & _IO_CONNECT_RET_FTYPE)) {
		const struct _io_connect_ftype_reply *f = reply;
		st = f->status == EOK ? 0 : -(long)f->status;
	}
	if (!c->keep) {
		ConnectDetach_r(coid);
		return (int)st;
	}
	if (st < 0) {
		ConnectDetach_r(coid);
		return (int)st;
	}
	return coid;
}

int __qsoe_connect(const char *abs, struct __qsoe_conn *c)
{
	char path[PATH_MAX];
	union {
		struct _io_connect_link_reply l;
		unsigned char b[REPLY_BYTES];
		uint64_t align;
	} rep;
	int links = 0;

	if (strlen(abs) >= PATH_MAX)
		return -ENAMETOOLONG;
	strcpy(path, abs);
restart:
	memset(&rep.l, 0, sizeof(rep.l));
	long st = send_connect(SYSMGR_COID, path, c, NULL, c->extra, c->extra_len, rep.b,
	                       sizeof(rep.b));
	if (st < 0)
		return (int)st;
	if (!is_ret(st) || !((unsigned long)st & _IO_CONNECT_RET_LINK))
		return -ENOENT; /* taskman resolves, it does not serve a path directly */
	unsigned n = rep.l.nentries;
	const char *tpath =
	        (const char *)rep.b + sizeof(rep.l) + n * sizeof(struct _io_connect_entry);
	size_t tmax = sizeof(rep.b) - (size_t)(tpath - (const char *)rep.b);
	if (n > MAX_ENTRIES)
		return -EIO;
	if (n == 0) { /* a path-manager symbolic link: start again at its target */
		if (++links > SYMLOOP_MAX)
			return -ELOOP;
		int r = follow(path, strlen(path), tpath, tmax);
		if (r < 0)
			return r;
		goto restart;
	}
	struct _io_connect_entry ents[MAX_ENTRIES];
	memcpy(ents, rep.b + sizeof(rep.l), n * sizeof(ents[0]));
	int err = -ENOENT;
	for (unsigned i = 0; i < n; i++) {
		const struct _io_connect_entry *e = &ents[i];
		if (c->file_type != _FTYPE_ANY && e->file_type != _FTYPE_ANY &&
		    e->file_type != c->file_type)
			continue;
		size_t plen = e->prefix_len;
		if (plen > strlen(path))
			continue;
		const void *extra = c->extra;
		size_t extra_len = c->extra_len;
		if (c->rename_from) {
			/* The old name must live under the same prefix of the same server. */
			if (strncmp(c->rename_from, path, plen) != 0 ||
			    (c->rename_from[plen] != '/' && c->rename_from[plen] != 0 &&
			     !(plen == 1 && path[0] == '/'))) {
				err = -EXDEV;
				continue;
			}
			extra = rest_of(c->rename_from, plen);
			extra_len = strlen(extra) + 1;
		}
		unsigned index = c->keep ? 0 : _NTO_SIDE_CHANNEL;
		int coid = ConnectAttach_r(0, e->pid, e->chid, index,
		                           c->keep && c->cloexec ? (int)_NTO_COF_CLOEXEC : 0);
		if (coid < 0) {
			err = coid == -ESRCH ? -ENOENT : coid; /* the server has just gone */
			continue;
		}
		void *reply = rep.b;
		size_t rlen = sizeof(rep.b);
		memset(&rep.l, 0, sizeof(rep.l));
		st = send_connect(coid, rest_of(path, plen), c, e, extra, extra_len, reply, rlen);
		if (is_ret(st) && ((unsigned long)st & _IO_CONNECT_RET_LINK)) {
			ConnectDetach_r(coid);
			/* A symbolic link on the server: its reply says where to go. */
			const struct _io_connect_link_reply *l = reply;
			if (l->nentries != 0)
				return -ENOSYS; /* a server redirecting to other servers */
			if (++links > SYMLOOP_MAX)
				return -ELOOP;
			int r = follow(path, plen, (const char *)(l + 1), rlen - sizeof(*l));
			if (r < 0)
				return r;
			goto restart;
		}
		if (is_ret(st) && ((unsigned long)st & _IO_CONNECT_RET_MSG)) {
			ConnectDetach_r(coid);
			return -ENOSYS;
		}
		if (st == -ENOENT || st == -ENOSYS) {
			ConnectDetach_r(coid);
			if (err == -ENOENT || err == -EXDEV)
				err = (int)st;
			continue;
		}
		if (st == -EBADF || st == -ESRCH) /* the server died while we asked */
			st = -ENOENT;
		return finish(c, coid, st, path, reply);
	}
	return err;
}
