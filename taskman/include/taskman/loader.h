/*
 * loader.h - loading ELF programs and their shared libraries into a new
 * process (kernel independent; memory work goes through seam.h).
 * The objects themselves are validated by elfdyn.c (elfobj.h).
 */
#ifndef TASKMAN_LOADER_H
#define TASKMAN_LOADER_H

#include <taskman/elfobj.h>
#include <taskman/imgfile.h>
#include <taskman/taskman.h>

#define TM_PIE_BASE    0x40000000UL    /* where a position-independent program goes */
#define TM_LIBDIRS     "/lib:/usr/lib" /* where DT_NEEDED names without '/' are looked for */
#define TM_SHEBANG_MAX 1024            /* longest "#!" line */

/* A library loaded once as a template (libcache.c); never freed. */
struct tm_lib {
	struct tm_lib *next;
	char *name; /* as DT_NEEDED names it */
	char *path; /* where it was found */
	struct tm_dso dso;
	uint64_t base;           /* load bias: the same in every process */
	void **ro_local;         /* per segment: taskman's copy of a read-only segment, or NULL */
	uint32_t mode, uid, gid; /* the file's, for the read permission of each user */
	void *buf;               /* the file read from another server (dso points into it) */
	size_t buflen;
};

/*
 * libcache.c: the library name (a DT_NEEDED entry), loading its template
 * the first time (from any server: see imgfile.h for io and -TM_EDEFER).
 * The user cred must be allowed to read the file. Returns 0 and *lib,
 * -ENOENT (not found), -EACCES, -ENOEXEC (malformed; reason in why),
 * -ENOMEM, -TM_EDEFER, or an error of tm_file_open/tm_file_read. No lock
 * is held while the file is read.
 */
int tm_lib_get(const char *name, const struct tm_lib **lib, char *why, const struct tm_io *io,
               const struct tm_cred *cred);

/* One object in a process being built. */
struct tm_obj {
	const struct tm_dso *dso;
	const struct tm_lib *lib; /* NULL for the program */
	const char *name;
	uint64_t base;
	void **local; /* per segment: a window on the child's copy (writable ones) */
};

/* What tm_load built. */
struct tm_image {
	struct tm_dso prog;
	struct tm_obj *objs; /* program first, then libraries breadth-first */
	unsigned nobjs;
	uint64_t entry;
	uint64_t phdr; /* AT_PHDR (0: not loaded; the start-up block carries a copy) */
};

/*
 * loader.c, first step (before any process exists): validates the program
 * image and finds its libraries, breadth-first, loading their templates
 * (libcache.c; io and cred as for tm_lib_get). name is the program's path
 * (messages, the link map). Returns 0, -ENOEXEC with a reason in why,
 * -TM_EDEFER, or another negative errno. The image must stay until
 * tm_image_free; tm_image_free releases *im whatever the result.
 */
int tm_load_prepare(const char *name, const void *image, size_t size, struct tm_image *im,
                    char *why, const struct tm_io *io, const struct tm_cred *cred);

/*
 * loader.c, second step: maps the prepared objects into the empty process
 * pid, relocates them and gives each segment its protection. Never blocks.
 * Returns 0, -ENOEXEC with a reason in why, -ENOMEM, ...
 */
int tm_load_map(pid_t pid, struct tm_image *im, char *why);
void tm_image_free(struct tm_image *im);

/* reloc.c: applies every relocation of the objects (windows open). 0 or -ENOEXEC. */
int tm_relocate(struct tm_image *im, char *why);

/* Local address of child address a in object o (n bytes, a writable segment), or NULL. */
void *tm_obj_wptr(const struct tm_obj *o, uint64_t a, size_t n);

/* Local address of child address a in object o (n bytes, any segment), or NULL. */
const void *tm_obj_rptr(const struct tm_obj *o, uint64_t a, size_t n);

#endif
