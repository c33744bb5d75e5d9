/*
 * lsearch.c - linear search (lsearch, lfind) and doubly linked queues
 * (insque, remque) of <search.h>.
 */
#include <search.h>
#include <string.h>

/* The first element of base[0..*nelp) equal to key, or NULL. */
void *lfind(const void *key, const void *base, size_t *nelp, size_t width,
            int (*compar)(const void *, const void *))
{
	const char *p = base;

	for (size_t i = 0; i < *nelp; i++, p += width)
		if (compar(key, p) == 0)
			return (void *)p;
	return NULL;
}

/* As lfind, but appends key (width bytes) and counts it in *nelp when absent. */
void *lsearch(const void *key, void *base, size_t *nelp, size_t width,
              int (*compar)(const void *, const void *))
{
	void *r = lfind(key, base, nelp, width, compar);

	if (r)
		return r;
	r = (char *)base + *nelp * width;
	memmove(r, key, width);
	++*nelp;
	return r;
}

struct qelem {
	struct qelem *next, *prev;
};

/* Inserts element after pred; pred NULL starts a new linear list. */
void insque(void *element, void *pred)
{
	struct qelem *e = element, *p = pred;

	if (!p) {
		e->next = e->prev = NULL;
		return;
	}
	e->next = p->next;
	e->prev = p;
	p->next = e;
	if (e->next)
		e->next->prev = e;
}

/* Unlinks element from its list. */
void remque(void *element)
{
	struct qelem *e = element;

	if (e->next)
		e->next->prev = e->prev;
	if (e->prev)
		e->prev->next = e->next;
}
