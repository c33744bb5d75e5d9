/*
 * locale.c - setlocale, localeconv, newlocale, duplocale, freelocale,
 * uselocale, MB_CUR_MAX.
 *
 * Locales: "C" and "POSIX" (the same: single-byte characters) and
 * "C.UTF-8" (UTF-8 characters); every other category behaves as "C" in
 * both. A program starts in "C" (ISO C). setlocale(cat, "") reads LC_ALL,
 * then LC_<category>, then LANG; if none is set the QSOE default is
 * "C.UTF-8". Any requested name ending in ".UTF-8" or ".utf8" (such as
 * "en_US.UTF-8") selects C.UTF-8; other unknown names fail (NULL).
 *
 * uselocale() is per thread: a small table maps a thread's lock-owner id
 * to its locale, consulted only while some thread has one installed.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include "libc.h"
#include "lock.h"
#include "locale_impl.h"

static struct __qsoe_locale global; /* all "C" at start */

static const int cat_of[QSOE_NCAT] = {LC_COLLATE, LC_CTYPE, LC_MONETARY,
                                      LC_NUMERIC, LC_TIME,  LC_MESSAGES};
static const char *const env_of[QSOE_NCAT] = {"LC_COLLATE", "LC_CTYPE", "LC_MONETARY",
                                              "LC_NUMERIC", "LC_TIME",  "LC_MESSAGES"};

/* Per-thread locales installed with uselocale. */
#define MAXTHREADS 64
static qsoe_lock_t tlock = QSOE_LOCK_INIT;
static struct {
	unsigned owner;
	locale_t loc;
} tl[MAXTHREADS];
static int ntl; /* entries in use (0: every thread uses the global locale) */

/* Index of category number cat in our arrays, or -1. */
static int idx_of(int cat)
{
	for (int i = 0; i < QSOE_NCAT; i++)
		if (cat_of[i] == cat)
			return i;
	return -1;
}

/* 1 for UTF-8, 0 for C, -1 if name is not a locale QSOE has. */
static int parse_name(const char *name)
{
	size_t n = strlen(name);

	if (!strcmp(name, "C") || !strcmp(name, "POSIX"))
		return 0;
	if (!strcmp(name, "C.UTF-8") || !strcmp(name, "C.utf8") || !strcmp(name, "C.utf-8"))
		return 1;
	if ((n > 6 && !strcmp(name + n - 6, ".UTF-8")) ||
	    (n > 6 && !strcmp(name + n - 6, ".utf-8")) ||
	    (n > 5 && !strcmp(name + n - 5, ".utf8")) || (n > 5 && !strcmp(name + n - 5, ".UTF8")))
		return 1;
	return -1;
}

/* The name setlocale("") chooses for category index i. */
static const char *env_name(int i)
{
	const char *s = getenv("LC_ALL");

	if (!s || !*s)
		s = getenv(env_of[i]);
	if (!s || !*s)
		s = getenv("LANG");
	if (!s || !*s)
		s = "C.UTF-8";
	return s;
}

static const char *name_of(int utf8)
{
	return utf8 ? "C.UTF-8" : "C";
}

/*
 * Query or set the global locale. Returns the name of the (new) locale of
 * the category, a composite "LC_CTYPE=...;..." name for LC_ALL when the
 * categories differ, or NULL (nothing changed) for an unknown name or
 * category.
 */
char *setlocale(int cat, const char *name)
{
	static char composite[128];
	int i = idx_of(cat);

	if (cat != LC_ALL && i < 0)
		return NULL;
	if (name) {
		struct __qsoe_locale nl = global;
		for (int j = 0; j < QSOE_NCAT; j++) {
			if (cat != LC_ALL && j != i)
				continue;
			const char *n = *name ? name : env_name(j);
			int v = parse_name(n);
			if (v < 0 && cat == LC_ALL && strchr(name, ';')) {
				/* A composite name from a previous query. */
				char key[32];
				size_t kl = strlen(env_of[j]);
				memcpy(key, env_of[j], kl);
				key[kl] = '=';
				key[kl + 1] = '\0';
				const char *p = strstr(name, key);
				if (p) {
					p += kl + 1;
					char one[32];
					size_t l = strcspn(p, ";");
					if (l < sizeof(one)) {
						memcpy(one, p, l);
						one[l] = '\0';
						v = parse_name(one);
					}
				}
			}
			if (v < 0)
				return NULL;
			nl.utf8[j] = (unsigned char)v;
		}
		global = nl;
	}
	if (cat != LC_ALL)
		return (char *)name_of(global.utf8[i]);
	int same = 1;
	for (int j = 1; j < QSOE_NCAT; j++)
		same &= global.utf8[j] == global.utf8[0];
	if (same)
		return (char *)name_of(global.utf8[0]);
	composite[0] = '\0';
	for (int j = 0; j < QSOE_NCAT; j++) {
		if (j)
			strlcat(composite, ";", sizeof(composite));
		strlcat(composite, env_of[j], sizeof(composite));
		strlcat(composite, "=", sizeof(composite));
		strlcat(composite, name_of(global.utf8[j]), sizeof(composite));
	}
	return composite;
}

/* Numeric and monetary conventions: those of "C" in every QSOE locale. */
struct lconv *localeconv(void)
{
	static struct lconv lc = {
	        .decimal_point = ".",
	        .thousands_sep = "",
	        .grouping = "",
	        .int_curr_symbol = "",
	        .currency_symbol = "",
	        .mon_decimal_point = "",
	        .mon_thousands_sep = "",
	        .mon_grouping = "",
	        .positive_sign = "",
	        .negative_sign = "",
	        .int_frac_digits = CHAR_MAX,
	        .frac_digits = CHAR_MAX,
	        .p_cs_precedes = CHAR_MAX,
	        .p_sep_by_space = CHAR_MAX,
	        .n_cs_precedes = CHAR_MAX,
	        .n_sep_by_space = CHAR_MAX,
	        .p_sign_posn = CHAR_MAX,
	        .n_sign_posn = CHAR_MAX,
	        .int_p_cs_precedes = CHAR_MAX,
	        .int_p_sep_by_space = CHAR_MAX,
	        .int_n_cs_precedes = CHAR_MAX,
	        .int_n_sep_by_space = CHAR_MAX,
	        .int_p_sign_posn = CHAR_MAX,
	        .int_n_sign_posn = CHAR_MAX,
	};
	return &lc;
}

/*
 * A locale with the categories in mask taken from name and the others from
 * base (which is reused and returned, or "C" if base is 0). NULL with
 * EINVAL for a bad mask or name, ENOENT for an unknown locale, ENOMEM.
 */
locale_t newlocale(int mask, const char *name, locale_t base)
{
	struct __qsoe_locale l = {0};

	if ((mask & ~LC_ALL_MASK) || !name) {
		errno = EINVAL;
		return NULL;
	}
	if (base && base != LC_GLOBAL_LOCALE)
		l = *base;
	for (int j = 0; j < QSOE_NCAT; j++) {
		if (!(mask & cat_of[j]))
			continue;
		int v = parse_name(*name ? name : env_name(j));
		if (v < 0) {
			errno = ENOENT;
			return NULL;
		}
		l.utf8[j] = (unsigned char)v;
	}
	if (!base || base == LC_GLOBAL_LOCALE) {
		base = malloc(sizeof(*base));
		if (!base)
			return NULL;
	}
	*base = l;
	return base;
}

/* A copy of l (LC_GLOBAL_LOCALE: of the global locale). */
locale_t duplocale(locale_t l)
{
	locale_t d = malloc(sizeof(*d));

	if (!d)
		return NULL;
	*d = l == LC_GLOBAL_LOCALE ? global : *l;
	return d;
}

/* Free a locale made by newlocale or duplocale. */
void freelocale(locale_t l)
{
	if (l && l != LC_GLOBAL_LOCALE)
		free(l);
}

/* This thread's installed locale, or NULL (lock not needed when ntl is 0). */
static locale_t thread_locale(void)
{
	if (!__atomic_load_n(&ntl, __ATOMIC_ACQUIRE))
		return NULL;
	unsigned me = __qsoe_lock_owner();
	locale_t r = NULL;
	qsoe_lock(&tlock);
	for (int i = 0; i < MAXTHREADS; i++)
		if (tl[i].owner == me) {
			r = tl[i].loc;
			break;
		}
	qsoe_unlock(&tlock);
	return r;
}

/*
 * Install l for the calling thread (LC_GLOBAL_LOCALE: follow the global
 * locale again; NULL: only query). Returns the previous setting, or NULL
 * with ENOMEM if more than 64 threads have their own locale at once.
 */
locale_t uselocale(locale_t l)
{
	locale_t old = thread_locale();

	if (!old)
		old = LC_GLOBAL_LOCALE;
	if (!l)
		return old;
	unsigned me = __qsoe_lock_owner();
	qsoe_lock(&tlock);
	int slot = -1, freeslot = -1;
	for (int i = 0; i < MAXTHREADS; i++) {
		if (tl[i].owner == me)
			slot = i;
		else if (!tl[i].owner && freeslot < 0)
			freeslot = i;
	}
	if (l == LC_GLOBAL_LOCALE) {
		if (slot >= 0) {
			tl[slot].owner = 0;
			tl[slot].loc = NULL;
			__atomic_sub_fetch(&ntl, 1, __ATOMIC_RELEASE);
		}
	} else if (slot >= 0) {
		tl[slot].loc = l;
	} else if (freeslot >= 0) {
		tl[freeslot].owner = me;
		tl[freeslot].loc = l;
		__atomic_add_fetch(&ntl, 1, __ATOMIC_RELEASE);
	} else {
		qsoe_unlock(&tlock);
		errno = ENOMEM;
		return NULL;
	}
	qsoe_unlock(&tlock);
	return old;
}

/* The locale in effect for this thread. */
locale_t __qsoe_curlocale(void)
{
	locale_t l = thread_locale();

	return l ? l : &global;
}

int __qsoe_utf8_l(locale_t l)
{
	if (l == LC_GLOBAL_LOCALE || !l)
		l = &global;
	return l->utf8[1];
}

/* Nonzero if this thread's LC_CTYPE is UTF-8. */
int __qsoe_utf8(void)
{
	if (!__atomic_load_n(&ntl, __ATOMIC_ACQUIRE))
		return global.utf8[1];
	return __qsoe_curlocale()->utf8[1];
}

/* MB_CUR_MAX: 4 in C.UTF-8, 1 in C. */
size_t __qsoe_mb_cur_max(void)
{
	return __qsoe_utf8() ? 4 : 1;
}
