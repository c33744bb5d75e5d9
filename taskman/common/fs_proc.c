/*
 * fs_proc.c - /proc: a directory per process (/proc/<pid>) holding
 * "status", and /proc/self for the caller. Each open takes a snapshot, so
 * a read sees one consistent state.
 *
 * /proc/<pid>/status is text, one "key: value" per line:
 *   name: <name>            pid: <pid>           ppid: <parent pid>
 *   pgid: <group>           sid: <session>       tty: <terminal or ->
 *   uid: <real> <effective> <saved>              gid: <real> <effective> <saved>
 *   groups: <supplementary gids, space separated>
 *   state: running | zombie | stopped
 *   memory: <resident bytes>                     cpu_ns: <CPU time of all threads>
 *   threads: <count>
 * then one line per thread:
 *   thread <tid>: <STATE> prio <p> cpu <hart> policy <fifo|rr|other|sporadic>
 *     time <ns>[ pid <server pid>][ chid <channel>]
 * (on one line) where the pid part appears for SEND/REPLY-blocked threads
 * (the server they wait for) and the chid for SEND/REPLY/RECEIVE-blocked
 * ones; time is the thread's CPU time.
 *
 * /proc/mounts is the pathname space, one line per attach or link:
 *   <path> attach <pid> <chid> <handle> <file type> <flags>
 *   <path> link <target>
 * flags: a comma-separated list of dir, before, after, opaque, or "-".
 * Space, tab, newline and backslash in paths are written as \ooo (octal).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/fs.h>
#include <taskman/proc.h>
#include <taskman/seam.h>

#define PROC_INO(pid, k) (((uint64_t)(pid) << 8) | 0x1000000000ULL | (k))

static const char *const state_names[] = {
        "DEAD",      "RUNNING",     "READY",        "STOPPED",  "SEND",       "RECEIVE",
        "REPLY",     "MQ_SEND",     "MQ_RECEIVE",   "WAITPAGE", "SIGSUSPEND", "SIGWAITINFO",
        "NANOSLEEP", "MUTEX",       "CONDVAR",      "JOIN",     "INTR",       "SEM",
        "WAITCTX",   "RWLOCK_READ", "RWLOCK_WRITE", "BARRIER",  "PIPE",
};

/* A growing text buffer. */
struct text {
	char *buf;
	size_t len, cap;
	int err;
};

/* Appends formatted text, growing the buffer; t->err on failure. */
static void put(struct text *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void put(struct text *t, const char *fmt, ...)
{
	va_list ap;

	for (int tries = 0; tries < 2 && !t->err; tries++) {
		va_start(ap, fmt);
		int n = vsnprintf(t->buf + t->len, t->cap - t->len, fmt, ap);
		va_end(ap);
		if (n < 0) {
			t->err = -EINVAL;
			return;
		}
		if ((size_t)n < t->cap - t->len) {
			t->len += (size_t)n;
			return;
		}
		size_t nc = (t->cap + (size_t)n) * 2;
		char *b = realloc(t->buf, nc);
		if (b == NULL) {
			t->err = -ENOMEM;
			return;
		}
		t->buf = b;
		t->cap = nc;
	}
}

/* The name of a scheduling policy for the status text. */
static const char *policy_name(int policy)
{
	switch (policy) {
	case SCHED_FIFO:
		return "fifo";
	case SCHED_RR:
		return "rr";
	case SCHED_OTHER:
		return "other";
	case SCHED_SPORADIC:
		return "sporadic";
	}
	return "?";
}

/* Appends path with space, tab, newline and backslash written as \ooo. */
static void put_path(struct text *t, const char *path)
{
	for (const char *p = path; *p && !t->err; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\\')
			put(t, "\\%03o", (unsigned char)*p);
		else
			put(t, "%c", *p);
	}
}

/*
 * A read-only regular file OCB (inode ino) that owns t's text. Returns 0
 * with *ocb set, or -ENOMEM (t's text freed).
 */
static int text_ocb(struct text *t, ino_t ino, struct tm_ocb **ocb)
{
	struct tm_ocb *b = tm_ocb_new(TM_OCB_DATA);

	if (b == NULL) {
		free(t->buf);
		return -ENOMEM;
	}
	b->data = t->buf;
	b->size = t->len;
	b->owned = 1;
	tm_stat_fill(&b->st, ino, S_IFREG | 0444, t->len, 0, 0, 0);
	*ocb = b;
	return 0;
}

/* pm_foreach callback: one line of /proc/mounts. */
static void mount_line(const struct pm_info *i, void *arg)
{
	struct text *t = arg;

	put_path(t, i->path);
	if (i->link) {
		put(t, " link ");
		put_path(t, i->link);
		put(t, "\n");
		return;
	}
	put(t, " attach %d %d %u %u ", i->pid, i->chid, i->handle, i->file_type);
	static const struct {
		uint32_t bit;
		const char *name;
	} fl[] = {{TM_PATH_DIR, "dir"},
	          {TM_PATH_BEFORE, "before"},
	          {TM_PATH_AFTER, "after"},
	          {TM_PATH_OPAQUE, "opaque"}};
	int any = 0;
	for (size_t k = 0; k < sizeof(fl) / sizeof(fl[0]); k++)
		if (i->flags & fl[k].bit)
			put(t, "%s%s", any++ ? "," : "", fl[k].name);
	put(t, "%s\n", any ? "" : "-");
}

/* Writes the status text of pid. 0, -ESRCH or -ENOMEM. */
static int status_text(pid_t pid, struct text *t)
{
	struct tm_procent e;
	struct tm_cred c;
	char tty[TM_PATH_MAX];
	struct seam_proc_info info = {0};
	struct seam_thread_info *th = NULL;

	if (tm_proc_describe(pid, &e) < 0 || tm_proc_cred(pid, &c) < 0)
		return -ESRCH;
	if (tm_proc_ctty(pid, tty, sizeof(tty)) < 0)
		strcpy(tty, "-");
	int n = e.state == 1 ? 0 : seam_proc_info(pid, &info, NULL, 0);
	if (n > 0) {
		th = calloc((size_t)n + 8, sizeof(*th));
		if (th == NULL)
			return -ENOMEM;
		n = seam_proc_info(pid, &info, th, (size_t)n + 8);
		if (n > 0 && (size_t)n > info.nthreads)
			n = (int)info.nthreads;
	}
	if (n < 0)
		n = 0;
	put(t, "name: %s\npid: %d\nppid: %d\npgid: %d\nsid: %d\ntty: %s\n", e.name, e.pid, e.ppid,
	    e.pgid, e.sid, tty);
	uint64_t start;
	if (tm_proc_start(pid, &start) == 0)
		put(t, "started: %llu\n", (unsigned long long)start); /* CLOCK_MONOTONIC ns */
	char *args;
	size_t alen;
	if (tm_proc_args(pid, &args, &alen) == 0) {
		/* the arguments, blank-separated, each with blanks and backslashes as \ooo */
		put(t, "args:");
		for (size_t k = 0; k < alen; k += strlen(args + k) + 1) {
			put(t, " ");
			put_path(t, args + k);
		}
		put(t, "\n");
		free(args);
	}
	put(t, "uid: %d %d %d\ngid: %d %d %d\ngroups:", c.ruid, c.euid, c.suid, c.rgid, c.egid,
	    c.sgid);
	for (uint32_t i = 0; i < c.ngroups && i < TM_NGROUPS_MAX; i++)
		put(t, " %d", c.groups[i]);
	put(t, "\nstate: %s\nmemory: %lu\ncpu_ns: %lu\nthreads: %u\n",
	    e.state == 1   ? "zombie"
	    : e.state == 2 ? "stopped"
	                   : "running",
	    (unsigned long)info.mem_bytes, (unsigned long)info.cpu_ns, (unsigned)info.nthreads);
	for (int i = 0; i < n && th; i++) {
		const struct seam_thread_info *x = &th[i];
		const char *s = x->state >= 0 && (size_t)x->state <
		                                         sizeof(state_names) / sizeof(*state_names)
		                        ? state_names[x->state]
		                        : "?";
		put(t, "thread %d: %s prio %d cpu %d policy %s time %lu", x->tid, s, x->prio,
		    x->cpu, policy_name(x->policy), (unsigned long)x->cpu_ns);
		if (x->blocked_pid && (x->state == (int)STATE_SEND || x->state == (int)STATE_REPLY))
			put(t, " pid %d", x->blocked_pid);
		if (x->blocked_chid)
			put(t, " chid %d", x->blocked_chid);
		if (x->name[0]) {
			put(t, " name ");
			put_path(t, x->name);
		}
		put(t, "\n");
	}
	free(th);
	return t->err;
}

/* Parses a decimal pid of exactly len characters; 0 if not one. */
static pid_t parse_pid(const char *s, size_t len)
{
	pid_t v = 0;

	if (len == 0 || len > 9)
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

/* The directory listing of /proc: self and every process. */
static int list_root(struct tm_ocb *ocb)
{
	size_t cap = 256, n;
	pid_t *pids = NULL;

	for (;;) {
		free(pids);
		pids = malloc(cap * sizeof(*pids));
		if (pids == NULL)
			return -ENOMEM;
		n = tm_proc_pids(0, pids, cap);
		if (n <= cap)
			break;
		cap = n + 16;
	}
	int r = tm_ocb_add_dirent(ocb, "self", 2, S_IFDIR | 0555);
	if (r == 0)
		r = tm_ocb_add_dirent(ocb, "mounts", PROC_INO(0, 3), S_IFREG | 0444);
	for (size_t i = 0; i < n && r == 0; i++) {
		char name[16];
		snprintf(name, sizeof(name), "%d", pids[i]);
		r = tm_ocb_add_dirent(ocb, name, PROC_INO(pids[i], 1), S_IFDIR | 0555);
	}
	free(pids);
	return r;
}

/* Opens /proc/mounts: a snapshot of the pathname space. */
static int open_mounts(struct tm_open *o)
{
	struct text t = {0};

	pm_foreach(mount_line, &t);
	if (t.err) {
		free(t.buf);
		return t.err;
	}
	return text_ocb(&t, PROC_INO(0, 3), &o->ocb);
}

/* Opens /proc, /proc/<pid> or /proc/<pid>/status ("self" = the caller). */
int fs_proc_open(struct tm_open *o)
{
	const char *p = o->path;
	size_t len = strcspn(p, "/");
	pid_t pid = 0;
	struct tm_procent e;

	if (o->c->ioflag & (_IO_FLAG_WR | O_CREAT))
		return -EROFS;
	if (len == 6 && strncmp(p, "mounts", 6) == 0 && p[6] == 0)
		return open_mounts(o);
	if (len == 4 && strncmp(p, "self", 4) == 0)
		pid = o->pid;
	else if (len)
		pid = parse_pid(p, len);
	if (len && (pid <= 0 || tm_proc_describe(pid, &e) < 0))
		return -ENOENT;
	const char *rest = p + len;
	while (*rest == '/')
		rest++;
	struct tm_ocb *ocb;
	int r = 0;
	if (len == 0 || *rest == 0) {
		ocb = tm_ocb_new(TM_OCB_DIR);
		if (ocb == NULL)
			return -ENOMEM;
		r = len == 0 ? list_root(ocb)
		             : tm_ocb_add_dirent(ocb, "status", PROC_INO(pid, 2), S_IFREG | 0444);
		tm_stat_fill(&ocb->st, len ? PROC_INO(pid, 1) : 2, S_IFDIR | 0555, ocb->ndirents, 0,
		             0, 0);
	} else if (strcmp(rest, "status") == 0) {
		struct text t = {0};
		r = status_text(pid, &t);
		int e = text_ocb(&t, PROC_INO(pid, 2), &ocb);
		if (e < 0)
			return e;
	} else {
		return -ENOENT;
	}
	if (r < 0) {
		tm_ocb_put(ocb);
		return r;
	}
	o->ocb = ocb;
	return 0;
}
