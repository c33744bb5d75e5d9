/*
 * hsearch.c - POSIX hash tables (hcreate, hsearch, hdestroy) and the GNU
 * re-entrant forms (hcreate_r, hsearch_r, hdestroy_r).
 *
 * Keys are C strings. The table grows as entries are added, so nel is
 * only a hint and ENTER fails only when memory runs out (ENOMEM). The
 * ENTRY of a key never moves: entries live in blocks that are never
 * reallocated, and the open-addressing index of pointers to them is what
 * grows. The tables are not locked; callers serialise access.
 */
#include <errno.h>
#include <search.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct hblock {
	struct hblock *next;
	size_t used, cap;
	ENTRY e[];
};

struct __qsoe_htab {
	ENTRY **slot; /* open addressing, linear probing; NULL = empty */
	size_t mask;  /* number of slots - 1 (a power of two) */
	size_t count;
	struct hblock *blocks;
};

/* FNV-1a over the key's bytes. */
static size_t hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return (size_t)(h ^ (h >> 29));
}

/* Creates a table for about nel entries in *htab; 1, or 0 with errno. */
int hcreate_r(size_t nel, struct hsearch_data *htab)
{
	if (!htab) {
		errno = EINVAL;
		return 0;
	}
	if (nel > SIZE_MAX / 4)
		nel = SIZE_MAX / 4;
	size_t n = 16;
	while (n < nel + nel / 3 + 1 && n < ((size_t)1 << 40))
		n <<= 1;
	struct __qsoe_htab *t = calloc(1, sizeof(*t));
	ENTRY **slot = t ? calloc(n, sizeof(*slot)) : NULL;
	if (!slot) {
		free(t);
		errno = ENOMEM;
		return 0;
	}
	t->slot = slot;
	t->mask = n - 1;
	htab->__tab = t;
	return 1;
}

/* Frees the table (not the keys or data). */
void hdestroy_r(struct hsearch_data *htab)
{
	if (!htab || !htab->__tab)
		return;
	struct __qsoe_htab *t = htab->__tab;
	for (struct hblock *b = t->blocks, *nb; b; b = nb) {
		nb = b->next;
		free(b);
	}
	free(t->slot);
	free(t);
	htab->__tab = NULL;
}

/* The slot holding key, or the empty slot where it would go. */
static ENTRY **find(struct __qsoe_htab *t, const char *key)
{
	size_t i = hash(key) & t->mask;

	while (t->slot[i] && strcmp(t->slot[i]->key, key) != 0)
		i = (i + 1) & t->mask;
	return &t->slot[i];
}

/* Doubles the index; 0, or -1 if memory ran out. */
static int grow(struct __qsoe_htab *t)
{
	size_t n = (t->mask + 1) * 2;
	ENTRY **ns = calloc(n, sizeof(*ns));

	if (!ns)
		return -1;
	for (size_t i = 0; i <= t->mask; i++) {
		ENTRY *e = t->slot[i];
		if (!e)
			continue;
		size_t j = hash(e->key) & (n - 1);
		while (ns[j])
			j = (j + 1) & (n - 1);
		ns[j] = e;
	}
	free(t->slot);
	t->slot = ns;
	t->mask = n - 1;
	return 0;
}

/* A new ENTRY from the blocks; NULL if memory ran out. */
static ENTRY *new_entry(struct __qsoe_htab *t)
{
	struct hblock *b = t->blocks;

	if (!b || b->used == b->cap) {
		size_t cap = b ? b->cap * 2 : 16;
		if (cap > 65536)
			cap = 65536;
		b = malloc(sizeof(*b) + cap * sizeof(ENTRY));
		if (!b)
			return NULL;
		b->used = 0;
		b->cap = cap;
		b->next = t->blocks;
		t->blocks = b;
	}
	return &b->e[b->used++];
}

/*
 * Looks item.key up; with ENTER adds item if absent. *retval is the
 * table's entry (its data may be changed by the caller). Returns 1, or 0
 * with errno ESRCH (FIND: absent), ENOMEM (ENTER: no memory) or EINVAL.
 */
int hsearch_r(ENTRY item, ACTION action, ENTRY **retval, struct hsearch_data *htab)
{
	if (!htab || !htab->__tab || !item.key || !retval) {
		errno = EINVAL;
		return 0;
	}
	struct __qsoe_htab *t = htab->__tab;
	ENTRY **s = find(t, item.key);
	if (*s) {
		*retval = *s;
		return 1;
	}
	*retval = NULL;
	if (action == FIND) {
		errno = ESRCH;
		return 0;
	}
	if ((t->count + 1) * 4 > (t->mask + 1) * 3) {
		if (grow(t) < 0) {
			errno = ENOMEM;
			return 0;
		}
		s = find(t, item.key);
	}
	ENTRY *e = new_entry(t);
	if (!e) {
		errno = ENOMEM;
		return 0;
	}
	*e = item;
	*s = e;
	t->count++;
	*retval = e;
	return 1;
}

static struct hsearch_data global;

/* The process's table: nonzero on success, 0 with errno (one table at a time). */
int hcreate(size_t nel)
{
	if (global.__tab) {
		errno = EEXIST;
		return 0;
	}
	return hcreate_r(nel, &global);
}

void hdestroy(void)
{
	hdestroy_r(&global);
}

/* Finds or (ENTER) adds item in the process's table; NULL if absent or out of memory. */
ENTRY *hsearch(ENTRY item, ACTION action)
{
	ENTRY *r;

	return hsearch_r(item, action, &r, &global) ? r : NULL;
}
