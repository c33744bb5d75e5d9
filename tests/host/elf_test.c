/*
 * elf_test.c - lib/fmt/elf.c on real and crafted RISC-V ELF64 images.
 *
 * Real images come from the cross toolchain at build time (when present):
 * a static executable with a fixed layout (fixtures/elf_prog.ld), a PIE and
 * a shared object linked by riscv64-linux-gnu-ld. Crafted images start from
 * a valid two-segment image and break one thing at a time: identity
 * (class, data, version, machine, type), the program header table (offset,
 * entry size, count), each PT_LOAD (file range, sizes, address overflow,
 * alignment, order, overlap) and the entry point. Every image is also parsed
 * at every misalignment 1..7 (UBSan flags any misaligned access) and at
 * every truncation length from a buffer of exactly that length (ASan flags
 * any overread), and a fixed-seed mutation loop checks every accepted image
 * against an independent statement of the rules.
 */
#include "check.h"

#include "elf.h"

#define SEED 0xe1f5eed0042ULL
#define PAGE 4096u

/* Parses a copy of the image placed at byte offset 'mis' of an exact-size buffer. */
static int parse_at(const uint8_t *img, size_t len, unsigned mis, struct elf_image *out)
{
	uint8_t *buf = malloc(len + mis + 1);
	memcpy(buf + mis, img, len);
	int r = elf_parse(out, buf + mis, len, EM_RISCV, PAGE);
	if (r == 0) {
		/* Read every header back while the buffer is alive. */
		Elf64_Phdr ph;
		for (unsigned i = 0; i < out->phnum; i++)
			elf_phdr(out, i, &ph);
		elf_find_phdr(out, PT_DYNAMIC, &ph);
	}
	out->data = NULL;
	free(buf);
	return r;
}

/*
 * Checks an accepted image against the rules as elf.h states them, read
 * with this test's own copies of the headers.
 */
static void check_accepted(const struct elf_image *im, const uint8_t *d, size_t size)
{
	Elf64_Ehdr eh;
	uint64_t prev_end = 0, lo = UINT64_MAX, hi = 0;
	bool entry_ok = false, any = false;

	memcpy(&eh, d, sizeof(eh));
	CHECK(im->data == d && im->size == size && im->phnum == eh.e_phnum);
	CHECK(memcmp(&im->eh, &eh, sizeof(eh)) == 0);
	CHECK(eh.e_type == ET_EXEC || eh.e_type == ET_DYN);
	CHECK(eh.e_phoff + (uint64_t)eh.e_phnum * 56 <= size);
	for (unsigned i = 0; i < eh.e_phnum; i++) {
		Elf64_Phdr ph, mine;
		elf_phdr(im, i, &ph);
		memcpy(&mine, d + eh.e_phoff + 56 * i, sizeof(mine));
		CHECK(memcmp(&ph, &mine, sizeof(ph)) == 0);
		if (ph.p_type != PT_LOAD)
			continue;
		CHECK(ph.p_offset <= size && ph.p_filesz <= size - ph.p_offset);
		CHECK(ph.p_filesz <= ph.p_memsz && ph.p_memsz > 0);
		CHECK(ph.p_vaddr + ph.p_memsz > ph.p_vaddr);
		CHECK(ph.p_vaddr % PAGE == ph.p_offset % PAGE);
		uint64_t start = ph.p_vaddr / PAGE * PAGE;
		uint64_t end = (ph.p_vaddr + ph.p_memsz + PAGE - 1) / PAGE * PAGE;
		CHECK(end > start);
		CHECK(!any || start >= prev_end);
		prev_end = end;
		lo = start < lo ? start : lo;
		hi = end > hi ? end : hi;
		if ((ph.p_flags & PF_X) && eh.e_entry >= ph.p_vaddr &&
		    eh.e_entry - ph.p_vaddr < ph.p_memsz)
			entry_ok = true;
		any = true;
	}
	CHECK(any);
	CHECK(entry_ok || eh.e_entry == 0);
	CHECK_EQ(im->lo, lo);
	CHECK_EQ(im->hi, hi);
}

/* Parses an image aligned, at every misalignment, and checks what was accepted. */
static int parse_all_ways(const uint8_t *img, size_t len)
{
	struct elf_image a, b;
	uint8_t *buf = malloc(len ? len : 1);

	memcpy(buf, img, len);
	int r = elf_parse(&a, buf, len, EM_RISCV, PAGE);
	if (r == 0)
		check_accepted(&a, buf, len);
	free(buf);
	for (unsigned mis = 1; mis < 8; mis++) {
		int r2 = parse_at(img, len, mis, &b);
		CHECK_IEQ(r2, r);
		if (r == 0 && r2 == 0)
			CHECK(b.lo == a.lo && b.hi == a.hi && b.phnum == a.phnum &&
			      b.eh.e_entry == a.eh.e_entry);
	}
	return r;
}

/* What elf_parse must say for the first 'len' bytes of a valid image. */
static int expected_truncated(const uint8_t *img, size_t len)
{
	Elf64_Ehdr eh;

	if (len < sizeof(eh))
		return ELF_E_TRUNCATED;
	memcpy(&eh, img, sizeof(eh));
	if (eh.e_phoff + (uint64_t)eh.e_phnum * 56 > len)
		return ELF_E_PHDR;
	for (unsigned i = 0; i < eh.e_phnum; i++) {
		Elf64_Phdr ph;
		memcpy(&ph, img + eh.e_phoff + 56 * i, sizeof(ph));
		if (ph.p_type == PT_LOAD && ph.p_offset + ph.p_filesz > len)
			return ELF_E_SEGMENT;
	}
	return 0;
}

static void truncations(const uint8_t *img, size_t len)
{
	struct elf_image im;

	for (size_t l = 0; l <= len; l++) {
		uint8_t *b = malloc(l ? l : 1);
		memcpy(b, img, l);
		int r = elf_parse(&im, b, l, EM_RISCV, PAGE);
		CHECK_IEQ(r, expected_truncated(img, l));
		if (r == 0)
			check_accepted(&im, b, l);
		free(b);
	}
}

static void mutations(const uint8_t *img, size_t len, unsigned iters)
{
	uint64_t rng = SEED;
	uint8_t *b = malloc(len);
	struct elf_image im;
	unsigned accepted = 0;
	Elf64_Ehdr eh;

	memcpy(&eh, img, sizeof(eh));
	size_t hot = eh.e_phoff + (size_t)eh.e_phnum * 56; /* headers: most mutations land here */
	for (unsigned it = 0; it < iters; it++) {
		memcpy(b, img, len);
		unsigned hits = 1 + (unsigned)check_rand_below(&rng, 4);
		for (unsigned h = 0; h < hits; h++) {
			size_t o = check_rand_below(&rng, (check_rand(&rng) & 3) ? hot : len);
			uint64_t x = check_rand(&rng);
			if ((x & 1) && o + 8 <= len) {
				uint64_t v = check_rand(&rng) >> (x >> 58);
				memcpy(b + o, &v, 8);
			} else {
				b[o] = (uint8_t)(x >> 8);
			}
		}
		int r = elf_parse(&im, b, len, EM_RISCV, PAGE);
		CHECK(r <= 0 && r >= ELF_E_ENTRY);
		if (r == 0) {
			accepted++;
			check_accepted(&im, b, len);
		}
	}
	CHECK(accepted > 0 && accepted < iters); /* the loop reached both outcomes */
	free(b);
}

/* ---- a crafted image: header, program headers, then zero-filled segments ---- */

struct craft {
	Elf64_Ehdr eh;
	Elf64_Phdr ph[6];
	size_t size;
};

#define CRAFT_SIZE 0x3000

/* Text: file 0..0x1000 at 0x10000 (R+X); data: file 0x1000..0x1800 at 0x11000, 8 KiB (R+W). */
static void craft_init(struct craft *c)
{
	memset(c, 0, sizeof(*c));
	memcpy(c->eh.e_ident, "\177ELF", 4);
	c->eh.e_ident[4] = ELFCLASS64;
	c->eh.e_ident[5] = ELFDATA2LSB;
	c->eh.e_ident[6] = EV_CURRENT;
	c->eh.e_type = ET_EXEC;
	c->eh.e_machine = EM_RISCV;
	c->eh.e_version = EV_CURRENT;
	c->eh.e_entry = 0x10100;
	c->eh.e_phoff = 64;
	c->eh.e_ehsize = 64;
	c->eh.e_phentsize = 56;
	c->eh.e_phnum = 3;
	c->ph[0] = (Elf64_Phdr){PT_LOAD, PF_R | PF_X, 0, 0x10000, 0x10000, 0x1000, 0x1000, PAGE};
	c->ph[1] =
	        (Elf64_Phdr){PT_LOAD, PF_R | PF_W, 0x1000, 0x11000, 0x11000, 0x800, 0x2000, PAGE};
	c->ph[2] = (Elf64_Phdr){PT_GNU_STACK, PF_R | PF_W, 0, 0, 0, 0, 0, 16};
	c->size = CRAFT_SIZE;
}

/* Writes the crafted image into a malloc'd buffer of c->size bytes. */
static uint8_t *craft_image(const struct craft *c)
{
	uint8_t *b = calloc(1, c->size > CRAFT_SIZE ? c->size : CRAFT_SIZE);

	memcpy(b, &c->eh, c->size < sizeof(c->eh) ? c->size : sizeof(c->eh));
	if (c->eh.e_phoff < c->size)
		memcpy(b + c->eh.e_phoff, c->ph,
		       c->size - c->eh.e_phoff < sizeof(c->ph) ? c->size - c->eh.e_phoff
		                                               : sizeof(c->ph));
	return b;
}

/* Builds the image 'c' describes and checks elf_parse's verdict. */
static void expect(const char *what, const struct craft *c, int want)
{
	uint8_t *b = craft_image(c);

	check_phase(what);
	if (!CHECK_IEQ(parse_all_ways(b, c->size), want))
		printf("  case: %s\n", what);
	free(b);
}

static void test_crafted(void)
{
	struct craft c;
	struct elf_image im;

	craft_init(&c);
	expect("valid", &c, 0);
	uint8_t *b = craft_image(&c);
	CHECK_IEQ(elf_parse(&im, b, c.size, EM_RISCV, PAGE), 0);
	CHECK_EQ(im.lo, 0x10000);
	CHECK_EQ(im.hi, 0x13000);
	CHECK_EQ(im.phnum, 3);
	Elf64_Phdr ph;
	CHECK_IEQ(elf_find_phdr(&im, PT_GNU_STACK, &ph), 0);
	CHECK(ph.p_type == PT_GNU_STACK && ph.p_align == 16);
	CHECK_IEQ(elf_find_phdr(&im, PT_LOAD, &ph), 0);
	CHECK(ph.p_vaddr == 0x10000 && ph.p_flags == (PF_R | PF_X));
	CHECK_IEQ(elf_find_phdr(&im, PT_DYNAMIC, &ph), -1);
	elf_phdr(&im, 1, &ph);
	CHECK(ph.p_vaddr == 0x11000 && ph.p_memsz == 0x2000);
	CHECK_IEQ(elf_parse(&im, b, c.size, 62, PAGE), ELF_E_MACHINE);
	free(b);

#define CASE(what, stmt, want)          \
	do {                            \
		craft_init(&c);         \
		stmt;                   \
		expect(what, &c, want); \
	} while (0)

	for (size_t s = 0; s < 64; s++)
		CASE("shorter than the header", c.size = s, ELF_E_TRUNCATED);
	CASE("bad magic", c.eh.e_ident[1] = 'e', ELF_E_NOTELF);
	CASE("ELFCLASS32", c.eh.e_ident[4] = 1, ELF_E_CLASS);
	CASE("big endian", c.eh.e_ident[5] = 2, ELF_E_CLASS);
	CASE("ident version 0", c.eh.e_ident[6] = 0, ELF_E_CLASS);
	CASE("e_version 2", c.eh.e_version = 2, ELF_E_CLASS);
	CASE("x86-64", c.eh.e_machine = 62, ELF_E_MACHINE);
	CASE("ET_REL", c.eh.e_type = 1, ELF_E_TYPE);
	CASE("ET_CORE", c.eh.e_type = 4, ELF_E_TYPE);
	CASE("ET_NONE", c.eh.e_type = 0, ELF_E_TYPE);
	CASE("ET_DYN", c.eh.e_type = ET_DYN, 0);
	CASE("phentsize 32", c.eh.e_phentsize = 32, ELF_E_PHDR);
	CASE("phentsize 64", c.eh.e_phentsize = 64, ELF_E_PHDR);
	CASE("phentsize huge, phnum huge", (c.eh.e_phentsize = 0xffff, c.eh.e_phnum = 0xffff),
	     ELF_E_PHDR);
	CASE("phnum 0", c.eh.e_phnum = 0, ELF_E_PHDR);
	CASE("phnum past end", c.eh.e_phnum = 0xffff, ELF_E_PHDR);
	CASE("phoff at end", c.eh.e_phoff = CRAFT_SIZE, ELF_E_PHDR);
	CASE("phoff past end", c.eh.e_phoff = CRAFT_SIZE + 1, ELF_E_PHDR);
	CASE("table one byte past end", c.eh.e_phoff = CRAFT_SIZE - 3 * 56 + 1, ELF_E_PHDR);
	CASE("phoff near 2^64", c.eh.e_phoff = UINT64_MAX - 10, ELF_E_PHDR);
	CASE("phoff 2^64-1", c.eh.e_phoff = UINT64_MAX, ELF_E_PHDR);
	CASE("table at the very end, unaligned", c.eh.e_phoff = CRAFT_SIZE - 3 * 56, 0);
	CASE("no PT_LOAD", (c.ph[0].p_type = PT_NOTE, c.ph[1].p_type = PT_NULL), ELF_E_NOLOAD);
	CASE("offset past end", c.ph[1].p_offset = CRAFT_SIZE + PAGE, ELF_E_SEGMENT);
	CASE("offset+filesz past end", c.ph[1].p_filesz = CRAFT_SIZE - 0x1000 + 1, ELF_E_SEGMENT);
	CASE("offset+filesz at end",
	     (c.ph[1].p_filesz = CRAFT_SIZE - 0x1000, c.ph[1].p_memsz = CRAFT_SIZE), 0);
	CASE("offset+filesz wraps",
	     (c.ph[1].p_offset = UINT64_MAX - 0xfff, c.ph[1].p_filesz = 0x2000), ELF_E_SEGMENT);
	CASE("filesz 2^64-1", c.ph[1].p_filesz = UINT64_MAX, ELF_E_SEGMENT);
	CASE("filesz > memsz", c.ph[1].p_memsz = 0x7ff, ELF_E_SEGMENT);
	CASE("memsz 0", (c.ph[1].p_filesz = 0, c.ph[1].p_memsz = 0), ELF_E_SEGMENT);
	CASE("vaddr+memsz wraps", (c.ph[1].p_vaddr = 0xfffffffffffff000ULL), ELF_E_SEGMENT);
	CASE("vaddr in the last page",
	     (c.ph[1].p_vaddr = UINT64_MAX - 0xfff, c.ph[1].p_memsz = 0x800), ELF_E_SEGMENT);
	CASE("end rounds past 2^64",
	     (c.ph[1].p_vaddr = UINT64_MAX - 0x2fff, c.ph[1].p_memsz = 0x2800), ELF_E_SEGMENT);
	CASE("p_align 0x1800", c.ph[1].p_align = 0x1800, ELF_E_SEGMENT);
	CASE("p_align 3", c.ph[1].p_align = 3, ELF_E_SEGMENT);
	CASE("p_align 0", c.ph[1].p_align = 0, 0);
	CASE("p_align 1", c.ph[1].p_align = 1, 0);
	CASE("p_align 64 KiB, congruent", (c.ph[1].p_vaddr = 0x21000, c.ph[1].p_align = 0x10000),
	     0);
	CASE("vaddr not congruent to offset mod align",
	     (c.ph[1].p_vaddr = 0x22000, c.ph[1].p_align = 0x10000), ELF_E_SEGMENT);
	CASE("vaddr not congruent to offset mod page",
	     (c.ph[1].p_vaddr = 0x11010, c.ph[1].p_align = 16), ELF_E_SEGMENT);
	CASE("overlapping", c.ph[1].p_vaddr = 0x10000, ELF_E_OVERLAP);
	CASE("sharing a page",
	     (c.ph[0].p_filesz = c.ph[0].p_memsz = 0x800, c.ph[1].p_offset = 0x800,
	      c.ph[1].p_vaddr = 0x10800),
	     ELF_E_OVERLAP);
	CASE("unsorted", (c.ph[1].p_vaddr = 0x9000, c.ph[1].p_memsz = 0x800), ELF_E_OVERLAP);
	CASE("adjacent pages", c.ph[1].p_vaddr = 0x11000, 0);
	CASE("entry in data", c.eh.e_entry = 0x11000, ELF_E_ENTRY);
	CASE("entry unmapped", c.eh.e_entry = 0x9000, ELF_E_ENTRY);
	CASE("entry at end of text",
	     (c.ph[0].p_memsz = c.ph[0].p_filesz = 0x800, c.eh.e_entry = 0x10800), ELF_E_ENTRY);
	CASE("entry at last text byte", c.eh.e_entry = 0x10fff, 0);
	CASE("entry at text start", c.eh.e_entry = 0x10000, 0);
	CASE("entry 0", c.eh.e_entry = 0, 0);
	CASE("text not executable", c.ph[0].p_flags = PF_R, ELF_E_ENTRY);
	CASE("non-LOAD headers are not checked", c.ph[2].p_offset = UINT64_MAX, 0);
#undef CASE

	check_phase("crafted truncations");
	craft_init(&c);
	b = craft_image(&c);
	truncations(b, c.size);
	free(b);
}

static void test_real(const char *path, uint16_t type, bool pie)
{
	size_t len;
	uint8_t *img = check_read_file(path, &len);
	struct elf_image im;
	Elf64_Phdr ph;

	check_phase(path);
	CHECK_IEQ(parse_all_ways(img, len), 0);
	CHECK_IEQ(elf_parse(&im, img, len, EM_RISCV, PAGE), 0);
	CHECK_EQ(im.eh.e_type, type);
	int nload = 0;
	for (unsigned i = 0; i < im.phnum; i++) {
		elf_phdr(&im, i, &ph);
		if (ph.p_type == PT_LOAD)
			nload++;
	}
	CHECK_IEQ(nload, 2);
	CHECK_IEQ(elf_find_phdr(&im, PT_LOAD, &ph), 0);
	CHECK_EQ(ph.p_flags, PF_R | PF_X);
	if (pie) {
		CHECK_EQ(im.lo, 0);
		CHECK_IEQ(elf_find_phdr(&im, PT_DYNAMIC, &ph), 0);
		CHECK(ph.p_offset + ph.p_filesz <= len && ph.p_filesz % sizeof(Elf64_Dyn) == 0);
		CHECK_IEQ(elf_find_phdr(&im, PT_INTERP, &ph), -1);
	} else {
		/* The layout fixtures/elf_prog.ld asks for. */
		CHECK_EQ(im.lo, 0x40000);
		CHECK(im.eh.e_entry > 0x40000 && im.eh.e_entry < 0x41000);
		CHECK_IEQ(elf_find_phdr(&im, PT_DYNAMIC, &ph), -1);
		elf_phdr(&im, im.phnum - 1, &ph);
		CHECK(ph.p_type == PT_LOAD && ph.p_flags == (PF_R | PF_W));
		CHECK(ph.p_vaddr >= 0x41000 && ph.p_memsz >= 0x3000 && ph.p_filesz < ph.p_memsz);
		CHECK_EQ(im.hi, (ph.p_vaddr + ph.p_memsz + PAGE - 1) & ~(uint64_t)(PAGE - 1));
		/* With 64 KiB pages the data segment's page offset no longer matches. */
		CHECK_IEQ(elf_parse(&im, img, len, EM_RISCV, 0x10000), ELF_E_SEGMENT);
	}
	check_phase("real image truncations");
	truncations(img, len);
	check_phase("real image mutations");
	mutations(img, len, 6000);
	free(img);
}

int main(void)
{
	check_timeout(60);
	test_crafted();

	check_phase("crafted mutations");
	struct craft c;
	craft_init(&c);
	uint8_t *b = craft_image(&c);
	mutations(b, c.size, 10000);
	free(b);

#ifdef ELF_STATIC
	test_real(ELF_STATIC, ET_EXEC, false);
#else
	printf("riscv64-unknown-elf-gcc not found: real static image skipped\n");
#endif
#ifdef ELF_PIE
	test_real(ELF_PIE, ET_DYN, true);
	test_real(ELF_SHARED, ET_DYN, true);
#else
	printf("riscv64-linux-gnu-ld not found: real PIE and shared images skipped\n");
#endif

	check_phase("strerror");
	for (int e = 0; e >= ELF_E_ENTRY; e--) {
		const char *s = elf_strerror(e);
		CHECK(s != NULL && strcmp(s, "unknown error") != 0);
		for (int e2 = e + 1; e2 <= 0; e2++)
			CHECK(strcmp(s, elf_strerror(e2)) != 0);
	}
	CHECK_STREQ(elf_strerror(-99), "unknown error");
	return check_done("elf_test");
}
