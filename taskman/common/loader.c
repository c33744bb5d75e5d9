/*
 * loader.c - building a process's memory from a program and its shared
 * libraries (kernel independent; all kernel work goes through seam.h).
 *
 * The program is placed at its own addresses (ET_EXEC) or at TM_PIE_BASE
 * (ET_DYN); its DT_NEEDED libraries are found breadth-first and each is
 * placed at its template's address. A library's read-only segments are
 * shared from the template; every other segment is fresh zeroed memory
 * filled from the file through a window into taskman, relocated
 * (reloc.c), then given its final protection.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <qsoe/abi/mman.h>
#include <taskman/loader.h>
#include <taskman/seam.h>

/* See loader.h: a writable segment's window. */
void *tm_obj_wptr(const struct tm_obj *o, uint64_t a, size_t n)
{
	for (unsigned i = 0; i < o->dso->nsegs; i++) {
		const struct tm_seg *s = &o->dso->segs[i];
		uint64_t lo = o->base + s->vaddr;
		if (!(s->prot & PROT_WRITE) || o->local[i] == NULL)
			continue;
		if (a >= lo && a - lo <= s->memsz && n <= s->memsz - (a - lo))
			return (char *)o->local[i] + (a - (o->base + s->start));
	}
	return NULL;
}

/* See loader.h: a window or a template copy. */
const void *tm_obj_rptr(const struct tm_obj *o, uint64_t a, size_t n)
{
	for (unsigned i = 0; i < o->dso->nsegs; i++) {
		const struct tm_seg *s = &o->dso->segs[i];
		uint64_t lo = o->base + s->vaddr;
		const void *view = o->local[i] ? o->local[i] : o->lib ? o->lib->ro_local[i] : NULL;
		if (view && a >= lo && a - lo <= s->memsz && n <= s->memsz - (a - lo))
			return (const char *)view + (a - (o->base + s->start));
	}
	return NULL;
}

/* Appends an object; returns it or NULL (out of memory). */
static struct tm_obj *add_obj(struct tm_image *im, const struct tm_dso *d, const struct tm_lib *lib,
                              const char *name, uint64_t base)
{
	struct tm_obj *n = realloc(im->objs, (im->nobjs + 1) * sizeof(*n));
	if (n == NULL)
		return NULL;
	im->objs = n;
	struct tm_obj *o = &n[im->nobjs];
	memset(o, 0, sizeof(*o));
	o->local = calloc(d->nsegs, sizeof(void *));
	if (o->local == NULL)
		return NULL;
	o->dso = d;
	o->lib = lib;
	o->name = name;
	o->base = base;
	im->nobjs++;
	return o;
}

/* Adds the libraries the objects need, breadth-first, each once. */
static int add_libraries(struct tm_image *im, char *why, const struct tm_io *io,
                         const struct tm_cred *cred)
{
	for (unsigned i = 0; i < im->nobjs; i++) {
		const struct tm_dso *d = im->objs[i].dso;
		for (unsigned k = 0; k < d->nneeded; k++) {
			const char *name = tm_dso_str(d, d->needed[k]);
			const struct tm_lib *lib;
			int r = tm_lib_get(name, &lib, why, io, cred);
			if (r == -ENOENT) {
				snprintf(why, TM_WHY_MAX, "library %s needed by %s not found", name,
				         im->objs[i].name);
				return -ENOEXEC;
			}
			if (r < 0)
				return r;
			unsigned j;
			for (j = 0; j < im->nobjs && im->objs[j].lib != lib; j++)
				;
			if (j < im->nobjs)
				continue;
			if (add_obj(im, &lib->dso, lib,
			            lib->dso.soname ? lib->dso.soname : lib->name,
			            lib->base) == NULL)
				return -ENOMEM;
		}
	}
	return 0;
}

/* Maps every segment of o into pid: shared templates, or filled private copies. */
static int map_obj(pid_t pid, struct tm_obj *o)
{
	const struct tm_dso *d = o->dso;

	for (unsigned i = 0; i < d->nsegs; i++) {
		const struct tm_seg *s = &d->segs[i];
		uintptr_t a = o->base + s->start;
		size_t len = s->end - s->start;
		int r;
		if (o->lib && o->lib->ro_local[i]) {
			r = seam_share(pid, &a, len, s->prot, o->lib->ro_local[i]);
			if (r < 0)
				return r;
			continue;
		}
		r = seam_map_anon(pid, &a, len, PROT_READ | PROT_WRITE, 1);
		if (r < 0)
			return r;
		r = seam_map_child(pid, a, len, &o->local[i]);
		if (r < 0) {
			o->local[i] = NULL;
			return r;
		}
		memcpy((char *)o->local[i] + (s->vaddr - s->start), d->image + s->offset,
		       s->filesz);
	}
	return 0;
}

/* Closes o's windows into the child. */
static void close_windows(struct tm_obj *o)
{
	for (unsigned i = 0; i < o->dso->nsegs; i++)
		if (o->local[i]) {
			seam_unmap_local(o->local[i], o->dso->segs[i].end - o->dso->segs[i].start);
			o->local[i] = NULL;
		}
}

/* Final protections: each segment's own, then PT_GNU_RELRO read-only. */
static int protect_obj(pid_t pid, const struct tm_obj *o)
{
	const struct tm_dso *d = o->dso;

	for (unsigned i = 0; i < d->nsegs; i++) {
		const struct tm_seg *s = &d->segs[i];
		if (o->lib && o->lib->ro_local[i])
			continue; /* shared with its final protection */
		int r = seam_protect(pid, o->base + s->start, s->end - s->start, s->prot);
		if (r < 0)
			return r;
	}
	uint64_t lo = TM_ALIGN_DOWN(d->relro_vaddr),
	         hi = TM_ALIGN_DOWN(d->relro_vaddr + d->relro_memsz);
	if (d->relro_memsz && hi > lo)
		return seam_protect(pid, o->base + lo, hi - lo, PROT_READ);
	return 0;
}

/* See loader.h: the program validated, its libraries found; no process yet. */
int tm_load_prepare(const char *name, const void *image, size_t size, struct tm_image *im,
                    char *why, const struct tm_io *io, const struct tm_cred *cred)
{
	memset(im, 0, sizeof(*im));
	int r = tm_dso_parse(&im->prog, image, size, why);
	if (r < 0)
		return r;
	const struct tm_dso *p = &im->prog;
	if (p->entry == 0) {
		snprintf(why, TM_WHY_MAX, "no entry point (a shared library?)");
		return -ENOEXEC;
	}
	uint64_t base = 0;
	if (p->type == ET_DYN) {
		if (p->hi - p->lo > TM_LIB_AREA - TM_PIE_BASE) {
			snprintf(why, TM_WHY_MAX, "program too large");
			return -ENOEXEC;
		}
		base = TM_PIE_BASE - p->lo;
	}
	if (add_obj(im, p, NULL, name, base) == NULL)
		return -ENOMEM;
	im->entry = base + p->entry;
	im->phdr = p->phdr_vaddr ? base + p->phdr_vaddr : 0;
	return add_libraries(im, why, io, cred);
}

/* See loader.h. The windows are closed before returning. */
int tm_load_map(pid_t pid, struct tm_image *im, char *why)
{
	int r = 0;

	for (unsigned i = 0; r == 0 && i < im->nobjs; i++)
		r = map_obj(pid, &im->objs[i]);
	if (r == 0)
		r = tm_relocate(im, why);
	for (unsigned i = 0; r == 0 && i < im->nobjs; i++)
		r = protect_obj(pid, &im->objs[i]);
	for (unsigned i = 0; i < im->nobjs; i++)
		close_windows(&im->objs[i]);
	return r;
}

/* See loader.h. */
void tm_image_free(struct tm_image *im)
{
	for (unsigned i = 0; i < im->nobjs; i++) {
		close_windows(&im->objs[i]);
		free(im->objs[i].local);
	}
	free(im->objs);
	tm_dso_free(&im->prog);
	memset(im, 0, sizeof(*im));
}
