/*
 * search.h - POSIX search tables: binary search trees (tsearch family),
 * hash tables (hsearch family, plus the GNU re-entrant _r forms), linear
 * search (lsearch, lfind) and doubly linked queues (insque, remque).
 */
#ifndef _SEARCH_H
#define _SEARCH_H

#include <sys/cdefs.h>
#define __need_size_t
#include <stddef.h>

__BEGIN_DECLS

typedef enum { FIND, ENTER } ACTION;
typedef enum { preorder, postorder, endorder, leaf } VISIT;

typedef struct entry {
	char *key;
	void *data;
} ENTRY;

/* A hash table for the _r functions (GNU); zero it before hcreate_r. */
struct hsearch_data {
	struct __qsoe_htab *__tab;
	unsigned __reserved[4];
};

int hcreate(size_t nel);
void hdestroy(void);
ENTRY *hsearch(ENTRY item, ACTION action);
int hcreate_r(size_t nel, struct hsearch_data *htab);
void hdestroy_r(struct hsearch_data *htab);
int hsearch_r(ENTRY item, ACTION action, ENTRY **retval, struct hsearch_data *htab);

void insque(void *element, void *pred);
void remque(void *element);

void *lsearch(const void *key, void *base, size_t *nelp, size_t width,
              int (*compar)(const void *, const void *));
void *lfind(const void *key, const void *base, size_t *nelp, size_t width,
            int (*compar)(const void *, const void *));

/* A tree node returned by the t* functions starts with the key pointer. */
typedef void posix_tnode;
void *tsearch(const void *key, void **rootp, int (*compar)(const void *, const void *));
void *tfind(const void *key, void *const *rootp, int (*compar)(const void *, const void *));
void *tdelete(const void *__restrict key, void **__restrict rootp,
              int (*compar)(const void *, const void *));
void twalk(const void *root, void (*action)(const void *node, VISIT which, int depth));
/* GNU: frees every node, calling free_key on each key (NULL: none). */
void tdestroy(void *root, void (*free_key)(void *key));

__END_DECLS

#endif /* _SEARCH_H */
