/*
 * elfdyn.c - validating an ELF object for loading: its segments (with
 * lib/fmt/elf.c), PT_DYNAMIC and every table it points to (strings,
 * symbols, DT_HASH, DT_GNU_HASH, relocations, initialiser arrays).
 *
 * Tables are addressed by virtual address; each must lie inside the
 * file-backed part of one PT_LOAD segment, which is where it is read from
 * (the image: a cpio member, aligned to 4 bytes only, so every multi-byte
 * field is copied out with memcpy).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <qsoe/abi/mman.h>
#include <taskman/elfobj.h>

#define DF_TEXTREL  0x4
#define PLT_RELA    7
#define SYMENT      sizeof(Elf64_Sym)
#define RELAENT     sizeof(Elf64_Rela)
#define SPAN_MAX    (TM_LIB_END - TM_LIB_AREA) /* largest object */
#define ET_EXEC_MIN 0x10000UL                  /* lowest address of a fixed program */

static int fail(char *why, const char *fmt, const char *arg)
{
	snprintf(why, TM_WHY_MAX, fmt, arg);
	return -ENOEXEC;
}

/* A 32-bit field at any alignment. */
static uint32_t rd32(const uint8_t *p)
{
	uint32_t v;
	memcpy(&v, p, 4);
	return v;
}

/* The image bytes of [va, va + len) if they lie in one segment's file part; else NULL. */
static const uint8_t *at(const struct tm_dso *d, uint64_t va, uint64_t len)
{
	for (unsigned i = 0; i < d->nsegs; i++) {
		const struct tm_seg *s = &d->segs[i];
		if (va < s->vaddr || va - s->vaddr > s->filesz || len > s->filesz - (va - s->vaddr))
			continue;
		return d->image + s->offset + (va - s->vaddr);
	}
	return NULL;
}

/* True if [va, va + len) lies in one segment's memory. */
static int in_mem(const struct tm_dso *d, uint64_t va, uint64_t len, int need_exec)
{
	for (unsigned i = 0; i < d->nsegs; i++) {
		const struct tm_seg *s = &d->segs[i];
		if (va >= s->vaddr && va - s->vaddr <= s->memsz &&
		    len <= s->memsz - (va - s->vaddr))
			return !need_exec || (s->prot & PROT_EXEC);
	}
	return 0;
}

/* Copies symbol i out of the (possibly unaligned) table (see elfobj.h). */
void tm_dso_sym(const struct tm_dso *d, size_t i, Elf64_Sym *sym)
{
	memcpy(sym, d->symtab + i * SYMENT, SYMENT);
}

/* Reads the program headers: segments, PT_DYNAMIC, PT_TLS, PT_GNU_RELRO. */
static int read_phdrs(struct tm_dso *d, const struct elf_image *img, Elf64_Phdr *dyn, char *why)
{
	unsigned nload = 0;
	int ndyn = 0;

	for (unsigned i = 0; i < img->phnum; i++) {
		Elf64_Phdr ph;
		elf_phdr(img, i, &ph);
		nload += ph.p_type == PT_LOAD;
	}
	d->segs = calloc(nload, sizeof(*d->segs));
	if (d->segs == NULL)
		return -ENOMEM;
	for (unsigned i = 0; i < img->phnum; i++) {
		Elf64_Phdr ph;
		elf_phdr(img, i, &ph);
		if (ph.p_type == PT_LOAD) {
			struct tm_seg *s = &d->segs[d->nsegs++];
			s->vaddr = ph.p_vaddr;
			s->memsz = ph.p_memsz;
			s->offset = ph.p_offset;
			s->filesz = ph.p_filesz;
			s->start = (ph.p_vaddr & ~(TM_OBJ_PAGE - 1));
			s->end = ((ph.p_vaddr + ph.p_memsz + TM_OBJ_PAGE - 1) & ~(TM_OBJ_PAGE - 1));
			s->prot = ((ph.p_flags & PF_R) ? PROT_READ : 0) |
			          ((ph.p_flags & PF_W) ? PROT_WRITE : 0) |
			          ((ph.p_flags & PF_X) ? PROT_EXEC : 0);
		} else if (ph.p_type == PT_DYNAMIC) {
			*dyn = ph;
			ndyn++;
		} else if (ph.p_type == PT_TLS) {
			if (ph.p_filesz > ph.p_memsz ||
			    (ph.p_align > 1 && (ph.p_align & (ph.p_align - 1))))
				return fail(why, "%smalformed PT_TLS", "");
			d->tls_vaddr = ph.p_vaddr;
			d->tls_filesz = ph.p_filesz;
			d->tls_memsz = ph.p_memsz;
			d->tls_align = ph.p_align;
		} else if (ph.p_type == PT_GNU_RELRO) {
			d->relro_vaddr = ph.p_vaddr;
			d->relro_memsz = ph.p_memsz;
		}
	}
	if (ndyn > 1)
		return fail(why, "%smore than one PT_DYNAMIC", "");
	if (d->tls_memsz && !at(d, d->tls_vaddr, d->tls_filesz))
		return fail(why, "%sPT_TLS outside the loaded file", "");
	if (d->relro_memsz && !in_mem(d, d->relro_vaddr, d->relro_memsz, 0))
		return fail(why, "%sPT_GNU_RELRO outside the segments", "");
	/* Where the program headers are in memory (AT_PHDR), if loaded. */
	uint64_t phsize = (uint64_t)d->phnum * sizeof(Elf64_Phdr);
	for (unsigned i = 0; i < d->nsegs; i++) {
		const struct tm_seg *s = &d->segs[i];
		if (d->phoff >= s->offset && d->phoff - s->offset <= s->filesz &&
		    phsize <= s->filesz - (d->phoff - s->offset))
			d->phdr_vaddr = s->vaddr + (d->phoff - s->offset);
	}
	return ndyn ? 1 : 0;
}

/* Validates DT_HASH; sets nsyms from its chain count. */
static int check_hash(struct tm_dso *d, uint64_t va, char *why)
{
	const uint8_t *h = at(d, va, 8);
	if (h == NULL)
		return fail(why, "%sDT_HASH outside the file", "");
	uint32_t nb = rd32(h), nc = rd32(h + 4);
	if ((uint64_t)nb + nc > d->size / 4 || (nb == 0 && nc != 0))
		return fail(why, "%sDT_HASH sizes are impossible", "");
	h = at(d, va, 8 + 4 * ((uint64_t)nb + nc));
	if (h == NULL)
		return fail(why, "%sDT_HASH runs past the file", "");
	for (uint64_t i = 0; i < (uint64_t)nb + nc; i++)
		if (rd32(h + 8 + 4 * i) >= nc && !(nc == 0 && rd32(h + 8 + 4 * i) == 0))
			return fail(why, "%sDT_HASH entry out of range", "");
	d->hash = h;
	d->nbucket = nb;
	if (nc > d->nsyms)
		d->nsyms = nc;
	return 0;
}

/* Validates DT_GNU_HASH; raises nsyms to the highest symbol its chains reach. */
static int check_gnu_hash(struct tm_dso *d, uint64_t va, char *why)
{
	const uint8_t *g = at(d, va, 16);
	if (g == NULL)
		return fail(why, "%sDT_GNU_HASH outside the file", "");
	uint32_t nb = rd32(g), symoff = rd32(g + 4), bloom = rd32(g + 8), shift = rd32(g + 12);
	if (nb == 0 || bloom == 0 || shift >= 32 ||
	    (uint64_t)nb * 4 + (uint64_t)bloom * 8 > d->size)
		return fail(why, "%sDT_GNU_HASH header is malformed", "");
	uint64_t chains = 16 + (uint64_t)bloom * 8 + (uint64_t)nb * 4; /* offset of the chains */
	if (at(d, va, chains) == NULL)
		return fail(why, "%sDT_GNU_HASH runs past the file", "");
	uint64_t nsyms = symoff;
	int64_t end_max = -1; /* highest chain end seen (every chain ends at or before it) */
	for (uint32_t b = 0; b < nb; b++) {
		uint32_t idx = rd32(g + 16 + (uint64_t)bloom * 8 + 4 * (uint64_t)b);
		if (idx == 0)
			continue;
		if (idx < symoff)
			return fail(why, "%sDT_GNU_HASH bucket below symoffset", "");
		if ((int64_t)idx <= end_max)
			continue;
		for (uint64_t i = idx;; i++) {
			const uint8_t *c = at(d, va + chains + 4 * (i - symoff), 4);
			if (c == NULL)
				return fail(why, "%sDT_GNU_HASH chain runs past the file", "");
			if (rd32(c) & 1) {
				end_max = (int64_t)i;
				if (i + 1 > nsyms)
					nsyms = i + 1;
				break;
			}
		}
	}
	d->gnu = g;
	d->gnbuckets = nb;
	d->symoffset = symoff;
	d->bloom_size = bloom;
	d->bloom_shift = shift;
	if (nsyms > d->nsyms)
		d->nsyms = nsyms;
	return 0;
}

/* Validates a relocation table [va, va + sz) of Elf64_Rela. */
static int check_rela(struct tm_dso *d, uint64_t va, uint64_t sz, const uint8_t **out, size_t *n,
                      char *why)
{
	if (sz == 0)
		return 0;
	if (sz % RELAENT)
		return fail(why, "%srelocation table size is not a multiple of 24", "");
	*out = at(d, va, sz);
	if (*out == NULL)
		return fail(why, "%srelocation table outside the file", "");
	*n = sz / RELAENT;
	return 0;
}

/* Reads and validates the dynamic section and the tables it names. */
static int parse_dynamic(struct tm_dso *d, const Elf64_Phdr *ph, char *why)
{
	uint64_t v[DT_FLAGS + 1] = {0};
	uint64_t gnu = 0, flags = 0, relaent = RELAENT, syment = SYMENT, pltrel = PLT_RELA;
	int have[DT_FLAGS + 1] = {0};
	unsigned nneeded = 0;

	d->dyn_vaddr = ph->p_vaddr;
	const uint8_t *dyn = at(d, ph->p_vaddr, ph->p_filesz);
	if (dyn == NULL || ph->p_filesz < sizeof(Elf64_Dyn))
		return fail(why, "%sPT_DYNAMIC outside the loaded file", "");
	size_t count = ph->p_filesz / sizeof(Elf64_Dyn), i;
	for (i = 0; i < count; i++) {
		Elf64_Dyn e;
		memcpy(&e, dyn + i * sizeof(e), sizeof(e));
		if (e.d_tag == DT_NULL)
			break;
		if (e.d_tag == DT_NEEDED)
			nneeded++;
		if (e.d_tag == DT_REL || e.d_tag == DT_TEXTREL)
			return fail(why, "%s relocations are not supported",
			            e.d_tag == DT_REL ? "REL" : "text");
		if (e.d_tag >= 0 && e.d_tag <= DT_FLAGS) {
			v[e.d_tag] = e.d_val;
			have[e.d_tag] = 1;
		}
		if (e.d_tag == DT_GNU_HASH)
			gnu = e.d_val;
		if (e.d_tag == DT_PREINIT_ARRAY)
			d->preinit_array = e.d_val;
		if (e.d_tag == DT_PREINIT_ARRAYSZ)
			d->preinit_arraysz = e.d_val;
	}
	if (i == count)
		return fail(why, "%sdynamic section has no DT_NULL", "");
	if (have[DT_RELAENT])
		relaent = v[DT_RELAENT];
	if (have[DT_SYMENT])
		syment = v[DT_SYMENT];
	if (have[DT_PLTREL])
		pltrel = v[DT_PLTREL];
	if (have[DT_FLAGS])
		flags = v[DT_FLAGS];
	if (relaent != RELAENT || syment != SYMENT || pltrel != PLT_RELA || (flags & DF_TEXTREL))
		return fail(why, "%sunsupported DT_RELAENT, DT_SYMENT, DT_PLTREL or DF_TEXTREL",
		            "");

	/* Strings: every offset below strsz then names a terminated string. */
	if (have[DT_STRTAB]) {
		d->strsz = v[DT_STRSZ];
		d->strtab = (const char *)at(d, v[DT_STRTAB], d->strsz);
		if (d->strtab == NULL || d->strsz == 0 || d->strtab[d->strsz - 1] != 0)
			return fail(why, "%sDT_STRTAB/DT_STRSZ malformed", "");
	}
	if (have[DT_HASH] && check_hash(d, v[DT_HASH], why) < 0)
		return -ENOEXEC;
	if (gnu && check_gnu_hash(d, gnu, why) < 0)
		return -ENOEXEC;
	if (d->nsyms) {
		if (!have[DT_SYMTAB] || d->strtab == NULL)
			return fail(why, "%shash table without DT_SYMTAB or DT_STRTAB", "");
		if (d->nsyms > d->size / SYMENT ||
		    (d->symtab = at(d, v[DT_SYMTAB], d->nsyms * SYMENT)) == NULL)
			return fail(why, "%ssymbol table runs past the file", "");
		for (size_t s = 0; s < d->nsyms; s++) {
			Elf64_Sym sym;
			tm_dso_sym(d, s, &sym);
			if (sym.st_name >= d->strsz)
				return fail(why, "%ssymbol name outside the string table", "");
		}
	}
	if (check_rela(d, v[DT_RELA], have[DT_RELA] ? v[DT_RELASZ] : 0, &d->rela, &d->nrela, why) <
	            0 ||
	    check_rela(d, v[DT_JMPREL], have[DT_JMPREL] ? v[DT_PLTRELSZ] : 0, &d->jmprel,
	               &d->njmprel, why) < 0)
		return -ENOEXEC;

	/* DT_NEEDED and DT_SONAME name strings. */
	if (nneeded && d->strtab == NULL)
		return fail(why, "%sDT_NEEDED without a string table", "");
	d->needed = calloc(nneeded ? nneeded : 1, sizeof(*d->needed));
	if (d->needed == NULL)
		return -ENOMEM;
	for (i = 0; i < count; i++) {
		Elf64_Dyn e;
		memcpy(&e, dyn + i * sizeof(e), sizeof(e));
		if (e.d_tag == DT_NULL)
			break;
		if (e.d_tag != DT_NEEDED && e.d_tag != DT_SONAME)
			continue;
		if (d->strtab == NULL || e.d_val >= d->strsz || d->strtab[e.d_val] == 0 ||
		    strlen(d->strtab + e.d_val) > TM_OBJ_NAMEMAX)
			return fail(why, "%sbad DT_NEEDED or DT_SONAME name", "");
		if (e.d_tag == DT_NEEDED)
			d->needed[d->nneeded++] = (uint32_t)e.d_val;
		else
			d->soname = d->strtab + e.d_val;
	}

	/* Initialisers and finalisers must lie in the object. */
	d->init = v[DT_INIT];
	d->fini = v[DT_FINI];
	d->init_array = v[DT_INIT_ARRAY];
	d->init_arraysz = v[DT_INIT_ARRAYSZ];
	d->fini_array = v[DT_FINI_ARRAY];
	d->fini_arraysz = v[DT_FINI_ARRAYSZ];
	if ((d->init && !in_mem(d, d->init, 4, 1)) || (d->fini && !in_mem(d, d->fini, 4, 1)) ||
	    (d->init_arraysz &&
	     (d->init_arraysz % 8 || !in_mem(d, d->init_array, d->init_arraysz, 0))) ||
	    (d->fini_arraysz &&
	     (d->fini_arraysz % 8 || !in_mem(d, d->fini_array, d->fini_arraysz, 0))) ||
	    (d->preinit_arraysz &&
	     (d->preinit_arraysz % 8 || !in_mem(d, d->preinit_array, d->preinit_arraysz, 0))))
		return fail(why, "%sinitialiser or finaliser outside the object", "");
	return 0;
}

/* Validates a whole object (see elfobj.h). */
int tm_dso_parse(struct tm_dso *d, const void *image, size_t size, char *why)
{
	struct elf_image img;
	Elf64_Phdr dyn;

	memset(d, 0, sizeof(*d));
	if (size < 4 || memcmp(image, "\177ELF", 4) != 0)
		return fail(why, "%snot an ELF image", "");
	int r = elf_parse(&img, image, size, EM_RISCV, TM_OBJ_PAGE);
	if (r < 0)
		return fail(why, "%s", elf_strerror(r));
	d->image = image;
	d->size = size;
	d->type = img.eh.e_type;
	d->entry = img.eh.e_entry;
	d->lo = img.lo;
	d->hi = img.hi;
	d->phoff = img.eh.e_phoff;
	d->phnum = img.phnum;
	if (d->hi - d->lo > SPAN_MAX)
		return fail(why, "%ssegments span more than 64 GiB", "");
	if (d->type == ET_EXEC && (d->lo < ET_EXEC_MIN || d->hi > TM_LIB_AREA))
		return fail(why, "%sfixed-address program outside 0x10000..0x1000000000", "");
	r = read_phdrs(d, &img, &dyn, why);
	if (r == 1)
		r = parse_dynamic(d, &dyn, why);
	return r < 0 ? r : 0;
}

/* Releases what tm_dso_parse allocated (also after a failure). */
void tm_dso_free(struct tm_dso *d)
{
	free(d->segs);
	free(d->needed);
	d->segs = NULL;
	d->needed = NULL;
}
