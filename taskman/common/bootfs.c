/*
 * bootfs.c - the boot archive (a newc cpio image the kernel mapped
 * read-only into taskman), indexed once at start-up into a sorted array
 * of entries. Directories that only appear inside paths are synthesised;
 * the archive's symbolic links are kept and followed by bootfs_lookup.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/fs.h>
#include "cpio.h"

#define LINK_HOPS 8

static struct bootfs_ent *ents;
static size_t nents;
static struct bootfs_ent root = {.path = "", .mode = S_IFDIR | 0755, .nlink = 2, .ino = 1};

/* qsort order of entries: by path. */
static int ent_cmp(const void *a, const void *b)
{
	return strcmp(((const struct bootfs_ent *)a)->path, ((const struct bootfs_ent *)b)->path);
}

/* Appends an entry with a copy of path (normalised, no leading '/'). */
static int add(const char *name, uint32_t mode, const struct cpio_entry *e, size_t *cap)
{
	char norm[TM_PATH_MAX + 1];
	char abs[TM_PATH_MAX + 1];

	if (strlen(name) >= TM_PATH_MAX)
		return -ENAMETOOLONG;
	abs[0] = '/';
	strcpy(abs + 1, name);
	int r = tm_path_normalize(abs, norm, sizeof(norm));
	if (r < 0)
		return r;
	if (r == 1)
		return 0; /* the root itself */
	if (nents == *cap) {
		size_t nc = *cap ? *cap * 2 : 64;
		struct bootfs_ent *n = realloc(ents, nc * sizeof(*n));
		if (n == NULL)
			return -ENOMEM;
		ents = n;
		*cap = nc;
	}
	struct bootfs_ent *b = &ents[nents];
	memset(b, 0, sizeof(*b));
	b->path = strdup(norm + 1);
	if (b->path == NULL)
		return -ENOMEM;
	b->mode = mode;
	b->nlink = S_ISDIR(mode) ? 2 : 1;
	if (e) {
		b->uid = e->uid;
		b->gid = e->gid;
		b->mtime = e->mtime;
		b->data = e->data;
		b->size = e->size;
	}
	nents++;
	return 0;
}

/* Indexes the archive (see fs.h); problems are logged, never fatal. */
void bootfs_init(const void *archive, size_t size)
{
	size_t off = 0, cap = 0, nfiles;
	struct cpio_entry e;
	int r;

	while ((r = cpio_next(archive, size, &off, &e)) > 0) {
		const char *name = cpio_plain_name(e.name);
		if (name[0] == 0 || strcmp(name, ".") == 0)
			continue;
		if (add(name, e.mode, &e, &cap) < 0)
			tm_log("boot archive: cannot index %s\n", name);
	}
	if (r < 0)
		tm_log("boot archive: %s after %lu bytes; the rest is ignored\n", cpio_strerror(r),
		       (unsigned long)off);
	/* Synthesise the directories that only appear in paths. */
	nfiles = nents;
	for (size_t i = 0; i < nfiles; i++) {
		char dir[TM_PATH_MAX + 1];
		strcpy(dir, ents[i].path);
		for (char *s = strrchr(dir, '/'); s; s = strrchr(dir, '/')) {
			*s = 0;
			add(dir, S_IFDIR | 0755, NULL, &cap);
		}
	}
	qsort(ents, nents, sizeof(*ents), ent_cmp);
	/* Drop duplicates, keeping the archive's own entry over a synthesised one. */
	size_t k = 0;
	for (size_t i = 0; i < nents; i++) {
		if (k && strcmp(ents[k - 1].path, ents[i].path) == 0) {
			if (ents[i].data || ents[i].mtime)
				ents[k - 1] = ents[i];
			continue;
		}
		ents[k++] = ents[i];
	}
	nents = k;
	for (size_t i = 0; i < nents; i++)
		ents[i].ino = i + 2;
}

/* Binary search of the index (see fs.h); links are not followed. */
const struct bootfs_ent *bootfs_find(const char *path)
{
	while (*path == '/')
		path++;
	if (*path == 0)
		return &root;
	size_t lo = 0, hi = nents;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(ents[mid].path, path);
		if (c == 0)
			return &ents[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Walks path component by component, following archive links (see fs.h). */
int bootfs_lookup(const char *path, const struct bootfs_ent **out)
{
	char cur[TM_PATH_MAX + 1], next[TM_PATH_MAX + 1];
	int hops = 0;

	int r = tm_path_normalize(path, cur, sizeof(cur));
	if (r < 0)
		return r;
restart:
	for (char *p = cur + 1;;) {
		char *slash = strchr(p, '/');
		if (slash)
			*slash = 0;
		const struct bootfs_ent *e = bootfs_find(cur);
		if (slash)
			*slash = '/';
		if (e == NULL)
			return -ENOENT;
		if (S_ISLNK(e->mode)) {
			if (++hops > LINK_HOPS)
				return -ELOOP;
			char target[TM_PATH_MAX + 1], dir[TM_PATH_MAX + 1];
			if (e->size == 0 || e->size >= TM_PATH_MAX)
				return -ENOENT;
			memcpy(target, e->data, e->size);
			target[e->size] = 0;
			/* a relative target is relative to the link's directory */
			size_t linklen = slash ? (size_t)(slash - cur) : strlen(cur);
			memcpy(dir, cur, linklen);
			dir[linklen] = 0;
			*strrchr(dir, '/') = 0;
			r = tm_path_join(dir[0] ? dir : "/", target, next, sizeof(next));
			if (r < 0)
				return r;
			if (slash && strlen(next) + strlen(slash) >= sizeof(next))
				return -ENAMETOOLONG;
			if (slash)
				strcat(next, slash);
			r = tm_path_normalize(next, cur, sizeof(cur));
			if (r < 0)
				return r;
			goto restart;
		}
		if (slash == NULL) {
			if (S_ISDIR(e->mode))
				return -EISDIR;
			*out = e;
			return 0;
		}
		if (!S_ISDIR(e->mode))
			return -ENOTDIR;
		p = slash + 1;
	}
}

/* The absolute path a link entry e (met with rest still to walk) stands for. */
static int link_target(const struct bootfs_ent *e, const char *rest, char *out, size_t size)
{
	char target[TM_PATH_MAX], dir[TM_PATH_MAX + 1], joined[TM_PATH_MAX];

	if (e->size == 0 || e->size >= TM_PATH_MAX)
		return -ENOENT;
	memcpy(target, e->data, e->size);
	target[e->size] = 0;
	dir[0] = '/';
	strcpy(dir + 1, e->path);
	*strrchr(dir, '/') = 0; /* a relative target is relative to the link's directory */
	int r = tm_path_join(dir[0] ? dir : "/", target, joined, sizeof(joined));
	if (r < 0)
		return r;
	if (strlen(joined) + strlen(rest) + 2 > size || size > TM_PATH_MAX)
		return -ENAMETOOLONG;
	strcpy(out, joined);
	if (*rest) {
		if (strcmp(out, "/") != 0)
			strcat(out, "/");
		strcat(out, rest);
	}
	return 1;
}

/* Component by component; a link redirects the caller (see fs.h). */
int bootfs_walk(const char *rel, int nofollow, const struct bootfs_ent **ent, char *link,
                size_t size)
{
	char cur[TM_PATH_MAX];

	if (strlen(rel) >= sizeof(cur))
		return -ENAMETOOLONG;
	strcpy(cur, rel);
	for (char *p = cur; *p;) {
		char *slash = strchr(p, '/');
		if (slash)
			*slash = 0;
		const struct bootfs_ent *e = bootfs_find(cur);
		if (e && S_ISLNK(e->mode) && (slash || !nofollow))
			return link_target(e, slash ? rel + (slash - cur) + 1 : "", link, size);
		if (slash == NULL)
			break;
		if (e && !S_ISDIR(e->mode))
			return -ENOTDIR;
		*slash = '/';
		p = slash + 1;
	}
	*ent = bootfs_find(rel);
	return *ent ? 0 : -ENOENT;
}

/* The direct children of dir (see fs.h). */
size_t bootfs_list(const char *dir, void (*fn)(const struct bootfs_ent *e, void *arg), void *arg)
{
	while (*dir == '/')
		dir++;
	size_t dl = strlen(dir), n = 0;
	/* entries below dir are contiguous in the sorted array */
	size_t lo = 0, hi = nents;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(ents[mid].path, dir) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = dl ? lo : 0; i < nents; i++) {
		const char *p = ents[i].path;
		if (dl && strncmp(p, dir, dl) != 0)
			break;
		if (dl && p[dl] != '/')
			continue; /* "dir-x" sorts between "dir" and "dir/..." */
		const char *rest = dl ? p + dl + 1 : p;
		if (strchr(rest, '/'))
			continue;
		fn(&ents[i], arg);
		n++;
	}
	return n;
}
