/*
 * qsoe/seam.h - the functions libqsoe.so provides to libc.so besides the
 * <sys/neutrino.h> kernel calls: everything libc needs that only the
 * kernel in use can do. The list is deliberately short; docs/abi.md ("The
 * libc/libqsoe seam") explains each one. Every kernel has its own
 * libqsoe.so (lib/qsoe/<kernel>/) implementing exactly these.
 *
 * Kernel independent: no kernel-specific type appears here. Results are
 * >= 0 on success or a negative errno; none of them touches errno.
 * Programs never need this header (libc wraps all of it in POSIX calls).
 */
#ifndef QSOE_SEAM_H
#define QSOE_SEAM_H

#include <qsoe/abi/types.h>
#include <qsoe/abi/time.h>

/* Ends the calling process with exit status (status & 0xff). */
__attribute__((__noreturn__)) void __qsoe_exit(int status);

/*
 * Maps len bytes of anonymous memory (MAP_ANON) or, with I/O privilege,
 * physical memory at phys (MAP_PHYS), with protection prot (PROT_*) and
 * flags (MAP_* of <sys/mman.h>: MAP_PRIVATE/SHARED, MAP_FIXED, MAP_STACK,
 * MAP_NOINIT, MAP_PHYS). addr is a hint, or the exact place with
 * MAP_FIXED. Stores the address in *out. Returns 0 or -EINVAL, -ENOMEM,
 * -EPERM.
 */
int __qsoe_vm_map(void *addr, _Sizet len, int prot, int flags, __uint64_t phys, void **out);

/* Unmaps [addr, addr + len) (page aligned). Returns 0 or -EINVAL. */
int __qsoe_vm_unmap(void *addr, _Sizet len);

/* Changes the protection of mapped pages. Returns 0, -EINVAL, -ENOMEM (not mapped). */
int __qsoe_vm_protect(void *addr, _Sizet len, int prot);

/*
 * The physical address of the byte at addr and how many bytes from there
 * are physically contiguous (mem_offset64). Returns 0 or -EINVAL/-EFAULT.
 */
int __qsoe_vm_phys(const void *addr, __uint64_t *paddr, _Sizet *contig);

/*
 * Sleeping is part of the seam under its POSIX names: libqsoe.so defines
 * clock_nanosleep() and nanosleep() (<time.h>), because a sleep is a
 * kernel-specific call (Skimmer: TimerTimeout with _NTO_TIMEOUT_NANOSLEEP).
 */

/* System facts for sysconf() and ClockCycles(). */
#define QSOE_SI_NCPU_CONF      1 /* processors configured */
#define QSOE_SI_NCPU_ONLINE    2 /* processors running */
#define QSOE_SI_PHYS_PAGES     3 /* pages of RAM the kernel manages */
#define QSOE_SI_AVPHYS_PAGES   4 /* pages free now */
#define QSOE_SI_CYCLES_PER_SEC 5 /* rate of ClockCycles() */
#define QSOE_SI_PAGE_SIZE      6

/* One of the QSOE_SI_* values (>= 0), or -EINVAL. */
long __qsoe_sysinfo(int what);

#endif /* QSOE_SEAM_H */
