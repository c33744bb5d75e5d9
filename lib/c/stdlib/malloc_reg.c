/*
 * malloc_reg.c - the allocator's registry of slabs and large blocks: an
 * open-addressing hash table in its own mapping, grown by doubling. Called
 * with the malloc lock held.
 */
#include <string.h>
#include <sys/mman.h>
#include "libc.h"
#include "malloc_impl.h"

struct ent {
	uintptr_t key; /* 0: empty, 1: deleted */
	void *val;
};

static struct ent *tab;
static size_t cap, used, live; /* slots, non-empty slots, live entries */

/* Map len bytes of zeroed anonymous memory, or NULL. */
void *__m_map(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, NOFD, 0);

	return p == MAP_FAILED ? NULL : p;
}

/* Unmap a mapping made by __m_map (or a page-aligned part of one). */
void __m_unmap(void *p, size_t len)
{
	munmap(p, len);
}

static size_t hash(uintptr_t k)
{
	k ^= k >> 29;
	k *= 0xbf58476d1ce4e5b9ULL;
	k ^= k >> 32;
	return (size_t)k;
}

/* Rebuild the table with n slots. Returns 0, or -1 if out of memory. */
static int rehash(size_t n)
{
	struct ent *t = __m_map(n * sizeof(*t));

	if (!t)
		return -1;
	for (size_t i = 0; i < cap; i++) {
		if (tab[i].key <= 1)
			continue;
		size_t j = hash(tab[i].key) & (n - 1);
		while (t[j].key)
			j = (j + 1) & (n - 1);
		t[j] = tab[i];
	}
	if (tab)
		__m_unmap(tab, cap * sizeof(*tab));
	tab = t;
	cap = n;
	used = live;
	return 0;
}

/* Add key -> val (key not present). Returns 0, or -1 if out of memory. */
int __m_reg_add(uintptr_t key, void *val)
{
	if ((used + 1) * 4 >= cap * 3) {
		size_t n = cap ? cap : 512;
		if (live * 2 >= cap)
			n *= 2;
		if (rehash(n))
			return -1;
	}
	size_t j = hash(key) & (cap - 1);
	while (tab[j].key > 1)
		j = (j + 1) & (cap - 1);
	if (tab[j].key == 0)
		used++;
	tab[j].key = key;
	tab[j].val = val;
	live++;
	return 0;
}

/* The value registered for key, or NULL. */
void *__m_reg_find(uintptr_t key)
{
	if (!cap || key <= 1)
		return NULL;
	for (size_t j = hash(key) & (cap - 1);; j = (j + 1) & (cap - 1)) {
		if (tab[j].key == key)
			return tab[j].val;
		if (tab[j].key == 0)
			return NULL;
	}
}

/* Remove key (which must be present). */
void __m_reg_del(uintptr_t key)
{
	for (size_t j = hash(key) & (cap - 1);; j = (j + 1) & (cap - 1)) {
		if (tab[j].key == key) {
			tab[j].key = 1;
			tab[j].val = NULL;
			live--;
			return;
		}
		if (tab[j].key == 0)
			return;
	}
}
