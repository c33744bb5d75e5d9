/*
 * wctype.c - wide character classes and case mapping (wctype.h), from the
 * Unicode tables in unicode_tables.h (see README.md). In the "C" locale
 * only U+0000..U+00FF exist: the ASCII ones classified as by <ctype.h>,
 * the others in no class.
 */
#include <ctype.h>
#include <string.h>
#include <wctype.h>
#include "libc.h"
#include "locale_impl.h"
#include "unicode_tables.h"

/* Nonzero if c is in one of the n sorted inclusive ranges of t. */
static int in_ranges(const uint32_t (*t)[2], size_t n, uint32_t c)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c < t[mid][0])
			hi = mid;
		else if (c > t[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

#define IN(tab, c) in_ranges(tab, sizeof(tab) / sizeof(tab[0]), (uint32_t)(c))

/* Map c through a case table of runs {first, count, delta, step}. */
static wint_t map_case(const int32_t (*t)[4], size_t n, long span, wint_t c)
{
	size_t lo = 0, hi = n;

	/* Last run with first <= c. */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if ((wint_t)t[mid][0] <= c)
			lo = mid + 1;
		else
			hi = mid;
	}
	/* Runs may interleave (step 2): look back over every run that can reach c. */
	for (size_t i = lo; i-- > 0 && (long)c - t[i][0] <= span;) {
		long off = (long)c - t[i][0];
		if (off % t[i][3] == 0 && off / t[i][3] < t[i][1])
			return (wint_t)((long)c + t[i][2]);
	}
	return c;
}

/* Classification in the C locale (single bytes). */
static int c_locale(wint_t c, int (*fn)(int))
{
	return c < 0x80 ? fn((int)c) : 0;
}

int iswalnum(wint_t c)
{
	return iswalpha(c) || (c >= '0' && c <= '9');
}

int iswalpha(wint_t c)
{
	if (!__qsoe_utf8())
		return c_locale(c, isalpha);
	return c < 0x110000 && IN(alpha_tab, c);
}

int iswblank(wint_t c)
{
	if (!__qsoe_utf8())
		return c_locale(c, isblank);
	return c < 0x110000 && IN(blank_tab, c);
}

int iswcntrl(wint_t c)
{
	if (!__qsoe_utf8())
		return c_locale(c, iscntrl);
	return c < 0x110000 && IN(cntrl_tab, c);
}

int iswdigit(wint_t c)
{
	return c >= '0' && c <= '9';
}

int iswxdigit(wint_t c)
{
	return c < 0x80 && isxdigit((int)c);
}

int iswprint(wint_t c)
{
	if (!__qsoe_utf8())
		return c_locale(c, isprint);
	return c < 0x110000 && IN(print_tab, c);
}

int iswspace(wint_t c)
{
	if (!__qsoe_utf8())
		return c_locale(c, isspace);
	return c < 0x110000 && IN(space_tab, c);
}

int iswgraph(wint_t c)
{
	return iswprint(c) && !iswspace(c);
}

int iswpunct(wint_t c)
{
	return iswgraph(c) && !iswalnum(c);
}

int iswupper(wint_t c)
{
	if (!__qsoe_utf8())
		return c_locale(c, isupper);
	return c < 0x110000 && IN(upper_tab, c);
}

int iswlower(wint_t c)
{
	if (!__qsoe_utf8())
		return c_locale(c, islower);
	return c < 0x110000 && IN(lower_tab, c);
}

/* Uppercase mapping (Unicode simple case mapping in C.UTF-8). */
wint_t towupper(wint_t c)
{
	if (!__qsoe_utf8())
		return c < 0x80 ? (wint_t)toupper((int)c) : c;
	if (c < 0x80)
		return (wint_t)toupper((int)c);
	return map_case(toupper_tab, sizeof(toupper_tab) / sizeof(toupper_tab[0]), TOUPPER_TAB_SPAN,
	                c);
}

/* Lowercase mapping. */
wint_t towlower(wint_t c)
{
	if (!__qsoe_utf8())
		return c < 0x80 ? (wint_t)tolower((int)c) : c;
	if (c < 0x80)
		return (wint_t)tolower((int)c);
	return map_case(tolower_tab, sizeof(tolower_tab) / sizeof(tolower_tab[0]), TOLOWER_TAB_SPAN,
	                c);
}

static const struct {
	const char *name;
	int (*fn)(wint_t);
} classes[] = {
        {"alnum", iswalnum}, {"alpha", iswalpha}, {"blank", iswblank}, {"cntrl", iswcntrl},
        {"digit", iswdigit}, {"graph", iswgraph}, {"lower", iswlower}, {"print", iswprint},
        {"punct", iswpunct}, {"space", iswspace}, {"upper", iswupper}, {"xdigit", iswxdigit},
};

/* The class named name, or 0. */
wctype_t wctype(const char *name)
{
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++)
		if (!strcmp(name, classes[i].name))
			return i + 1;
	return 0;
}

/* Nonzero if c is in class t (from wctype). */
int iswctype(wint_t c, wctype_t t)
{
	if (t == 0 || t > sizeof(classes) / sizeof(classes[0]))
		return 0;
	return classes[t - 1].fn(c);
}

static const int map_upper = 1, map_lower = 2;

/* "toupper" or "tolower" mappings, else 0. */
wctrans_t wctrans(const char *name)
{
	if (!strcmp(name, "toupper"))
		return &map_upper;
	if (!strcmp(name, "tolower"))
		return &map_lower;
	return 0;
}

wint_t towctrans(wint_t c, wctrans_t t)
{
	if (t == &map_upper)
		return towupper(c);
	if (t == &map_lower)
		return towlower(c);
	return c;
}

/* The *_l forms use the thread's LC_CTYPE decision of the given locale. */
#define L_FORM(name, type)                 \
	int name##_l(wint_t c, locale_t l) \
	{                                  \
		(void)l;                   \
		return name(c);            \
	}
L_FORM(iswalnum, int)
L_FORM(iswalpha, int)
L_FORM(iswblank, int)
L_FORM(iswcntrl, int)
L_FORM(iswdigit, int)
L_FORM(iswgraph, int)
L_FORM(iswlower, int)
L_FORM(iswprint, int)
L_FORM(iswpunct, int)
L_FORM(iswspace, int)
L_FORM(iswupper, int)
L_FORM(iswxdigit, int)

int iswctype_l(wint_t c, wctype_t t, locale_t l)
{
	(void)l;
	return iswctype(c, t);
}

wctype_t wctype_l(const char *name, locale_t l)
{
	(void)l;
	return wctype(name);
}

wint_t towlower_l(wint_t c, locale_t l)
{
	(void)l;
	return towlower(c);
}

wint_t towupper_l(wint_t c, locale_t l)
{
	(void)l;
	return towupper(c);
}

wint_t towctrans_l(wint_t c, wctrans_t t, locale_t l)
{
	(void)l;
	return towctrans(c, t);
}

wctrans_t wctrans_l(const char *name, locale_t l)
{
	(void)l;
	return wctrans(name);
}
