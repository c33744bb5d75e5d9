/*
 * sys/select.h - select() and pselect() (POSIX), built on poll(). A set
 * holds descriptors 0..FD_SETSIZE-1 (1024, the number sysconf(_SC_OPEN_MAX)
 * reports); select with nfds above FD_SETSIZE fails with EINVAL.
 */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <sys/cdefs.h>
#include <qsoe/abi/types.h>
#include <qsoe/abi/signal.h>
#include <qsoe/abi/time.h>

__BEGIN_DECLS

#ifndef __DEFINED_sigset_t
#define __DEFINED_sigset_t
typedef __sigset_t sigset_t;
#endif
#ifndef __DEFINED_time_t
#define __DEFINED_time_t
typedef __time_t time_t;
#endif
#ifndef __DEFINED_suseconds_t
#define __DEFINED_suseconds_t
typedef __suseconds_t suseconds_t;
#endif

#define FD_SETSIZE 1024
#define __NFDBITS  (8 * (int)sizeof(unsigned long))

typedef struct {
	unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(unsigned long))];
} fd_set;

#define FD_ZERO(s)                                                          \
	do {                                                                \
		for (unsigned __i = 0; __i < FD_SETSIZE / __NFDBITS; __i++) \
			(s)->fds_bits[__i] = 0;                             \
	} while (0)
#define FD_SET(d, s)   ((s)->fds_bits[(d) / __NFDBITS] |= 1UL << ((d) % __NFDBITS))
#define FD_CLR(d, s)   ((s)->fds_bits[(d) / __NFDBITS] &= ~(1UL << ((d) % __NFDBITS)))
#define FD_ISSET(d, s) (((s)->fds_bits[(d) / __NFDBITS] >> ((d) % __NFDBITS)) & 1)

int select(int nfds, fd_set *__restrict rd, fd_set *__restrict wr, fd_set *__restrict ex,
           struct timeval *__restrict timeout);
int pselect(int nfds, fd_set *__restrict rd, fd_set *__restrict wr, fd_set *__restrict ex,
            const struct timespec *__restrict timeout, const sigset_t *__restrict mask);

__END_DECLS

#endif /* _SYS_SELECT_H */
