/*
 * tmtest_slow - taskman loads programs, "#!" interpreters and libraries
 * from any resource manager, and waiting for a slow one never holds up
 * anything else (docs/taskman.md, "Why taskman cannot deadlock on I/O it
 * waits for").
 *
 * tmslowfs serves copies of boot-archive files below /slow and /usr/lib,
 * answering each read late (a timer pulse and a condition variable
 * between its threads decide when), and holds every read while its gate
 * is closed; a second one serves /slow2 without delay. With the gate
 * closed:
 *   - NSLOW spawns of /slow/child (more than taskman's pool of receiving
 *     threads) wait in taskman; meanwhile process-table reads, process
 *     group and session queries, path resolution, /proc reads, spawns
 *     from the boot archive and from the other server (/slow2), waits,
 *     kill and three hammering processes are all answered within
 *     BOUND_MS, and none of the slow spawns has finished. Then the gate
 *     opens and every slow child runs (its exit status is the one its
 *     argv asked for), visible to kill(pid, 0) as soon as its spawn
 *     returns;
 *   - a program from the boot archive whose library is on tmslowfs waits,
 *     while a program needing two other libraries (loaded for the first
 *     time) starts: no library lock is held across the read.
 * Then: permissions (no execute bit, another user), a missing file, a
 * server that answers reads with more than asked, ends the file early or
 * fails every read (EIO), a file that is not a program, a truncated and
 * a malformed program and a truncated library (ENOEXEC), scripts and
 * interpreters on the server, a spawn whose caller gives up while a read
 * is held (EINTR at once, and no child is made), a program served by a
 * resource manager written with the framework (tmrmfs), and the second server
 * stopping mid-load and being killed (the spawner gets EIO; taskman goes
 * on).
 *
 * If taskman read images in its receiving threads, the NSLOW held spawns
 * would take the whole pool and nothing else would be answered; if loads
 * were serialised (one loader: boot option loaders=1), the /slow2 spawn
 * would wait behind them. Either way the checks above fail (the requests
 * are bounded with timeouts, so the test ends rather than hangs).
 *
 * Run it with taskman's iotimeout= boot option well above the time the
 * gate stays closed (the boot test uses 600 s): otherwise, on a slow
 * emulator, taskman's own bound on a message (30 s) may end held reads.
 */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include "tmt.h"

#define NSLOW 20 /* slow spawns at once (taskman's receiving pool has at most 16) */
/* The longest any other request may take meanwhile (emulation can be slow; a request
   stuck behind a held read would wait until the gate opens). */
#define BOUND_MS    15000
#define HAMMERS     3
#define LEAK_CYCLES 200 /* spawns from tmrmfs whose memory must come back */
#define CTL_OPEN    0xf001
#define CTL_CLOSE   0xf002
#define CTL_HELD    0xf003
#define CTL_STALL   0xf004

static struct {
	long pid, alive, status;
} slow[NSLOW];
static int ndone;         /* slow spawns finished (atomic) */
static uint64_t worst_ms; /* slowest other request */
static int nanswered;     /* other requests answered */
static char text[8192];

static int coid2; /* the second server, /slow2 */

static uint64_t now_ms(void)
{
	uint64_t t = 0;
	ClockTime_r(CLOCK_MONOTONIC, NULL, &t);
	return t / 1000000;
}

/* Records the time one other request took since t. */
static void note(uint64_t t)
{
	uint64_t d = now_ms() - t;
	if (d > worst_ms)
		worst_ms = d;
	nanswered++;
	KT_CHECK(d < BOUND_MS);
}

/* A control message to a tmslowfs: the reads it holds, or -errno. */
static long ctl(int coid, uint16_t type)
{
	return MsgSend_r(coid, &type, sizeof(type), NULL, 0);
}

/* CTL_STALL after n more reads answered. */
static long ctl_stall(int coid, uint32_t n)
{
	struct {
		uint16_t type, zero;
		uint32_t arg;
	} c = {CTL_STALL, 0, n};
	return MsgSend_r(coid, &c, sizeof(c), NULL, 0);
}

/* Waits (up to ms) until the server holds at least n reads; returns how many it holds. */
static long wait_held(int coid, long n, unsigned ms)
{
	long h = 0;
	for (unsigned t = 0; t < ms; t += 20) {
		h = ctl(coid, CTL_HELD);
		if (h >= n || h < 0)
			break;
		tmt_sleep_ms(20);
	}
	return h;
}

/* Starts tmslowfs (held until it has attached); *coid reaches it. Returns its pid. */
static long start_fs(char *const argv[], const char *probe, int *coid)
{
	struct tm_spawn_reply rep = {0, -1};
	struct _io_connect_entry e[4];
	char rp[256];

	long pid = tmt_spawn("/tmslowfs", argv, TM_SPAWN_HOLD, 0, &rep);
	if (pid <= 0 || rep.status != 0) {
		kt_printf("tmtest_slow: tmslowfs did not start (%ld, %d)\n", pid, rep.status);
		return -1;
	}
	if (tmt_resolve(probe, _FTYPE_ANY, e, 4, rp, sizeof(rp)) < 1 || e[0].pid != pid)
		return -1;
	*coid = ConnectAttach_r(0, e[0].pid, e[0].chid, _NTO_SIDE_CHANNEL, 0);
	return *coid < 0 ? -1 : pid;
}

/* One round of requests that must be answered whatever a slow server does. */
static void other_requests(void)
{
	struct tm_proclist q = {.hdr = {TM_PROCLIST, 0, sizeof(q)}, .from = 0};
	static struct tm_procent ents[64];
	struct _io_connect_entry e[4];
	char rp[256];
	uint64_t t;

	t = now_ms();
	KT_CHECK(tmt_send(&q, sizeof(q), ents, sizeof(ents)) >= 2);
	note(t);
	t = now_ms();
	KT_CHECK(tmt_resolve("/proc/self/status", _FTYPE_ANY, e, 4, rp, sizeof(rp)) >= 1);
	note(t);
	t = now_ms();
	KT_CHECK(tmt_slurp("/proc/1/status", text, sizeof(text)) > 0);
	note(t);
	t = now_ms();
	long pid = tmt_spawnl("/tmtest_child", 0, "tmtest_child", "exit", "3", NULL);
	KT_CHECK(pid > 0);
	note(t);
	t = now_ms();
	KT_EQ(tmt_waitpid((pid_t)pid), 3 << 8);
	note(t);
	t = now_ms();
	KT_EQ(tmt_kill(getpid_kt(), 0), 0);
	note(t);
	t = now_ms();
	KT_CHECK(tmt_pgid(TM_GETPGID, 0, 0) > 0);
	KT_CHECK(tmt_pgid(TM_GETSID, 0, 0) > 0);
	note(t);
}

/* A spawn from the other server (bounded): it must not wait for /slow. */
static void other_server_spawn(void)
{
	uint64_t t = now_ms();
	long pid = tmt_spawn_tmo("/slow2/child", (char *[]){"child", "exit", "7", NULL}, BOUND_MS);
	KT_CHECK(pid > 0);
	if (pid > 0)
		KT_EQ(tmt_waitpid((pid_t)pid), 7 << 8);
	note(t);
}

/* One slow spawn: /slow/child exits with i + 1. */
static void *slow_one(void *arg)
{
	long i = (long)arg;
	char code[16];

	tmt_ltoa(i + 1, code);
	long pid = tmt_spawnl("/slow/child", 0, "child", "exit", code, NULL);
	slow[i].pid = pid;
	if (pid > 0) {
		slow[i].alive = tmt_kill((pid_t)pid, 0); /* it exists as soon as we hear of it */
		struct tm_wait_reply r;
		memset(&r, 0xa5, sizeof(r));
		long s = tmt_wait(TM_WAIT_PID, TM_P_PID, (int)pid, 0, &r);
		slow[i].status = s < 0 ? s : r.status;
		if (s != pid || r.pid != pid || r.cld_code != CLD_EXITED ||
		    r.cld_status != (int)i + 1)
			kt_printf("tmtest_slow: child %ld (pid %ld): wait answered %ld: pid %d "
			          "status "
			          "%#x code %d status %d uid %u\n",
			          i, pid, s, r.pid, r.status, r.cld_code, r.cld_status, r.uid);
	}
	__atomic_add_fetch(&ndone, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

/* Many slow spawns at once; everything else is answered meanwhile. */
static void phase_many(int coid)
{
	KT_EQ(ctl(coid, CTL_CLOSE), 0);
	for (long i = 0; i < NSLOW; i++)
		KT_CHECK(kt_thread_create(slow_one, (void *)i) > 0);
	long held = wait_held(coid, 1, 20000);
	KT_CHECK(held >= 1);

	long hammers[HAMMERS];
	for (int i = 0; i < HAMMERS; i++)
		hammers[i] = tmt_spawnl("/tmtest_child", 0, "tmtest_child", "hammer", "20", NULL);
	for (int r = 0; r < 10; r++)
		other_requests();
	other_server_spawn();
	for (int i = 0; i < HAMMERS; i++)
		KT_EQ(tmt_waitpid((pid_t)hammers[i]), 0);
	held = ctl(coid, CTL_HELD);
	KT_CHECK(held >= 1);
	KT_EQ(__atomic_load_n(&ndone, __ATOMIC_SEQ_CST), 0); /* all of that while they waited */
	kt_printf("tmtest_slow: %d requests and %d hammering processes answered in at most %lu ms "
	          "while %d spawns waited for a slow server (%ld reads held)\n",
	          nanswered, HAMMERS, (unsigned long)worst_ms, NSLOW, held);

	uint64_t t = now_ms();
	KT_CHECK(ctl(coid, CTL_OPEN) >= 0);
	for (int tries = 0; __atomic_load_n(&ndone, __ATOMIC_SEQ_CST) < NSLOW && tries < 3000;
	     tries++)
		tmt_sleep_ms(50);
	KT_EQ(__atomic_load_n(&ndone, __ATOMIC_SEQ_CST), NSLOW);
	int ok = 0;
	for (int i = 0; i < NSLOW; i++) {
		KT_CHECK(slow[i].pid > 0);
		KT_EQ(slow[i].alive, 0);
		KT_EQ(slow[i].status, (i + 1) << 8);
		ok += slow[i].pid > 0 && slow[i].status == (i + 1) << 8;
	}
	kt_printf("tmtest_slow: %d of %d slow spawns ran correctly, %lu ms after the gate opened\n",
	          ok, NSLOW, (unsigned long)(now_ms() - t));
}

static long lib_pid, lib_status;
static int lib_done;

static void *slowlib_one(void *arg)
{
	(void)arg;
	lib_pid = tmt_spawnl("/tmslow/slowlib", 0, "slowlib", NULL);
	if (lib_pid > 0)
		lib_status = tmt_waitpid((pid_t)lib_pid);
	__atomic_store_n(&lib_done, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

/* A library on the slow server; other libraries load meanwhile. */
static void phase_library(int coid)
{
	KT_EQ(ctl(coid, CTL_CLOSE), 0);
	KT_CHECK(kt_thread_create(slowlib_one, NULL) > 0);
	KT_CHECK(wait_held(coid, 1, 20000) >= 1);
	uint64_t t = now_ms();
	long pid =
	        tmt_spawnl("/tmtest_dynmin", 0, "tmtest_dynmin", NULL); /* libtmt*.so, first use */
	KT_CHECK(pid > 0);
	KT_EQ(tmt_waitpid((pid_t)pid), 0);
	note(t);
	KT_EQ(__atomic_load_n(&lib_done, __ATOMIC_SEQ_CST), 0);
	kt_printf("tmtest_slow: a program with two new libraries started in %lu ms while a library "
	          "was being read from a slow server\n",
	          (unsigned long)(now_ms() - t));
	KT_CHECK(ctl(coid, CTL_OPEN) >= 0);
	for (int tries = 0; !__atomic_load_n(&lib_done, __ATOMIC_SEQ_CST) && tries < 1200; tries++)
		tmt_sleep_ms(50);
	KT_CHECK(lib_pid > 0);
	KT_EQ(lib_status, 0);
	/* the library is now a template: the next spawn does not read it again */
	KT_EQ(ctl(coid, CTL_CLOSE), 0);
	pid = tmt_spawnl("/tmslow/slowlib", 0, "slowlib", NULL);
	KT_CHECK(pid > 0);
	KT_EQ(tmt_waitpid((pid_t)pid), 0);
	KT_CHECK(ctl(coid, CTL_OPEN) >= 0);
}

/* Spawns tmtest_child spawnerr UID PATH ERR and returns its exit status. */
static long spawn_as(const char *uid, const char *path, int err)
{
	char e[16];
	tmt_ltoa(err, e);
	long pid = tmt_spawnl("/tmtest_child", 0, "tmtest_child", "spawnerr", uid, path, e, NULL);
	return pid > 0 ? tmt_waitpid((pid_t)pid) : pid;
}

/* Errors a server can cause, permissions, scripts and interpreters on the server. */
static void phase_errors(void)
{
	KT_EQ(tmt_spawnl("/slow/noexec", 0, "x", NULL), -EACCES);
	KT_EQ(tmt_spawnl("/slow/nothing", 0, "x", NULL), -ENOENT);
	KT_EQ(tmt_spawnl("/slow/lie", 0, "x", NULL), -EIO);
	KT_EQ(tmt_spawnl("/slow/short", 0, "x", NULL), -EIO);
	KT_EQ(tmt_spawnl("/slow/eio", 0, "x", NULL), -EIO);
	KT_EQ(tmt_spawnl("/slow/text", 0, "x", NULL), -ENOEXEC);
	KT_EQ(tmt_spawnl("/slow/trunc", 0, "x", NULL), -ENOEXEC);
	KT_EQ(tmt_spawnl("/slow/badphdr", 0, "x", NULL), -ENOEXEC);
	/* a program from the archive whose library (libtmx.so) only the server
	   has, truncated */
	KT_EQ(tmt_spawnl("/tmbad_nolib", 0, "x", NULL), -ENOEXEC);
	/* "#!/tmtest_child argv2is": the interpreter sees the script's path */
	long pid = tmt_spawnl("/slow/script", 0, "script", "/slow/script", NULL);
	KT_CHECK(pid > 0);
	KT_EQ(tmt_waitpid((pid_t)pid), 0);
	/* "#!/slow/child argv2is": the interpreter is on the slow server too */
	pid = tmt_spawnl("/slow/script2", 0, "script2", "/slow/script2", NULL);
	KT_CHECK(pid > 0);
	KT_EQ(tmt_waitpid((pid_t)pid), 0);
	/* another user: rwx------ is not for it, rwxr-xr-x is */
	KT_EQ(spawn_as("1000", "/slow/child700", EACCES), 0);
	KT_EQ(spawn_as("1000", "/slow/child", 0), 0);
	KT_EQ(spawn_as("0", "/slow/child700", 0), 0);
}

/*
 * A spawn whose caller gives up while taskman waits for a held read:
 * answered EINTR at once (not when the read comes), and once the read
 * comes the load is dropped: no process.
 */
static void phase_cancel(int coid)
{
	KT_EQ(ctl(coid, CTL_CLOSE), 0);
	uint64_t t = now_ms();
	long r = tmt_spawn_tmo("/slow/child", (char *[]){"child", "exit", "0", NULL}, 300);
	uint64_t d = now_ms() - t;
	KT_EQ(r, -EINTR);
	KT_CHECK(d < BOUND_MS);
	KT_CHECK(ctl(coid, CTL_HELD) >= 1); /* the read is still held */
	KT_CHECK(ctl(coid, CTL_OPEN) >= 0);
	for (int tries = 0; ctl(coid, CTL_HELD) > 0 && tries < 100; tries++)
		tmt_sleep_ms(50);
	tmt_sleep_ms(300);
	KT_EQ(tmt_wait(TM_WAIT_PID, TM_P_ALL, 0, WNOHANG, NULL), 0); /* no child was made */
	kt_printf("tmtest_slow: a spawn abandoned after 300 ms was answered after %lu ms\n",
	          (unsigned long)d);
}

static long killed_res;
static uint64_t killed_at;

static void *killed_one(void *arg)
{
	(void)arg;
	killed_res = tmt_spawnl("/slow2/child", 0, "child", "exit", "0", NULL);
	__atomic_store_n(&killed_at, now_ms(), __ATOMIC_SEQ_CST);
	return NULL;
}

/*
 * A program served by a resource manager written with the framework
 * (tmrmfs: dispatch, iofunc defaults): taskman's open, stat, reads and
 * close are what such a manager expects.
 */
static void phase_framework(void)
{
	char *argv[] = {"tmrmfs", "/tmrmfs/child", "/tmtest_child", NULL};
	struct tm_spawn_reply rep = {0, -1};

	long fs = tmt_spawn("/tmrmfs", argv, TM_SPAWN_HOLD, 0, &rep);
	KT_CHECK(fs > 0 && rep.status == 0);
	if (fs <= 0)
		return;
	long pid = tmt_spawnl("/tmrmfs/child", 0, "child", "exit", "9", NULL);
	KT_CHECK(pid > 0);
	if (pid > 0)
		KT_EQ(tmt_waitpid((pid_t)pid), 9 << 8);
	kt_printf("tmtest_slow: a program served by a framework resource manager ran (%s)\n",
	          pid > 0 ? "ok" : "failed");

	/* loading from a server leaks nothing: LEAK_CYCLES spawns and exits later,
	   free memory and the kernel's objects are where they were */
	struct sysinfo_mem before, after;
	/* the earlier children's teardown may still be finishing: start from counts
	   that hold still for 100 ms */
	KT_CHECK(SysInfo_r(SYSINFO_MEM, &before, sizeof(before)) > 0);
	for (int tries = 0, calm = 0; tries < 200 && calm < 5; tries++) {
		tmt_sleep_ms(20);
		KT_CHECK(SysInfo_r(SYSINFO_MEM, &after, sizeof(after)) > 0);
		calm = after.free_pages == before.free_pages &&
		                       after.kernel_objects == before.kernel_objects
		               ? calm + 1
		               : 0;
		before = after;
	}
	int ok = 0;
	for (int i = 0; i < LEAK_CYCLES; i++) {
		pid = tmt_spawnl("/tmrmfs/child", 0, "child", "exit", "0", NULL);
		ok += pid > 0 && tmt_waitpid((pid_t)pid) == 0;
	}
	/* teardown finishes asynchronously (the server's side of a connection goes when it
	   handles the disconnect pulse): give it a moment; a leak would stay */
	for (int tries = 0; tries < 100; tries++) {
		KT_CHECK(SysInfo_r(SYSINFO_MEM, &after, sizeof(after)) > 0);
		if (after.free_pages == before.free_pages &&
		    after.kernel_objects == before.kernel_objects)
			break;
		tmt_sleep_ms(20);
	}
	KT_EQ(ok, LEAK_CYCLES);
	KT_EQ(after.free_pages, before.free_pages);
	KT_EQ(after.kernel_objects, before.kernel_objects);
	kt_printf("tmtest_slow: %d spawns from a resource manager: free pages %lu -> %lu, kernel "
	          "objects %lu -> %lu\n",
	          ok, (unsigned long)before.free_pages, (unsigned long)after.free_pages,
	          (unsigned long)before.kernel_objects, (unsigned long)after.kernel_objects);
	KT_EQ(tmt_kill((pid_t)fs, SIGKILL), 0);
	KT_EQ(tmt_waitpid((pid_t)fs), SIGKILL);
}

/* The second server stops answering after a few reads, then is killed mid-load. */
static void phase_kill(long fs, int coid)
{
	KT_EQ(ctl_stall(coid, 5), 0);
	KT_CHECK(kt_thread_create(killed_one, NULL) > 0);
	KT_CHECK(wait_held(coid, 1, 20000) >= 1);
	for (int r = 0; r < 3; r++)
		other_requests();
	KT_EQ(__atomic_load_n(&killed_at, __ATOMIC_SEQ_CST), 0);
	uint64_t t = now_ms();
	KT_EQ(tmt_kill((pid_t)fs, SIGKILL), 0);
	for (int tries = 0; !__atomic_load_n(&killed_at, __ATOMIC_SEQ_CST) && tries < BOUND_MS / 25;
	     tries++)
		tmt_sleep_ms(25);
	uint64_t at = __atomic_load_n(&killed_at, __ATOMIC_SEQ_CST);
	KT_EQ(killed_res, -EIO);
	KT_CHECK(at != 0 && at - t < BOUND_MS);
	KT_EQ(tmt_waitpid((pid_t)fs), SIGKILL);
	/* its prefix went with it; taskman serves on */
	struct _io_connect_entry e[4];
	char rp[256];
	long n = 0;
	for (int tries = 0; tries < 100; tries++) {
		n = tmt_resolve("/slow2/child", _FTYPE_ANY, e, 4, rp, sizeof(rp));
		if (n < 1 || e[0].pid != fs)
			break;
		tmt_sleep_ms(20);
	}
	KT_CHECK(n < 1 || e[0].pid != fs);
	KT_EQ(tmt_spawnl("/slow2/child", 0, "child", NULL), -ENOENT);
	other_requests();
	kt_printf("tmtest_slow: the spawner heard of the server's death after %lu ms\n",
	          (unsigned long)(at - t));
}

int kt_main(int argc, char **argv)
{
	char *fsargv[] = {"tmslowfs",
	                  "/slow,/usr/lib",
	                  "100",
	                  "8192",
	                  "child=/tmtest_child",
	                  "noexec=/tmtest_child@0644",
	                  "child700=/tmtest_child@0700",
	                  "lie=/tmtest_child:lie",
	                  "short=/tmtest_child:short",
	                  "eio=/tmtest_child:eio",
	                  "text=/tmslow/notelf",
	                  "trunc=/tmbad_trunc",
	                  "badphdr=/tmbad_phdr",
	                  "libtmx.so=/lib/libtmb.so",
	                  "script=/tmslow/script",
	                  "script2=/tmslow/script2",
	                  "libtmslow.so=/tmslow/libtmslow.so",
	                  NULL};
	char *fs2argv[] = {"tmslowfs", "/slow2", "0", "4096", "child=/tmtest_child", NULL};
	int coid;
	uint64_t t0 = now_ms();

	(void)argc;
	(void)argv;
	long fs2 = start_fs(fs2argv, "/slow2/child", &coid2);
	KT_CHECK(fs2 > 0);
	KT_CHECK(fs2 <= 0 || ctl(coid2, CTL_OPEN) == 0);
	long fs = start_fs(fsargv, "/slow/child", &coid);
	KT_CHECK(fs > 0);
	if (fs > 0 && fs2 > 0) {
		phase_many(coid);
		phase_library(coid);
		phase_errors();
		phase_cancel(coid);
		phase_framework();
		KT_EQ(tmt_kill((pid_t)fs, SIGKILL), 0);
		KT_EQ(tmt_waitpid((pid_t)fs), SIGKILL);
		phase_kill(fs2, coid2);
	}
	other_requests();
	kt_printf("tmtest_slow: %d requests answered in all, the slowest in %lu ms (%lu ms)\n",
	          nanswered, (unsigned long)worst_ms, (unsigned long)(now_ms() - t0));
	kt_printf("tmtest_slow: %d failure(s)\n", kt_failures);
	return kt_failures ? 1 : 0;
}
