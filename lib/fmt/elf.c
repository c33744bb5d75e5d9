/*
 * elf.c - ELF64 image validation (System V gABI, RISC-V psABI).
 */
#include "elf.h"

#include <string.h>

int elf_parse(struct elf_image *img, const void *data, size_t size, uint16_t machine, uint64_t page)
{
	const uint8_t *d = data;
	Elf64_Ehdr ehc;
	const Elf64_Ehdr *eh = &ehc;

	if (size < sizeof(Elf64_Ehdr))
		return ELF_E_TRUNCATED;
	memcpy(&ehc, d, sizeof(ehc));
	if (memcmp(d, "\177ELF", 4) != 0)
		return ELF_E_NOTELF;
	if (d[4] != ELFCLASS64 || d[5] != ELFDATA2LSB || d[6] != EV_CURRENT ||
	    eh->e_version != EV_CURRENT)
		return ELF_E_CLASS;
	if (eh->e_machine != machine)
		return ELF_E_MACHINE;
	if (eh->e_type != ET_EXEC && eh->e_type != ET_DYN)
		return ELF_E_TYPE;
	if (eh->e_phentsize != sizeof(Elf64_Phdr) || eh->e_phnum == 0 || eh->e_phoff > size ||
	    (uint64_t)eh->e_phnum * sizeof(Elf64_Phdr) > size - eh->e_phoff)
		return ELF_E_PHDR;

	uint64_t lo = UINT64_MAX, hi = 0, prev_end = 0;
	int nload = 0;
	int entry_ok = 0;

	for (unsigned i = 0; i < eh->e_phnum; i++) {
		Elf64_Phdr phc;
		const Elf64_Phdr *p = &phc;
		memcpy(&phc, d + eh->e_phoff + i * sizeof(Elf64_Phdr), sizeof(phc));
		if (p->p_type != PT_LOAD)
			continue;
		if (p->p_offset > size || p->p_filesz > size - p->p_offset)
			return ELF_E_SEGMENT;
		if (p->p_filesz > p->p_memsz)
			return ELF_E_SEGMENT;
		if (p->p_vaddr + p->p_memsz < p->p_vaddr || p->p_memsz == 0)
			return ELF_E_SEGMENT;
		if (p->p_vaddr > UINT64_MAX - page)
			return ELF_E_SEGMENT;
		if (p->p_align > 1) {
			if ((p->p_align & (p->p_align - 1)) != 0)
				return ELF_E_SEGMENT;
			if ((p->p_vaddr % p->p_align) != (p->p_offset % p->p_align))
				return ELF_E_SEGMENT;
		}
		/* Page offsets must agree so a segment can be mapped page by page. */
		if ((p->p_vaddr & (page - 1)) != (p->p_offset & (page - 1)))
			return ELF_E_SEGMENT;
		uint64_t start = p->p_vaddr & ~(page - 1);
		uint64_t end = p->p_vaddr + p->p_memsz;
		if (end > UINT64_MAX - page)
			return ELF_E_SEGMENT;
		end = (end + page - 1) & ~(page - 1);
		if (nload > 0 && start < prev_end)
			return ELF_E_OVERLAP;
		prev_end = end;
		if (start < lo)
			lo = start;
		if (end > hi)
			hi = end;
		if ((p->p_flags & PF_X) && eh->e_entry >= p->p_vaddr &&
		    eh->e_entry < p->p_vaddr + p->p_memsz)
			entry_ok = 1;
		nload++;
	}
	if (nload == 0)
		return ELF_E_NOLOAD;
	/* A shared object may have no entry point (0); anything else must be code. */
	if (!entry_ok && eh->e_entry != 0)
		return ELF_E_ENTRY;

	img->data = d;
	img->size = size;
	img->eh = ehc;
	img->phnum = eh->e_phnum;
	img->lo = lo;
	img->hi = hi;
	return 0;
}

void elf_phdr(const struct elf_image *img, unsigned i, Elf64_Phdr *ph)
{
	memcpy(ph, img->data + img->eh.e_phoff + (size_t)i * sizeof(Elf64_Phdr), sizeof(*ph));
}

int elf_find_phdr(const struct elf_image *img, uint32_t type, Elf64_Phdr *ph)
{
	for (unsigned i = 0; i < img->phnum; i++) {
		elf_phdr(img, i, ph);
		if (ph->p_type == type)
			return 0;
	}
	return -1;
}

const char *elf_strerror(int err)
{
	switch (err) {
	case 0:
		return "no error";
	case ELF_E_TRUNCATED:
		return "truncated ELF file";
	case ELF_E_NOTELF:
		return "not an ELF file";
	case ELF_E_CLASS:
		return "not a 64-bit little-endian ELF file";
	case ELF_E_MACHINE:
		return "wrong machine type";
	case ELF_E_TYPE:
		return "not an executable or shared object";
	case ELF_E_PHDR:
		return "malformed program header table";
	case ELF_E_SEGMENT:
		return "malformed loadable segment";
	case ELF_E_NOLOAD:
		return "no loadable segment";
	case ELF_E_OVERLAP:
		return "loadable segments overlap";
	case ELF_E_ENTRY:
		return "entry point outside executable code";
	default:
		return "unknown error";
	}
}
