/*
 * skimmer/kapi.h - the Skimmer-specific parts of the user ABI.
 *
 * Only the per-kernel components include this: taskman/skimmer and
 * lib/qsoe/skimmer. Programs never see it (they use <sys/neutrino.h> and
 * POSIX), which keeps them kernel independent.
 */
#ifndef SKIMMER_KAPI_H
#define SKIMMER_KAPI_H

#include <qsoe/abi/types.h>

/* SysCtl(cmd, arg) — taskman only. */
#define SYSCTL_POWEROFF 1 /* arg: exit status reported to the host (0 = success) */
#define SYSCTL_REBOOT   2

/* SysInfo(what, buf, len) — any process. */
#define SYSINFO_MEM  1 /* struct sysinfo_mem */
#define SYSINFO_CPUS 2 /* struct sysinfo_cpus */
#define SYSINFO_KLOG 3 /* raw bytes of the kernel log ring, oldest first */
#define SYSINFO_BOOT 4 /* struct sysinfo_boot (taskman uses it at start-up) */

struct sysinfo_mem {
	__uint64_t page_size;
	__uint64_t total_pages;
	__uint64_t free_pages;
	__uint64_t kernel_objects; /* slab objects in use */
};

struct sysinfo_cpus {
	__uint32_t ncpu;
	__uint32_t boot_cpu;
	__uint64_t timebase_hz;
};

/* Where the kernel put things for taskman (mapped read-only into it). */
struct sysinfo_boot {
	__uint64_t initrd_va; /* boot archive, mapped in taskman */
	__uint64_t initrd_size;
	__uint64_t fdt_va; /* devicetree blob, mapped in taskman */
	__uint64_t fdt_size;
	char cmdline[512]; /* /chosen/bootargs (truncated to 511 bytes) */
};

/* ProcWait(pid, flags, info): flags */
#define PROCWAIT_NOHANG 0x1

struct proc_exitinfo {
	__pid_t pid;
	int status; /* wait status */
};

#endif
