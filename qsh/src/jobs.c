/*
 * jobs.c - the job table: foreground waiting (with job control: process
 * groups, the terminal, stopped jobs), background jobs, $!, PIPESTATUS,
 * status reports, and the lookup of %job specifications.
 */
#include "qsh.h"
#include "shell.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#ifndef WCONTINUED
#define WCONTINUED      0
#define WIFCONTINUED(s) 0
#endif

enum { J_RUNNING, J_STOPPED, J_DONE };

struct proc {
	pid_t pid;
	int status; /* raw wait status */
	int state;
	char *cmd;
};

struct job {
	struct job *next;
	int num;
	pid_t pgrp;
	struct proc *procs;
	int nproc, cap;
	int state;
	int async;
	int changed; /* state changed since the last report */
	int intable;
	char *cmd;
	unsigned long seq; /* for %+ / %- ordering */
};

static struct job *jobs;
static int list_fd = 1; /* jobs lists to stdout, notifications to stderr */
static unsigned long job_seq;
int job_last_status;

/* Status value ($?) of a raw wait status. */
static int wstatus(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st)) {
		int s = 128 + WTERMSIG(st);
		return s > 255 ? 255 : s;
	}
	if (WIFSTOPPED(st))
		return 128 + WSTOPSIG(st);
	return 0;
}

static int next_num(void)
{
	int n = 1;
	for (;;) {
		int used = 0;
		for (struct job *j = jobs; j; j = j->next)
			if (j->intable && j->num == n)
				used = 1;
		if (!used)
			return n;
		n++;
	}
}

static void table_add(struct job *j)
{
	if (j->intable)
		return;
	j->intable = 1;
	j->num = next_num();
	j->next = jobs;
	jobs = j;
}

/* A new job (n: its command, for listings); async jobs enter the table. */
struct job *job_new(const struct node *n, int async)
{
	struct job *j = xcalloc(1, sizeof *j);
	j->async = async;
	j->pgrp = 0;
	j->seq = ++job_seq;
	if (n) {
		struct sbuf b;
		sb_init(&b);
		unparse_short(&b, n);
		j->cmd = sb_take(&b);
	}
	if (async)
		table_add(j);
	return j;
}

/* Set the command text of j from an argument vector. */
void job_set_cmd_argv(struct job *j, char **argv)
{
	if (j->cmd)
		return;
	struct sbuf b;
	sb_init(&b);
	for (int i = 0; argv[i]; i++) {
		if (i)
			sb_addc(&b, ' ');
		sb_adds(&b, argv[i]);
	}
	j->cmd = sb_take(&b);
}

static void job_free(struct job *j)
{
	for (int i = 0; i < j->nproc; i++)
		free(j->procs[i].cmd);
	free(j->procs);
	free(j->cmd);
	free(j);
}

static void table_remove(struct job *j)
{
	for (struct job **pp = &jobs; *pp; pp = &(*pp)->next)
		if (*pp == j) {
			*pp = j->next;
			break;
		}
	j->intable = 0;
}

/* Forget a job that never got a process. */
void job_discard(struct job *j)
{
	if (j->intable)
		table_remove(j);
	job_free(j);
}

/* Record process pid (command cmd) as part of job j. */
void job_add_proc(struct job *j, pid_t pid, const char *cmd)
{
	if (j->nproc == j->cap) {
		j->cap = j->cap ? j->cap * 2 : 4;
		j->procs = xrealloc(j->procs, (size_t)j->cap * sizeof *j->procs);
	}
	struct proc *p = &j->procs[j->nproc++];
	p->pid = pid;
	p->status = 0;
	p->state = J_RUNNING;
	p->cmd = xstrdup(cmd ? cmd : "");
	if (!j->pgrp)
		j->pgrp = Flag(O_MONITOR) ? pid : 0;
	if (j->async)
		sh.lastbg = pid;
}

/* Process group of j. */
pid_t job_pgrp(struct job *j)
{
	return j->pgrp;
}

static void job_update(struct job *j)
{
	int running = 0, stopped = 0;
	for (int i = 0; i < j->nproc; i++) {
		if (j->procs[i].state == J_RUNNING)
			running = 1;
		else if (j->procs[i].state == J_STOPPED)
			stopped = 1;
	}
	int ns = running ? J_RUNNING : stopped ? J_STOPPED : J_DONE;
	if (ns != j->state)
		j->changed = 1;
	j->state = ns;
}

/* Record a wait status for pid in whatever job owns it. */
static struct job *record(pid_t pid, int st, struct job *extra)
{
	struct job *list[2] = {extra, NULL};
	for (int pass = 0; pass < 2; pass++) {
		for (struct job *j = pass ? jobs : list[0]; j; j = pass ? j->next : NULL) {
			for (int i = 0; i < j->nproc; i++) {
				if (j->procs[i].pid != pid)
					continue;
				j->procs[i].status = st;
				if (WIFSTOPPED(st))
					j->procs[i].state = J_STOPPED;
				else if (WIFCONTINUED(st))
					j->procs[i].state = J_RUNNING;
				else
					j->procs[i].state = J_DONE;
				job_update(j);
				return j;
			}
			if (!pass)
				break;
		}
	}
	return NULL;
}

/* Collect status changes of children; block: wait for at least one. */
void jobs_reap(int block)
{
	for (;;) {
		int st;
		pid_t pid = waitpid(-1, &st, (block ? 0 : WNOHANG) | WUNTRACED | WCONTINUED);
		if (pid <= 0) {
			if (pid < 0 && errno == EINTR && block)
				return;
			return;
		}
		record(pid, st, NULL);
		block = 0;
	}
}

/* Report "Terminated" etc. for a foreground job killed by a signal. */
static void report_signal(struct job *j)
{
	struct proc *p = &j->procs[j->nproc - 1];
	if (!WIFSIGNALED(p->status))
		return;
	int sig = WTERMSIG(p->status);
	if (sig == SIGINT || sig == SIGPIPE)
		return;
	struct sbuf b;
	sb_init(&b);
	sb_printf(&b, "%s \n", sig_desc(sig));
	out_n(2, b.s, b.len);
	sb_free(&b);
}

/* $PIPESTATUS after a command that ran in the shell: one element. */
void pipestatus_set1(int st)
{
	struct var *v = var_need("PIPESTATUS");
	char buf[16];
	snprintf(buf, sizeof buf, "%d", st);
	if (v->n == 1 && v->el[0].idx == 0 && !strcmp(v->el[0].val, buf)) {
		v->flags |= V_ARRAY;
		return;
	}
	var_clear(v);
	var_raw_set(v, 0, xstrdup(buf));
	v->flags |= V_ARRAY | V_INTEGER | V_UNSIGNED | V_READONLY;
}

/* Set $PIPESTATUS from j's processes. */
static void set_pipestatus(struct job *j)
{
	struct var *v = var_need("PIPESTATUS");
	int ro = v->flags & V_READONLY;
	v->flags &= ~V_READONLY;
	var_clear(v);
	for (int i = 0; i < j->nproc; i++) {
		char buf[16];
		snprintf(buf, sizeof buf, "%d", wstatus(j->procs[i].status));
		var_assign(v, (uint32_t)i, buf, 0);
	}
	v->flags |= V_ARRAY | ro;
}

/* Status of a finished job: last process, or rightmost failure with pipefail. */
static int job_status(struct job *j)
{
	if (!j->nproc)
		return 0;
	int st = wstatus(j->procs[j->nproc - 1].status);
	if (Flag(O_PIPEFAIL))
		for (int i = j->nproc - 1; i >= 0; i--) {
			int s = wstatus(j->procs[i].status);
			if (s) {
				st = s;
				break;
			}
		}
	return st;
}

/* Give the terminal back to the shell (job control). */
void tty_take(void)
{
	if (Flag(O_MONITOR) && sh.tty_fd >= 0)
		tcsetpgrp(sh.tty_fd, sh.shell_pgrp);
}

/*
 * Wait for foreground job j to finish or stop. Returns its status; a
 * finished job is freed, a stopped one stays in the job table.
 */
int job_fg_wait(struct job *j)
{
	for (;;) {
		job_update(j);
		if (j->state != J_RUNNING)
			break;
		int st;
		pid_t pid = waitpid(-1, &st, WUNTRACED);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break; /* ECHILD: nothing left */
		}
		struct job *o = record(pid, st, j);
		if (o == j && WIFSTOPPED(st) && Flag(O_MONITOR) &&
		    (WSTOPSIG(st) == SIGTTIN || WSTOPSIG(st) == SIGTTOU) && !j->changed) {
			/* raced with tcsetpgrp right after spawning: continue it */
			kill(-j->pgrp, SIGCONT);
		}
	}
	tty_take();
	if (j->state == J_STOPPED) {
		table_add(j);
		j->seq = ++job_seq;
		j->changed = 0;
		if (sh.interactive || Flag(O_MONITOR)) {
			out_str(2, "\n");
			list_fd = 2;
			job_list(j, 0);
			list_fd = 1;
		}
		return 128 + SIGTSTP;
	}
	int st = job_status(j);
	set_pipestatus(j);
	report_signal(j);
	if (j->intable)
		table_remove(j);
	job_free(j);
	return st;
}

static const char *state_text(struct job *j, char *buf, size_t n)
{
	struct proc *p = &j->procs[j->nproc - 1];
	if (j->state == J_RUNNING)
		return "Running";
	if (j->state == J_STOPPED) {
		int sig = SIGTSTP;
		for (int i = 0; i < j->nproc; i++)
			if (j->procs[i].state == J_STOPPED)
				sig = WSTOPSIG(j->procs[i].status);
		if (sig == SIGTSTP)
			return "Stopped";
		snprintf(buf, n, "Stopped (%s)", sig_name(sig));
		return buf;
	}
	if (WIFSIGNALED(p->status)) {
		snprintf(buf, n, "%s", sig_desc(WTERMSIG(p->status)));
		return buf;
	}
	int st = WEXITSTATUS(p->status);
	if (st)
		snprintf(buf, n, "Done (%d)", st);
	else
		snprintf(buf, n, "Done");
	return buf;
}

static struct job *current(int which)
{
	struct job *best = NULL, *second = NULL;
	for (struct job *j = jobs; j; j = j->next) {
		if (!j->intable)
			continue;
		if (!best || (j->state == J_STOPPED) > (best->state == J_STOPPED) ||
		    ((j->state == J_STOPPED) == (best->state == J_STOPPED) && j->seq > best->seq)) {
			second = best;
			best = j;
		} else if (!second || j->seq > second->seq) {
			second = j;
		}
	}
	return which ? second : best;
}

/* Print one job line (fmt: 0 normal, 1 -l, 2 -p). */
void job_list(struct job *j, int fmt)
{
	struct sbuf b;
	sb_init(&b);
	if (fmt == 2) {
		sb_printf(&b, "%ld\n", (long)(j->pgrp ? j->pgrp : j->procs[0].pid));
		out_n(list_fd, b.s, b.len);
		sb_free(&b);
		return;
	}
	char flag = j == current(0) ? '+' : j == current(1) ? '-' : ' ';
	char buf[64];
	const char *stt = state_text(j, buf, sizeof buf);
	if (fmt == 1)
		sb_printf(&b, "[%d] %c %5ld %-20s %s\n", j->num, flag, (long)j->procs[0].pid, stt,
		          j->cmd ? j->cmd : "");
	else
		sb_printf(&b, "[%d] %c %-20s %s\n", j->num, flag, stt, j->cmd ? j->cmd : "");
	out_n(list_fd, b.s, b.len);
	sb_free(&b);
}

/* Report (interactive) and drop finished background jobs. */
void jobs_notify(int all)
{
	jobs_reap(0);
	struct job *j = jobs;
	while (j) {
		struct job *n = j->next;
		if (j->intable && j->changed && (all || sh.interactive)) {
			if (sh.interactive && j->state != J_RUNNING) {
				list_fd = 2;
				job_list(j, 0);
				list_fd = 1;
			}
			j->changed = 0;
		}
		if (j->intable && j->state == J_DONE && (sh.interactive || all)) {
			table_remove(j);
			job_free(j);
		}
		j = n;
	}
}

/* Call fn for each job in the table, in job number order. */
void jobs_foreach(void (*fn)(struct job *, void *), void *arg)
{
	jobs_reap(0);
	int max = 0;
	for (struct job *j = jobs; j; j = j->next)
		if (j->intable && j->num > max)
			max = j->num;
	for (int n = max; n >= 1; n--)
		for (struct job *j = jobs; j; j = j->next)
			if (j->intable && j->num == n)
				fn(j, arg);
}

/* Job number of j. */
int job_number(struct job *j)
{
	return j->num;
}

/* Find a job by %spec or pid text; NULL with *err = 1 (no such) or 2 (ambiguous). */
struct job *job_lookup(const char *spec, int *err)
{
	*err = 1;
	jobs_reap(0);
	if (spec[0] != '%') {
		long pid;
		if (parse_int(spec, &pid) < 0)
			return NULL;
		for (struct job *j = jobs; j; j = j->next)
			for (int i = 0; i < j->nproc; i++)
				if (j->procs[i].pid == pid && j->intable)
					return j;
		return NULL;
	}
	const char *s = spec + 1;
	if (!*s || !strcmp(s, "%") || !strcmp(s, "+"))
		return current(0);
	if (!strcmp(s, "-"))
		return current(1);
	if (c_isdigit((unsigned char)*s)) {
		long n;
		if (parse_int(s, &n) < 0)
			return NULL;
		for (struct job *j = jobs; j; j = j->next)
			if (j->intable && j->num == n)
				return j;
		return NULL;
	}
	struct job *found = NULL;
	int sub = *s == '?';
	if (sub)
		s++;
	for (struct job *j = jobs; j; j = j->next) {
		if (!j->intable || !j->cmd)
			continue;
		if (sub ? strstr(j->cmd, s) != NULL : strncmp(j->cmd, s, strlen(s)) == 0) {
			if (found) {
				*err = 2;
				return NULL;
			}
			found = j;
		}
	}
	return found;
}

/* Continue job j in the foreground (fg) or background. Returns a status. */
int job_resume(struct job *j, int fg)
{
	if (fg) {
		out_fmt(1, "%s\n", j->cmd ? j->cmd : "");
		if (Flag(O_MONITOR) && sh.tty_fd >= 0 && j->pgrp)
			tcsetpgrp(sh.tty_fd, j->pgrp);
	} else {
		out_fmt(1, "[%d] %s\n", j->num, j->cmd ? j->cmd : "");
	}
	for (int i = 0; i < j->nproc; i++)
		if (j->procs[i].state == J_STOPPED)
			j->procs[i].state = J_RUNNING;
	j->state = J_RUNNING;
	if (j->pgrp)
		kill(-j->pgrp, SIGCONT);
	else
		for (int i = 0; i < j->nproc; i++)
			kill(j->procs[i].pid, SIGCONT);
	if (!fg) {
		j->async = 1;
		return 0;
	}
	table_remove(j);
	return job_fg_wait(j);
}

/* Send sig to job j (its process group, or each process). 0 or errno. */
int job_kill(struct job *j, int sig)
{
	int r = 0;
	if (j->pgrp) {
		if (kill(-j->pgrp, sig) < 0)
			r = errno;
	} else {
		for (int i = 0; i < j->nproc; i++)
			if (j->procs[i].state != J_DONE && kill(j->procs[i].pid, sig) < 0)
				r = errno;
	}
	return r;
}

/*
 * Wait for background job j to finish (wait builtin). Returns its status,
 * or 128+signal if a trapped signal interrupted the wait (-1 in *intr).
 */
int job_waitfor(struct job *j)
{
	while (j->state == J_RUNNING) {
		int st;
		pid_t pid = waitpid(-1, &st, WUNTRACED);
		if (pid < 0) {
			if (errno == EINTR) {
				if (trap_pending())
					return -1;
				continue;
			}
			break;
		}
		record(pid, st, NULL);
	}
	int st = j->state == J_STOPPED ? 128 + SIGTSTP : job_status(j);
	if (j->state == J_DONE) {
		if (WIFSIGNALED(j->procs[j->nproc - 1].status) && !sh.interactive)
			report_signal(j);
		table_remove(j);
		job_free(j);
	}
	return st;
}

/* Any stopped jobs? */
int jobs_stopped(void)
{
	for (struct job *j = jobs; j; j = j->next)
		if (j->intable && j->state == J_STOPPED)
			return 1;
	return 0;
}

/* Hang up stopped jobs when an interactive shell exits. */
void jobs_hup(void)
{
	for (struct job *j = jobs; j; j = j->next)
		if (j->intable && j->state == J_STOPPED && j->pgrp) {
			kill(-j->pgrp, SIGHUP);
			kill(-j->pgrp, SIGCONT);
		}
}

/* Wait for a process (or job) started by us, with the wait builtin's rules. */
int wait_pid_status(pid_t pid)
{
	int st;
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return 127;
	return wstatus(st);
}

/* Set up job control for an interactive shell: own process group, tty. */
void jobs_init(void)
{
	sh.shell_pgrp = getpgrp();
	if (!Flag(O_MONITOR) || sh.tty_fd < 0)
		return;
	pid_t pid = getpid();
	for (;;) {
		pid_t tp = tcgetpgrp(sh.tty_fd);
		if (tp < 0 || tp == sh.shell_pgrp)
			break;
		kill(0, SIGTTIN); /* wait until we are in the foreground */
		sh.shell_pgrp = getpgrp();
	}
	if (sh.shell_pgrp != pid && setpgid(0, pid) == 0)
		sh.shell_pgrp = pid;
	tcsetpgrp(sh.tty_fd, sh.shell_pgrp);
}

/* Add a pseudo process that already finished with status st (not started). */
void job_add_status(struct job *j, int st)
{
	job_add_proc(j, 0, "");
	struct proc *p = &j->procs[j->nproc - 1];
	p->state = J_DONE;
	p->status = (st & 0xff) << 8; /* an exit status in wait() encoding */
	job_update(j);
}

/* Wait for j without reports (command substitution); returns its status. */
int job_wait_quiet(struct job *j)
{
	for (int i = 0; i < j->nproc; i++) {
		struct proc *p = &j->procs[i];
		while (p->state == J_RUNNING && p->pid > 0) {
			int st;
			pid_t r = waitpid(p->pid, &st, 0);
			if (r < 0) {
				if (errno == EINTR)
					continue;
				p->state = J_DONE;
				break;
			}
			p->status = st;
			p->state = J_DONE;
		}
	}
	int st = job_status(j);
	job_free(j);
	return st;
}

/*
 * Wait until some running background job changes state. Returns 0, -1 if
 * there is nothing to wait for, -2 if a trapped signal arrived.
 */
int jobs_wait_any(void)
{
	int running = 0;
	for (struct job *j = jobs; j; j = j->next)
		if (j->intable && j->state == J_RUNNING)
			running = 1;
	if (!running)
		return -1;
	int st;
	pid_t pid = waitpid(-1, &st, WUNTRACED);
	if (pid < 0) {
		if (errno == EINTR && trap_pending())
			return -2;
		if (errno == ECHILD) {
			for (struct job *j = jobs; j; j = j->next)
				if (j->state == J_RUNNING) {
					for (int i = 0; i < j->nproc; i++)
						j->procs[i].state = J_DONE;
					job_update(j);
				}
			return -1;
		}
		return 0;
	}
	record(pid, st, NULL);
	return 0;
}
