/*
 * ffs.c - find the first (least significant) set bit.
 */
#include <strings.h>

/* 1-based index of the lowest set bit of i, or 0 if i is 0. */
int ffs(int i)
{
	return i ? __builtin_ctz((unsigned)i) + 1 : 0;
}

/* ffs for long. */
int ffsl(long i)
{
	return i ? __builtin_ctzl((unsigned long)i) + 1 : 0;
}

/* ffs for long long. */
int ffsll(long long i)
{
	return i ? __builtin_ctzll((unsigned long long)i) + 1 : 0;
}
