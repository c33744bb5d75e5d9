/*
 * node.c - fs-ram's byte budget and the life of a node: creation,
 * symbolic link targets, and freeing when nothing holds it (node.h).
 */
#include "node.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Sets up an empty budget of limit bytes. */
void fsr_budget_init(struct fsr_budget *b, uint64_t limit)
{
	memset(b, 0, sizeof(*b));
	b->limit = limit;
	b->next_ino = 2; /* 1 is taskman's boot archive root; start past it for clarity */
}

/* Charges n bytes; ENOSPC if that would pass the limit. */
int fsr_charge(struct fsr_budget *b, uint64_t n)
{
	if (n > b->limit || b->used > b->limit - n)
		return ENOSPC;
	b->used += n;
	return 0;
}

/* Gives n charged bytes back. */
void fsr_uncharge(struct fsr_budget *b, uint64_t n)
{
	b->used = n > b->used ? 0 : b->used - n;
}

/* Bytes a node costs. */
uint64_t fsr_node_cost(void)
{
	return sizeof(struct fsnode);
}

/* Makes a node (node.h). Returns 0 with *out, EINVAL, ENOSPC or ENOMEM. */
int fsr_node_new(struct fsr_budget *b, mode_t mode, struct fsnode **out)
{
	mode_t type = mode & S_IFMT;

	if (type != S_IFREG && type != S_IFDIR && type != S_IFLNK)
		return EINVAL;
	int r = fsr_charge(b, fsr_node_cost());
	if (r != 0)
		return r;
	struct fsnode *n = calloc(1, sizeof(*n));
	if (n == NULL) {
		fsr_uncharge(b, fsr_node_cost());
		return ENOMEM;
	}
	n->attr.mode = mode;
	n->attr.inode = b->next_ino++;
	n->attr.nlink = type == S_IFDIR ? 1 : 0;
	if (type == S_IFDIR) {
		n->u.dir.next_cookie = 2; /* 0 and 1 are "." and ".." */
		n->u.dir.parent = n;
	}
	b->nodes++;
	*out = n;
	return 0;
}

/* Sets symbolic link n's target. Returns 0, ENOSPC or ENOMEM. */
int fsr_link_set(struct fsr_budget *b, struct fsnode *n, const char *target, size_t len)
{
	int r = fsr_charge(b, len + 1);

	if (r != 0)
		return r;
	char *t = malloc(len + 1);
	if (t == NULL) {
		fsr_uncharge(b, len + 1);
		return ENOMEM;
	}
	memcpy(t, target, len);
	t[len] = 0;
	if (n->u.link.target != NULL) {
		fsr_uncharge(b, n->u.link.len + 1);
		free(n->u.link.target);
	}
	n->u.link.target = t;
	n->u.link.len = len;
	n->attr.nbytes = (off_t)len;
	return 0;
}

/* Frees n if it has no link and is not open. Returns 1 if it was freed. */
int fsr_node_put(struct fsr_budget *b, struct fsnode *n)
{
	if (n == NULL || n->attr.nlink != 0 || n->attr.count != 0)
		return 0;
	switch (n->attr.mode & S_IFMT) {
	case S_IFREG:
		fsr_data_cut(b, &n->u.data, 0);
		break;
	case S_IFLNK:
		if (n->u.link.target != NULL) {
			fsr_uncharge(b, n->u.link.len + 1);
			free(n->u.link.target);
		}
		break;
	case S_IFDIR:
		/* removed directories are empty: only the table may be left */
		fsr_uncharge(b, n->u.dir.nbuckets * sizeof(struct fsr_dirent *));
		free(n->u.dir.hash);
		break;
	default:
		break;
	}
	fsr_uncharge(b, fsr_node_cost());
	b->nodes--;
	free(n);
	return 1;
}
