/*
 * spawnreq.c - decoding and checking a TM_SPAWN request (layout in
 * include/qsoe/taskman.h) before tm_spawn acts on it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/spawn.h>

#define SPAWN_FLAGS                                                                        \
	(TM_SPAWN_SETPGROUP | TM_SPAWN_SETSID | TM_SPAWN_SETSIGMASK | TM_SPAWN_SETSIGDEF | \
	 TM_SPAWN_SETSCHED | TM_SPAWN_RESETIDS | TM_SPAWN_SEARCH | TM_SPAWN_NOZOMBIE |     \
	 TM_SPAWN_HOLD)
#define TABLE_MAX (1u << 16) /* descriptors or file actions in one request (E2BIG) */
#define ACTS_MAX  (1u << 20) /* bytes of file-action strings (E2BIG) */

/* True if [s, s + len) is exactly n NUL-terminated strings. */
static int packed_ok(const char *s, size_t len, uint32_t n)
{
	size_t off = 0;

	for (uint32_t i = 0; i < n; i++) {
		const char *z = memchr(s + off, 0, len - off);
		if (z == NULL)
			return 0;
		off = (size_t)(z - s) + 1;
		if (off > len)
			return 0;
	}
	return off == len;
}

/* Checks the counts and lengths; the request's total size or 0 with *err. */
static uint64_t total_size(const struct tm_spawn *q, int *err)
{
	if ((q->flags & ~SPAWN_FLAGS) || q->path_len < 2 || q->cwd_len < 2) {
		*err = EINVAL;
		return 0;
	}
	if (q->path_len > TM_PATH_MAX || q->cwd_len > TM_PATH_MAX) {
		*err = ENAMETOOLONG;
		return 0;
	}
	if ((uint64_t)q->argv_len + q->env_len > TM_ARG_MAX || q->nfds > TABLE_MAX ||
	    q->nacts > TABLE_MAX || q->acts_len > ACTS_MAX) {
		*err = E2BIG;
		return 0;
	}
	return sizeof(*q) + (uint64_t)q->path_len + q->argv_len + q->env_len + q->cwd_len +
	       (uint64_t)q->nfds * sizeof(struct tm_fd) +
	       (uint64_t)q->nacts * sizeof(struct tm_fileact) + q->acts_len;
}

/* Checks the strings and tables of a fetched request and fills *a. 0 or an errno. */
static int decode(const struct tm_spawn *q, struct tm_spawn_args *a, struct tm_fd **fds,
                  struct tm_fileact **acts)
{
	const char *p = (const char *)(q + 1);

	memset(a, 0, sizeof(*a));
	a->path = p;
	if (p[q->path_len - 1] || strlen(p) + 1 != q->path_len)
		return EINVAL;
	p += q->path_len;
	a->argv = p;
	a->argc = q->argc;
	a->argv_len = q->argv_len;
	if (!packed_ok(p, q->argv_len, q->argc))
		return EINVAL;
	p += q->argv_len;
	a->envp = p;
	a->envc = q->envc;
	a->env_len = q->env_len;
	if (!packed_ok(p, q->env_len, q->envc))
		return EINVAL;
	p += q->env_len;
	a->cwd = p;
	if (p[q->cwd_len - 1] || strlen(p) + 1 != q->cwd_len || p[0] != '/')
		return EINVAL;
	p += q->cwd_len;
	*fds = malloc((q->nfds ? q->nfds : 1) * sizeof(**fds));
	*acts = malloc((q->nacts ? q->nacts : 1) * sizeof(**acts));
	if (*fds == NULL || *acts == NULL)
		return ENOMEM;
	memcpy(*fds, p, q->nfds * sizeof(**fds));
	p += q->nfds * sizeof(**fds);
	memcpy(*acts, p, q->nacts * sizeof(**acts));
	p += q->nacts * sizeof(**acts);
	a->actstr = p;
	a->acts_len = q->acts_len;
	if (q->acts_len && p[q->acts_len - 1])
		return EINVAL;
	for (uint32_t i = 0; i < q->nfds; i++)
		if ((*fds)[i].fd < 0)
			return EBADF;
	for (uint32_t i = 0; i < q->nacts; i++) {
		const struct tm_fileact *f = &(*acts)[i];
		if (f->op < TM_FA_OPEN || f->op > TM_FA_FCHDIR)
			return EINVAL;
		if ((f->op == TM_FA_OPEN || f->op == TM_FA_CHDIR) && f->path_off >= q->acts_len)
			return EINVAL;
	}
	a->fds = *fds;
	a->nfds = q->nfds;
	a->acts = *acts;
	a->nacts = q->nacts;
	a->flags = q->flags;
	a->pgroup = q->pgroup;
	a->sigmask = q->sigmask;
	a->sigdefault = q->sigdefault;
	a->sigignore = q->sigignore;
	a->umask = q->umask & 0777;
	if (q->flags & TM_SPAWN_SETSCHED) {
		int prio = q->param.sched_priority;
		if ((q->policy != SCHED_FIFO && q->policy != SCHED_RR &&
		     q->policy != SCHED_OTHER) ||
		    prio < 1 || prio > 255)
			return EINVAL;
		a->policy = q->policy;
		a->prio = prio;
	}
	return 0;
}

/* See spawn.h. */
int tm_spawn_request(const void *req, size_t len, rcvid_t rcvid, pid_t sender, int prio,
                     const struct tm_io *io)
{
	struct tm_spawn_args a;
	struct tm_fd *fds = NULL;
	struct tm_fileact *acts = NULL;
	int err, deferred = 0;

	(void)len; /* the caller checked it against the request's own sizes */
	err = decode(req, &a, &fds, &acts);
	if (err == 0) {
		if (!(a.flags & TM_SPAWN_SETSCHED)) {
			a.policy = SCHED_RR;
			a.prio = prio > 0 ? prio : TM_DEFAULT_PRIO;
		}
		pid_t pid = tm_spawn(sender, &a, rcvid, 0, &deferred, io);
		if (pid == -TM_EDEFER) {
			free(fds);
			free(acts);
			return -TM_EDEFER;
		}
		if (pid < 0) {
			err = -pid;
		} else if (!deferred) {
			struct tm_spawn_reply r = {.pid = pid, .status = 0};
			tm_reply(rcvid, pid, &r, sizeof(r));
		}
	}
	if (err && tm_io_claim(io)) /* not if the requester gave up and heard EINTR */
		tm_error(rcvid, err);
	free(fds);
	free(acts);
	return 0;
}

/*
 * TM_SPAWN: checks the sizes, fetches the whole request and spawns without
 * blocking; a spawn that must read from another server goes to a loader
 * thread (the reply comes from there).
 */
void tm_do_spawn(struct tm_msg *m)
{
	const struct tm_spawn *q = m->buf;
	int err = 0;

	if (m->len < sizeof(*q) || q->hdr.size < sizeof(*q)) {
		tm_error(m->rcvid, EINVAL);
		return;
	}
	uint64_t total = total_size(q, &err);
	if (err == 0 && q->hdr.size != total)
		err = q->hdr.size < total ? EINVAL : EMSGSIZE;
	if (err == 0)
		err = -tm_msg_fetch(m, total);
	if (err) {
		tm_error(m->rcvid, err);
		return;
	}
	struct tm_io io = {.may_block = 0};
	int prio = m->info.priority;
	if (tm_spawn_request(m->buf, total, m->rcvid, tm_sender(m), prio, &io) == -TM_EDEFER) {
		err = -tm_loadq_submit(m->rcvid, tm_sender(m), prio, m->buf, total);
		if (err)
			tm_error(m->rcvid, err);
	}
}
