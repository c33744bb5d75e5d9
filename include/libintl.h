/*
 * libintl.h - GNU gettext message translation. QSOE has no message
 * catalogs: every lookup returns its message unchanged (msgid, or for the
 * plural forms msgid1 when n == 1 and msgid2 otherwise, the English rule),
 * which is what gettext does for the C locale. The domain functions record
 * and report names so programs that set them up work unchanged.
 */
#ifndef _LIBINTL_H
#define _LIBINTL_H

#include <sys/cdefs.h>

__BEGIN_DECLS

char *gettext(const char *msgid);
char *dgettext(const char *domain, const char *msgid);
char *dcgettext(const char *domain, const char *msgid, int category);
char *ngettext(const char *msgid1, const char *msgid2, unsigned long n);
char *dngettext(const char *domain, const char *msgid1, const char *msgid2, unsigned long n);
char *dcngettext(const char *domain, const char *msgid1, const char *msgid2, unsigned long n,
                 int category);
char *textdomain(const char *domain);
char *bindtextdomain(const char *domain, const char *dir);
char *bind_textdomain_codeset(const char *domain, const char *codeset);

__END_DECLS

#endif /* _LIBINTL_H */
