/*
 * data.c - a regular file's bytes in fs-ram (node.h): a radix tree of
 * FSR_BLOCK-byte blocks under index blocks of FSR_FANOUT pointers, as
 * tall as the file's last block needs (height 0: the root is block 0).
 * Blocks are made when first written, so a file with holes costs only
 * what was written; a missing block reads as zeros. Bytes past the end
 * of the file inside its last block are kept zero (fsr_data_cut), so a
 * file that grows again shows zeros there.
 */
#include "node.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* Blocks a tree of height h covers. */
static uint64_t cap_blocks(unsigned h)
{
	uint64_t c = 1;

	while (h-- > 0)
		c *= FSR_FANOUT;
	return c;
}

/* A zeroed block (data or index), charged; NULL with *err. */
static void *block_new(struct fsr_budget *b, int *err)
{
	*err = fsr_charge(b, FSR_BLOCK);
	if (*err != 0)
		return NULL;
	void *p = calloc(1, FSR_BLOCK);
	if (p == NULL) {
		fsr_uncharge(b, FSR_BLOCK);
		*err = ENOMEM;
	}
	return p;
}

static void block_free(struct fsr_budget *b, void *p)
{
	free(p);
	fsr_uncharge(b, FSR_BLOCK);
}

/* The data block blk of d, or NULL. */
void *fsr_data_block(const struct fsr_data *d, uint64_t blk)
{
	if (d->root == NULL || blk >= cap_blocks(d->height))
		return NULL;
	void *p = d->root;
	for (unsigned h = d->height; h > 0 && p != NULL; h--) {
		uint64_t span = cap_blocks(h - 1);
		p = ((void **)p)[blk / span];
		blk %= span;
	}
	return p;
}

/* Makes d tall enough for block blk. Returns 0, EFBIG, ENOSPC or ENOMEM. */
static int grow(struct fsr_budget *b, struct fsr_data *d, uint64_t blk)
{
	int r;

	while (blk >= cap_blocks(d->height)) {
		if (d->height == FSR_MAXHEIGHT)
			return EFBIG;
		if (d->root != NULL) {
			void **idx = block_new(b, &r);
			if (idx == NULL)
				return r;
			idx[0] = d->root;
			d->root = idx;
			d->nindex++;
		}
		d->height++;
	}
	return 0;
}

/* Makes block blk of d exist. Returns 0, EFBIG, ENOSPC or ENOMEM. */
static int alloc_block(struct fsr_budget *b, struct fsr_data *d, uint64_t blk)
{
	int r = grow(b, d, blk);

	if (r != 0)
		return r;
	void **slot = &d->root;
	for (unsigned h = d->height; h > 0; h--) {
		if (*slot == NULL) {
			if ((*slot = block_new(b, &r)) == NULL)
				return r;
			d->nindex++;
		}
		uint64_t span = cap_blocks(h - 1);
		slot = &((void **)*slot)[blk / span];
		blk %= span;
	}
	if (*slot == NULL) {
		if ((*slot = block_new(b, &r)) == NULL)
			return r;
		d->nblocks++;
	}
	return 0;
}

/* Makes the blocks of [off, off + len) exist, in order (node.h). */
int fsr_data_alloc(struct fsr_budget *b, struct fsr_data *d, uint64_t off, uint64_t len,
                   uint64_t *got)
{
	*got = 0;
	if (len == 0)
		return 0;
	if (off >= FSR_MAX_FILE)
		return EFBIG;
	if (len > FSR_MAX_FILE - off)
		len = FSR_MAX_FILE - off;
	uint64_t first = off / FSR_BLOCK, last = (off + len - 1) / FSR_BLOCK;
	for (uint64_t blk = first; blk <= last; blk++) {
		int r = alloc_block(b, d, blk);
		if (r != 0) {
			*got = blk == first ? 0 : blk * FSR_BLOCK - off;
			return *got ? 0 : r;
		}
	}
	*got = len;
	return 0;
}

/* Frees the whole tree p of height h. */
static void free_tree(struct fsr_budget *b, struct fsr_data *d, void *p, unsigned h)
{
	if (h == 0) {
		block_free(b, p);
		d->nblocks--;
		return;
	}
	void **idx = p;
	for (unsigned i = 0; i < FSR_FANOUT; i++)
		if (idx[i] != NULL)
			free_tree(b, d, idx[i], h - 1);
	block_free(b, p);
	d->nindex--;
}

/*
 * Frees the data blocks numbered [lo, hi) in the tree at *slot (height h,
 * first block base), and index blocks left empty; *slot becomes NULL if
 * nothing is left in it.
 */
static void free_range(struct fsr_budget *b, struct fsr_data *d, void **slot, unsigned h,
                       uint64_t base, uint64_t lo, uint64_t hi)
{
	if (h == 0) {
		if (base >= lo && base < hi) {
			free_tree(b, d, *slot, 0);
			*slot = NULL;
		}
		return;
	}
	void **idx = *slot;
	uint64_t span = cap_blocks(h - 1);
	int left = 0;
	for (unsigned i = 0; i < FSR_FANOUT; i++) {
		if (idx[i] == NULL)
			continue;
		uint64_t cb = base + i * span, ce = cb + span;
		if (ce <= lo || cb >= hi) {
			left = 1;
		} else if (cb >= lo && ce <= hi) {
			free_tree(b, d, idx[i], h - 1);
			idx[i] = NULL;
		} else {
			free_range(b, d, &idx[i], h - 1, cb, lo, hi);
			left |= idx[i] != NULL;
		}
	}
	if (!left) {
		block_free(b, idx);
		d->nindex--;
		*slot = NULL;
	}
}

/* Lowers d while its root index holds only its first subtree. */
static void shrink(struct fsr_budget *b, struct fsr_data *d)
{
	while (d->height > 0) {
		if (d->root == NULL) {
			d->height = 0;
			return;
		}
		void **idx = d->root;
		for (unsigned i = 1; i < FSR_FANOUT; i++)
			if (idx[i] != NULL)
				return;
		d->root = idx[0];
		block_free(b, idx);
		d->nindex--;
		d->height--;
	}
}

/* Zeroes bytes [from, to) of block blk if it exists (within one block). */
static void zero_part(const struct fsr_data *d, uint64_t blk, size_t from, size_t to)
{
	char *p = fsr_data_block(d, blk);

	if (p != NULL && from < to)
		memset(p + from, 0, to - from);
}

/* Cuts d to size bytes (node.h). */
void fsr_data_cut(struct fsr_budget *b, struct fsr_data *d, uint64_t size)
{
	uint64_t keep = size / FSR_BLOCK + (size % FSR_BLOCK != 0);

	if (d->root != NULL)
		free_range(b, d, &d->root, d->height, 0, keep, UINT64_MAX);
	shrink(b, d);
	if (size % FSR_BLOCK)
		zero_part(d, size / FSR_BLOCK, size % FSR_BLOCK, FSR_BLOCK);
}

/* Zeroes [off, off + len) of d, freeing whole blocks (node.h). */
void fsr_data_punch(struct fsr_budget *b, struct fsr_data *d, uint64_t off, uint64_t len)
{
	if (len == 0 || off >= FSR_MAX_FILE)
		return;
	if (len > FSR_MAX_FILE - off)
		len = FSR_MAX_FILE - off;
	uint64_t end = off + len;
	uint64_t first = off / FSR_BLOCK, last = (end - 1) / FSR_BLOCK;
	if (first == last) {
		zero_part(d, first, off % FSR_BLOCK, (size_t)(end - first * FSR_BLOCK));
		return;
	}
	uint64_t lo = first, hi = last + 1; /* the blocks wholly inside */
	if (off % FSR_BLOCK) {
		zero_part(d, first, off % FSR_BLOCK, FSR_BLOCK);
		lo++;
	}
	if (end % FSR_BLOCK) {
		zero_part(d, last, 0, end % FSR_BLOCK);
		hi--;
	}
	if (lo < hi && d->root != NULL)
		free_range(b, d, &d->root, d->height, 0, lo, hi);
	shrink(b, d);
}
