/*
 * qsort.c - sorting: qsort and qsort_r. Introsort: median-of-three
 * quicksort that falls back to heapsort past 2*log2(n) levels, and
 * insertion sort for short runs, so the worst case is O(n log n).
 */
#include <stdlib.h>
#include <string.h>
#include "libc.h"

typedef int (*cmp_r_t)(const void *, const void *, void *);

struct sorter {
	size_t size;
	cmp_r_t cmp;
	void *arg;
};

/* Exchange two elements. */
static void swap(char *a, char *b, size_t size)
{
	if (a == b)
		return;
	if (size == sizeof(long) && !(((uintptr_t)a | (uintptr_t)b) & (sizeof(long) - 1))) {
		long t = *(long *)a;
		*(long *)a = *(long *)b;
		*(long *)b = t;
		return;
	}
	while (size) {
		char buf[64];
		size_t n = size < sizeof(buf) ? size : sizeof(buf);
		memcpy(buf, a, n);
		memcpy(a, b, n);
		memcpy(b, buf, n);
		a += n;
		b += n;
		size -= n;
	}
}

static inline int cmp(const struct sorter *s, const char *a, const char *b)
{
	return s->cmp(a, b, s->arg);
}

/* Insertion sort of n elements at base. */
static void insertion(const struct sorter *s, char *base, size_t n)
{
	for (size_t i = 1; i < n; i++)
		for (char *p = base + i * s->size; p > base && cmp(s, p - s->size, p) > 0;
		     p -= s->size)
			swap(p - s->size, p, s->size);
}

/* Restore the max-heap below element i of an n-element heap. */
static void sift(const struct sorter *s, char *base, size_t i, size_t n)
{
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= n)
			return;
		if (c + 1 < n && cmp(s, base + c * s->size, base + (c + 1) * s->size) < 0)
			c++;
		if (cmp(s, base + i * s->size, base + c * s->size) >= 0)
			return;
		swap(base + i * s->size, base + c * s->size, s->size);
		i = c;
	}
}

/* Heapsort of n elements. */
static void heapsort_(const struct sorter *s, char *base, size_t n)
{
	for (size_t i = n / 2; i-- > 0;)
		sift(s, base, i, n);
	for (size_t i = n - 1; i > 0; i--) {
		swap(base, base + i * s->size, s->size);
		sift(s, base, 0, i);
	}
}

/* Introsort of n elements with the given depth budget. */
static void intro(const struct sorter *s, char *base, size_t n, int depth)
{
	size_t sz = s->size;

	while (n > 12) {
		if (depth-- == 0) {
			heapsort_(s, base, n);
			return;
		}
		/* Median of first, middle and last moved to the front as pivot. */
		char *lo = base, *mid = base + (n / 2) * sz, *hi = base + (n - 1) * sz;
		if (cmp(s, mid, lo) < 0)
			swap(mid, lo, sz);
		if (cmp(s, hi, mid) < 0) {
			swap(hi, mid, sz);
			if (cmp(s, mid, lo) < 0)
				swap(mid, lo, sz);
		}
		swap(base, mid, sz);
		/* Hoare partition around base[0]. */
		char *i = base, *j = base + n * sz;
		for (;;) {
			do
				i += sz;
			while (i < base + n * sz && cmp(s, i, base) < 0);
			do
				j -= sz;
			while (cmp(s, j, base) > 0);
			if (i >= j)
				break;
			swap(i, j, sz);
		}
		swap(base, j, sz);
		size_t left = (size_t)(j - base) / sz, right = n - left - 1;
		/* Recurse into the smaller part, loop on the larger. */
		if (left < right) {
			intro(s, base, left, depth);
			base = j + sz;
			n = right;
		} else {
			intro(s, j + sz, right, depth);
			n = left;
		}
	}
	insertion(s, base, n);
}

/* Sort n elements of the given size with a comparison that takes arg. */
void qsort_r(void *base, size_t n, size_t size, cmp_r_t compar, void *arg)
{
	struct sorter s = {size, compar, arg};
	int depth = 0;

	if (n < 2 || size == 0)
		return;
	for (size_t m = n; m; m >>= 1)
		depth += 2;
	intro(&s, base, n, depth);
}

static int call_plain(const void *a, const void *b, void *arg)
{
	return (*(int (**)(const void *, const void *))arg)(a, b);
}

/* Sort n elements of the given size. */
void qsort(void *base, size_t n, size_t size, int (*compar)(const void *, const void *))
{
	qsort_r(base, n, size, call_plain, &compar);
}

/* Binary search of a sorted array; returns a matching element or NULL. */
void *bsearch(const void *key, const void *base, size_t n, size_t size,
              int (*compar)(const void *, const void *))
{
	const char *b = base;

	while (n > 0) {
		const char *mid = b + (n / 2) * size;
		int c = compar(key, mid);
		if (c == 0)
			return (void *)mid;
		if (c > 0) {
			b = mid + size;
			n -= n / 2 + 1;
		} else {
			n /= 2;
		}
	}
	return NULL;
}
