/*
 * mount.c - setting up one fs-ram filesystem: the root directory, the
 * mount structure, the handler tables and the attach; and making nodes
 * for clients.
 */
#include "fsram.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * Attribute locking: fs-ram handles one message at a time on one thread,
 * so the attribute locks the iofunc layer takes around every handler are
 * not needed. Returns 0.
 */
static int no_lock(struct fsnode *attr)
{
	return 0;
}

/* Marks n's modification and change times as now. */
void fsram_touch(struct fsnode *n)
{
	n->attr.flags |= IOFUNC_ATTR_MTIME | IOFUNC_ATTR_CTIME;
	iofunc_time_update(&n->attr);
}

/* Makes a node for the client ci in dir (fsram.h). Returns 0 with *out or an errno. */
int fsram_node_create(struct fsram *fs, struct fsnode *dir, mode_t mode,
                      const struct _client_info *ci, struct fsnode **out)
{
	struct fsnode *n;
	int r = fsr_node_new(&fs->budget, mode, &n);

	if (r != 0)
		return r;
	ino_t ino = n->attr.inode;
	nlink_t nlink = n->attr.nlink;
	/* owner from the client, group from a set-group-ID directory, times now */
	iofunc_attr_init(&n->attr, mode, &dir->attr, (struct _client_info *)ci);
	n->attr.inode = ino;
	n->attr.nlink = nlink;
	n->attr.mount = &fs->mount;
	if (S_ISDIR(mode) && (dir->attr.mode & S_ISGID))
		n->attr.mode |= S_ISGID; /* subdirectories keep the group rule */
	*out = n;
	return 0;
}

/* Sets up and attaches one filesystem (fsram.h). Returns 0 or -1 with errno. */
int fsram_attach(struct fsram *fs, dispatch_t *dpp, const char *path, mode_t mode, uint64_t limit)
{
	memset(fs, 0, sizeof(*fs));
	if (path == NULL || path[0] != '/' || strlen(path) >= sizeof(fs->prefix)) {
		errno = EINVAL;
		return -1;
	}
	strcpy(fs->prefix, path);
	fsr_path_normalise(fs->prefix);
	fsr_budget_init(&fs->budget, limit);
	fs->mount_funcs.nfuncs = _IOFUNC_NFUNCS;
	fs->mount_funcs.attr_lock = no_lock;
	fs->mount_funcs.attr_unlock = no_lock;
	fs->mount_funcs.attr_trylock = no_lock;
	fs->mount.funcs = &fs->mount_funcs;
	fs->mount.conf = IOFUNC_PC_CHOWN_RESTRICTED | IOFUNC_PC_NO_TRUNC | IOFUNC_PC_SYNC_IO;
	fs->mount.blocksize = FSR_BLOCK;
	fs->mount.dev = (dev_t)(0x100 + getpid()); /* taskman's files are device 1 */
	int r = fsr_node_new(&fs->budget, S_IFDIR | (mode & 07777), &fs->root);
	if (r != 0) {
		errno = r;
		return -1;
	}
	ino_t ino = fs->root->attr.inode;
	iofunc_attr_init(&fs->root->attr, S_IFDIR | (mode & 07777), NULL, NULL);
	fs->root->attr.inode = ino;
	fs->root->attr.nlink = 2; /* "." and the ".." that leads back to itself */
	fs->root->attr.mount = &fs->mount;
	fsram_connect_init(&fs->connect);
	fsram_io_init(&fs->io);
	fs->link_id = resmgr_attach(dpp, NULL, fs->prefix, _FTYPE_ANY, _RESMGR_FLAG_DIR,
	                            &fs->connect, &fs->io, fs->root);
	return fs->link_id < 0 ? -1 : 0;
}
