/*
 * fdt.h - a bounds-checked reader for Flattened Devicetree blobs.
 *
 * The reader never trusts the blob: fdt_init() validates the header, and
 * every later access checks offsets against the structure and strings
 * blocks. Nodes are identified by the byte offset of their FDT_BEGIN_NODE
 * token inside the structure block. Functions that return an offset return a
 * negative FDT_E* code on error or when nothing is found.
 */
#ifndef QSOE_FMT_FDT_H
#define QSOE_FMT_FDT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define FDT_MAGIC 0xd00dfeedu

enum {
	FDT_E_NOTFOUND = -1,   /* no such node or property */
	FDT_E_BADMAGIC = -2,   /* not a devicetree blob */
	FDT_E_BADHEADER = -3,  /* header fields inconsistent or out of bounds */
	FDT_E_BADVERSION = -4, /* blob version we cannot read */
	FDT_E_BADSTRUCT = -5,  /* structure block malformed */
	FDT_E_TRUNCATED = -6,  /* a token or value runs past the end */
	FDT_E_BADDEPTH = -7,   /* nesting deeper than FDT_MAX_DEPTH */
};

#define FDT_MAX_DEPTH 32

struct fdt {
	const uint8_t *blob;
	uint32_t totalsize;
	uint32_t off_struct, size_struct;
	uint32_t off_strings, size_strings;
	uint32_t off_rsvmap;
};

/* Validates the header of the blob at 'blob' (at most 'maxsize' bytes readable). */
int fdt_init(struct fdt *f, const void *blob, size_t maxsize);

/* Total size the header claims (only meaningful after fdt_init succeeded). */
static inline uint32_t fdt_totalsize(const struct fdt *f)
{
	return f->totalsize;
}

/* Offset of the root node. */
int fdt_root(const struct fdt *f);

/*
 * Next node in depth-first order after 'node'. *depth is adjusted by the
 * nesting change (child: +1, sibling: 0, ...). Returns FDT_E_NOTFOUND at the end.
 */
int fdt_next_node(const struct fdt *f, int node, int *depth);

/* First child of 'node', or the next sibling of 'child'. */
int fdt_first_child(const struct fdt *f, int node);
int fdt_next_sibling(const struct fdt *f, int node);

/* The node's name including any "@unit" part; NULL if the offset is bad. */
const char *fdt_node_name(const struct fdt *f, int node);

/* Child of 'parent' whose name is 'name' or starts with 'name@'. */
int fdt_subnode(const struct fdt *f, int parent, const char *name);

/* Node at an absolute path such as "/cpus" or "/chosen". */
int fdt_path(const struct fdt *f, const char *path);

/* Parent of 'node' (found by a walk from the root). */
int fdt_parent(const struct fdt *f, int node);

/* Property value and length; NULL if absent or malformed. */
const void *fdt_getprop(const struct fdt *f, int node, const char *name, int *lenp);

/* Property as a NUL-terminated string (the first one of a string list). */
const char *fdt_getprop_str(const struct fdt *f, int node, const char *name);

/* Reads a big-endian u32 / u64 property into *out; false if absent or wrong size. */
bool fdt_getprop_u32(const struct fdt *f, int node, const char *name, uint32_t *out);
bool fdt_getprop_u64(const struct fdt *f, int node, const char *name, uint64_t *out);

/* True if one of the strings in the node's "compatible" list equals 'compat'. */
bool fdt_is_compatible(const struct fdt *f, int node, const char *compat);

/* Next node after 'from' (FDT_E_NOTFOUND to start) compatible with 'compat'. */
int fdt_find_compatible(const struct fdt *f, int from, const char *compat);

/* True if the node's "status" is absent, "okay" or "ok". */
bool fdt_node_enabled(const struct fdt *f, int node);

/*
 * Entry 'idx' of the node's "reg" property, decoded with the parent's
 * #address-cells and #size-cells. Returns 0 or a negative FDT_E* code.
 */
int fdt_reg(const struct fdt *f, int node, int idx, uint64_t *addr, uint64_t *size);

/* Entry 'idx' of the memory reservation block; 0 or FDT_E_NOTFOUND at the end. */
int fdt_memrsv(const struct fdt *f, int idx, uint64_t *addr, uint64_t *size);

/* Reads a big-endian cell array element (cells are 32 bits). */
static inline uint32_t fdt_be32(const void *p)
{
	const uint8_t *b = p;
	return ((uint32_t)b[0] << 24) | ((uint32_t)b[1] << 16) | ((uint32_t)b[2] << 8) | b[3];
}

static inline uint64_t fdt_be64(const void *p)
{
	return ((uint64_t)fdt_be32(p) << 32) | fdt_be32((const uint8_t *)p + 4);
}

/* Human-readable text for an FDT_E* code. */
const char *fdt_strerror(int err);

#endif
