/*
 * elf_fuzz.c - host test of taskman's ELF object validator and symbol
 * lookup (taskman/common/elfdyn.c, symbols.c): a small shared object
 * built here byte by byte must parse and resolve through both DT_HASH and
 * DT_GNU_HASH; then hundreds of thousands of damaged copies (random bytes,
 * random words, truncation) must each be refused or, when accepted, be
 * safe to walk completely -- under AddressSanitizer, which turns any read
 * outside the image into a failure.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/elfobj.h>

#define IMG 0x2000
static unsigned char good[IMG];
static int failures;

#define CHECK(c)                                                            \
	do {                                                                \
		if (!(c)) {                                                 \
			printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); \
			failures++;                                         \
		}                                                           \
	} while (0)

static void put16(size_t off, uint16_t v)
{
	memcpy(good + off, &v, 2);
}
static void put32(size_t off, uint32_t v)
{
	memcpy(good + off, &v, 4);
}
static void put64(size_t off, uint64_t v)
{
	memcpy(good + off, &v, 8);
}

static uint32_t sysv(const char *s)
{
	uint32_t h = 0;
	for (; *s; s++) {
		h = (h << 4) + (unsigned char)*s;
		uint32_t g = h & 0xf0000000u;
		if (g)
			h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

static uint32_t gnu(const char *s)
{
	uint32_t h = 5381;
	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	return h;
}

/* Symbols: 1 "baz" (undefined, weak), 2 "foo", 3 "bar" (both defined). */
static const char strtab[] = "\0baz\0foo\0bar\0libx.so";
static const unsigned names[4] = {0, 1, 5, 9};

static void phdr(int i, uint32_t type, uint32_t flags, uint64_t off, uint64_t va, uint64_t sz)
{
	size_t p = 64 + 56 * (size_t)i;
	put32(p, type);
	put32(p + 4, flags);
	put64(p + 8, off);
	put64(p + 16, va);
	put64(p + 24, va);
	put64(p + 32, sz);
	put64(p + 40, sz);
	put64(p + 48, type == PT_LOAD ? 0x1000 : 8);
}

/* Builds the good image: text at 0 (headers and tables), data at 0x1000. */
static void build(void)
{
	memcpy(good, "\177ELF\2\1\1", 7);
	put16(16, ET_DYN);
	put16(18, EM_RISCV);
	put32(20, 1);
	put64(24, 0); /* no entry: a library */
	put64(32, 64);
	put16(52, 64);
	put16(54, 56);
	put16(56, 3);
	phdr(0, PT_LOAD, PF_R | PF_X, 0, 0, 0x1000);
	phdr(1, PT_LOAD, PF_R | PF_W, 0x1000, 0x1000, 0x200);
	phdr(2, PT_DYNAMIC, PF_R | PF_W, 0x1000, 0x1000, 0xb0);
	memcpy(good + 0x200, strtab, sizeof(strtab));
	for (int i = 1; i < 4; i++) { /* the symbol table at 0x300 */
		size_t s = 0x300 + 24 * (size_t)i;
		put32(s, names[i]);
		good[s + 4] =
		        (unsigned char)(i == 1 ? (STB_WEAK << 4) : (STB_GLOBAL << 4 | STT_FUNC));
		put16(s + 6, i == 1 ? 0 : 5);
		put64(s + 8, i == 1 ? 0 : 0x100 * (uint64_t)i);
	}
	/* DT_HASH at 0x400: 3 buckets, 4 chains */
	put32(0x400, 3);
	put32(0x404, 4);
	for (int i = 1; i < 4; i++) {
		uint32_t b = sysv(strtab + names[i]) % 3;
		size_t slot = 0x408 + 4 * b;
		uint32_t head;
		memcpy(&head, good + slot, 4);
		put32(0x408 + 12 + 4 * (size_t)i, head); /* chain[i] = old head */
		put32(slot, (uint32_t)i);
	}
	/* DT_GNU_HASH at 0x500: 1 bucket, symoffset 2, 1 bloom word, shift 6 */
	put32(0x500, 1);
	put32(0x504, 2);
	put32(0x508, 1);
	put32(0x50c, 6);
	uint64_t bloom = 0;
	for (int i = 2; i < 4; i++) {
		uint32_t h = gnu(strtab + names[i]);
		bloom |= 1ULL << (h % 64) | 1ULL << ((h >> 6) % 64);
		put32(0x51c + 4 * (size_t)(i - 2), (h & ~1u) | (i == 3));
	}
	put64(0x510, bloom);
	put32(0x518, 2); /* the bucket */
	/* relocations at 0x600: RELATIVE, then R_RISCV_64 against foo */
	put64(0x600, 0x1100);
	put64(0x608, R_RISCV_RELATIVE);
	put64(0x610, 0x40);
	put64(0x618, 0x1108);
	put64(0x620, (2ULL << 32) | R_RISCV_64);
	put64(0x628, 0);
	/* the dynamic section at 0x1000 */
	static const int64_t tags[] = {DT_NEEDED, DT_STRTAB,   DT_STRSZ, DT_SYMTAB, DT_SYMENT,
	                               DT_HASH,   DT_GNU_HASH, DT_RELA,  DT_RELASZ, DT_RELAENT};
	const uint64_t vals[] = {13, 0x200, sizeof(strtab), 0x300, 24, 0x400, 0x500, 0x600, 48, 24};
	for (int i = 0; i < 10; i++) {
		put64(0x1000 + 16 * (size_t)i, (uint64_t)tags[i]);
		put64(0x1008 + 16 * (size_t)i, vals[i]);
	}
}

/* Walks everything a loader would touch in a parsed object. */
static void walk(const struct tm_dso *d)
{
	static const char *const probe[] = {"foo", "bar", "baz", "", "fooo", "libx.so"};
	Elf64_Sym s;
	volatile size_t sink = 0;

	for (unsigned i = 0; i < 6; i++)
		if (tm_dso_lookup(d, probe[i], &s))
			sink += strlen(tm_dso_str(d, s.st_name));
	for (unsigned i = 0; i < d->nneeded; i++)
		sink += strlen(tm_dso_str(d, d->needed[i]));
	const uint8_t *tabs[2] = {d->rela, d->jmprel};
	size_t ns[2] = {d->nrela, d->njmprel};
	for (int t = 0; t < 2; t++)
		for (size_t i = 0; i < ns[t]; i++) {
			Elf64_Rela r;
			memcpy(&r, tabs[t] + i * sizeof(r), sizeof(r));
			uint32_t si = ELF64_R_SYM(r.r_info);
			if (si && si < d->nsyms) {
				tm_dso_sym(d, si, &s);
				sink += strlen(tm_dso_str(d, s.st_name));
			}
		}
	(void)sink;
}

static uint64_t rng = 0x9e3779b97f4a7c15ULL;
static uint64_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng;
}

int main(void)
{
	struct tm_dso d;
	char why[TM_WHY_MAX];
	Elf64_Sym s;

	build();
	CHECK(tm_dso_parse(&d, good, IMG, why) == 0);
	CHECK(d.nsyms == 4 && d.nrela == 2 && d.nneeded == 1);
	CHECK(strcmp(tm_dso_str(&d, d.needed[0]), "libx.so") == 0);
	CHECK(tm_dso_lookup(&d, "foo", &s) && s.st_value == 0x200);
	CHECK(tm_dso_lookup(&d, "bar", &s) && s.st_value == 0x300);
	CHECK(!tm_dso_lookup(&d, "baz", &s)); /* undefined here */
	CHECK(!tm_dso_lookup(&d, "nope", &s));
	tm_dso_free(&d);
	/* without DT_GNU_HASH the System V table answers */
	unsigned char *nog = malloc(IMG);
	memcpy(nog, good, IMG);
	memcpy(nog + 0x1000 + 16 * 6, &(int64_t){DT_DEBUG}, 8);
	CHECK(tm_dso_parse(&d, nog, IMG, why) == 0 && d.gnu == NULL);
	CHECK(tm_dso_lookup(&d, "foo", &s) && s.st_value == 0x200);
	CHECK(tm_dso_lookup(&d, "bar", &s) && !tm_dso_lookup(&d, "baz", &s));
	tm_dso_free(&d);
	free(nog);

	/* damaged copies: each must be refused cleanly or be safe to walk */
	int refused = 0, accepted = 0;
	for (int iter = 0; iter < 300000; iter++) {
		size_t len = IMG;
		unsigned char *img = malloc(IMG);
		memcpy(img, good, IMG);
		int kind = (int)(rnd() % 4);
		if (kind == 0) {
			for (int k = 1 + (int)(rnd() % 4); k > 0; k--)
				img[rnd() % 0x1100] = (unsigned char)rnd();
		} else if (kind == 1) {
			uint32_t v = (uint32_t)rnd();
			memcpy(img + (rnd() % (0x1100 / 4)) * 4, &v, 4);
		} else if (kind == 2) {
			uint64_t v = rnd() % 3 ? rnd() % 0x3000 : rnd();
			memcpy(img + (rnd() % (0x1100 / 8)) * 8, &v, 8);
		} else {
			len = (size_t)(rnd() % IMG);
		}
		/* a copy of exactly len bytes, so ASan sees the end */
		unsigned char *cut = malloc(len ? len : 1);
		memcpy(cut, img, len);
		int r = tm_dso_parse(&d, cut, len, why);
		if (r == 0) {
			accepted++;
			walk(&d);
		} else {
			refused++;
			CHECK(r == -ENOEXEC && why[0] != 0);
		}
		tm_dso_free(&d);
		free(cut);
		free(img);
	}
	printf("elf_fuzz: %d damaged images refused, %d accepted and walked\n", refused, accepted);
	CHECK(refused > 1000 && accepted > 1000);
	printf("elf_fuzz: %d failure(s)\n", failures);
	return failures ? 1 : 0;
}
