/*
 * qnxspawn.c - QNX's spawn(), spawnp() and the spawnl/spawnv families of
 * <process.h>, over the same TM_SPAWN request as posix_spawn.
 */
#include <process.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include "qsoe_os.h"

extern char **environ;

static pid_t do_spawn(const char *path, int search, int fd_count, const int fd_map[],
                      const struct inheritance *inh, char *const argv[], char *const envp[])
{
	struct __qsoe_spawn s;
	pid_t pid;

	if (fd_count < 0 || (fd_count > 0 && fd_map == NULL))
		return (pid_t)__qsoe_ret(-EINVAL);
	memset(&s, 0, sizeof(s));
	s.path = path;
	s.search = search;
	s.argv = argv;
	s.envp = envp ? envp : environ;
	s.policy = SCHED_OTHER;
	s.fd_count = fd_count;
	s.fd_map = fd_count ? fd_map : NULL;
	if (inh) {
		unsigned f = inh->flags;
		if (f & SPAWN_SETGROUP) {
			s.flags |= TM_SPAWN_SETPGROUP;
			s.pgroup = inh->pgroup;
		}
		if (f & SPAWN_SETSIGMASK) {
			s.set_mask = 1;
			s.sigmask = inh->sigmask;
		}
		if (f & SPAWN_SETSIGDEF) {
			s.flags |= TM_SPAWN_SETSIGDEF;
			s.sigdefault = inh->sigdefault;
		}
		if (f & SPAWN_SETSIGIGN)
			s.sigignore = inh->sigignore;
		if (f & SPAWN_SETSID)
			s.flags |= TM_SPAWN_SETSID;
		if (f & SPAWN_NOZOMBIE)
			s.flags |= TM_SPAWN_NOZOMBIE;
		if (f & SPAWN_HOLD)
			s.flags |= TM_SPAWN_HOLD;
		if (f & SPAWN_SEARCH_PATH)
			s.search = 1;
		if (f & SPAWN_EXPLICIT_SCHED) {
			s.flags |= TM_SPAWN_SETSCHED;
			s.policy = inh->policy;
			s.param = inh->param;
		}
	}
	int e = __qsoe_spawn(&s, &pid);
	if (e)
		return (pid_t)__qsoe_ret(-e);
	return pid;
}

/* QNX spawn: see <spawn.h>. The child's pid, or -1 with errno. */
pid_t spawn(const char *path, int fd_count, const int fd_map[], const struct inheritance *inherit,
            char *const argv[], char *const envp[])
{
	return do_spawn(path, 0, fd_count, fd_map, inherit, argv, envp);
}

/* spawn, searching $PATH for a file name without '/'. */
pid_t spawnp(const char *file, int fd_count, const int fd_map[], const struct inheritance *inherit,
             char *const argv[], char *const envp[])
{
	return do_spawn(file, 1, fd_count, fd_map, inherit, argv, envp);
}

/*
 * The spawn*() family: P_NOWAIT returns the pid; P_NOWAITO too, but the
 * child leaves no zombie; P_WAIT waits and returns the child's exit status
 * (-1 with EINTR if a signal killed it); P_OVERLAY fails with ENOSYS.
 */
static int spawn_mode(int mode, const char *path, int search, char *const argv[],
                      char *const envp[])
{
	struct inheritance inh;

	memset(&inh, 0, sizeof(inh));
	switch (mode) {
	case P_WAIT:
	case P_NOWAIT:
		break;
	case P_NOWAITO:
		inh.flags = SPAWN_NOZOMBIE;
		break;
	case P_OVERLAY:
		return (int)__qsoe_ret(-ENOSYS); /* no exec on QSOE */
	default:
		return (int)__qsoe_ret(-EINVAL);
	}
	pid_t pid = do_spawn(path, search, 0, NULL, &inh, argv, envp);
	if (pid < 0 || mode != P_WAIT)
		return pid;
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	errno = EINTR;
	return -1;
}

int spawnv(int mode, const char *path, char *const argv[])
{
	return spawn_mode(mode, path, 0, argv, environ);
}

int spawnve(int mode, const char *path, char *const argv[], char *const envp[])
{
	return spawn_mode(mode, path, 0, argv, envp);
}

int spawnvp(int mode, const char *file, char *const argv[])
{
	return spawn_mode(mode, file, 1, argv, environ);
}

int spawnvpe(int mode, const char *file, char *const argv[], char *const envp[])
{
	return spawn_mode(mode, file, 1, argv, envp);
}

/*
 * Collects the variable arguments arg0, ... up to NULL into a malloc'd
 * argv (and, with want_env, the envp after the NULL). NULL on ENOMEM.
 */
static char **collect(const char *arg0, va_list ap, int want_env, char ***envp)
{
	va_list cp;
	size_t n = 1;

	va_copy(cp, ap);
	if (arg0)
		while (va_arg(cp, char *) != NULL)
			n++;
	va_end(cp);
	char **v = malloc((n + 1) * sizeof(*v));
	if (v == NULL)
		return NULL;
	size_t i = 0;
	v[i++] = (char *)arg0;
	if (arg0)
		while ((v[i] = va_arg(ap, char *)) != NULL)
			i++;
	v[i] = NULL;
	if (want_env)
		*envp = va_arg(ap, char **);
	return v;
}

#define SPAWN_L(mode, path, search, arg0, want_env)                     \
	({                                                              \
		va_list ap;                                             \
		char **envp = environ;                                  \
		va_start(ap, arg0);                                     \
		char **argv = collect(arg0, ap, want_env, &envp);       \
		va_end(ap);                                             \
		int r = -1;                                             \
		if (argv) {                                             \
			r = spawn_mode(mode, path, search, argv, envp); \
			free(argv);                                     \
		}                                                       \
		r;                                                      \
	})

int spawnl(int mode, const char *path, const char *arg0, ...)
{
	return SPAWN_L(mode, path, 0, arg0, 0);
}

int spawnle(int mode, const char *path, const char *arg0, ...)
{
	return SPAWN_L(mode, path, 0, arg0, 1);
}

int spawnlp(int mode, const char *file, const char *arg0, ...)
{
	return SPAWN_L(mode, file, 1, arg0, 0);
}

int spawnlpe(int mode, const char *file, const char *arg0, ...)
{
	return SPAWN_L(mode, file, 1, arg0, 1);
}
