/*
 * platform.c - reads the devicetree into struct platform.
 *
 * Every node is optional except memory and cpus: anything unknown is
 * ignored, anything malformed is reported on the console and skipped.
 */
#include <skimmer/kstring.h>
#include <skimmer/platform.h>
#include <skimmer/printk.h>
#include <arch/memlayout.h>
#include "fdt.h"

struct platform plat;
static struct fdt fdt;

static void add_resv(paddr_t base, uint64_t size)
{
	if (size == 0)
		return;
	if (plat.nresv == PLAT_MAX_RESV) {
		kprintf("fdt: more than %d reserved ranges; [%#lx, +%#lx) not recorded\n",
		        PLAT_MAX_RESV, (unsigned long)base, (unsigned long)size);
		return;
	}
	plat.resv[plat.nresv].base = base;
	plat.resv[plat.nresv].size = size;
	plat.nresv++;
}

/* /memory nodes: RAM banks. */
static void parse_memory(void)
{
	int root = fdt_root(&fdt);

	for (int n = fdt_first_child(&fdt, root); n >= 0; n = fdt_next_sibling(&fdt, n)) {
		const char *type = fdt_getprop_str(&fdt, n, "device_type");
		if (type == NULL || strcmp(type, "memory") != 0 || !fdt_node_enabled(&fdt, n))
			continue;
		uint64_t base, size;
		for (int i = 0; fdt_reg(&fdt, n, i, &base, &size) == 0; i++) {
			if (size == 0)
				continue;
			if (base >= PHYSMAP_SIZE) {
				kprintf("fdt: RAM at %#lx is above the physmap limit; ignored\n",
				        (unsigned long)base);
				continue;
			}
			if (size > PHYSMAP_SIZE - base) {
				kprintf("fdt: RAM bank at %#lx truncated to the physmap limit\n",
				        (unsigned long)base);
				size = PHYSMAP_SIZE - base;
			}
			if (plat.nmem == MAX_ZONES) {
				kprintf("fdt: more than %d RAM banks; %#lx ignored\n", MAX_ZONES,
				        (unsigned long)base);
				continue;
			}
			plat.mem[plat.nmem].base = base;
			plat.mem[plat.nmem].size = size;
			plat.nmem++;
		}
	}
}

/* /memreserve/ entries and /reserved-memory children. */
static void parse_reserved(void)
{
	uint64_t base, size;

	for (int i = 0; fdt_memrsv(&fdt, i, &base, &size) == 0; i++)
		add_resv(base, size);
	int rm = fdt_path(&fdt, "/reserved-memory");
	if (rm < 0)
		return;
	for (int n = fdt_first_child(&fdt, rm); n >= 0; n = fdt_next_sibling(&fdt, n)) {
		for (int i = 0; fdt_reg(&fdt, n, i, &base, &size) == 0; i++)
			add_resv(base, size);
	}
}

/* True if the riscv,isa string names multi-letter extension ext ("_ext" or "_ext_..."). */
static bool isa_has(const char *isa, const char *ext)
{
	size_t n = strlen(ext);

	for (const char *p = isa; *p; p++)
		if (*p == '_' && strncmp(p + 1, ext, n) == 0 && (p[n + 1] == '_' || p[n + 1] == 0))
			return true;
	return false;
}

/* True if the cpu node describes a hart that can run Skimmer (S-mode with paging). */
static bool hart_usable(int n, const char **why)
{
	const char *mmu = fdt_getprop_str(&fdt, n, "mmu-type");

	if (!fdt_node_enabled(&fdt, n)) {
		*why = "status is not okay";
		return false;
	}
	if (mmu == NULL) {
		*why = "no mmu-type (no S-mode)";
		return false;
	}
	if (strcmp(mmu, "riscv,sv39") != 0 && strcmp(mmu, "riscv,sv48") != 0 &&
	    strcmp(mmu, "riscv,sv57") != 0) {
		*why = "no Sv39 support";
		return false;
	}
	return true;
}

static void parse_cpus(void)
{
	int cpus = fdt_path(&fdt, "/cpus");
	uint32_t tb;

	if (cpus < 0)
		return;
	if (fdt_getprop_u32(&fdt, cpus, "timebase-frequency", &tb))
		plat.timebase_hz = tb;
	plat.has_sstc = true;
	for (int n = fdt_first_child(&fdt, cpus); n >= 0; n = fdt_next_sibling(&fdt, n)) {
		const char *type = fdt_getprop_str(&fdt, n, "device_type");
		uint64_t hartid, unused;
		const char *why;
		if (type == NULL || strcmp(type, "cpu") != 0)
			continue;
		if (fdt_reg(&fdt, n, 0, &hartid, &unused) != 0) {
			kprintf("fdt: cpu node %s has no reg; skipped\n", fdt_node_name(&fdt, n));
			continue;
		}
		if (!hart_usable(n, &why)) {
			kprintf("fdt: hart %lu skipped: %s\n", (unsigned long)hartid, why);
			continue;
		}
		if (plat.ncpus == MAX_CPUS) {
			kprintf("fdt: more than %d harts; hart %lu left offline\n", MAX_CPUS,
			        (unsigned long)hartid);
			continue;
		}
		const char *isa = fdt_getprop_str(&fdt, n, "riscv,isa");
		if (isa == NULL || !isa_has(isa, "sstc"))
			plat.has_sstc = false;
		struct plat_cpu *pc = &plat.cpus[plat.ncpus++];
		pc->hartid = hartid;
		pc->plic_ctx = -1;
		pc->intc_phandle = 0;
		if (!plat.timebase_hz && fdt_getprop_u32(&fdt, n, "timebase-frequency", &tb))
			plat.timebase_hz = tb;
		int intc = fdt_subnode(&fdt, n, "interrupt-controller");
		if (intc >= 0)
			fdt_getprop_u32(&fdt, intc, "phandle", &pc->intc_phandle);
	}
}

/* The PLIC: its registers and, per hart, the S-mode context index. */
static void parse_plic(void)
{
	int n = fdt_find_compatible(&fdt, -1, "riscv,plic0");
	uint64_t base, size;
	int len;

	if (n < 0)
		n = fdt_find_compatible(&fdt, -1, "sifive,plic-1.0.0");
	if (n < 0 || !fdt_node_enabled(&fdt, n) || fdt_reg(&fdt, n, 0, &base, &size) != 0)
		return;
	plat.has_plic = true;
	plat.plic_base = base;
	plat.plic_size = size;
	if (!fdt_getprop_u32(&fdt, n, "riscv,ndev", &plat.plic_ndev))
		plat.plic_ndev = 0;
	const uint8_t *ie = fdt_getprop(&fdt, n, "interrupts-extended", &len);
	if (ie == NULL)
		return;
	for (int ctx = 0; (ctx + 1) * 8 <= len; ctx++) {
		uint32_t ph = fdt_be32(ie + ctx * 8);
		uint32_t irq = fdt_be32(ie + ctx * 8 + 4);
		if (irq != 9) /* S-mode external interrupt */
			continue;
		for (unsigned i = 0; i < plat.ncpus; i++)
			if (plat.cpus[i].intc_phandle == ph)
				plat.cpus[i].plic_ctx = ctx;
	}
}

static void parse_devices(void)
{
	uint64_t base, size;
	int n = fdt_find_compatible(&fdt, -1, "ns16550a");

	if (n >= 0 && fdt_node_enabled(&fdt, n) && fdt_reg(&fdt, n, 0, &base, &size) == 0) {
		plat.has_uart = true;
		plat.uart_base = base;
		if (!fdt_getprop_u32(&fdt, n, "reg-shift", &plat.uart_shift))
			plat.uart_shift = 0;
		if (!fdt_getprop_u32(&fdt, n, "reg-io-width", &plat.uart_width))
			plat.uart_width = 1;
		if (!fdt_getprop_u32(&fdt, n, "interrupts", &plat.uart_irq))
			plat.uart_irq = 0;
	}
	n = fdt_find_compatible(&fdt, -1, "sifive,test0");
	if (n >= 0 && fdt_reg(&fdt, n, 0, &base, &size) == 0) {
		plat.has_test = true;
		plat.test_base = base;
	}
}

static void parse_chosen(void)
{
	int ch = fdt_path(&fdt, "/chosen");
	uint64_t s, e;

	if (ch < 0)
		return;
	const char *args = fdt_getprop_str(&fdt, ch, "bootargs");
	if (args)
		strlcpy(plat.bootargs, args, sizeof(plat.bootargs));
	if (fdt_getprop_u64(&fdt, ch, "linux,initrd-start", &s) &&
	    fdt_getprop_u64(&fdt, ch, "linux,initrd-end", &e)) {
		if (e > s) {
			plat.initrd_start = s;
			plat.initrd_end = e;
		} else {
			kprintf("fdt: initrd range [%#lx, %#lx) is empty or reversed; ignored\n",
			        (unsigned long)s, (unsigned long)e);
		}
	}
}

int platform_parse(paddr_t dtb_pa)
{
	if (dtb_pa == 0 || dtb_pa >= PHYSMAP_SIZE || (dtb_pa & 7))
		return FDT_E_BADHEADER;
	const void *blob = pa_to_kva(dtb_pa);
	/* The header tells the size; bound it by a sane maximum (2 MiB). */
	int r = fdt_init(&fdt, blob, 2u << 20);
	if (r < 0)
		return r;
	plat.fdt = blob;
	plat.fdt_pa = dtb_pa;
	plat.fdt_size = fdt_totalsize(&fdt);
	add_resv(dtb_pa, plat.fdt_size);

	parse_memory();
	parse_reserved();
	parse_cpus();
	parse_plic();
	parse_devices();
	parse_chosen();
	if (plat.initrd_end)
		add_resv(plat.initrd_start, plat.initrd_end - plat.initrd_start);
	return 0;
}
