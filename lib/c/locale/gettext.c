/*
 * gettext.c - <libintl.h> without message catalogs: lookups return the
 * message given (see the header). textdomain keeps the current domain
 * name (default "messages"); bindtextdomain and bind_textdomain_codeset
 * accept and report their argument.
 */
#include <errno.h>
#include <libintl.h>
#include <stdlib.h>
#include <string.h>
#include "lock.h"

static qsoe_lock_t domain_lock = QSOE_LOCK_INIT;
static char *current; /* malloc'd, or NULL for "messages" */

char *gettext(const char *msgid)
{
	return (char *)msgid;
}

char *dgettext(const char *domain, const char *msgid)
{
	(void)domain;
	return (char *)msgid;
}

char *dcgettext(const char *domain, const char *msgid, int category)
{
	(void)domain;
	(void)category;
	return (char *)msgid;
}

/* msgid1 for n == 1, msgid2 otherwise. */
char *ngettext(const char *msgid1, const char *msgid2, unsigned long n)
{
	return (char *)(n == 1 ? msgid1 : msgid2);
}

char *dngettext(const char *domain, const char *msgid1, const char *msgid2, unsigned long n)
{
	(void)domain;
	return ngettext(msgid1, msgid2, n);
}

char *dcngettext(const char *domain, const char *msgid1, const char *msgid2, unsigned long n,
                 int category)
{
	(void)domain;
	(void)category;
	return ngettext(msgid1, msgid2, n);
}

/*
 * Sets the current domain (domain not NULL; "" means "messages") and
 * returns it; NULL with ENOMEM if it cannot be kept. The returned string
 * stays valid until the domain is changed again.
 */
char *textdomain(const char *domain)
{
	qsoe_lock(&domain_lock);
	if (domain) {
		char *copy = NULL;
		if (*domain && strcmp(domain, "messages") != 0 && !(copy = strdup(domain))) {
			qsoe_unlock(&domain_lock);
			errno = ENOMEM;
			return NULL;
		}
		free(current);
		current = copy;
	}
	char *r = current ? current : (char *)"messages";
	qsoe_unlock(&domain_lock);
	return r;
}

/* Accepts a catalog directory (there are no catalogs); returns dir, or "/usr/share/locale" for NULL. */
char *bindtextdomain(const char *domain, const char *dir)
{
	if (!domain || !*domain) {
		errno = EINVAL;
		return NULL;
	}
	return (char *)(dir ? dir : "/usr/share/locale");
}

/* Accepts a codeset; returns it (NULL: none was set). */
char *bind_textdomain_codeset(const char *domain, const char *codeset)
{
	if (!domain || !*domain) {
		errno = EINVAL;
		return NULL;
	}
	return (char *)codeset;
}
