/*
 * loader.c - building a process from an ELF executable (kernel independent;
 * all kernel work goes through seam.h).
 *
 * Each PT_LOAD segment is mapped zeroed into the child, filled through a
 * temporary window into taskman, then given its final protection. The
 * main stack's top holds the start-up block the program's entry point
 * receives in a0 (layout in docs/abi.md, "Process start-up").
 */
#include <errno.h>
#include <taskman/seam.h>
#include <taskman/taskman.h>
#include <qsoe/abi/mman.h>
#include "elf.h"

#define PAGE             4096UL
#define ALIGN_DOWN(x, a) ((x) & ~((a)-1))
#define ALIGN_UP(x, a)   ALIGN_DOWN((x) + (a)-1, (a))

void *memcpy(void *d, const void *s, size_t n);
size_t strlen(const char *s);

/* Auxiliary vector keys (System V ABI). */
#define AT_NULL   0
#define AT_PHDR   3
#define AT_PHENT  4
#define AT_PHNUM  5
#define AT_PAGESZ 6
#define AT_ENTRY  9

int tm_load_elf(pid_t pid, const void *image, size_t size, struct tm_exec *ex, const char **why)
{
	struct elf_image img;
	int r = elf_parse(&img, image, size, EM_RISCV, PAGE);

	if (r < 0) {
		*why = elf_strerror(r);
		return -ENOEXEC;
	}
	Elf64_Phdr tmp;
	if (img.eh.e_type != ET_EXEC || elf_find_phdr(&img, PT_INTERP, &tmp) == 0 ||
	    elf_find_phdr(&img, PT_DYNAMIC, &tmp) == 0) {
		*why = "dynamically linked programs are not supported by this loader";
		return -ENOEXEC;
	}
	if (img.eh.e_entry == 0) {
		*why = "no entry point";
		return -ENOEXEC;
	}
	ex->entry = img.eh.e_entry;
	ex->phdr = 0;
	ex->phnum = img.phnum;
	for (unsigned i = 0; i < img.phnum; i++) {
		Elf64_Phdr phc;
		const Elf64_Phdr *ph = &phc;
		elf_phdr(&img, i, &phc);
		if (ph->p_type != PT_LOAD)
			continue;
		uintptr_t start = ALIGN_DOWN(ph->p_vaddr, PAGE);
		uintptr_t end = ALIGN_UP(ph->p_vaddr + ph->p_memsz, PAGE);
		void *local;
		r = seam_map_anon(pid, &start, end - start, 1);
		if (r < 0) {
			*why = "cannot map a segment";
			return r;
		}
		r = seam_map_child(pid, start, end - start, &local);
		if (r < 0) {
			*why = "cannot reach the child's memory";
			return r;
		}
		memcpy((char *)local + (ph->p_vaddr - start), (const char *)image + ph->p_offset,
		       ph->p_filesz);
		seam_unmap_local(local, end - start);
		int prot = 0;
		if (ph->p_flags & PF_R)
			prot |= PROT_READ;
		if (ph->p_flags & PF_W)
			prot |= PROT_WRITE;
		if (ph->p_flags & PF_X)
			prot |= PROT_EXEC;
		r = seam_protect(pid, start, end - start, prot);
		if (r < 0) {
			*why = "cannot protect a segment";
			return r;
		}
		if (ph->p_offset <= img.eh.e_phoff &&
		    img.eh.e_phoff + img.phnum * sizeof(Elf64_Phdr) <= ph->p_offset + ph->p_filesz)
			ex->phdr = ph->p_vaddr + (img.eh.e_phoff - ph->p_offset);
	}
	return 0;
}

static size_t count(char *const v[])
{
	size_t n = 0;

	while (v && v[n])
		n++;
	return n;
}

/*
 * Maps the main stack of pid and writes the start-up block at its top.
 * Returns the stack base, the part of it usable as stack, and the block's
 * address (the program's a0).
 */
static int build_stack(pid_t pid, char *const argv[], char *const envp[], const struct tm_exec *ex,
                       uintptr_t *lo, size_t *usable, uintptr_t *block)
{
	size_t argc = count(argv), envc = count(envp);
	size_t strbytes = 0;

	for (size_t i = 0; i < argc; i++)
		strbytes += strlen(argv[i]) + 1;
	for (size_t i = 0; i < envc; i++)
		strbytes += strlen(envp[i]) + 1;
	size_t nwords = 1 + (argc + 1) + (envc + 1) + 2 * 6;
	size_t blk = ALIGN_UP(nwords * 8 + strbytes, PAGE);
	size_t total = TM_STACK_SIZE + blk;
	uintptr_t base = 0;
	int r = seam_map_anon(pid, &base, total, 0);
	if (r < 0)
		return r;
	uintptr_t b = base + TM_STACK_SIZE; /* child address of the block */
	void *local;
	r = seam_map_child(pid, b, blk, &local);
	if (r < 0)
		return r;
	uint64_t *w = local;
	char *s = (char *)local + nwords * 8;
	uintptr_t s_child = b + nwords * 8;
	size_t k = 0;
	w[k++] = argc;
	for (size_t i = 0; i < argc; i++) {
		size_t n = strlen(argv[i]) + 1;
		memcpy(s, argv[i], n);
		w[k++] = s_child;
		s += n;
		s_child += n;
	}
	w[k++] = 0;
	for (size_t i = 0; i < envc; i++) {
		size_t n = strlen(envp[i]) + 1;
		memcpy(s, envp[i], n);
		w[k++] = s_child;
		s += n;
		s_child += n;
	}
	w[k++] = 0;
	uint64_t aux[][2] = {
	        {AT_PAGESZ, PAGE},     {AT_ENTRY, ex->entry},          {AT_PHDR, ex->phdr},
	        {AT_PHNUM, ex->phnum}, {AT_PHENT, sizeof(Elf64_Phdr)}, {AT_NULL, 0},
	};
	for (size_t i = 0; i < 6; i++) {
		w[k++] = aux[i][0];
		w[k++] = aux[i][1];
	}
	seam_unmap_local(local, blk);
	*lo = base;
	*usable = TM_STACK_SIZE;
	*block = b;
	return 0;
}

static const char *basename_of(const char *path)
{
	const char *b = path;

	for (const char *p = path; *p; p++)
		if (*p == '/' && p[1])
			b = p + 1;
	return b;
}

int tm_spawn(const char *path, char *const argv[], char *const envp[], pid_t *pidp)
{
	const void *image;
	size_t size;
	const char *why = NULL;
	struct tm_exec ex;
	pid_t pid;
	uintptr_t lo, block;
	size_t usable;

	int r = bootfs_lookup(path, &image, &size);
	if (r < 0)
		return r;
	r = seam_proc_create(basename_of(path), &pid);
	if (r < 0)
		return r;
	r = tm_load_elf(pid, image, size, &ex, &why);
	if (r == 0)
		r = build_stack(pid, argv, envp, &ex, &lo, &usable, &block);
	if (r == 0)
		r = seam_thread_start(pid, ex.entry, block, lo, usable, TM_DEFAULT_PRIO);
	if (r < 0) {
		if (why)
			tm_log("%s: %s\n", path, why);
		seam_proc_destroy(pid, 0x7f00);
		int st;
		pid_t p = pid;
		seam_wait(&p, &st, 0);
		return r;
	}
	*pidp = pid;
	return 0;
}
