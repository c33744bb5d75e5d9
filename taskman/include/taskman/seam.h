/*
 * seam.h - what taskman needs from its kernel.
 *
 * The common taskman code (taskman/common) builds processes through this
 * interface only; taskman/skimmer implements it with Skimmer's privileged
 * kernel calls, taskman/sel4 with seL4 capabilities. Every function returns
 * 0 or a negative errno.
 */
#ifndef TASKMAN_SEAM_H
#define TASKMAN_SEAM_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* Creates an empty process (no threads, empty address space). */
int seam_proc_create(const char *name, pid_t *pid);

/* Ends a process with a wait status. */
int seam_proc_destroy(pid_t pid, int status);

/*
 * Maps len bytes of zeroed memory into process pid, read-write. With
 * fixed, exactly at *addr; otherwise anywhere, returned in *addr.
 */
int seam_map_anon(pid_t pid, uintptr_t *addr, size_t len, int fixed);

/* Maps the pages process pid has at addr into taskman, read-write. */
int seam_map_child(pid_t pid, uintptr_t addr, size_t len, void **local);

/* Unmaps memory from taskman's own address space. */
int seam_unmap_local(void *local, size_t len);

/* Sets the protection (PROT_*) of a range of process pid. */
int seam_protect(pid_t pid, uintptr_t addr, size_t len, int prot);

/*
 * Starts the first thread of pid at entry with a0 = arg, on the stack
 * [stack, stack + stack_size), at priority prio.
 */
int seam_thread_start(pid_t pid, uintptr_t entry, uintptr_t arg, uintptr_t stack, size_t stack_size,
                      int prio);

/* Waits for a process to end (pid -1: any). Fills *pid and *status. */
int seam_wait(pid_t *pid, int *status, int nohang);

/* Writes to the system console (boot messages, diagnostics). */
void seam_console(const char *s, size_t n);

/* Powers off (status reported to the host) or reboots. */
void seam_poweroff(int status);

#endif
