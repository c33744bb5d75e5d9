/*
 * idtab.h - tables that map small integer ids to objects.
 *
 * Used for pids, tids, channel ids, connection ids and timer ids. The
 * table grows by doubling (up to 'max' entries, a documented limit well
 * beyond any realistic use) and hands out the lowest free id at or above a
 * minimum, as POSIX requires for file descriptors. No locking: the caller
 * holds the lock protecting the table.
 */
#ifndef SKIMMER_IDTAB_H
#define SKIMMER_IDTAB_H

#include <skimmer/types.h>

struct idtab {
	void **slots;
	uint32_t cap;
	uint32_t count;
	uint32_t max;  /* ids are < max */
	uint32_t hint; /* no free slot below this */
};

/* Memory for the slot arrays (kmalloc in the kernel, malloc in host tests). */
void *idtab_mem_alloc(size_t size);
void idtab_mem_free(void *p);

/* An empty table for ids below max; max is capped at 2^31 since ids are returned as int. */
void idtab_init(struct idtab *t, uint32_t max);
void idtab_destroy(struct idtab *t);

/* Stores obj under the lowest free id >= min. Returns the id, or -ENOMEM / -EAGAIN (full). */
int idtab_alloc(struct idtab *t, void *obj, uint32_t min);

/* Stores obj under exactly 'id'. Returns 0, -EBUSY if taken, -ENOMEM, -EAGAIN. */
int idtab_set(struct idtab *t, uint32_t id, void *obj);

/* Object stored under id, or NULL. */
void *idtab_get(const struct idtab *t, uint32_t id);

/* Removes id; returns the object that was stored, or NULL. */
void *idtab_remove(struct idtab *t, uint32_t id);

/* Iteration: next used id >= from, or -1. */
int idtab_next(const struct idtab *t, uint32_t from);

#endif
