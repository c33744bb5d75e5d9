/*
 * strspn.c - spans of byte sets: strspn, strcspn, strpbrk.
 */
#include <string.h>
#include "libc.h"

/* Mark the bytes of set in a 256-bit map. */
static void setmap(unsigned long map[256 / (8 * sizeof(long))], const char *set)
{
	const unsigned bits = 8 * sizeof(long);

	memset(map, 0, 256 / 8);
	for (const unsigned char *p = (const unsigned char *)set; *p; p++)
		map[*p / bits] |= 1UL << (*p % bits);
}

static int inmap(const unsigned long *map, unsigned char c)
{
	const unsigned bits = 8 * sizeof(long);

	return (map[c / bits] >> (c % bits)) & 1;
}

/* Length of the initial run of s made only of bytes in accept. */
size_t strspn(const char *s, const char *accept)
{
	unsigned long map[256 / (8 * sizeof(long))];
	const unsigned char *p = (const unsigned char *)s;

	setmap(map, accept);
	while (*p && inmap(map, *p))
		p++;
	return (size_t)((const char *)p - s);
}

/* Length of the initial run of s with no byte from reject. */
size_t strcspn(const char *s, const char *reject)
{
	unsigned long map[256 / (8 * sizeof(long))];
	const unsigned char *p = (const unsigned char *)s;

	if (!reject[0] || !reject[1])
		return (size_t)(strchrnul(s, reject[0]) - s);
	setmap(map, reject);
	while (*p && !inmap(map, *p))
		p++;
	return (size_t)((const char *)p - s);
}

/* First byte of s that is in accept, or NULL. */
char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}
