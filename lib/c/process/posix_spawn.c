/*
 * posix_spawn.c - posix_spawn, posix_spawnp, their attribute objects and
 * file-action lists. posix_spawnattr_t is a handle (as on QNX) to a
 * malloc'd struct; posix_spawn_file_actions_t points to a growing list
 * kept in the TM_SPAWN wire format (struct tm_fileact + the path strings).
 */
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include "qsoe_os.h"

struct attr {
	short flags;
	unsigned xflags; /* QNX extended flags (POSIX_SPAWN_SETSID, ...) */
	pid_t pgroup;
	sigset_t mask, def, ign;
	int policy;
	struct sched_param param;
};

struct actions {
	struct tm_fileact *v;
	size_t n, cap;
	char *str; /* the path strings, back to back */
	size_t slen, scap;
};

#define A(p) ((struct attr *)*(p))

int posix_spawnattr_init(posix_spawnattr_t *attr)
{
	struct attr *a = calloc(1, sizeof(*a));

	if (a == NULL)
		return ENOMEM;
	a->policy = SCHED_OTHER;
	*attr = (posix_spawnattr_t)a;
	return 0;
}

int posix_spawnattr_destroy(posix_spawnattr_t *attr)
{
	if (attr == NULL || *attr == 0)
		return EINVAL;
	free(A(attr));
	*attr = 0;
	return 0;
}

#define CHECK(attr)                                 \
	do {                                        \
		if ((attr) == NULL || *(attr) == 0) \
			return EINVAL;              \
	} while (0)

int posix_spawnattr_getflags(const posix_spawnattr_t *__restrict attr, short *__restrict flags)
{
	CHECK(attr);
	*flags = A(attr)->flags;
	return 0;
}

int posix_spawnattr_setflags(posix_spawnattr_t *attr, short flags)
{
	CHECK(attr);
	if ((unsigned short)flags &
	    ~(unsigned)(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF |
	                POSIX_SPAWN_RESETIDS | POSIX_SPAWN_SETSCHEDULER |
	                POSIX_SPAWN_SETSCHEDPARAM | POSIX_SPAWN_SETSIGIGN | POSIX_SPAWN_SETSID |
	                POSIX_SPAWN_NOZOMBIE | POSIX_SPAWN_HOLD))
		return EINVAL;
	A(attr)->flags = flags;
	return 0;
}

/* QNX: the full 32-bit flags (the short ones and POSIX_SPAWN_SEARCH_PATH). */
int posix_spawnattr_getxflags(const posix_spawnattr_t *__restrict attr, unsigned *__restrict flags)
{
	CHECK(attr);
	*flags = (unsigned short)A(attr)->flags | A(attr)->xflags;
	return 0;
}

int posix_spawnattr_setxflags(posix_spawnattr_t *attr, unsigned flags)
{
	CHECK(attr);
	if (flags & ~(0xffffu | POSIX_SPAWN_SEARCH_PATH))
		return EINVAL;
	int e = posix_spawnattr_setflags(attr, (short)(flags & 0xffff));
	if (e == 0)
		A(attr)->xflags = flags & POSIX_SPAWN_SEARCH_PATH;
	return e;
}

int posix_spawnattr_getpgroup(const posix_spawnattr_t *__restrict attr, pid_t *__restrict pgrp)
{
	CHECK(attr);
	*pgrp = A(attr)->pgroup;
	return 0;
}

int posix_spawnattr_setpgroup(posix_spawnattr_t *attr, pid_t pgrp)
{
	CHECK(attr);
	if (pgrp < 0)
		return EINVAL;
	A(attr)->pgroup = pgrp;
	return 0;
}

int posix_spawnattr_getsigdefault(const posix_spawnattr_t *__restrict attr,
                                  sigset_t *__restrict set)
{
	CHECK(attr);
	*set = A(attr)->def;
	return 0;
}

int posix_spawnattr_setsigdefault(posix_spawnattr_t *__restrict attr,
                                  const sigset_t *__restrict set)
{
	CHECK(attr);
	A(attr)->def = *set;
	return 0;
}

int posix_spawnattr_getsigmask(const posix_spawnattr_t *__restrict attr, sigset_t *__restrict set)
{
	CHECK(attr);
	*set = A(attr)->mask;
	return 0;
}

int posix_spawnattr_setsigmask(posix_spawnattr_t *__restrict attr, const sigset_t *__restrict set)
{
	CHECK(attr);
	A(attr)->mask = *set;
	return 0;
}

int posix_spawnattr_getsigignore(const posix_spawnattr_t *__restrict attr, sigset_t *__restrict set)
{
	CHECK(attr);
	*set = A(attr)->ign;
	return 0;
}

int posix_spawnattr_setsigignore(posix_spawnattr_t *__restrict attr, const sigset_t *__restrict set)
{
	CHECK(attr);
	A(attr)->ign = *set;
	return 0;
}

int posix_spawnattr_getschedpolicy(const posix_spawnattr_t *__restrict attr, int *__restrict policy)
{
	CHECK(attr);
	*policy = A(attr)->policy;
	return 0;
}

int posix_spawnattr_setschedpolicy(posix_spawnattr_t *attr, int policy)
{
	CHECK(attr);
	if (policy != SCHED_FIFO && policy != SCHED_RR && policy != SCHED_OTHER)
		return EINVAL;
	A(attr)->policy = policy;
	return 0;
}

int posix_spawnattr_getschedparam(const posix_spawnattr_t *__restrict attr,
                                  struct sched_param *__restrict param)
{
	CHECK(attr);
	*param = A(attr)->param;
	return 0;
}

int posix_spawnattr_setschedparam(posix_spawnattr_t *__restrict attr,
                                  const struct sched_param *__restrict param)
{
	CHECK(attr);
	A(attr)->param = *param;
	return 0;
}

/* ---- file actions ---- */

#define FA(p) ((struct actions *)*(p))

int posix_spawn_file_actions_init(posix_spawn_file_actions_t *fa)
{
	struct actions *a = calloc(1, sizeof(*a));

	if (a == NULL)
		return ENOMEM;
	*fa = a;
	return 0;
}

int posix_spawn_file_actions_destroy(posix_spawn_file_actions_t *fa)
{
	if (fa == NULL || *fa == NULL)
		return EINVAL;
	free(FA(fa)->v);
	free(FA(fa)->str);
	free(FA(fa));
	*fa = NULL;
	return 0;
}

/* Appends an action (with its path, if any). Returns 0, EINVAL, ENOMEM. */
static int add(posix_spawn_file_actions_t *fa, const struct tm_fileact *act, const char *path)
{
	if (fa == NULL || *fa == NULL)
		return EINVAL;
	struct actions *a = FA(fa);
	if (a->n == a->cap) {
		size_t nc = a->cap ? 2 * a->cap : 8;
		struct tm_fileact *nv = realloc(a->v, nc * sizeof(*nv));
		if (nv == NULL)
			return ENOMEM;
		a->v = nv;
		a->cap = nc;
	}
	struct tm_fileact x = *act;
	if (path) {
		size_t n = strlen(path) + 1;
		if (n > PATH_MAX)
			return ENAMETOOLONG;
		if (a->slen + n > a->scap) {
			size_t nc = a->scap ? 2 * a->scap : 256;
			while (nc < a->slen + n)
				nc *= 2;
			char *ns = realloc(a->str, nc);
			if (ns == NULL)
				return ENOMEM;
			a->str = ns;
			a->scap = nc;
		}
		memcpy(a->str + a->slen, path, n);
		x.path_off = (uint32_t)a->slen;
		a->slen += n;
	}
	a->v[a->n++] = x;
	return 0;
}

static int bad_fd(int fd)
{
	return fd < 0 || !__qsoe_isfd(fd);
}

int posix_spawn_file_actions_addopen(posix_spawn_file_actions_t *__restrict fa, int fd,
                                     const char *__restrict path, int oflag, mode_t mode)
{
	struct tm_fileact act = {.op = TM_FA_OPEN, .fd = fd, .oflag = oflag, .mode = mode};

	if (bad_fd(fd))
		return EBADF;
	return add(fa, &act, path);
}

int posix_spawn_file_actions_addclose(posix_spawn_file_actions_t *fa, int fd)
{
	struct tm_fileact act = {.op = TM_FA_CLOSE, .fd = fd};

	if (bad_fd(fd))
		return EBADF;
	return add(fa, &act, NULL);
}

int posix_spawn_file_actions_adddup2(posix_spawn_file_actions_t *fa, int fd, int newfd)
{
	struct tm_fileact act = {.op = TM_FA_DUP2, .fd = newfd, .srcfd = fd};

	if (bad_fd(fd) || bad_fd(newfd))
		return EBADF;
	return add(fa, &act, NULL);
}

int posix_spawn_file_actions_addchdir_np(posix_spawn_file_actions_t *__restrict fa,
                                         const char *__restrict path)
{
	struct tm_fileact act = {.op = TM_FA_CHDIR};

	return add(fa, &act, path);
}

int posix_spawn_file_actions_addfchdir_np(posix_spawn_file_actions_t *fa, int fd)
{
	struct tm_fileact act = {.op = TM_FA_FCHDIR, .fd = fd};

	if (bad_fd(fd))
		return EBADF;
	return add(fa, &act, NULL);
}

/* ---- posix_spawn ---- */

static int do_spawn(pid_t *__restrict pid, const char *path, int search,
                    const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *attr,
                    char *const argv[], char *const envp[])
{
	struct __qsoe_spawn s;
	pid_t child;

	memset(&s, 0, sizeof(s));
	s.path = path;
	s.search = search;
	s.argv = argv;
	s.envp = envp;
	s.policy = SCHED_OTHER;
	if (attr && *attr) {
		const struct attr *a = A(attr);
		unsigned f = (unsigned short)a->flags;
		if (f & POSIX_SPAWN_SETPGROUP) {
			s.flags |= TM_SPAWN_SETPGROUP;
			s.pgroup = a->pgroup;
		}
		if (f & POSIX_SPAWN_SETSIGMASK) {
			s.set_mask = 1;
			s.sigmask = a->mask;
		}
		if (f & POSIX_SPAWN_SETSIGDEF) {
			s.flags |= TM_SPAWN_SETSIGDEF;
			s.sigdefault = a->def;
		}
		if (f & POSIX_SPAWN_SETSIGIGN)
			s.sigignore = a->ign;
		if (f & POSIX_SPAWN_RESETIDS)
			s.flags |= TM_SPAWN_RESETIDS;
		if (f & POSIX_SPAWN_SETSID)
			s.flags |= TM_SPAWN_SETSID;
		if (f & POSIX_SPAWN_NOZOMBIE)
			s.flags |= TM_SPAWN_NOZOMBIE;
		if (f & POSIX_SPAWN_HOLD)
			s.flags |= TM_SPAWN_HOLD;
		if (a->xflags & POSIX_SPAWN_SEARCH_PATH)
			s.search = 1;
		if (f & (POSIX_SPAWN_SETSCHEDULER | POSIX_SPAWN_SETSCHEDPARAM)) {
			s.flags |= TM_SPAWN_SETSCHED;
			s.param = a->param;
			if (f & POSIX_SPAWN_SETSCHEDULER) {
				s.policy = a->policy;
			} else {
				struct sched_param cur;
				int p = SchedGet_r(0, 0, &cur);
				s.policy = p > 0 ? p : SCHED_RR;
			}
			if (!(f & POSIX_SPAWN_SETSCHEDPARAM)) {
				struct sched_param cur;
				if (SchedGet_r(0, 0, &cur) >= 0)
					s.param = cur;
			}
		}
	}
	if (fa && *fa) {
		const struct actions *a = FA(fa);
		s.acts = a->v;
		s.nacts = a->n;
		s.actstr = a->str;
		s.actstr_len = a->slen;
	}
	int e = __qsoe_spawn(&s, &child);
	if (e == 0 && pid)
		*pid = child;
	return e;
}

/* Starts path (made absolute from the current directory); an error number on failure. */
int posix_spawn(pid_t *__restrict pid, const char *__restrict path,
                const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *__restrict attr,
                char *const argv[__restrict], char *const envp[__restrict])
{
	return do_spawn(pid, path, 0, fa, attr, argv, envp);
}

/* posix_spawn, finding a file name without '/' in the caller's $PATH. */
int posix_spawnp(pid_t *__restrict pid, const char *__restrict file,
                 const posix_spawn_file_actions_t *fa, const posix_spawnattr_t *__restrict attr,
                 char *const argv[__restrict], char *const envp[__restrict])
{
	return do_spawn(pid, file, 1, fa, attr, argv, envp);
}
