/*
 * crypt.h - password hashing. crypt() and crypt_r() support SHA-512-crypt
 * ("$6$") and SHA-256-crypt ("$5$") as specified by Ulrich Drepper's
 * "Unix crypt using SHA-256 and SHA-512", including "rounds=N$". Any other
 * setting (DES, MD5, bcrypt...) gives NULL with errno EINVAL.
 */
#ifndef _CRYPT_H
#define _CRYPT_H

#include <sys/cdefs.h>

__BEGIN_DECLS

/* Work area for crypt_r(); the result points into it. */
struct crypt_data {
	char __output[128];
	char __work[384];
};

char *crypt(const char *key, const char *setting);
char *crypt_r(const char *key, const char *setting, struct crypt_data *data);

__END_DECLS

#endif /* _CRYPT_H */
