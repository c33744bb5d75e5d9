/*
 * boot.c - starts the first process, taskman, from the boot archive.
 *
 * taskman is a static ELF executable named "taskman" at the top of the
 * newc initrd. The kernel maps its segments, a stack, and (read-only) the
 * whole boot archive and the devicetree; taskman learns where they are from
 * SysInfo(SYSINFO_BOOT). taskman gets process-manager privilege.
 */
#include <skimmer/cpu.h>
#include <skimmer/kstring.h>
#include <skimmer/platform.h>
#include <skimmer/printk.h>
#include <skimmer/proc.h>
#include <skimmer/sched.h>
#include <skimmer/thread.h>
#include <skimmer/uaccess.h>
#include <skimmer/ustack.h>
#include <skimmer/vm.h>
#include <skimmer/kapi.h>
#include <qsoe/abi/sched.h>
#include <qsoe/abi/tls.h>
#include <arch/memlayout.h>
#include "cpio.h"
#include "elf.h"

#define TASKMAN_NAME  "taskman"
#define TASKMAN_STACK (256 * 1024)
#define TASKMAN_PRIO  PRIO_DEFAULT

struct sysinfo_boot boot_info;

/* Maps a reserved physical range read-only into p; returns the user address of pa. */
static uaddr_t map_boot_range(struct process *p, paddr_t pa, size_t len)
{
	paddr_t base = ALIGN_DOWN(pa, PAGE_SIZE);
	size_t span = ALIGN_UP(pa + len, PAGE_SIZE) - base;
	long va = vm_map(p->as, 0, span, PROT_READ, MAP_PHYS | VM_BOOT, base, NULL);

	if (va < 0)
		return 0;
	return (uaddr_t)va + (pa - base);
}

/* Loads the segments of a validated ELF image into p. 0 or -errno. */
static int load_segments(struct process *p, const struct elf_image *img)
{
	for (unsigned i = 0; i < img->phnum; i++) {
		Elf64_Phdr phc;
		const Elf64_Phdr *ph = &phc;
		elf_phdr(img, i, &phc);
		if (ph->p_type != PT_LOAD)
			continue;
		uaddr_t start = ALIGN_DOWN(ph->p_vaddr, PAGE_SIZE);
		uaddr_t end = ALIGN_UP(ph->p_vaddr + ph->p_memsz, PAGE_SIZE);
		long r = vm_map(p->as, start, end - start, PROT_READ | PROT_WRITE,
		                MAP_FIXED | MAP_ANON | MAP_PRIVATE, 0, NULL);
		if (r < 0)
			return (int)r;
		r = as_write(p->as, ph->p_vaddr, img->data + ph->p_offset, ph->p_filesz);
		if (r < 0)
			return (int)r;
		uint32_t prot = 0;
		if (ph->p_flags & PF_R)
			prot |= PROT_READ;
		if (ph->p_flags & PF_W)
			prot |= PROT_WRITE;
		if (ph->p_flags & PF_X)
			prot |= PROT_EXEC;
		r = vm_protect(p->as, start, end - start, prot);
		if (r < 0)
			return (int)r;
	}
	return 0;
}

/* Returns 0, or a negative errno after printing why taskman could not start. */
int boot_start_taskman(void)
{
	struct cpio_entry e;
	struct elf_image img;
	int err;

	if (plat.initrd_end == 0) {
		kprintf("boot: no boot archive (initrd) was given: nothing to run\n");
		return -ENOENT;
	}
	const void *archive = pa_to_kva(plat.initrd_start);
	size_t alen = plat.initrd_end - plat.initrd_start;
	int r = cpio_find(archive, alen, TASKMAN_NAME, &e);
	if (r < 0) {
		kprintf("boot: %s not found in the boot archive: %s\n", TASKMAN_NAME,
		        cpio_strerror(r));
		return -ENOENT;
	}
	r = elf_parse(&img, e.data, e.size, EM_RISCV, PAGE_SIZE);
	Elf64_Phdr tmp;
	if (r == 0 && (img.eh.e_type != ET_EXEC || elf_find_phdr(&img, PT_INTERP, &tmp) == 0 ||
	               elf_find_phdr(&img, PT_DYNAMIC, &tmp) == 0))
		r = ELF_E_TYPE;
	if (r < 0) {
		kprintf("boot: %s is not a static RISC-V executable: %s\n", TASKMAN_NAME,
		        elf_strerror(r));
		return -ENOEXEC;
	}
	struct process *p = proc_create(TASKMAN_NAME, 0, PROC_F_SYSMGR, &err);
	if (p == NULL)
		return -err;
	r = load_segments(p, &img);
	if (r < 0) {
		kprintf("boot: cannot load %s (%d)\n", TASKMAN_NAME, r);
		return r;
	}
	long stack = vm_map(p->as, 0, TASKMAN_STACK, PROT_READ | PROT_WRITE, MAP_ANON | MAP_STACK,
	                    0, NULL);
	if (stack < 0)
		return (int)stack;

	boot_info.initrd_va = map_boot_range(p, plat.initrd_start, alen);
	boot_info.initrd_size = alen;
	boot_info.fdt_va = map_boot_range(p, plat.fdt_pa, plat.fdt_size);
	boot_info.fdt_size = plat.fdt_size;
	strlcpy(boot_info.cmdline, plat.bootargs, sizeof(boot_info.cmdline));
	if (!boot_info.initrd_va || !boot_info.fdt_va)
		return -ENOMEM;

	struct ustack us;
	r = ustack_setup(p, (uaddr_t)stack, (uaddr_t)stack + TASKMAN_STACK, 1, 0, 0, &us);
	if (r < 0)
		return r;
	struct thread *t = thread_create(p, this_cpu(), img.eh.e_entry, us.sp, 0, us.tp,
	                                 TASKMAN_PRIO, SCHED_RR, &err);
	if (t == NULL)
		return -err;
	t->stack_lo = us.lo;
	t->stack_hi = us.hi;
	as_write(p->as, us.tls + offsetof(struct _thread_local_storage, __owner), &t->sync.owner_id,
	         sizeof(t->sync.owner_id));
	thread_start(t);
	kprintf("boot: started %s (pid %d, %zu KiB)\n", TASKMAN_NAME, p->pid, e.size / 1024);
	return 0;
}
