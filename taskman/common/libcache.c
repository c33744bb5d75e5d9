/*
 * libcache.c - shared libraries, each loaded once into taskman as a
 * template: validated, given one load address used by every process
 * (TM_LIB_AREA upwards, 2 MiB aligned), and with a copy of each read-only
 * segment in taskman's memory that is shared (VmShare) into every process
 * that uses the library. Writable segments are copied per process from the
 * file. Templates are never freed: the set of libraries is small.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <qsoe/abi/mman.h>
#include <taskman/fs.h>
#include <taskman/loader.h>
#include <taskman/seam.h>

#define LIB_ALIGN (2UL << 20)

static tm_lock_t lib_lock = TM_LOCK_INIT;
static struct tm_lib *libs;
static uint64_t lib_next = TM_LIB_AREA;

/* Finds library name in the boot archive: absolute, or in TM_LIBDIRS. */
static int find_file(const char *name, char *path, const struct bootfs_ent **e)
{
	if (name[0] == '/') {
		if (strlen(name) >= TM_PATH_MAX)
			return -ENAMETOOLONG;
		strcpy(path, name);
		return bootfs_lookup(path, e);
	}
	if (strchr(name, '/'))
		return -ENOENT; /* relative paths with directories: nowhere to start from */
	const char *dirs = TM_LIBDIRS;
	while (*dirs) {
		size_t n = strcspn(dirs, ":");
		if (n + strlen(name) + 2 <= TM_PATH_MAX) {
			memcpy(path, dirs, n);
			path[n] = '/';
			strcpy(path + n + 1, name);
			if (bootfs_lookup(path, e) == 0)
				return 0;
		}
		dirs += n;
		if (*dirs == ':')
			dirs++;
	}
	return -ENOENT;
}

/* Releases a template that could not be completed. */
static void lib_discard(struct tm_lib *l)
{
	if (l->ro_local)
		for (unsigned i = 0; i < l->dso.nsegs; i++)
			if (l->ro_local[i])
				seam_unmap_local(l->ro_local[i],
				                 l->dso.segs[i].end - l->dso.segs[i].start);
	free(l->ro_local);
	tm_dso_free(&l->dso);
	free(l->name);
	free(l->path);
	free(l);
}

/* Makes taskman's read-only copy of every segment that is not writable. */
static int make_templates(struct tm_lib *l)
{
	l->ro_local = calloc(l->dso.nsegs, sizeof(void *));
	if (l->ro_local == NULL)
		return -ENOMEM;
	for (unsigned i = 0; i < l->dso.nsegs; i++) {
		const struct tm_seg *s = &l->dso.segs[i];
		if (s->prot & PROT_WRITE)
			continue;
		uintptr_t a = 0;
		int r = seam_map_anon(0, &a, s->end - s->start, PROT_READ | PROT_WRITE, 0);
		if (r < 0)
			return r;
		l->ro_local[i] = (void *)a;
		memcpy((char *)a + (s->vaddr - s->start), l->dso.image + s->offset, s->filesz);
		seam_protect(0, a, s->end - s->start, PROT_READ);
	}
	return 0;
}

/* Loads the template of name (lib_lock held). */
static int lib_load(const char *name, const struct tm_lib **out, char *why)
{
	char path[TM_PATH_MAX];
	const struct bootfs_ent *e;

	int r = find_file(name, path, &e);
	if (r < 0) {
		snprintf(why, TM_WHY_MAX, "library %s not found", name);
		return -ENOENT;
	}
	for (struct tm_lib *l = libs; l; l = l->next)
		if (strcmp(l->path, path) == 0) {
			*out = l; /* the same file under another name */
			return 0;
		}
	struct tm_lib *l = calloc(1, sizeof(*l));
	if (l == NULL)
		return -ENOMEM;
	l->name = strdup(name);
	l->path = strdup(path);
	if (l->name == NULL || l->path == NULL) {
		lib_discard(l);
		return -ENOMEM;
	}
	char inner[TM_WHY_MAX];
	r = tm_dso_parse(&l->dso, e->data, e->size, inner);
	if (r == 0 && l->dso.type != ET_DYN) {
		snprintf(inner, sizeof(inner), "not a shared object");
		r = -ENOEXEC;
	}
	if (r == -ENOEXEC)
		snprintf(why, TM_WHY_MAX, "%s: %s", path, inner);
	uint64_t span = (l->dso.hi - l->dso.lo + LIB_ALIGN - 1) & ~(LIB_ALIGN - 1);
	if (r == 0 && span > TM_LIB_END - lib_next)
		r = -ENOMEM; /* the library area is full */
	if (r == 0)
		r = make_templates(l);
	if (r < 0) {
		lib_discard(l);
		return r;
	}
	l->base = lib_next - l->dso.lo;
	lib_next += span;
	l->next = libs;
	libs = l;
	*out = l;
	return 0;
}

/* The template of library name, loaded on first use (see loader.h). */
int tm_lib_get(const char *name, const struct tm_lib **out, char *why)
{
	int r = 0;

	tm_lock(&lib_lock);
	struct tm_lib *l;
	for (l = libs; l; l = l->next)
		if (strcmp(l->name, name) == 0)
			break;
	if (l)
		*out = l;
	else
		r = lib_load(name, out, why);
	tm_unlock(&lib_lock);
	return r;
}
