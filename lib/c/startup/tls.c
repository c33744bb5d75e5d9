/*
 * tls.c - static thread-local storage (ELF PT_TLS, RISC-V TLS variant I).
 *
 * The kernel gives each thread a QNX TLS control block (TCB) just below tp
 * (include/qsoe/abi/tls.h). If any loaded object has a PT_TLS segment
 * (taskman's link map reports its image and sizes), each thread needs the
 * static TLS blocks starting at tp: libc then gives the thread a new area
 * holding a copy of the TCB followed by the blocks, and moves tp there.
 *
 * Layout (taskman resolves TLS relocations with the same rule): the
 * objects' blocks follow each other in link-map order, each at the next
 * offset from tp aligned to its p_align; the program's block is at offset
 * 0 (rounded up to its alignment). So R_RISCV_TLS_TPREL64 is that offset
 * plus S + A; R_RISCV_TLS_DTPMOD64 is the object's link-map index plus 1
 * and R_RISCV_TLS_DTPREL64 is S + A - 0x800 (the psABI's TLS_DTV_OFFSET),
 * which __tls_get_addr() below undoes.
 */
#include <string.h>
#include "qsoe_os.h"
#include <qsoe/abi/mman.h>

static size_t tls_total = (size_t)-1; /* bytes of static TLS (computed once) */
static size_t tls_align = 16;

/* Computes the layout from the link map; 0 if no object has TLS. */
size_t __qsoe_tls_size(void)
{
	const struct tm_linkmap *lm = __qsoe_proc.lm;
	size_t off = 0;

	if (tls_total != (size_t)-1)
		return tls_total;
	for (uint32_t i = 0; lm && i < lm->nobjects; i++) {
		const struct tm_object *o = &lm->objects[i];
		size_t a = o->tls_align ? (size_t)o->tls_align : 1;
		if (o->tls_memsz == 0)
			continue;
		if (a > tls_align)
			tls_align = a;
		off = (off + a - 1) & ~(a - 1);
		off += (size_t)o->tls_memsz;
	}
	tls_total = off;
	return off;
}

/* Bytes a thread's TLS area needs: the TCB, alignment slack, the blocks. */
static size_t area_size(void)
{
	return sizeof(struct _thread_local_storage) + tls_align + tls_total;
}

/*
 * Sets up area (area_size() bytes, from __qsoe_tls_area_size) for the
 * calling thread: copies its TCB and the TLS images, then moves tp there.
 * Returns the new TCB.
 */
void *__qsoe_tls_setup(void *area)
{
	const struct tm_linkmap *lm = __qsoe_proc.lm;
	uintptr_t tp = (uintptr_t)area + sizeof(struct _thread_local_storage);
	struct _thread_local_storage *old = __tls(), *tcb;

	tp = (tp + tls_align - 1) & ~(uintptr_t)(tls_align - 1);
	tcb = (struct _thread_local_storage *)tp - 1;
	memcpy(tcb, old, sizeof(*tcb));
	tcb->__errval = *old->__errptr;
	tcb->__errptr = &tcb->__errval;
	size_t off = 0;
	for (uint32_t i = 0; lm && i < lm->nobjects; i++) {
		const struct tm_object *o = &lm->objects[i];
		size_t a = o->tls_align ? (size_t)o->tls_align : 1;
		if (o->tls_memsz == 0)
			continue;
		off = (off + a - 1) & ~(a - 1);
		memcpy((void *)(tp + off), (const void *)o->tls_image, (size_t)o->tls_filesz);
		memset((void *)(tp + off + o->tls_filesz), 0,
		       (size_t)(o->tls_memsz - o->tls_filesz));
		off += (size_t)o->tls_memsz;
	}
	__asm__ volatile("mv tp, %0" : : "r"(tp) : "memory");
	return tcb;
}

/* Bytes to allocate for a new thread's TLS area (0: none needed). */
size_t __qsoe_tls_area_size(void) QSOE_HIDDEN;
size_t __qsoe_tls_area_size(void)
{
	return __qsoe_tls_size() ? area_size() : 0;
}

int __qsoe_tls_init_main(void)
{
	void *area;

	if (__qsoe_tls_size() == 0)
		return 0;
	size_t len = (area_size() + 4095) & ~(size_t)4095;
	int r = __qsoe_vm_map(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, 0, &area);
	if (r < 0)
		return r;
	__qsoe_tls_setup(area);
	return 0;
}

/* The offset from tp of link-map object i's block (the layout above). */
static size_t block_offset(uint32_t i)
{
	const struct tm_linkmap *lm = __qsoe_proc.lm;
	size_t off = 0;

	for (uint32_t k = 0; lm && k <= i && k < lm->nobjects; k++) {
		const struct tm_object *o = &lm->objects[k];
		size_t a = o->tls_align ? (size_t)o->tls_align : 1;
		if (o->tls_memsz == 0)
			continue;
		off = (off + a - 1) & ~(a - 1);
		if (k == i)
			return off;
		off += (size_t)o->tls_memsz;
	}
	return off;
}

/*
 * The general-dynamic TLS access of position-independent code: the
 * address of a thread-local variable of module ti->module (link-map index
 * + 1) at ti->offset (biased by -0x800, RISC-V psABI). All of QSOE's TLS
 * is static, so this is tp + the module's block offset + the offset.
 */
struct __qsoe_tls_index {
	unsigned long module;
	unsigned long offset;
};
void *__tls_get_addr(const struct __qsoe_tls_index *ti)
{
	uintptr_t tp;

	__asm__ volatile("mv %0, tp" : "=r"(tp));
	return (void *)(tp + block_offset((uint32_t)ti->module - 1) + ti->offset + 0x800);
}
