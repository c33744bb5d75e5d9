/*
 * locale.h - localization (ISO C 7.11, POSIX.1-2008 locale_t API).
 * QSOE has the locales "C", "POSIX" (the same) and "C.UTF-8". The category
 * numbers and struct lconv are QNX's.
 */
#ifndef _LOCALE_H
#define _LOCALE_H

#include <sys/cdefs.h>
#define __need_NULL
#include <stddef.h>

__BEGIN_DECLS

#ifndef __DEFINED_locale_t
#define __DEFINED_locale_t
typedef struct __qsoe_locale *locale_t;
#endif

#define LC_COLLATE       1
#define LC_CTYPE         2
#define LC_MONETARY      4
#define LC_NUMERIC       8
#define LC_TIME          16
#define LC_MESSAGES      32
#define LC_ALL           63

#define LC_COLLATE_MASK  LC_COLLATE
#define LC_CTYPE_MASK    LC_CTYPE
#define LC_MONETARY_MASK LC_MONETARY
#define LC_NUMERIC_MASK  LC_NUMERIC
#define LC_TIME_MASK     LC_TIME
#define LC_MESSAGES_MASK LC_MESSAGES
#define LC_ALL_MASK      LC_ALL

/* The current thread's locale is the global one. */
#define LC_GLOBAL_LOCALE ((locale_t)-1)

struct lconv {
	char *currency_symbol;
	char *int_curr_symbol;
	char *mon_decimal_point;
	char *mon_grouping;
	char *mon_thousands_sep;
	char *negative_sign;
	char *positive_sign;
	char frac_digits;
	char int_frac_digits;
	char n_cs_precedes;
	char n_sep_by_space;
	char n_sign_posn;
	char p_cs_precedes;
	char p_sep_by_space;
	char p_sign_posn;
	char int_n_cs_precedes;
	char int_n_sep_by_space;
	char int_n_sign_posn;
	char int_p_cs_precedes;
	char int_p_sep_by_space;
	char int_p_sign_posn;
	char *decimal_point;
	char *grouping;
	char *thousands_sep;
	char *_Frac_grouping;
	char *_Frac_sep;
	char *_False;
	char *_True;
	char *_No;
	char *_Yes;
	char *_Nostr;
	char *_Yesstr;
	char *_Reserved[8];
};

char *setlocale(int category, const char *locale);
struct lconv *localeconv(void);
locale_t newlocale(int mask, const char *locale, locale_t base);
locale_t duplocale(locale_t l);
void freelocale(locale_t l);
locale_t uselocale(locale_t l);

__END_DECLS

#endif /* _LOCALE_H */
