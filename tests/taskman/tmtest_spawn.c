/*
 * tmtest_spawn - spawning and waiting: exit statuses, ECHILD, WNOHANG,
 * WNOWAIT, zombies, orphans, process groups and sessions, kill, held
 * spawns (TM_SPAWN_HOLD / TM_DAEMON, TM_STARTED), no-zombie children,
 * "#!" scripts, PATH search, large argument lists, and every malformed
 * image in the boot archive giving ENOEXEC while taskman goes on.
 */
#include <errno.h>
#include <sys/wait.h>
#include "tmt.h"

#define CHILD "/tmtest_child"

static pid_t me;

static uint64_t now_ms(void)
{
	uint64_t t = 0;
	ClockTime_r(CLOCK_MONOTONIC, NULL, &t);
	return t / 1000000;
}

static long child(const char *role, const char *arg, unsigned flags)
{
	return tmt_spawnl(CHILD, flags, "tmtest_child", role, arg, NULL);
}

/* A process's entry in the process list (state 0 running, 1 zombie); 0 or -ESRCH. */
static int find_proc(pid_t pid, struct tm_procent *out)
{
	static struct tm_procent ents[128];
	struct tm_proclist q = {.hdr = {TM_PROCLIST, 0, sizeof(q)}, .from = pid};
	long n = tmt_send(&q, sizeof(q), ents, sizeof(ents));
	if (n < 1 || ents[0].pid != pid)
		return -ESRCH;
	*out = ents[0];
	return 0;
}

static void bad_images(void)
{
	static const char *const bad[] = {
	        "/tmbad_trunc",    "/tmbad_phdr",  "/tmbad_dyn",     "/tmbad_reloc",
	        "/tmbad_relocoff", "/tmbad_sym",   "/tmbad_hash",    "/tmbad_text",
	        "/tmbad_needlib",  "/tmbad_nolib", "/tmbad_shebang",
	};
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		long r = tmt_spawnl(bad[i], 0, bad[i], NULL);
		if (r != -ENOEXEC)
			kt_printf("tmtest_spawn: FAIL %s gave %ld, not ENOEXEC\n", bad[i], r);
		KT_EQ(r, -ENOEXEC);
	}
	KT_EQ(tmt_spawnl("/nonexistent", 0, "x", NULL), -ENOENT);
	KT_EQ(tmt_spawnl("/lib", 0, "x", NULL), -EISDIR);
	KT_EQ(tmt_spawnl("/tmtest_child/x", 0, "x", NULL), -ENOTDIR);
	KT_EQ(tmt_spawnl("/tmscript_noint", 0, "x", NULL), -ENOENT); /* its interpreter */
	/* taskman goes on */
	long pid = child("exit", "0", 0);
	KT_CHECK(pid > 0);
	KT_EQ(tmt_waitpid((pid_t)pid), 0);
}

static void waits(void)
{
	struct tm_wait_reply r;

	KT_EQ(tmt_wait(TM_WAIT_PID, TM_P_ALL, 0, 0, &r), -ECHILD);
	KT_EQ(tmt_wait(TM_WAIT_PID, TM_P_PID, SYSMGR_PID, 0, &r), -ECHILD);
	long pid = child("exit", "7", 0);
	KT_CHECK(pid > 0);
	KT_EQ(tmt_wait(TM_WAIT_PID, TM_P_PID, (int)pid, 0, &r), pid);
	KT_CHECK(WIFEXITED(r.status) && WEXITSTATUS(r.status) == 7);
	KT_CHECK(r.cld_code == CLD_EXITED && r.cld_status == 7 && r.pid == pid);

	pid = child("sleep", "300", 0);
	KT_EQ(tmt_wait(TM_WAIT_PID, TM_P_ALL, 0, WNOHANG, &r), 0);
	KT_EQ(tmt_wait(TM_WAIT_PID, TM_P_ALL, 0, 0, &r), pid);

	/* a zombie stays until waited for; WNOWAIT leaves it */
	pid = child("exit", "3", 0);
	tmt_sleep_ms(200);
	struct tm_procent e;
	KT_CHECK(find_proc((pid_t)pid, &e) == 0 && e.state == 1);
	KT_EQ(tmt_wait(TM_WAIT_ID, TM_P_PID, (int)pid, WEXITED | WNOWAIT, &r), pid);
	KT_EQ(r.cld_status, 3);
	KT_EQ(tmt_wait(TM_WAIT_PID, TM_P_ALL, 0, WNOHANG, &r), pid);
	KT_EQ(WEXITSTATUS(r.status), 3);
	KT_EQ(find_proc((pid_t)pid, &e), -ESRCH);
	KT_EQ(tmt_pgid(TM_GETPGID, (pid_t)pid, 0), -ESRCH);

	/* waitid without WEXITED does not see exits */
	pid = child("exit", "1", 0);
	tmt_sleep_ms(100);
	KT_EQ(tmt_wait(TM_WAIT_ID, TM_P_ALL, 0, WCONTINUED | WNOHANG, &r), 0);
	KT_EQ(tmt_waitpid((pid_t)pid), 1 << 8);

	/* an interrupted wait (here: a timeout) ends with EINTR and consumes nothing */
	pid = child("sleep", "400", 0);
	uint64_t ns = 100 * 1000000ULL;
	TimerTimeout_r(CLOCK_MONOTONIC, _NTO_TIMEOUT_SEND | _NTO_TIMEOUT_REPLY, NULL, &ns, NULL);
	KT_EQ(tmt_wait(TM_WAIT_PID, TM_P_ALL, 0, 0, &r), -EINTR);
	KT_EQ(tmt_wait(TM_WAIT_PID, TM_P_ALL, 0, 0, &r), pid);

	/* a child nobody waits for: no zombie; a waiting parent then has none */
	pid = child("sleep", "100", TM_SPAWN_NOZOMBIE);
	KT_CHECK(pid > 0);
	KT_EQ(tmt_wait(TM_WAIT_PID, TM_P_ALL, 0, 0, &r), -ECHILD);
}

static void groups(void)
{
	struct tm_wait_reply r;

	KT_EQ(tmt_pgid(TM_GETSID, 0, 0), me);
	long a = tmt_spawn(CHILD, (char *[]){"tmtest_child", "sleep", "300", NULL},
	                   TM_SPAWN_SETPGROUP, 0, NULL);
	KT_CHECK(a > 0);
	KT_EQ(tmt_pgid(TM_GETPGID, (pid_t)a, 0), a);
	KT_EQ(tmt_pgid(TM_GETSID, (pid_t)a, 0), me);
	long b = tmt_spawn(CHILD, (char *[]){"tmtest_child", "exit", "4", NULL}, TM_SPAWN_SETPGROUP,
	                   (pid_t)a, NULL);
	KT_CHECK(b > 0);
	KT_EQ(tmt_spawn(CHILD, (char *[]){"tmtest_child", NULL}, TM_SPAWN_SETPGROUP, 99999, NULL),
	      -EPERM);
	KT_EQ(tmt_pgid(TM_SETPGID, (pid_t)a, (pid_t)a), -EACCES);         /* it has executed */
	KT_EQ(tmt_pgid(TM_SETPGID, 0, (pid_t)a), -EPERM);                 /* a session leader */
	KT_EQ(tmt_wait(TM_WAIT_PID, TM_P_PGID, (int)a, 0, &r), b);        /* the group's exit */
	KT_EQ(tmt_wait(TM_WAIT_PID, TM_P_PGID, 0, WNOHANG, &r), -ECHILD); /* none in mine */
	KT_EQ(tmt_wait(TM_WAIT_PID, TM_P_PGID, (int)a, 0, &r), a);

	long c = child("pgrp", NULL, 0);
	KT_EQ(tmt_waitpid((pid_t)c), 0);
	c = child("setsid", NULL, 0);
	KT_EQ(tmt_waitpid((pid_t)c), 0);
	c = tmt_spawn(CHILD, (char *[]){"tmtest_child", "sleep", "10", NULL}, TM_SPAWN_SETSID, 0,
	              NULL);
	KT_EQ(tmt_pgid(TM_GETSID, (pid_t)c, 0), c);
	KT_EQ(tmt_waitpid((pid_t)c), 0);
}

static void kills(void)
{
	struct tm_wait_reply r;

	long pid = child("forever", NULL, 0);
	KT_EQ(tmt_kill((pid_t)pid, SIGKILL), 0);
	KT_EQ(tmt_wait(TM_WAIT_PID, TM_P_PID, (int)pid, 0, &r), pid);
	KT_CHECK(WIFSIGNALED(r.status) && WTERMSIG(r.status) == SIGKILL);
	KT_CHECK(r.cld_code == CLD_KILLED && r.cld_status == SIGKILL);
	pid = child("forever", NULL, 0);
	KT_EQ(tmt_kill((pid_t)pid, SIGTERM), 0);
	KT_EQ(tmt_waitpid((pid_t)pid), SIGTERM);

	/* a whole group */
	long a = tmt_spawn(CHILD, (char *[]){"tmtest_child", "forever", NULL}, TM_SPAWN_SETPGROUP,
	                   0, NULL);
	long b = tmt_spawn(CHILD, (char *[]){"tmtest_child", "forever", NULL}, TM_SPAWN_SETPGROUP,
	                   (pid_t)a, NULL);
	KT_EQ(tmt_kill(-(pid_t)a, SIGKILL), 0);
	KT_EQ(tmt_waitpid((pid_t)a), SIGKILL);
	KT_EQ(tmt_waitpid((pid_t)b), SIGKILL);

	/* job control, where the kernel does it */
	pid = child("forever", NULL, 0);
	long s = tmt_kill((pid_t)pid, SIGSTOP);
	if (s == -ENOSYS) {
		kt_printf(
		        "tmtest_spawn: this kernel cannot stop processes; stop/continue skipped\n");
	} else {
		KT_EQ(s, 0);
		KT_EQ(tmt_wait(TM_WAIT_PID, TM_P_PID, (int)pid, WUNTRACED, &r), pid);
		KT_CHECK(WIFSTOPPED(r.status) && WSTOPSIG(r.status) == SIGSTOP);
		KT_EQ(r.cld_code, CLD_STOPPED);
		KT_EQ(tmt_wait(TM_WAIT_PID, TM_P_PID, (int)pid, WUNTRACED | WNOHANG, &r), 0);
		KT_EQ(tmt_kill((pid_t)pid, SIGCONT), 0);
		KT_EQ(tmt_wait(TM_WAIT_ID, TM_P_PID, (int)pid, WCONTINUED, &r), pid);
		KT_CHECK(WIFCONTINUED(r.status) && r.cld_code == CLD_CONTINUED);
	}
	KT_EQ(tmt_kill((pid_t)pid, SIGKILL), 0);
	KT_EQ(tmt_waitpid((pid_t)pid), SIGKILL);
}

static void holds(void)
{
	struct tm_spawn_reply rep;
	struct tm_procent e;

	uint64_t t0 = now_ms();
	long pid = tmt_spawn(CHILD, (char *[]){"tmtest_child", "daemon", "300", NULL},
	                     TM_SPAWN_HOLD, 0, &rep);
	uint64_t dt = now_ms() - t0;
	KT_CHECK(pid > 0 && rep.pid == pid && rep.status == 0);
	KT_CHECK(dt >= 250); /* answered only at TM_DAEMON */
	KT_EQ(tmt_waitpid((pid_t)pid), 0);
	pid = tmt_spawn(CHILD, (char *[]){"tmtest_child", "daemon", "10", "42", NULL},
	                TM_SPAWN_HOLD, 0, &rep);
	KT_CHECK(pid > 0 && rep.status == 42);
	KT_EQ(tmt_waitpid((pid_t)pid), 0);
	pid = tmt_spawn(CHILD, (char *[]){"tmtest_child", "exit", "5", NULL}, TM_SPAWN_HOLD, 0,
	                &rep);
	KT_CHECK(pid > 0 && rep.status == -1); /* ended before TM_DAEMON */
	KT_EQ(tmt_waitpid((pid_t)pid), 5 << 8);

	/* orphans go to init (taskman here: no init was started) */
	pid = tmt_spawn(CHILD, (char *[]){"tmtest_child", "orphan", NULL}, TM_SPAWN_HOLD, 0, &rep);
	KT_CHECK(pid > 0 && rep.status > 0);
	pid_t gc = (pid_t)rep.status;
	KT_EQ(tmt_waitpid((pid_t)pid), 0);
	KT_CHECK(find_proc(gc, &e) == 0 && e.ppid == SYSMGR_PID);
	KT_EQ(tmt_kill(gc, SIGKILL), 0);
	tmt_sleep_ms(100);
	KT_EQ(find_proc(gc, &e), -ESRCH); /* taskman collected it */
}

static void scripts_and_args(void)
{
	KT_EQ(tmt_waitpid((pid_t)tmt_spawnl("/tmscript_ok", 0, "/tmscript_ok", "x", "y", NULL)), 0);
	long pid = tmt_spawnl("tmtest_child", TM_SPAWN_SEARCH, "tmtest_child", "exit", "9", NULL);
	KT_EQ(tmt_waitpid((pid_t)pid), 9 << 8);
	KT_EQ(tmt_spawnl("tmtest_none", TM_SPAWN_SEARCH, "x", NULL), -ENOENT);
	pid = tmt_spawnl("/tmlink", 0, "tmlink", "exit", "6", NULL); /* an archive link */
	KT_EQ(tmt_waitpid((pid_t)pid), 6 << 8);

	/* 200 arguments of 500 bytes: 100 KB of argv */
	static char arg[500 + 1];
	static char *argv[204];
	for (int i = 0; i < 500; i++)
		arg[i] = 'a';
	argv[0] = "tmtest_child";
	argv[1] = "args";
	argv[2] = "200";
	for (int i = 0; i < 200; i++)
		argv[3 + i] = arg;
	argv[203] = NULL;
	pid = tmt_spawn(CHILD, argv, 0, 0, NULL);
	KT_CHECK(pid > 0);
	KT_EQ(tmt_waitpid((pid_t)pid), 0);

	/* a program built on the C library (libc.so, libqsoe.so), once the tree has one */
	long tfd = tmt_open("/bin/true", _IO_FLAG_RD, 0);
	if (tfd >= 0) {
		tmt_close((int)tfd);
		pid = tmt_spawnl("/bin/true", 0, "true", NULL);
		KT_CHECK(pid > 0);
		KT_EQ(tmt_waitpid((pid_t)pid), 0);
		kt_printf("tmtest_spawn: /bin/true (libc.so) ran\n");
	} else {
		kt_printf("tmtest_spawn: no /bin/true in the archive; the libc program check "
		          "waits\n");
	}

	/* descriptors to inherit: the reply waits for TM_STARTED */
	static char buf[1024];
	struct tm_spawn q;
	struct tm_fd fd = {.fd = 3, .server_pid = SYSMGR_PID, .server_chid = SYSMGR_CHID};
	struct tm_spawn_reply rep;
	char *p = buf + sizeof(q);
	memset(&q, 0, sizeof(q));
	q.hdr.type = TM_SPAWN;
	q.path_len = sizeof(CHILD);
	memcpy(p, CHILD, sizeof(CHILD));
	p += sizeof(CHILD);
	memcpy(p,
	       "c\0started\0"
	       "7",
	       12);
	p += 12;
	q.argc = 3;
	q.argv_len = 12;
	memcpy(p, "/", 2);
	p += 2;
	q.cwd_len = 2;
	memcpy(p, &fd, sizeof(fd));
	p += sizeof(fd);
	q.nfds = 1;
	q.hdr.size = (uint32_t)(p - buf);
	memcpy(buf, &q, sizeof(q));
	pid = tmt_send(buf, q.hdr.size, &rep, sizeof(rep));
	KT_CHECK(pid > 0 && rep.status == 7);
	KT_EQ(tmt_waitpid((pid_t)pid), 0);
}

int kt_main(int argc, char **argv)
{
	me = getpid_kt();
	bad_images();
	waits();
	groups();
	kills();
	holds();
	scripts_and_args();
	bad_images(); /* and again, after all of that */
	kt_printf("tmtest_spawn: %d failure(s)\n", kt_failures);
	return kt_failures ? 1 : 0;
}
