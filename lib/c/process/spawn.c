/*
 * spawn.c - starting programs: the TM_SPAWN request behind posix_spawn,
 * posix_spawnp and QNX's spawn family (docs/taskman.md).
 *
 * The request carries the program's path (absolute; libc searches $PATH
 * itself, in the caller's environment as POSIX asks), argv and envp, the
 * current directory and umask, the signal mask and ignored signals, the
 * descriptors the child inherits (each named by the parent's connection,
 * which the child duplicates itself before main) and the posix_spawn file
 * actions (replayed by the child). taskman replies once the child has
 * taken over its descriptors (TM_STARTED), with the errno of a failed file
 * action if there was one; posix_spawn then reaps that child and returns
 * the error.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "qsoe_os.h"

extern char **environ;

#pragma weak sigprocmask
#pragma weak sigaction
/* The signal library may provide the caller's ignored set cheaply. */
int __qsoe_sig_ignored(__sigset_t *set) __attribute__((weak));

/* Bytes of a NULL-terminated string vector's strings; -1 if too big. */
static long vec_bytes(char *const *v, uint32_t *count)
{
	size_t n = 0, c = 0;

	for (; v && v[c]; c++) {
		n += strlen(v[c]) + 1;
		if (n > TM_ARG_MAX)
			return -1;
	}
	*count = (uint32_t)c;
	return (long)n;
}

static char *put_vec(char *p, char *const *v)
{
	for (size_t i = 0; v && v[i]; i++) {
		size_t n = strlen(v[i]) + 1;
		memcpy(p, v[i], n);
		p += n;
	}
	return p;
}

/* True if a file action uses fd as its source (so it must be inherited). */
static int action_uses(const struct __qsoe_spawn *s, int fd)
{
	for (size_t i = 0; i < s->nacts; i++)
		if ((s->acts[i].op == TM_FA_DUP2 && s->acts[i].srcfd == fd) ||
		    (s->acts[i].op == TM_FA_FCHDIR && s->acts[i].fd == fd))
			return 1;
	return 0;
}

/*
 * The descriptors the child inherits: with an fd_map, exactly those; else
 * every open descriptor without FD_CLOEXEC, plus the close-on-exec ones a
 * file action needs (they keep FD_CLOEXEC and are closed after the
 * actions, as POSIX orders). Returns the count (array in *out, malloc'd)
 * or -errno.
 */
static long collect_fds(const struct __qsoe_spawn *s, struct tm_fd **out)
{
	struct _server_info info;
	size_t n = 0, cap = 16;
	struct tm_fd *v = malloc(cap * sizeof(*v));

	if (v == NULL)
		return -ENOMEM;
	int limit = s->fd_map ? s->fd_count : 0x3fffffff;
	for (int i = 0; i < limit;) {
		int src = s->fd_map ? s->fd_map[i] : i;
		int child = i;
		if (s->fd_map && src < 0) {
			i++;
			continue;
		}
		int r = ConnectServerInfo_r(0, src, &info);
		if (!s->fd_map) {
			if (r < 0 || ((unsigned)r & _NTO_SIDE_CHANNEL))
				break;
			src = child = r;
			i = r + 1;
		} else {
			i++;
			if (r != src) {
				free(v);
				return -EBADF;
			}
		}
		unsigned cf = (unsigned)(uint16_t)info.flags;
		if (cf & _NTO_COF_DEAD)
			continue;
		if (!s->fd_map && (cf & _NTO_COF_CLOEXEC) && !action_uses(s, src))
			continue;
		if (n == cap) {
			struct tm_fd *nv = realloc(v, 2 * cap * sizeof(*v));
			if (nv == NULL) {
				free(v);
				return -ENOMEM;
			}
			v = nv;
			cap *= 2;
		}
		v[n].fd = child;
		v[n].flags = (!s->fd_map && (cf & _NTO_COF_CLOEXEC)) ? FD_CLOEXEC : 0;
		v[n].server_pid = info.pid;
		v[n].server_chid = info.chid;
		v[n].parent_coid = src;
		v[n].parent_scoid = info.scoid;
		n++;
	}
	*out = v;
	return (long)n;
}

/* The signals the caller ignores. */
static void ignored_set(__sigset_t *set)
{
	memset(set, 0, sizeof(*set));
	if (__qsoe_sig_ignored) {
		__qsoe_sig_ignored(set);
		return;
	}
	if (!sigaction)
		return;
	for (int sig = 1; sig < NSIG; sig++) {
		struct sigaction sa;
		if (sig != SIGKILL && sig != SIGSTOP && sigaction(sig, NULL, &sa) == 0 &&
		    sa.sa_handler == SIG_IGN)
			set->__bits[(sig - 1) / 32] |= 1u << ((sig - 1) % 32);
	}
}

/* One TM_SPAWN for the absolute path abs. Returns 0 or an errno value. */
static int spawn_one(const struct __qsoe_spawn *s, const char *abs, const struct tm_fd *fds,
                     size_t nfds, pid_t *pid)
{
	struct tm_spawn h;
	char cwd[PATH_MAX];
	uint32_t argc, envc;
	long argb = vec_bytes(s->argv, &argc), envb = vec_bytes(s->envp, &envc);

	if (argb < 0 || envb < 0 || argb + envb > TM_ARG_MAX)
		return E2BIG;
	__qsoe_cwd_get(cwd);
	memset(&h, 0, sizeof(h));
	h.hdr.type = TM_SPAWN;
	h.flags = s->flags;
	h.pgroup = s->pgroup;
	if (s->set_mask) {
		h.sigmask = s->sigmask;
		h.flags |= TM_SPAWN_SETSIGMASK;
	} else if (sigprocmask) {
		sigprocmask(SIG_BLOCK, NULL, &h.sigmask);
	}
	h.sigdefault = s->sigdefault;
	ignored_set(&h.sigignore);
	h.sigignore.__bits[0] |= s->sigignore.__bits[0];
	h.sigignore.__bits[1] |= s->sigignore.__bits[1];
	h.policy = s->policy;
	h.param = s->param;
	h.path_len = (uint32_t)strlen(abs) + 1;
	h.argc = argc;
	h.argv_len = (uint32_t)argb;
	h.envc = envc;
	h.env_len = (uint32_t)envb;
	h.nfds = (uint32_t)nfds;
	h.nacts = (uint32_t)s->nacts;
	h.acts_len = (uint32_t)s->actstr_len;
	h.cwd_len = (uint32_t)strlen(cwd) + 1;
	h.umask = __atomic_load_n(&__qsoe_proc.umask, __ATOMIC_RELAXED);
	size_t total = sizeof(h) + h.path_len + (size_t)argb + (size_t)envb + h.cwd_len +
	               nfds * sizeof(struct tm_fd) + s->nacts * sizeof(struct tm_fileact) +
	               s->actstr_len;
	h.hdr.size = (uint32_t)total;
	char *buf = malloc(total);
	if (buf == NULL)
		return ENOMEM;
	char *p = buf;
	memcpy(p, &h, sizeof(h));
	p += sizeof(h);
	memcpy(p, abs, h.path_len);
	p += h.path_len;
	p = put_vec(p, s->argv);
	p = put_vec(p, s->envp);
	memcpy(p, cwd, h.cwd_len);
	p += h.cwd_len;
	memcpy(p, fds, nfds * sizeof(struct tm_fd));
	p += nfds * sizeof(struct tm_fd);
	memcpy(p, s->acts, s->nacts * sizeof(struct tm_fileact));
	p += s->nacts * sizeof(struct tm_fileact);
	memcpy(p, s->actstr, s->actstr_len);

	struct tm_spawn_reply rep = {.pid = -1, .status = 0};
	long r = __qsoe_tm(buf, total, &rep, sizeof(rep));
	free(buf);
	if (r < 0)
		return (int)-r;
	*pid = (pid_t)r;
	if (rep.status > 0) {
		/* A file action failed in the child, which exits with 127: collect it. */
		int st;
		while (waitpid(*pid, &st, 0) < 0 && errno == EINTR)
			;
		return rep.status;
	}
	return 0;
}

int __qsoe_spawn(const struct __qsoe_spawn *s, pid_t *pid)
{
	char abs[PATH_MAX];
	struct tm_fd *fds;
	int e;

	if (s->path == NULL || s->argv == NULL)
		return EINVAL;
	if (s->path[0] == 0)
		return ENOENT;
	long nfds = collect_fds(s, &fds);
	if (nfds < 0)
		return (int)-nfds;
	if (!s->search || strchr(s->path, '/')) {
		e = -__qsoe_abspath(AT_FDCWD, s->path, abs, NULL);
		if (e == 0)
			e = spawn_one(s, abs, fds, (size_t)nfds, pid);
		free(fds);
		return e;
	}
	/* Search the directories of the caller's PATH, in order. */
	const char *path = getenv("PATH");
	int seen_eacces = 0;
	e = ENOENT;
	if (path == NULL)
		path = "/bin:/usr/bin";
	size_t flen = strlen(s->path);
	for (const char *d = path;; d++) {
		const char *end = strchr(d, ':');
		size_t dlen = end ? (size_t)(end - d) : strlen(d);
		char cand[2 * PATH_MAX];
		if (dlen + flen + 2 < sizeof(cand)) {
			memcpy(cand, d, dlen);
			size_t k = dlen;
			if (k == 0)
				cand[k++] = '.';
			cand[k++] = '/';
			memcpy(cand + k, s->path, flen + 1);
			if (__qsoe_abspath(AT_FDCWD, cand, abs, NULL) == 0) {
				e = spawn_one(s, abs, fds, (size_t)nfds, pid);
				if (e == EACCES)
					seen_eacces = 1;
				if (e != ENOENT && e != ENOTDIR && e != EACCES && e != ENAMETOOLONG)
					break;
			}
		}
		if (end == NULL) {
			e = seen_eacces ? EACCES : ENOENT;
			break;
		}
		d = end;
	}
	free(fds);
	return e;
}
