/*
 * idtab.c - growable id tables (see idtab.h).
 */
#include <skimmer/idtab.h>

void idtab_init(struct idtab *t, uint32_t max)
{
	t->slots = NULL;
	t->cap = 0;
	t->count = 0;
	/* ids are returned as int: at most 2^31 of them (grow() relies on it too). */
	t->max = max > (uint32_t)INT32_MAX + 1 ? (uint32_t)INT32_MAX + 1 : max;
	t->hint = 0;
}

void idtab_destroy(struct idtab *t)
{
	idtab_mem_free(t->slots);
	t->slots = NULL;
	t->cap = t->count = 0;
}

/* Grows the table so that index 'need' exists. */
static int grow(struct idtab *t, uint32_t need)
{
	if (need >= t->max)
		return -EAGAIN;
	uint32_t ncap = t->cap ? t->cap : 16;
	while (ncap <= need)
		ncap *= 2;
	if (ncap > t->max)
		ncap = t->max;
	void **ns = idtab_mem_alloc((size_t)ncap * sizeof(void *));
	if (ns == NULL)
		return -ENOMEM;
	for (uint32_t i = 0; i < ncap; i++)
		ns[i] = i < t->cap ? t->slots[i] : NULL;
	idtab_mem_free(t->slots);
	t->slots = ns;
	t->cap = ncap;
	return 0;
}

int idtab_alloc(struct idtab *t, void *obj, uint32_t min)
{
	uint32_t i = min > t->hint ? min : t->hint;

	for (; i < t->cap; i++)
		if (t->slots[i] == NULL)
			break;
	if (i >= t->cap) {
		int r = grow(t, i);
		if (r < 0)
			return r;
	}
	t->slots[i] = obj;
	t->count++;
	if (min <= t->hint)
		t->hint = i + 1;
	return (int)i;
}

int idtab_set(struct idtab *t, uint32_t id, void *obj)
{
	if (id >= t->cap) {
		int r = grow(t, id);
		if (r < 0)
			return r;
	}
	if (t->slots[id] != NULL)
		return -EBUSY;
	t->slots[id] = obj;
	t->count++;
	return 0;
}

void *idtab_get(const struct idtab *t, uint32_t id)
{
	return id < t->cap ? t->slots[id] : NULL;
}

void *idtab_remove(struct idtab *t, uint32_t id)
{
	if (id >= t->cap || t->slots[id] == NULL)
		return NULL;
	void *o = t->slots[id];
	t->slots[id] = NULL;
	t->count--;
	if (id < t->hint)
		t->hint = id;
	return o;
}

int idtab_next(const struct idtab *t, uint32_t from)
{
	for (uint32_t i = from; i < t->cap; i++)
		if (t->slots[i])
			return (int)i;
	return -1;
}
