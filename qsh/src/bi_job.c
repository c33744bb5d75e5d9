/*
 * bi_job.c - job control builtins: jobs, fg, bg, wait, kill, suspend.
 */
#include "qsh.h"
#include "shell.h"
#include "builtins.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void list_one(struct job *j, void *arg)
{
	job_list(j, *(int *)arg);
}

/* jobs [-lnp] [job ...] */
int b_jobs(int argc, char **argv)
{
	int fmt = 0, i = 1;
	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'l')
				fmt = 1;
			else if (*p == 'p')
				fmt = 2;
			else if (*p == 'n')
				;
			else {
				bi_errorf("-%c: unknown option", *p);
				return 1;
			}
		}
	}
	if (i >= argc) {
		jobs_foreach(list_one, &fmt);
		jobs_notify(1);
		return 0;
	}
	int st = 0;
	for (; i < argc; i++) {
		int err;
		struct job *j = job_lookup(argv[i], &err);
		if (!j) {
			bi_errorf("%s: %s", argv[i], err == 2 ? "ambiguous" : "no such job");
			st = 1;
			continue;
		}
		job_list(j, fmt);
	}
	return st;
}

static int fgbg(int argc, char **argv, int fg)
{
	if (!Flag(O_MONITOR)) {
		bi_errorf("job control not enabled");
		return 1;
	}
	const char *spec = argc > 1 ? argv[1] : "%+";
	int err;
	struct job *j = job_lookup(spec, &err);
	if (!j) {
		bi_errorf("%s: %s", spec, err == 2 ? "ambiguous" : "no such job");
		return 1;
	}
	int st = job_resume(j, fg);
	for (int i = 2; !fg && i < argc; i++) {
		j = job_lookup(argv[i], &err);
		if (j)
			job_resume(j, 0);
	}
	return st;
}

/* fg [job] */
int b_fg(int argc, char **argv)
{
	return fgbg(argc, argv, 1);
}

/* bg [job ...] */
int b_bg(int argc, char **argv)
{
	return fgbg(argc, argv, 0);
}

/* wait [job ...] */
int b_wait(int argc, char **argv)
{
	int st = 0;
	if (argc < 2) {
		for (;;) {
			int r = jobs_wait_any();
			if (r == -2)
				return 128 + trap_last_signal();
			if (r < 0)
				break;
		}
		jobs_notify(1);
		return 0;
	}
	for (int i = 1; i < argc; i++) {
		int err;
		struct job *j = job_lookup(argv[i], &err);
		if (!j) {
			if (argv[i][0] == '%')
				bi_errorf("%s: %s", argv[i],
				          err == 2 ? "ambiguous" : "no such job");
			st = 127;
			continue;
		}
		st = job_waitfor(j);
		if (st < 0) {
			run_pending_traps();
			return 128 + trap_last_signal();
		}
	}
	return st;
}

static void kill_list(int fd)
{
	struct sbuf b;
	sb_init(&b);
	int sig;
	const char *name, *desc;
	for (int s = 1; s < NSIGS; s++) {
		int found = 0;
		for (int k = 0; sig_table(k, &sig, &name, &desc); k++)
			if (sig == s) {
				sb_printf(&b, "%2d %6s %s\n", s, name, desc);
				found = 1;
			}
		if (!found)
			sb_printf(&b, "%2d %6d Signal %d\n", s, s, s);
	}
	out_n(fd, b.s, b.len);
	sb_free(&b);
}

static int kill_usage(void)
{
	out_str(2, "usage:\tkill [-s signame | -signum | -signame] { job | pid | pgrp } ...\n"
	           "\tkill -l [exit_status ...]\n");
	return 1;
}

/* kill [-s sig | -sig] pid|%job ... ; kill -l [status ...] */
int b_kill(int argc, char **argv)
{
	int sig = SIGTERM, i = 1;
	if (i < argc && !strcmp(argv[i], "-l")) {
		if (argc == 2) {
			kill_list(1);
			return 0;
		}
		for (i = 2; i < argc; i++) {
			long n;
			if (parse_int(argv[i], &n) < 0) {
				bi_errorf("bad number: %s", argv[i]);
				return 1;
			}
			if (n > 128)
				n -= 128;
			out_fmt(1, "%s\n", sig_name((int)n));
		}
		return 0;
	}
	if (i < argc && !strcmp(argv[i], "-s")) {
		if (i + 1 >= argc)
			return kill_usage();
		sig = sig_byname(argv[i + 1]);
		if (sig < 0) {
			bi_errorf("%s: bad signal", argv[i + 1]);
			return 1;
		}
		i += 2;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--")) {
		sig = sig_byname(argv[i] + 1);
		if (sig < 0) {
			bi_errorf("%s: bad signal", argv[i] + 1);
			return 1;
		}
		i++;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i >= argc)
		return kill_usage();
	int st = 0;
	for (; i < argc; i++) {
		if (argv[i][0] == '%') {
			int err;
			struct job *j = job_lookup(argv[i], &err);
			if (!j) {
				bi_errorf("%s: %s", argv[i],
				          err == 2 ? "ambiguous" : "no such job");
				st = 1;
				continue;
			}
			int e = job_kill(j, sig);
			if (e) {
				bi_errorf("%s: %s", argv[i], strerror(e));
				st = 1;
			}
			continue;
		}
		long pid;
		if (parse_int(argv[i], &pid) < 0) {
			bi_errorf("%s: arguments must be jobs or process IDs", argv[i]);
			st = 1;
			continue;
		}
		if (kill((pid_t)pid, sig) < 0) {
			bi_errorf("%s: %s", argv[i], strerror(errno));
			st = 1;
		}
	}
	return st;
}

/* suspend: stop the shell (not a login shell). */
int b_suspend(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	if (sh.login) {
		bi_errorf("can't suspend a login shell");
		return 1;
	}
	if (sh.tty_fd >= 0)
		tcsetpgrp(sh.tty_fd, getpgrp());
	signal(SIGTSTP, SIG_DFL);
	kill(0, SIGTSTP);
	signals_interactive(sh.interactive);
	return 0;
}
