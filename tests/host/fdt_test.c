/*
 * fdt_test.c - lib/fmt/fdt.c on well-formed blobs.
 *
 * basic.dtb is compiled by dtc at build time from fixtures/basic.dts (whose
 * contents the checks below know); qemu-virt-smp4.dtb is QEMU 7.2's virt
 * machine with -smp 4 -m 512M, as dumped by QEMU (fixtures/README.md). Both
 * are also cross-checked node by node and property by property against
 * fdtget (libfdt) when it is installed: the child list of every node, the
 * property names, and every property's bytes.
 *
 * The robustness tests (truncated and corrupt blobs) are in fdt_fuzz_test.c.
 */
#include "check.h"

#include <limits.h>

#include "fdt.h"

static const uint8_t *blob_base;
static size_t blob_len;

/* True if [p, p + len) lies inside the blob under test. */
static bool in_blob(const void *p, size_t len)
{
	const uint8_t *b = p;

	return b >= blob_base && len <= blob_len && (size_t)(b - blob_base) <= blob_len - len;
}

/* Offset of the node at 'path', checked to exist. */
static int node_at(const struct fdt *f, const char *path)
{
	int n = fdt_path(f, path);

	if (!CHECK(n >= 0))
		printf("  path %s: %s\n", path, fdt_strerror(n));
	return n;
}

/* Names of the children of 'node' joined by spaces, into buf. */
static const char *child_names(const struct fdt *f, int node, char *buf, size_t size)
{
	size_t len = 0;
	int guard = 0;

	buf[0] = 0;
	for (int n = fdt_first_child(f, node); n >= 0 && guard < 1000;
	     n = fdt_next_sibling(f, n), guard++) {
		const char *nm = fdt_node_name(f, n);
		len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? " " : "",
		                        nm ? nm : "(null)");
		if (len >= size)
			break;
	}
	return buf;
}

static void test_basic_paths(const struct fdt *f)
{
	char buf[512];

	check_phase("basic: paths");
	CHECK_IEQ(fdt_root(f), 0);
	CHECK_STREQ(fdt_node_name(f, 0), "");
	CHECK_IEQ(fdt_path(f, "/"), 0);
	CHECK_IEQ(fdt_path(f, ""), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_path(f, "chosen"), FDT_E_NOTFOUND);
	CHECK_STREQ(fdt_node_name(f, node_at(f, "/chosen")), "chosen");
	CHECK_IEQ(fdt_path(f, "//chosen//"), fdt_path(f, "/chosen"));
	CHECK_STREQ(fdt_node_name(f, node_at(f, "/soc/uart@10001000")), "uart@10001000");
	CHECK_STREQ(fdt_node_name(f, node_at(f, "/soc/uart")), "uart@10000000");
	CHECK_STREQ(fdt_node_name(f, node_at(f, "/soc/uart@10000000/")), "uart@10000000");
	CHECK_IEQ(fdt_path(f, "/soc/uart@1"), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_path(f, "/soc/uar"), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_path(f, "/nonexistent"), FDT_E_NOTFOUND);
	CHECK_STREQ(fdt_node_name(f, node_at(f, "/a/b/c/d")), "d");
	CHECK_IEQ(fdt_path(f, "/a/b/c/d/e"), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_path(f, "/a/c"), FDT_E_NOTFOUND);
	/* The base name matches the first node with or without a unit address. */
	CHECK_STREQ(fdt_node_name(f, node_at(f, "/dev")), "dev@200");
	CHECK_STREQ(fdt_node_name(f, node_at(f, "/dev@100")), "dev@100");
	CHECK_IEQ(fdt_path(f, "/de"), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_path(f, "/dev@1"), FDT_E_NOTFOUND);

	check_phase("basic: subnode");
	int root = fdt_root(f);
	CHECK_STREQ(fdt_node_name(f, fdt_subnode(f, root, "dev")), "dev@200");
	CHECK_STREQ(fdt_node_name(f, fdt_subnode(f, root, "dev@100")), "dev@100");
	CHECK_STREQ(fdt_node_name(f, fdt_subnode(f, root, "memory")), "memory@80000000");
	CHECK_STREQ(fdt_node_name(f, fdt_subnode(f, root, "memory@80000000")), "memory@80000000");
	CHECK_IEQ(fdt_subnode(f, root, "memory@8"), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_subnode(f, root, "d"), FDT_E_NOTFOUND); /* a grandchild, not a child */
	CHECK_STREQ(fdt_node_name(f, fdt_subnode(f, node_at(f, "/cpus"), "cpu")), "cpu@0");
	CHECK_STREQ(fdt_node_name(f, fdt_subnode(f, node_at(f, "/soc"), "timer")), "timer");
	CHECK_IEQ(fdt_subnode(f, node_at(f, "/a/b/c/d"), "x"), FDT_E_NOTFOUND);

	check_phase("basic: children");
	CHECK_STREQ(child_names(f, root, buf, sizeof(buf)),
	            "chosen memory@80000000 cpus soc nocells values dev@200 dev dev@100 a");
	CHECK_STREQ(child_names(f, node_at(f, "/cpus"), buf, sizeof(buf)), "cpu@0 cpu@1");
	CHECK_STREQ(child_names(f, node_at(f, "/soc"), buf, sizeof(buf)),
	            "uart@10000000 uart@10001000 timer bad-status");
	CHECK_STREQ(child_names(f, node_at(f, "/a/b"), buf, sizeof(buf)), "c");
	CHECK_IEQ(fdt_first_child(f, node_at(f, "/a/b/c/d")), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_next_sibling(f, node_at(f, "/a")), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_next_sibling(f, node_at(f, "/cpus/cpu@1")), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_next_sibling(f, node_at(f, "/cpus/cpu@0")), fdt_path(f, "/cpus/cpu@1"));

	check_phase("basic: depth-first walk");
	static const struct {
		const char *name;
		int depth;
	} walk[] = {
	        {"chosen", 1},
	        {"memory@80000000", 1},
	        {"cpus", 1},
	        {"cpu@0", 2},
	        {"cpu@1", 2},
	        {"soc", 1},
	        {"uart@10000000", 2},
	        {"uart@10001000", 2},
	        {"timer", 2},
	        {"bad-status", 2},
	        {"nocells", 1},
	        {"dev@1", 2},
	        {"values", 1},
	        {"dev@200", 1},
	        {"dev", 1},
	        {"dev@100", 1},
	        {"a", 1},
	        {"b", 2},
	        {"c", 3},
	        {"d", 4},
	};
	int depth = 0, n = root;
	for (size_t i = 0; i < sizeof(walk) / sizeof(walk[0]); i++) {
		n = fdt_next_node(f, n, &depth);
		if (!CHECK(n >= 0))
			break;
		CHECK_STREQ(fdt_node_name(f, n), walk[i].name);
		CHECK_IEQ(depth, walk[i].depth);
	}
	CHECK_IEQ(fdt_next_node(f, n, &depth), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_next_node(f, -5, &depth), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_next_node(f, 2, NULL), FDT_E_BADSTRUCT); /* not a node offset */

	check_phase("basic: parent");
	CHECK_IEQ(fdt_parent(f, node_at(f, "/cpus/cpu@1")), fdt_path(f, "/cpus"));
	CHECK_IEQ(fdt_parent(f, node_at(f, "/a/b/c/d")), fdt_path(f, "/a/b/c"));
	CHECK_IEQ(fdt_parent(f, node_at(f, "/chosen")), root);
	CHECK_IEQ(fdt_parent(f, node_at(f, "/dev@100")), root);
	CHECK_IEQ(fdt_parent(f, root), FDT_E_NOTFOUND);
	CHECK(fdt_parent(f, 6) < 0); /* not a node offset */
	CHECK(fdt_parent(f, 0x7ffffff0) < 0);
}

static void test_basic_props(const struct fdt *f)
{
	const uint8_t *p;
	int len = -1;
	uint32_t u32 = 0;
	uint64_t u64 = 0;

	check_phase("basic: properties");
	int v = node_at(f, "/values");
	p = fdt_getprop(f, v, "u32", &len);
	CHECK(p != NULL && in_blob(p, 4));
	CHECK_IEQ(len, 4);
	CHECK(p && p[0] == 0xde && p[1] == 0xad && p[2] == 0xbe && p[3] == 0xef);
	CHECK(fdt_getprop_u32(f, v, "u32", &u32));
	CHECK_EQ(u32, 0xdeadbeef);
	CHECK(fdt_getprop_u64(f, v, "u32", &u64));
	CHECK_EQ(u64, 0xdeadbeef);
	CHECK(fdt_getprop_u64(f, v, "u64", &u64));
	CHECK_EQ(u64, 0x123456789abcdef0ULL);
	u32 = 7;
	CHECK(!fdt_getprop_u32(f, v, "u64", &u32));
	CHECK_EQ(u32, 7); /* untouched on failure */
	CHECK(!fdt_getprop_u32(f, v, "short", &u32));
	CHECK(!fdt_getprop_u64(f, v, "short", &u64));
	CHECK(!fdt_getprop_u32(f, v, "missing", &u32));
	p = fdt_getprop(f, v, "short", &len);
	CHECK(p && len == 2 && p[0] == 1 && p[1] == 2);
	p = fdt_getprop(f, v, "empty", &len);
	CHECK(p != NULL);
	CHECK_IEQ(len, 0);
	CHECK(fdt_getprop_str(f, v, "empty") == NULL);
	CHECK(fdt_getprop(f, v, "empty", NULL) != NULL);
	CHECK_STREQ(fdt_getprop_str(f, v, "str"), "hello");
	CHECK_STREQ(fdt_getprop_str(f, v, "strlist"), "first");
	p = fdt_getprop(f, v, "strlist", &len);
	CHECK_IEQ(len, 13);
	CHECK(p && memcmp(p, "first\0\0third", 13) == 0);
	CHECK(fdt_getprop_str(f, v, "unterminated") == NULL);
	CHECK(fdt_getprop(f, v, "unterminated", &len) != NULL && len == 3);
	CHECK(fdt_getprop(f, v, "nonexistent", &len) == NULL);
	CHECK(fdt_getprop(f, v, "", &len) == NULL);
	CHECK(fdt_getprop(f, v, "u3", &len) == NULL); /* prefix of a name */
	/* A node's own properties only, never its children's. */
	CHECK(fdt_getprop(f, fdt_root(f), "u32", &len) == NULL);
	CHECK(fdt_getprop(f, node_at(f, "/soc"), "reg", &len) == NULL);
	CHECK(fdt_getprop(f, node_at(f, "/soc"), "ranges", &len) != NULL && len == 0);
	CHECK(fdt_getprop(f, -1, "u32", &len) == NULL);
	CHECK(fdt_getprop(f, 3, "u32", &len) == NULL);
	CHECK_STREQ(fdt_getprop_str(f, node_at(f, "/a/b/c/d"), "leaf"), "deep");
	CHECK_STREQ(fdt_getprop_str(f, fdt_root(f), "model"), "QSOE fdt test");
	CHECK_STREQ(fdt_getprop_str(f, node_at(f, "/chosen"), "bootargs"),
	            "console=ttyS0 run=hello");

	check_phase("basic: compatible");
	int root = fdt_root(f);
	CHECK(fdt_is_compatible(f, root, "qsoe,test-board"));
	CHECK(fdt_is_compatible(f, root, "qsoe,generic-board"));
	CHECK(!fdt_is_compatible(f, root, "qsoe,test"));
	CHECK(!fdt_is_compatible(f, root, "qsoe,test-board-x"));
	CHECK(!fdt_is_compatible(f, root, ""));
	CHECK(fdt_is_compatible(f, node_at(f, "/cpus/cpu@0"), "riscv"));
	CHECK(fdt_is_compatible(f, node_at(f, "/cpus/cpu@0"), "vendor,cpu"));
	CHECK(!fdt_is_compatible(f, node_at(f, "/chosen"), "riscv"));
	CHECK(fdt_is_compatible(f, v, "qsoe,values"));
	CHECK_IEQ(fdt_find_compatible(f, -1, "qsoe,test-board"), root);
	int u = fdt_find_compatible(f, -1, "ns16550a");
	CHECK_STREQ(fdt_node_name(f, u), "uart@10000000");
	u = fdt_find_compatible(f, u, "ns16550a");
	CHECK_STREQ(fdt_node_name(f, u), "uart@10001000");
	CHECK_IEQ(fdt_find_compatible(f, u, "ns16550a"), FDT_E_NOTFOUND);
	int t = fdt_find_compatible(f, -1, "qsoe,timer");
	CHECK_STREQ(fdt_node_name(f, t), "timer");
	CHECK_STREQ(fdt_node_name(f, fdt_find_compatible(f, t, "qsoe,timer")), "bad-status");
	CHECK_IEQ(fdt_find_compatible(f, -1, "nope"), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_find_compatible(f, -1, "riscv"), fdt_path(f, "/cpus/cpu@0"));

	check_phase("basic: status");
	CHECK(fdt_node_enabled(f, node_at(f, "/cpus/cpu@0")));
	CHECK(!fdt_node_enabled(f, node_at(f, "/cpus/cpu@1")));
	CHECK(fdt_node_enabled(f, node_at(f, "/soc/uart@10000000")));
	CHECK(!fdt_node_enabled(f, node_at(f, "/soc/uart@10001000")));
	CHECK(fdt_node_enabled(f, node_at(f, "/soc/timer")));
	CHECK(!fdt_node_enabled(f, node_at(f, "/soc/bad-status")));
}

static void test_basic_reg(const struct fdt *f)
{
	uint64_t a = 0, s = 0;

	check_phase("basic: reg");
	/* #address-cells = 2, #size-cells = 2 */
	int m = node_at(f, "/memory");
	CHECK_IEQ(fdt_reg(f, m, 0, &a, &s), 0);
	CHECK_EQ(a, 0x80000000);
	CHECK_EQ(s, 0x10000000);
	CHECK_IEQ(fdt_reg(f, m, 1, &a, &s), 0);
	CHECK_EQ(a, 0x100000000ULL);
	CHECK_EQ(s, 0x8000000);
	CHECK_IEQ(fdt_reg(f, m, 2, &a, &s), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_reg(f, m, -1, &a, &s), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_reg(f, m, INT_MAX, &a, &s), FDT_E_NOTFOUND);
	/* #address-cells = 1, #size-cells = 0 */
	int c = node_at(f, "/cpus/cpu@1");
	CHECK_IEQ(fdt_reg(f, c, 0, &a, &s), 0);
	CHECK_EQ(a, 1);
	CHECK_EQ(s, 0);
	CHECK_IEQ(fdt_reg(f, c, 1, &a, &s), FDT_E_NOTFOUND);
	/* #address-cells = 1, #size-cells = 1 */
	CHECK_IEQ(fdt_reg(f, node_at(f, "/soc/uart@10001000"), 0, &a, &s), 0);
	CHECK_EQ(a, 0x10001000);
	CHECK_EQ(s, 0x100);
	int t = node_at(f, "/soc/timer");
	for (int i = 0; i < 3; i++) {
		CHECK_IEQ(fdt_reg(f, t, i, &a, &s), 0);
		CHECK_EQ(a, 0x2000 + 0x1000 * (uint64_t)i);
		CHECK_EQ(s, 0x10 * (uint64_t)(i + 1));
	}
	CHECK_IEQ(fdt_reg(f, t, 3, &a, &s), FDT_E_NOTFOUND);
	/* Parent without cells properties: defaults 2 and 1. */
	CHECK_IEQ(fdt_reg(f, node_at(f, "/nocells/dev@1"), 0, &a, &s), 0);
	CHECK_EQ(a, 0x100000002ULL);
	CHECK_EQ(s, 3);
	CHECK_IEQ(fdt_reg(f, node_at(f, "/chosen"), 0, &a, &s), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_reg(f, fdt_root(f), 0, &a, &s), FDT_E_NOTFOUND);

	check_phase("basic: memreserve");
	CHECK_IEQ(fdt_memrsv(f, 0, &a, &s), 0);
	CHECK_EQ(a, 0x80000000);
	CHECK_EQ(s, 0x10000);
	CHECK_IEQ(fdt_memrsv(f, 1, &a, &s), 0);
	CHECK_EQ(a, 0x123456000ULL);
	CHECK_EQ(s, 0x200000000ULL);
	CHECK_IEQ(fdt_memrsv(f, 2, &a, &s), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_memrsv(f, -1, &a, &s), FDT_E_NOTFOUND);
	CHECK(fdt_memrsv(f, INT_MAX, &a, &s) < 0);
}

/* The phandle of the interrupt controller under /cpus/cpu@<hart>. */
static uint32_t hart_intc(const struct fdt *f, int cpu)
{
	uint32_t ph = 0;
	int ic = fdt_subnode(f, cpu, "interrupt-controller");

	CHECK(ic >= 0);
	CHECK(fdt_is_compatible(f, ic, "riscv,cpu-intc"));
	int len = -1;
	CHECK(fdt_getprop(f, ic, "interrupt-controller", &len) != NULL && len == 0);
	uint32_t cells = 0;
	CHECK(fdt_getprop_u32(f, ic, "#interrupt-cells", &cells) && cells == 1);
	CHECK(fdt_getprop_u32(f, ic, "phandle", &ph));
	CHECK(ph != 0);
	return ph;
}

/* Checks an interrupts-extended list: for each hart, (intc, irqs[0]), (intc, irqs[1]). */
static void check_irq_ext(const struct fdt *f, int node, const uint32_t *intc, int nharts,
                          const uint32_t irqs[2])
{
	int len = -1;
	const uint8_t *p = fdt_getprop(f, node, "interrupts-extended", &len);

	if (!CHECK(p != NULL && len == nharts * 16))
		return;
	for (int h = 0; h < nharts; h++)
		for (int k = 0; k < 2; k++) {
			CHECK_EQ(fdt_be32(p + h * 16 + k * 8), intc[h]);
			CHECK_EQ(fdt_be32(p + h * 16 + k * 8 + 4), irqs[k]);
		}
}

static void test_qemu(const struct fdt *f)
{
	uint64_t a = 0, s = 0;
	uint32_t u = 0, intc[4] = {0};
	char path[64];

	check_phase("qemu: cpus");
	int cpus = node_at(f, "/cpus");
	CHECK(fdt_getprop_u32(f, cpus, "timebase-frequency", &u));
	CHECK_EQ(u, 10000000);
	int ncpu = 0;
	for (int n = fdt_first_child(f, cpus); n >= 0; n = fdt_next_sibling(f, n)) {
		const char *dt = fdt_getprop_str(f, n, "device_type");
		if (dt == NULL || strcmp(dt, "cpu") != 0)
			continue;
		snprintf(path, sizeof(path), "cpu@%d", ncpu);
		CHECK_STREQ(fdt_node_name(f, n), path);
		CHECK_IEQ(fdt_reg(f, n, 0, &a, &s), 0);
		CHECK_EQ(a, (uint64_t)ncpu);
		CHECK_EQ(s, 0);
		CHECK(fdt_node_enabled(f, n));
		CHECK(fdt_is_compatible(f, n, "riscv"));
		CHECK_STREQ(fdt_getprop_str(f, n, "mmu-type"), "riscv,sv48");
		const char *isa = fdt_getprop_str(f, n, "riscv,isa");
		CHECK(isa != NULL && strncmp(isa, "rv64imafdc", 10) == 0);
		if (ncpu < 4)
			intc[ncpu] = hart_intc(f, n);
		ncpu++;
	}
	CHECK_IEQ(ncpu, 4);
	for (int i = 0; i < 4; i++)
		for (int j = i + 1; j < 4; j++)
			CHECK(intc[i] != intc[j]);
	/* cpu-map/cluster0/coreN points at the cpu nodes' phandles. */
	for (int i = 0; i < 4; i++) {
		uint32_t ph = 0, cph = 0;
		snprintf(path, sizeof(path), "/cpus/cpu-map/cluster0/core%d", i);
		CHECK(fdt_getprop_u32(f, node_at(f, path), "cpu", &ph));
		snprintf(path, sizeof(path), "/cpus/cpu@%d", i);
		CHECK(fdt_getprop_u32(f, node_at(f, path), "phandle", &cph));
		CHECK_EQ(ph, cph);
	}

	check_phase("qemu: memory");
	int mem = node_at(f, "/memory");
	CHECK_STREQ(fdt_node_name(f, mem), "memory@80000000");
	CHECK_STREQ(fdt_getprop_str(f, mem, "device_type"), "memory");
	CHECK_IEQ(fdt_reg(f, mem, 0, &a, &s), 0);
	CHECK_EQ(a, 0x80000000);
	CHECK_EQ(s, 512u << 20);
	CHECK_IEQ(fdt_reg(f, mem, 1, &a, &s), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_memrsv(f, 0, &a, &s), FDT_E_NOTFOUND);

	check_phase("qemu: plic and clint");
	int plic = fdt_find_compatible(f, -1, "riscv,plic0");
	CHECK_STREQ(fdt_node_name(f, plic), "plic@c000000");
	CHECK(fdt_is_compatible(f, plic, "sifive,plic-1.0.0"));
	CHECK_IEQ(fdt_parent(f, plic), fdt_path(f, "/soc"));
	CHECK_IEQ(fdt_reg(f, plic, 0, &a, &s), 0);
	CHECK_EQ(a, 0xc000000);
	CHECK_EQ(s, 0x600000);
	CHECK(fdt_getprop_u32(f, plic, "riscv,ndev", &u) && u == 0x60);
	uint32_t plic_ph = 0;
	CHECK(fdt_getprop_u32(f, plic, "phandle", &plic_ph));
	static const uint32_t plic_irqs[2] = {11, 9}, clint_irqs[2] = {3, 7};
	check_irq_ext(f, plic, intc, 4, plic_irqs);
	int clint = fdt_find_compatible(f, -1, "riscv,clint0");
	CHECK_STREQ(fdt_node_name(f, clint), "clint@2000000");
	check_irq_ext(f, clint, intc, 4, clint_irqs);

	check_phase("qemu: console");
	const char *sp = fdt_getprop_str(f, node_at(f, "/chosen"), "stdout-path");
	CHECK_STREQ(sp, "/soc/serial@10000000");
	int uart = sp ? fdt_path(f, sp) : -1;
	CHECK(fdt_is_compatible(f, uart, "ns16550a"));
	CHECK_IEQ(fdt_reg(f, uart, 0, &a, &s), 0);
	CHECK_EQ(a, 0x10000000);
	CHECK_EQ(s, 0x100);
	CHECK(fdt_getprop_u32(f, uart, "interrupts", &u) && u == 10);
	CHECK(fdt_getprop_u32(f, uart, "interrupt-parent", &u) && u == plic_ph);

	check_phase("qemu: virtio");
	int nvirtio = 0;
	for (int n = fdt_find_compatible(f, -1, "virtio,mmio"); n >= 0;
	     n = fdt_find_compatible(f, n, "virtio,mmio")) {
		CHECK_IEQ(fdt_reg(f, n, 0, &a, &s), 0);
		CHECK_EQ(a, 0x10008000 - 0x1000 * (uint64_t)nvirtio);
		CHECK(fdt_getprop_u32(f, n, "interrupts", &u) && u == 8 - (uint32_t)nvirtio);
		if (++nvirtio > 100)
			break;
	}
	CHECK_IEQ(nvirtio, 8);
	CHECK(fdt_find_compatible(f, -1, "qemu,platform") >= 0);
	CHECK_STREQ(fdt_getprop_str(f, fdt_root(f), "compatible"), "riscv-virtio");
}

#ifdef FDTGET
/* Runs a shell command; returns its output (malloc'd, NUL-terminated) or NULL. */
static char *run(const char *cmd)
{
	FILE *p = popen(cmd, "r");
	size_t len = 0, cap = 4096;
	char *out = malloc(cap);

	if (p == NULL || out == NULL) {
		if (p)
			pclose(p);
		free(out);
		return NULL;
	}
	for (;;) {
		if (cap - len < 1024) {
			cap *= 2;
			out = realloc(out, cap);
			if (out == NULL)
				break;
		}
		size_t n = fread(out + len, 1, cap - len - 1, p);
		if (n == 0)
			break;
		len += n;
	}
	int st = pclose(p);
	if (out == NULL || st != 0) {
		free(out);
		return NULL;
	}
	out[len] = 0;
	return out;
}

/* Compares one node (and, recursively, its subtree) with what fdtget reports. */
static void oracle_node(const struct fdt *f, const char *file, int node, const char *path,
                        int *nnodes, int *nprops)
{
	char cmd[8192], mine[4096];
	char *out;

	(*nnodes)++;
	/* Subnode names, in order. */
	snprintf(cmd, sizeof(cmd), "%s -l '%s' '%s'", FDTGET, file, path);
	out = run(cmd);
	if (!CHECK(out != NULL))
		return;
	for (char *c = out; *c; c++)
		if (*c == '\n')
			*c = c[1] ? ' ' : 0;
	CHECK_STREQ(child_names(f, node, mine, sizeof(mine)), out);
	free(out);

	/* Property names, then all their values in one fdtget run. */
	snprintf(cmd, sizeof(cmd), "%s -p '%s' '%s'", FDTGET, file, path);
	char *names = run(cmd);
	if (!CHECK(names != NULL))
		return;
	size_t clen = (size_t)snprintf(cmd, sizeof(cmd), "%s -t bx '%s'", FDTGET, file);
	int count = 0;
	for (char *nm = strtok(names, "\n"); nm; nm = strtok(NULL, "\n")) {
		clen += (size_t)snprintf(cmd + clen, sizeof(cmd) - clen, " '%s' '%s'", path, nm);
		count++;
	}
	CHECK(clen < sizeof(cmd));
	char *vals = count ? run(cmd) : NULL;
	CHECK(count == 0 || vals != NULL);
	char *line = vals, *nm = names;
	for (int i = 0; i < count && line; i++) {
		char *nl = strchr(line, '\n');
		if (nl)
			*nl = 0;
		int len = -1;
		const uint8_t *p = fdt_getprop(f, node, nm, &len);
		if (CHECK(p != NULL && len >= 0) && CHECK(in_blob(p, (size_t)len))) {
			char hex[4096];
			size_t h = 0;
			for (int k = 0; k < len && h + 4 < sizeof(hex); k++)
				h += (size_t)snprintf(hex + h, sizeof(hex) - h, "%s%x",
				                      k ? " " : "", p[k]);
			hex[h] = 0;
			if (!CHECK_STREQ(hex, line))
				printf("  %s %s\n", path, nm);
		}
		(*nprops)++;
		line = nl ? nl + 1 : NULL;
		nm += strlen(nm) + 1;
	}
	free(vals);
	free(names);
	CHECK(fdt_getprop(f, node, "no-such-property", NULL) == NULL);

	for (int n = fdt_first_child(f, node); n >= 0; n = fdt_next_sibling(f, n)) {
		char sub[512];
		const char *cn = fdt_node_name(f, n);
		snprintf(sub, sizeof(sub), "%s%s%s", path, strcmp(path, "/") ? "/" : "", cn);
		CHECK_IEQ(fdt_parent(f, n), node);
		int byp = fdt_path(f, sub);
		if (byp != n) {
			/* "dev" after "dev@200": the path names the first one (libfdt agrees). */
			const char *bn = fdt_node_name(f, byp);
			size_t cl = strlen(cn);
			CHECK(byp >= 0 && byp < n && fdt_parent(f, byp) == node);
			CHECK(bn && strncmp(bn, cn, cl) == 0 && bn[cl] == '@');
			continue;
		}
		oracle_node(f, file, n, sub, nnodes, nprops);
	}
}

static void oracle(const char *file)
{
	size_t len;
	uint8_t *b = check_read_file(file, &len);
	struct fdt f;
	int nnodes = 0, nprops = 0;

	check_phase("fdtget oracle");
	blob_base = b;
	blob_len = len;
	CHECK_IEQ(fdt_init(&f, b, len), 0);
	oracle_node(&f, file, 0, "/", &nnodes, &nprops);
	printf("fdtget oracle: %s: %d nodes, %d properties compared\n", file, nnodes, nprops);
	CHECK(nnodes > 10 && nprops > 20);
	free(b);
}
#endif

int main(void)
{
	size_t len;
	struct fdt f;

	check_timeout(60);
	uint8_t *b = check_read_file(FDT_BASIC_DTB, &len);
	blob_base = b;
	blob_len = len;
	CHECK_IEQ(fdt_init(&f, b, len), 0);
	CHECK_EQ(fdt_totalsize(&f), len);
	test_basic_paths(&f);
	test_basic_props(&f);
	test_basic_reg(&f);
	free(b);

	b = check_read_file(FDT_QEMU_DTB, &len);
	blob_base = b;
	blob_len = len;
	CHECK_IEQ(fdt_init(&f, b, len), 0);
	CHECK_EQ(fdt_totalsize(&f), len);
	test_qemu(&f);
	free(b);

	check_phase("strerror");
	for (int e = 0; e >= FDT_E_BADDEPTH; e--) {
		const char *s = fdt_strerror(e);
		CHECK(s != NULL && strcmp(s, "unknown error") != 0);
		for (int e2 = e + 1; e2 <= 0; e2++)
			CHECK(strcmp(s, fdt_strerror(e2)) != 0);
	}
	CHECK_STREQ(fdt_strerror(-100), "unknown error");

#ifdef FDTGET
	oracle(FDT_BASIC_DTB);
	oracle(FDT_QEMU_DTB);
#else
	printf("fdtget not found: oracle comparison skipped\n");
#endif
	return check_done("fdt_test");
}
