/*
 * fread.c - fread, fwrite and their _unlocked forms.
 */
#include "libc.h"
#include "stdio_impl.h"

/* Read up to n elements of size bytes; returns the number of whole elements read. */
size_t fread_unlocked(void *__restrict p, size_t size, size_t n, FILE *__restrict f)
{
	size_t total;

	if (!size || !n)
		return 0;
	if (__builtin_mul_overflow(size, n, &total))
		total = (size_t)-1 / size * size;
	return __qsoe_fread_unlocked(p, total, f) / size;
}

size_t fread(void *__restrict p, size_t size, size_t n, FILE *__restrict f)
{
	FLOCK(f);
	size_t r = fread_unlocked(p, size, n, f);
	FUNLOCK(f);
	return r;
}

/* Write n elements of size bytes; returns the number of whole elements written. */
size_t fwrite_unlocked(const void *__restrict p, size_t size, size_t n, FILE *__restrict f)
{
	size_t total;

	if (!size || !n)
		return 0;
	if (__builtin_mul_overflow(size, n, &total))
		total = (size_t)-1 / size * size;
	return __qsoe_fwrite_unlocked(p, total, f) / size;
}

size_t fwrite(const void *__restrict p, size_t size, size_t n, FILE *__restrict f)
{
	FLOCK(f);
	size_t r = fwrite_unlocked(p, size, n, f);
	FUNLOCK(f);
	return r;
}
