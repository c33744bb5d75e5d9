/*
 * test_spawn.c - host test of posix_spawn's request (lib/c/process/
 * posix_spawn.c, spawn.c): the TM_SPAWN message it sends to a simulated
 * taskman is decoded and compared field by field with what the call
 * asked for -- path made absolute, argv/envp strings, cwd, umask, the
 * inherited descriptors (close-on-exec ones left out unless a dup2 action
 * needs them), file actions and their strings, attribute flags -- and
 * $PATH is searched in the caller's environment, in order.
 */
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "qtest.h"

#define SIDE        0x40000000u
#define COF_CLOEXEC 0x0001
#define TM_SPAWN    1

/* ---- mirrored QSOE layouts ---- */
struct q_hdr {
	uint16_t type, subtype;
	uint32_t size;
};
struct q_spawn {
	struct q_hdr hdr;
	uint32_t flags;
	int32_t pgroup;
	uint32_t sigmask[2], sigdefault[2], sigignore[2];
	int policy;
	uint64_t param[6]; /* struct sched_param: 48 bytes, 8-aligned */
	uint32_t path_len, argc, argv_len, envc, env_len, nfds, nacts, acts_len, cwd_len, umask;
};
struct q_fd {
	int fd;
	uint32_t flags;
	int32_t server_pid;
	int server_chid, parent_coid, parent_scoid;
};
struct q_fileact {
	int op, fd, srcfd, oflag;
	uint32_t mode, path_off;
};
struct q_msg_info {
	uint32_t nd, srcnd;
	int32_t pid, tid, chid, scoid, coid;
	int16_t priority, flags;
	int64_t msglen, srcmsglen, dstmsglen;
	uint32_t type_id, reserved2;
};
/* struct __qsoe_process (lib/c/internal/qsoe_os.h) up to the fields spawn.c reads. */
struct q_proc {
	int pid, ppid;
	int cred[39];
	uint32_t lock[2];
	unsigned umask;
	const void *lm;
	uint64_t cut, cst;
};
struct q_proc q___qsoe_proc = {.pid = 100, .umask = 022};

int q_posix_spawn(int *pid, const char *path, void **fa, uintptr_t *attr, char *const argv[],
                  char *const envp[]);
int q_posix_spawnp(int *pid, const char *path, void **fa, uintptr_t *attr, char *const argv[],
                   char *const envp[]);
int q_posix_spawnattr_init(uintptr_t *a);
int q_posix_spawnattr_setflags(uintptr_t *a, short f);
int q_posix_spawnattr_setpgroup(uintptr_t *a, int pg);
int q_posix_spawnattr_destroy(uintptr_t *a);
int q_posix_spawn_file_actions_init(void **fa);
int q_posix_spawn_file_actions_destroy(void **fa);
int q_posix_spawn_file_actions_adddup2(void **fa, int fd, int newfd);
int q_posix_spawn_file_actions_addclose(void **fa, int fd);
int q_posix_spawn_file_actions_addopen(void **fa, int fd, const char *path, int oflag,
                                       unsigned mode);
int q_setenv(const char *name, const char *value, int overwrite);

/* ---- simulated kernel and taskman ---- */

/* Open descriptors: 0, 1, 2 on server 50; 4 close-on-exec on server 60. */
static const struct {
	int fd, pid, chid, scoid, flags;
} fds[] = {{0, 50, 1, 7, 0}, {1, 50, 1, 7, 0}, {2, 50, 1, 7, 0}, {4, 60, 2, 9, COF_CLOEXEC}};

int q_ConnectServerInfo_r(int pid, int coid, struct q_msg_info *info)
{
	(void)pid;
	for (size_t i = 0; i < sizeof(fds) / sizeof(fds[0]); i++)
		if (fds[i].fd >= coid) {
			if (info) {
				memset(info, 0, sizeof(*info));
				info->pid = fds[i].pid;
				info->chid = fds[i].chid;
				info->scoid = fds[i].scoid;
				info->coid = fds[i].fd;
				info->flags = (int16_t)fds[i].flags;
			}
			return fds[i].fd;
		}
	return (int)(SIDE | 1); /* then the side channels */
}

void q___qsoe_cwd_get(char *out)
{
	strcpy(out, "/work");
}

int q___qsoe_fdpath(int fd, char *out, size_t size)
{
	(void)fd, (void)out, (void)size;
	return -9;
}

int q_SchedGet_r(int pid, int tid, void *param)
{
	(void)pid, (void)tid, (void)param;
	return 2;
}

static char last[65536];
static size_t last_len;
static int requests;
static const char *found_at = "/bin/prog"; /* the one path taskman accepts */

long q___qsoe_tm(const void *req, size_t len, void *reply, size_t rlen)
{
	const struct q_spawn *h = req;
	requests++;
	if (len > sizeof(last))
		return -7;
	memcpy(last, req, len);
	last_len = len;
	if (h->hdr.type != TM_SPAWN || h->hdr.size != len)
		return -22;
	const char *path = (const char *)req + sizeof(*h);
	if (strcmp(path, found_at) != 0)
		return path[1] == 'n' ? -13 /* EACCES for /noperm */ : -2;
	if (reply && rlen >= 8)
		memset(reply, 0, 8);
	return 4242;
}

/* ---- decoding ---- */
/* The tables follow the strings unaligned (taskman copies them out): so do we. */
struct decoded {
	struct q_spawn h;
	const char *path, *argv, *envp, *cwd, *strs;
	struct q_fd fds[16];
	struct q_fileact acts[16];
};

static int decode(struct decoded *d)
{
	memcpy(&d->h, last, sizeof(d->h));
	const char *p = last + sizeof(d->h);
	d->path = p;
	p += d->h.path_len;
	d->argv = p;
	p += d->h.argv_len;
	d->envp = p;
	p += d->h.env_len;
	d->cwd = p;
	p += d->h.cwd_len;
	if (d->h.nfds > 16 || d->h.nacts > 16)
		return 0;
	memcpy(d->fds, p, d->h.nfds * sizeof(struct q_fd));
	p += d->h.nfds * sizeof(struct q_fd);
	memcpy(d->acts, p, d->h.nacts * sizeof(struct q_fileact));
	p += d->h.nacts * sizeof(struct q_fileact);
	d->strs = p;
	p += d->h.acts_len;
	return (size_t)(p - last) == last_len;
}

int main(void)
{
	struct decoded d;
	int pid = 0;
	char *argv[] = {"prog", "-x", "", NULL};
	char *envp[] = {"A=1", "B=two", NULL};

	CHECK(offsetof(struct q_proc, umask) == 172, "mirror of struct __qsoe_process");
	int e = q_posix_spawn(&pid, "/bin/prog", NULL, NULL, argv, envp);
	CHECK(e == 0 && pid == 4242, "posix_spawn returns taskman's pid (%d %d)", e, pid);
	CHECK(decode(&d), "the request's parts add up to its size");
	CHECK(strcmp(d.path, "/bin/prog") == 0 && d.h.path_len == 10, "path");
	CHECK(d.h.argc == 3 && d.h.argv_len == 9 && memcmp(d.argv, "prog\0-x\0\0", 9) == 0,
	      "argv strings back to back");
	CHECK(d.h.envc == 2 && d.h.env_len == 10 && memcmp(d.envp, "A=1\0B=two\0", 10) == 0,
	      "envp strings");
	CHECK(strcmp(d.cwd, "/work") == 0 && d.h.cwd_len == 6, "cwd (%s)", d.cwd);
	CHECK(d.h.umask == 022, "umask (%o)", d.h.umask);
	CHECK(d.h.nfds == 3, "three inherited descriptors, not the close-on-exec one (%u)",
	      d.h.nfds);
	int ok = 1;
	for (unsigned i = 0; i < d.h.nfds && i < 3; i++)
		ok &= d.fds[i].fd == (int)i && d.fds[i].parent_coid == (int)i &&
		      d.fds[i].server_pid == 50 && d.fds[i].server_chid == 1 &&
		      d.fds[i].parent_scoid == 7 && d.fds[i].flags == 0;
	CHECK(ok, "each descriptor names the parent's connection and its server");
	CHECK(d.h.nacts == 0 && d.h.acts_len == 0 && d.h.flags == 0, "no actions, no flags");

	/* relative program path, actions, attributes */
	void *fa;
	uintptr_t at;
	q_posix_spawn_file_actions_init(&fa);
	q_posix_spawn_file_actions_adddup2(&fa, 4, 0);
	q_posix_spawn_file_actions_addclose(&fa, 4);
	q_posix_spawn_file_actions_addopen(&fa, 5, "out.txt", 0x301, 0644);
	q_posix_spawnattr_init(&at);
	q_posix_spawnattr_setflags(&at, 0x0001 /* SETPGROUP */);
	q_posix_spawnattr_setpgroup(&at, 77);
	found_at = "/work/rel/prog";
	e = q_posix_spawn(&pid, "rel/./prog", &fa, &at, argv, envp);
	CHECK(e == 0, "a relative program path (%d)", e);
	CHECK(decode(&d), "sizes add up");
	CHECK(strcmp(d.path, "/work/rel/prog") == 0, "made absolute from the cwd (%s)", d.path);
	CHECK(d.h.nfds == 4, "the close-on-exec descriptor a dup2 needs is passed (%u)", d.h.nfds);
	ok = 0;
	for (unsigned i = 0; i < d.h.nfds; i++)
		if (d.fds[i].fd == 4 && d.fds[i].flags == 1 /* FD_CLOEXEC */ &&
		    d.fds[i].server_pid == 60 && d.fds[i].parent_scoid == 9)
			ok = 1;
	CHECK(ok, "... marked FD_CLOEXEC so the child closes it after the actions");
	CHECK(d.h.nacts == 3, "three actions (%u)", d.h.nacts);
	CHECK(d.acts[0].op == 3 && d.acts[0].srcfd == 4 && d.acts[0].fd == 0, "dup2 4 -> 0");
	CHECK(d.acts[1].op == 2 && d.acts[1].fd == 4, "close 4");
	CHECK(d.acts[2].op == 1 && d.acts[2].fd == 5 && d.acts[2].oflag == 0x301 &&
	              d.acts[2].mode == 0644 && strcmp(d.strs + d.acts[2].path_off, "out.txt") == 0,
	      "open out.txt on 5");
	CHECK(d.h.flags == 1 && d.h.pgroup == 77, "TM_SPAWN_SETPGROUP and the group");
	q_posix_spawn_file_actions_destroy(&fa);
	q_posix_spawnattr_destroy(&at);

	/* errors come back as error numbers */
	found_at = "/bin/prog";
	CHECK(q_posix_spawn(&pid, "/bin/none", NULL, NULL, argv, envp) == QE_NOENT, "ENOENT");
	CHECK(q_posix_spawn(&pid, "", NULL, NULL, argv, envp) == QE_NOENT, "an empty path");
	CHECK(q_posix_spawn(&pid, "/bin/prog", NULL, NULL, NULL, envp) == QE_INVAL, "no argv");

	/* posix_spawnp searches the caller's PATH in order */
	q_setenv("PATH", "/noperm:/nothere::/bin", 1);
	requests = 0;
	e = q_posix_spawnp(&pid, "prog", NULL, NULL, argv, envp);
	CHECK(e == 0 && requests == 4, "found in the 4th directory (%d after %d)", e, requests);
	CHECK(decode(&d) && strcmp(d.path, "/bin/prog") == 0, "as /bin/prog");
	requests = 0;
	e = q_posix_spawnp(&pid, "other", NULL, NULL, argv, envp);
	CHECK(e == 13 && requests == 4, "EACCES from one directory wins over ENOENT (%d)", e);
	requests = 0;
	e = q_posix_spawnp(&pid, "/bin/prog", NULL, NULL, argv, envp);
	CHECK(e == 0 && requests == 1, "a name with / is not searched");
	return qt_done("libc-os-spawn");
}
