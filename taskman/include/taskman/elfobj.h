/*
 * elfobj.h - a validated ELF object (program or shared library): its
 * segments and the dynamic tables the loader uses, and symbol lookup.
 * Pure code (no kernel, no locks): also built on the host for the
 * validator's fuzz test (tests/taskman/host).
 *
 * Every table is validated against the image before it is used: a
 * malformed file gives -ENOEXEC and a reason, never a fault.
 */
#ifndef TASKMAN_ELFOBJ_H
#define TASKMAN_ELFOBJ_H

#include <stddef.h>
#include <stdint.h>
#include "elf.h"

#define TM_OBJ_PAGE    4096UL
#define TM_LIB_AREA    0x1000000000UL /* libraries: [TM_LIB_AREA, TM_LIB_END) */
#define TM_LIB_END     0x2000000000UL
#define TM_WHY_MAX     160 /* room for a reason */
#define TM_OBJ_NAMEMAX 255 /* longest DT_NEEDED / DT_SONAME name */

/* One PT_LOAD segment. */
struct tm_seg {
	uint64_t vaddr, memsz, offset, filesz;
	uint64_t start, end; /* page-aligned span */
	int prot;            /* PROT_* */
};

/* A validated ELF object (program or library); pointers into its image. */
struct tm_dso {
	const uint8_t *image;
	size_t size;
	uint16_t type; /* ET_EXEC or ET_DYN */
	uint64_t entry;
	uint64_t lo, hi; /* page span of the segments */
	struct tm_seg *segs;
	unsigned nsegs;
	uint64_t phoff;
	unsigned phnum;
	uint64_t phdr_vaddr; /* where the program headers are loaded; 0 if not */
	uint64_t dyn_vaddr;  /* PT_DYNAMIC; 0 if static */
	const char *strtab;
	size_t strsz;
	const uint8_t *symtab;
	size_t nsyms;
	const uint8_t *hash; /* DT_HASH: nbucket, nchain, buckets, chains */
	uint32_t nbucket;
	const uint8_t *gnu; /* DT_GNU_HASH */
	uint32_t gnbuckets, symoffset, bloom_size, bloom_shift;
	const uint8_t *rela, *jmprel;
	size_t nrela, njmprel;
	uint32_t *needed; /* DT_NEEDED string offsets */
	unsigned nneeded;
	const char *soname;
	uint64_t init, fini, init_array, init_arraysz, fini_array, fini_arraysz;
	uint64_t preinit_array, preinit_arraysz;
	uint64_t tls_vaddr, tls_filesz, tls_memsz, tls_align;
	uint64_t relro_vaddr, relro_memsz;
};

/*
 * elfdyn.c: validates image as a RISC-V ELF64 executable or shared object
 * and fills *d (which tm_dso_free releases). Returns 0, -ENOEXEC with a
 * reason in why, or -ENOMEM.
 */
int tm_dso_parse(struct tm_dso *d, const void *image, size_t size, char *why);
void tm_dso_free(struct tm_dso *d);

/* elfdyn.c: the NUL-terminated string at offset off of the string table. */
static inline const char *tm_dso_str(const struct tm_dso *d, uint32_t off)
{
	return d->strtab + off; /* offsets were checked by tm_dso_parse */
}

/* elfdyn.c: symbol i (< nsyms), copied out (the image may be unaligned). */
void tm_dso_sym(const struct tm_dso *d, size_t i, Elf64_Sym *sym);

/* symbols.c: looks name up in d; fills *sym and returns 1 if d defines it. */
int tm_dso_lookup(const struct tm_dso *d, const char *name, Elf64_Sym *sym);

#endif
