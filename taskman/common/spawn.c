/*
 * spawn.c - starting programs: finding the image (PATH search, "#!"
 * scripts), creating the process, loading it, building its start-up block
 * and starting its first thread; and the process-table bookkeeping around
 * it. The request decoding is in spawnreq.c.
 *
 * Images come from wherever the pathname space says (imgfile.c): the boot
 * archive is read in place; a file of another resource manager can only
 * be read by a loader thread (loadq.c), so a pool thread's spawn stops
 * with -TM_EDEFER before it has done anything, and a loader does it all
 * again. A reply that must wait for the child (TM_STARTED, TM_DAEMON) is
 * kept as a deferred reply in the child's entry.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <taskman/fs.h>
#include <taskman/imgfile.h>
#include <taskman/proc.h>
#include <taskman/seam.h>
#include <taskman/spawn.h>

#define SCRIPT_DEPTH 4 /* "#!" interpreters that are scripts themselves */

/* The value of PATH in a packed environment, or a default. */
static const char *env_path(const struct tm_spawn_args *a)
{
	const char *p = a->envp;

	for (uint32_t i = 0; i < a->envc; i++, p += strlen(p) + 1)
		if (strncmp(p, "PATH=", 5) == 0)
			return p + 5;
	return "/bin:/usr/bin";
}

/* Opens path and checks that cred may execute it. */
static int open_exec(const char *path, const struct tm_cred *cred, struct tm_file *f,
                     const struct tm_io *io)
{
	int r = tm_file_open(path, f, io);

	if (r == 0 && tm_access(cred, f->mode, f->uid, f->gid, _IO_FLAG_EX) < 0) {
		tm_file_free(f);
		r = -EACCES;
	}
	return r;
}

/*
 * Finds an executable regular file for a's path (absolute, relative to
 * cwd, or searched in PATH) and opens it into f; path gets the name it
 * was found under.
 */
static int find_image(const struct tm_spawn_args *a, const struct tm_cred *cred, char *path,
                      struct tm_file *f, const struct tm_io *io)
{
	if (!(a->flags & TM_SPAWN_SEARCH) || strchr(a->path, '/')) {
		int r = tm_path_join(a->cwd, a->path, path, TM_PATH_MAX);
		return r < 0 ? r : open_exec(path, cred, f, io);
	}
	int err = -ENOENT;
	for (const char *d = env_path(a);;) {
		size_t n = strcspn(d, ":");
		char dir[TM_PATH_MAX];
		if (n == 0) {
			strcpy(dir, a->cwd);
		} else if (n < sizeof(dir)) {
			memcpy(dir, d, n);
			dir[n] = 0;
		} else {
			dir[0] = 0;
		}
		if (dir[0] == '/' && tm_path_join(dir, a->path, path, TM_PATH_MAX) >= 0) {
			int r = open_exec(path, cred, f, io);
			if (r == 0 || r == -TM_EDEFER || r == -EINTR || r == -ESRCH)
				return r;
			if (r == -EACCES)
				err = -EACCES;
		}
		d += n;
		if (*d == 0)
			return err;
		d++;
	}
}

/*
 * If the file starting with the n bytes at d is a "#!" script, rewrites a
 * for its interpreter: argv becomes interpreter [arg] script argv[1..].
 * Returns 1 (rewritten; *buf holds the new strings), 0 (not a script) or
 * a negative errno.
 */
static int shebang(const char *d, size_t n, const char *script, struct tm_spawn_args *a, char **buf)
{
	if (n < 2 || d[0] != '#' || d[1] != '!')
		return 0;
	size_t lim = n < TM_SHEBANG_MAX ? n : TM_SHEBANG_MAX, end = 2;
	while (end < lim && d[end] != '\n')
		end++;
	if (end == TM_SHEBANG_MAX)
		return -ENOEXEC;
	size_t i = 2;
	while (i < end && (d[i] == ' ' || d[i] == '\t'))
		i++;
	size_t ib = i;
	while (i < end && d[i] != ' ' && d[i] != '\t')
		i++;
	size_t ie = i;
	while (i < end && (d[i] == ' ' || d[i] == '\t'))
		i++;
	size_t ab = i, ae = end;
	while (ae > ab && (d[ae - 1] == ' ' || d[ae - 1] == '\t' || d[ae - 1] == '\r'))
		ae--;
	if (ie == ib)
		return -ENOEXEC;
	/* the original argv without argv[0] */
	const char *rest = a->argv;
	size_t rest_len = a->argv_len;
	if (a->argc > 0) {
		size_t first = strlen(a->argv) + 1;
		rest += first;
		rest_len -= first;
	}
	size_t sl = strlen(script) + 1;
	size_t len = (ie - ib + 1) + (ae > ab ? ae - ab + 1 : 0) + sl + rest_len;
	char *b = malloc(len);
	if (b == NULL)
		return -ENOMEM;
	char *p = b;
	memcpy(p, d + ib, ie - ib);
	p += ie - ib;
	*p++ = 0;
	if (ae > ab) {
		memcpy(p, d + ab, ae - ab);
		p += ae - ab;
		*p++ = 0;
	}
	memcpy(p, script, sl);
	p += sl;
	memcpy(p, rest, rest_len);
	free(*buf);
	*buf = b;
	a->argc = (a->argc > 0 ? a->argc - 1 : 0) + 2 + (ae > ab);
	a->argv = b;
	a->argv_len = len;
	a->path = b; /* the interpreter */
	a->flags &= ~TM_SPAWN_SEARCH;
	return 1;
}

/* The last component of path. */
static const char *base_name(const char *path)
{
	const char *s = strrchr(path, '/');
	return s && s[1] ? s + 1 : path;
}

/*
 * Adds the child to the table under its parent; computes its group and
 * session. Returns 0 or an errno.
 */
static int enter_child(pid_t ppid, pid_t pid, const struct tm_spawn_args *a, int boot,
                       const struct tm_cred *cred, const char *name, pid_t *pgid, pid_t *sid)
{
	int err = 0;

	tm_lock(&tm_proc_lock);
	struct tm_proc *parent = tm_proc_find_locked(ppid);
	if (parent == NULL || parent->state != TM_PS_RUNNING) {
		err = ESRCH;
		goto out;
	}
	*sid = parent->sess->sid;
	*pgid = parent->pgid;
	if (boot || (a->flags & TM_SPAWN_SETSID))
		*sid = *pgid = pid;
	if (a->flags & TM_SPAWN_SETPGROUP) {
		if (a->pgroup == 0)
			*pgid = pid;
		else if (*sid == pid || !tm_pgrp_exists_locked(a->pgroup, *sid))
			err = EPERM;
		else
			*pgid = a->pgroup;
	}
	if (err == 0) {
		struct tm_proc *p = tm_proc_add_locked(pid, parent, *pgid, *sid, cred, name);
		if (p == NULL)
			err = ENOMEM;
		else
			p->flags |= (boot ? TM_PF_BOOT : 0) |
			            ((a->flags & TM_SPAWN_NOZOMBIE) ? TM_PF_NOZOMBIE : 0);
		/* argv for /proc (ps -f, pidin arg); without memory for it, only the name */
		if (p != NULL && a->argv_len && (p->args = malloc(a->argv_len)) != NULL) {
			memcpy(p->args, a->argv, a->argv_len);
			p->args_len = a->argv_len;
		}
	}
out:
	tm_unlock(&tm_proc_lock);
	return err;
}

/*
 * Creates an empty process with a pid taskman's table does not hold. The
 * kernel frees a pid when taskman collects the end (ProcWait), but taskman
 * may still keep the entry (a zombie, or an end being processed); a new
 * process that gets such a pid is kept, empty, as that entry's placeholder
 * (destroyed with the entry) and another is created. Likewise for a pid
 * whose destroyed placeholder's end the reaper has yet to process.
 */
static int new_process(const char *name, pid_t *pid)
{
	for (int tries = 0; tries < 64; tries++) {
		int r = seam_proc_create(name, pid);
		if (r < 0)
			return r;
		tm_reaper_account();
		tm_lock(&tm_proc_lock);
		struct tm_proc *old = tm_proc_find_locked(*pid);
		if (old)
			old->holder = 1;
		int ghost = old == NULL && tm_ghost_claim_locked(*pid);
		tm_unlock(&tm_proc_lock);
		if (old == NULL && !ghost)
			return 0;
	}
	return -EAGAIN;
}

/* Gives up on pid after ProcCreate: the reaper will drop it silently. */
static void abandon(pid_t pid)
{
	tm_lock(&tm_proc_lock);
	struct tm_proc *p = tm_proc_find_locked(pid);
	if (p) {
		p->flags |= TM_PF_FAILED;
		p->hold = TM_HOLD_NONE;
	}
	tm_unlock(&tm_proc_lock);
	seam_proc_destroy(pid, 127 << 8);
}

/* Maps the prepared image, builds the start-up block and starts the first thread. */
static int start_child(pid_t pid, pid_t ppid, struct tm_image *im, const char *path,
                       const struct tm_spawn_args *a, const struct tm_cred *cred, rcvid_t rcvid,
                       int *deferred)
{
	char why[TM_WHY_MAX] = "";
	int r = tm_load_map(pid, im, why);

	if (r == -ENOEXEC)
		tm_log("cannot load %s: %s\n", path, why);
	struct tm_startup s = {.a = a, .im = im, .cred = *cred, .pid = pid, .ppid = ppid};
	s.sigign = a->sigignore;
	if (a->flags & TM_SPAWN_SETSIGDEF)
		for (int i = 0; i < 2; i++)
			s.sigign.__bits[i] &= ~a->sigdefault.__bits[i];
	s.sigign.__bits[0] &= ~((1u << (SIGKILL - 1)) | (1u << (SIGSTOP - 1)));
	uintptr_t stack = 0, block = 0;
	size_t size = 0;
	if (r == 0)
		r = tm_build_startup(pid, &s, &stack, &size, &block);
	tm_lock(&tm_proc_lock);
	struct tm_proc *p = tm_proc_find_locked(pid);
	if (r == 0 && p) {
		seam_set_cred(pid, cred);
		seam_set_pgrp(pid, p->pgid, p->sess->sid);
		if (rcvid && (a->flags & TM_SPAWN_HOLD))
			p->hold = TM_HOLD_DAEMON;
		else if (rcvid && (a->nfds || a->nacts))
			p->hold = TM_HOLD_STARTED;
		p->hold_rcvid = rcvid;
		*deferred = p->hold != TM_HOLD_NONE;
		/* running from now on (before its first thread exists, and before the
		   parent hears of it): kill(pid, 0), setpgid and _IO_DUP see it */
		p->state = TM_PS_RUNNING;
	} else if (r == 0) {
		r = -ESRCH; /* gone meanwhile (its parent ended and it was reaped) */
	}
	tm_unlock(&tm_proc_lock);
	if (r == 0)
		r = seam_thread_start(pid, im->entry, block, stack, size,
		                      (a->flags & TM_SPAWN_SETSCHED) ? a->policy : SCHED_RR,
		                      a->prio);
	return r;
}

/*
 * Finds the program for a (following "#!" scripts, rewriting a and
 * *argbuf), reads it whole into f and prepares its image (libraries
 * included) into im. path gets the program's name, first the name the
 * caller asked for. Nothing is created; 0 or a negative errno.
 */
static int find_program(struct tm_spawn_args *a, const struct tm_cred *pcred,
                        const struct tm_cred *cred, char **argbuf, char *path, char *first,
                        struct tm_file *f, struct tm_image *im, const struct tm_io *io)
{
	char why[TM_WHY_MAX] = "";
	int r;

	first[0] = 0;
	for (int depth = 0;; depth++) {
		r = find_image(a, pcred, path, f, io);
		if (r < 0)
			return r;
		if (first[0] == 0)
			strcpy(first, path);
		r = tm_file_read(f, TM_SHEBANG_MAX, io);
		if (r < 0)
			return r;
		char script[TM_PATH_MAX];
		strcpy(script, path);
		r = shebang((const char *)f->data, f->have, script, a, argbuf);
		if (r < 0) {
			tm_log("cannot run %s: malformed \"#!\" line\n", path);
			return r;
		}
		if (r == 0)
			break;
		tm_file_free(f);
		if (depth == SCRIPT_DEPTH)
			return -ELOOP;
	}
	if (f->have < 4 || memcmp(f->data, "\177ELF", 4) != 0) {
		/* neither ELF nor "#!": no need to read the rest */
		tm_log("cannot load %s: not an ELF image\n", path);
		return -ENOEXEC;
	}
	r = tm_file_read(f, f->size, io);
	tm_file_close(f);
	if (r < 0)
		return r;
	r = tm_load_prepare(path, f->data, f->size, im, why, io, cred);
	if (r == -ENOEXEC || (r == -EACCES && why[0]))
		tm_log("cannot load %s: %s\n", path, why);
	return r;
}

/* See spawn.h: image, scripts, libraries, ids, then process, load, start. */
pid_t tm_spawn(pid_t ppid, const struct tm_spawn_args *a0, rcvid_t rcvid, int boot, int *deferred,
               const struct tm_io *io)
{
	struct tm_spawn_args a = *a0;
	struct tm_cred pcred, cred;
	char path[TM_PATH_MAX], first[TM_PATH_MAX];
	struct tm_file f = TM_FILE_INIT;
	struct tm_image im;
	char *argbuf = NULL;
	pid_t pid, pgid, sid;
	int r;

	*deferred = 0;
	memset(&im, 0, sizeof(im));
	if ((r = tm_proc_cred(ppid, &pcred)) < 0)
		return r;
	cred = pcred;
	if (a.flags & TM_SPAWN_RESETIDS) {
		cred.euid = cred.ruid;
		cred.egid = cred.rgid;
	}
	cred.suid = cred.euid; /* exec: the saved ids become the effective ones */
	cred.sgid = cred.egid;
	r = find_program(&a, &pcred, &cred, &argbuf, path, first, &f, &im, io);
	/* the point of no return: from here on the loader answers, whatever
	   happens; a requester that gave up before was answered EINTR already */
	if (r == 0 && !tm_io_claim(io))
		r = -EINTR;
	if (r == 0)
		r = tm_io_check(io); /* the requester may have ended meanwhile */
	if (r < 0)
		goto out;
	r = new_process(base_name(first), &pid);
	if (r < 0)
		goto out;
	r = -enter_child(ppid, pid, &a, boot, &cred, base_name(first), &pgid, &sid);
	if (r == 0)
		r = start_child(pid, ppid, &im, path, &a, &cred, rcvid, deferred);
	if (r < 0) {
		abandon(pid);
		*deferred = 0;
		goto out;
	}
	r = pid;
out:
	tm_image_free(&im);
	tm_file_free(&f);
	free(argbuf);
	return r;
}

/* See spawn.h. */
pid_t tm_spawn_boot(const char *path, char *const argv[])
{
	static const char env[] = "PATH=/bin:/sbin:/";
	size_t len = 0;
	uint32_t argc = 0;
	int deferred;

	while (argv[argc])
		len += strlen(argv[argc++]) + 1;
	char *buf = malloc(len ? len : 1);
	if (buf == NULL)
		return -ENOMEM;
	for (uint32_t i = 0, off = 0; i < argc; i++) {
		size_t n = strlen(argv[i]) + 1;
		memcpy(buf + off, argv[i], n);
		off += (uint32_t)n;
	}
	struct tm_spawn_args a = {
	        .path = path,
	        .flags = strchr(path, '/') ? 0 : TM_SPAWN_SEARCH,
	        .prio = TM_DEFAULT_PRIO,
	        .argc = argc,
	        .argv = buf,
	        .argv_len = len,
	        .envc = 1,
	        .envp = env,
	        .env_len = sizeof(env),
	        .cwd = "/",
	        .actstr = "",
	        .umask = 022,
	};
	struct tm_io io = {.may_block = 0}; /* the boot thread and the reaper never wait */
	pid_t r = tm_spawn(SYSMGR_PID, &a, 0, 1, &deferred, &io);
	free(buf);
	if (r == -TM_EDEFER) {
		tm_log("%s: taskman's own spawns (run=, init=, spawnloop=) read only the boot "
		       "archive\n",
		       path);
		r = -ENOENT;
	}
	return r;
}
