/*
 * malloc_impl.h - internals of QSOE's allocator shared by its files.
 *
 * Small requests come from 64 KiB "slabs", each holding chunks of one
 * size class; larger ones get their own mapping. Every pointer handed out
 * is preceded by a 16-byte header whose check word covers its address, so
 * overwriting it is detected at free; unused bytes after the requested
 * size hold a canary; a per-slab bitmap is the authority on which chunks
 * are allocated, so a second free is reported, never silently accepted.
 * A registry (open-addressing hash table) knows every slab and large
 * allocation, so a pointer malloc never returned is also reported.
 */
#ifndef QSOE_LIBC_MALLOC_IMPL_H
#define QSOE_LIBC_MALLOC_IMPL_H

#include <stddef.h>
#include <stdint.h>

#define M_SLAB_SIZE  65536u /* slab size and alignment */
#define M_HDR        16u    /* header bytes before every user pointer */
#define M_NCLASS     35     /* chunk classes 32 .. 16384 bytes */
#define M_MAX_CHUNK  16384u
#define M_MAX_SLOTS  2048u /* 64 KiB / 32 */
#define M_CANARY_MAX 16u   /* canary bytes checked after the request */

/* Header in front of every user pointer (16 bytes). */
struct m_hdr {
	uint32_t req;   /* requested size */
	uint16_t slot;  /* slot in the slab (small), 0xffff for large */
	uint16_t cls;   /* size class (small) */
	uint64_t check; /* __m_check(address, req, slot, cls) */
};

/* A slab: 64 KiB aligned; this header, then nslots chunks. */
struct m_slab {
	uint64_t check; /* __m_check of the slab's address */
	struct m_slab *prev, *next;
	uint32_t cls, chunk, nslots, nfree, hint, data;
	uint64_t freemap[M_MAX_SLOTS / 64]; /* 1 = free */
};

/* A large allocation's record at the start of its mapping. */
struct m_large {
	uint64_t check;
	size_t maplen; /* bytes mapped */
	size_t req;    /* requested size */
	void *user;    /* the pointer returned */
};

uint64_t __m_check(uintptr_t addr, uint64_t a, uint64_t b);
__attribute__((noreturn)) void __m_abort(const char *what, const void *p);

/* Registry of slabs (key: slab address) and large blocks (key: user pointer). */
int __m_reg_add(uintptr_t key, void *val);
void *__m_reg_find(uintptr_t key);
void __m_reg_del(uintptr_t key);

/* The OS: mapping and unmapping anonymous memory (NULL on failure). */
void *__m_map(size_t len);
void __m_unmap(void *p, size_t len);

#endif /* QSOE_LIBC_MALLOC_IMPL_H */
