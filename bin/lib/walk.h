/*
 * walk.h - recursive directory tree walk over opendir/readdir/lstat.
 *
 * A directory's entries are read completely and the directory is closed
 * before descending, so the depth of a tree is limited only by memory, not by
 * the number of open file descriptors. Symbolic-link cycles are detected when
 * links are followed.
 */
#ifndef QU_WALK_H
#define QU_WALK_H

#include <sys/stat.h>

enum qu_walk_type {
	QU_F,   /* not a directory (file, device, fifo, unfollowed link...) */
	QU_D,   /* directory, before its entries */
	QU_DP,  /* directory, after its entries (only with QU_WALK_POST) */
	QU_DNR, /* directory that could not be read (err holds errno) */
	QU_NS,  /* stat failed (err holds errno); st is not valid */
	QU_DC,  /* directory that would cycle (already an ancestor) */
	QU_SLN, /* symbolic link to nothing, while following links */
};

#define QU_WALK_FOLLOW_ARGS 0x01 /* stat() the root arguments (-H) */
#define QU_WALK_FOLLOW      0x02 /* stat() everything (-L) */
#define QU_WALK_POST        0x04 /* also report directories after their entries */
#define QU_WALK_SORT        0x08 /* visit entries in strcmp order */
#define QU_WALK_XDEV        0x10 /* do not cross file systems */

enum qu_walk_action {
	QU_WALK_CONTINUE,
	QU_WALK_SKIP, /* do not descend into this directory */
	QU_WALK_STOP, /* end the walk now */
};

struct qu_walk_ent {
	const char *path; /* path from the root argument */
	const char *name; /* last component (the root: the whole argument) */
	struct stat st;   /* valid unless type is QU_NS */
	int type;         /* enum qu_walk_type */
	int depth;        /* 0 for the root */
	int err;          /* errno for QU_DNR and QU_NS */
};

typedef int (*qu_walk_fn)(struct qu_walk_ent *ent, void *arg);

/* Walks the tree at root, calling fn for every entry in pre-order (and for
 * directories also in post-order with QU_WALK_POST). Returns 0 if the walk
 * ran to the end, 1 if fn returned QU_WALK_STOP. */
int qu_walk(const char *root, int flags, qu_walk_fn fn, void *arg);

#endif /* QU_WALK_H */
