/*
 * pidin - QNX's process and thread information, from /proc.
 *
 * pidin [-p pid|name]... [format]
 * Formats: threads (the default: pid, tid, name, priority and policy,
 * state, and what a blocked thread waits for), info (the system), family
 * (parent, group, session), users (credentials), mem (memory), times (CPU
 * time), arg (the command line as spawned).
 *
 * "Blocked" shows, for a SEND- or REPLY-blocked thread, the pid of the
 * server it waits for (QNX's "REPLY 1" is REPLY-blocked on pid 1), and for
 * a RECEIVE-blocked thread the channel it receives on.
 */
#include "procinfo.h"
#include "qu.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

QU_USAGE("Usage: pidin [-p pid|name]... [threads|info|family|users|mem|times|arg]\n"
         "  -p  only these processes (a pid or a program name; may be repeated)\n"
         "  threads  pid, tid, name, priority and policy, state, what it is blocked on\n"
         "  info     the system: CPUs, memory, boot time, processes and threads\n"
         "  family   parent, process group and session     users  user and group ids\n"
         "  mem      resident memory and threads           times  CPU time\n"
         "  arg      the command line\n");

static char **only;
static size_t nonly;

/* True if process p is selected by the -p list (or there is none). */
static int selected(const struct qu_proc *p)
{
	if (nonly == 0)
		return 1;
	for (size_t i = 0; i < nonly; i++) {
		char *end;
		long v = strtol(only[i], &end, 10);
		if ((*only[i] && !*end && v == p->pid) || !strcmp(only[i], p->name))
			return 1;
		const char *base = strrchr(p->name, '/');
		if (base && !strcmp(only[i], base + 1))
			return 1;
	}
	return 0;
}

/* The policy letter QNX shows after a priority. */
static char policy_letter(const char *policy)
{
	if (!strcmp(policy, "fifo"))
		return 'f';
	if (!strcmp(policy, "rr"))
		return 'r';
	if (!strcmp(policy, "other"))
		return 'o';
	if (!strcmp(policy, "sporadic"))
		return 's';
	return '?';
}

/* The default format: one line per thread. */
static void threads(const struct qu_proc *ps, size_t n)
{
	printf("%8s %3s %-18s %4s %-11s %s\n", "pid", "tid", "name", "prio", "STATE", "Blocked");
	for (size_t i = 0; i < n; i++) {
		const struct qu_proc *p = &ps[i];
		if (p->nthr == 0) {
			printf("%8ld %3s %-18s %4s %-11s\n", (long)p->pid, "-", p->name, "",
			       !strcmp(p->state, "zombie") ? "DEAD" : "");
			continue;
		}
		for (int k = 0; k < p->nthr; k++) {
			const struct qu_thread *t = &p->threads[k];
			char prio[16], blocked[32] = "";
			snprintf(prio, sizeof(prio), "%d%c", t->prio, policy_letter(t->policy));
			if (t->blocked_pid &&
			    (!strcmp(t->state, "SEND") || !strcmp(t->state, "REPLY")))
				snprintf(blocked, sizeof(blocked), "%ld", (long)t->blocked_pid);
			else if (t->blocked_chid && !strcmp(t->state, "RECEIVE"))
				snprintf(blocked, sizeof(blocked), "%d", t->blocked_chid);
			/* as QNX's pidin: a named thread shows its own name */
			printf("%8ld %3d %-18s %4s %-11s %s\n", (long)p->pid, t->tid,
			       t->name[0] ? t->name : p->name, prio, t->state, blocked);
		}
	}
}

/* Megabytes, rounded down, of b bytes. */
static unsigned long long mib(unsigned long long b)
{
	return b / (1024 * 1024);
}

/* pidin info: the machine and the totals. */
static void sysinfo_fmt(const struct qu_proc *ps, size_t n)
{
	struct utsname u;
	long page = sysconf(_SC_PAGESIZE), phys = sysconf(_SC_PHYS_PAGES),
	     avail = sysconf(_SC_AVPHYS_PAGES), ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	struct timespec now, up;
	char boot[64] = "?";
	unsigned long nthreads = 0;

	if (uname(&u) < 0)
		qu_die_errno(1, errno, "uname");
	if (clock_gettime(CLOCK_REALTIME, &now) == 0 && clock_gettime(CLOCK_MONOTONIC, &up) == 0) {
		time_t bt = now.tv_sec - up.tv_sec;
		struct tm tm;
		if (gmtime_r(&bt, &tm))
			strftime(boot, sizeof(boot), "%b %d %H:%M:%S UTC %Y", &tm);
	}
	for (size_t i = 0; i < n; i++)
		nthreads += (unsigned long)ps[i].nthreads;
	printf("CPU:%s Release:%s FreeMem:", u.machine, u.release);
	if (page > 0 && phys > 0 && avail >= 0)
		printf("%lluMB/%lluMB", mib((unsigned long long)avail * (unsigned long long)page),
		       mib((unsigned long long)phys * (unsigned long long)page));
	else
		printf("?");
	printf(" BootTime:%s\n", boot);
	printf("Processes: %zu, Threads: %lu\n", n, nthreads);
	for (long c = 0; c < ncpu; c++)
		printf("Processor%ld: %s %s\n", c + 1, u.machine, u.sysname);
}

/* pidin family. */
static void family(const struct qu_proc *ps, size_t n)
{
	printf("%8s %-18s %8s %8s %8s\n", "pid", "name", "ppid", "pgrp", "sid");
	for (size_t i = 0; i < n; i++)
		printf("%8ld %-18s %8ld %8ld %8ld\n", (long)ps[i].pid, ps[i].name, (long)ps[i].ppid,
		       (long)ps[i].pgid, (long)ps[i].sid);
}

/* pidin users. */
static void users(const struct qu_proc *ps, size_t n)
{
	printf("%8s %-18s %6s %6s %6s %6s %6s %6s\n", "pid", "name", "uid", "gid", "euid", "egid",
	       "suid", "sgid");
	for (size_t i = 0; i < n; i++) {
		const struct qu_proc *p = &ps[i];
		printf("%8ld %-18s %6lu %6lu %6lu %6lu %6lu %6lu\n", (long)p->pid, p->name,
		       (unsigned long)p->uid[0], (unsigned long)p->gid[0], (unsigned long)p->uid[1],
		       (unsigned long)p->gid[1], (unsigned long)p->uid[2],
		       (unsigned long)p->gid[2]);
	}
}

/* pidin mem. */
static void mem(const struct qu_proc *ps, size_t n)
{
	printf("%8s %-18s %7s %10s\n", "pid", "name", "threads", "memory");
	for (size_t i = 0; i < n; i++) {
		char h[16];
		printf("%8ld %-18s %7d %10s\n", (long)ps[i].pid, ps[i].name, ps[i].nthreads,
		       qu_human(ps[i].memory, h));
	}
}

/* pidin times: CPU time of each process (seconds with milliseconds). */
static void cpu_times(const struct qu_proc *ps, size_t n)
{
	printf("%8s %-18s %12s\n", "pid", "name", "cpu");
	for (size_t i = 0; i < n; i++)
		printf("%8ld %-18s %8llu.%03llu\n", (long)ps[i].pid, ps[i].name,
		       (unsigned long long)(ps[i].cpu_ns / 1000000000ULL),
		       (unsigned long long)(ps[i].cpu_ns / 1000000ULL % 1000));
}

/* pidin arg. */
static void args(const struct qu_proc *ps, size_t n)
{
	printf("%8s %s\n", "pid", "Arguments");
	for (size_t i = 0; i < n; i++)
		printf("%8ld %s\n", (long)ps[i].pid,
		       ps[i].args && *ps[i].args ? ps[i].args : ps[i].name);
}

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		void (*fn)(const struct qu_proc *ps, size_t n);
	} formats[] = {{"threads", threads}, {"info", sysinfo_fmt}, {"family", family},
	               {"fam", family},      {"users", users},      {"mem", mem},
	               {"memory", mem},      {"times", cpu_times},  {"arg", args},
	               {"args", args}};
	void (*fn)(const struct qu_proc *ps, size_t n) = threads;
	struct qu_proc *ps;
	size_t n, k = 0;
	int c;

	qu_init(argv[0]);
	while ((c = qu_getopt(argc, argv, "p:")) != -1) {
		only = qu_realloc(only, (nonly + 1) * sizeof(*only));
		only[nonly++] = qu_optarg;
	}
	if (qu_optind < argc) {
		size_t i;
		for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++)
			if (!strcmp(argv[qu_optind], formats[i].name))
				break;
		if (i == sizeof(formats) / sizeof(formats[0]))
			qu_usage(1, "unknown format");
		fn = formats[i].fn;
		qu_optind++;
	}
	if (qu_optind < argc)
		qu_usage(1, "extra operand");
	if (qu_proc_all(&ps, &n) < 0)
		qu_die_errno(1, errno, "%s", qu_proc_root());
	if (fn == sysinfo_fmt) {
		sysinfo_fmt(ps, n);
		qu_proc_free_all(ps, n);
		return 0;
	}
	for (size_t i = 0; i < n; i++) {
		if (selected(&ps[i]))
			ps[k++] = ps[i];
		else
			qu_proc_free(&ps[i]);
	}
	if (k == 0 && nonly) {
		free(ps);
		qu_die(1, "no such process");
	}
	fn(ps, k);
	qu_proc_free_all(ps, k);
	return 0;
}
