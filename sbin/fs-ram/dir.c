/*
 * dir.c - fs-ram's directories (node.h): entries in a hash table by name
 * for lookups and in a list by cookie for readdir. A cookie is given once
 * per directory and never reused, so a reader that goes on from the
 * cookie after the last entry it saw meets every entry that stayed in
 * the directory exactly once, whatever was added or removed meanwhile.
 */
#include "node.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define FIRST_BUCKETS 8u

/* FNV-1a of the len bytes at s. */
static uint32_t name_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

/* Bytes an entry of a len-byte name costs. */
static uint64_t entry_cost(size_t len)
{
	return sizeof(struct fsr_dirent) + len + 1;
}

/* A new entry for the name (charged), or NULL with *err. */
static struct fsr_dirent *entry_new(struct fsr_budget *b, const char *name, size_t len, int *err)
{
	*err = fsr_charge(b, entry_cost(len));
	if (*err != 0)
		return NULL;
	struct fsr_dirent *e = calloc(1, sizeof(*e) + len + 1);
	if (e == NULL) {
		fsr_uncharge(b, entry_cost(len));
		*err = ENOMEM;
		return NULL;
	}
	memcpy(e->name, name, len);
	e->len = (uint16_t)len;
	e->hash = name_hash(name, len);
	return e;
}

static void entry_free(struct fsr_budget *b, struct fsr_dirent *e)
{
	fsr_uncharge(b, entry_cost(e->len));
	free(e);
}

/*
 * Makes room for one more entry in d: doubles the hash table when it is
 * as full as it has buckets. Growing is optional once a table exists
 * (chains just get longer if there is no budget or memory for it).
 * Returns 0, or ENOSPC / ENOMEM when d has no table and none can be made.
 */
static int make_room(struct fsr_budget *b, struct fsr_dir *d)
{
	if (d->count < d->nbuckets)
		return 0;
	size_t nb = d->nbuckets ? d->nbuckets * 2 : FIRST_BUCKETS;
	uint64_t extra = (uint64_t)(nb - d->nbuckets) * sizeof(struct fsr_dirent *);
	int r = fsr_charge(b, extra);
	if (r != 0)
		return d->nbuckets ? 0 : r;
	struct fsr_dirent **h = calloc(nb, sizeof(*h));
	if (h == NULL) {
		fsr_uncharge(b, extra);
		return d->nbuckets ? 0 : ENOMEM;
	}
	for (size_t i = 0; i < d->nbuckets; i++) {
		struct fsr_dirent *e = d->hash[i], *next;
		for (; e != NULL; e = next) {
			next = e->hnext;
			size_t k = e->hash & (nb - 1);
			e->hnext = h[k];
			h[k] = e;
		}
	}
	free(d->hash);
	d->hash = h;
	d->nbuckets = nb;
	return 0;
}

/* Puts e (for node n) into d with the next cookie. d has a table. */
static void insert(struct fsr_dir *d, struct fsr_dirent *e, struct fsnode *n)
{
	size_t k = e->hash & (d->nbuckets - 1);

	e->node = n;
	e->cookie = d->next_cookie++;
	e->hnext = d->hash[k];
	d->hash[k] = e;
	e->prev = d->last;
	e->next = NULL;
	if (d->last != NULL)
		d->last->next = e;
	else
		d->first = e;
	d->last = e;
	d->count++;
}

/* Takes e out of d's table and list. */
static void detach(struct fsr_dir *d, struct fsr_dirent *e)
{
	struct fsr_dirent **pp = &d->hash[e->hash & (d->nbuckets - 1)];

	while (*pp != NULL && *pp != e)
		pp = &(*pp)->hnext;
	if (*pp == e)
		*pp = e->hnext;
	if (e->prev != NULL)
		e->prev->next = e->next;
	else
		d->first = e->next;
	if (e->next != NULL)
		e->next->prev = e->prev;
	else
		d->last = e->prev;
	d->count--;
}

/* The entry called name in dir, or NULL. */
struct fsr_dirent *fsr_dir_find(const struct fsnode *dir, const char *name, size_t len)
{
	const struct fsr_dir *d = &dir->u.dir;

	if (d->nbuckets == 0)
		return NULL;
	uint32_t h = name_hash(name, len);
	for (struct fsr_dirent *e = d->hash[h & (d->nbuckets - 1)]; e != NULL; e = e->hnext)
		if (e->hash == h && e->len == len && memcmp(e->name, name, len) == 0)
			return e;
	return NULL;
}

/* Adds name for n to dir (node.h). Returns 0, EINVAL, ENOSPC or ENOMEM. */
int fsr_dir_add(struct fsr_budget *b, struct fsnode *dir, const char *name, size_t len,
                struct fsnode *n)
{
	int r;

	if (len == 0 || len > FSR_NAME_MAX)
		return EINVAL;
	if ((r = make_room(b, &dir->u.dir)) != 0)
		return r;
	struct fsr_dirent *e = entry_new(b, name, len, &r);
	if (e == NULL)
		return r;
	insert(&dir->u.dir, e, n);
	n->attr.nlink++;
	if (S_ISDIR(n->attr.mode)) {
		n->u.dir.parent = dir;
		dir->attr.nlink++;
	}
	return 0;
}

/* The links a node loses with its entry (its own "." for a directory). */
static void drop_links(struct fsnode *dir, struct fsnode *n)
{
	if (n->attr.nlink > 0)
		n->attr.nlink--;
	if (S_ISDIR(n->attr.mode)) {
		if (n->attr.nlink > 0)
			n->attr.nlink--;
		if (dir->attr.nlink > 0)
			dir->attr.nlink--;
		n->u.dir.parent = n; /* the old parent may go before n does */
	}
}

/* Removes entry e from dir and frees it; its node loses the links. */
void fsr_dir_remove(struct fsr_budget *b, struct fsnode *dir, struct fsr_dirent *e)
{
	detach(&dir->u.dir, e);
	drop_links(dir, e->node);
	entry_free(b, e);
}

/* Renames oe (in odir) to name in ndir, replacing victim (node.h). Returns 0, ENOSPC, ENOMEM. */
int fsr_dir_move(struct fsr_budget *b, struct fsnode *odir, struct fsr_dirent *oe,
                 struct fsnode *ndir, const char *name, size_t len, struct fsr_dirent *victim)
{
	int r;

	if (len == 0 || len > FSR_NAME_MAX)
		return EINVAL;
	if (victim == NULL && (r = make_room(b, &ndir->u.dir)) != 0)
		return r;
	struct fsr_dirent *ne = entry_new(b, name, len, &r);
	if (ne == NULL)
		return r;
	struct fsnode *n = oe->node;
	if (victim != NULL)
		fsr_dir_remove(b, ndir, victim);
	detach(&odir->u.dir, oe);
	entry_free(b, oe);
	insert(&ndir->u.dir, ne, n);
	if (S_ISDIR(n->attr.mode) && odir != ndir) {
		if (odir->attr.nlink > 0)
			odir->attr.nlink--;
		ndir->attr.nlink++;
		n->u.dir.parent = ndir;
	}
	return 0;
}

/* The first entry of dir with a cookie of at least cookie, or NULL. */
struct fsr_dirent *fsr_dir_from(const struct fsnode *dir, uint64_t cookie)
{
	struct fsr_dirent *e = dir->u.dir.first;

	while (e != NULL && e->cookie < cookie)
		e = e->next;
	return e;
}

/* True if directory a is directory n or above it. */
int fsr_dir_contains(const struct fsnode *a, const struct fsnode *n)
{
	for (const struct fsnode *p = n;; p = p->u.dir.parent) {
		if (p == a)
			return 1;
		if (p->u.dir.parent == p)
			return 0;
	}
}
