/*
 * tmt.c - the taskman tests' client side of the protocol (see tmt.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include "tmt.h"

long tmt_send(void *req, size_t len, void *rbuf, size_t rlen)
{
	return MsgSend_r(SYSMGR_COID, req, len, rbuf, rlen);
}

long tmt_simple(unsigned type, unsigned subtype)
{
	struct tm_hdr h = {.type = (uint16_t)type, .subtype = (uint16_t)subtype, .size = sizeof(h)};
	return tmt_send(&h, sizeof(h), NULL, 0);
}

/* Appends n bytes at *p (bounded by end); returns 0 or -E2BIG. */
static int put(char **p, char *end, const void *src, size_t n)
{
	if ((size_t)(end - *p) < n)
		return -E2BIG;
	memcpy(*p, src, n);
	*p += n;
	return 0;
}

/* tmt_spawn, with the whole request bounded by tmo_ms (0: no bound). */
static long spawn_req(const char *path, char *const argv[], unsigned flags, pid_t pgroup,
                      struct tm_spawn_reply *rep, unsigned tmo_ms)
{
	static char big[256 * 1024]; /* for large argument lists (one thread at a time) */
	static const char env[] = "PATH=/bin:/";
	char small[2048];
	struct tm_spawn q;
	size_t need = sizeof(q) + strlen(path) + 1 + sizeof(env) + 2;
	for (int i = 0; argv && argv[i]; i++)
		need += strlen(argv[i]) + 1;
	char *buf = need <= sizeof(small) ? small : big;
	char *p = buf + sizeof(q),
	     *end = buf + (need <= sizeof(small) ? sizeof(small) : sizeof(big));
	struct tm_spawn_reply r;

	memset(&q, 0, sizeof(q));
	q.hdr.type = TM_SPAWN;
	q.flags = flags;
	q.pgroup = pgroup;
	q.path_len = (uint32_t)strlen(path) + 1;
	if (put(&p, end, path, q.path_len) < 0)
		return -E2BIG;
	for (int i = 0; argv && argv[i]; i++) {
		size_t n = strlen(argv[i]) + 1;
		if (put(&p, end, argv[i], n) < 0)
			return -E2BIG;
		q.argc++;
		q.argv_len += (uint32_t)n;
	}
	if (put(&p, end, env, sizeof(env)) < 0 || put(&p, end, "/", 2) < 0)
		return -E2BIG;
	q.envc = 1;
	q.env_len = sizeof(env);
	q.cwd_len = 2;
	q.umask = 022;
	q.hdr.size = (uint32_t)(p - buf);
	memcpy(buf, &q, sizeof(q));
	if (tmo_ms) {
		uint64_t ns = (uint64_t)tmo_ms * 1000000u;
		TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEND | _NTO_TIMEOUT_REPLY, NULL, &ns,
		               NULL);
	}
	long s = tmt_send(buf, q.hdr.size, &r, sizeof(r));
	if (s >= 0 && rep)
		*rep = r;
	return s;
}

long tmt_spawn(const char *path, char *const argv[], unsigned flags, pid_t pgroup,
               struct tm_spawn_reply *rep)
{
	return spawn_req(path, argv, flags, pgroup, rep, 0);
}

long tmt_spawn_tmo(const char *path, char *const argv[], unsigned tmo_ms)
{
	return spawn_req(path, argv, 0, 0, NULL, tmo_ms);
}

long tmt_spawnl(const char *path, unsigned flags, ...)
{
	char *argv[16];
	va_list ap;
	int n = 0;

	va_start(ap, flags);
	while (n < 15 && (argv[n] = va_arg(ap, char *)) != NULL)
		n++;
	va_end(ap);
	argv[n] = NULL;
	return tmt_spawn(path, argv, flags, 0, NULL);
}

long tmt_wait(int subtype, int idtype, int id, int options, struct tm_wait_reply *r)
{
	struct tm_wait q;
	struct tm_wait_reply tmp;

	memset(&q, 0, sizeof(q));
	q.hdr.type = TM_WAIT;
	q.hdr.subtype = (uint16_t)subtype;
	q.hdr.size = sizeof(q);
	q.idtype = idtype;
	q.id = id;
	q.options = options;
	return tmt_send(&q, sizeof(q), r ? r : &tmp, sizeof(*r));
}

long tmt_waitpid(pid_t pid)
{
	struct tm_wait_reply r;
	long s = tmt_wait(TM_WAIT_PID, TM_P_PID, pid, 0, &r);
	return s < 0 ? s : r.status;
}

long tmt_kill(pid_t pid, int signo)
{
	struct tm_kill q = {.hdr = {TM_KILL, 0, sizeof(q)}, .pid = pid, .signo = signo};
	return tmt_send(&q, sizeof(q), NULL, 0);
}

long tmt_pgid(unsigned type, pid_t pid, pid_t pgid)
{
	struct tm_pgid q = {.hdr = {(uint16_t)type, 0, sizeof(q)}, .pid = pid, .pgid = pgid};
	return tmt_send(&q, sizeof(q), NULL, 0);
}

long tmt_cred(unsigned subtype, int r, int e, int s, struct tm_cred *out)
{
	struct tm_setcred q;

	memset(&q, 0, sizeof(q));
	q.hdr.type = TM_SETCRED;
	q.hdr.subtype = (uint16_t)subtype;
	q.hdr.size = sizeof(q);
	q.cred.ruid = q.cred.rgid = r;
	q.cred.euid = q.cred.egid = e;
	q.cred.suid = q.cred.sgid = s;
	if (out && subtype == TM_CRED_SETGROUPS)
		q.cred = *out;
	return tmt_send(&q, sizeof(q), out, out ? sizeof(*out) : 0);
}

long tmt_attach(const char *path, int chid, unsigned handle, unsigned flags, unsigned ftype)
{
	char buf[sizeof(struct tm_path_attach) + 1024];
	struct tm_path_attach *q = (struct tm_path_attach *)buf;
	size_t n = strlen(path) + 1;

	if (n > 1024)
		return -ENAMETOOLONG;
	memset(q, 0, sizeof(*q));
	q->hdr.type = TM_PATH_ATTACH;
	q->hdr.size = (uint32_t)(sizeof(*q) + n);
	q->chid = chid;
	q->handle = handle;
	q->flags = flags;
	q->file_type = ftype;
	q->path_len = (uint32_t)n;
	memcpy(q->path, path, n);
	return tmt_send(q, q->hdr.size, NULL, 0);
}

long tmt_detach(int id)
{
	struct tm_path_detach q = {.hdr = {TM_PATH_DETACH, 0, sizeof(q)}, .id = id};
	return tmt_send(&q, sizeof(q), NULL, 0);
}

static long link_req(int subtype, const char *path, const char *target)
{
	char buf[sizeof(struct tm_path_link) + 2048];
	struct tm_path_link *q = (struct tm_path_link *)buf;
	size_t a = strlen(path) + 1, b = target ? strlen(target) + 1 : 0;

	if (a + b > 2048)
		return -ENAMETOOLONG;
	q->hdr.type = TM_PATH_LINK;
	q->hdr.subtype = (uint16_t)subtype;
	q->hdr.size = (uint32_t)(sizeof(*q) + a + b);
	q->path_len = (uint32_t)a;
	q->target_len = (uint32_t)b;
	memcpy(q->data, path, a);
	if (b)
		memcpy(q->data + a, target, b);
	return tmt_send(q, q->hdr.size, NULL, 0);
}

long tmt_link(const char *path, const char *target)
{
	return link_req(0, path, target);
}

long tmt_unlink_link(const char *path)
{
	return link_req(1, path, NULL);
}

long tmt_set_ctty(const char *path)
{
	char buf[sizeof(struct tm_set_ctty) + 1024];
	struct tm_set_ctty *q = (struct tm_set_ctty *)buf;
	size_t n = strlen(path) + 1;

	q->hdr.type = TM_SET_CTTY;
	q->hdr.subtype = 0;
	q->hdr.size = (uint32_t)(sizeof(*q) + n);
	q->path_len = (uint32_t)n;
	memcpy(q->path, path, n);
	return tmt_send(q, q->hdr.size, NULL, 0);
}

/* Builds an _IO_CONNECT for path in buf; returns its length. */
static size_t connect_msg(char *buf, unsigned subtype, uint32_t ftype, uint32_t handle,
                          uint32_t ioflag, uint32_t mode, const char *path)
{
	struct _io_connect c;
	size_t n = strlen(path) + 1;

	memset(&c, 0, sizeof(c));
	c.type = _IO_CONNECT;
	c.subtype = (uint16_t)subtype;
	c.file_type = ftype;
	c.reply_max = 2048;
	c.entry_max = 16;
	c.handle = handle;
	c.ioflag = ioflag;
	c.mode = mode;
	c.path_len = (uint16_t)n;
	memcpy(buf, &c, sizeof(c));
	memcpy(buf + sizeof(c), path, n);
	return sizeof(c) + n;
}

long tmt_resolve(const char *path, uint32_t ftype, struct _io_connect_entry *ents, int max,
                 char *resolved, size_t rsize)
{
	static char msg[sizeof(struct _io_connect) + 1100];
	static char rep[2048];
	struct _io_connect_link_reply lr;

	if (strlen(path) >= 1100)
		return -ENAMETOOLONG;
	size_t len = connect_msg(msg, _IO_CONNECT_OPEN, ftype, 0, _IO_FLAG_RD, 0, path);
	long r = MsgSend_r(SYSMGR_COID, msg, len, rep, sizeof(rep));
	if (r < 0)
		return r;
	if (r != (long)(_IO_CONNECT_RET_FLAG | _IO_CONNECT_RET_LINK))
		return -EPROTO;
	memcpy(&lr, rep, sizeof(lr));
	for (int i = 0; i < lr.nentries && i < max; i++)
		memcpy(&ents[i], rep + sizeof(lr) + i * sizeof(*ents), sizeof(*ents));
	strlcpy(resolved, rep + sizeof(lr) + lr.nentries * sizeof(*ents), rsize);
	return lr.nentries;
}

/* Opens (or unlinks) through resolution; shared by tmt_open and tmt_unlink. */
static long path_op(const char *path, unsigned subtype, uint32_t ioflag, uint32_t mode)
{
	static char cur[1100], resolved[1100], msg[sizeof(struct _io_connect) + 1100], rep[1200];
	struct _io_connect_entry ents[16];

	strlcpy(cur, path, sizeof(cur));
	for (int hops = 0; hops < 8; hops++) {
		long n = tmt_resolve(cur, _FTYPE_ANY, ents, 16, resolved, sizeof(resolved));
		if (n < 0)
			return n;
		long err = -ENOENT;
		int again = 0;
		for (long i = 0; i < n && !again; i++) {
			int coid = ConnectAttach_r(0, ents[i].pid, ents[i].chid, 0, 0);
			if (coid < 0)
				return coid;
			const char *rest = resolved + ents[i].prefix_len;
			while (*rest == '/')
				rest++;
			size_t len = connect_msg(msg, subtype, _FTYPE_ANY, ents[i].handle, ioflag,
			                         mode, rest);
			long r = MsgSend_r(coid, msg, len, rep, sizeof(rep));
			if (r == 0 && subtype == _IO_CONNECT_OPEN)
				return coid;
			ConnectDetach_r(coid);
			if (r >= 0 && !(r & _IO_CONNECT_RET_LINK))
				return r;
			if (r > 0) { /* a link: start again at the path it names */
				struct _io_connect_link_reply lr;
				memcpy(&lr, rep, sizeof(lr));
				strlcpy(cur, rep + sizeof(lr) + lr.nentries * sizeof(ents[0]),
				        sizeof(cur));
				again = 1;
				continue;
			}
			err = r;
			if (r != -ENOENT)
				return r;
		}
		if (!again)
			return err;
	}
	return -ELOOP;
}

long tmt_open(const char *path, uint32_t ioflag, uint32_t mode)
{
	return path_op(path, _IO_CONNECT_OPEN, ioflag, mode);
}

long tmt_unlink(const char *path)
{
	return path_op(path, _IO_CONNECT_UNLINK, 0, 0);
}

long tmt_read(int fd, void *buf, size_t n)
{
	struct _io_read q = {.type = _IO_READ, .combine_len = sizeof(q), .nbytes = (uint32_t)n};
	return MsgSend_r(fd, &q, sizeof(q), buf, n);
}

long tmt_pread(int fd, void *buf, size_t n, uint64_t off)
{
	struct {
		struct _io_read r;
		struct _xtype_offset o;
	} q = {{.type = _IO_READ,
	        .combine_len = sizeof(q),
	        .nbytes = (uint32_t)n,
	        .xtype = _IO_XTYPE_OFFSET},
	       {(off64_t)off}};
	return MsgSend_r(fd, &q, sizeof(q), buf, n);
}

long tmt_write(int fd, const void *buf, size_t n)
{
	struct _io_write q = {.type = _IO_WRITE, .combine_len = sizeof(q), .nbytes = (uint32_t)n};
	iov_t iov[2];
	SETIOV(&iov[0], &q, sizeof(q));
	SETIOV(&iov[1], (void *)buf, n);
	return MsgSendv_r(fd, iov, 2, NULL, 0);
}

long tmt_lseek(int fd, int64_t off, int whence)
{
	struct _io_lseek q = {.type = _IO_LSEEK,
	                      .combine_len = sizeof(q),
	                      .whence = (short)whence,
	                      .offset = off};
	uint64_t r = 0;
	long s = MsgSend_r(fd, &q, sizeof(q), &r, sizeof(r));
	return s < 0 ? s : (long)r;
}

long tmt_fstat(int fd, struct stat *st)
{
	struct _io_stat q = {.type = _IO_STAT, .combine_len = sizeof(q)};
	return MsgSend_r(fd, &q, sizeof(q), st, sizeof(*st));
}

long tmt_close(int fd)
{
	struct _io_close q = {.type = _IO_CLOSE, .combine_len = sizeof(q)};
	long r = MsgSend_r(fd, &q, sizeof(q), NULL, 0);
	ConnectDetach_r(fd);
	return r;
}

long tmt_slurp(const char *path, char *buf, size_t size)
{
	long fd = tmt_open(path, _IO_FLAG_RD, 0);
	size_t got = 0;

	if (fd < 0)
		return fd;
	for (;;) {
		long n = tmt_read((int)fd, buf + got, size - 1 - got);
		if (n < 0) {
			tmt_close((int)fd);
			return n;
		}
		if (n == 0 || got + (size_t)n >= size - 1) {
			got += (size_t)n;
			break;
		}
		got += (size_t)n;
	}
	buf[got] = 0;
	tmt_close((int)fd);
	return (long)got;
}

void tmt_sleep_ms(unsigned ms)
{
	static int chid;
	uint64_t ns = (uint64_t)ms * 1000000;
	char b;

	if (chid <= 0)
		chid = ChannelCreate_r(0);
	TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_RECEIVE, NULL, &ns, NULL);
	MsgReceive_r(chid, &b, 1, NULL);
}

long tmt_atol(const char *s)
{
	long v = 0, neg = *s == '-';

	if (neg)
		s++;
	while (*s >= '0' && *s <= '9')
		v = v * 10 + (*s++ - '0');
	return neg ? -v : v;
}

void tmt_ltoa(long v, char *buf)
{
	char tmp[24];
	int n = 0, neg = v < 0;
	unsigned long u = neg ? -(unsigned long)v : (unsigned long)v;

	do {
		tmp[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (neg)
		*buf++ = '-';
	while (n)
		*buf++ = tmp[--n];
	*buf = 0;
}

const char *tmt_strstr(const char *h, const char *n)
{
	size_t l = strlen(n);

	for (; *h; h++)
		if (strncmp(h, n, l) == 0)
			return h;
	return NULL;
}
