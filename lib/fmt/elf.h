/*
 * elf.h - ELF64 definitions and a bounds-checked image validator.
 *
 * Types and constants follow the System V gABI and the RISC-V ELF psABI.
 * elf_parse() checks everything a loader relies on before anyone maps a
 * byte: header identity, program header table bounds, and every PT_LOAD
 * segment's file range, sizes, alignment and address arithmetic.
 */
#ifndef QSOE_FMT_ELF_H
#define QSOE_FMT_ELF_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
	uint8_t e_ident[16];
	uint16_t e_type;
	uint16_t e_machine;
	uint32_t e_version;
	uint64_t e_entry;
	uint64_t e_phoff;
	uint64_t e_shoff;
	uint32_t e_flags;
	uint16_t e_ehsize;
	uint16_t e_phentsize;
	uint16_t e_phnum;
	uint16_t e_shentsize;
	uint16_t e_shnum;
	uint16_t e_shstrndx;
} Elf64_Ehdr;

typedef struct {
	uint32_t p_type;
	uint32_t p_flags;
	uint64_t p_offset;
	uint64_t p_vaddr;
	uint64_t p_paddr;
	uint64_t p_filesz;
	uint64_t p_memsz;
	uint64_t p_align;
} Elf64_Phdr;

typedef struct {
	uint32_t sh_name;
	uint32_t sh_type;
	uint64_t sh_flags;
	uint64_t sh_addr;
	uint64_t sh_offset;
	uint64_t sh_size;
	uint32_t sh_link;
	uint32_t sh_info;
	uint64_t sh_addralign;
	uint64_t sh_entsize;
} Elf64_Shdr;

typedef struct {
	int64_t d_tag;
	uint64_t d_val;
} Elf64_Dyn;

typedef struct {
	uint32_t st_name;
	uint8_t st_info;
	uint8_t st_other;
	uint16_t st_shndx;
	uint64_t st_value;
	uint64_t st_size;
} Elf64_Sym;

typedef struct {
	uint64_t r_offset;
	uint64_t r_info;
	int64_t r_addend;
} Elf64_Rela;

#define ELF64_R_SYM(i)     ((uint32_t)((i) >> 32))
#define ELF64_R_TYPE(i)    ((uint32_t)(i))
#define ELF64_ST_BIND(i)   ((i) >> 4)
#define ELF64_ST_TYPE(i)   ((i)&0xf)

#define ELFCLASS64         2
#define ELFDATA2LSB        1
#define EV_CURRENT         1
#define ET_EXEC            2
#define ET_DYN             3
#define EM_RISCV           243

#define PT_NULL            0
#define PT_LOAD            1
#define PT_DYNAMIC         2
#define PT_INTERP          3
#define PT_NOTE            4
#define PT_PHDR            6
#define PT_TLS             7
#define PT_GNU_STACK       0x6474e551
#define PT_GNU_RELRO       0x6474e552

#define PF_X               1
#define PF_W               2
#define PF_R               4

#define DT_NULL            0
#define DT_NEEDED          1
#define DT_PLTRELSZ        2
#define DT_PLTGOT          3
#define DT_HASH            4
#define DT_STRTAB          5
#define DT_SYMTAB          6
#define DT_RELA            7
#define DT_RELASZ          8
#define DT_RELAENT         9
#define DT_STRSZ           10
#define DT_SYMENT          11
#define DT_INIT            12
#define DT_FINI            13
#define DT_SONAME          14
#define DT_RPATH           15
#define DT_SYMBOLIC        16
#define DT_REL             17
#define DT_PLTREL          20
#define DT_DEBUG           21
#define DT_TEXTREL         22
#define DT_JMPREL          23
#define DT_BIND_NOW        24
#define DT_INIT_ARRAY      25
#define DT_FINI_ARRAY      26
#define DT_INIT_ARRAYSZ    27
#define DT_FINI_ARRAYSZ    28
#define DT_RUNPATH         29
#define DT_FLAGS           30
#define DT_PREINIT_ARRAY   32
#define DT_PREINIT_ARRAYSZ 33
#define DT_GNU_HASH        0x6ffffef5
#define DT_RELACOUNT       0x6ffffff9
#define DT_FLAGS_1         0x6ffffffb

#define STB_LOCAL          0
#define STB_GLOBAL         1
#define STB_WEAK           2
#define STT_NOTYPE         0
#define STT_OBJECT         1
#define STT_FUNC           2
#define STT_TLS            6
#define SHN_UNDEF          0

#define R_RISCV_NONE       0
#define R_RISCV_32         1
#define R_RISCV_64         2
#define R_RISCV_RELATIVE   3
#define R_RISCV_COPY       4
#define R_RISCV_JUMP_SLOT  5

enum {
	ELF_E_TRUNCATED = -1, /* header or table runs past the file */
	ELF_E_NOTELF = -2,    /* bad magic */
	ELF_E_CLASS = -3,     /* not ELF64 little-endian, version 1 */
	ELF_E_MACHINE = -4,   /* not the expected machine */
	ELF_E_TYPE = -5,      /* neither ET_EXEC nor ET_DYN */
	ELF_E_PHDR = -6,      /* program header table malformed */
	ELF_E_SEGMENT = -7,   /* a PT_LOAD segment is malformed */
	ELF_E_NOLOAD = -8,    /* no PT_LOAD segment */
	ELF_E_OVERLAP = -9,   /* PT_LOAD segments overlap or are unsorted */
	ELF_E_ENTRY = -10,    /* entry point outside every executable segment */
};

/*
 * A validated image. The input may sit at any alignment (a cpio archive
 * aligns file data to 4 bytes only), so headers are copied out, never
 * dereferenced in place.
 */
struct elf_image {
	const uint8_t *data;
	size_t size;
	Elf64_Ehdr eh; /* copy of the file header */
	unsigned phnum;
	uint64_t lo, hi; /* page-aligned span of all PT_LOAD segments */
};

/*
 * Validates an ELF64 image of 'size' bytes for 'machine' (EM_RISCV).
 * 'page' is the page size used for alignment checks. Returns 0 or ELF_E_*.
 */
int elf_parse(struct elf_image *img, const void *data, size_t size, uint16_t machine,
              uint64_t page);

/* Copies program header i (i < img->phnum) into *ph. */
void elf_phdr(const struct elf_image *img, unsigned i, Elf64_Phdr *ph);

/* Copies the first program header of 'type' into *ph; returns 0, or -1 if none. */
int elf_find_phdr(const struct elf_image *img, uint32_t type, Elf64_Phdr *ph);

const char *elf_strerror(int err);

#endif
