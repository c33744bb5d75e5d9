/*
 * list.h - intrusive circular doubly linked lists.
 *
 * A struct list is embedded in the object; an empty list points to itself.
 * No function here takes a lock: the caller holds whatever protects the list.
 */
#ifndef SKIMMER_LIST_H
#define SKIMMER_LIST_H

#include <skimmer/types.h>

struct list {
	struct list *next, *prev;
};

#define LIST_INIT(name)          \
	{                        \
		&(name), &(name) \
	}

static inline void list_init(struct list *l)
{
	l->next = l->prev = l;
}

static inline bool list_empty(const struct list *l)
{
	return l->next == l;
}

/* True if the node is on some list (it was initialised and inserted). */
static inline bool list_linked(const struct list *n)
{
	return n->next != NULL && n->next != n;
}

static inline void list_insert_between(struct list *n, struct list *prev, struct list *next)
{
	n->next = next;
	n->prev = prev;
	prev->next = n;
	next->prev = n;
}

static inline void list_add_head(struct list *head, struct list *n)
{
	list_insert_between(n, head, head->next);
}

static inline void list_add_tail(struct list *head, struct list *n)
{
	list_insert_between(n, head->prev, head);
}

/* Inserts n before 'pos'. */
static inline void list_add_before(struct list *pos, struct list *n)
{
	list_insert_between(n, pos->prev, pos);
}

/* Unlinks n and leaves it self-linked, so list_linked() is false. */
static inline void list_del(struct list *n)
{
	n->prev->next = n->next;
	n->next->prev = n->prev;
	n->next = n->prev = n;
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first(head, type, member) \
	(list_empty(head) ? NULL : list_entry((head)->next, type, member))
#define list_for_each(pos, head) for (pos = (head)->next; pos != (head); pos = pos->next)
#define list_for_each_safe(pos, tmp, head) \
	for (pos = (head)->next, tmp = pos->next; pos != (head); pos = tmp, tmp = pos->next)

#endif
