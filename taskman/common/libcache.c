/*
 * libcache.c - shared libraries, each loaded once into taskman as a
 * template: validated, given one load address used by every process
 * (TM_LIB_AREA upwards, 2 MiB aligned), and with a copy of each read-only
 * segment in taskman's memory that is shared (VmShare) into every process
 * that uses the library. Writable segments are copied per process from the
 * file. Templates are never freed: the set of libraries is small.
 *
 * lib_lock covers only the list (and the next free library address): a
 * template is built, its file read (perhaps slowly, from another server),
 * with no lock held, so one slow library delays only the spawns that need
 * it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <qsoe/abi/mman.h>
#include <taskman/fs.h>
#include <taskman/imgfile.h>
#include <taskman/loader.h>
#include <taskman/seam.h>

#define LIB_ALIGN (2UL << 20)

static tm_lock_t lib_lock = TM_LOCK_INIT;
static struct tm_lib *libs;
static uint64_t lib_next = TM_LIB_AREA;

/*
 * Finds library name: absolute, or in each directory of TM_LIBDIRS, through
 * the pathname space (tm_file_open). 0 with f open and path set, or an error.
 */
static int find_file(const char *name, char *path, struct tm_file *f, const struct tm_io *io)
{
	if (name[0] == '/') {
		if (strlen(name) >= TM_PATH_MAX)
			return -ENAMETOOLONG;
		strcpy(path, name);
		return tm_file_open(path, f, io);
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
			int r = tm_file_open(path, f, io);
			if (r != -ENOENT && r != -ENOTDIR && r != -EISDIR && r != -EACCES)
				return r; /* found, or a failure that must not be skipped */
		}
		dirs += n;
		if (*dirs == ':')
			dirs++;
	}
	return -ENOENT;
}

/* Releases a template that could not be completed (or lost a race). */
static void lib_discard(struct tm_lib *l)
{
	if (l->ro_local)
		for (unsigned i = 0; i < l->dso.nsegs; i++)
			if (l->ro_local[i])
				seam_unmap_local(l->ro_local[i],
				                 l->dso.segs[i].end - l->dso.segs[i].start);
	free(l->ro_local);
	tm_dso_free(&l->dso);
	if (l->buf)
		seam_unmap_local(l->buf, l->buflen);
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

/* The cached template of name, or of the file at path (path may be NULL); lib_lock held. */
static struct tm_lib *lookup_locked(const char *name, const char *path)
{
	for (struct tm_lib *l = libs; l; l = l->next)
		if (strcmp(l->name, name) == 0 || (path && strcmp(l->path, path) == 0))
			return l;
	return NULL;
}

/* The read permission of cred on l's file. */
static int lib_access(const struct tm_lib *l, const struct tm_cred *cred, char *why)
{
	if (tm_access(cred, l->mode, l->uid, l->gid, _IO_FLAG_RD) == 0)
		return 0;
	snprintf(why, TM_WHY_MAX, "library %s may not be read", l->path);
	return -EACCES;
}

/*
 * Builds the template of name from its file; no lock is held (the file
 * may come slowly from another server). *out is the new template, or NULL
 * with an error.
 */
static int lib_build(const char *name, struct tm_lib **out, char *why, const struct tm_io *io)
{
	char path[TM_PATH_MAX];
	struct tm_file f = TM_FILE_INIT;

	*out = NULL;
	int r = find_file(name, path, &f, io);
	if (r == -ENOENT) {
		snprintf(why, TM_WHY_MAX, "library %s not found", name);
		return r;
	}
	if (r == 0)
		r = tm_file_read(&f, f.size, io);
	tm_file_close(&f);
	if (r < 0) {
		if (r != -TM_EDEFER)
			snprintf(why, TM_WHY_MAX, "library %s: cannot read %s (error %d)", name,
			         path, -r);
		tm_file_free(&f);
		return r;
	}
	struct tm_lib *l = calloc(1, sizeof(*l));
	if (l == NULL) {
		tm_file_free(&f);
		return -ENOMEM;
	}
	l->buf = f.buf; /* the template's tables point into the file: kept with it */
	l->buflen = f.buflen;
	l->mode = f.mode;
	l->uid = f.uid;
	l->gid = f.gid;
	l->name = strdup(name);
	l->path = strdup(path);
	if (l->name == NULL || l->path == NULL) {
		lib_discard(l);
		return -ENOMEM;
	}
	char inner[TM_WHY_MAX];
	r = tm_dso_parse(&l->dso, f.data, f.size, inner);
	if (r == 0 && l->dso.type != ET_DYN) {
		snprintf(inner, sizeof(inner), "not a shared object");
		r = -ENOEXEC;
	}
	if (r == -ENOEXEC)
		snprintf(why, TM_WHY_MAX, "%s: %s", path, inner);
	if (r == 0)
		r = make_templates(l);
	if (r < 0) {
		lib_discard(l);
		return r;
	}
	*out = l;
	return 0;
}

/*
 * The template of library name (see loader.h): looked up under lib_lock,
 * built without it, then entered under it (a template another thread
 * entered meanwhile for the same name or file wins; ours is discarded).
 */
int tm_lib_get(const char *name, const struct tm_lib **out, char *why, const struct tm_io *io,
               const struct tm_cred *cred)
{
	tm_lock(&lib_lock);
	struct tm_lib *l = lookup_locked(name, NULL);
	tm_unlock(&lib_lock);
	if (l) { /* templates are never changed once entered */
		*out = l;
		return lib_access(l, cred, why);
	}
	struct tm_lib *n;
	int r = lib_build(name, &n, why, io);
	if (r < 0)
		return r;
	uint64_t span = (n->dso.hi - n->dso.lo + LIB_ALIGN - 1) & ~(LIB_ALIGN - 1);
	tm_lock(&lib_lock);
	l = lookup_locked(name, n->path);
	if (l == NULL && span <= TM_LIB_END - lib_next) {
		n->base = lib_next - n->dso.lo;
		lib_next += span;
		n->next = libs;
		libs = n;
		l = n;
		n = NULL;
	}
	tm_unlock(&lib_lock);
	if (n)
		lib_discard(n); /* lost the race, or the library area is full */
	if (l == NULL)
		return -ENOMEM; /* the library area is full */
	*out = l;
	return lib_access(l, cred, why);
}
