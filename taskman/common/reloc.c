/*
 * reloc.c - applying relocations eagerly (RISC-V psABI): R_RISCV_RELATIVE,
 * R_RISCV_64, R_RISCV_JUMP_SLOT and R_RISCV_COPY. Any other type is
 * ENOEXEC naming it. Symbols are looked up in the System V order: the
 * program, then its libraries breadth-first; the first definition wins
 * (so a program's definition interposes a library's); a weak reference
 * nobody defines is 0; any other undefined reference is ENOEXEC naming it.
 *
 * Objects are relocated in reverse load order, so a library's data is
 * final before a program's R_RISCV_COPY copies it.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <taskman/loader.h>

#define SHN_ABS_ 0xfff1

/* A name for a relocation type in messages. */
static const char *type_name(uint32_t t)
{
	switch (t) {
	case R_RISCV_32:
		return "R_RISCV_32";
	case 6:
		return "R_RISCV_TLS_DTPMOD64";
	case 7:
		return "R_RISCV_TLS_DTPREL64";
	case 8:
		return "R_RISCV_TLS_TPREL64";
	case 58:
		return "R_RISCV_IRELATIVE";
	default:
		return "unknown";
	}
}

/* A name for an object in messages. */
static const char *obj_name(const struct tm_obj *o)
{
	return o->name && o->name[0] ? o->name : "the program";
}

/*
 * Finds the definition of name in the global scope, skipping object skip.
 * Returns the defining object (and *sym) or NULL.
 */
static const struct tm_obj *resolve(const struct tm_image *im, const char *name,
                                    const struct tm_obj *skip, Elf64_Sym *sym)
{
	for (unsigned i = 0; i < im->nobjs; i++) {
		const struct tm_obj *o = &im->objs[i];
		if (o != skip && tm_dso_lookup(o->dso, name, sym))
			return o;
	}
	return NULL;
}

/* The address of symbol sym of object o. */
static uint64_t sym_addr(const struct tm_obj *o, const Elf64_Sym *sym)
{
	return sym->st_shndx == SHN_ABS_ ? sym->st_value : o->base + sym->st_value;
}

/*
 * The value S of symbol symi referenced by object o, for relocation type
 * type; for R_RISCV_COPY also the defining object and symbol. 0 or
 * -ENOEXEC with a reason.
 */
static int symbol_value(const struct tm_image *im, const struct tm_obj *o, uint32_t symi,
                        uint32_t type, uint64_t *S, const struct tm_obj **def, Elf64_Sym *defsym,
                        Elf64_Sym *ref, char *why)
{
	const struct tm_dso *d = o->dso;

	*S = 0;
	if (symi == 0) {
		if (type == R_RISCV_COPY)
			goto bad_index;
		return 0;
	}
	if (symi >= d->nsyms)
		goto bad_index;
	tm_dso_sym(d, symi, ref);
	const char *name = tm_dso_str(d, ref->st_name);
	if (ELF64_ST_BIND(ref->st_info) == STB_LOCAL) {
		if (type == R_RISCV_COPY)
			goto bad_index;
		*S = sym_addr(o, ref);
		*def = o;
		*defsym = *ref;
		return 0;
	}
	if (ELF64_ST_TYPE(ref->st_info) == STT_TLS) {
		snprintf(why, TM_WHY_MAX, "thread-local symbol %s (in %s) is not supported", name,
		         obj_name(o));
		return -ENOEXEC;
	}
	*def = resolve(im, name, type == R_RISCV_COPY ? o : NULL, defsym);
	if (*def) {
		*S = sym_addr(*def, defsym);
		return 0;
	}
	if (ELF64_ST_BIND(ref->st_info) == STB_WEAK && type != R_RISCV_COPY)
		return 0;
	snprintf(why, TM_WHY_MAX, "undefined symbol %s (in %s)", name, obj_name(o));
	return -ENOEXEC;
bad_index:
	snprintf(why, TM_WHY_MAX, "relocation with a bad symbol index %u in %s", symi, obj_name(o));
	return -ENOEXEC;
}

/* Applies one table of Elf64_Rela entries of object o. */
static int apply(const struct tm_image *im, const struct tm_obj *o, const uint8_t *tab, size_t n,
                 char *why)
{
	for (size_t i = 0; i < n; i++) {
		Elf64_Rela r;
		memcpy(&r, tab + i * sizeof(r), sizeof(r));
		uint32_t type = ELF64_R_TYPE(r.r_info), symi = ELF64_R_SYM(r.r_info);
		if (type == R_RISCV_NONE)
			continue;
		if (type != R_RISCV_RELATIVE && type != R_RISCV_64 && type != R_RISCV_JUMP_SLOT &&
		    type != R_RISCV_COPY) {
			snprintf(why, TM_WHY_MAX, "unsupported relocation type %u (%s) in %s", type,
			         type_name(type), obj_name(o));
			return -ENOEXEC;
		}
		uint64_t where = o->base + r.r_offset, S = 0, v;
		const struct tm_obj *def = NULL;
		Elf64_Sym defsym, ref;
		memset(&ref, 0, sizeof(ref));
		if (type != R_RISCV_RELATIVE) {
			int e = symbol_value(im, o, symi, type, &S, &def, &defsym, &ref, why);
			if (e < 0)
				return e;
		}
		size_t len = type == R_RISCV_COPY ? ref.st_size : sizeof(uint64_t);
		void *dst = tm_obj_wptr(o, where, len);
		if (dst == NULL) {
			snprintf(why, TM_WHY_MAX,
			         "relocation at 0x%lx outside the writable data of %s",
			         (unsigned long)r.r_offset, obj_name(o));
			return -ENOEXEC;
		}
		switch (type) {
		case R_RISCV_RELATIVE:
			v = o->base + (uint64_t)r.r_addend;
			break;
		case R_RISCV_64:
			v = S + (uint64_t)r.r_addend;
			break;
		case R_RISCV_JUMP_SLOT:
			v = S;
			break;
		default: { /* R_RISCV_COPY */
			const void *src = tm_obj_rptr(def, S, len);
			if (src == NULL || defsym.st_size < len) {
				snprintf(why, TM_WHY_MAX, "R_RISCV_COPY of %s: bad source or size",
				         tm_dso_str(o->dso, ref.st_name));
				return -ENOEXEC;
			}
			memcpy(dst, src, len);
			continue;
		}
		}
		memcpy(dst, &v, sizeof(v));
	}
	return 0;
}

/* See loader.h: every table of every object, libraries first. */
int tm_relocate(struct tm_image *im, char *why)
{
	for (unsigned i = im->nobjs; i-- > 0;) {
		const struct tm_obj *o = &im->objs[i];
		int r = apply(im, o, o->dso->rela, o->dso->nrela, why);
		if (r == 0)
			r = apply(im, o, o->dso->jmprel, o->dso->njmprel, why);
		if (r < 0)
			return r;
	}
	return 0;
}
