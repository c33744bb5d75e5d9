/*
 * seam.h - what taskman needs from its kernel.
 *
 * The common taskman code (taskman/common) builds processes and reaches the
 * kernel through this interface only; taskman/skimmer implements it with
 * Skimmer's privileged kernel calls, taskman/sel4 will with seL4
 * capabilities. Message passing (MsgReceive, MsgReply, ...) and threads in
 * taskman itself use the QNX API of <sys/neutrino.h>, which both kernels
 * provide. Every function returns 0 (or a documented value) or a negative
 * errno; none blocks except seam_wait.
 */
#ifndef TASKMAN_SEAM_H
#define TASKMAN_SEAM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <qsoe/taskman.h>

/* Creates an empty process (no threads, empty address space). */
int seam_proc_create(const char *name, pid_t *pid);

/* Ends a process with a wait status (its exit is reported by seam_wait). */
int seam_proc_destroy(pid_t pid, int status);

/*
 * Maps len bytes of zeroed memory into process pid (0 = taskman) with
 * protection prot (PROT_*). With fixed, exactly at *addr (replacing what was
 * there); otherwise anywhere, returned in *addr.
 */
int seam_map_anon(pid_t pid, uintptr_t *addr, size_t len, int prot, int fixed);

/* Maps the pages process pid has at addr into taskman, read-write. */
int seam_map_child(pid_t pid, uintptr_t addr, size_t len, void **local);

/*
 * Maps taskman's pages at local into process pid with protection prot,
 * sharing them: exactly at *addr if it is nonzero, else anywhere (returned
 * in *addr).
 */
int seam_share(pid_t pid, uintptr_t *addr, size_t len, int prot, const void *local);

/* Unmaps memory of process pid (0 = taskman). */
int seam_unmap(pid_t pid, uintptr_t addr, size_t len);

/* Unmaps memory from taskman's own address space. */
int seam_unmap_local(void *local, size_t len);

/* Sets the protection (PROT_*) of a range of process pid. */
int seam_protect(pid_t pid, uintptr_t addr, size_t len, int prot);

/*
 * Starts the first thread of pid at entry with a0 = arg, on the stack
 * [stack, stack + stack_size), with scheduling policy and priority.
 */
int seam_thread_start(pid_t pid, uintptr_t entry, uintptr_t arg, uintptr_t stack, size_t stack_size,
                      int policy, int prio);

/*
 * Waits for a process to end (pid -1: any; nohang: don't block). Fills
 * *pid and *status (a wait status). Returns 0, -EAGAIN (nohang, nothing
 * ended) or another negative errno.
 */
int seam_wait(pid_t *pid, int *status, int nohang);

/* Tells the kernel a process's credentials (what servers see of a client). */
int seam_set_cred(pid_t pid, const struct tm_cred *cred);

/* Tells the kernel a process's group and session (kernel-direct group signals). */
int seam_set_pgrp(pid_t pid, pid_t pgid, pid_t sid);

/*
 * Delivers signal signo to process pid on behalf of process from (kill()).
 * Returns 0 when delivered, -ENOSYS if the kernel cannot deliver this
 * signal yet, or another negative errno.
 */
int seam_signal(pid_t pid, int signo, pid_t from);

/*
 * Tells parent that its child ended or changed state: SIGCHLD with si_pid
 * = child, si_code = code (CLD_*), si_status = value (exit code or
 * signal). 0, -ENOSYS (the kernel cannot deliver it yet) or -errno.
 */
int seam_sigchld(pid_t parent, pid_t child, int code, int value);

/* What the kernel knows about a process, for /proc and TM_PROCLIST. */
struct seam_proc_info {
	uint32_t nthreads;
	uint64_t mem_bytes; /* resident memory */
	uint64_t cpu_ns;    /* CPU time of all its threads */
};

struct seam_thread_info {
	int tid;
	int state; /* STATE_* (<sys/neutrino.h> numbering) */
	int prio, policy;
	int cpu;
	pid_t blocked_pid; /* SEND/REPLY: the server's pid; else 0 */
	int blocked_chid;  /* SEND/REPLY/RECEIVE: the channel; else 0 */
	uint64_t cpu_ns;
	char name[32]; /* ThreadCtl _NTO_TCTL_NAME, cut to 31 bytes; "" if unnamed */
};

/*
 * Fills *info and up to nthreads entries of threads (may be NULL). Returns
 * the number of threads the process has, or a negative errno.
 */
int seam_proc_info(pid_t pid, struct seam_proc_info *info, struct seam_thread_info *threads,
                   size_t nthreads);

/* Free and total memory of the system, in bytes; kernel object count. */
void seam_mem_info(uint64_t *free_bytes, uint64_t *total_bytes, uint64_t *kobjects);

/* The boot archive, devicetree and command line the kernel handed over. */
struct seam_boot {
	const void *archive;
	size_t archive_size;
	const void *fdt;
	size_t fdt_size;
	const char *cmdline;
	const char *kernel_name; /* "Skimmer" */
};
const struct seam_boot *seam_boot_info(void);

/* Writes to the system console (boot messages, diagnostics). */
void seam_console(const char *s, size_t n);

/* Powers off (status reported to the host) or reboots; returns only on failure. */
void seam_poweroff(int status);
void seam_reboot(void);

#endif
