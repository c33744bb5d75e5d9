/*
 * mmu.c - Sv39 page tables and ASIDs (RISC-V privileged spec, 4.4 and 4.3.1).
 */
#include <skimmer/cpu.h>
#include <skimmer/kstring.h>
#include <skimmer/pmm.h>
#include <skimmer/printk.h>
#include <skimmer/spinlock.h>
#include <arch/arch.h>
#include <arch/mmu.h>
#include <qsoe/abi/mman.h>
#include <arch/sbi.h>

extern char _kernel_start[], _etext[], _erodata[], _kernel_end[];

static paddr_t kernel_root;
uint64_t kernel_satp;

static unsigned asid_bits;
static uint64_t asid_generation = 1;
static uint64_t asid_next = 1;
static spinlock_t asid_lock = SPINLOCK_INIT;
static uint64_t cpu_generation[MAX_CPUS];

static pte_t *table(paddr_t pa)
{
	return pa_to_kva(pa);
}

/* Allocates a zeroed page-table page; panics only during boot. */
static paddr_t boot_table(void)
{
	paddr_t pa = pmm_alloc_zeroed(0);

	if (!pa)
		panic("mmu: out of memory building the kernel page table");
	return pa;
}

void mmu_init_kernel(paddr_t load_pa)
{
	kernel_root = boot_table();
	pte_t *root = table(kernel_root);

	/* Physmap: gigapages for physical 0 .. PHYSMAP_SIZE. */
	for (uint64_t g = 0; g < PHYSMAP_SIZE / GIGAPAGE; g++)
		root[256 + g] = pa_pte(g * GIGAPAGE, PTE_KERN_RW);

	/* Kernel image: 4 KiB pages with W^X permissions. */
	paddr_t l1 = boot_table();
	root[(KERNEL_VBASE >> 30) & 511] = pa_pte(l1, PTE_V);
	uintptr_t start = (uintptr_t)_kernel_start, end = (uintptr_t)_kernel_end;
	for (uintptr_t va = start; va < end; va += PAGE_SIZE) {
		pte_t *l1e = &table(l1)[(va >> 21) & 511];
		if (!(*l1e & PTE_V))
			*l1e = pa_pte(boot_table(), PTE_V);
		pte_t *l0 = table(pte_pa(*l1e));
		uint64_t flags;
		if (va < (uintptr_t)_etext)
			flags = PTE_KERN_RX;
		else if (va < (uintptr_t)_erodata)
			flags = PTE_KERN_R;
		else
			flags = PTE_KERN_RW;
		l0[(va >> 12) & 511] = pa_pte(load_pa + (va - start), flags);
	}

	kernel_satp = SATP_MODE_SV39 | (kernel_root >> PAGE_SHIFT);
	csr_write(satp, kernel_satp);
	sfence_vma_all();

	/* How many ASID bits does this hart implement? */
	csr_write(satp, kernel_satp | (SATP_ASID_MASK << SATP_ASID_SHIFT));
	uint64_t got = (csr_read(satp) >> SATP_ASID_SHIFT) & SATP_ASID_MASK;
	csr_write(satp, kernel_satp);
	sfence_vma_all();
	asid_bits = 0;
	while (got & (1UL << asid_bits))
		asid_bits++;
	kprintf("mmu: Sv39, %u ASID bits, kernel at %#lx\n", asid_bits, (unsigned long)load_pa);
}

paddr_t mmu_new_root(void)
{
	paddr_t root = pmm_alloc_zeroed(0);

	if (!root)
		return 0;
	memcpy(&table(root)[256], &table(kernel_root)[256], 256 * sizeof(pte_t));
	return root;
}

void mmu_free_root(paddr_t root)
{
	pte_t *r = table(root);

	for (int i = 0; i < 256; i++) {
		if (!(r[i] & PTE_V))
			continue;
		pte_t *l1 = table(pte_pa(r[i]));
		for (int j = 0; j < 512; j++)
			if (l1[j] & PTE_V)
				pmm_free(pte_pa(l1[j]), 0);
		pmm_free(pte_pa(r[i]), 0);
	}
	pmm_free(root, 0);
}

pte_t *mmu_walk(paddr_t root, uaddr_t va, bool create)
{
	pte_t *t = table(root);

	for (int level = 2; level > 0; level--) {
		pte_t *e = &t[(va >> (12 + 9 * level)) & 511];
		if (!(*e & PTE_V)) {
			if (!create)
				return NULL;
			paddr_t pa = pmm_alloc_zeroed(0);
			if (!pa)
				return NULL;
			*e = pa_pte(pa, PTE_V);
		}
		t = table(pte_pa(*e));
	}
	return &t[(va >> 12) & 511];
}

static bool table_empty(const pte_t *t)
{
	for (int i = 0; i < 512; i++)
		if (t[i])
			return false;
	return true;
}

int mmu_prune(paddr_t root, uaddr_t va, paddr_t *out)
{
	pte_t *l1e = &table(root)[(va >> 30) & 511];
	int n = 0;

	if (!(*l1e & PTE_V))
		return 0;
	pte_t *l1 = table(pte_pa(*l1e));
	pte_t *l0e = &l1[(va >> 21) & 511];
	if ((*l0e & PTE_V) && table_empty(table(pte_pa(*l0e)))) {
		out[n++] = pte_pa(*l0e);
		*l0e = 0;
	}
	if (table_empty(l1)) {
		out[n++] = pte_pa(*l1e);
		*l1e = 0;
	}
	return n;
}

pte_t mmu_prot_flags(uint32_t prot)
{
	pte_t f = PTE_U | PTE_A | PTE_D;

	if (prot & (PROT_READ | PROT_WRITE | PROT_EXEC))
		f |= PTE_V;
	else
		return PTE_SW_NONE;
	if (prot & (PROT_READ | PROT_WRITE))
		f |= PTE_R;
	if (prot & PROT_WRITE)
		f |= PTE_W;
	if (prot & PROT_EXEC)
		f |= PTE_X;
	return f;
}

void mmu_activate(paddr_t root, uint64_t *asid)
{
	struct cpu *c = this_cpu();
	uint64_t a;
	uint64_t gen = __atomic_load_n(&asid_generation, __ATOMIC_ACQUIRE);

	/* Fast path: the ASID is current and this hart has flushed for this generation. */
	if (asid_bits && (*asid >> 16) == gen && cpu_generation[c->id] == gen) {
		csr_write(satp, SATP_MODE_SV39 | ((*asid & 0xffff) << SATP_ASID_SHIFT) |
		                        (root >> PAGE_SHIFT));
		return;
	}
	spin_lock(&asid_lock);
	if (asid_bits == 0) {
		a = 0;
	} else {
		if ((*asid >> 16) != asid_generation) {
			if (asid_next >= (1UL << asid_bits)) {
				/* Roll over: every hart flushes before using the new generation. */
				__atomic_store_n(&asid_generation, asid_generation + 1,
				                 __ATOMIC_RELEASE);
				asid_next = 1;
			}
			*asid = (asid_generation << 16) | asid_next++;
		}
		a = *asid & 0xffff;
	}
	bool flush = cpu_generation[c->id] != asid_generation;
	cpu_generation[c->id] = asid_generation;
	spin_unlock(&asid_lock);

	csr_write(satp, SATP_MODE_SV39 | (a << SATP_ASID_SHIFT) | (root >> PAGE_SHIFT));
	if (flush || asid_bits == 0)
		sfence_vma_all();
}

void mmu_flush_range(uint64_t cpumask, uint64_t asid, uaddr_t va, size_t len)
{
	struct cpu *self = this_cpu();
	unsigned long a = asid_bits ? (asid & 0xffff) : 0;

	for (unsigned i = 0; i < ncpu; i++) {
		if (!(cpumask & (1UL << i)))
			continue;
		if (cpus[i] == self) {
			if (len > 64 * PAGE_SIZE) {
				sfence_vma_asid(a);
			} else {
				for (size_t off = 0; off < len; off += PAGE_SIZE)
					__asm__ volatile("sfence.vma %0, %1" ::"r"(va + off), "r"(a)
					                 : "memory");
			}
		} else {
			sbi_remote_sfence_vma_asid(1, cpus[i]->hartid, va, len, a);
		}
	}
}
