/*
 * tmtest_child - the helper process of the taskman tests. argv[1] picks a
 * role; the exit status reports the outcome (0 = as expected, other
 * values as each role says).
 *   exit N            exit with status N
 *   sleep MS          sleep, then exit 0
 *   forever           block until killed
 *   daemon MS [ST]    sleep MS, send TM_DAEMON(ST), sleep 50 ms, exit 0
 *   daemonwait P C    send one byte to channel C of process P; when answered,
 *                     send TM_DAEMON(0) and exit 0
 *   started ST        send TM_STARTED(ST), exit 0
 *   orphan            spawn "sleep 400" (held), TM_DAEMON(its pid), exit 0
 *   pgrp              setpgid(0,0) works, then setsid() fails with EPERM
 *   setsid            setsid() gives the own pid, a second one EPERM
 *   creddrop PPID     as uid 1000: setuid/setgroups/kill/attach/shutdown refused
 *   argcheck ...      argv is "argcheck /tmscript_ok x y" after the interpreter
 *   args N            argv has N arguments after "args N", each "aaa...a" (500 bytes)
 *   attach PATH       attach PATH to a channel and exit (the attach must vanish)
 *   hammer N          N rounds of TM_PROCLIST, resolution and /proc reads
 *   dupread PID COID  take over PID's descriptor COID (_IO_DUP), read "OE\n"
 *   shmcheck          map /dev/shmem/tmt1, check word 0 is 0x5a5a, store 0xa5a5
 *   argv2is           (as a "#!" interpreter) argv[2], the script, equals argv[3]
 *   spawnerr UID PATH E  as uid UID (0: unchanged) spawn PATH "exit 0": the result
 *                     must be -E (E 0: success, and the child exits 0)
 */
#include <errno.h>
#include <sys/wait.h>
#include "tmt.h"

static int daemon_req(unsigned type, int status)
{
	struct tm_daemon d = {.hdr = {(uint16_t)type, 0, sizeof(d)}, .status = status};
	return (int)tmt_send(&d, sizeof(d), NULL, 0);
}

static int role_creddrop(pid_t parent)
{
	struct tm_cred c;
	int bad = 0;

	bad |= tmt_cred(TM_CRED_SETRESGID, 1000, 1000, 1000, NULL) != 0;
	bad |= tmt_cred(TM_CRED_SETRESUID, 1000, 1000, 1000, NULL) != 0;
	bad |= tmt_cred(TM_CRED_GET, 0, 0, 0, &c) != 0 || c.ruid != 1000 || c.euid != 1000 ||
	       c.suid != 1000 || c.egid != 1000;
	bad |= tmt_cred(TM_CRED_SETUID, 0, -1, -1, NULL) != -EPERM;
	bad |= tmt_cred(TM_CRED_SETEUID, -1, 0, -1, NULL) != -EPERM;
	bad |= tmt_cred(TM_CRED_SETUID, 1000, -1, -1, NULL) != 0;
	memset(&c, 0, sizeof(c));
	c.ngroups = 1;
	bad |= tmt_cred(TM_CRED_SETGROUPS, 0, 0, 0, &c) != -EPERM;
	bad |= tmt_kill(parent, 0) != -EPERM;
	bad |= tmt_kill(getpid_kt(), 0) != 0;
	bad |= tmt_attach("/tmt/notroot", 1, 0, 0, 0) != -EPERM;
	bad |= tmt_link("/tmt/notroot", "/") != -EPERM;
	struct tm_shutdown s = {.hdr = {TM_SHUTDOWN, 0, sizeof(s)}, .how = TM_SHUTDOWN_POWEROFF};
	bad |= tmt_send(&s, sizeof(s), NULL, 0) != -EPERM;
	int chid = ChannelCreate_r(0);
	long id = tmt_attach("/dev/name/local/tmt_user", chid, 0, 0, _FTYPE_NAME);
	bad |= id <= 0;
	bad |= tmt_set_ctty("/dev/null") != -EPERM; /* not a session leader */
	return bad ? 1 : 0;
}

static int role_hammer(int n)
{
	struct tm_proclist q = {.hdr = {TM_PROCLIST, 0, sizeof(q)}, .from = 0};
	static struct tm_procent ents[32];
	struct _io_connect_entry e[4];
	char path[256];
	static char text[4096];

	for (int i = 0; i < n; i++) {
		if (tmt_send(&q, sizeof(q), ents, sizeof(ents)) < 2)
			return 2;
		if (tmt_resolve("/proc/self/status", _FTYPE_ANY, e, 4, path, sizeof(path)) < 1)
			return 3;
		if (tmt_slurp("/proc/self/status", text, sizeof(text)) <= 0)
			return 4;
	}
	return 0;
}

static int role_dupread(pid_t owner, int coid)
{
	struct _io_dup d;
	char buf[16];

	int fd = ConnectAttach_r(0, SYSMGR_PID, SYSMGR_CHID, 0, 0);
	if (fd < 0)
		return 2;
	memset(&d, 0, sizeof(d));
	d.type = _IO_DUP;
	d.combine_len = sizeof(d);
	d.info.pid = owner;
	d.info.coid = coid;
	if (MsgSend_r(fd, &d, sizeof(d), NULL, 0) != 0)
		return 3;
	long n = tmt_read(fd, buf, sizeof(buf) - 1);
	if (n != 3)
		return 4;
	buf[n] = 0;
	return strcmp(buf, "OE\n") == 0 ? 0 : 5; /* "QSOE\n" after the parent's "QS" */
}

static int role_shmcheck(void)
{
	long fd = tmt_open("/dev/shmem/tmt1", _IO_FLAG_RD | _IO_FLAG_WR, 0);
	if (fd < 0)
		return 2;
	struct tm_mmap q;
	struct tm_mmap_reply r;
	memset(&q, 0, sizeof(q));
	q.type = _IO_MMAP;
	q.combine_len = sizeof(q);
	q.prot = PROT_READ | PROT_WRITE;
	q.len = 8192;
	q.flags = MAP_SHARED;
	if (MsgSend_r((int)fd, &q, sizeof(q), &r, sizeof(r)) != 0)
		return 3;
	volatile uint32_t *w = (volatile uint32_t *)(uintptr_t)r.addr;
	if (w[1024] != 0x5a5a)
		return 4;
	w[1024] = 0xa5a5;
	tmt_close((int)fd);
	return 0;
}

static int role_spawnerr(int uid, const char *path, int err)
{
	if (uid && (tmt_cred(TM_CRED_SETRESGID, uid, uid, uid, NULL) != 0 ||
	            tmt_cred(TM_CRED_SETRESUID, uid, uid, uid, NULL) != 0))
		return 1;
	long pid = tmt_spawnl(path, 0, "x", "exit", "0", NULL);
	if (err)
		return pid == -err ? 0 : 2;
	if (pid <= 0)
		return 3;
	return tmt_waitpid((pid_t)pid) == 0 ? 0 : 4;
}

int kt_main(int argc, char **argv)
{
	const char *role = argc > 1 ? argv[1] : "";
	long a = argc > 2 ? tmt_atol(argv[2]) : 0;

	if (strcmp(role, "exit") == 0)
		return (int)a;
	if (strcmp(role, "sleep") == 0) {
		tmt_sleep_ms((unsigned)a);
		return 0;
	}
	if (strcmp(role, "forever") == 0) {
		for (;;)
			tmt_sleep_ms(1000);
	}
	if (strcmp(role, "daemon") == 0) {
		tmt_sleep_ms((unsigned)a);
		daemon_req(TM_DAEMON, argc > 3 ? (int)tmt_atol(argv[3]) : 0);
		tmt_sleep_ms(50);
		return 0;
	}
	if (strcmp(role, "daemonwait") == 0) {
		int coid =
		        ConnectAttach_r(0, (pid_t)a, (int)tmt_atol(argv[3]), _NTO_SIDE_CHANNEL, 0);
		if (coid < 0 || MsgSend_r(coid, "x", 1, NULL, 0) != 0)
			return 1;
		return daemon_req(TM_DAEMON, 0) == 0 ? 0 : 2;
	}
	if (strcmp(role, "started") == 0)
		return daemon_req(TM_STARTED, (int)a) == 0 ? 0 : 1;
	if (strcmp(role, "orphan") == 0) {
		long gc = tmt_spawnl("/tmtest_child", 0, "tmtest_child", "sleep", "400", NULL);
		daemon_req(TM_DAEMON, gc > 0 ? (int)gc : 0);
		return gc > 0 ? 0 : 1;
	}
	if (strcmp(role, "pgrp") == 0) {
		pid_t me = getpid_kt();
		if (tmt_pgid(TM_SETPGID, 0, 0) != 0 || tmt_pgid(TM_GETPGID, 0, 0) != me)
			return 1;
		return tmt_simple(TM_SETSID, 0) == -EPERM ? 0 : 2;
	}
	if (strcmp(role, "setsid") == 0) {
		pid_t me = getpid_kt();
		if (tmt_simple(TM_SETSID, 0) != me || tmt_pgid(TM_GETSID, 0, 0) != me ||
		    tmt_pgid(TM_GETPGID, 0, 0) != me)
			return 1;
		return tmt_simple(TM_SETSID, 0) == -EPERM ? 0 : 2;
	}
	if (strcmp(role, "creddrop") == 0)
		return role_creddrop((pid_t)a);
	if (strcmp(argv[0], "/tmtest_child") == 0 && strcmp(role, "argcheck") == 0)
		return argc == 5 && strcmp(argv[2], "/tmscript_ok") == 0 &&
		                       strcmp(argv[3], "x") == 0 && strcmp(argv[4], "y") == 0
		               ? 0
		               : 3;
	if (strcmp(role, "args") == 0) {
		if (argc != a + 3)
			return 1;
		for (int i = 3; i < argc; i++)
			if (strlen(argv[i]) != 500 || argv[i][0] != 'a' || argv[i][499] != 'a')
				return 2;
		return 0;
	}
	if (strcmp(role, "attach") == 0) {
		int chid = ChannelCreate_r(0);
		return tmt_attach(argv[2], chid, 7, TM_PATH_DIR, 0) > 0 ? 0 : 1;
	}
	if (strcmp(role, "hammer") == 0)
		return role_hammer((int)a);
	if (strcmp(role, "dupread") == 0)
		return role_dupread((pid_t)a, (int)tmt_atol(argv[3]));
	if (strcmp(role, "shmcheck") == 0)
		return role_shmcheck();
	if (strcmp(role, "argv2is") == 0)
		return argc >= 4 && strcmp(argv[2], argv[3]) == 0 ? 0 : 3;
	if (strcmp(role, "spawnerr") == 0 && argc == 5)
		return role_spawnerr((int)a, argv[3], (int)tmt_atol(argv[4]));
	kt_printf("tmtest_child: unknown role %s\n", role);
	return 99;
}
