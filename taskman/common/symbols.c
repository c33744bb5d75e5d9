/*
 * symbols.c - looking a symbol up in one object through its DT_GNU_HASH
 * or DT_HASH table (System V gABI, and the GNU hash as binutils and glibc
 * define it). The tables were validated by tm_dso_parse, so every index
 * used here is in range; chain walks are still bounded.
 */
#include <string.h>
#include <taskman/elfobj.h>

#define SHN_ABS_ 0xfff1

/* A 32-bit field at any alignment. */
static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

/* The System V ELF hash of name. */
static uint32_t sysv_hash(const char *name)
{
	uint32_t h = 0;

	for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
		h = (h << 4) + *p;
		uint32_t g = h & 0xf0000000u;
		if (g)
			h ^= g >> 24;
		h &= ~g;
	}
	return h;
}

/* The GNU hash (Bernstein's, seeded 5381) of name. */
static uint32_t gnu_hash(const char *name)
{
	uint32_t h = 5381;

	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		h = h * 33 + *p;
	return h;
}

/* True if symbol i is a definition named name that other objects may bind to. */
static int defines(const struct tm_dso *d, size_t i, const char *name, Elf64_Sym *sym)
{
	tm_dso_sym(d, i, sym);
	if (sym->st_shndx == SHN_UNDEF)
		return 0;
	unsigned bind = ELF64_ST_BIND(sym->st_info), type = ELF64_ST_TYPE(sym->st_info);
	if (bind != STB_GLOBAL && bind != STB_WEAK && bind != 10 /* STB_GNU_UNIQUE */)
		return 0;
	if (type == STT_TLS)
		return 0; /* thread-local symbols are not supported */
	if (sym->st_shndx != SHN_ABS_ && sym->st_value == 0)
		return 0; /* as the System V dynamic linkers do */
	return strcmp(tm_dso_str(d, sym->st_name), name) == 0;
}

/* See elfobj.h: through DT_GNU_HASH if there is one, else DT_HASH. */
int tm_dso_lookup(const struct tm_dso *d, const char *name, Elf64_Sym *sym)
{
	if (d->nsyms == 0)
		return 0;
	if (d->gnu) {
		uint32_t h = gnu_hash(name);
		const uint8_t *bloom = d->gnu + 16;
		uint64_t word;
		memcpy(&word, bloom + 8 * ((h / 64) % d->bloom_size), 8);
		uint64_t mask = (1ULL << (h % 64)) | (1ULL << ((h >> d->bloom_shift) % 64));
		if ((word & mask) != mask)
			return 0;
		const uint8_t *buckets = bloom + 8 * (uint64_t)d->bloom_size;
		const uint8_t *chains = buckets + 4 * (uint64_t)d->gnbuckets;
		uint32_t idx = rd32(buckets + 4 * (h % d->gnbuckets));
		if (idx == 0)
			return 0;
		for (; idx < d->nsyms; idx++) {
			uint32_t ch = rd32(chains + 4 * (uint64_t)(idx - d->symoffset));
			if ((ch | 1) == (h | 1) && defines(d, idx, name, sym))
				return 1;
			if (ch & 1)
				break;
		}
		return 0;
	}
	if (d->hash && d->nbucket) {
		uint32_t nchain = rd32(d->hash + 4);
		uint32_t idx = rd32(d->hash + 8 + 4 * (uint64_t)(sysv_hash(name) % d->nbucket));
		for (uint32_t steps = 0; idx != 0 && idx < nchain && steps < nchain; steps++) {
			if (defines(d, idx, name, sym))
				return 1;
			idx = rd32(d->hash + 8 + 4 * ((uint64_t)d->nbucket + idx));
		}
	}
	return 0;
}
