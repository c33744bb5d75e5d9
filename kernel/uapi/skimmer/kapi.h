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

/*
 * ProcWait(pid, flags, info): the next process (pid, or any with -1) that
 * ended, and with PROCWAIT_JOBCTL also one that stopped or continued
 * (job control; the event is consumed, the process stays). Returns its
 * pid, 0 with PROCWAIT_NOHANG when there is nothing to report, -ECHILD.
 */
#define PROCWAIT_NOHANG 0x1
#define PROCWAIT_JOBCTL 0x2 /* also report stops and continues */

/* struct proc_exitinfo.event */
#define PROCWAIT_EV_EXITED    0 /* ended; the zombie is gone */
#define PROCWAIT_EV_STOPPED   1 /* stopped by a signal; status = (signo << 8) | 0x7f */
#define PROCWAIT_EV_CONTINUED 2 /* continued by SIGCONT; status = 0xffff */

struct proc_exitinfo {
	__pid_t pid;
	int status; /* wait status (WIFEXITED/WIFSIGNALED/WIFSTOPPED/WIFCONTINUED) */
	int event;  /* PROCWAIT_EV_* */
	int reserved;
};

/* ProcSetCred(pid, cred) — taskman keeps the kernel's copy of a process's ids current. */
struct proc_cred {
	__uid_t ruid, euid, suid;
	__gid_t rgid, egid, sgid;
	__uint32_t ngroups;
	__gid_t groups[8]; /* the kernel keeps the first 8 (ConnectClientInfo reports them) */
};

/* ProcInfo(pid, info, threads, nthreads): what the kernel knows of a process. */
struct proc_info {
	__pid_t pid, ppid, pgid, sid;
	__uint32_t nthreads;
	__uint32_t state; /* 0 alive, 1 dying, 2 zombie */
	__uint64_t resident_pages;
	__uint64_t cpu_ns; /* CPU time of all its threads */
	char name[32];
};

struct proc_thread_info {
	int tid;
	__uint8_t state; /* STATE_* */
	__uint8_t prio, base_prio, policy;
	__uint32_t cpu;         /* home hart */
	__int32_t blocked_pid;  /* SEND/REPLY: the server's pid; else 0 */
	__int32_t blocked_chid; /* SEND/REPLY/RECEIVE: the channel */
	__uint64_t cpu_ns;
	char name[32]; /* its name (ThreadCtl _NTO_TCTL_NAME), cut to 31 bytes; "" if none */
};

#endif
