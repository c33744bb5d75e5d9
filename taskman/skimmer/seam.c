/*
 * seam.c - taskman's kernel seam on Skimmer (see taskman/seam.h): the
 * privileged Proc* and Vm* kernel calls, SignalKill, SysInfo, SysCtl.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/seam.h>
#include <qsoe/abi/mman.h>
#include <qsoe/abi/neutrino.h>
#include <qsoe/abi/sched.h>
#include <qsoe/abi/signal.h>
#include <skimmer/kapi.h>
#include "kcall_numbers.h"
#include "kcall_user.h"

#ifndef PROCWAIT_JOBCTL
#define PROCWAIT_JOBCTL 0 /* a kernel without job-control events */
#endif

static struct sysinfo_boot boot;
static struct seam_boot boot_info;

/* Reads what the kernel left for taskman; returns 0 or a negative errno. */
int seam_init(void)
{
	long r = SysInfo_r(SYSINFO_BOOT, &boot, sizeof(boot));

	if (r < 0)
		return (int)r;
	boot.cmdline[sizeof(boot.cmdline) - 1] = 0;
	boot_info.archive = (const void *)boot.initrd_va;
	boot_info.archive_size = boot.initrd_size;
	boot_info.fdt = (const void *)boot.fdt_va;
	boot_info.fdt_size = boot.fdt_size;
	boot_info.cmdline = boot.cmdline;
	boot_info.kernel_name = "Skimmer";
	return 0;
}

const struct seam_boot *seam_boot_info(void)
{
	return &boot_info;
}

int seam_proc_create(const char *name, pid_t *pid)
{
	pid_t r = ProcCreate_r(name, 0);

	if (r < 0)
		return r;
	*pid = r;
	return 0;
}

int seam_proc_destroy(pid_t pid, int status)
{
	return ProcDestroy_r(pid, status);
}

int seam_map_anon(pid_t pid, uintptr_t *addr, size_t len, int prot, int fixed)
{
	long r = (long)VmMap_r(pid, (void *)*addr, len, prot,
	                       MAP_ANON | MAP_PRIVATE | (fixed ? MAP_FIXED : 0), 0);

	if (r < 0)
		return (int)r;
	*addr = (uintptr_t)r;
	return 0;
}

int seam_map_child(pid_t pid, uintptr_t addr, size_t len, void **local)
{
	long r = (long)VmShare_r(0, NULL, len, PROT_READ | PROT_WRITE, pid, (const void *)addr);

	if (r < 0)
		return (int)r;
	*local = (void *)r;
	return 0;
}

int seam_share(pid_t pid, uintptr_t *addr, size_t len, int prot, const void *local)
{
	long r = (long)VmShare_r(pid, (void *)*addr, len, prot, 0, local);

	if (r < 0)
		return (int)r;
	*addr = (uintptr_t)r;
	return 0;
}

int seam_unmap(pid_t pid, uintptr_t addr, size_t len)
{
	return VmUnmap_r(pid, (void *)addr, len);
}

int seam_unmap_local(void *local, size_t len)
{
	return VmUnmap_r(0, local, len);
}

int seam_protect(pid_t pid, uintptr_t addr, size_t len, int prot)
{
	return VmProtect_r(pid, (void *)addr, len, prot);
}

int seam_thread_start(pid_t pid, uintptr_t entry, uintptr_t arg, uintptr_t stack, size_t stack_size,
                      int policy, int prio)
{
	struct _thread_attr attr;

	memset(&attr, 0, sizeof(attr));
	attr.__flags = _QSOE_TATTR_EXPLICIT_SCHED;
	attr.__stackaddr = (void *)stack;
	attr.__stacksize = stack_size;
	attr.__policy = policy;
	attr.__param.sched_priority = prio;
	int r = ThreadCreate_r(pid, (void *(*)(void *))entry, (void *)arg, &attr);
	return r < 0 ? r : 0;
}

int seam_wait(pid_t *pid, int *status, int nohang)
{
	struct proc_exitinfo info;
	pid_t r = ProcWait_r(*pid, (nohang ? PROCWAIT_NOHANG : 0) | PROCWAIT_JOBCTL, &info);

	if (r <= 0)
		return r == 0 ? -EAGAIN : r;
	*pid = info.pid;
	*status = info.status;
	return 0;
}

int seam_set_cred(pid_t pid, const struct tm_cred *c)
{
	struct proc_cred pc;

	memset(&pc, 0, sizeof(pc));
	pc.ruid = c->ruid;
	pc.euid = c->euid;
	pc.suid = c->suid;
	pc.rgid = c->rgid;
	pc.egid = c->egid;
	pc.sgid = c->sgid;
	pc.ngroups = c->ngroups < 8 ? c->ngroups : 8;
	memcpy(pc.groups, c->groups, pc.ngroups * sizeof(pc.groups[0]));
	return ProcSetCred_r(pid, &pc);
}

int seam_set_pgrp(pid_t pid, pid_t pgid, pid_t sid)
{
	return ProcSetPgrp_r(pid, pgid, sid);
}

#ifdef __KER_SIGNAL_KILL_SIGVAL
int seam_signal(pid_t pid, int signo, pid_t from)
{
	union sigval v;

	(void)from; /* the kernel reports taskman as the sender */
	v.sival_long = 0;
	return SignalKillSigval_r(ND_LOCAL_NODE, pid, 0, signo, SI_USER, &v);
}

int seam_sigchld(pid_t parent, pid_t child, int code, int value)
{
	union sigval v;

	/* the kernel's convention for taskman: the child's pid, then si_status */
	v.sival_long = (long)((uint64_t)(uint32_t)child | ((uint64_t)(uint32_t)value << 32));
	return SignalKillSigval_r(ND_LOCAL_NODE, parent, 0, SIGCHLD, code, &v);
}
#else
int seam_sigchld(pid_t parent, pid_t child, int code, int value)
{
	(void)parent;
	(void)child;
	(void)code;
	(void)value;
	return -ENOSYS; /* SIGCHLD is ignored by default: nothing is lost without handlers */
}

/*
 * A kernel without SignalKill: signals whose default action terminates the
 * process end it (ProcDestroy); signals ignored by default are dropped;
 * stops cannot be done (ENOSYS). Handlers are never run.
 */
int seam_signal(pid_t pid, int signo, pid_t from)
{
	(void)from;
	switch (signo) {
	case 0:
	case SIGCHLD:
	case SIGURG:
	case SIGWINCH:
	case SIGPWR:
	case SIGCONT:
		return 0;
	case SIGSTOP:
	case SIGTSTP:
	case SIGTTIN:
	case SIGTTOU:
		return -ENOSYS;
	default:
		return ProcDestroy_r(pid, signo & 0x7f);
	}
}
#endif

int seam_proc_info(pid_t pid, struct seam_proc_info *info, struct seam_thread_info *threads,
                   size_t nthreads)
{
	struct proc_info pi;
	struct proc_thread_info *ti = NULL;

	if (threads && nthreads) {
		ti = malloc(nthreads * sizeof(*ti));
		if (ti == NULL)
			return -ENOMEM;
	}
	int r = ProcInfo_r(pid, &pi, ti, ti ? nthreads : 0);
	if (r >= 0) {
		info->nthreads = pi.nthreads;
		info->mem_bytes = pi.resident_pages * 4096;
		info->cpu_ns = pi.cpu_ns;
	}
	for (size_t i = 0; ti && r > 0 && i < (size_t)r && i < nthreads; i++) {
		struct seam_thread_info *o = &threads[i];
		o->tid = ti[i].tid;
		o->state = ti[i].state;
		o->prio = ti[i].prio;
		o->policy = ti[i].policy;
		o->cpu = (int)ti[i].cpu;
		o->blocked_pid = ti[i].blocked_pid;
		o->blocked_chid = ti[i].blocked_chid;
		o->cpu_ns = ti[i].cpu_ns;
		memcpy(o->name, ti[i].name, sizeof(o->name));
		o->name[sizeof(o->name) - 1] = '\0';
	}
	free(ti);
	return r;
}

void seam_mem_info(uint64_t *free_bytes, uint64_t *total_bytes, uint64_t *kobjects)
{
	struct sysinfo_mem m;

	memset(&m, 0, sizeof(m));
	SysInfo_r(SYSINFO_MEM, &m, sizeof(m));
	*free_bytes = m.free_pages * m.page_size;
	*total_bytes = m.total_pages * m.page_size;
	*kobjects = m.kernel_objects;
}

void seam_console(const char *s, size_t n)
{
	DebugPrint_r(s, n);
}

void seam_poweroff(int status)
{
	SysCtl_r(SYSCTL_POWEROFF, (unsigned long)status);
}

void seam_reboot(void)
{
	SysCtl_r(SYSCTL_REBOOT, 0);
}
