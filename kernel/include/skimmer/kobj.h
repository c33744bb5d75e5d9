/*
 * kobj.h - reference-counted kernel objects.
 *
 * An object that other harts may still reach after it is "destroyed" (a
 * channel a thread is blocked on, a connection being sent on) embeds a
 * struct kobj. The last kobj_put() calls the release function. Counts are
 * atomic, so get/put need no lock.
 */
#ifndef SKIMMER_KOBJ_H
#define SKIMMER_KOBJ_H

#include <skimmer/types.h>

struct kobj {
	uint32_t refs;
	void (*release)(struct kobj *o);
};

static inline void kobj_init(struct kobj *o, void (*release)(struct kobj *))
{
	o->refs = 1;
	o->release = release;
}

static inline void kobj_get(struct kobj *o)
{
	__atomic_fetch_add(&o->refs, 1, __ATOMIC_RELAXED);
}

static inline void kobj_put(struct kobj *o)
{
	if (__atomic_fetch_sub(&o->refs, 1, __ATOMIC_ACQ_REL) == 1)
		o->release(o);
}

#endif
