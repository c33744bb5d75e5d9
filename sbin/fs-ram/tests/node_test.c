/*
 * node_test.c - host test of fs-ram's pure part (node.h): the budget,
 * nodes, directories (hash, cookies, link counts, rename), file data
 * (blocks, holes, cutting, punching, running out of budget) and path
 * walking with symbolic links. Built with ASan + UBSan (sbin/CMakeLists.txt,
 * ctest "fsram-node"); FSRAM_HOST_TEST gives nodes a small stand-in for
 * iofunc_attr_t. Exit status 0 when every check passed.
 */
#include "node.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures, checks;

#define CHECK(c)                                                            \
	do {                                                                \
		checks++;                                                   \
		if (!(c)) {                                                 \
			failures++;                                         \
			printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); \
		}                                                           \
	} while (0)

/* A new node of mode, which must succeed. */
static struct fsnode *mk(struct fsr_budget *b, mode_t mode)
{
	struct fsnode *n = NULL;
	int r = fsr_node_new(b, mode, &n);

	CHECK(r == 0 && n != NULL);
	return n;
}

/* The budget and node life. */
static void test_budget(void)
{
	struct fsr_budget b;
	struct fsnode *n;

	fsr_budget_init(&b, 100);
	CHECK(fsr_charge(&b, 60) == 0);
	CHECK(fsr_charge(&b, 41) == ENOSPC);
	CHECK(b.used == 60);
	CHECK(fsr_charge(&b, 40) == 0);
	fsr_uncharge(&b, 100);
	CHECK(b.used == 0);
	CHECK(fsr_charge(&b, UINT64_MAX) == ENOSPC);
	fsr_budget_init(&b, fsr_node_cost() - 1);
	CHECK(fsr_node_new(&b, S_IFREG, &n) == ENOSPC);
	CHECK(b.used == 0 && b.nodes == 0);
	CHECK(fsr_node_new(&b, S_IFCHR, &n) == EINVAL);

	fsr_budget_init(&b, 1 << 20);
	n = mk(&b, S_IFLNK | 0777);
	CHECK(fsr_link_set(&b, n, "target", 6) == 0);
	CHECK(n->attr.nbytes == 6 && strcmp(n->u.link.target, "target") == 0);
	CHECK(fsr_node_put(&b, n) == 1);
	CHECK(b.used == 0 && b.nodes == 0);
}

/* Directories: add, find, remove, link counts, cookies, move. */
static void test_dirs(void)
{
	struct fsr_budget b;
	char name[32];

	fsr_budget_init(&b, 1 << 20);
	struct fsnode *root = mk(&b, S_IFDIR | 0755);
	root->attr.nlink = 2;
	struct fsnode *sub = mk(&b, S_IFDIR | 0755);
	CHECK(fsr_dir_add(&b, root, "sub", 3, sub) == 0);
	CHECK(sub->attr.nlink == 2 && root->attr.nlink == 3 && sub->u.dir.parent == root);
	for (int i = 0; i < 100; i++) {
		snprintf(name, sizeof(name), "f%d", i);
		struct fsnode *f = mk(&b, S_IFREG | 0644);
		CHECK(fsr_dir_add(&b, sub, name, strlen(name), f) == 0);
	}
	CHECK(sub->u.dir.count == 100 && sub->u.dir.nbuckets >= 64);
	struct fsr_dirent *e = fsr_dir_find(sub, "f42", 3);
	CHECK(e != NULL && e->node->attr.nlink == 1);
	CHECK(fsr_dir_find(sub, "f4", 2) != NULL && fsr_dir_find(sub, "f420", 4) == NULL);
	/* readdir order: cookies increase; removing keeps the others' cookies */
	uint64_t c42 = e->cookie;
	struct fsnode *n42 = e->node;
	fsr_dir_remove(&b, sub, e);
	CHECK(n42->attr.nlink == 0 && fsr_node_put(&b, n42) == 1);
	struct fsr_dirent *next = fsr_dir_from(sub, c42);
	CHECK(next != NULL && next->cookie == c42 + 1 && strcmp(next->name, "f43") == 0);
	uint64_t last = 0;
	int count = 0;
	for (struct fsr_dirent *d = fsr_dir_from(sub, 0); d; d = d->next, count++) {
		CHECK(d->cookie > last);
		last = d->cookie;
	}
	CHECK(count == 99);
	/* a directory moved to another parent takes its ".." along */
	struct fsnode *other = mk(&b, S_IFDIR | 0755);
	CHECK(fsr_dir_add(&b, root, "other", 5, other) == 0);
	CHECK(root->attr.nlink == 4);
	struct fsr_dirent *se = fsr_dir_find(root, "sub", 3);
	CHECK(fsr_dir_move(&b, root, se, other, "moved", 5, NULL) == 0);
	CHECK(root->attr.nlink == 3 && other->attr.nlink == 3 && sub->u.dir.parent == other);
	CHECK(fsr_dir_find(root, "sub", 3) == NULL && fsr_dir_find(other, "moved", 5) != NULL);
	CHECK(fsr_dir_contains(root, sub) && fsr_dir_contains(other, sub) &&
	      !fsr_dir_contains(sub, other));
	/* rename over a victim file: the victim loses its link */
	struct fsr_dirent *a = fsr_dir_find(sub, "f1", 2), *v = fsr_dir_find(sub, "f2", 2);
	struct fsnode *vn = v->node, *an = a->node;
	CHECK(fsr_dir_move(&b, sub, a, sub, "f2", 2, v) == 0);
	CHECK(vn->attr.nlink == 0 && fsr_node_put(&b, vn) == 1);
	CHECK(fsr_dir_find(sub, "f2", 2)->node == an && fsr_dir_find(sub, "f1", 2) == NULL);
	CHECK(fsr_dir_add(&b, sub, "", 0, an) == EINVAL);
	/* empty everything: the budget comes back to the root alone */
	while (sub->u.dir.first != NULL) {
		struct fsr_dirent *d = sub->u.dir.first;
		struct fsnode *f = d->node;
		fsr_dir_remove(&b, sub, d);
		fsr_node_put(&b, f);
	}
	fsr_dir_remove(&b, other, fsr_dir_find(other, "moved", 5));
	CHECK(sub->attr.nlink == 0 && fsr_node_put(&b, sub) == 1);
	fsr_dir_remove(&b, root, fsr_dir_find(root, "other", 5));
	CHECK(fsr_node_put(&b, other) == 1);
	CHECK(root->attr.nlink == 2 && b.nodes == 1);
	root->attr.nlink = 0;
	CHECK(fsr_node_put(&b, root) == 1);
	CHECK(b.used == 0 && b.nodes == 0);
}

/* Reads len bytes of d from off into out (holes as zeros). */
static void readback(const struct fsr_data *d, uint64_t off, char *out, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		uint64_t pos = off + i;
		char *blk = fsr_data_block(d, pos / FSR_BLOCK);
		out[i] = blk ? blk[pos % FSR_BLOCK] : 0;
	}
}

/* File data: allocation, holes, cut, punch, the budget running out. */
static void test_data(void)
{
	struct fsr_budget b;
	uint64_t got;
	char buf[64];

	fsr_budget_init(&b, 1 << 24);
	struct fsnode *f = mk(&b, S_IFREG | 0644);
	struct fsr_data *d = &f->u.data;
	CHECK(fsr_data_alloc(&b, d, 0, 10, &got) == 0 && got == 10);
	memcpy(fsr_data_block(d, 0), "0123456789", 10);
	/* far away: a taller tree, the first block kept */
	uint64_t far = (uint64_t)FSR_BLOCK * FSR_FANOUT * 3 + 5;
	CHECK(fsr_data_alloc(&b, d, far, 4, &got) == 0 && got == 4);
	memcpy((char *)fsr_data_block(d, far / FSR_BLOCK) + 5, "tail", 4);
	CHECK(d->height == 2 && d->nblocks == 2);
	readback(d, 0, buf, 10);
	CHECK(memcmp(buf, "0123456789", 10) == 0);
	readback(d, 100000, buf, 8);
	CHECK(memcmp(buf, "\0\0\0\0\0\0\0\0", 8) == 0);
	/* punch the middle of block 0, then cut back to 7 bytes */
	fsr_data_punch(&b, d, 2, 3);
	readback(d, 0, buf, 10);
	CHECK(memcmp(buf,
	             "01\0\0\0"
	             "56789",
	             10) == 0);
	fsr_data_cut(&b, d, 7);
	CHECK(d->height == 0 && d->nblocks == 1 && d->nindex == 0);
	readback(d, 0, buf, 10);
	CHECK(memcmp(buf,
	             "01\0\0\0"
	             "56\0\0\0",
	             10) == 0);
	/* punching whole blocks frees them */
	CHECK(fsr_data_alloc(&b, d, 0, FSR_BLOCK * 8, &got) == 0 && got == FSR_BLOCK * 8);
	CHECK(d->nblocks == 8);
	fsr_data_punch(&b, d, FSR_BLOCK + 1, FSR_BLOCK * 4);
	CHECK(d->nblocks == 5); /* blocks 2, 3 and 4 went; 1 and 5 were partly kept */
	fsr_data_cut(&b, d, 0);
	CHECK(d->root == NULL && d->nblocks == 0 && d->nindex == 0);
	CHECK(fsr_data_alloc(&b, d, FSR_MAX_FILE, 1, &got) == EFBIG);
	CHECK(f->attr.nlink == 0 && fsr_node_put(&b, f) == 1);
	CHECK(b.used == 0);

	/* a budget of a node and 3 blocks: a 5-block request gets what fits */
	fsr_budget_init(&b, fsr_node_cost() + 3 * FSR_BLOCK);
	f = mk(&b, S_IFREG | 0644);
	d = &f->u.data;
	/* block 0, then an index block and block 1: the budget is spent */
	CHECK(fsr_data_alloc(&b, d, 0, 5 * FSR_BLOCK, &got) == 0 && got == 2 * FSR_BLOCK);
	CHECK(d->nblocks == 2 && d->nindex == 1 && b.used == b.limit);
	CHECK(fsr_data_alloc(&b, d, 2 * FSR_BLOCK, 10, &got) == ENOSPC && got == 0);
	fsr_data_cut(&b, d, 0);
	CHECK(b.used == fsr_node_cost());
	CHECK(fsr_node_put(&b, f) == 1 && b.used == 0);
}

/* Walking paths, symbolic links, normalisation. */
static void test_walk(void)
{
	struct fsr_budget b;
	struct fsr_walk w;
	char out[256];

	fsr_budget_init(&b, 1 << 20);
	struct fsnode *root = mk(&b, S_IFDIR | 0755);
	struct fsnode *a = mk(&b, S_IFDIR | 0755), *f = mk(&b, S_IFREG | 0644);
	struct fsnode *l = mk(&b, S_IFLNK | 0777), *abs = mk(&b, S_IFLNK | 0777);
	fsr_dir_add(&b, root, "a", 1, a);
	fsr_dir_add(&b, a, "f", 1, f);
	fsr_link_set(&b, l, "../a", 4);
	fsr_dir_add(&b, a, "up", 2, l);
	fsr_link_set(&b, abs, "/dev/null", 9);
	fsr_dir_add(&b, root, "null", 4, abs);

	CHECK(fsr_walk(root, "a/f", 1, NULL, NULL, &w) == 0 && w.node == f && w.dir == a);
	CHECK(fsr_walk(root, "//a//./f", 1, NULL, NULL, &w) == 0 && w.node == f);
	CHECK(fsr_walk(root, "a/../a/f", 1, NULL, NULL, &w) == 0 && w.node == f);
	CHECK(fsr_walk(root, "", 1, NULL, NULL, &w) == 0 && w.node == root && w.dir == NULL);
	CHECK(fsr_walk(root, "..", 1, NULL, NULL, &w) == 0 && w.node == root && w.dot);
	CHECK(fsr_walk(root, "a/new", 1, NULL, NULL, &w) == 0 && w.node == NULL && w.dir == a &&
	      w.namelen == 3);
	CHECK(fsr_walk(root, "a/no/x", 1, NULL, NULL, &w) == ENOENT);
	CHECK(fsr_walk(root, "a/f/x", 1, NULL, NULL, &w) == ENOTDIR);
	char longc[300];
	memset(longc, 'x', sizeof(longc) - 1);
	longc[sizeof(longc) - 1] = 0;
	CHECK(fsr_walk(root, longc, 1, NULL, NULL, &w) == ENAMETOOLONG);
	/* a link in the middle stops the walk; the replacement path goes on */
	CHECK(fsr_walk(root, "a/up/f", 0, NULL, NULL, &w) == 0 && w.link == l);
	CHECK(fsr_link_path("a/up/f", &w, l->u.link.target, l->u.link.len, out, sizeof(out)) == 0);
	CHECK(strcmp(out, "a/../a/f") == 0);
	/* at the end: followed only when asked */
	CHECK(fsr_walk(root, "a/up", 0, NULL, NULL, &w) == 0 && w.link == NULL && w.node == l);
	CHECK(fsr_walk(root, "null", 1, NULL, NULL, &w) == 0 && w.link == abs);
	CHECK(fsr_link_path("null", &w, "/dev/null", 9, out, sizeof(out)) == 0 &&
	      strcmp(out, "/dev/null") == 0);
	CHECK(fsr_link_path("null", &w, "/dev/null", 9, out, 5) == ENAMETOOLONG);

	char p1[] = "/a/./b//../c/", p2[] = "/..", p3[] = "rel";
	CHECK(fsr_path_normalise(p1) == 0 && strcmp(p1, "/a/c") == 0);
	CHECK(fsr_path_normalise(p2) == 0 && strcmp(p2, "/") == 0);
	CHECK(fsr_path_normalise(p3) == EINVAL);

	struct fsnode *nodes[] = {f, l, a, abs};
	struct fsnode *dirs[] = {a, a, root, root};
	for (int i = 0; i < 4; i++) {
		struct fsr_dirent *e = fsr_dir_from(dirs[i], 0);
		while (e != NULL && e->node != nodes[i])
			e = e->next;
		CHECK(e != NULL);
		if (e != NULL)
			fsr_dir_remove(&b, dirs[i], e);
		CHECK(fsr_node_put(&b, nodes[i]) == 1);
	}
	root->attr.nlink = 0;
	CHECK(fsr_node_put(&b, root) == 1);
	CHECK(b.used == 0 && b.nodes == 0);
}

int main(void)
{
	test_budget();
	test_dirs();
	test_data();
	test_walk();
	printf("fsram-node: %d checks, %d failed\n", checks, failures);
	return failures ? 1 : 0;
}
