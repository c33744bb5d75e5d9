/*
 * main.c - taskman on Skimmer: start-up.
 *
 * The kernel starts taskman first, with the boot archive and devicetree
 * mapped. taskman reads the command line and starts the first programs:
 *   run=a,b,c   spawn these programs from the boot archive (tests)
 *   halt        power off when every spawned program has ended
 *   bench.boot  print the boot-to-first-user-instruction count as JSON
 */
#include <errno.h>
#include <taskman/seam.h>
#include <taskman/taskman.h>
#include <qsoe/abi/signal.h>
#include <qsoe/abi/tls.h>
#include <skimmer/kapi.h>
#include "kcall_user.h"

size_t strlen(const char *s);
int strncmp(const char *a, const char *b, size_t n);
size_t strlcpy(char *d, const char *s, size_t n);

static struct sysinfo_boot boot;

/* errno for the kernel-call stubs (taskman has no C library). */
int *__get_errno_ptr(void)
{
	return __tls()->__errptr;
}

/* Value of "key=" in the command line, copied into buf; NULL if absent. */
static const char *cmdline_value(const char *key, char *buf, size_t size)
{
	size_t klen = strlen(key);

	for (const char *p = boot.cmdline; *p;) {
		while (*p == ' ')
			p++;
		const char *w = p;
		while (*p && *p != ' ')
			p++;
		if ((size_t)(p - w) > klen && strncmp(w, key, klen) == 0 && w[klen] == '=') {
			size_t n = (size_t)(p - w) - klen - 1;
			if (n >= size)
				n = size - 1;
			strlcpy(buf, w + klen + 1, n + 1);
			return buf;
		}
		if ((size_t)(p - w) == klen && strncmp(w, key, klen) == 0) {
			buf[0] = 0;
			return buf;
		}
	}
	return NULL;
}

static void report(pid_t pid, int status)
{
	if ((status & 0x7f) == 0)
		tm_log("pid %d exited with status %d\n", pid, (status >> 8) & 0xff);
	else
		tm_log("pid %d killed by signal %d\n", pid, status & 0x7f);
}

/* Spawns and waits for one program; returns its wait status or a negative errno. */
static int spawn_wait(char *name, char **envp)
{
	char *argv[] = {name, NULL};
	pid_t pid;
	int status;
	int r = tm_spawn(name, argv, envp, &pid);

	if (r < 0)
		return r;
	r = seam_wait(&pid, &status, 0);
	return r < 0 ? r : status;
}

/*
 * spawnloop=NAME:COUNT - spawns NAME COUNT times, one after the other, and
 * reports the kernel's free memory before (after one warm-up run) and after:
 * process creation and teardown must not leak.
 */
static void spawnloop(char *arg, char **envp)
{
	char *colon = arg;
	while (*colon && *colon != ':')
		colon++;
	long count = 0;
	if (*colon == ':') {
		*colon = 0;
		for (char *p = colon + 1; *p >= '0' && *p <= '9'; p++)
			count = count * 10 + (*p - '0');
	}
	struct sysinfo_mem before, after;
	int failures = spawn_wait(arg, envp) == 0 ? 0 : 1;
	SysInfo_r(SYSINFO_MEM, &before, sizeof(before));
	for (long i = 0; i < count; i++)
		if (spawn_wait(arg, envp) != 0)
			failures++;
	SysInfo_r(SYSINFO_MEM, &after, sizeof(after));
	tm_log("spawnloop %s x%ld: %d failed; free pages %lu -> %lu, kernel objects %lu -> %lu\n",
	       arg, count, failures, (unsigned long)before.free_pages,
	       (unsigned long)after.free_pages, (unsigned long)before.kernel_objects,
	       (unsigned long)after.kernel_objects);
}

__attribute__((noreturn)) void taskman_main(unsigned long boot_instret)
{
	char buf[sizeof(boot.cmdline)];
	char *envp[] = {"PATH=/bin:/sbin", NULL};

	if (SysInfo_r(SYSINFO_BOOT, &boot, sizeof(boot)) < 0) {
		seam_console("taskman: no boot information\n", 29);
		seam_poweroff(6);
	}
	bootfs_init((const void *)boot.initrd_va, boot.initrd_size);
	tm_log("QSOE/N task manager; boot archive %lu KiB\n",
	       (unsigned long)(boot.initrd_size / 1024));
	if (cmdline_value("bench.boot", buf, sizeof(buf)))
		tm_log("{\"metric\":\"boot_to_first_user_instruction\",\"unit\":\"instructions\","
		       "\"value\":%lu}\n",
		       boot_instret);

	if (cmdline_value("spawnloop", buf, sizeof(buf)))
		spawnloop(buf, envp);

	int running = 0;
	if (cmdline_value("run", buf, sizeof(buf))) {
		char *p = buf;
		while (*p) {
			char *name = p;
			while (*p && *p != ',')
				p++;
			if (*p)
				*p++ = 0;
			if (*name == 0)
				continue;
			char *argv[] = {name, NULL};
			pid_t pid;
			int r = tm_spawn(name, argv, envp, &pid);
			if (r < 0) {
				tm_log("cannot spawn %s: error %d\n", name, -r);
				continue;
			}
			tm_log("spawned %s as pid %d\n", name, pid);
			running++;
		}
	}
	while (running > 0) {
		pid_t pid = -1;
		int status;
		int r = seam_wait(&pid, &status, 0);
		if (r < 0) {
			tm_log("wait failed: error %d\n", -r);
			break;
		}
		report(pid, status);
		running--;
	}
	tm_log("all programs have ended\n");
	if (cmdline_value("halt", buf, sizeof(buf)))
		seam_poweroff(0);
	/* Until the message loop exists, taskman has no further work. */
	tm_log("nothing more to run; taskman's main thread ends\n");
	ThreadDestroy_r(0, 0, NULL);
	for (;;)
		;
}
