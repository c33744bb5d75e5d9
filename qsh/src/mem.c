/*
 * mem.c - memory management: checked malloc wrappers, the temporary arena
 * (released in bulk to a mark, also on error unwinding), reference counted
 * pools for parse trees, and growable strings and vectors.
 */
#include "qsh.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Report memory exhaustion and terminate: there is no sane way to continue. */
static _Noreturn void oom(void)
{
	static const char m[] = "qsh: out of memory\n";
	(void)!write(2, m, sizeof m - 1);
	_exit(255);
}

/* malloc that never returns NULL (n == 0 allowed). */
void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

/* calloc that never returns NULL; checks n*m for overflow. */
void *xcalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);
	if (!p)
		oom();
	return p;
}

/* realloc that never returns NULL. */
void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

/* strdup on the heap. */
char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Copy n bytes of s and terminate. */
char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

/* Copy n bytes. */
void *xmemdup(const void *p, size_t n)
{
	void *q = xmalloc(n);
	memcpy(q, p, n);
	return q;
}

/* ---------------------------------------------------------- temporary arena */

struct stblock {
	struct stblock *prev;
	size_t size;
	size_t used;
	_Alignas(16) char data[];
};

static struct stblock *sttop;

#define ST_MIN 8192

/* Allocate n bytes (16-byte aligned) in the temporary arena. */
void *stalloc(size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (!sttop || sttop->size - sttop->used < n) {
		size_t sz = n > ST_MIN ? n : ST_MIN;
		if (sttop && sttop->size * 2 > sz && sttop->size < (1u << 20))
			sz = sttop->size * 2;
		struct stblock *b = xmalloc(sizeof *b + sz);
		b->prev = sttop;
		b->size = sz;
		b->used = 0;
		sttop = b;
	}
	void *p = sttop->data + sttop->used;
	sttop->used += n;
	return p;
}

/* strdup into the temporary arena. */
char *ststrdup(const char *s)
{
	return ststrndup(s, strlen(s));
}

/* strndup into the temporary arena. */
char *ststrndup(const char *s, size_t n)
{
	char *p = stalloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

/* Record the current arena position in *m. */
void stmark(struct stmark *m)
{
	m->blk = sttop;
	m->used = sttop ? sttop->used : 0;
}

/* Free everything allocated after mark m was taken. */
void strelease(const struct stmark *m)
{
	while (sttop && sttop != m->blk) {
		struct stblock *b = sttop;
		sttop = b->prev;
		free(b);
	}
	if (sttop)
		sttop->used = m->used;
}

/* ---------------------------------------------------------- pools */

struct pblock {
	struct pblock *next;
	size_t size, used;
	_Alignas(16) char data[];
};

struct pool {
	int refs;
	struct pblock *blocks;
};

/* A new pool with one reference. */
struct pool *pool_new(void)
{
	struct pool *p = xcalloc(1, sizeof *p);
	p->refs = 1;
	return p;
}

/* Allocate zeroed memory that lives as long as the pool. */
void *pool_alloc(struct pool *p, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	struct pblock *b = p->blocks;
	if (!b || b->size - b->used < n) {
		size_t sz = n > 4096 ? n : 4096;
		b = xmalloc(sizeof *b + sz);
		b->size = sz;
		b->used = 0;
		b->next = p->blocks;
		p->blocks = b;
	}
	void *r = b->data + b->used;
	b->used += n;
	memset(r, 0, n);
	return r;
}

/* Copy a string into the pool. */
char *pool_strndup(struct pool *p, const char *s, size_t n)
{
	char *r = pool_alloc(p, n + 1);
	memcpy(r, s, n);
	r[n] = 0;
	return r;
}

/* Take another reference on p. */
struct pool *pool_ref(struct pool *p)
{
	if (p)
		p->refs++;
	return p;
}

/* Drop a reference; the last one frees every block. */
void pool_unref(struct pool *p)
{
	if (!p || --p->refs > 0)
		return;
	struct pblock *b = p->blocks;
	while (b) {
		struct pblock *n = b->next;
		free(b);
		b = n;
	}
	free(p);
}

/* ---------------------------------------------------------- sbuf */

/* An empty heap string buffer. */
void sb_init(struct sbuf *b)
{
	b->s = NULL;
	b->len = b->cap = 0;
}

/* Release the buffer's memory. */
void sb_free(struct sbuf *b)
{
	free(b->s);
	sb_init(b);
}

static void sb_grow(struct sbuf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	size_t nc = b->cap ? b->cap * 2 : 64;
	while (nc < b->len + more + 1)
		nc *= 2;
	b->s = xrealloc(b->s, nc);
	b->cap = nc;
}

/* Append one byte. */
void sb_addc(struct sbuf *b, int c)
{
	sb_grow(b, 1);
	b->s[b->len++] = (char)c;
	b->s[b->len] = 0;
}

/* Append n bytes. */
void sb_addn(struct sbuf *b, const char *s, size_t n)
{
	sb_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = 0;
}

/* Append a C string. */
void sb_adds(struct sbuf *b, const char *s)
{
	sb_addn(b, s, strlen(s));
}

/* Append printf-formatted text. */
void sb_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n > 0) {
		sb_grow(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
		b->len += (size_t)n;
	}
	va_end(ap);
}

/* Hand the string (never NULL) to the caller and reset the buffer. */
char *sb_take(struct sbuf *b)
{
	if (!b->s)
		sb_grow(b, 0);
	b->s[b->len] = 0;
	char *s = b->s;
	sb_init(b);
	return s;
}

/* Empty the buffer but keep its memory. */
void sb_reset(struct sbuf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = 0;
}

/* ---------------------------------------------------------- xstr (arena) */

/* An empty arena string. */
void xs_init(struct xstr *x)
{
	x->s = NULL;
	x->len = x->cap = 0;
}

static void xs_grow(struct xstr *x, size_t more)
{
	if (x->len + more + 1 <= x->cap)
		return;
	size_t nc = x->cap ? x->cap * 2 : 32;
	while (nc < x->len + more + 1)
		nc *= 2;
	char *n = stalloc(nc);
	if (x->len)
		memcpy(n, x->s, x->len);
	x->s = n;
	x->cap = nc;
}

/* Append a byte. */
void xs_addc(struct xstr *x, int c)
{
	xs_grow(x, 1);
	x->s[x->len++] = (char)c;
}

/* Append n bytes. */
void xs_addn(struct xstr *x, const char *s, size_t n)
{
	if (!n)
		return;
	xs_grow(x, n);
	memcpy(x->s + x->len, s, n);
	x->len += n;
}

/* Append a C string. */
void xs_adds(struct xstr *x, const char *s)
{
	xs_addn(x, s, strlen(s));
}

/* The NUL-terminated contents (arena memory). */
char *xs_str(struct xstr *x)
{
	xs_grow(x, 0);
	x->s[x->len] = 0;
	return x->s;
}

/* ---------------------------------------------------------- strv */

/* An empty vector. */
void sv_init(struct strv *v)
{
	v->v = NULL;
	v->n = v->cap = 0;
}

/* Append a pointer; the vector stays NULL-terminated. */
void sv_push(struct strv *v, char *s)
{
	if (v->n + 2 > v->cap) {
		v->cap = v->cap ? v->cap * 2 : 8;
		v->v = xrealloc(v->v, v->cap * sizeof *v->v);
	}
	v->v[v->n++] = s;
	v->v[v->n] = NULL;
}

/* Free the vector (not the strings). */
void sv_free(struct strv *v)
{
	free(v->v);
	sv_init(v);
}

/* a followed by b, in the temporary arena. */
char *xs_cat2(const char *a, const char *b)
{
	struct xstr x;
	xs_init(&x);
	xs_adds(&x, a);
	xs_adds(&x, b);
	return xs_str(&x);
}
