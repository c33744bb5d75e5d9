/*
 * procinfo.c - reading /proc (see procinfo.h).
 */
#include "procinfo.h"
#include "qu.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* See procinfo.h. */
const char *qu_proc_root(void)
{
#ifdef QU_PROC_TEST
	const char *r = getenv("QUSER_TEST_PROC");
	if (r)
		return r;
#endif
	return "/proc";
}

/* Reads the whole file at path (NUL-terminated, malloc'ed) or NULL (errno). */
static char *slurp(const char *path)
{
	int fd = open(path, O_RDONLY);
	size_t len = 0, cap = 4096;
	char *buf;
	ssize_t r;

	if (fd < 0)
		return NULL;
	buf = qu_malloc(cap);
	for (;;) {
		if (len + 1 >= cap)
			buf = qu_realloc(buf, cap *= 2);
		r = read(fd, buf + len, cap - len - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		len += (size_t)r;
	}
	if (r < 0) {
		int e = errno;
		free(buf);
		close(fd);
		errno = e;
		return NULL;
	}
	close(fd);
	buf[len] = 0;
	return buf;
}

/* Parses a decimal number at *s (advancing it); 0 or -1 if there is none. */
static int num(const char **s, long long *v)
{
	char *end;
	const char *p = *s;

	while (*p == ' ')
		p++;
	if (!((*p >= '0' && *p <= '9') || *p == '-'))
		return -1;
	errno = 0;
	*v = strtoll(p, &end, 10);
	if (end == p || errno)
		return -1;
	*s = end;
	return 0;
}

/* Copies the next blank-separated word of *s into buf (size n). */
static void word(const char **s, char *buf, size_t n)
{
	const char *p = *s;
	size_t k = 0;

	while (*p == ' ')
		p++;
	while (*p && *p != ' ' && *p != '\n') {
		if (k + 1 < n)
			buf[k++] = *p;
		p++;
	}
	buf[k] = 0;
	*s = p;
}

static void unescape(char *s);

/*
 * Parses "thread <tid>: STATE prio P cpu C [policy X] [time N] [pid P]
 * [chid C] [name N]" (the name with \ooo escapes).
 */
static int thread_line(const char *s, struct qu_thread *t)
{
	long long v;
	char key[16];

	memset(t, 0, sizeof(*t));
	strcpy(t->policy, "?");
	if (num(&s, &v) < 0 || *s != ':')
		return -1;
	t->tid = (int)v;
	s++;
	word(&s, t->state, sizeof(t->state));
	if (!t->state[0])
		return -1;
	for (;;) {
		word(&s, key, sizeof(key));
		if (!key[0])
			return 0;
		if (!strcmp(key, "policy")) {
			word(&s, t->policy, sizeof(t->policy));
			continue;
		}
		if (!strcmp(key, "name")) {
			char esc[4 * sizeof(t->name)];
			word(&s, esc, sizeof(esc));
			unescape(esc);
			size_t n = strlen(esc); /* cut to fit, as taskman does */
			if (n >= sizeof(t->name))
				n = sizeof(t->name) - 1;
			memcpy(t->name, esc, n);
			t->name[n] = '\0';
			continue;
		}
		if (num(&s, &v) < 0)
			return -1;
		if (!strcmp(key, "prio"))
			t->prio = (int)v;
		else if (!strcmp(key, "cpu"))
			t->cpu = (int)v;
		else if (!strcmp(key, "time"))
			t->time_ns = (uint64_t)v;
		else if (!strcmp(key, "pid"))
			t->blocked_pid = (pid_t)v;
		else if (!strcmp(key, "chid"))
			t->blocked_chid = (int)v;
		/* unknown keys with a number are skipped: the format may grow */
	}
}

/* Parses up to n numbers of s into v; returns how many. */
static int nums(const char *s, long long *v, int n)
{
	int k = 0;

	while (k < n && num(&s, &v[k]) == 0)
		k++;
	return k;
}

/* Parses the status text into p. 0, or -1 if a required key is missing. */
static int parse_status(char *text, struct qu_proc *p)
{
	long long v[3];
	int have = 0, cap = 0;

	for (char *line = text, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		char *colon = strchr(line, ':');
		if (!colon)
			continue;
		if (!strncmp(line, "thread ", 7)) {
			struct qu_thread t;
			if (thread_line(line + 7, &t) < 0)
				continue;
			if (p->nthr == cap)
				p->threads = qu_realloc(
				        p->threads, (size_t)(cap = cap ? 2 * cap : 8) * sizeof(t));
			p->threads[p->nthr++] = t;
			continue;
		}
		*colon = 0;
		const char *key = line, *val = colon + 1;
		while (*val == ' ')
			val++;
		if (!strcmp(key, "name")) {
			free(p->name);
			p->name = qu_strdup(val);
			have |= 1;
		} else if (!strcmp(key, "pid") && nums(val, v, 1) == 1) {
			p->pid = (pid_t)v[0];
			have |= 2;
		} else if (!strcmp(key, "ppid") && nums(val, v, 1) == 1) {
			p->ppid = (pid_t)v[0];
		} else if (!strcmp(key, "pgid") && nums(val, v, 1) == 1) {
			p->pgid = (pid_t)v[0];
		} else if (!strcmp(key, "sid") && nums(val, v, 1) == 1) {
			p->sid = (pid_t)v[0];
		} else if (!strcmp(key, "args")) {
			/* words with \ooo escapes: decoded, joined by single blanks */
			free(p->args);
			p->args = qu_strdup(val);
			unescape(p->args);
		} else if (!strcmp(key, "tty")) {
			free(p->tty);
			p->tty = qu_strdup(*val ? val : "-");
		} else if (!strcmp(key, "uid") && nums(val, v, 3) == 3) {
			for (int i = 0; i < 3; i++)
				p->uid[i] = (uid_t)v[i];
			have |= 4;
		} else if (!strcmp(key, "gid") && nums(val, v, 3) == 3) {
			for (int i = 0; i < 3; i++)
				p->gid[i] = (gid_t)v[i];
		} else if (!strcmp(key, "groups")) {
			const char *s = val;
			long long g;
			while (num(&s, &g) == 0) {
				p->groups = qu_realloc(p->groups, (size_t)(p->ngroups + 1) *
				                                          sizeof(*p->groups));
				p->groups[p->ngroups++] = (gid_t)g;
			}
		} else if (!strcmp(key, "state")) {
			const char *s = val;
			word(&s, p->state, sizeof(p->state));
		} else if (!strcmp(key, "memory") && nums(val, v, 1) == 1) {
			p->memory = (uint64_t)v[0];
		} else if (!strcmp(key, "started") && nums(val, v, 1) == 1) {
			p->start_ns = (uint64_t)v[0];
		} else if (!strcmp(key, "cpu_ns") && nums(val, v, 1) == 1) {
			p->cpu_ns = (uint64_t)v[0];
		} else if (!strcmp(key, "threads") && nums(val, v, 1) == 1) {
			p->nthreads = (int)v[0];
		}
	}
	if (!p->tty)
		p->tty = qu_strdup("-");
	if (!p->state[0])
		strcpy(p->state, "running");
	return (have & 7) == 7 ? 0 : -1;
}

/* See procinfo.h. */
int qu_proc_read(pid_t pid, struct qu_proc *p)
{
	const char *root = qu_proc_root();
	char *path = qu_malloc(strlen(root) + 32), *text;

	memset(p, 0, sizeof(*p));
	sprintf(path, "%s/%ld/status", root, (long)pid);
	text = slurp(path);
	free(path);
	if (!text) {
		if (errno == ENOENT)
			errno = ESRCH;
		return -1;
	}
	int r = parse_status(text, p);
	free(text);
	if (r < 0) {
		qu_proc_free(p);
		errno = EINVAL;
		return -1;
	}
	return 0;
}

/* See procinfo.h. */
void qu_proc_free(struct qu_proc *p)
{
	free(p->name);
	free(p->args);
	free(p->tty);
	free(p->groups);
	free(p->threads);
	memset(p, 0, sizeof(*p));
}

/* qsort comparison of pids. */
static int cmp_pid(const void *a, const void *b)
{
	pid_t x = *(const pid_t *)a, y = *(const pid_t *)b;
	return (x > y) - (x < y);
}

/* See procinfo.h. */
int qu_proc_pids(pid_t **pids, size_t *n)
{
	DIR *d = opendir(qu_proc_root());
	struct dirent *e;
	size_t cap = 0;

	*pids = NULL;
	*n = 0;
	if (!d)
		return -1;
	while ((errno = 0, e = readdir(d)) != NULL) {
		char *end;
		long v = strtol(e->d_name, &end, 10);
		if (!e->d_name[0] || *end || v <= 0 || e->d_name[0] == '0')
			continue;
		if (*n == cap)
			*pids = qu_realloc(*pids, (cap = cap ? 2 * cap : 64) * sizeof(**pids));
		(*pids)[(*n)++] = (pid_t)v;
	}
	int e2 = errno;
	closedir(d);
	if (e2) {
		free(*pids);
		*pids = NULL;
		*n = 0;
		errno = e2;
		return -1;
	}
	qsort(*pids, *n, sizeof(**pids), cmp_pid);
	return 0;
}

/* See procinfo.h. */
int qu_proc_all(struct qu_proc **ps, size_t *n)
{
	pid_t *pids;
	size_t np, k = 0;

	*ps = NULL;
	*n = 0;
	if (qu_proc_pids(&pids, &np) < 0)
		return -1;
	*ps = qu_malloc((np ? np : 1) * sizeof(**ps));
	for (size_t i = 0; i < np; i++)
		if (qu_proc_read(pids[i], &(*ps)[k]) == 0)
			k++;
	free(pids);
	*n = k;
	return 0;
}

/* See procinfo.h. */
void qu_proc_free_all(struct qu_proc *ps, size_t n)
{
	for (size_t i = 0; i < n; i++)
		qu_proc_free(&ps[i]);
	free(ps);
}

/* See procinfo.h. */
pid_t qu_proc_self(void)
{
#ifdef QU_PROC_TEST
	const char *s = getenv("QUSER_TEST_SELF");
	if (s)
		return (pid_t)strtol(s, NULL, 10);
#endif
	return getpid();
}

/* See procinfo.h. */
char qu_proc_letter(const struct qu_proc *p)
{
	if (!strcmp(p->state, "zombie"))
		return 'Z';
	if (!strcmp(p->state, "stopped"))
		return 'T';
	for (int i = 0; i < p->nthr; i++)
		if (!strcmp(p->threads[i].state, "RUNNING") ||
		    !strcmp(p->threads[i].state, "READY"))
			return 'R';
	return 'S';
}

/* See procinfo.h. */
const char *qu_proc_tty(const struct qu_proc *p)
{
	if (!p->tty || !strcmp(p->tty, "-") || !*p->tty)
		return "?";
	if (!strncmp(p->tty, "/dev/", 5))
		return p->tty + 5;
	return p->tty;
}

/* See procinfo.h. */
char *qu_proc_name(pid_t pid)
{
	struct qu_proc p;
	char *r;

	if (qu_proc_read(pid, &p) < 0)
		return qu_strdup("?");
	r = p.name;
	p.name = NULL;
	qu_proc_free(&p);
	return r;
}

/* Decodes \ooo escapes in place. */
static void unescape(char *s)
{
	char *d = s;

	for (; *s; s++) {
		if (s[0] == '\\' && s[1] >= '0' && s[1] <= '7' && s[2] >= '0' && s[2] <= '7' &&
		    s[3] >= '0' && s[3] <= '7') {
			*d++ = (char)(((s[1] - '0') << 6) | ((s[2] - '0') << 3) | (s[3] - '0'));
			s += 3;
		} else {
			*d++ = *s;
		}
	}
	*d = 0;
}

/* Splits s at blanks into at most n fields (in place); returns the count. */
static int fields(char *s, char **f, int n)
{
	int k = 0;

	while (k < n) {
		while (*s == ' ')
			s++;
		if (!*s)
			break;
		f[k++] = s;
		s += strcspn(s, " ");
		if (*s)
			*s++ = 0;
	}
	return k;
}

/* qsort comparison of mounts by path. */
static int cmp_mount(const void *a, const void *b)
{
	const struct qu_mount *x = a, *y = b;
	int c = strcmp(x->path, y->path);
	return c ? c : (x->order > y->order) - (x->order < y->order);
}

/* See procinfo.h. */
int qu_mounts(struct qu_mount **ms, size_t *n)
{
	const char *root = qu_proc_root();
	char *path = qu_malloc(strlen(root) + 8), *text;
	size_t cap = 0;

	*ms = NULL;
	*n = 0;
	sprintf(path, "%s/mounts", root);
	text = slurp(path);
	free(path);
	if (!text)
		return -1;
	for (char *line = text, *next; line && *line; line = next) {
		char *f[7];
		next = strchr(line, '\n');
		if (next)
			*next++ = 0;
		int k = fields(line, f, 7);
		struct qu_mount m;
		memset(&m, 0, sizeof(m));
		if (k == 3 && !strcmp(f[1], "link")) {
			m.link = qu_strdup(f[2]);
			unescape(m.link);
		} else if (k == 7 && !strcmp(f[1], "attach")) {
			m.pid = (pid_t)strtol(f[2], NULL, 10);
			m.chid = (int)strtol(f[3], NULL, 10);
			m.handle = (unsigned)strtoul(f[4], NULL, 10);
			m.ftype = (unsigned)strtoul(f[5], NULL, 10);
			m.flags = qu_strdup(f[6]);
		} else {
			continue; /* a line this version does not know */
		}
		m.order = *n;
		m.path = qu_strdup(f[0]);
		unescape(m.path);
		if (*n == cap)
			*ms = qu_realloc(*ms, (cap = cap ? 2 * cap : 32) * sizeof(m));
		(*ms)[(*n)++] = m;
	}
	free(text);
	if (*n)
		qsort(*ms, *n, sizeof(**ms), cmp_mount);
	return 0;
}

/* See procinfo.h. */
void qu_mounts_free(struct qu_mount *ms, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(ms[i].path);
		free(ms[i].flags);
		free(ms[i].link);
	}
	free(ms);
}

/* See procinfo.h. */
const char *qu_ftype_name(unsigned ftype)
{
	static const char *const names[] = {"any",    "file",   "link",   "symlink", "pipe",
	                                    "shmem",  "mqueue", "socket", "sem",     "photon",
	                                    "dumper", "mount",  "name",   "tymem"};
	return ftype < sizeof(names) / sizeof(names[0]) ? names[ftype] : "?";
}
