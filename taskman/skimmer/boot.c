/*
 * boot.c - what taskman starts by itself, from the kernel command line:
 *   init=PATH         start PATH as init: orphans become its children
 *                     (without run= or spawnloop=, /sbin/init if present)
 *   run=a,b,c         spawn these programs (tests); names without '/' are
 *                     looked for in /, /bin and /sbin of the boot archive
 *   halt              power off when the run= programs have all ended
 *   spawnloop=NAME:N  spawn NAME N times, one after the other, and report
 *                     the free memory before (after one warm-up run) and
 *                     after: process creation and teardown must not leak
 *   bench.boot        print the boot-to-first-user-instruction count
 *   loaders=N         at most N loader threads (default TM_LOADERS_MAX)
 *   iotimeout=S       a message to a server taskman loads from may take S
 *                     seconds (default TM_IO_TIMEOUT) before the load fails
 * Programs started here are children of taskman; their ends are reported
 * on the console (tm_boot_child_ended, called by the reaper).
 */
#include <stdlib.h>
#include <string.h>
#include <taskman/fs.h>
#include <taskman/proc.h>
#include <taskman/seam.h>
#include <taskman/spawn.h>

static tm_lock_t boot_lock = TM_LOCK_INIT;
static int running; /* run= programs still alive */
static int halt_when_done;
static int boot_jobs;  /* run= or spawnloop= was given: say when they are all over */
static char *run_list; /* run= programs not started yet (after spawnloop) */

static struct {
	char name[128];
	int active;
	long left, count; /* runs to go (the warm-up included), runs measured */
	int failures;
	pid_t pid;
	uint64_t free_before, objs_before;
} loop;

/* Value of "key=" (or "" for a bare "key") in the command line, malloc'd; NULL if absent. */
static char *cmdline_value(const char *key)
{
	const char *cmd = seam_boot_info()->cmdline;
	size_t klen = strlen(key);

	for (const char *p = cmd; *p;) {
		while (*p == ' ')
			p++;
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		size_t n = (size_t)(p - w);
		if (n >= klen && strncmp(w, key, klen) == 0 && (n == klen || w[klen] == '=')) {
			size_t vl = n == klen ? 0 : n - klen - 1;
			char *v = malloc(vl + 1);
			if (v) {
				memcpy(v, w + klen + (n > klen), vl);
				v[vl] = 0;
			}
			return v;
		}
	}
	return NULL;
}

/* Spawns name with argv {name}; logs a failure. */
static pid_t start(const char *name)
{
	char *argv[] = {(char *)name, NULL};
	pid_t pid = tm_spawn_boot(name, argv);

	if (pid < 0)
		tm_log("cannot spawn %s: error %d\n", name, -pid);
	return pid;
}

/* Logs how a process started by taskman ended. */
static void report(pid_t pid, int status)
{
	if ((status & 0x7f) == 0)
		tm_log("pid %d exited with status %d\n", pid, (status >> 8) & 0xff);
	else
		tm_log("pid %d killed by signal %d\n", pid, status & 0x7f);
}

/* Starts the run= programs (boot_lock held). */
static void start_run_list(void)
{
	char *list = run_list;

	run_list = NULL;
	for (char *p = list; p && *p;) {
		char *name = p;
		p += strcspn(p, ",");
		if (*p)
			*p++ = 0;
		if (*name == 0)
			continue;
		pid_t pid = start(name);
		if (pid > 0) {
			tm_log("spawned %s as pid %d\n", name, pid);
			running++;
		}
	}
	free(list);
	if (running == 0 && boot_jobs) {
		tm_log("all programs have ended\n");
		if (halt_when_done)
			seam_poweroff(0);
	}
}

/* The next spawnloop run, or its report and then the run= list (boot_lock held). */
static void loop_next(void)
{
	uint64_t total, freeb, objs;

	while (loop.left > 0) {
		if (loop.left == loop.count) /* the warm-up run is over */
			seam_mem_info(&loop.free_before, &total, &loop.objs_before);
		loop.left--;
		loop.pid = start(loop.name);
		if (loop.pid > 0)
			return;
		loop.failures++;
	}
	seam_mem_info(&freeb, &total, &objs);
	tm_log("spawnloop %s x%ld: %d failed; free pages %lu -> %lu, kernel objects %lu -> %lu\n",
	       loop.name, loop.count, loop.failures, (unsigned long)(loop.free_before / 4096),
	       (unsigned long)(freeb / 4096), (unsigned long)loop.objs_before, (unsigned long)objs);
	loop.active = 0;
	start_run_list();
}

/* See taskman.h: the next spawnloop run, init's end, or the run= count. */
void tm_boot_child_ended(pid_t pid, int status)
{
	tm_lock(&boot_lock);
	if (loop.active && pid == loop.pid) {
		if (status != 0)
			loop.failures++;
		loop_next();
	} else if (pid == tm_init_pid()) {
		report(pid, status);
		tm_log("init ended\n");
		tm_set_init_pid(0);
	} else {
		report(pid, status);
		if (--running == 0) {
			tm_log("all programs have ended\n");
			if (halt_when_done)
				seam_poweroff(0);
		}
	}
	tm_unlock(&boot_lock);
}

/* The command-line work, once at start-up (before the reaper runs). */
void tm_boot(unsigned long boot_instret)
{
	char *v;

	if ((v = cmdline_value("bench.boot")) != NULL) {
		tm_log("{\"metric\":\"boot_to_first_user_instruction\",\"unit\":\"instructions\","
		       "\"value\":%lu}\n",
		       boot_instret);
		free(v);
	}
	if ((v = cmdline_value("loaders")) != NULL) {
		long n = strtol(v, NULL, 10);
		if (n >= 1 && n <= 1024)
			tm_loadq_set_max((int)n);
		else
			tm_log("loaders=%s ignored: 1 to 1024\n", v);
		free(v);
	}
	if ((v = cmdline_value("iotimeout")) != NULL) {
		long n = strtol(v, NULL, 10);
		if (n >= 1 && n <= 86400)
			tm_io_set_timeout((unsigned)n);
		else
			tm_log("iotimeout=%s ignored: 1 to 86400 seconds\n", v);
		free(v);
	}
	v = cmdline_value("halt");
	halt_when_done = v != NULL;
	free(v);
	run_list = cmdline_value("run");
	char *init = cmdline_value("init");
	char *sl = cmdline_value("spawnloop");
	boot_jobs = run_list != NULL || sl != NULL;
	if (init == NULL && !boot_jobs && bootfs_find("/sbin/init"))
		init = strdup("/sbin/init");
	tm_lock(&boot_lock);
	if (init && *init) {
		pid_t pid = start(init);
		if (pid > 0) {
			tm_set_init_pid(pid);
			tm_log("started %s as init (pid %d)\n", init, pid);
		}
	}
	if (sl) {
		char *colon = strchr(sl, ':');
		loop.count = colon ? strtol(colon + 1, NULL, 10) : 0;
		if (colon)
			*colon = 0;
		strncpy(loop.name, sl, sizeof(loop.name) - 1);
		loop.left = loop.count + 1; /* one warm-up run first */
		loop.active = 1;
		loop_next();
	} else {
		start_run_list();
	}
	tm_unlock(&boot_lock);
	free(init);
	free(sl);
}
