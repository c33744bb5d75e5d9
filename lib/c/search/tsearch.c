/*
 * tsearch.c - POSIX binary search trees: tsearch, tfind, tdelete, twalk
 * and GNU tdestroy, as AVL trees (O(log n) for every operation).
 *
 * A node starts with the key pointer, so the pointer the functions return
 * can be dereferenced as (void **) to get the key, as POSIX requires. The
 * tree is not locked: callers serialise access to one tree.
 */
#include <search.h>
#include <stdlib.h>

struct node {
	const void *key; /* first: *(void **)node is the key */
	struct node *child[2];
	int height;
};

/* An AVL tree of n nodes is at most 1.44 log2(n) high: 100 levels are more than memory holds. */
#define MAXH 100

typedef int (*cmp_t)(const void *, const void *);

static int height(const struct node *n)
{
	return n ? n->height : 0;
}

static void fix_height(struct node *n)
{
	int l = height(n->child[0]), r = height(n->child[1]);
	n->height = (l > r ? l : r) + 1;
}

/* Rotates n so that its child on side d rises; returns the new subtree root. */
static struct node *rotate(struct node *n, int d)
{
	struct node *c = n->child[d];
	n->child[d] = c->child[!d];
	c->child[!d] = n;
	fix_height(n);
	fix_height(c);
	return c;
}

/* Restores the AVL balance of the subtree at n; returns its (new) root. */
static struct node *balance(struct node *n)
{
	fix_height(n);
	int diff = height(n->child[0]) - height(n->child[1]);
	if (diff > 1 || diff < -1) {
		int d = diff > 1 ? 0 : 1; /* the heavy side */
		struct node *c = n->child[d];
		if (height(c->child[!d]) > height(c->child[d]))
			n->child[d] = rotate(c, !d);
		n = rotate(n, d);
	}
	return n;
}

/*
 * Rebalances the nodes on the path path[0..n-1] (root first), whose
 * links are slot[0..n-1] (slot[i] is where path[i] hangs), bottom-up.
 */
static void rebalance(struct node **path[], int n)
{
	while (n-- > 0) {
		struct node **slot = path[n];
		*slot = balance(*slot);
	}
}

/*
 * Finds key in the tree at *rootp, adding it if absent. Returns the node
 * (whose first member is the key pointer) or NULL if memory ran out or
 * rootp is NULL.
 */
void *tsearch(const void *key, void **rootp, int (*compar)(const void *, const void *))
{
	struct node **slots[MAXH];
	int n = 0;

	if (!rootp)
		return NULL;
	struct node **slot = (struct node **)rootp;
	while (*slot) {
		int c = compar(key, (*slot)->key);
		if (c == 0)
			return *slot;
		slots[n++] = slot;
		slot = &(*slot)->child[c > 0];
	}
	struct node *nn = malloc(sizeof(*nn));
	if (!nn)
		return NULL;
	nn->key = key;
	nn->child[0] = nn->child[1] = NULL;
	nn->height = 1;
	*slot = nn;
	rebalance(slots, n);
	return nn;
}

/* Finds key in the tree at *rootp; the node, or NULL if absent. */
void *tfind(const void *key, void *const *rootp, int (*compar)(const void *, const void *))
{
	if (!rootp)
		return NULL;
	struct node *n = *rootp;
	while (n) {
		int c = compar(key, n->key);
		if (c == 0)
			return n;
		n = n->child[c > 0];
	}
	return NULL;
}

/*
 * Removes key from the tree at *rootp and frees its node (not the key).
 * Returns the parent of the removed node (after rebalancing, the node
 * that was its parent), rootp itself if it was the root, or NULL if the
 * key is absent.
 */
void *tdelete(const void *__restrict key, void **__restrict rootp,
              int (*compar)(const void *, const void *))
{
	struct node **slots[MAXH];
	int n = 0;

	if (!rootp)
		return NULL;
	struct node **slot = (struct node **)rootp;
	while (*slot) {
		int c = compar(key, (*slot)->key);
		if (c == 0)
			break;
		slots[n++] = slot;
		slot = &(*slot)->child[c > 0];
	}
	struct node *del = *slot;
	if (!del)
		return NULL;
	void *parent = n ? (void *)*slots[n - 1] : (void *)rootp;
	if (!del->child[0] || !del->child[1]) {
		*slot = del->child[del->child[0] == NULL];
	} else {
		/* Replace del by its in-order successor (leftmost of the right subtree). */
		int at = n; /* del's own slot goes here on the path */
		slots[n++] = slot;
		struct node **s = &del->child[1];
		while ((*s)->child[0]) {
			slots[n++] = s;
			s = &(*s)->child[0];
		}
		struct node *succ = *s;
		*s = succ->child[1];
		succ->child[0] = del->child[0];
		succ->child[1] = del->child[1];
		succ->height = del->height;
		*slot = succ;
		/* The path now runs through succ where del was. */
		if (at + 1 < n && slots[at + 1] == &del->child[1])
			slots[at + 1] = &succ->child[1];
	}
	free(del);
	rebalance(slots, n);
	return parent;
}

static void walk(const struct node *n, void (*action)(const void *, VISIT, int), int depth)
{
	if (!n->child[0] && !n->child[1]) {
		action(n, leaf, depth);
		return;
	}
	action(n, preorder, depth);
	if (n->child[0])
		walk(n->child[0], action, depth + 1);
	action(n, postorder, depth);
	if (n->child[1])
		walk(n->child[1], action, depth + 1);
	action(n, endorder, depth);
}

/* Visits every node: preorder, postorder (in order), endorder, or leaf; depth 0 is the root. */
void twalk(const void *root, void (*action)(const void *node, VISIT which, int depth))
{
	if (root && action)
		walk(root, action, 0);
}

/* Frees every node of the tree, calling free_key (if not NULL) on each key. */
void tdestroy(void *root, void (*free_key)(void *key))
{
	struct node *n = root;

	while (n) {
		/* Flatten: rotate left children up so that the walk needs no stack. */
		if (n->child[0]) {
			struct node *l = n->child[0];
			n->child[0] = l->child[1];
			l->child[1] = n;
			n = l;
			continue;
		}
		struct node *next = n->child[1];
		if (free_key)
			free_key((void *)n->key);
		free(n);
		n = next;
	}
}
