/*
 * pathmgr.c - the pathname space: a tree of path components whose nodes
 * carry attaches (servers owning the prefix), path-manager links, or
 * nothing but children. Resolution is longest-prefix first; at one node
 * the order is the TM_PATH_BEFORE attaches (newest first), the plain ones
 * (newest first), then the TM_PATH_AFTER ones (oldest first).
 *
 * pm_lock protects the whole tree; nodes left empty are pruned.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <taskman/fs.h>

#define LINK_HOPS 8
#define DEPTH_MAX (TM_PATH_MAX / 2 + 1)

struct pm_attach {
	struct pm_attach *next;
	int id;
	pid_t pid;
	int chid;
	uint32_t handle, flags, ftype;
};

struct pm_node {
	char *name;
	struct pm_node *parent, *child, *sibling;
	struct pm_attach *att;
	char *link; /* path-manager link target */
	int perm;   /* a permanent directory */
};

static tm_lock_t pm_lock = TM_LOCK_INIT;
static struct pm_node root = {.name = ""};
static int next_id = 1;

/* The child of n named name[0..len), or NULL. */
static struct pm_node *child_named(struct pm_node *n, const char *name, size_t len)
{
	for (struct pm_node *c = n->child; c; c = c->sibling)
		if (strlen(c->name) == len && memcmp(c->name, name, len) == 0)
			return c;
	return NULL;
}

/* The node of the normalised path, created (with its parents) if create. */
static struct pm_node *walk(const char *path, int create)
{
	struct pm_node *n = &root;

	for (const char *p = path + 1; *p;) {
		size_t len = strcspn(p, "/");
		struct pm_node *c = child_named(n, p, len);
		if (c == NULL) {
			if (!create)
				return NULL;
			c = calloc(1, sizeof(*c));
			if (c == NULL || (c->name = strndup(p, len)) == NULL) {
				free(c);
				return NULL;
			}
			c->parent = n;
			c->sibling = n->child;
			n->child = c;
		}
		n = c;
		p += len;
		if (*p == '/')
			p++;
	}
	return n;
}

/* Frees n if it is empty (not the root); returns its parent if it did, else NULL. */
static struct pm_node *prune_one(struct pm_node *n)
{
	if (n == &root || n->att || n->link || n->child || n->perm)
		return NULL;
	struct pm_node *p = n->parent, **pp = &p->child;
	while (*pp != n)
		pp = &(*pp)->sibling;
	*pp = n->sibling;
	free(n->name);
	free(n);
	return p;
}

/* Frees n and its empty ancestors. */
static void prune(struct pm_node *n)
{
	while (n)
		n = prune_one(n);
}

/* Inserts an attach in BEFORE / plain / AFTER order (see fs.h). */
int pm_attach(const char *path, pid_t pid, int chid, uint32_t handle, uint32_t flags,
              uint32_t file_type)
{
	struct pm_attach *a = calloc(1, sizeof(*a));

	if (a == NULL)
		return -ENOMEM;
	a->pid = pid;
	a->chid = chid;
	a->handle = handle;
	a->flags = flags;
	a->ftype = file_type;
	tm_lock(&pm_lock);
	struct pm_node *n = walk(path, 1);
	if (n == NULL) {
		tm_unlock(&pm_lock);
		free(a);
		return -ENOMEM;
	}
	a->id = next_id++;
	struct pm_attach **pa = &n->att;
	if (flags & TM_PATH_AFTER) {
		while (*pa)
			pa = &(*pa)->next;
	} else if (!(flags & TM_PATH_BEFORE)) {
		while (*pa && ((*pa)->flags & TM_PATH_BEFORE))
			pa = &(*pa)->next;
	}
	a->next = *pa;
	*pa = a;
	int id = a->id;
	tm_unlock(&pm_lock);
	return id;
}

/* Removes the attaches of n (and below) that match id (> 0) or pid; returns how many. */
static int remove_where(struct pm_node *n, int id, pid_t pid, int *perm_err)
{
	int count = 0;

	for (struct pm_node *c = n->child, *next; c; c = next) {
		next = c->sibling;
		count += remove_where(c, id, pid, perm_err);
	}
	for (struct pm_attach **pa = &n->att; *pa;) {
		struct pm_attach *a = *pa;
		if ((id > 0 && a->id != id) || (id <= 0 && a->pid != pid)) {
			pa = &a->next;
			continue;
		}
		if (id > 0 && a->pid != pid) {
			*perm_err = 1;
			pa = &a->next;
			continue;
		}
		*pa = a->next;
		free(a);
		count++;
	}
	prune_one(n); /* the caller walks n's siblings; ancestors are pruned on the way up */
	return count;
}

/* Removes one attach of pid (see fs.h). */
int pm_detach(int id, pid_t pid)
{
	int perm = 0;

	if (id <= 0)
		return -ENOENT;
	tm_lock(&pm_lock);
	int n = remove_where(&root, id, pid, &perm);
	tm_unlock(&pm_lock);
	return n ? 0 : perm ? -EPERM : -ENOENT;
}

/* Removes a dead process's attaches (see fs.h). */
void tm_path_remove_pid(pid_t pid)
{
	int perm = 0;

	tm_lock(&pm_lock);
	remove_where(&root, 0, pid, &perm);
	tm_unlock(&pm_lock);
}

/* Creates or removes a path-manager link (see fs.h). */
int pm_link(const char *path, const char *target)
{
	int r = 0;

	tm_lock(&pm_lock);
	struct pm_node *n = walk(path, target != NULL);
	if (target == NULL) {
		if (n == NULL || n->link == NULL) {
			r = -ENOENT;
		} else {
			free(n->link);
			n->link = NULL;
			prune(n);
		}
	} else if (n == NULL) {
		r = -ENOMEM;
	} else if (n == &root || n->link || n->att || n->child) {
		r = -EEXIST;
	} else if ((n->link = strdup(target)) == NULL) {
		prune(n);
		r = -ENOMEM;
	}
	tm_unlock(&pm_lock);
	return r;
}

/* Makes a permanent directory node (see fs.h). */
int pm_mkdir(const char *path)
{
	tm_lock(&pm_lock);
	struct pm_node *n = walk(path, 1);
	if (n)
		n->perm = 1;
	tm_unlock(&pm_lock);
	return n ? 0 : -ENOMEM;
}

/* True if attach a serves requests of file type t. */
static int type_ok(const struct pm_attach *a, uint32_t t)
{
	return t == _FTYPE_ANY || t == (uint32_t)_FTYPE_ALL || a->ftype == _FTYPE_ANY ||
	       a->ftype == t;
}

/*
 * Replaces path's first plen bytes (a link node's path) by the link target
 * (relative targets are relative to the link's directory). 0 or -errno.
 */
static int substitute(char *path, size_t size, size_t plen, const char *target)
{
	char dir[TM_PATH_MAX], joined[TM_PATH_MAX], rest[TM_PATH_MAX];

	strcpy(rest, path + plen);
	memcpy(dir, path, plen);
	dir[plen] = 0;
	*strrchr(dir, '/') = 0;
	int r = tm_path_join(dir[0] ? dir : "/", target, joined, sizeof(joined));
	if (r < 0)
		return r;
	if (strlen(joined) + strlen(rest) + 1 > sizeof(joined))
		return -ENAMETOOLONG;
	strcat(joined, rest);
	r = tm_path_normalize(joined, path, size);
	return r < 0 ? r : 0;
}

/* Longest-prefix resolution with links followed (see fs.h). */
int pm_resolve(char *path, size_t size, uint32_t ftype, struct pm_entry *ents, int max)
{
	struct pm_node *nodes[DEPTH_MAX];
	uint16_t plens[DEPTH_MAX];
	int hops = 0, count;

	tm_lock(&pm_lock);
restart:
	count = 0;
	int depth = 0;
	struct pm_node *n = &root;
	nodes[depth] = n;
	plens[depth++] = 1;
	for (const char *p = path + 1; *p;) {
		size_t len = strcspn(p, "/");
		struct pm_node *c = child_named(n, p, len);
		if (c == NULL)
			break;
		n = c;
		p += len;
		size_t plen = (size_t)(p - path);
		if (n->link) {
			int r = ++hops > LINK_HOPS ? -ELOOP : substitute(path, size, plen, n->link);
			if (r < 0) {
				tm_unlock(&pm_lock);
				return r;
			}
			goto restart;
		}
		nodes[depth] = n;
		plens[depth++] = (uint16_t)plen;
		if (*p == '/')
			p++;
	}
	size_t full = strlen(path);
	while (depth-- > 0) {
		int opaque = 0;
		for (struct pm_attach *a = nodes[depth]->att; a; a = a->next) {
			if (!type_ok(a, ftype) ||
			    (!(a->flags & TM_PATH_DIR) && plens[depth] != full))
				continue;
			if (count < max) {
				struct pm_entry *e = &ents[count];
				e->pid = a->pid;
				e->chid = a->chid;
				e->handle = a->handle;
				e->file_type = a->ftype;
				e->prefix_len = plens[depth];
			}
			count++;
			opaque |= (a->flags & TM_PATH_OPAQUE) != 0;
		}
		if (opaque)
			break;
	}
	tm_unlock(&pm_lock);
	return count;
}

/* The names directly below a node (see fs.h). */
void pm_list(const char *path, void (*fn)(const char *name, void *arg), void *arg)
{
	tm_lock(&pm_lock);
	struct pm_node *n = walk(path, 0);
	for (struct pm_node *c = n ? n->child : NULL; c; c = c->sibling)
		fn(c->name, arg);
	tm_unlock(&pm_lock);
}

/* True if the tree has a node at path (see fs.h). */
int pm_exists(const char *path)
{
	tm_lock(&pm_lock);
	int r = walk(path, 0) != NULL;
	tm_unlock(&pm_lock);
	return r;
}

/* Depth-first walk below n (whose path is path[0..len)) for pm_foreach. */
static void foreach_below(struct pm_node *n, char *path, size_t len,
                          void (*fn)(const struct pm_info *i, void *arg), void *arg)
{
	struct pm_info info = {.path = len ? path : "/"};

	for (struct pm_attach *a = n->att; a; a = a->next) {
		info.pid = a->pid;
		info.chid = a->chid;
		info.handle = a->handle;
		info.flags = a->flags;
		info.file_type = a->ftype;
		fn(&info, arg);
	}
	if (n->link) {
		struct pm_info l = {.path = info.path, .link = n->link};
		fn(&l, arg);
	}
	for (struct pm_node *c = n->child; c; c = c->sibling) {
		size_t cl = strlen(c->name);
		if (len + 1 + cl + 1 > TM_PATH_MAX)
			continue; /* cannot happen: attach paths are at most TM_PATH_MAX */
		path[len] = '/';
		memcpy(path + len + 1, c->name, cl + 1);
		foreach_below(c, path, len + 1 + cl, fn, arg);
		path[len] = 0;
	}
}

/* Every attach and link of the tree (see fs.h). */
void pm_foreach(void (*fn)(const struct pm_info *i, void *arg), void *arg)
{
	char path[TM_PATH_MAX];

	path[0] = 0;
	tm_lock(&pm_lock);
	foreach_below(&root, path, 0, fn, arg);
	tm_unlock(&pm_lock);
}
