/*
 * locale_impl.h - QSOE's locales. There are only "C" (= "POSIX") and
 * "C.UTF-8"; they differ only in LC_CTYPE (single bytes vs UTF-8). A
 * locale object records, per category, which of the two it has.
 */
#ifndef QSOE_LIBC_LOCALE_IMPL_H
#define QSOE_LIBC_LOCALE_IMPL_H

#include <locale.h>

#define QSOE_NCAT 6 /* collate, ctype, monetary, numeric, time, messages */

struct __qsoe_locale {
	unsigned char utf8[QSOE_NCAT]; /* per category: 1 = C.UTF-8, 0 = C */
};

/* The locale in effect for the calling thread. */
locale_t __qsoe_curlocale(void);

/* Nonzero if the calling thread's LC_CTYPE is UTF-8. */
int __qsoe_utf8(void);

/* The same for an explicit locale object (LC_GLOBAL_LOCALE allowed). */
int __qsoe_utf8_l(locale_t l);

#endif /* QSOE_LIBC_LOCALE_IMPL_H */
