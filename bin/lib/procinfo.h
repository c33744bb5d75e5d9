/*
 * procinfo.h - processes as /proc shows them (QSOE's /proc/<pid>/status, a
 * "key: value" text described in docs/taskman.md), for ps, pidin, slay and
 * shutdown; and the pathname space of /proc/mounts for mount, umount and df.
 *
 * A test build (QU_PROC_TEST defined; never installed) reads the tree named
 * by QUSER_TEST_PROC instead of /proc, so the host tests can give the
 * utilities a made-up system.
 */
#ifndef QU_PROCINFO_H
#define QU_PROCINFO_H

#include <stdint.h>
#include <sys/types.h>

struct qu_thread {
	int tid;
	char state[16]; /* "RUNNING", "REPLY", ... */
	int prio;
	char policy[12]; /* "fifo", "rr", "other", "sporadic" or "?" */
	int cpu;
	uint64_t time_ns;
	pid_t blocked_pid; /* SEND/REPLY: the server; else 0 */
	int blocked_chid;  /* SEND/REPLY/RECEIVE: the channel; else 0 */
	char name[32];     /* the thread's name (pthread_setname_np); "" if none */
};

struct qu_proc {
	pid_t pid, ppid, pgid, sid;
	char *name;
	char *args;    /* the command line (blank-separated), or NULL if /proc does not say */
	char *tty;     /* "/dev/console", or "-" */
	uid_t uid[3];  /* real, effective, saved */
	gid_t gid[3];  /* real, effective, saved */
	gid_t *groups; /* supplementary */
	int ngroups;
	char state[12]; /* "running", "zombie", "stopped" */
	uint64_t memory, cpu_ns;
	uint64_t start_ns; /* CLOCK_MONOTONIC ns of its spawn; 0 if /proc does not say */
	int nthreads;
	struct qu_thread *threads; /* the thread lines read (may be fewer than nthreads) */
	int nthr;
};

/* The directory that holds the process files ("/proc"). */
const char *qu_proc_root(void);
/* The pids listed in /proc, ascending, in a malloc'ed array (*n of them).
 * Returns 0, or -1 with errno if /proc cannot be read. */
int qu_proc_pids(pid_t **pids, size_t *n);
/* Reads /proc/<pid>/status into p. Returns 0, or -1 with errno (ESRCH if
 * the process does not exist any more, EINVAL if the text is malformed). */
int qu_proc_read(pid_t pid, struct qu_proc *p);
/* Frees what qu_proc_read allocated. */
void qu_proc_free(struct qu_proc *p);
/* Reads every process (those that vanish meanwhile are skipped) into a
 * malloc'ed array sorted by pid. Returns 0 or -1 with errno. */
int qu_proc_all(struct qu_proc **ps, size_t *n);
void qu_proc_free_all(struct qu_proc *ps, size_t n);
/* The caller's pid (QUSER_TEST_SELF in the test build). */
pid_t qu_proc_self(void);
/* A one-letter process state as ps shows it: R (a thread running or
 * ready), S (all blocked), T (stopped), Z (zombie). */
char qu_proc_letter(const struct qu_proc *p);
/* The terminal without "/dev/" ("console", "ser1"), or "?" for none. */
const char *qu_proc_tty(const struct qu_proc *p);

/* One line of /proc/mounts: an attach (link NULL) or a path-manager link. */
struct qu_mount {
	char *path;
	pid_t pid;
	int chid;
	unsigned handle, ftype;
	char *flags;  /* "dir,after", "-" */
	char *link;   /* a link's target */
	size_t order; /* position in /proc/mounts (resolution order at one path) */
};
/* Reads /proc/mounts into a malloc'ed array sorted by path. 0 or -1 (errno). */
int qu_mounts(struct qu_mount **ms, size_t *n);
void qu_mounts_free(struct qu_mount *ms, size_t n);
/* The name of a file type (_FTYPE_*): "any", "file", "pipe", ... */
const char *qu_ftype_name(unsigned ftype);
/* The name of process pid ("?" if it is gone), malloc'ed. */
char *qu_proc_name(pid_t pid);

#endif /* QU_PROCINFO_H */
