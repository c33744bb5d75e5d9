/*
 * node.h - the pure part of fs-ram, the RAM filesystem: nodes (regular
 * files, directories, symbolic links), directory entries, file data in
 * blocks, path walking and the byte budget that bounds them all. Nothing
 * here sends or receives a message: the resource manager (fsram.h) is
 * built on it, and the host test (tests/node_test.c) runs it alone with
 * ASan and UBSan.
 *
 * Every node starts with its attribute structure (iofunc_attr_t in the
 * resource manager; a small stand-in with the same field names in the host
 * test, FSRAM_HOST_TEST), so the iofunc layer can hold a node as its
 * attribute. Nothing is locked: fs-ram runs one dispatch thread.
 *
 * Link counts follow the usual convention: a file has one link per
 * directory entry; a directory has one for its entry in the parent, one
 * for its own "." and one for the ".." of each subdirectory. A node is
 * freed when it has no link and is not open (attr.count == 0).
 *
 * The budget: every allocation the filesystem makes for its contents is
 * charged before it is made (a node, an entry with its name, a
 * directory's hash table, a symbolic link's target, each data or index
 * block); a charge beyond the limit fails with ENOSPC. Freeing gives the
 * bytes back.
 */
#ifndef FSRAM_NODE_H
#define FSRAM_NODE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/stat.h>

#ifdef FSRAM_HOST_TEST
/* The fields of iofunc_attr_t that the pure part uses. */
struct fsr_test_attr {
	mode_t mode;
	nlink_t nlink;
	off_t nbytes;
	ino_t inode;
	uint16_t count;
};
#define FSR_ATTR_T struct fsr_test_attr
#else
struct fsnode;
#define IOFUNC_ATTR_T struct fsnode
#include <sys/iofunc.h>
#define FSR_ATTR_T iofunc_attr_t
#endif

#define FSR_BLOCK     4096u /* bytes of a data block */
#define FSR_FANOUT    512u  /* block pointers in an index block (FSR_BLOCK bytes) */
#define FSR_MAXHEIGHT 4u    /* index levels: files up to FSR_FANOUT^4 blocks */
#define FSR_MAX_FILE  ((uint64_t)FSR_BLOCK * FSR_FANOUT * FSR_FANOUT * FSR_FANOUT * FSR_FANOUT)
#define FSR_NAME_MAX  255u /* bytes of one name (NAME_MAX) */

/* The byte budget of one filesystem. */
struct fsr_budget {
	uint64_t limit; /* bytes that may be charged */
	uint64_t used;  /* bytes charged now */
	uint64_t nodes; /* nodes in existence */
	ino_t next_ino; /* serial number of the next node */
};

struct fsr_dirent;
struct fsnode;

/* A directory: entries hashed by name, and listed in the order of their cookies. */
struct fsr_dir {
	struct fsr_dirent **hash;        /* nbuckets chains (a power of two; NULL: none yet) */
	size_t nbuckets;                 /* 0 until the first entry */
	size_t count;                    /* entries (without "." and "..") */
	struct fsr_dirent *first, *last; /* increasing cookies */
	uint64_t next_cookie;            /* cookie of the next entry added (>= 2) */
	struct fsnode *parent;           /* ".."; the root's parent is itself */
};

/* A regular file's data: a radix tree of FSR_BLOCK-byte blocks; missing blocks read as zeros. */
struct fsr_data {
	void *root;       /* height 0: data block 0; else an index block (NULL: no block) */
	unsigned height;  /* index levels above the data blocks */
	uint64_t nblocks; /* data blocks allocated */
	uint64_t nindex;  /* index blocks allocated */
};

/* A symbolic link's target (not NUL-terminated in the count; stored with a NUL). */
struct fsr_link {
	char *target;
	size_t len;
};

struct fsnode {
	FSR_ATTR_T attr; /* first: the iofunc layer's view of the node */
	union {
		struct fsr_dir dir;   /* S_IFDIR */
		struct fsr_data data; /* S_IFREG */
		struct fsr_link link; /* S_IFLNK */
	} u;
};

/* One name in a directory. */
struct fsr_dirent {
	struct fsr_dirent *hnext;       /* hash chain */
	struct fsr_dirent *prev, *next; /* cookie order */
	struct fsnode *node;
	uint64_t cookie; /* its position for readdir (d_offset) */
	uint32_t hash;
	uint16_t len;
	char name[]; /* len bytes and a NUL */
};

/* ---- budget (node.c) ---- */

/* Sets up an empty budget of limit bytes. */
void fsr_budget_init(struct fsr_budget *b, uint64_t limit);
/* Charges n bytes. Returns 0, or ENOSPC (nothing charged) if that passes the limit. */
int fsr_charge(struct fsr_budget *b, uint64_t n);
/* Gives n charged bytes back. */
void fsr_uncharge(struct fsr_budget *b, uint64_t n);

/* ---- nodes (node.c) ---- */

/*
 * Makes a node of file type mode & S_IFMT (S_IFREG, S_IFDIR or S_IFLNK),
 * charged to b, with attr zeroed except mode (type and permission bits
 * of mode), inode (a new serial number) and nlink (1 for a directory's
 * ".", else 0). Returns 0 with *out, EINVAL (another type), ENOSPC or
 * ENOMEM.
 */
int fsr_node_new(struct fsr_budget *b, mode_t mode, struct fsnode **out);
/*
 * Sets symbolic link n's target to the len bytes at target (1 .. 
 * SYMLINK_MAX; the caller checks). Returns 0, ENOSPC or ENOMEM.
 */
int fsr_link_set(struct fsr_budget *b, struct fsnode *n, const char *target, size_t len);
/*
 * Frees n if nothing holds it (no link, not open): its data, target or
 * (empty) directory, and the node. Returns 1 if it was freed, else 0.
 */
int fsr_node_put(struct fsr_budget *b, struct fsnode *n);
/* Bytes a node costs (what fsr_node_new charges). */
uint64_t fsr_node_cost(void);

/* ---- directories (dir.c) ---- */

/* The entry called name (len bytes) in directory dir, or NULL. */
struct fsr_dirent *fsr_dir_find(const struct fsnode *dir, const char *name, size_t len);
/*
 * Adds the name (1 .. FSR_NAME_MAX bytes, not present yet) for node n to
 * dir: n gets a link; a directory n gets dir as its parent, and dir a
 * link for n's "..". Returns 0, ENOSPC or ENOMEM (nothing changed).
 */
int fsr_dir_add(struct fsr_budget *b, struct fsnode *dir, const char *name, size_t len,
                struct fsnode *n);
/*
 * Removes entry e from dir and frees it: its node loses the link (a
 * directory, which must be empty, loses its "." too, and dir the link of
 * its ".."). The node itself is left to the caller (fsr_node_put()).
 */
void fsr_dir_remove(struct fsr_budget *b, struct fsnode *dir, struct fsr_dirent *e);
/*
 * Renames: entry oe of odir gets the name (len bytes) in ndir. If victim
 * is not NULL it is the entry of that name in ndir (a file, or an empty
 * directory when oe's node is a directory) and is removed first; its node
 * is left to the caller. A directory that changes parent gets its ".."
 * moved. The caller has checked the rules of rename(). Returns 0, or
 * ENOSPC / ENOMEM with nothing changed.
 */
int fsr_dir_move(struct fsr_budget *b, struct fsnode *odir, struct fsr_dirent *oe,
                 struct fsnode *ndir, const char *name, size_t len, struct fsr_dirent *victim);
/* The first entry of dir whose cookie is at least cookie, or NULL. */
struct fsr_dirent *fsr_dir_from(const struct fsnode *dir, uint64_t cookie);
/* True if directory a is n or one of n's ancestors. */
int fsr_dir_contains(const struct fsnode *a, const struct fsnode *n);

/* ---- file data (data.c) ---- */

/* The data block number blk of d, or NULL (a hole, or past the end). */
void *fsr_data_block(const struct fsr_data *d, uint64_t blk);
/*
 * Makes sure the blocks holding bytes [off, off + len) exist, in order
 * from the first, charging them to b. *got is how many bytes from off are
 * backed by blocks (len unless the budget or memory ran out). Returns 0
 * when *got > 0 or len == 0, else ENOSPC, ENOMEM, or EFBIG when off is at
 * or past FSR_MAX_FILE (len is clipped to end there).
 */
int fsr_data_alloc(struct fsr_budget *b, struct fsr_data *d, uint64_t off, uint64_t len,
                   uint64_t *got);
/*
 * Cuts d to size bytes: frees every block past it and zeroes the rest of
 * the block holding byte size, so bytes past the end always read as zeros.
 */
void fsr_data_cut(struct fsr_budget *b, struct fsr_data *d, uint64_t size);
/* Zeroes bytes [off, off + len) of d, freeing the blocks that lie wholly inside. */
void fsr_data_punch(struct fsr_budget *b, struct fsr_data *d, uint64_t off, uint64_t len);

/* ---- path walking (walk.c) ---- */

/* What a walk found. */
struct fsr_walk {
	struct fsnode *dir; /* directory of the last component (NULL: the path names the root) */
	struct fsr_dirent *ent; /* the last component's entry in dir, NULL if there is none */
	struct fsnode *node;    /* what the path names (NULL if it does not exist) */
	const char *name;       /* the last component (in the path; namelen bytes) */
	size_t namelen;
	int dot; /* the last component was "." or "..": node is that directory, no entry */
	struct fsnode *link; /* a symbolic link to follow before going on, else NULL */
	size_t link_dir;     /* bytes of the path before that link's component */
	size_t link_rest;    /* offset in the path of what follows it (after the '/'s) */
};

/* Asks whether the client may search directory dir: 0 or an errno (EACCES). */
typedef int fsr_search_fn(void *ctx, struct fsnode *dir);

/*
 * Walks path (relative to root; empty components and "." are skipped,
 * ".." goes to the parent, which for root is root) and fills *w. Every
 * directory looked into must pass may_search (NULL: all do). A symbolic
 * link in the middle, or at the end when follow is set, stops the walk
 * with w->link set. A missing last component is not an error (w->node
 * NULL, w->dir its directory). Returns 0, or ENOENT (a missing
 * directory), ENOTDIR (a non-directory on the way), ENAMETOOLONG (a
 * component over FSR_NAME_MAX bytes) or what may_search returned.
 */
int fsr_walk(struct fsnode *root, const char *path, int follow, fsr_search_fn *may_search,
             void *ctx, struct fsr_walk *w);

/*
 * Builds in out (size bytes) the path that replaces path once w->link
 * (whose target is target, tlen bytes) is followed: the target, then the
 * rest of path after the link. A relative target is put after the link's
 * directory, so the result is relative to the root again; an absolute one
 * stays absolute. Returns 0 or ENAMETOOLONG.
 */
int fsr_link_path(const char *path, const struct fsr_walk *w, const char *target, size_t tlen,
                  char *out, size_t size);

/*
 * Normalises the absolute path p in place: empty components and "." go,
 * ".." removes the component before it (at "/" it stays "/"), no trailing
 * '/' (except "/" itself). Returns 0, or EINVAL if p is not absolute.
 */
int fsr_path_normalise(char *p);

#endif /* FSRAM_NODE_H */
