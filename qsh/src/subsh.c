/*
 * subsh.c - everything that needs another process without fork():
 * pipelines, ( subshells ), background jobs, co-processes and command
 * substitution. A simple external command whose expansion has no side
 * effects is spawned directly; anything else runs in a new qsh process
 * that receives the complete shell state (serial.c).
 */
#include "qsh.h"
#include "shell.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int copr_in = -1, copr_out = -1; /* shell's ends: write to, read from */

/* ------------------------------------------------------------------ analysis */

static int parts_pure(const struct wpart *p);

static int word_pure(const struct word *w)
{
	for (; w; w = w->next)
		if (!parts_pure(w->parts))
			return 0;
	return 1;
}

/* Can these parts be expanded in the parent without visible side effects? */
static int parts_pure(const struct wpart *p)
{
	for (; p; p = p->next) {
		switch (p->type) {
		case WP_LIT:
		case WP_QLIT:
		case WP_CMDSUB:
			break;
		case WP_DQ:
			if (!parts_pure(p->kids))
				return 0;
			break;
		case WP_PARAM:
			if (p->op == 0xff || p->op == P_ASSIGN || p->op == P_QUEST ||
			    p->op == P_SUBSTR || (p->flags & PF_SUBSCR))
				return 0;
			if (Flag(O_NOUNSET))
				return 0;
			if (!parts_pure(p->arg) || !parts_pure(p->arg2))
				return 0;
			break;
		default:
			return 0;
		}
	}
	return 1;
}

/* Is n a simple command that may be expanded and spawned from the parent? */
static int simple_pure(const struct node *n)
{
	if (!n || n->type != N_SIMPLE || !n->words)
		return 0;
	if (!word_pure(n->words) || !word_pure(n->assigns))
		return 0;
	for (const struct word *w = n->assigns; w; w = w->next)
		for (const struct wpart *p = w->parts; p; p = p->next)
			if (p->type == WP_ARRAY)
				return 0;
	for (const struct redir *r = n->redirs; r; r = r->next) {
		if (r->target && !word_pure(r->target))
			return 0;
		if (r->hdbody && !parts_pure(r->hdbody))
			return 0;
		if (r->op == R_DUPIN || r->op == R_DUPOUT)
			return 0;
	}
	return 1;
}

/* ------------------------------------------------------------------ child shells */

/* Temporarily make the shell's private descriptors inheritable. */
static void private_inherit(int on)
{
	for (int fd = 3; fd <= 9; fd++)
		if (sh.private_fds & (1 << fd))
			fd_cloexec(fd, !on);
}

/*
 * Start a new qsh that runs n with the complete state of this shell.
 * Standard descriptors are inherited as they are now. Returns the pid or
 * -1 with *err set.
 */
pid_t spawn_shell(const struct node *n, int fdin, int fdout, pid_t pgrp, int bg, int fg, int *err)
{
	if (sh.nest >= QSH_MAX_NEST)
		errorf("too many nested subshells (%d)", QSH_MAX_NEST);
	int p[2];
	if (pipe(p) < 0) {
		*err = errno;
		return -1;
	}
	fd_cloexec(p[1], 1);
	int rfd = fd_move_high(p[0]);
	fd_cloexec(rfd, 0);
	char arg[32];
	snprintf(arg, sizeof arg, "--qsh-state=%d", rfd);
	char *argv[] = {sh.selfpath, arg, NULL};
	struct spawnspec s;
	memset(&s, 0, sizeof s);
	s.argv = argv;
	s.envp = var_environ(NULL);
	s.path = sh.selfpath;
	s.fdin = fdin;
	s.fdout = fdout;
	s.pgrp = pgrp;
	s.bg = bg;
	s.fg = fg;
	private_inherit(1);
	pid_t pid = spawn_cmd(&s, err);
	private_inherit(0);
	close(rfd);
	if (pid < 0) {
		close(p[1]);
		return -1;
	}
	struct sigaction ign, old;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	state_write(p[1], n);
	sigaction(SIGPIPE, &old, NULL);
	close(p[1]);
	return pid;
}

/* Save fd and put src on it (for setting up a pipeline element). */
static void place_fd(int src, int fd)
{
	if (src < 0 || src == fd)
		return;
	redir_save_fd(fd);
	dup2(src, fd);
}

/*
 * Start one pipeline element or background command with the standard
 * descriptors already in place. Returns the pid, 0 if no process was
 * needed (status in *st), or -1 after an error message (status in *st).
 */
static pid_t start_cmd(struct node *n, struct job *j, pid_t pgrp, int bg, int fg, int *st)
{
	int err = 0;
	if (simple_pure(n)) {
		struct stmark m;
		stmark(&m);
		struct stv argv;
		stv_init(&argv);
		expand_word_list(n->words, &argv, EXP_FULL);
		if (argv.n && !builtin_find(argv.v[0]) && !func_find(argv.v[0])) {
			struct stv as;
			stv_init(&as);
			for (struct word *w = n->assigns; w; w = w->next)
				stv_push(&as, expand_str(w, EXP_ASSIGN | EXP_TILDE));
			if (Flag(O_XTRACE))
				xtrace_args(as.v, as.n, argv.v, argv.n);
			int depth = redir_depth();
			if (redir_apply(n->redirs, 1, &err) < 0) {
				redir_restore(depth);
				strelease(&m);
				*st = 1;
				return -1;
			}
			int e;
			char *path = command_path(argv.v[0], &e);
			pid_t pid = -1;
			if (!path) {
				*st = report_cant_run(argv.v[0], e);
			} else {
				struct strv extra;
				sv_init(&extra);
				for (size_t i = 0; i < as.n; i++)
					sv_push(&extra, as.v[i]);
				sv_push(&extra, xs_cat2("_=", path));
				struct spawnspec s;
				memset(&s, 0, sizeof s);
				s.argv = argv.v;
				s.envp = var_environ(&extra);
				s.path = path;
				s.fdin = s.fdout = -1;
				s.pgrp = pgrp;
				s.bg = bg;
				s.fg = fg;
				pid = spawn_cmd(&s, &e);
				sv_free(&extra);
				if (pid < 0)
					*st = report_cant_run(argv.v[0], e);
				else
					job_add_proc(j, pid, argv.v[0]);
			}
			redir_restore(depth);
			strelease(&m);
			return pid;
		}
		strelease(&m);
	}
	pid_t pid = spawn_shell(n, -1, -1, pgrp, bg, fg, &err);
	if (pid < 0) {
		warningf("can't start subshell: %s", strerror(err));
		*st = 1;
		return -1;
	}
	job_add_proc(j, pid, "");
	return pid;
}

/* Run a pipeline; all elements run in separate processes (like mksh). */
int exec_pipeline(struct node *n, int flags)
{
	struct node *first = n->left;
	if (!first->next) {
		/* "! cmd": not a real pipeline */
		sh.noerrexit++;
		int st = exec_node(first, (flags & ~EX_NOFORK) | EX_COND);
		sh.noerrexit--;
		return st;
	}
	struct job *j = job_new(n, 0);
	int prev = -1;
	pid_t pgrp = Flag(O_MONITOR) ? 0 : -1;
	for (struct node *e = first; e; e = e->next) {
		int p[2] = {-1, -1};
		if (e->next) {
			if (pipe(p) < 0) {
				warningf("can't create pipe: %s", strerror(errno));
				break;
			}
			p[0] = fd_move_high(p[0]);
			p[1] = fd_move_high(p[1]);
		}
		int depth = redir_depth();
		place_fd(prev, 0);
		place_fd(p[1], 1);
		int st = 0;
		pid_t pid = start_cmd(e, j, pgrp, 0, Flag(O_MONITOR), &st);
		redir_restore(depth);
		if (pid <= 0)
			job_add_status(j, st);
		else if (pgrp == 0)
			pgrp = pid;
		if (prev >= 0)
			close(prev);
		if (p[1] >= 0)
			close(p[1]);
		prev = p[0];
	}
	if (prev >= 0)
		close(prev);
	return job_fg_wait(j);
}

/* ( list ): run in a child shell (or in-process if we are exiting anyway). */
int exec_subshell(struct node *n, int flags)
{
	int depth = redir_depth();
	int err = 0;
	if (redir_apply(n->redirs, 1, &err) < 0) {
		redir_restore(depth);
		return 1;
	}
	int st;
	if ((flags & EX_NOFORK) && sh.subshell) {
		st = exec_node(n->left, flags);
	} else {
		struct job *j = job_new(n, 0);
		pid_t pgrp = Flag(O_MONITOR) ? 0 : -1;
		pid_t pid = spawn_shell(n->left, -1, -1, pgrp, 0, Flag(O_MONITOR), &err);
		if (pid < 0) {
			job_discard(j);
			warningf("can't start subshell: %s", strerror(err));
			st = 1;
		} else {
			job_add_proc(j, pid, "");
			st = job_fg_wait(j);
		}
	}
	redir_restore(depth);
	return st;
}

/* cmd & (or cmd |& for a co-process). Status 0. */
int exec_async(struct node *n, int coproc)
{
	struct job *j = job_new(n, 1);
	int depth = redir_depth();
	int tochild[2] = {-1, -1}, fromchild[2] = {-1, -1};
	if (coproc) {
		if (pipe(tochild) < 0 || pipe(fromchild) < 0) {
			warningf("can't create pipe: %s", strerror(errno));
			job_discard(j);
			return 1;
		}
		place_fd(tochild[0], 0);
		place_fd(fromchild[1], 1);
		close(tochild[0]);
		close(fromchild[1]);
		if (copr_in >= 0)
			close(copr_in);
		if (copr_out >= 0)
			close(copr_out);
		copr_in = fd_move_high(tochild[1]);
		copr_out = fd_move_high(fromchild[0]);
	} else if (!Flag(O_MONITOR)) {
		int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
		if (fd >= 0) {
			place_fd(fd, 0);
			close(fd);
		}
	}
	int st = 0;
	pid_t pgrp = Flag(O_MONITOR) ? 0 : -1;
	pid_t pid = start_cmd(n, j, pgrp, !Flag(O_MONITOR), 0, &st);
	redir_restore(depth);
	if (pid <= 0) {
		job_add_status(j, st);
	} else if (sh.interactive) {
		out_fmt(2, "[%d] %ld\n", job_number(j), (long)pid);
	}
	return 0;
}

/* The co-process end was moved to another descriptor: close ours. */
void coproc_release(int out)
{
	int *fd = out ? &copr_in : &copr_out;
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

/* Descriptor for <&p / >&p (the co-process), or -3 if there is none. */
int coproc_fd(int out)
{
	int fd = out ? copr_in : copr_out;
	return fd >= 0 ? fd : -3;
}

/* ------------------------------------------------------------------ $( ) */

/* Read all of fd into the arena; trailing newlines removed. */
static char *read_all(int fd)
{
	struct xstr x;
	xs_init(&x);
	char buf[4096];
	for (;;) {
		ssize_t r = read(fd, buf, sizeof buf);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		for (ssize_t i = 0; i < r; i++)
			if (buf[i])
				xs_addc(&x, buf[i]);
	}
	while (x.len && x.s[x.len - 1] == '\n')
		x.len--;
	return xs_str(&x);
}

static int mentions_bashpid(const struct wpart *p)
{
	for (; p; p = p->next) {
		if (p->type == WP_PARAM && !strcmp(p->s, "BASHPID"))
			return 1;
		if (mentions_bashpid(p->kids) || mentions_bashpid(p->arg) ||
		    mentions_bashpid(p->arg2))
			return 1;
	}
	return 0;
}

static int capture_ok(const char *name)
{
	static const char *const ok[] = {"echo",  "print", "pwd", "true",
	                                 "false", "test",  "[",   NULL};
	for (int i = 0; ok[i]; i++)
		if (!strcmp(ok[i], name))
			return 1;
	return 0;
}

/*
 * Output of a command substitution part (trailing newlines removed);
 * *status gets the command's exit status.
 */
char *cmdsub_output(const struct wpart *part, int *status)
{
	const struct node *n = part->cmd;
	*status = 0;
	if (part->type != WP_CMDSUB)
		return funsub_output(part, status);
	if (!n)
		return ststrdup("");
	/* $(<file) */
	if (n->type == N_SIMPLE && !n->words && !n->assigns && n->redirs && !n->redirs->next &&
	    n->redirs->op == R_IN && (n->redirs->fd < 0 || n->redirs->fd == 0)) {
		char *file = expand_str(n->redirs->target, EXP_TILDE);
		int fd = open(file, O_RDONLY | O_CLOEXEC);
		if (fd < 0) {
			struct sbuf b;
			sb_init(&b);
			msg_prefix(&b, 'W', 0);
			sb_printf(&b, "%s: can't open $(<...) file: %s\n", file, strerror(errno));
			out_n(2, b.s, b.len);
			sb_free(&b);
			*status = 1;
			return ststrdup("");
		}
		char *r = read_all(fd);
		close(fd);
		return r;
	}
	/* a builtin that only prints: run it here */
	int bashpid = 0;
	for (const struct word *w = n->type == N_SIMPLE ? n->words : NULL; w; w = w->next)
		bashpid |= mentions_bashpid(w->parts);
	if (simple_pure(n) && !n->redirs && !n->assigns && !bashpid) {
		struct stv argv;
		stv_init(&argv);
		struct stmark m;
		stmark(&m);
		expand_word_list(n->words, &argv, EXP_FULL);
		const struct builtin *bi = argv.n ? builtin_find(argv.v[0]) : NULL;
		if (bi && capture_ok(argv.v[0]) && !func_find(argv.v[0]) && !Flag(O_XTRACE)) {
			struct sbuf cap;
			sb_init(&cap);
			struct sbuf *old = out_capture_set(&cap);
			*status = run_builtin(bi, (int)argv.n, argv.v, 0);
			out_capture_set(old);
			strelease(&m);
			while (cap.len && cap.s[cap.len - 1] == '\n')
				cap.len--;
			char *r = ststrndup(cap.s ? cap.s : "", cap.len);
			sb_free(&cap);
			return r;
		}
		strelease(&m);
	}
	int p[2];
	if (pipe(p) < 0) {
		warningf("can't create pipe: %s", strerror(errno));
		*status = 1;
		return ststrdup("");
	}
	p[0] = fd_move_high(p[0]);
	p[1] = fd_move_high(p[1]);
	int depth = redir_depth();
	place_fd(p[1], 1);
	struct job *j = job_new(NULL, 0);
	int st = 0;
	pid_t pid = start_cmd((struct node *)n, j, -1, 0, 0, &st);
	redir_restore(depth);
	close(p[1]);
	char *out = read_all(p[0]);
	close(p[0]);
	if (pid > 0)
		st = job_wait_quiet(j);
	else
		job_discard(j);
	*status = st;
	return out;
}

/*
 * ${ list;} (output captured through a temporary file, run in this shell)
 * and ${|list;} (the value of REPLY).
 */
char *funsub_output(const struct wpart *part, int *status)
{
	if (part->type == WP_VALSUB) {
		scope_push();
		var_create(scope_top, "REPLY");
		*status = exec_node(part->cmd, 0);
		const char *r = var_getstr("REPLY");
		char *res = ststrdup(r ? r : "");
		scope_pop();
		return res;
	}
	const char *dir = var_getstr("TMPDIR");
	if (!dir || dir[0] != '/')
		dir = "/tmp";
	char *t = xs_cat2(dir, "/qshXXXXXX");
	int fd = mkstemp(t);
	if (fd < 0) {
		warningf("can't create temporary file: %s", strerror(errno));
		*status = 1;
		return ststrdup("");
	}
	unlink(t);
	fd = fd_move_high(fd);
	int depth = redir_depth();
	place_fd(fd, 1);
	struct catchpt c;
	catch_push(&c);
	int k = sigsetjmp(c.jb, 0);
	if (!k)
		*status = exec_node(part->cmd, 0);
	catch_pop(&c);
	redir_restore(depth);
	if (k) {
		close(fd);
		unwind(k);
	}
	lseek(fd, 0, SEEK_SET);
	char *out = read_all(fd);
	close(fd);
	return out;
}
