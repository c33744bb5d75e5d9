/*
 * kc_vm.c - memory calls: VmMap, VmUnmap, VmProtect, VmShare, VmPhys.
 *
 * Any process may change its own address space; changing another's is
 * taskman's privilege; mapping physical device memory needs I/O privilege.
 */
#include <skimmer/kcall.h>
#include <skimmer/proc.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <skimmer/vm.h>
#include "kcall_protos.h"

#define VMMAP_FLAGS                                                                            \
	(MAP_SHARED | MAP_PRIVATE | MAP_FIXED | MAP_LAZY | MAP_STACK | MAP_NOINIT | MAP_PHYS | \
	 MAP_ANON | MAP_NOX64K | MAP_BELOW16M | MAP_ELF | MAP_BELOW | MAP_SYSRAM)

/* The target process for a memory call; NULL with *err if not allowed. */
static struct process *vm_target(pid_t pid, int *err)
{
	struct process *self = kcall_self()->proc;

	if (pid == 0 || pid == self->pid) {
		kobj_get(&self->kobj);
		return self;
	}
	if (!(self->flags & PROC_F_SYSMGR)) {
		*err = EPERM;
		return NULL;
	}
	struct process *p = proc_get(pid);
	if (p == NULL)
		*err = ESRCH;
	return p;
}

static bool io_privileged(void)
{
	struct thread *t = kcall_self();
	return (t->flags & TF_IOPRIV) || (t->proc->flags & PROC_F_SYSMGR);
}

long kc_VmMap(pid_t pid, uaddr_t addr, size_t len, int prot, int flags, uint64_t phys)
{
	int err;

	if ((unsigned)flags & ~VMMAP_FLAGS)
		return -EINVAL;
	if (prot & ~PROT_MASK)
		return -EINVAL;
	if ((flags & MAP_PHYS) && !(flags & MAP_ANON) && !io_privileged())
		return -EPERM;
	if (!(flags & (MAP_ANON | MAP_PHYS)))
		return -EINVAL; /* file mappings go through the file's resource manager */
	struct process *p = vm_target(pid, &err);
	if (p == NULL)
		return -err;
	long r = vm_map(p->as, addr, len, (uint32_t)prot, (uint32_t)flags, phys, NULL);
	proc_put(p);
	return r;
}

long kc_VmUnmap(pid_t pid, uaddr_t addr, size_t len)
{
	int err;
	struct process *p = vm_target(pid, &err);

	if (p == NULL)
		return -err;
	long r = vm_unmap(p->as, addr, len);
	proc_put(p);
	return r;
}

long kc_VmProtect(pid_t pid, uaddr_t addr, size_t len, int prot)
{
	int err;

	if (prot & ~PROT_MASK)
		return -EINVAL;
	struct process *p = vm_target(pid, &err);
	if (p == NULL)
		return -err;
	long r = vm_protect(p->as, addr, len, (uint32_t)prot);
	proc_put(p);
	return r;
}

long kc_VmShare(pid_t pid, uaddr_t addr, size_t len, int prot, pid_t src_pid, uaddr_t src_addr)
{
	int err;

	if (prot & ~PROT_MASK)
		return -EINVAL;
	struct process *dst = vm_target(pid, &err);
	if (dst == NULL)
		return -err;
	struct process *src = vm_target(src_pid, &err);
	if (src == NULL) {
		proc_put(dst);
		return -err;
	}
	long r = vm_map(dst->as, addr, len, (uint32_t)prot, (addr ? MAP_FIXED : 0) | VM_SHARE,
	                src_addr, src->as);
	proc_put(src);
	proc_put(dst);
	return r;
}

long kc_VmPhys(uaddr_t addr, uaddr_t paddr_u, uaddr_t contig_u)
{
	paddr_t pa;
	size_t contig;
	int r = vm_phys(kcall_self()->proc->as, addr, &pa, &contig);

	if (r < 0)
		return r;
	if (paddr_u && copyout(paddr_u, &pa, sizeof(pa)) < 0)
		return -EFAULT;
	if (contig_u && copyout(contig_u, &contig, sizeof(contig)) < 0)
		return -EFAULT;
	return 0;
}
