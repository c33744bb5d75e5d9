/*
 * shadow.h - the shadow password database, read from /etc/shadow.
 */
#ifndef _SHADOW_H
#define _SHADOW_H

#include <sys/cdefs.h>
#define __need_size_t
#include <stddef.h>

__BEGIN_DECLS

/* One /etc/shadow entry; an empty numeric field reads as -1. */
struct spwd {
	char *sp_namp;         /* login name */
	char *sp_pwdp;         /* encrypted password */
	long sp_lstchg;        /* day of the last change, in days since the Epoch */
	long sp_min;           /* minimum days between changes */
	long sp_max;           /* maximum days between changes */
	long sp_warn;          /* days of warning before expiry */
	long sp_inact;         /* days after expiry until the account is disabled */
	long sp_expire;        /* day the account expires, in days since the Epoch */
	unsigned long sp_flag; /* reserved */
};

struct spwd *getspnam(const char *name);
int getspnam_r(const char *name, struct spwd *sp, char *buf, size_t buflen, struct spwd **result);
struct spwd *getspent(void);
int getspent_r(struct spwd *sp, char *buf, size_t buflen, struct spwd **result);
void setspent(void);
void endspent(void);

__END_DECLS

#endif /* _SHADOW_H */
