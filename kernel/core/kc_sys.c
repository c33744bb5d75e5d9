/*
 * kc_sys.c - system kernel calls: Nop, DebugPrint, SysCtl, SysInfo (ClockTime is in
 * kernel/time/kc_clock.c).
 */
#include <skimmer/clock.h>
#include <skimmer/cpu.h>
#include <skimmer/kcall.h>
#include <skimmer/kmem.h>
#include <skimmer/pmm.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <skimmer/kapi.h>
#include <qsoe/abi/time.h>
#include <arch/arch.h>
#include "kcall_protos.h"

extern struct sysinfo_boot boot_info;
size_t kmem_objects(void);

long kc_Nop(void)
{
	return 0;
}

/* Writes up to 4 KiB of a process's text to the console and the kernel log. */
long kc_DebugPrint(uaddr_t buf, size_t len)
{
	char tmp[256];
	size_t done = 0;

	if (len > 4096)
		len = 4096;
	while (done < len) {
		size_t n = MIN(sizeof(tmp), len - done);
		int r = copyin(tmp, buf + done, n);
		if (r < 0)
			return r;
		klog_write(tmp, n);
		done += n;
	}
	return (long)done;
}

long kc_SysCtl(int cmd, unsigned long arg)
{
	switch (cmd) {
	case SYSCTL_POWEROFF:
		kprintf("skimmer: power off (status %lu)\n", arg);
		arch_stop_others();
		arch_poweroff((int)arg);
	case SYSCTL_REBOOT:
		kprintf("skimmer: reboot\n");
		arch_stop_others();
		arch_reboot();
	default:
		return -EINVAL;
	}
}

long kc_SysInfo(int what, uaddr_t buf, size_t len)
{
	switch (what) {
	case SYSINFO_MEM: {
		struct sysinfo_mem m = {
		        .page_size = PAGE_SIZE,
		        .total_pages = pmm_total_pages(),
		        .free_pages = pmm_free_pages(),
		        .kernel_objects = kmem_objects(),
		};
		if (len < sizeof(m))
			return -EINVAL;
		return copyout(buf, &m, sizeof(m)) < 0 ? -EFAULT : (long)sizeof(m);
	}
	case SYSINFO_CPUS: {
		struct sysinfo_cpus ci = {.ncpu = ncpu, .timebase_hz = timebase_hz};
		if (len < sizeof(ci))
			return -EINVAL;
		return copyout(buf, &ci, sizeof(ci)) < 0 ? -EFAULT : (long)sizeof(ci);
	}
	case SYSINFO_KLOG: {
		size_t max = MIN(len, (size_t)64 * 1024);
		char *tmp = kmalloc(max ? max : 1);
		if (!tmp)
			return -ENOMEM;
		size_t n = klog_read(tmp, max);
		int r = copyout(buf, tmp, n);
		kfree(tmp);
		return r < 0 ? -EFAULT : (long)n;
	}
	case SYSINFO_BOOT:
		if (!(kcall_self()->proc->flags & PROC_F_SYSMGR))
			return -EPERM;
		if (len < sizeof(boot_info))
			return -EINVAL;
		return copyout(buf, &boot_info, sizeof(boot_info)) < 0 ? -EFAULT
		                                                       : (long)sizeof(boot_info);
	default:
		return -EINVAL;
	}
}
