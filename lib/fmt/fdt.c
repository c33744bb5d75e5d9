/*
 * fdt.c - a bounds-checked reader for Flattened Devicetree blobs.
 *
 * Written from the Devicetree Specification (v0.4), chapter 5 "Flattened
 * Devicetree (DTB) Format". All multi-byte values in the blob are big-endian.
 */
#include "fdt.h"

#include <string.h>

#define FDT_BEGIN_NODE 1u
#define FDT_END_NODE   2u
#define FDT_PROP       3u
#define FDT_NOP        4u
#define FDT_END        9u

#define HDR_SIZE       40u /* version 17 header: ten u32 fields */

static uint32_t rd32(const struct fdt *f, uint32_t off)
{
	return fdt_be32(f->blob + off);
}

/* Length of a NUL-terminated string at 'p' within 'max' bytes, or -1 if unterminated. */
static int bounded_strlen(const uint8_t *p, uint32_t max)
{
	for (uint32_t i = 0; i < max; i++)
		if (p[i] == 0)
			return (int)i;
	return -1;
}

int fdt_init(struct fdt *f, const void *blob, size_t maxsize)
{
	const uint8_t *b = blob;

	if (blob == NULL || maxsize < HDR_SIZE)
		return FDT_E_BADHEADER;
	if (((uintptr_t)blob & 3) != 0)
		return FDT_E_BADHEADER;
	if (fdt_be32(b) != FDT_MAGIC)
		return FDT_E_BADMAGIC;

	uint32_t totalsize = fdt_be32(b + 4);
	uint32_t off_struct = fdt_be32(b + 8);
	uint32_t off_strings = fdt_be32(b + 12);
	uint32_t off_rsvmap = fdt_be32(b + 16);
	uint32_t version = fdt_be32(b + 20);
	uint32_t last_comp = fdt_be32(b + 24);
	uint32_t size_strings = fdt_be32(b + 32);
	uint32_t size_struct = fdt_be32(b + 36);

	if (version < 16 || last_comp > 17)
		return FDT_E_BADVERSION;
	if (version < 17) {
		/* v16 has no size_dt_struct: it extends to the strings block or the end. */
		size_struct = (off_strings > off_struct ? off_strings : totalsize) - off_struct;
	}
	if (totalsize < HDR_SIZE || totalsize > maxsize)
		return FDT_E_BADHEADER;
	if (off_struct < HDR_SIZE || off_struct > totalsize || size_struct > totalsize - off_struct)
		return FDT_E_BADHEADER;
	if (off_strings > totalsize || size_strings > totalsize - off_strings)
		return FDT_E_BADHEADER;
	if (off_rsvmap < HDR_SIZE || off_rsvmap > totalsize || (off_rsvmap & 7) != 0)
		return FDT_E_BADHEADER;
	if ((off_struct & 3) != 0 || (size_struct & 3) != 0 || size_struct < 4)
		return FDT_E_BADHEADER;

	f->blob = b;
	f->totalsize = totalsize;
	f->off_struct = off_struct;
	f->size_struct = size_struct;
	f->off_strings = off_strings;
	f->size_strings = size_strings;
	f->off_rsvmap = off_rsvmap;

	/* The structure block must begin with the root node. */
	if (rd32(f, off_struct) != FDT_BEGIN_NODE)
		return FDT_E_BADSTRUCT;
	return 0;
}

/* Token at structure offset 'off' (relative to the structure block), or FDT_END if out of bounds. */
static uint32_t token_at(const struct fdt *f, uint32_t off)
{
	if (off > f->size_struct - 4)
		return FDT_END;
	return rd32(f, f->off_struct + off);
}

/*
 * Offset just past the token at 'off', with its payload skipped. Returns a
 * negative code if the token's payload is malformed.
 */
static int64_t skip_token(const struct fdt *f, uint32_t off, uint32_t *tokp)
{
	uint32_t tok = token_at(f, off);
	const uint8_t *s = f->blob + f->off_struct;
	uint32_t pos = off + 4;

	*tokp = tok;
	switch (tok) {
	case FDT_BEGIN_NODE: {
		int n = bounded_strlen(s + pos, f->size_struct - pos);
		if (n < 0)
			return FDT_E_TRUNCATED;
		pos += (uint32_t)n + 1;
		break;
	}
	case FDT_PROP: {
		if (pos > f->size_struct - 8)
			return FDT_E_TRUNCATED;
		uint32_t len = fdt_be32(s + pos);
		pos += 8;
		if (len > f->size_struct - pos)
			return FDT_E_TRUNCATED;
		pos += len;
		break;
	}
	case FDT_END_NODE:
	case FDT_NOP:
	case FDT_END:
		break;
	default:
		return FDT_E_BADSTRUCT;
	}
	pos = (pos + 3) & ~3u;
	if (pos > f->size_struct)
		return FDT_E_TRUNCATED;
	return pos;
}

int fdt_root(const struct fdt *f)
{
	(void)f;
	return 0;
}

int fdt_next_node(const struct fdt *f, int node, int *depth)
{
	uint32_t tok;
	int64_t next;
	uint32_t off;

	if (node < 0)
		return FDT_E_NOTFOUND;
	off = (uint32_t)node;
	if (token_at(f, off) != FDT_BEGIN_NODE)
		return FDT_E_BADSTRUCT;
	next = skip_token(f, off, &tok);
	for (;;) {
		if (next < 0)
			return (int)next;
		off = (uint32_t)next;
		next = skip_token(f, off, &tok);
		switch (tok) {
		case FDT_BEGIN_NODE:
			if (depth) {
				if (++*depth > FDT_MAX_DEPTH)
					return FDT_E_BADDEPTH;
			}
			if (next < 0)
				return (int)next;
			return (int)off;
		case FDT_END_NODE:
			if (depth && --*depth < 0)
				return FDT_E_NOTFOUND;
			break;
		case FDT_PROP:
		case FDT_NOP:
			break;
		case FDT_END:
			return FDT_E_NOTFOUND;
		default:
			return FDT_E_BADSTRUCT;
		}
	}
}

int fdt_first_child(const struct fdt *f, int node)
{
	int depth = 0;
	int n = fdt_next_node(f, node, &depth);

	if (n < 0 || depth != 1)
		return n < 0 ? n : FDT_E_NOTFOUND;
	return n;
}

int fdt_next_sibling(const struct fdt *f, int node)
{
	int depth = 1;
	int n = node;

	for (;;) {
		n = fdt_next_node(f, n, &depth);
		if (n < 0)
			return n;
		if (depth < 1)
			return FDT_E_NOTFOUND;
		if (depth == 1)
			return n;
	}
}

const char *fdt_node_name(const struct fdt *f, int node)
{
	if (node < 0 || token_at(f, (uint32_t)node) != FDT_BEGIN_NODE)
		return NULL;
	uint32_t pos = (uint32_t)node + 4;
	const uint8_t *s = f->blob + f->off_struct;
	if (bounded_strlen(s + pos, f->size_struct - pos) < 0)
		return NULL;
	return (const char *)(s + pos);
}

/* True if 'nodename' is 'name' or 'name@...'. */
static bool name_matches(const char *nodename, const char *name, size_t len)
{
	if (strncmp(nodename, name, len) != 0)
		return false;
	return nodename[len] == '\0' || (nodename[len] == '@' && memchr(name, '@', len) == NULL);
}

int fdt_subnode(const struct fdt *f, int parent, const char *name)
{
	size_t len = strlen(name);

	for (int n = fdt_first_child(f, parent); n >= 0; n = fdt_next_sibling(f, n)) {
		const char *nn = fdt_node_name(f, n);
		if (nn && name_matches(nn, name, len))
			return n;
	}
	return FDT_E_NOTFOUND;
}

int fdt_path(const struct fdt *f, const char *path)
{
	int node = fdt_root(f);

	if (path[0] != '/')
		return FDT_E_NOTFOUND;
	while (*path) {
		while (*path == '/')
			path++;
		if (*path == '\0')
			break;
		const char *end = path;
		while (*end && *end != '/')
			end++;
		size_t len = (size_t)(end - path);
		int found = FDT_E_NOTFOUND;
		for (int n = fdt_first_child(f, node); n >= 0; n = fdt_next_sibling(f, n)) {
			const char *nn = fdt_node_name(f, n);
			if (nn && name_matches(nn, path, len)) {
				found = n;
				break;
			}
		}
		if (found < 0)
			return found;
		node = found;
		path = end;
	}
	return node;
}

int fdt_parent(const struct fdt *f, int node)
{
	int stack[FDT_MAX_DEPTH + 1];
	int depth = 0;
	int n = fdt_root(f);

	if (node <= 0)
		return FDT_E_NOTFOUND;
	stack[0] = n;
	for (;;) {
		n = fdt_next_node(f, n, &depth);
		if (n < 0)
			return n;
		if (depth < 1 || depth > FDT_MAX_DEPTH)
			return FDT_E_BADSTRUCT;
		stack[depth] = n;
		if (n == node)
			return stack[depth - 1];
	}
}

const void *fdt_getprop(const struct fdt *f, int node, const char *name, int *lenp)
{
	uint32_t tok;
	int64_t next;
	uint32_t off;
	const uint8_t *s = f->blob + f->off_struct;

	if (node < 0 || token_at(f, (uint32_t)node) != FDT_BEGIN_NODE)
		return NULL;
	next = skip_token(f, (uint32_t)node, &tok);
	for (;;) {
		if (next < 0)
			return NULL;
		off = (uint32_t)next;
		next = skip_token(f, off, &tok);
		if (tok == FDT_NOP)
			continue;
		if (tok != FDT_PROP || next < 0)
			return NULL;
		uint32_t len = fdt_be32(s + off + 4);
		uint32_t nameoff = fdt_be32(s + off + 8);
		if (nameoff >= f->size_strings)
			continue;
		const char *pname = (const char *)(f->blob + f->off_strings + nameoff);
		int nlen = bounded_strlen((const uint8_t *)pname, f->size_strings - nameoff);
		if (nlen < 0)
			continue;
		if (strcmp(pname, name) == 0) {
			if (lenp)
				*lenp = (int)len;
			return s + off + 12;
		}
	}
}

const char *fdt_getprop_str(const struct fdt *f, int node, const char *name)
{
	int len;
	const char *p = fdt_getprop(f, node, name, &len);

	if (p == NULL || len <= 0 || bounded_strlen((const uint8_t *)p, (uint32_t)len) < 0)
		return NULL;
	return p;
}

bool fdt_getprop_u32(const struct fdt *f, int node, const char *name, uint32_t *out)
{
	int len;
	const void *p = fdt_getprop(f, node, name, &len);

	if (p == NULL || len != 4)
		return false;
	*out = fdt_be32(p);
	return true;
}

bool fdt_getprop_u64(const struct fdt *f, int node, const char *name, uint64_t *out)
{
	int len;
	const void *p = fdt_getprop(f, node, name, &len);

	if (p == NULL)
		return false;
	if (len == 4)
		*out = fdt_be32(p);
	else if (len == 8)
		*out = fdt_be64(p);
	else
		return false;
	return true;
}

bool fdt_is_compatible(const struct fdt *f, int node, const char *compat)
{
	int len;
	const char *p = fdt_getprop(f, node, "compatible", &len);

	if (p == NULL || len <= 0)
		return false;
	while (len > 0) {
		int n = bounded_strlen((const uint8_t *)p, (uint32_t)len);
		if (n < 0)
			return false;
		if (strcmp(p, compat) == 0)
			return true;
		p += n + 1;
		len -= n + 1;
	}
	return false;
}

int fdt_find_compatible(const struct fdt *f, int from, const char *compat)
{
	int n = from < 0 ? fdt_root(f) : from;

	if (from < 0 && fdt_is_compatible(f, n, compat))
		return n;
	for (;;) {
		n = fdt_next_node(f, n, NULL);
		if (n < 0)
			return n;
		if (fdt_is_compatible(f, n, compat))
			return n;
	}
}

bool fdt_node_enabled(const struct fdt *f, int node)
{
	const char *st = fdt_getprop_str(f, node, "status");

	return st == NULL || strcmp(st, "okay") == 0 || strcmp(st, "ok") == 0;
}

/* Reads 'cells' big-endian cells (1 or 2) at p. */
static uint64_t read_cells(const uint8_t *p, uint32_t cells)
{
	return cells == 2 ? fdt_be64(p) : fdt_be32(p);
}

int fdt_reg(const struct fdt *f, int node, int idx, uint64_t *addr, uint64_t *size)
{
	uint32_t ac = 2, sc = 1;
	int parent = fdt_parent(f, node);
	int len;

	if (parent >= 0) {
		fdt_getprop_u32(f, parent, "#address-cells", &ac);
		fdt_getprop_u32(f, parent, "#size-cells", &sc);
	}
	if (ac < 1 || ac > 2 || sc > 2)
		return FDT_E_BADSTRUCT;
	const uint8_t *p = fdt_getprop(f, node, "reg", &len);
	if (p == NULL)
		return FDT_E_NOTFOUND;
	uint32_t stride = (ac + sc) * 4;
	if (idx < 0 || len < 0 || ((uint64_t)idx + 1) * stride > (uint64_t)len)
		return FDT_E_NOTFOUND;
	p += (uint32_t)idx * stride;
	*addr = read_cells(p, ac);
	*size = sc ? read_cells(p + ac * 4, sc) : 0;
	return 0;
}

int fdt_memrsv(const struct fdt *f, int idx, uint64_t *addr, uint64_t *size)
{
	if (idx < 0)
		return FDT_E_NOTFOUND;
	uint64_t off = f->off_rsvmap + (uint64_t)idx * 16;
	if (off + 16 > f->totalsize)
		return FDT_E_TRUNCATED;
	*addr = fdt_be64(f->blob + off);
	*size = fdt_be64(f->blob + off + 8);
	if (*addr == 0 && *size == 0)
		return FDT_E_NOTFOUND;
	return 0;
}

const char *fdt_strerror(int err)
{
	switch (err) {
	case 0:
		return "no error";
	case FDT_E_NOTFOUND:
		return "not found";
	case FDT_E_BADMAGIC:
		return "bad magic";
	case FDT_E_BADHEADER:
		return "inconsistent header";
	case FDT_E_BADVERSION:
		return "unsupported version";
	case FDT_E_BADSTRUCT:
		return "malformed structure block";
	case FDT_E_TRUNCATED:
		return "truncated";
	case FDT_E_BADDEPTH:
		return "nesting too deep";
	default:
		return "unknown error";
	}
}
