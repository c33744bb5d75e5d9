/*
 * tmtest_proto - taskman's requests one by one, their error cases, and
 * malformed messages of every kind (short, oversized, garbage types,
 * inconsistent lengths): taskman answers each with an error and keeps
 * serving. Also the pathname space (attach, detach, links, unions,
 * opaque attaches, file types) and credentials.
 */
#include <errno.h>
#include "tmt.h"

static pid_t me;

/* Sends raw bytes to taskman. */
static long raw(const void *m, size_t n)
{
	static char reply[512];
	return MsgSend_r(SYSMGR_COID, m, n, reply, sizeof(reply));
}

static void malformed(void)
{
	char junk[64];
	struct tm_hdr h;

	memset(junk, 0, sizeof(junk));
	KT_EQ(raw(junk, 1), -EINVAL); /* not even a type */
	KT_EQ(raw(junk, 2), -ENOSYS); /* type 0 */
	junk[0] = (char)0xff;         /* TM type 0xff, no header */
	KT_EQ(raw(junk, 3), -EINVAL);
	KT_EQ(raw(junk, 8), -EINVAL); /* a header of size 0 */
	junk[4] = 8;
	KT_EQ(raw(junk, 8), -ENOSYS); /* unknown TM_* request */
	junk[0] = 0x34;
	junk[1] = 0x12;
	KT_EQ(raw(junk, 8), -ENOSYS); /* 0x1234: neither TM_* nor _IO_* */
	junk[0] = 0x01;
	junk[1] = 0x01; /* _IO_READ on SYSMGR_COID: not a file */
	KT_EQ(raw(junk, 16), -EBADF);
	junk[0] = 0x00; /* _IO_CONNECT shorter than its header */
	KT_EQ(raw(junk, 16), -EINVAL);

	h.type = TM_GETPGID;
	h.subtype = 0;
	h.size = 200; /* claims more than is sent */
	KT_EQ(raw(&h, sizeof(h)), -EINVAL);
	h.size = 4; /* shorter than a header */
	KT_EQ(raw(&h, sizeof(h)), -EINVAL);

	struct {
		struct tm_kill k;
		char extra[56];
	} big;
	memset(&big, 0, sizeof(big));
	big.k.hdr.type = TM_KILL;
	big.k.hdr.size = sizeof(big); /* oversized fixed-size request */
	KT_EQ(raw(&big, sizeof(big)), -EMSGSIZE);
	struct tm_wait w;
	memset(&w, 0, sizeof(w));
	w.hdr.type = TM_WAIT;
	w.hdr.size = 8; /* short */
	KT_EQ(raw(&w, sizeof(w)), -EINVAL);
	w.hdr.size = sizeof(w);
	w.idtype = 77;
	KT_EQ(raw(&w, sizeof(w)), -EINVAL);
	w.idtype = TM_P_ALL;
	w.options = 0x10000;
	KT_EQ(raw(&w, sizeof(w)), -EINVAL);
	w.options = 0;
	w.hdr.subtype = TM_WAIT_ID; /* waitid without an event */
	KT_EQ(raw(&w, sizeof(w)), -EINVAL);

	/* TM_SPAWN with inconsistent parts */
	static char sbuf[512];
	struct tm_spawn *s = (struct tm_spawn *)sbuf;
	memset(sbuf, 0, sizeof(sbuf));
	s->hdr.type = TM_SPAWN;
	s->hdr.size = sizeof(*s);
	KT_EQ(raw(s, sizeof(*s)), -EINVAL); /* no path */
	s->path_len = 2;
	s->cwd_len = 2;
	s->argv_len = 3u << 20;
	KT_EQ(raw(s, sizeof(*s)), -E2BIG);
	s->argv_len = 0;
	s->path_len = 5000;
	KT_EQ(raw(s, sizeof(*s)), -ENAMETOOLONG);
	s->path_len = 2;
	s->flags = 0x80000000u;
	KT_EQ(raw(s, sizeof(*s)), -EINVAL);
	s->flags = 0;
	memcpy(sbuf + sizeof(*s), "/\0x\0/", 6);
	s->argc = 2;
	s->argv_len = 2; /* two strings in two bytes: impossible */
	s->hdr.size = sizeof(*s) + 2 + 2 + 2;
	KT_EQ(raw(s, s->hdr.size), -EINVAL);
	s->hdr.size += 8; /* longer than the parts */
	KT_EQ(raw(s, s->hdr.size), -EMSGSIZE);

	/* TM_PATH_ATTACH with a path that is not terminated */
	static char abuf[64];
	struct tm_path_attach *a = (struct tm_path_attach *)abuf;
	memset(abuf, 'x', sizeof(abuf));
	a->hdr.type = TM_PATH_ATTACH;
	a->hdr.subtype = 0;
	a->chid = 1;
	a->flags = 0;
	a->file_type = 0;
	a->path_len = 4;
	a->hdr.size = sizeof(*a) + 4;
	KT_EQ(raw(a, a->hdr.size), -EINVAL);
	a->path_len = 4000;
	KT_EQ(raw(a, a->hdr.size), -ENAMETOOLONG);

	/* and taskman is still there */
	KT_EQ(tmt_pgid(TM_GETPGID, 0, 0), me);
}

static void requests(void)
{
	KT_EQ(tmt_pgid(TM_GETPGID, 0, 0), me); /* started by taskman: own group, */
	KT_EQ(tmt_pgid(TM_GETSID, 0, 0), me);  /* own session */
	KT_EQ(tmt_pgid(TM_GETPGID, 99999, 0), -ESRCH);
	KT_EQ(tmt_pgid(TM_GETSID, -5, 0), -ESRCH);
	KT_EQ(tmt_pgid(TM_GETPGID, SYSMGR_PID, 0), SYSMGR_PID);
	KT_EQ(tmt_pgid(TM_SETPGID, 0, 0), -EPERM); /* a session leader */
	KT_EQ(tmt_pgid(TM_SETPGID, 0, -3), -EINVAL);
	KT_EQ(tmt_pgid(TM_SETPGID, SYSMGR_PID, 0), -ESRCH); /* not a child */
	KT_EQ(tmt_simple(TM_SETSID, 0), -EPERM);            /* already a group leader */

	KT_EQ(tmt_kill(me, 0), 0);
	KT_EQ(tmt_kill(me, -1), -EINVAL);
	KT_EQ(tmt_kill(me, 65), -EINVAL);
	KT_EQ(tmt_kill(SYSMGR_PID, 0), -EPERM);
	KT_EQ(tmt_kill(99999, 0), -ESRCH);
	KT_EQ(tmt_kill(-99999, 0), -ESRCH);
	KT_EQ(tmt_kill(0, 0), 0); /* own group */

	KT_EQ(tmt_simple(TM_DAEMON, 0), -EINVAL); /* a header only: too short */
	struct tm_daemon d = {.hdr = {TM_DAEMON, 0, sizeof(d)}, .status = 0};
	KT_EQ(tmt_send(&d, sizeof(d), NULL, 0), 0); /* nobody holds a spawn: fine */
	d.hdr.type = TM_STARTED;
	KT_EQ(tmt_send(&d, sizeof(d), NULL, 0), 0);
	d.status = -4;
	KT_EQ(tmt_send(&d, sizeof(d), NULL, 0), -EINVAL);

	struct tm_shutdown sd = {.hdr = {TM_SHUTDOWN, 0, sizeof(sd)}, .how = 9};
	KT_EQ(tmt_send(&sd, sizeof(sd), NULL, 0), -EINVAL);

	/* the process list */
	static struct tm_procent ents[64];
	struct tm_proclist q = {.hdr = {TM_PROCLIST, 0, sizeof(q)}, .from = 0};
	long total = tmt_send(&q, sizeof(q), ents, sizeof(ents));
	KT_CHECK(total >= 2);
	int seen_self = 0, seen_tm = 0;
	for (long i = 0; i < total && i < 64; i++) {
		if (ents[i].pid == me && strcmp(ents[i].name, "tmtest_proto") == 0 &&
		    ents[i].nthreads == 1 && ents[i].mem_bytes > 0)
			seen_self = 1;
		if (ents[i].pid == SYSMGR_PID && strcmp(ents[i].name, "taskman") == 0)
			seen_tm = 1;
		if (i > 0)
			KT_CHECK(ents[i].pid > ents[i - 1].pid);
	}
	KT_CHECK(seen_self);
	KT_CHECK(seen_tm);
	KT_EQ(tmt_send(&q, sizeof(q), ents, sizeof(ents[0])), total); /* one fits, total told */
	KT_EQ(ents[0].pid, SYSMGR_PID);
	q.from = me;
	KT_CHECK(tmt_send(&q, sizeof(q), ents, sizeof(ents)) >= 1 && ents[0].pid == me);
}

static void creds(void)
{
	struct tm_cred c;

	KT_EQ(tmt_cred(TM_CRED_GET, 0, 0, 0, &c), 0);
	KT_CHECK(c.ruid == 0 && c.euid == 0 && c.suid == 0 && c.egid == 0);
	memset(&c, 0, sizeof(c));
	c.ngroups = 3;
	c.groups[0] = 5;
	c.groups[1] = 6;
	c.groups[2] = 7;
	KT_EQ(tmt_cred(TM_CRED_SETGROUPS, 0, 0, 0, &c), 0);
	KT_EQ(tmt_cred(TM_CRED_GET, 0, 0, 0, &c), 0);
	KT_CHECK(c.ngroups == 3 && c.groups[2] == 7);
	c.ngroups = TM_NGROUPS_MAX + 1;
	KT_EQ(tmt_cred(TM_CRED_SETGROUPS, 0, 0, 0, &c), -EINVAL);
	KT_EQ(tmt_cred(TM_CRED_SETEUID, -1, 100, -1, NULL), 0); /* root: anything */
	KT_EQ(tmt_cred(TM_CRED_GET, 0, 0, 0, &c), 0);
	KT_CHECK(c.ruid == 0 && c.euid == 100 && c.suid == 0);
	KT_EQ(tmt_cred(TM_CRED_SETEUID, -1, 200, -1, NULL), -EPERM); /* not held */
	KT_EQ(tmt_cred(TM_CRED_SETGID, 9, -1, -1, NULL), -EPERM);
	KT_EQ(tmt_cred(TM_CRED_SETUID, 0, -1, -1, NULL), 0); /* back: 0 is the real uid */
	KT_EQ(tmt_cred(TM_CRED_GET, 0, 0, 0, &c), 0);
	KT_CHECK(c.euid == 0 && c.ruid == 0);
	KT_EQ(tmt_cred(TM_CRED_SETREUID, 50, 60, -1, NULL), 0);
	KT_EQ(tmt_cred(TM_CRED_GET, 0, 0, 0, &c), 0);
	KT_CHECK(c.ruid == 50 && c.euid == 60 && c.suid == 60); /* saved follows */
	KT_EQ(tmt_cred(TM_CRED_SETREUID, 60, 50, -1, NULL), 0); /* swap: allowed */
	KT_EQ(tmt_cred(TM_CRED_SETRESUID, 0, -1, -1, NULL), -EPERM);
	KT_EQ(tmt_cred(TM_CRED_SETRESUID, 0, 0, 0, NULL), -EPERM);
	KT_EQ(tmt_cred(TM_CRED_SETEUID, -1, 60, -1, NULL), 0);
	KT_EQ(tmt_cred(TM_CRED_SETUID, -2, -1, -1, NULL), -EINVAL);
	KT_EQ(tmt_cred(99, 0, 0, 0, NULL), -EINVAL);
	/* this process stays unprivileged now; the child checks the rest as uid 1000 */
	KT_EQ(tmt_cred(TM_CRED_GET, 0, 0, 0, &c), 0);
	KT_CHECK(c.euid == 60);
}

static void paths(void)
{
	struct _io_connect_entry e[16];
	char res[1100];
	int chid = ChannelCreate_r(0);

	KT_CHECK(chid > 0);
	long a = tmt_attach("/tmt/a", chid, 11, TM_PATH_DIR, 0);
	long b = tmt_attach("/tmt/a", chid, 12, TM_PATH_DIR | TM_PATH_AFTER, 0);
	long c = tmt_attach("/tmt/a", chid, 13, TM_PATH_DIR | TM_PATH_BEFORE, 0);
	long f = tmt_attach("/tmt//./file/", chid, 14, 0, 0);
	KT_CHECK(a > 0 && b > 0 && c > 0 && f > 0);
	long n = tmt_resolve("/tmt/a/b/../c", _FTYPE_ANY, e, 16, res, sizeof(res));
	KT_EQ(n, 4); /* BEFORE, plain, AFTER at /tmt/a, then "/" */
	KT_CHECK(strcmp(res, "/tmt/a/c") == 0);
	KT_CHECK(e[0].handle == 13 && e[1].handle == 11 && e[2].handle == 12);
	KT_CHECK(e[0].pid == me && e[0].chid == chid && e[0].prefix_len == 6);
	KT_CHECK(e[3].pid == SYSMGR_PID && e[3].prefix_len == 1);
	KT_EQ(tmt_resolve("/tmt/file", _FTYPE_ANY, e, 16, res, sizeof(res)), 2);
	KT_EQ(e[0].handle, 14);
	n = tmt_resolve("/tmt/file/x", _FTYPE_ANY, e, 16, res, sizeof(res));
	KT_CHECK(n == 1 && e[0].pid == SYSMGR_PID); /* a file attach owns only itself */
	KT_EQ(tmt_resolve("/tmt/a", _FTYPE_ANY, e, 1, res, sizeof(res)), 4);

	long o = tmt_attach("/tmt/a/opaque", chid, 15, TM_PATH_DIR | TM_PATH_OPAQUE, 0);
	KT_CHECK(o > 0);
	n = tmt_resolve("/tmt/a/opaque/x", _FTYPE_ANY, e, 16, res, sizeof(res));
	KT_CHECK(n == 1 && e[0].handle == 15);

	long t = tmt_attach("/dev/name/local/tmtest", chid, 16, 0, _FTYPE_NAME);
	KT_CHECK(t > 0);
	n = tmt_resolve("/dev/name/local/tmtest", _FTYPE_NAME, e, 16, res, sizeof(res));
	KT_CHECK(n >= 1 && e[0].handle == 16);
	n = tmt_resolve("/dev/name/local/tmtest", _FTYPE_SHMEM, e, 16, res, sizeof(res));
	KT_CHECK(n >= 1 && e[0].handle != 16);

	/* path-manager links */
	KT_EQ(tmt_link("/tmt/l", "/tmt/a"), 0);
	KT_EQ(tmt_link("/tmt/l", "/tmt/a"), -EEXIST);
	n = tmt_resolve("/tmt/l/z", _FTYPE_ANY, e, 16, res, sizeof(res));
	KT_CHECK(n == 4 && strcmp(res, "/tmt/a/z") == 0 && e[0].handle == 13);
	KT_EQ(tmt_link("/tmt/rel", "a"), 0); /* relative to /tmt */
	n = tmt_resolve("/tmt/rel", _FTYPE_ANY, e, 16, res, sizeof(res));
	KT_CHECK(n == 4 && strcmp(res, "/tmt/a") == 0);
	KT_EQ(tmt_link("/tmt/x1", "/tmt/x2/y"), 0);
	KT_EQ(tmt_link("/tmt/x2", "/tmt/x1"), 0);
	KT_EQ(tmt_resolve("/tmt/x1", _FTYPE_ANY, e, 16, res, sizeof(res)), -ELOOP);
	KT_EQ(tmt_unlink_link("/tmt/x1"), 0);
	KT_EQ(tmt_unlink_link("/tmt/x2"), 0);
	KT_EQ(tmt_unlink_link("/tmt/x2"), -ENOENT);
	KT_EQ(tmt_unlink_link("/tmt/rel"), 0);
	KT_EQ(tmt_unlink_link("/tmt/l"), 0);

	KT_EQ(tmt_resolve("relative", _FTYPE_ANY, e, 16, res, sizeof(res)), -EINVAL);
	KT_EQ(tmt_resolve("", _FTYPE_ANY, e, 16, res, sizeof(res)), -ENOENT);
	KT_EQ(tmt_attach("relative", chid, 1, 0, 0), -EINVAL);
	KT_EQ(tmt_attach("/tmt/q", 0, 1, 0, 0), -EINVAL);
	KT_EQ(tmt_attach("/tmt/q", chid, 1, TM_PATH_BEFORE | TM_PATH_AFTER, 0), -EINVAL);

	KT_EQ(tmt_detach((int)b), 0);
	KT_EQ(tmt_detach((int)b), -ENOENT);
	KT_EQ(tmt_detach(1), -EPERM); /* taskman's own "/" */
	n = tmt_resolve("/tmt/a/c", _FTYPE_ANY, e, 16, res, sizeof(res));
	KT_EQ(n, 3);
	KT_EQ(tmt_detach((int)a), 0);
	KT_EQ(tmt_detach((int)c), 0);
	KT_EQ(tmt_detach((int)o), 0);
	KT_EQ(tmt_detach((int)f), 0);
	KT_EQ(tmt_detach((int)t), 0);
	n = tmt_resolve("/tmt/a/c", _FTYPE_ANY, e, 16, res, sizeof(res));
	KT_CHECK(n == 1 && e[0].pid == SYSMGR_PID);

	/* a process's attaches go with it */
	long pid = tmt_spawnl("/tmtest_child", 0, "tmtest_child", "attach", "/tmt/gone", NULL);
	KT_CHECK(pid > 0);
	KT_EQ(tmt_waitpid((pid_t)pid), 0);
	n = tmt_resolve("/tmt/gone/x", _FTYPE_ANY, e, 16, res, sizeof(res));
	KT_CHECK(n == 1 && e[0].pid == SYSMGR_PID);
}

int kt_main(int argc, char **argv)
{
	me = getpid_kt();
	malformed();
	requests();
	paths();
	char mine[16];
	tmt_ltoa(me, mine);
	long pid = tmt_spawnl("/tmtest_child", 0, "tmtest_child", "creddrop", mine, NULL);
	KT_CHECK(pid > 0);
	KT_EQ(tmt_waitpid((pid_t)pid), 0);
	creds();
	malformed(); /* once more: nothing above broke taskman */
	kt_printf("tmtest_proto: %d failure(s)\n", kt_failures);
	return kt_failures ? 1 : 0;
}
