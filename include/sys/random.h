/*
 * sys/random.h - getrandom() (Linux, also in FreeBSD and POSIX-2024's
 * companion getentropy() in unistd.h): bytes from /dev/urandom.
 */
#ifndef _SYS_RANDOM_H
#define _SYS_RANDOM_H

#include <sys/cdefs.h>
#include <sys/types.h>

__BEGIN_DECLS

#define GRND_NONBLOCK 0x1 /* accepted: /dev/urandom never blocks */
#define GRND_RANDOM   0x2 /* accepted: there is one generator */
#define GRND_INSECURE 0x4 /* accepted */

ssize_t getrandom(void *buf, size_t len, unsigned flags);
int getentropy(void *buf, size_t len);

__END_DECLS

#endif /* _SYS_RANDOM_H */
