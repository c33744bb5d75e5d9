/*
 * seam.c - the libc/libqsoe seam on Skimmer (<qsoe/seam.h>): process exit,
 * memory and system facts through Skimmer's own calls (ThreadDestroy(-1),
 * Vm*, SysInfo). Sleeping (clock_nanosleep, nanosleep) is in sleep.c.
 * Every function returns >= 0 or a negative errno and leaves errno alone.
 */
#include <errno.h>
#include <sys/neutrino.h>
#include <qsoe/abi/mman.h>
#include <qsoe/seam.h>
#include <skimmer/kapi.h>
#include "kcall_user.h"

/* Ends every thread of the process; the wait status is (status & 0xff) << 8. */
void __qsoe_exit(int status)
{
	for (;;)
		ThreadDestroy_r(-1, -1, (void *)(long)(status & 0xff));
}

/* A result of a pointer-returning call: an address or a small negative errno. */
static int vm_result(void *p, void **out)
{
	long r = (long)p;

	if (r < 0 && r > -4096)
		return (int)r;
	*out = p;
	return 0;
}

int __qsoe_vm_map(void *addr, _Sizet len, int prot, int flags, __uint64_t phys, void **out)
{
	return vm_result(VmMap_r(0, addr, len, prot, flags, phys), out);
}

int __qsoe_vm_unmap(void *addr, _Sizet len)
{
	return VmUnmap_r(0, addr, len);
}

int __qsoe_vm_protect(void *addr, _Sizet len, int prot)
{
	return VmProtect_r(0, addr, len, prot);
}

int __qsoe_vm_phys(const void *addr, __uint64_t *paddr, _Sizet *contig)
{
	return VmPhys_r((void *)addr, paddr, contig);
}

long __qsoe_sysinfo(int what)
{
	struct sysinfo_mem mem;
	struct sysinfo_cpus cpus;
	long r;

	switch (what) {
	case QSOE_SI_NCPU_CONF:
	case QSOE_SI_NCPU_ONLINE:
	case QSOE_SI_CYCLES_PER_SEC:
		r = SysInfo_r(SYSINFO_CPUS, &cpus, sizeof(cpus));
		if (r < 0)
			return r;
		return what == QSOE_SI_CYCLES_PER_SEC ? (long)cpus.timebase_hz : (long)cpus.ncpu;
	case QSOE_SI_PHYS_PAGES:
	case QSOE_SI_AVPHYS_PAGES:
	case QSOE_SI_PAGE_SIZE:
		r = SysInfo_r(SYSINFO_MEM, &mem, sizeof(mem));
		if (r < 0)
			return r;
		if (what == QSOE_SI_PAGE_SIZE)
			return (long)mem.page_size;
		return (long)(what == QSOE_SI_PHYS_PAGES ? mem.total_pages : mem.free_pages);
	default:
		return -EINVAL;
	}
}
