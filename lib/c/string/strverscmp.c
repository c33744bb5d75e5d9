/*
 * strverscmp.c - GNU strverscmp(): compares strings that hold version
 * numbers, so that "file9" < "file10" and "1.2" < "1.10"; a digit run with
 * leading zeros is a fraction ("000" < "00" < "01" < "010" < "09" < "0" <
 * "1" < "9" < "10"), as the GNU manual specifies.
 */
#include <string.h>

enum { S_N, S_I, S_F, S_Z }; /* before digits, integral part, fraction, leading zeros */

/* The class of c: 0 non-digit, 1 digit 1-9, 2 zero. */
static int cls(unsigned char c)
{
	return c == '0' ? 2 : (c >= '1' && c <= '9') ? 1 : 0;
}

/* The state after c, from state s. */
static int next(int s, unsigned char c)
{
	int k = cls(c);

	if (k == 0)
		return S_N;
	if (s == S_N)
		return k == 2 ? S_Z : S_I;
	if (s == S_Z)
		return k == 2 ? S_Z : S_F;
	return s; /* S_I and S_F continue through digits */
}

/* Length of the digit run at s. */
static size_t digits(const unsigned char *s)
{
	size_t n = 0;

	while (s[n] >= '0' && s[n] <= '9')
		n++;
	return n;
}

/* <0, 0 or >0 as a sorts before, with or after b in version order. */
int strverscmp(const char *a, const char *b)
{
	const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
	int s = S_N;
	size_t i = 0;

	while (p[i] == q[i]) {
		if (!p[i])
			return 0;
		s = next(s, p[i]);
		i++;
	}
	int diff = (int)p[i] - (int)q[i];
	int ca = cls(p[i]), cb = cls(q[i]);
	/* Integral parts of different lengths: the longer is the greater number. */
	int len = 0;
	if (s == S_N) {
		len = ca == 1 && cb == 1;
	} else if (s == S_I) {
		if (ca && !cb)
			return 1;
		if (!ca && cb)
			return -1;
		len = ca && cb;
	} else if (s == S_Z) {
		/* in leading zeros, more digits means a smaller fraction */
		if (ca && !cb)
			return -1;
		if (!ca && cb)
			return 1;
	}
	if (len) {
		size_t la = digits(p + i), lb = digits(q + i);
		if (la != lb)
			return la > lb ? 1 : -1;
	}
	return diff;
}
