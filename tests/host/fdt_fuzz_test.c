/*
 * fdt_fuzz_test.c - lib/fmt/fdt.c on truncated, corrupt and hostile blobs.
 *
 * Every blob sits in a malloc'd buffer of exactly the length passed to
 * fdt_init(), so any read past it is an AddressSanitizer error; UBSan
 * catches overflow and misaligned access. exercise() calls every function of
 * the reader on a blob and checks that what comes back points inside the
 * blob; every walk is bounded, and the whole test runs under an alarm.
 *
 * Inputs: every truncation length of basic.dtb and QEMU's virt blob (as is,
 * and with the header patched to the cut length so the walk meets the cut),
 * a random byte and a random 32-bit word written at every offset of both
 * blobs, random multi-byte corruption (fixed seed), and hand-built blobs:
 * nesting beyond FDT_MAX_DEPTH, unterminated names, property lengths past
 * the block, bad header fields.
 */
#include "check.h"

#include "fdt.h"

#define SEED 0x51d0e5eed5eedULL

static const uint8_t *cur;
static size_t cur_len;

/* True if [p, p + len) lies inside the blob under test. */
static bool in_blob(const void *p, size_t len)
{
	const uint8_t *b = p;

	return b >= cur && len <= cur_len && (size_t)(b - cur) <= cur_len - len;
}

/* Looked up on every node; a light exercise() uses the first four only. */
static const char *const prop_names[] = {
        "compatible",     "reg",         "status",  "interrupts-extended",
        "#address-cells", "#size-cells", "phandle", "device_type",
        "model",          "u32",         "str",
};

/* Checks the property accessors of one node. */
static void exercise_props(const struct fdt *f, int n, bool deep)
{
	uint32_t u32;
	uint64_t u64;
	size_t count = deep ? sizeof(prop_names) / sizeof(prop_names[0]) : 4;

	for (size_t i = 0; i < count; i++) {
		int len = -1;
		const void *p = fdt_getprop(f, n, prop_names[i], &len);
		if (p != NULL)
			CHECK(len >= 0 && in_blob(p, (size_t)len));
		const char *s = fdt_getprop_str(f, n, prop_names[i]);
		if (s != NULL)
			CHECK(in_blob(s, strlen(s) + 1));
		fdt_getprop_u32(f, n, prop_names[i], &u32);
		fdt_getprop_u64(f, n, prop_names[i], &u64);
	}
	fdt_is_compatible(f, n, "riscv");
	fdt_node_enabled(f, n);
}

/*
 * Runs the whole API over a blob that may be malformed. 'deep' adds the
 * quadratic calls (fdt_parent, fdt_reg for every node) and more property
 * names; without it they are made on the first nodes only (for the larger
 * QEMU blob, where thousands of mutations would take too long otherwise).
 */
static void exercise(const uint8_t *buf, size_t len, bool deep)
{
	struct fdt f;
	uint64_t a, s;

	cur = buf;
	cur_len = len;
	int r = fdt_init(&f, buf, len);
	if (r != 0) {
		CHECK(r == FDT_E_BADHEADER || r == FDT_E_BADMAGIC || r == FDT_E_BADVERSION ||
		      r == FDT_E_BADSTRUCT);
		return;
	}
	CHECK(f.totalsize <= len && f.off_struct + (uint64_t)f.size_struct <= f.totalsize);
	CHECK((uint64_t)f.off_strings + f.size_strings <= f.totalsize);

	/* Depth-first walk with depth tracking; it must end within the block. */
	uint32_t limit = f.size_struct / 4 + 2, steps = 0;
	int depth = 0, n = fdt_root(&f), prev = -1;
	exercise_props(&f, n, deep);
	while (n >= 0 && steps++ < limit) {
		const char *name = fdt_node_name(&f, n);
		if (name != NULL)
			CHECK(in_blob(name, strlen(name) + 1));
		else
			CHECK(n == 0); /* only the root is returned without a check of its name */
		CHECK(n > prev && (uint32_t)n < f.size_struct && (n & 3) == 0);
		CHECK(depth >= 0 && depth <= FDT_MAX_DEPTH);
		prev = n;
		if (n != 0)
			exercise_props(&f, n, deep);
		if (deep || steps < 8) {
			int p = fdt_parent(&f, n);
			if (p >= 0)
				CHECK(p < n && (p == 0 || fdt_node_name(&f, p) != NULL));
			for (int i = 0; i < 2; i++)
				if (fdt_reg(&f, n, i, &a, &s) == 0)
					CHECK(fdt_getprop(&f, n, "reg", NULL) != NULL);
		}
		int c = fdt_first_child(&f, n);
		for (uint32_t k = 0; c >= 0 && k < limit; k++) {
			CHECK(c > n);
			c = fdt_next_sibling(&f, c);
		}
		CHECK(c < 0);
		fdt_subnode(&f, n, "cpu");
		n = fdt_next_node(&f, n, &depth);
	}
	CHECK(n < 0);

	/* The same walk without depth tracking. */
	n = fdt_root(&f);
	for (steps = 0; n >= 0 && steps < limit; steps++)
		n = fdt_next_node(&f, n, NULL);
	CHECK(n < 0);

	static const char *const paths[] = {
	        "/",       "/cpus",   "/cpus/cpu@0", "/soc/serial@10000000",
	        "/chosen", "/values", "/a/b/c/d",    "/x/y"};
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		int p = fdt_path(&f, paths[i]);
		if (p > 0)
			CHECK(fdt_node_name(&f, p) != NULL);
	}
	static const char *const compats[] = {"riscv", "ns16550a", "virtio,mmio"};
	for (size_t i = 0; i < sizeof(compats) / sizeof(compats[0]); i++) {
		n = fdt_find_compatible(&f, -1, compats[i]);
		for (steps = 0; n >= 0 && steps < limit; steps++)
			n = fdt_find_compatible(&f, n, compats[i]);
		CHECK(n < 0);
	}
	int i;
	for (i = 0; i <= (int)(f.totalsize / 16) + 1; i++) {
		r = fdt_memrsv(&f, i, &a, &s);
		if (r != 0) {
			CHECK(r == FDT_E_NOTFOUND || r == FDT_E_TRUNCATED);
			break;
		}
	}
	CHECK(i <= (int)(f.totalsize / 16) + 1);
}

static uint32_t get32(const uint8_t *b, size_t off)
{
	return fdt_be32(b + off);
}

static void put32(uint8_t *b, size_t off, uint32_t v)
{
	b[off] = (uint8_t)(v >> 24);
	b[off + 1] = (uint8_t)(v >> 16);
	b[off + 2] = (uint8_t)(v >> 8);
	b[off + 3] = (uint8_t)v;
}

/* Every truncation length, raw and with the header patched to fit the cut. */
static void truncations(const uint8_t *blob, size_t total)
{
	check_phase("truncation");
	for (size_t l = 0; l <= total; l++) {
		uint8_t *b = malloc(l ? l : 1);
		memcpy(b, blob, l);
		struct fdt f;
		CHECK_IEQ(fdt_init(&f, b, l), l == total ? 0 : FDT_E_BADHEADER);
		exercise(b, l, false);
		if (l >= 40) {
			uint32_t off_struct = get32(b, 8), off_strings = get32(b, 12);
			put32(b, 4, (uint32_t)l);
			if (off_struct + get32(b, 36) > l)
				put32(b, 36, off_struct < l ? (uint32_t)(l - off_struct) & ~3u : 0);
			if (off_strings + get32(b, 32) > l)
				put32(b, 32, off_strings < l ? (uint32_t)(l - off_strings) : 0);
			exercise(b, l, false);
		}
		free(b);
	}
}

/* A random byte at every offset, a random word at every offset, then random multi-hits. */
static void mutations(const uint8_t *blob, size_t total, unsigned multi, bool deep)
{
	uint64_t rng = SEED;
	uint8_t *b = malloc(total);
	static const uint32_t words[] = {0,          1,          2,          3,          4,
	                                 9,          0xffffffff, 0x80000000, 0x7fffffff, 0xfffffffc,
	                                 0xd00dfeed, 0x10,       0x11,       0x28,       0x38};

	check_phase("byte at every offset");
	for (size_t o = 0; o < total; o++) {
		memcpy(b, blob, total);
		b[o] ^= (uint8_t)(1 + check_rand_below(&rng, 255));
		exercise(b, total, deep);
	}
	check_phase("word at every offset");
	for (size_t o = 0; o + 4 <= total; o++) {
		memcpy(b, blob, total);
		uint64_t pick = check_rand_below(&rng, 2 * sizeof(words) / sizeof(words[0]));
		uint32_t w = pick < sizeof(words) / sizeof(words[0]) ? words[pick]
		                                                     : (uint32_t)check_rand(&rng);
		if (pick % 3 == 0)
			w = (uint32_t)check_rand_below(&rng, total + 64);
		put32(b, o, w);
		exercise(b, total, deep);
	}
	check_phase("random multi-mutation");
	for (unsigned it = 0; it < multi; it++) {
		memcpy(b, blob, total);
		unsigned hits = 1 + (unsigned)check_rand_below(&rng, 8);
		for (unsigned h = 0; h < hits; h++) {
			size_t o = check_rand_below(&rng, total);
			if (check_rand(&rng) & 1 && o + 4 <= total)
				put32(b, o,
				      (uint32_t)check_rand_below(&rng,
				                                 1u << (check_rand(&rng) & 31)));
			else
				b[o] = (uint8_t)check_rand(&rng);
		}
		exercise(b, total, deep);
	}
	free(b);
}

/* ---- a minimal blob builder for hand-made structures ---- */

struct fdtb {
	uint8_t st[1 << 16];
	uint32_t nst;
	char str[1024];
	uint32_t nstr;
	uint64_t rsv[4][2];
	int nrsv;
};

#define B_NO_END   1 /* no FDT_END token after the structure */
#define B_RSV_LAST 2 /* reservation map last, without its terminating entry */

static void b_u32(struct fdtb *b, uint32_t v)
{
	put32(b->st, b->nst, v);
	b->nst += 4;
}

/* Appends raw bytes padded with zeros to 4. */
static void b_bytes(struct fdtb *b, const void *p, uint32_t n)
{
	memcpy(b->st + b->nst, p, n);
	b->nst += n;
	while (b->nst & 3)
		b->st[b->nst++] = 0;
}

static void b_begin(struct fdtb *b, const char *name)
{
	b_u32(b, 1);
	b_bytes(b, name, (uint32_t)strlen(name) + 1);
}

static void b_end(struct fdtb *b)
{
	b_u32(b, 2);
}

/* Offset of 'name' in the strings block (appended once). */
static uint32_t b_string(struct fdtb *b, const char *name)
{
	for (uint32_t o = 0; o < b->nstr; o += (uint32_t)strlen(b->str + o) + 1)
		if (strcmp(b->str + o, name) == 0)
			return o;
	uint32_t o = b->nstr;
	memcpy(b->str + o, name, strlen(name) + 1);
	b->nstr += (uint32_t)strlen(name) + 1;
	return o;
}

static void b_prop(struct fdtb *b, const char *name, const void *val, uint32_t len)
{
	b_u32(b, 3);
	b_u32(b, len);
	b_u32(b, b_string(b, name));
	b_bytes(b, val, len);
}

static void b_prop_u32(struct fdtb *b, const char *name, uint32_t v)
{
	uint8_t be[4];

	put32(be, 0, v);
	b_prop(b, name, be, 4);
}

static void b_prop_str(struct fdtb *b, const char *name, const char *s)
{
	b_prop(b, name, s, (uint32_t)strlen(s) + 1);
}

/* Lays out header | rsvmap | struct | strings (or rsvmap last) into a malloc'd blob. */
static uint8_t *b_finish(struct fdtb *b, int flags, size_t *lenp)
{
	if (!(flags & B_NO_END))
		b_u32(b, 9);
	uint32_t rsv_len = (uint32_t)(b->nrsv + !(flags & B_RSV_LAST)) * 16;
	uint32_t off_rsv = 40, off_struct, off_strings, total;
	if (flags & B_RSV_LAST) {
		off_struct = 40;
		off_strings = off_struct + b->nst;
		off_rsv = (off_strings + b->nstr + 7) & ~7u;
		total = off_rsv + rsv_len;
	} else {
		off_struct = off_rsv + rsv_len;
		off_strings = off_struct + b->nst;
		total = off_strings + b->nstr;
	}
	uint8_t *out = calloc(1, total);
	put32(out, 0, FDT_MAGIC);
	put32(out, 4, total);
	put32(out, 8, off_struct);
	put32(out, 12, off_strings);
	put32(out, 16, off_rsv);
	put32(out, 20, 17);
	put32(out, 24, 16);
	put32(out, 32, b->nstr);
	put32(out, 36, b->nst);
	for (int i = 0; i < b->nrsv; i++) {
		put32(out, off_rsv + 16 * i, (uint32_t)(b->rsv[i][0] >> 32));
		put32(out, off_rsv + 16 * i + 4, (uint32_t)b->rsv[i][0]);
		put32(out, off_rsv + 16 * i + 8, (uint32_t)(b->rsv[i][1] >> 32));
		put32(out, off_rsv + 16 * i + 12, (uint32_t)b->rsv[i][1]);
	}
	memcpy(out + off_struct, b->st, b->nst);
	memcpy(out + off_strings, b->str, b->nstr);
	*lenp = total;
	return out;
}

static struct fdtb bld;

static struct fdtb *b_new(void)
{
	memset(&bld, 0, sizeof(bld));
	return &bld;
}

/* A small valid blob: / { compatible; a { reg; }; b@1 { }; }. */
static uint8_t *small_blob(size_t *lenp)
{
	struct fdtb *b = b_new();

	b->rsv[0][0] = 0x1000;
	b->rsv[0][1] = 0x2000;
	b->nrsv = 1;
	b_begin(b, "");
	b_prop_str(b, "compatible", "riscv");
	b_begin(b, "a");
	b_prop_u32(b, "reg", 0x42);
	b_end(b);
	b_begin(b, "b@1");
	b_end(b);
	b_end(b);
	return b_finish(b, 0, lenp);
}

static void test_deep_nesting(unsigned levels)
{
	struct fdtb *b = b_new();
	char name[16], *path = calloc(levels, 8);
	size_t len, pl = 0;

	check_phase("deep nesting");
	b_begin(b, "");
	for (unsigned i = 0; i < levels; i++) {
		snprintf(name, sizeof(name), "n%u", i);
		pl += (size_t)sprintf(path + pl, "/%s", name);
		b_begin(b, name);
		b_prop_u32(b, "level", i);
	}
	b_prop_str(b, "compatible", "deep");
	for (unsigned i = 0; i <= levels; i++)
		b_end(b);
	uint8_t *blob = b_finish(b, 0, &len);
	struct fdt f;
	CHECK_IEQ(fdt_init(&f, blob, len), 0);

	/* The depth-tracking walk gives up past FDT_MAX_DEPTH. */
	int depth = 0, n = 0, count = 0;
	while ((n = fdt_next_node(&f, n, &depth)) >= 0 && count < 100000)
		count++;
	CHECK_IEQ(count, FDT_MAX_DEPTH);
	CHECK_IEQ(n, FDT_E_BADDEPTH);
	/* Lookups that need no depth still work, at any depth. */
	int deepest = fdt_path(&f, path);
	uint32_t lv = 0;
	CHECK(fdt_getprop_u32(&f, deepest, "level", &lv));
	CHECK_EQ(lv, levels - 1);
	CHECK_IEQ(fdt_find_compatible(&f, -1, "deep"), deepest);
	/* fdt_parent copes up to FDT_MAX_DEPTH and fails cleanly below it. */
	path[0] = 0;
	pl = 0;
	int at[FDT_MAX_DEPTH + 2];
	for (unsigned i = 0; i < FDT_MAX_DEPTH + 1; i++) {
		pl += (size_t)sprintf(path + pl, "/n%u", i);
		at[i] = fdt_path(&f, path);
	}
	for (unsigned i = 1; i < FDT_MAX_DEPTH; i++)
		CHECK_IEQ(fdt_parent(&f, at[i]), at[i - 1]);
	CHECK_IEQ(fdt_parent(&f, at[FDT_MAX_DEPTH]), FDT_E_BADDEPTH);
	uint64_t a, s;
	CHECK(fdt_reg(&f, deepest, 0, &a, &s) < 0);
	cur = blob;
	cur_len = len;
	exercise(blob, len, true);
	free(blob);
	free(path);
}

static void test_unterminated(void)
{
	struct fdtb *b;
	struct fdt f;
	size_t len;
	uint8_t *blob;
	int l;

	check_phase("unterminated node name");
	b = b_new();
	b_begin(b, "");
	b_u32(b, 1);
	b_bytes(b, "abcd", 4); /* no NUL inside the structure block */
	blob = b_finish(b, B_NO_END, &len);
	CHECK_IEQ(fdt_init(&f, blob, len), 0);
	CHECK_IEQ(fdt_next_node(&f, 0, NULL), FDT_E_TRUNCATED);
	CHECK(fdt_node_name(&f, 8) == NULL);
	CHECK(fdt_first_child(&f, 0) < 0);
	CHECK(fdt_path(&f, "/abcd") < 0);
	CHECK(fdt_getprop(&f, 0, "x", NULL) == NULL);
	exercise(blob, len, true);
	free(blob);

	check_phase("unterminated root name");
	b = b_new();
	b_u32(b, 1);
	b_bytes(b, "root", 4);
	blob = b_finish(b, B_NO_END, &len);
	CHECK_IEQ(fdt_init(&f, blob, len), 0);
	CHECK(fdt_node_name(&f, 0) == NULL);
	CHECK_IEQ(fdt_next_node(&f, 0, NULL), FDT_E_TRUNCATED);
	CHECK(fdt_getprop(&f, 0, "x", NULL) == NULL);
	CHECK(fdt_path(&f, "/x") < 0);
	exercise(blob, len, true);
	free(blob);

	check_phase("unterminated property name");
	b = b_new();
	b_string(b, "good");
	b_string(b, "after");
	uint32_t badoff = b->nstr; /* "bad" without NUL goes last in the block */
	b_begin(b, "");
	b_prop_u32(b, "good", 1);
	b_u32(b, 3);
	b_u32(b, 4);
	b_u32(b, badoff);
	b_bytes(b, "\0\0\0\1", 4);
	b_prop_u32(b, "after", 2);
	b_end(b);
	memcpy(b->str + b->nstr, "bad", 3);
	b->nstr += 3;
	blob = b_finish(b, 0, &len);
	CHECK_IEQ(fdt_init(&f, blob, len), 0);
	uint32_t v = 0;
	CHECK(fdt_getprop_u32(&f, 0, "good", &v) && v == 1);
	CHECK(fdt_getprop(&f, 0, "bad", NULL) == NULL);
	CHECK(fdt_getprop_u32(&f, 0, "after", &v) && v == 2);
	exercise(blob, len, true);
	free(blob);

	check_phase("name offset past the strings block");
	b = b_new();
	b_begin(b, "");
	b_u32(b, 3);
	b_u32(b, 0);
	b_u32(b, 0xfffffff0);
	b_prop_u32(b, "x", 3);
	b_end(b);
	blob = b_finish(b, 0, &len);
	CHECK_IEQ(fdt_init(&f, blob, len), 0);
	CHECK(fdt_getprop_u32(&f, 0, "x", &v) && v == 3);
	CHECK(fdt_getprop(&f, 0, "", NULL) == NULL);
	exercise(blob, len, true);
	free(blob);

	check_phase("unterminated string value");
	b = b_new();
	b_begin(b, "");
	b_prop(b, "compatible", "abc", 3);
	b_prop(b, "status", "disabledX", 8);
	b_end(b);
	blob = b_finish(b, 0, &len);
	CHECK_IEQ(fdt_init(&f, blob, len), 0);
	CHECK(fdt_getprop_str(&f, 0, "compatible") == NULL);
	CHECK(!fdt_is_compatible(&f, 0, "abc"));
	CHECK(fdt_getprop(&f, 0, "compatible", &l) != NULL && l == 3);
	CHECK(fdt_node_enabled(&f, 0)); /* unreadable status counts as absent */
	exercise(blob, len, true);
	free(blob);
}

static void test_prop_lengths(void)
{
	static const uint32_t lens[] = {9, 12, 16, 0x1000, 0x7ffffffc, 0xfffffff8, 0xffffffff};
	struct fdt f;
	size_t len;

	check_phase("property length past the block");
	for (size_t i = 0; i < sizeof(lens) / sizeof(lens[0]); i++) {
		struct fdtb *b = b_new();
		b_begin(b, "");
		b_prop_u32(b, "ok", 7);
		b_u32(b, 3);
		b_u32(b, lens[i]);
		b_u32(b, b_string(b, "big"));
		b_u32(b, 0); /* 4 value bytes, then FDT_END: 8 bytes left for the value */
		uint8_t *blob = b_finish(b, 0, &len);
		CHECK_IEQ(fdt_init(&f, blob, len), 0);
		uint32_t v = 0;
		CHECK(fdt_getprop_u32(&f, 0, "ok", &v) && v == 7);
		CHECK(fdt_getprop(&f, 0, "big", NULL) == NULL);
		CHECK_IEQ(fdt_next_node(&f, 0, NULL), FDT_E_TRUNCATED);
		exercise(blob, len, true);
		free(blob);
	}

	check_phase("property header cut by the block end");
	struct fdtb *b = b_new();
	b_begin(b, "");
	b_u32(b, 3);
	b_u32(b, 0);
	uint8_t *blob = b_finish(b, B_NO_END, &len);
	CHECK_IEQ(fdt_init(&f, blob, len), 0);
	CHECK(fdt_getprop(&f, 0, "x", NULL) == NULL);
	CHECK_IEQ(fdt_next_node(&f, 0, NULL), FDT_E_TRUNCATED);
	exercise(blob, len, true);
	free(blob);

	check_phase("unknown token and NOPs");
	b = b_new();
	b_begin(b, "");
	b_u32(b, 4);
	b_prop_u32(b, "x", 1);
	b_u32(b, 4);
	b_begin(b, "kid");
	b_u32(b, 4);
	b_end(b);
	b_u32(b, 5); /* not a token */
	b_end(b);
	blob = b_finish(b, 0, &len);
	CHECK_IEQ(fdt_init(&f, blob, len), 0);
	uint32_t v = 0;
	CHECK(fdt_getprop_u32(&f, 0, "x", &v) && v == 1);
	int kid = fdt_first_child(&f, 0);
	CHECK_STREQ(fdt_node_name(&f, kid), "kid");
	CHECK_IEQ(fdt_next_sibling(&f, kid), FDT_E_BADSTRUCT);
	CHECK_IEQ(fdt_next_node(&f, kid, NULL), FDT_E_BADSTRUCT);
	exercise(blob, len, true);
	free(blob);
}

struct hdr_case {
	const char *what;
	size_t field;  /* byte offset of the header word */
	int64_t value; /* new value; -1: keep */
	int expect;
};

static void test_header(void)
{
	size_t len;
	uint8_t *good = small_blob(&len);
	struct fdt f;
	uint64_t a, s;

	check_phase("header: valid small blob");
	CHECK_IEQ(fdt_init(&f, good, len), 0);
	CHECK_IEQ(fdt_memrsv(&f, 0, &a, &s), 0);
	CHECK(a == 0x1000 && s == 0x2000);
	CHECK_IEQ(fdt_memrsv(&f, 1, &a, &s), FDT_E_NOTFOUND);
	CHECK_IEQ(fdt_reg(&f, fdt_path(&f, "/a"), 0, &a, &s), FDT_E_NOTFOUND); /* 2+1 cells */

	check_phase("header: bad fields");
	uint32_t os = get32(good, 8), ostr = get32(good, 12), sst = get32(good, 36);
	const struct hdr_case cases[] = {
	        {"magic", 0, 0xd00dfeee, FDT_E_BADMAGIC},
	        {"magic swapped", 0, 0xedfe0dd0, FDT_E_BADMAGIC},
	        {"version 15", 20, 15, FDT_E_BADVERSION},
	        {"last_comp 18", 24, 18, FDT_E_BADVERSION},
	        {"totalsize < header", 4, 39, FDT_E_BADHEADER},
	        {"totalsize > buffer", 4, (int64_t)len + 1, FDT_E_BADHEADER},
	        {"totalsize huge", 4, 0xffffffff, FDT_E_BADHEADER},
	        {"off_struct 0", 8, 0, FDT_E_BADHEADER},
	        {"off_struct in header", 8, 36, FDT_E_BADHEADER},
	        {"off_struct past end", 8, (int64_t)len + 4, FDT_E_BADHEADER},
	        {"off_struct unaligned", 8, os + 2, FDT_E_BADHEADER},
	        {"size_struct past end", 36, (int64_t)len, FDT_E_BADHEADER},
	        {"size_struct huge", 36, 0xfffffffc, FDT_E_BADHEADER},
	        {"size_struct 0", 36, 0, FDT_E_BADHEADER},
	        {"size_struct unaligned", 36, sst - 2, FDT_E_BADHEADER},
	        {"off_strings past end", 12, (int64_t)len + 1, FDT_E_BADHEADER},
	        {"size_strings past end", 32, (int64_t)(len - ostr + 1), FDT_E_BADHEADER},
	        {"size_strings wraps", 32, 0xffffffff, FDT_E_BADHEADER},
	        {"off_rsvmap in header", 16, 8, FDT_E_BADHEADER},
	        {"off_rsvmap unaligned", 16, 44, FDT_E_BADHEADER},
	        {"off_rsvmap past end", 16, (int64_t)len + 8, FDT_E_BADHEADER},
	        {"version 16", 20, 16, 0},
	        {"future version", 20, 0xffffffff, 0},
	        {"last_comp 1", 24, 1, 0},
	        {"size_strings 0", 32, 0, 0},
	        {"off_rsvmap at end", 16, (int64_t)(len & ~7ul), 0},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint8_t *b = malloc(len);
		memcpy(b, good, len);
		put32(b, cases[i].field, (uint32_t)cases[i].value);
		check_phase(cases[i].what);
		CHECK_IEQ(fdt_init(&f, b, len), cases[i].expect);
		exercise(b, len, true);
		free(b);
	}

	check_phase("header: first token not a node");
	uint8_t *b = malloc(len);
	memcpy(b, good, len);
	put32(b, os, 4);
	CHECK_IEQ(fdt_init(&f, b, len), FDT_E_BADSTRUCT);
	free(b);

	check_phase("header: buffer and pointer");
	CHECK_IEQ(fdt_init(&f, NULL, len), FDT_E_BADHEADER);
	CHECK_IEQ(fdt_init(&f, good, 39), FDT_E_BADHEADER);
	CHECK_IEQ(fdt_init(&f, good, 0), FDT_E_BADHEADER);
	b = malloc(len + 8);
	for (int mis = 1; mis < 4; mis++) {
		memcpy(b + mis, good, len);
		CHECK_IEQ(fdt_init(&f, b + mis, len), FDT_E_BADHEADER);
	}
	free(b);

	check_phase("header: v16 size from the block offsets");
	b = malloc(len);
	memcpy(b, good, len);
	put32(b, 20, 16);
	put32(b, 36, 0xdead); /* ignored by version 16 readers */
	CHECK_IEQ(fdt_init(&f, b, len), 0);
	CHECK_EQ(f.size_struct, ostr - os);
	CHECK_IEQ(fdt_path(&f, "/b"), fdt_path(&f, "/b@1"));
	CHECK(fdt_path(&f, "/b") > 0);
	free(b);
	free(good);

	check_phase("memory reservations without terminator");
	struct fdtb *bb = b_new();
	bb->nrsv = 3;
	for (int i = 0; i < 3; i++) {
		bb->rsv[i][0] = 0x100000000ULL * (uint64_t)(i + 1);
		bb->rsv[i][1] = 0x1000 * (uint64_t)(i + 1);
	}
	b_begin(bb, "");
	b_end(bb);
	b = b_finish(bb, B_RSV_LAST, &len);
	CHECK_IEQ(fdt_init(&f, b, len), 0);
	for (int i = 0; i < 3; i++) {
		CHECK_IEQ(fdt_memrsv(&f, i, &a, &s), 0);
		CHECK_EQ(a, 0x100000000ULL * (uint64_t)(i + 1));
		CHECK_EQ(s, 0x1000 * (uint64_t)(i + 1));
	}
	CHECK_IEQ(fdt_memrsv(&f, 3, &a, &s), FDT_E_TRUNCATED);
	exercise(b, len, true);
	free(b);
}

int main(void)
{
	size_t basic_len, qemu_len;

	check_timeout(120);
	uint8_t *basic = check_read_file(FDT_BASIC_DTB, &basic_len);
	uint8_t *qemu = check_read_file(FDT_QEMU_DTB, &qemu_len);

	test_header();
	test_unterminated();
	test_prop_lengths();
	test_deep_nesting(FDT_MAX_DEPTH + 8);
	test_deep_nesting(1000);

	truncations(basic, basic_len);
	truncations(qemu, qemu_len);
	mutations(basic, basic_len, 4000, true);
	mutations(qemu, qemu_len, 1000, false);

	free(basic);
	free(qemu);
	return check_done("fdt_fuzz_test");
}
