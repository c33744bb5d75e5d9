/*
 * fsram.h - fs-ram, the RAM filesystem resource manager: one directory
 * tree in memory attached at a prefix (default /tmp), served by one
 * dispatch thread with the resmgr/iofunc framework (docs/fs-ram.md).
 *
 * Nodes (node.h) are the iofunc attribute structures; OCBs are plain
 * iofunc_ocb_t (a directory's OCB offset is its readdir cookie). The
 * mount structure, embedded in struct fsram, leads from any node to its
 * filesystem (FSRAM_OF).
 */
#ifndef FSRAM_H
#define FSRAM_H

#include "node.h"

#include <limits.h>
#include <stddef.h>
#include <sys/dispatch.h>

struct fsram {
	iofunc_mount_t mount; /* every node's attr.mount */
	iofunc_funcs_t mount_funcs;
	struct fsr_budget budget;
	struct fsnode *root;
	char prefix[PATH_MAX]; /* the attached path, absolute and normalised */
	resmgr_connect_funcs_t connect;
	resmgr_io_funcs_t io;
	int link_id; /* resmgr_attach() id */
};

/* The filesystem node n belongs to. */
#define FSRAM_OF(n) ((struct fsram *)((char *)(n)->attr.mount - offsetof(struct fsram, mount)))

/* DCMD_FSYS_STATVFS (QNX <sys/dcmd_blk.h>), as libc's statvfs() sends it. */
#define FSRAM_DCMD_STATVFS __DIOF(_DCMD_FSYS, 13, struct statvfs)

/*
 * Sets up fs (an empty tree whose root has permissions mode, owned by
 * root, limit bytes of budget) and attaches it at path on dpp. Returns 0,
 * or -1 with errno.
 */
int fsram_attach(struct fsram *fs, dispatch_t *dpp, const char *path, mode_t mode, uint64_t limit);

/* connect.c: the handlers of path requests. */
void fsram_connect_init(resmgr_connect_funcs_t *cf);
/* io.c: the handlers of I/O requests. */
void fsram_io_init(resmgr_io_funcs_t *io);

/*
 * Makes a node of type and permissions mode for the client ci in
 * directory dir (owner, group, set-group-ID inheritance, times now).
 * Returns 0 with *out, or an errno.
 */
int fsram_node_create(struct fsram *fs, struct fsnode *dir, mode_t mode,
                      const struct _client_info *ci, struct fsnode **out);
/* Marks n's modification and change times (and dir's) as now. */
void fsram_touch(struct fsnode *n);

/* rename.c: the rename handler. */
int fsram_rename(resmgr_context_t *ctp, io_rename_t *msg, struct fsnode *root,
                 io_rename_extra_t *extra);

/* Common to the connect handlers (connect.c). */
struct fsram_req {
	resmgr_context_t *ctp;
	struct fsram *fs;
	struct _client_info ci;
};
/* Search permission of the request's client in dir (a fsr_search_fn). */
int fsram_may_search(void *ctx, struct fsnode *dir);
/*
 * Checks a connect message's path and fetches the client's credentials
 * into q. Returns 0 or an errno (ENAMETOOLONG, ESRCH).
 */
int fsram_begin(resmgr_context_t *ctp, io_open_t *msg, struct fsnode *root, struct fsram_req *q);
/*
 * Replies to a connect message whose path met symbolic link w->link:
 * _IO_CONNECT_RET_LINK with the path to resolve instead (relative to the
 * prefix, or absolute). Returns _RESMGR_NOREPLY or an errno.
 */
int fsram_reply_link(resmgr_context_t *ctp, const char *path, const struct fsr_walk *w);

#endif /* FSRAM_H */
