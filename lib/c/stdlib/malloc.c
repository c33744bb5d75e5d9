/*
 * malloc.c - QSOE's memory allocator (see internal/malloc_impl.h for the
 * design): malloc, free, calloc, realloc, reallocarray, aligned_alloc,
 * posix_memalign, memalign, valloc, malloc_usable_size, malloc_trim.
 *
 * One lock protects everything. Errors in the caller's use of the heap
 * (double free, a pointer malloc never returned, an overwritten header or
 * canary) print "malloc: ..." to stderr and abort().
 */
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include "libc.h"
#include "lock.h"
#include "malloc_impl.h"

#define PAGE        4096u
#define LARGE_CACHE 8          /* freed large mappings kept for reuse */
#define CACHE_BYTES (2u << 20) /* ... up to this many bytes in total */
#define CANARY      0xa5u
/* Registry key of a large block (never equal to a 64 KiB-aligned slab key). */
#define LARGE_KEY(u) ((uintptr_t)(u) | 8)

static qsoe_lock_t mlock = QSOE_LOCK_INIT;
static uint64_t secret;
static struct m_slab *partial[M_NCLASS]; /* slabs of each class with free chunks */
static struct m_slab *empty[M_NCLASS];   /* one cached empty slab per class */

static struct {
	void *base;
	size_t len;
} cache[LARGE_CACHE];
static size_t cache_bytes;

/* Recently freed large pointers, to tell a double free from a bad pointer. */
static uintptr_t freed_ring[64];
static unsigned freed_pos;

/* Chunk size of class c. */
static uint32_t class_size(unsigned c)
{
	if (c < 7)
		return 32 + 16 * c;
	unsigned lg = 7 + (c - 7) / 4, sub = (c - 7) % 4;
	return (5 + sub) << (lg - 2);
}

/* Smallest class whose chunks hold need bytes (need <= M_MAX_CHUNK). */
static unsigned class_of(size_t need)
{
	if (need <= 128)
		return need <= 32 ? 0 : (unsigned)((need + 15) / 16 - 2);
	unsigned lg = 63 - (unsigned)__builtin_clzl(need - 1);
	unsigned sub = (unsigned)((need - 1) >> (lg - 2)) & 3;
	return 7 + (lg - 7) * 4 + sub;
}

/* Keyed hash of a header's contents and address. */
uint64_t __m_check(uintptr_t addr, uint64_t a, uint64_t b)
{
	uint64_t h = (addr ^ secret) * 0x9e3779b97f4a7c15ULL;
	h ^= a + 0x632be59bd9b4e019ULL + (h << 6) + (h >> 2);
	h ^= b * 0xc2b2ae3d27d4eb4fULL;
	h ^= h >> 31;
	return h * 0xff51afd7ed558ccdULL;
}

static void init_secret(void)
{
	int local;
	uint64_t s = (uint64_t)(uintptr_t)&local ^ ((uint64_t)(uintptr_t)&secret << 17);
	s ^= s >> 33;
	s *= 0xff51afd7ed558ccdULL;
	secret = s | 1;
}

/* Write a header in front of user pointer p. */
static void put_hdr(void *p, size_t req, unsigned slot, unsigned cls)
{
	struct m_hdr *h = (struct m_hdr *)((char *)p - M_HDR);
	h->req = (uint32_t)req;
	h->slot = (uint16_t)slot;
	h->cls = (uint16_t)cls;
	h->check = __m_check((uintptr_t)p, req, (uint64_t)slot << 16 | cls);
}

static int hdr_ok(const void *p)
{
	const struct m_hdr *h = (const struct m_hdr *)((const char *)p - M_HDR);
	return h->check == __m_check((uintptr_t)p, h->req, (uint64_t)h->slot << 16 | h->cls);
}

/* Fill the canary after req bytes at p, up to end. */
static void put_canary(void *p, size_t req, const char *end)
{
	unsigned char *c = (unsigned char *)p + req;
	for (unsigned i = 0; i < M_CANARY_MAX && (char *)c < end; i++, c++)
		*c = (unsigned char)(CANARY ^ i);
}

static void check_canary(const void *p, size_t req, const char *end)
{
	const unsigned char *c = (const unsigned char *)p + req;
	for (unsigned i = 0; i < M_CANARY_MAX && (const char *)c < end; i++, c++)
		if (*c != (unsigned char)(CANARY ^ i))
			__m_abort("buffer overflow past the end of", p);
}

/* ---- slabs ----------------------------------------------------------------- */

static void slab_seal(struct m_slab *s)
{
	s->check = __m_check((uintptr_t)s, s->cls, (uint64_t)s->chunk << 32 | s->nslots);
}

static void slab_verify(const struct m_slab *s, const void *p)
{
	if (s->check != __m_check((uintptr_t)s, s->cls, (uint64_t)s->chunk << 32 | s->nslots))
		__m_abort("heap metadata corrupted near", p);
}

/* Map a 64 KiB-aligned slab for class c. */
static struct m_slab *slab_new(unsigned c)
{
	char *raw = __m_map(2 * M_SLAB_SIZE);
	if (!raw)
		return NULL;
	uintptr_t a = ((uintptr_t)raw + M_SLAB_SIZE - 1) & ~(uintptr_t)(M_SLAB_SIZE - 1);
	if (a > (uintptr_t)raw)
		__m_unmap(raw, a - (uintptr_t)raw);
	uintptr_t tail = (uintptr_t)raw + 2 * M_SLAB_SIZE - (a + M_SLAB_SIZE);
	if (tail)
		__m_unmap((char *)a + M_SLAB_SIZE, tail);

	struct m_slab *s = (struct m_slab *)a;
	if (__m_reg_add(a, s)) {
		__m_unmap(s, M_SLAB_SIZE);
		return NULL;
	}
	s->cls = c;
	s->chunk = class_size(c);
	s->data = (uint32_t)((sizeof(*s) + 15) & ~15u);
	s->nslots = (M_SLAB_SIZE - s->data) / s->chunk;
	s->nfree = s->nslots;
	s->hint = 0;
	s->prev = s->next = NULL;
	memset(s->freemap, 0, sizeof(s->freemap));
	for (unsigned i = 0; i < s->nslots; i++)
		s->freemap[i / 64] |= 1ULL << (i % 64);
	slab_seal(s);
	return s;
}

static void list_remove(struct m_slab *s)
{
	if (s->prev)
		s->prev->next = s->next;
	else
		partial[s->cls] = s->next;
	if (s->next)
		s->next->prev = s->prev;
	s->prev = s->next = NULL;
}

static void list_push(struct m_slab *s)
{
	s->prev = NULL;
	s->next = partial[s->cls];
	if (s->next)
		s->next->prev = s;
	partial[s->cls] = s;
}

static void slab_free_mapping(struct m_slab *s)
{
	__m_reg_del((uintptr_t)s);
	s->check = 0;
	__m_unmap(s, M_SLAB_SIZE);
}

/* Take a free chunk of class c; returns the chunk start or NULL. */
static char *small_take(unsigned c, unsigned *slotp)
{
	struct m_slab *s = partial[c];

	if (!s) {
		s = empty[c];
		if (s)
			empty[c] = NULL;
		else if (!(s = slab_new(c)))
			return NULL;
		list_push(s);
	}
	unsigned w = s->hint;
	while (!s->freemap[w])
		w++;
	unsigned slot = w * 64 + (unsigned)__builtin_ctzll(s->freemap[w]);
	s->freemap[w] &= s->freemap[w] - 1;
	s->hint = w;
	if (--s->nfree == 0)
		list_remove(s);
	*slotp = slot;
	return (char *)s + s->data + (size_t)slot * s->chunk;
}

/* Return chunk slot of slab s (p is the user pointer, for messages). */
static void small_give(struct m_slab *s, unsigned slot, const void *p)
{
	if (s->freemap[slot / 64] & (1ULL << (slot % 64)))
		__m_abort("double free of", p);
	s->freemap[slot / 64] |= 1ULL << (slot % 64);
	if (slot / 64 < s->hint)
		s->hint = slot / 64;
	if (s->nfree++ == 0)
		list_push(s);
	if (s->nfree == s->nslots) {
		list_remove(s);
		if (empty[s->cls])
			slab_free_mapping(s);
		else
			empty[s->cls] = s;
	}
}

/* ---- large blocks --------------------------------------------------------- */

/* A mapping of at least len bytes (from the cache if one fits well). */
static void *large_map(size_t len, size_t *maplen)
{
	int best = -1;

	for (int i = 0; i < LARGE_CACHE; i++)
		if (cache[i].base && cache[i].len >= len && cache[i].len <= len + len / 4 &&
		    (best < 0 || cache[i].len < cache[best].len))
			best = i;
	if (best >= 0) {
		void *b = cache[best].base;
		*maplen = cache[best].len;
		cache_bytes -= cache[best].len;
		cache[best].base = NULL;
		memset(b, 0, sizeof(struct m_large));
		return b;
	}
	*maplen = len;
	return __m_map(len);
}

static void large_unmap(void *base, size_t len)
{
	if (len <= CACHE_BYTES / 4 && cache_bytes + len <= CACHE_BYTES) {
		for (int i = 0; i < LARGE_CACHE; i++)
			if (!cache[i].base) {
				cache[i].base = base;
				cache[i].len = len;
				cache_bytes += len;
				return;
			}
	}
	__m_unmap(base, len);
}

/* Allocate req bytes aligned to align (a power of two >= 16) in a mapping. */
static void *large_alloc(size_t req, size_t align)
{
	size_t pre = (sizeof(struct m_large) + M_HDR + align - 1) & ~(align - 1);
	if (align > PAGE)
		pre += align; /* room to slide to an aligned address */
	if (req > SIZE_MAX / 2 - pre - PAGE)
		return NULL;
	size_t len = (pre + req + M_CANARY_MAX + PAGE - 1) & ~(size_t)(PAGE - 1);
	size_t maplen;
	char *base = large_map(len, &maplen);
	if (!base)
		return NULL;
	uintptr_t u = ((uintptr_t)base + sizeof(struct m_large) + M_HDR + align - 1) &
	              ~(uintptr_t)(align - 1);
	struct m_large *L = (struct m_large *)base;
	L->maplen = maplen;
	L->req = req;
	L->user = (void *)u;
	L->check = __m_check((uintptr_t)base, maplen, req ^ u);
	if (__m_reg_add(LARGE_KEY(u), base)) {
		large_unmap(base, maplen);
		return NULL;
	}
	put_hdr((void *)u, req > 0xffffffffu ? 0xffffffffu : req, 0xffff, 0);
	put_canary((void *)u, req, base + maplen);
	return (void *)u;
}

/* ---- the public functions ------------------------------------------------- */

/* Allocate size bytes aligned to align; the caller holds the lock. */
static void *alloc_locked(size_t size, size_t align)
{
	if (!secret)
		init_secret();
	size_t slack = align > M_HDR ? align - M_HDR : 0;
	if (size <= M_MAX_CHUNK && size + M_HDR + 1 + slack <= M_MAX_CHUNK) {
		unsigned c = class_of(size + M_HDR + 1 + slack), slot;
		char *chunk = small_take(c, &slot);
		if (!chunk)
			return NULL;
		char *p =
		        (char *)(((uintptr_t)chunk + M_HDR + align - 1) & ~(uintptr_t)(align - 1));
		put_hdr(p, size, slot, c);
		put_canary(p, size, chunk + class_size(c));
		return p;
	}
	return large_alloc(size, align);
}

/* What free/realloc learn about a valid allocated pointer. */
struct info {
	struct m_slab *slab; /* NULL for a large block */
	struct m_large *large;
	unsigned slot;
	size_t req;
	const char *end; /* end of the chunk or mapping */
};

/* Validate p and describe it; aborts on a pointer that is not live. */
static void lookup(void *p, struct info *in)
{
	uintptr_t a = (uintptr_t)p;
	struct m_slab *s = __m_reg_find(a & ~(uintptr_t)(M_SLAB_SIZE - 1));

	if ((a & 15) != 0)
		__m_abort("free of a misaligned pointer", p);
	if (s) {
		slab_verify(s, p);
		const struct m_hdr *h = (const struct m_hdr *)((char *)p - M_HDR);
		if (a < (uintptr_t)s + s->data + M_HDR)
			__m_abort("free of invalid pointer", p);
		unsigned slot = (unsigned)((a - M_HDR - (uintptr_t)s - s->data) / s->chunk);
		if (slot >= s->nslots)
			__m_abort("free of invalid pointer", p);
		if (s->freemap[slot / 64] & (1ULL << (slot % 64)))
			__m_abort("double free of", p);
		if (!hdr_ok(p) || h->slot != slot || h->cls != s->cls)
			__m_abort("header overwritten (buffer overflow?) or invalid pointer", p);
		in->slab = s;
		in->large = NULL;
		in->slot = slot;
		in->req = h->req;
		in->end = (char *)s + s->data + (size_t)(slot + 1) * s->chunk;
		return;
	}
	struct m_large *L = __m_reg_find(LARGE_KEY(a));
	if (!L) {
		for (unsigned i = 0; i < 64; i++)
			if (freed_ring[i] == a)
				__m_abort("double free of", p);
		__m_abort("free of invalid pointer", p);
	}
	if (L->check != __m_check((uintptr_t)L, L->maplen, L->req ^ a) || L->user != p ||
	    !hdr_ok(p))
		__m_abort("header overwritten (buffer overflow?) of", p);
	in->slab = NULL;
	in->large = L;
	in->req = L->req;
	in->end = (char *)L + L->maplen;
}

/* Release a validated allocation; the caller holds the lock. */
static void release(void *p, struct info *in)
{
	check_canary(p, in->req, in->end);
	if (in->slab) {
		small_give(in->slab, in->slot, p);
		return;
	}
	__m_reg_del(LARGE_KEY((uintptr_t)p));
	freed_ring[freed_pos++ % 64] = (uintptr_t)p;
	in->large->check = 0;
	large_unmap(in->large, in->large->maplen);
}

/* Allocate size bytes (16-aligned); NULL with ENOMEM on failure. */
void *malloc(size_t size)
{
	qsoe_lock(&mlock);
	void *p = alloc_locked(size, 16);
	qsoe_unlock(&mlock);
	if (!p)
		errno = ENOMEM;
	return p;
}

/* Release p (NULL is ignored). Aborts on a double free or a bad pointer. */
void free(void *p)
{
	struct info in;

	if (!p)
		return;
	qsoe_lock(&mlock);
	lookup(p, &in);
	release(p, &in);
	qsoe_unlock(&mlock);
}

/* Zeroed array of n elements of size bytes; NULL/ENOMEM if n * size overflows. */
void *calloc(size_t n, size_t size)
{
	size_t total;

	if (__builtin_mul_overflow(n, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	void *p = malloc(total);
	if (p)
		memset(p, 0, total);
	return p;
}

/*
 * Resize p to size bytes, keeping the contents. realloc(NULL, n) is
 * malloc(n); realloc(p, 0) frees p and returns NULL (as glibc). On failure
 * returns NULL with ENOMEM and p is untouched.
 */
void *realloc(void *p, size_t size)
{
	struct info in;

	if (!p)
		return malloc(size);
	if (size == 0) {
		free(p);
		return NULL;
	}
	qsoe_lock(&mlock);
	lookup(p, &in);
	check_canary(p, in.req, in.end);
	/* Fits in place: same small chunk, or a large mapping not much too big. */
	int fits = (size_t)(in.end - (char *)p) >= size + 1;
	if (fits && in.large)
		fits = size >= in.large->maplen / 2;
	else if (fits && in.slab && in.slab->cls > 0)
		fits = size + M_HDR + 1 > class_size(in.slab->cls - 1) / 2;
	if (fits && size <= 0xffffffffu) {
		struct m_hdr *h = (struct m_hdr *)((char *)p - M_HDR);
		if (in.large) {
			in.large->req = size;
			in.large->check = __m_check((uintptr_t)in.large, in.large->maplen,
			                            size ^ (uintptr_t)p);
		}
		put_hdr(p, size, h->slot, h->cls);
		put_canary(p, size, in.end);
		qsoe_unlock(&mlock);
		return p;
	}
	void *q = alloc_locked(size, 16);
	if (!q) {
		qsoe_unlock(&mlock);
		errno = ENOMEM;
		return NULL;
	}
	memcpy(q, p, in.req < size ? in.req : size);
	release(p, &in);
	qsoe_unlock(&mlock);
	return q;
}

/* realloc(p, n * size) with overflow checking (ENOMEM). */
void *reallocarray(void *p, size_t n, size_t size)
{
	size_t total;

	if (__builtin_mul_overflow(n, size, &total)) {
		errno = ENOMEM;
		return NULL;
	}
	return realloc(p, total);
}

/* Allocate with alignment align (a power of two); 0 or an errno value. */
static int aligned(void **pp, size_t align, size_t size)
{
	if (align & (align - 1))
		return EINVAL;
	if (align < 16)
		align = 16;
	qsoe_lock(&mlock);
	void *p = alloc_locked(size, align);
	qsoe_unlock(&mlock);
	if (!p)
		return ENOMEM;
	*pp = p;
	return 0;
}

/* POSIX: 0, EINVAL (align not a power-of-two multiple of sizeof(void *)) or ENOMEM. */
int posix_memalign(void **pp, size_t align, size_t size)
{
	if (align < sizeof(void *) || (align & (align - 1)))
		return EINVAL;
	return aligned(pp, align, size);
}

/* C11: align must be a power of two; NULL with errno on failure. */
void *aligned_alloc(size_t align, size_t size)
{
	void *p = NULL;
	int e = aligned(&p, align ? align : 1, size);

	if (e) {
		errno = e;
		return NULL;
	}
	return p;
}

/* Obsolete: like aligned_alloc. */
void *memalign(size_t align, size_t size)
{
	return aligned_alloc(align, size);
}

/* Obsolete: page-aligned allocation. */
void *valloc(size_t size)
{
	return aligned_alloc(PAGE, size);
}

/* Bytes usable at p: exactly the size requested (beyond it is the canary). */
size_t malloc_usable_size(void *p)
{
	struct info in;

	if (!p)
		return 0;
	qsoe_lock(&mlock);
	lookup(p, &in);
	qsoe_unlock(&mlock);
	return in.req;
}

/* Give cached empty slabs and large mappings back to the system; returns 1 if any. */
int malloc_trim(size_t pad)
{
	int any = 0;

	(void)pad;
	qsoe_lock(&mlock);
	for (int c = 0; c < M_NCLASS; c++)
		if (empty[c]) {
			slab_free_mapping(empty[c]);
			empty[c] = NULL;
			any = 1;
		}
	for (int i = 0; i < LARGE_CACHE; i++)
		if (cache[i].base) {
			__m_unmap(cache[i].base, cache[i].len);
			cache[i].base = NULL;
			any = 1;
		}
	cache_bytes = 0;
	qsoe_unlock(&mlock);
	return any;
}
