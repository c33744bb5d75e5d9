/*
 * seam.c - taskman's kernel seam on Skimmer (see taskman/seam.h).
 */
#include <errno.h>
#include <taskman/seam.h>
#include <qsoe/abi/mman.h>
#include <qsoe/abi/neutrino.h>
#include <qsoe/abi/sched.h>
#include <skimmer/kapi.h>
#include "kcall_user.h"

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

int seam_map_anon(pid_t pid, uintptr_t *addr, size_t len, int fixed)
{
	long r = (long)VmMap_r(pid, (void *)*addr, len, PROT_READ | PROT_WRITE,
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

int seam_unmap_local(void *local, size_t len)
{
	return VmUnmap_r(0, local, len);
}

int seam_protect(pid_t pid, uintptr_t addr, size_t len, int prot)
{
	return VmProtect_r(pid, (void *)addr, len, prot);
}

int seam_thread_start(pid_t pid, uintptr_t entry, uintptr_t arg, uintptr_t stack, size_t stack_size,
                      int prio)
{
	struct _thread_attr attr = {0};

	attr.__flags = _QSOE_TATTR_EXPLICIT_SCHED;
	attr.__stackaddr = (void *)stack;
	attr.__stacksize = stack_size;
	attr.__policy = SCHED_RR;
	attr.__param.sched_priority = prio;
	int r = ThreadCreate_r(pid, (void *(*)(void *))entry, (void *)arg, &attr);
	return r < 0 ? r : 0;
}

int seam_wait(pid_t *pid, int *status, int nohang)
{
	struct proc_exitinfo info;
	pid_t r = ProcWait_r(*pid, nohang ? PROCWAIT_NOHANG : 0, &info);

	if (r <= 0)
		return r == 0 ? -EAGAIN : r;
	*pid = info.pid;
	*status = info.status;
	return 0;
}

void seam_console(const char *s, size_t n)
{
	DebugPrint_r(s, n);
}

void seam_poweroff(int status)
{
	SysCtl_r(SYSCTL_POWEROFF, (unsigned long)status);
}
